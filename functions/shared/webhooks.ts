// Sending one signed webhook (Standard Webhooks, via the `standardwebhooks` package). The endpoint's
// addresses are checked at the moment of connection (the socket's own DNS lookup), so a name that
// resolved to a public address at creation and to a private one now is refused now.
import { randomBytes } from 'node:crypto';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { DELIVERY_TIMEOUT_MS, type EndpointMode, addressProblem, parseRetryAfter, urlProblem } from '../../core/subscriptions.ts';

/** Where endpoints may point: `local` (the local stack sets it) also allows http to loopback. */
export const endpointMode = (): EndpointMode => (process.env.WEBHOOK_ENDPOINTS === 'local' ? 'local' : 'cloud');

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export const newSigningSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** Every signature of a payload, one per signing secret, space-separated (`v1,…  v1,…`). */
export function signatures(secrets: readonly string[], id: string, at: Date, payload: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(id, at, payload)).join(' ');
}

/** An endpoint URL's problem, its name resolved now: undefined when it may be used. */
export async function endpointProblem(url: string, mode = endpointMode()): Promise<string | undefined> {
  const problem = urlProblem(url, mode);
  if (problem) return problem;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addresses: dns.LookupAddress[];
  try {
    addresses = await dns.promises.lookup(host, { all: true, verbatim: true });
  } catch {
    return `does not resolve (${host})`;
  }
  for (const { address } of addresses) {
    const refused = addressProblem(address, mode);
    if (refused) return `${host} ${refused}`;
  }
  return undefined;
}

class RefusedAddress extends Error {}

/** The socket's lookup, refusing any address an endpoint may not use. */
const checkedLookup =
  (mode: EndpointMode): LookupFunction =>
  (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const list = addresses as unknown as dns.LookupAddress[];
      const refused = list.map((a) => addressProblem(a.address, mode)).find(Boolean);
      if (refused) return callback(new RefusedAddress(`${hostname} ${refused}`), '', 4);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };

export interface Outcome {
  status?: number;
  latencyMs: number;
  error?: string;
  /** Seconds the endpoint asked to wait (Retry-After). */
  retryAfter?: number;
}

/** POSTs `body` to `url` with `headers`, cut at the timeout; never throws. */
export async function post(url: string, body: string, headers: Record<string, string>, options: { timeoutMs?: number; mode?: EndpointMode } = {}): Promise<Outcome> {
  const mode = options.mode ?? endpointMode();
  const timeoutMs = options.timeoutMs ?? Number(process.env.WEBHOOK_TIMEOUT_MS ?? DELIVERY_TIMEOUT_MS);
  const started = Date.now();
  const problem = urlProblem(url, mode);
  if (problem) return { latencyMs: 0, error: `endpoint ${problem}` };
  const target = new URL(url);
  return new Promise<Outcome>((resolve) => {
    const done = (outcome: Omit<Outcome, 'latencyMs'>) => {
      clearTimeout(timer);
      resolve({ ...outcome, latencyMs: Date.now() - started });
    };
    const request = (target.protocol === 'https:' ? https : http).request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'liudong-webhooks/1' },
        lookup: checkedLookup(mode),
        // One connection per attempt: a kept-alive socket would skip the address check.
        agent: false,
      },
      (response) => {
        // The body is not needed: read and drop it (at most 64 KiB), then settle.
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > 65536) response.destroy();
        });
        const finish = () => {
          const status = response.statusCode ?? 0;
          const retryAfter = parseRetryAfter(response.headers['retry-after'], new Date());
          done({ status, ...(status >= 200 && status < 300 ? {} : { error: `HTTP ${status}` }), ...(retryAfter !== undefined ? { retryAfter } : {}) });
        };
        response.on('end', finish);
        response.on('close', finish);
        response.on('error', finish);
      },
    );
    const timer = setTimeout(() => request.destroy(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
    request.on('error', (error: Error & { code?: string }) => {
      const reason = error instanceof RefusedAddress ? `endpoint ${error.message}` : error.code ? `${error.code}: ${error.message}` : error.message;
      done({ error: reason });
    });
    request.end(body);
  });
}
