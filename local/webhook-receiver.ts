// A small webhook receiver for developers and tests: verifies each request's Standard Webhooks
// signature against the given secrets (several during a rotation), and records or prints what
// arrives. `npm run webhook-receiver -- --port 4100 --secret whsec_…`
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  contentType: string;
  /** The CloudEvent as received. */
  event: Record<string, unknown>;
  /** Whether a secret verified the signature (and the timestamp was within five minutes). */
  verified: boolean;
  at: number;
}

export interface ReceiverOptions {
  port?: number;
  secrets: string[];
  /** Decides the answer to each request (default: 204 when the signature verifies, else 401). */
  respond?: (r: Received, res: http.ServerResponse) => void | Promise<void>;
  onReceive?: (r: Received) => void;
}

export interface WebhookReceiver {
  url: string;
  port: number;
  received: Received[];
  secrets: string[];
  stop(): Promise<void>;
}

export async function startWebhookReceiver(options: ReceiverOptions): Promise<WebhookReceiver> {
  const received: Received[] = [];
  const secrets = [...options.secrets];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const payload = Buffer.concat(chunks).toString('utf8');
      const headers = { 'webhook-id': String(req.headers['webhook-id'] ?? ''), 'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''), 'webhook-signature': String(req.headers['webhook-signature'] ?? '') };
      const verified = secrets.some((secret) => {
        try {
          new Webhook(secret).verify(payload, headers);
          return true;
        } catch {
          return false;
        }
      });
      let event: Record<string, unknown> = {};
      try {
        event = JSON.parse(payload) as Record<string, unknown>;
      } catch {
        // recorded as empty: the test or the developer sees it was not JSON
      }
      const r: Received = { id: headers['webhook-id'], timestamp: headers['webhook-timestamp'], signature: headers['webhook-signature'], contentType: String(req.headers['content-type'] ?? ''), event, verified, at: Date.now() };
      received.push(r);
      options.onReceive?.(r);
      if (options.respond) return void Promise.resolve(options.respond(r, res)).catch(() => res.destroy());
      res.writeHead(verified ? 204 : 401).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    port,
    received,
    secrets,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// The command line.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4100' },
      secret: { type: 'string', multiple: true, default: [] },
      status: { type: 'string', default: '204' },
    },
  });
  if (values.secret.length === 0 || values.secret.some((s) => !s.startsWith('whsec_'))) {
    console.error('webhook-receiver: --secret whsec_… is required (the secret POST /v1/subscriptions answered; repeat it for a rotation)');
    process.exit(2);
  }
  const status = Number(values.status);
  const receiver = await startWebhookReceiver({
    port: Number(values.port),
    secrets: values.secret,
    respond: (r, res) => void res.writeHead(r.verified ? status : 401).end(),
    onReceive: (r) => {
      const data = (r.event.data ?? {}) as Record<string, unknown>;
      console.log(`${new Date(r.at).toISOString()} ${r.verified ? 'verified' : 'BAD SIGNATURE'} ${r.id} ${String(r.event.type)} ${String(r.event.subject ?? '')}`);
      console.log(`  ${JSON.stringify(data)}`);
    },
  });
  console.log(`webhook receiver listening at ${receiver.url} (answers ${status} to verified deliveries, 401 otherwise); Ctrl-C stops it`);
  process.on('SIGINT', () => void receiver.stop().then(() => process.exit(0)));
}
