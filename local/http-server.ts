// An HTTP server that speaks API Gateway HTTP API (payload format 2.0) to the handlers:
// it matches the routes of wiring/, verifies the bearer token like the JWT authorizer,
// builds the same event and turns the handler's result into the HTTP response.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { type FunctionName, type QueueName, fallbackRoute, queues, routePattern, routes, schedules, stageThrottle } from '../wiring/index.ts';
import type { DevIssuer } from './dev-issuer.ts';
import { invoke } from './invoke.ts';
import { CONSOLE_CONFIG_PATH, type ConsoleConfig } from '../wiring/console.ts';
import { DEMO_ACCOUNTS, serveConsole } from './console.ts';
import * as clock from '../functions/shared/clock.ts';

const compiled = routes.map((r) => ({
  ...r,
  // API Gateway's throttling as a token bucket per route: `burst` tokens, refilled at the rate;
  // the route's own limits, or the stage's default ones.
  bucket: tokenBucket(r.throttle ?? stageThrottle),
  routeKey: `${r.method} ${r.path}`,
  pattern: routePattern(r.path),
}));

/** What no route matches goes to, as to API Gateway's `$default` route: public, the stage's limits. */
const fallback = {
  ...fallbackRoute,
  method: 'ANY',
  path: '$default',
  auth: 'none' as const,
  bucket: tokenBucket(stageThrottle),
  routeKey: '$default',
  pattern: /^$/,
};

/** A token bucket: `burst` tokens, refilled at `ratePerSecond`; each request takes one or is refused. */
export function tokenBucket(limits: { ratePerSecond: number; burst: number }, start = Date.now()) {
  let tokens: number = limits.burst;
  let at = start;
  return {
    limits,
    take(now: number): boolean {
      tokens = Math.min(limits.burst, tokens + (Math.max(0, now - at) / 1000) * limits.ratePerSecond);
      at = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

/** The limits each route is held to here: its own, or the stage's default. */
export const localRouteLimits = () => Object.fromEntries(compiled.map((r) => [r.routeKey, r.bucket.limits]));

/** The route keys this server answers, for comparison with the CDK template. */
export const localRouteKeys = () => compiled.map((r) => r.routeKey);

const API_GATEWAY_MAX_PAYLOAD = 10 * 1024 * 1024;

const TEXT_TYPES = /^(text\/|application\/(json|[\w.+-]*\+json|xml|x-www-form-urlencoded|javascript))/i;

function apiGatewayMessage(res: http.ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ message }));
}

/** Streams a request to the local S3 and its answer back (multipart uploads of `npm run import` too). */
function passToS3(endpoint: string, url: URL, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const target = new URL(`${url.pathname.slice(LOCAL_S3_PATH.length)}${url.search}`, endpoint);
  return new Promise((resolve) => {
    const upstream = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res).on('finish', resolve);
    });
    upstream.on('error', () => {
      if (!res.headersSent) apiGatewayMessage(res, 502, 'Bad Gateway');
      else res.destroy();
      resolve();
    });
    req.pipe(upstream);
  });
}

export interface LocalApi {
  url: string;
  stop(): Promise<void>;
}

/** What the local operator routes do with the stack's queues. */
export interface LocalOperator {
  deadLetters(): Promise<Record<string, number>>;
  replay(queue: QueueName): Promise<number>;
}

/**
 * Local only: the local S3 on the console's own origin. The emulator speaks no CORS, so a browser
 * could not PUT an import file to it from the console; upload URLs are signed for this path
 * instead (UPLOAD_ENDPOINT_URL) and passed through untouched. In AWS the browser PUTs to S3.
 */
export const LOCAL_S3_PATH = '/_local/s3';

export async function startHttpServer(options: {
  port: number;
  issuer: DevIssuer;
  operator: LocalOperator;
  onError: (e: unknown) => void;
  /** The local S3 to pass LOCAL_S3_PATH through to. */
  s3Endpoint?: string;
}): Promise<LocalApi> {
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      options.onError(error);
      if (!res.headersSent) apiGatewayMessage(res, 500, 'Internal Server Error');
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (options.s3Endpoint && url.pathname.startsWith(`${LOCAL_S3_PATH}/`)) return passToS3(options.s3Endpoint, url, req, res);
    if (req.method === 'GET' && url.pathname === '/.well-known/jwks.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(options.issuer.jwks));
      return;
    }
    // Local only (no such routes in the CDK stack), for an administrator of the dev issuer:
    // run a schedule once as of an instant; list or replay dead letters.
    // Local only: the console's demo accounts, signed in through the dev issuer. In AWS the
    // config.json beside the console names Cognito instead (lib/console.ts).
    if (req.method === 'GET' && url.pathname === CONSOLE_CONFIG_PATH) {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
      res.end(JSON.stringify({ signIn: 'local' } satisfies ConsoleConfig));
      return;
    }
    if (req.method === 'GET' && url.pathname === '/_local/demo-accounts') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(DEMO_ACCOUNTS.map(({ id, label, role, jurisdiction }) => ({ id, label, role, ...(jurisdiction ? { jurisdiction } : {}) }))));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/_local/sign-in') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const wanted = (() => {
        try {
          return (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { account?: string }).account;
        } catch {
          return undefined;
        }
      })();
      const account = DEMO_ACCOUNTS.find((a) => a.id === wanted);
      if (!account) return apiGatewayMessage(res, 404, 'no such demo account');
      const { id, label: _label, ...claims } = account;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ token: await options.issuer.sign({ ...claims, sub: id }) }));
      return;
    }
    const operator = /^\/_local\/(schedules|dead-letters)(?:\/([A-Za-z]+))?(?:\/(replay))?$/.exec(url.pathname);
    if (operator) {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const claims = token ? await options.issuer.verify(token).catch(() => undefined) : undefined;
      if (claims?.['custom:role'] !== 'admin') return apiGatewayMessage(res, 403, 'an administrator token of the dev issuer is required');
      const answer = (body: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const [, kind, name, replay] = operator;
      if (kind === 'schedules' && req.method === 'POST' && name && !replay) {
        if (!schedules.some((s) => s.function === name)) return apiGatewayMessage(res, 404, `no schedule runs ${name}`);
        const at = url.searchParams.get('at') ?? clock.now().toISOString();
        if (Number.isNaN(Date.parse(at))) return apiGatewayMessage(res, 400, 'at must be an instant (ISO 8601 with an offset)');
        // A JSON body adds to the payload: what to run it for (npm run report, npm run reconcile).
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        let extra: Record<string, unknown> = {};
        try {
          extra = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
        } catch {
          return apiGatewayMessage(res, 400, 'the body must be a JSON object');
        }
        return answer(await invoke(name as FunctionName, { ...extra, asOf: new Date(at).toISOString() }));
      }
      if (kind === 'dead-letters' && req.method === 'GET' && !name) return answer(await options.operator.deadLetters());
      if (kind === 'dead-letters' && req.method === 'POST' && name && replay) {
        if (!(name in queues)) return apiGatewayMessage(res, 404, `no queue ${name}`);
        return answer({ queue: name, replayed: await options.operator.replay(name as QueueName) });
      }
      return apiGatewayMessage(res, 404, 'Not Found');
    }
    // Everything outside the API is the web console (built into web/dist), on the same origin.
    if (req.method === 'GET' && !url.pathname.startsWith('/v1/') && !url.pathname.startsWith('/_local/') && serveConsole(url.pathname, res)) return;
    // As API Gateway: the route the method and path match, else the `$default` route.
    const route = compiled.find((r) => r.method === req.method && r.pattern.test(url.pathname)) ?? fallback;
    const pathParameters = url.pathname.match(route.pattern)?.groups ?? {};
    if (!route.bucket.take(Date.now())) return apiGatewayMessage(res, 429, 'Too Many Requests', { 'retry-after': '1' });

    // API Gateway HTTP APIs take at most 10 MB of payload (the rest is read and dropped, so the client hears the answer).
    const chunks: Buffer[] = [];
    let received = 0;
    for await (const chunk of req) {
      received += (chunk as Buffer).length;
      if (received <= API_GATEWAY_MAX_PAYLOAD) chunks.push(chunk as Buffer);
    }
    if (received > API_GATEWAY_MAX_PAYLOAD) return apiGatewayMessage(res, 413, 'Request Entity Too Large');
    const raw = Buffer.concat(chunks);

    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
    }

    let claims: Record<string, string> | undefined;
    if (route.auth === 'jwt') {
      const match = /^Bearer (.+)$/i.exec(headers.authorization ?? '');
      try {
        if (!match) throw new Error('no bearer token');
        claims = await options.issuer.verify(match[1]!);
      } catch {
        return apiGatewayMessage(res, 401, 'Unauthorized', { 'www-authenticate': 'Bearer' });
      }
    }

    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
    const isText = TEXT_TYPES.test(headers['content-type'] ?? '');
    const now = new Date();
    const event: APIGatewayProxyEventV2WithJWTAuthorizer = {
      version: '2.0',
      routeKey: route.routeKey,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
      ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: headers.host ?? 'localhost',
        domainPrefix: 'local',
        http: {
          method: req.method ?? 'GET',
          path: url.pathname,
          protocol: `HTTP/${req.httpVersion}`,
          sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
          userAgent: headers['user-agent'] ?? '',
        },
        requestId: randomUUID(),
        routeKey: route.routeKey,
        stage: '$default',
        time: now.toISOString(),
        timeEpoch: now.getTime(),
        authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: claims ?? {}, scopes: [] } },
      },
      ...(raw.length > 0 ? { body: isText ? raw.toString('utf8') : raw.toString('base64') } : {}),
      isBase64Encoded: raw.length > 0 && !isText,
    };

    const result = (await invoke(route.function, event)) as APIGatewayProxyStructuredResultV2 | string | object | undefined;
    // Payload 2.0: a result without statusCode is taken as a 200 JSON body.
    const structured: APIGatewayProxyStructuredResultV2 =
      result && typeof result === 'object' && 'statusCode' in result
        ? (result as APIGatewayProxyStructuredResultV2)
        : { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(result) };
    const body = structured.body ? Buffer.from(structured.body, structured.isBase64Encoded ? 'base64' : 'utf8') : Buffer.alloc(0);
    res.writeHead(structured.statusCode ?? 200, {
      ...(structured.headers as Record<string, string>),
      'x-amzn-requestid': event.requestContext.requestId,
      'content-length': String(body.length),
    });
    res.end(body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
