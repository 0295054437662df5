// Every API handler is built here: a middy chain that turns an API Gateway HTTP API event
// into validated input and a principal, and any failure into RFC 9457 problem details.
// A handler body only calls the core, persists and returns.
import middy, { type MiddlewareObj } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import { z } from 'zod';
import { declinedFields } from '../../core/declined.ts';
import { DomainError, type FieldProblem } from '../../core/errors.ts';
import { permits, roleAllowed } from '../../core/authorisation.ts';
import { routeKeyOf, type RouteDeclaration } from '../../core/routes.ts';
import { type Principal, ROLES, type Role } from '../../core/principal.ts';
import { isJurisdictionCode } from '../../core/jurisdiction.ts';
import { parseIdNumber } from '../../core/id-number.ts';
import { localDate } from '../../core/calendar.ts';
import { audited } from './audit.ts';
import { type Loaded, loadScope } from './scopes.ts';
import { cancellationCodes } from './store/conditional.ts';
import { KeyProblem, type Outcome, idempotently, keyOf } from './idempotency.ts';
import { CLAIM_ENV, DEFAULT_CLAIMS } from '../../wiring/index.ts';
import { logger } from './observability.ts';
import * as clock from './clock.ts';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export interface HttpResult {
  statusCode: number;
  headers?: Record<string, string>;
  body: string;
}

const PROBLEM_TYPES = {
  400: ['bad-request', 'Bad request'],
  401: ['unauthorized', 'Unauthorized'],
  403: ['forbidden', 'Forbidden'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  409: ['conflict', 'Conflict'],
  413: ['payload-too-large', 'Payload too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  422: ['unprocessable', 'Unprocessable content'],
  429: ['too-many-requests', 'Too many requests'],
  500: ['internal', 'Internal error'],
  503: ['unavailable', 'Service unavailable'],
} as const;
type ProblemStatus = keyof typeof PROBLEM_TYPES;

/** An error that already knows its HTTP status; thrown by the parsing steps below. */
export class HttpProblem extends Error {
  constructor(
    readonly status: ProblemStatus,
    detail: string,
    readonly fields: FieldProblem[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export function problem(
  status: ProblemStatus,
  detail: string,
  instance?: string,
  fields: FieldProblem[] = [],
  extensions: Record<string, unknown> = {},
): HttpResult {
  const [slug, title] = PROBLEM_TYPES[status];
  return {
    statusCode: status,
    headers: { 'content-type': 'application/problem+json' },
    body: JSON.stringify({
      type: `urn:liudong:problem:${slug}`,
      title,
      status,
      detail,
      ...(instance ? { instance } : {}),
      ...extensions,
      ...(fields.length > 0 ? { errors: fields } : {}),
    }),
  };
}

export const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const DOMAIN_STATUS: Record<DomainError['kind'], ProblemStatus> = {
  validation: 400,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  unprocessable: 422,
};

function toProblem(error: unknown, instance: string): HttpResult {
  if (error instanceof HttpProblem) {
    const result = problem(error.status, error.message, instance, error.fields);
    return { ...result, headers: { ...result.headers, ...error.headers } };
  }
  if (error instanceof DomainError) return problem(DOMAIN_STATUS[error.kind], error.message, instance, error.fields, error.extensions);
  if (error instanceof KeyProblem) {
    const reason = { 400: 'is not a key liudong takes', 409: 'is in use by a request still running', 422: 'was used with a different body' }[error.status];
    const result = problem(error.status, error.message, instance, [{ field: 'Idempotency-Key', reason }]);
    return error.retryAfterSeconds ? { ...result, headers: { ...result.headers, 'retry-after': String(error.retryAfterSeconds) } } : result;
  }
  const unavailable = unavailability(error);
  if (unavailable) {
    // Not the request's fault and not a defect: the client may send the same request again.
    if (unavailable === 'busy') logger.warn('throttled', error as Error);
    else logger.error('a service liudong depends on is unavailable', error as Error);
    const busy = problem(503, unavailable === 'busy' ? 'The service is busy; retry after a moment' : 'A service liudong depends on is unavailable; retry after the time given', instance);
    return { ...busy, headers: { ...busy.headers, 'retry-after': unavailable === 'busy' ? '1' : '5' } };
  }
  logger.error('unhandled error', error as Error);
  return problem(500, 'An unexpected error occurred; it has been logged', instance);
}

/** AWS services saying "slow down" (DynamoDB, SQS, KMS, S3, SES, SNS), after the SDK's own retries. */
const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'KmsThrottled',
  'KMSThrottlingException',
  'SlowDown',
]);

/**
 * A service liudong depends on that cannot serve now: KMS (its key store, a dependency, a key
 * disabled or pending deletion: an operator must know, and the request passes once it is put
 * right), a server-side fault, a timeout or a lost connection after the SDK's retries.
 */
const UNAVAILABLE = new Set([
  'KMSInternalException',
  'KeyUnavailableException',
  'DependencyTimeoutException',
  'KMSInvalidStateException',
  'DisabledException',
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** Why DynamoDB cancels a transaction where the same transaction may pass when sent again. */
const RETRYABLE_CANCELLATIONS = new Set(['ThrottlingError', 'ProvisionedThroughputExceeded', 'TransactionConflict']);

/**
 * `busy`: throttled, or a transaction cancelled for throttling or for a concurrent transaction
 * on one of its items (DynamoDB says retry: nothing was written); `down`: a dependency is
 * unavailable; undefined: anything else (a defect: 500).
 */
function unavailability(error: unknown): 'busy' | 'down' | undefined {
  const e = error as { name?: string; code?: string; $fault?: string } | undefined;
  const name = e?.name ?? '';
  if (THROTTLING.has(name)) return 'busy';
  if ((cancellationCodes(error) ?? []).some((code) => RETRYABLE_CANCELLATIONS.has(code))) return 'busy';
  if (UNAVAILABLE.has(name) || NETWORK_CODES.has(e?.code ?? '') || e?.$fault === 'server') return 'down';
  return undefined;
}

const fieldProblems = (error: z.ZodError, prefix: string): FieldProblem[] =>
  error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || prefix,
    reason:
      issue.code === 'unrecognized_keys'
        ? `unknown field(s): ${issue.keys.join(', ')}`
        : issue.code === 'invalid_type' && / received undefined$/.test(issue.message)
          ? 'is required'
          : issue.message,
  }));

export type ClaimKey = keyof typeof DEFAULT_CLAIMS;

/** The claim that carries `key` in this deployment's tokens: the variable's name, or Cognito's. */
export const claimName = (key: ClaimKey): string => process.env[CLAIM_ENV[key]] || DEFAULT_CLAIMS[key];

function principalOf(event: HttpEvent): Principal {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  if (!claims?.sub) throw new HttpProblem(401, 'A valid bearer token is required');
  const claim = (key: ClaimKey) => (claims[claimName(key)] as string | undefined) || undefined;
  const role = claim('role') as Role;
  // A token without a role liudong knows is not a liudong token: unauthenticated, like a bad signature.
  if (!ROLES.includes(role) || role === 'system') throw new HttpProblem(401, 'The token carries no role liudong knows');
  const jurisdiction = claim('jurisdiction');
  const bound = role === 'caseworker' || role === 'supervisor' || role === 'filer' || role === 'agency';
  if ((bound && !jurisdiction) || (jurisdiction !== undefined && !isJurisdictionCode(jurisdiction))) {
    throw new HttpProblem(403, 'An office, filer or agency token must carry a jurisdiction code');
  }
  const organisation = claim('organisation');
  if (role === 'filer' && !organisation) throw new HttpProblem(403, 'A filer token must carry an organisation');
  // A person is who the identity provider verified (real-name verification): the ID number claim.
  const idNumber = claim('idNumber');
  if (role === 'person' && (!idNumber || 'error' in parseIdNumber(idNumber, localDate(clock.now())))) {
    throw new HttpProblem(403, `A person token must carry the verified ID number (${claimName('idNumber')})`);
  }
  const agency = claim('agency');
  if (role === 'agency' && !agency) throw new HttpProblem(403, 'An agency token must carry an agency id');
  return {
    sub: String(claims.sub),
    role,
    ...(role !== 'person' && jurisdiction ? { jurisdiction } : {}),
    ...(role === 'filer' ? { organisation } : {}),
    ...(role === 'agency' ? { agency } : {}),
    ...(role === 'person' ? { idNumber } : {}),
  };
}

export interface Request<B, P, Q, R = undefined> {
  body: B;
  params: P;
  query: Q;
  principal: Principal;
  /** What the route's scope loaded (core/routes.ts `ScopeSource`): the case, import or subscription it works on. */
  resource: R;
  event: HttpEvent;
  /** The request's time, read once from the one clock (functions/shared/clock.ts): what the handler decides with. */
  now: Date;
  context: Context;
}

interface RouteOptions {
  /** A per-caller limit (functions/shared/rate-limit.ts), checked before the scope is loaded: a caller over it costs no read. */
  limit?: (principal: Principal) => Promise<void>;
  /**
   * Honour `Idempotency-Key` (functions/shared/idempotency.ts), as a `keyed` declaration must: how
   * a retry is answered from the outcome the first request's write recorded; or `'response'`, to
   * keep the answer itself (routes whose writes are each keyed already).
   */
  idempotent?: Replay | 'response';
}

type Parsed = { input?: { body: unknown; params: unknown; query: unknown; principal?: Principal } };

function parse(schema: z.ZodType | undefined, value: unknown, name: string) {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpProblem(400, `The ${name} is invalid`, fieldProblems(result.error, name === 'body' ? '' : name));
  return result.data;
}

/** A read of one resource: a GET naming it in the path. Refused, it is not found, so a refusal does not confirm it exists. */
const readOfOne = (event: HttpEvent) => event.requestContext.http.method === 'GET' && Object.keys(event.pathParameters ?? {}).length > 0;
const outOfReach = (event: HttpEvent) => new HttpProblem(404, `nothing at ${event.rawPath} within your reach`);

/**
 * The route's row in the authorisation table, its role column, before anything is parsed: a role
 * the row does not name is refused. A read of one resource answers 404, so a refusal does not
 * confirm that it exists; anything else 403. The relation is checked once the scope is loaded.
 */
function authorise(principal: Principal, declaration: RouteDeclaration, event: HttpEvent): void {
  if (roleAllowed(principal, declaration)) return;
  if (readOfOne(event)) throw outOfReach(event);
  throw new HttpProblem(403, `role ${principal.role} may not call ${routeKeyOf(declaration)}`);
}

/**
 * The relation, against the resource's scope, before the handler runs: a resource addressed by
 * id that the caller does not stand to as the row says is not found; anything else is forbidden.
 */
async function admit(principal: Principal, declaration: RouteDeclaration, input: NonNullable<Parsed['input']>, event: HttpEvent): Promise<Loaded | undefined> {
  const loaded = declaration.scope ? await loadScope(declaration.scope, input, principal) : undefined;
  const scope = loaded?.scope ?? {};
  if (permits(principal, declaration, scope)) return loaded;
  if (loaded?.byId || readOfOne(event)) throw outOfReach(event);
  const relation = principal.role === 'system' ? undefined : declaration.roles[principal.role];
  if (relation === 'national') throw new HttpProblem(403, `${routeKeyOf(declaration)} is for national administrators`);
  if (relation === 'own') throw new HttpProblem(403, 'it is not yours');
  throw new HttpProblem(403, `${(scope.codes ?? []).join(', ') || 'it'} is outside your jurisdiction`);
}

/** No request body liudong takes comes near this (files go to S3); a larger one is refused unread. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Parses and validates the request, before idempotency so a bad body never takes a key. */
const validate = (options: RouteDeclaration): MiddlewareObj<HttpEvent & Parsed, HttpResult> => ({
  before: (request) => {
    const event = request.event;
    const principal = options.public ? undefined : principalOf(event);
    if (principal) authorise(principal, options, event);
    let body: unknown;
    const empty = !event.body;
    if (options.body && empty && options.optionalBody) {
      body = {};
    } else if (options.body) {
      const size = event.body ? (event.isBase64Encoded ? Math.floor((event.body.length * 3) / 4) : Buffer.byteLength(event.body)) : 0;
      if (size > MAX_BODY_BYTES) {
        throw new HttpProblem(413, `The body is ${size} bytes; at most ${MAX_BODY_BYTES} are taken`, [{ field: 'body', reason: `is larger than ${MAX_BODY_BYTES} bytes` }]);
      }
      const contentType = event.headers['content-type'] ?? '';
      if (!/^application\/([a-z.+-]*\+)?json\s*(;|$)/i.test(contentType)) {
        throw new HttpProblem(415, 'Send the body as application/json', [
          { field: 'Content-Type', reason: `must be application/json, not ${contentType || 'missing'}` },
        ]);
      }
      const raw = event.isBase64Encoded && event.body ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
      try {
        body = JSON.parse(raw ?? '');
      } catch {
        throw new HttpProblem(400, 'The body is not valid JSON', [{ field: 'body', reason: 'is not valid JSON' }]);
      }
      let declined;
      try {
        declined = declinedFields(body);
      } catch (error) {
        throw new HttpProblem(400, 'The body is too deeply nested', [{ field: 'body', reason: (error as Error).message }]);
      }
      if (declined.length > 0) throw new HttpProblem(422, 'The body names fields liudong does not accept', declined);
    }
    event.input = {
      body: parse(options.body, body, 'body'),
      params: parse(options.params, event.pathParameters ?? {}, 'path'),
      query: parse(options.query, event.queryStringParameters ?? {}, 'query'),
      ...(principal ? { principal } : {}),
    };
  },
});

/** Turns every failure into problem details; runs last on the error path. */
const problemDetails = (): MiddlewareObj<HttpEvent, HttpResult> => ({
  onError: (request) => {
    request.response = toProblem(request.error, request.event?.rawPath ?? '');
  },
});

/** Answers a retry from what the first request created. */
export type Replay = (outcome: Extract<Outcome, { id: string }>, body: unknown) => Promise<HttpResult>;

const succeeded = (result: HttpResult) => result.statusCode < 300;
const kept = (result: HttpResult): Outcome => ({ kind: 'response', status: result.statusCode, body: result.body, ...(result.headers ? { headers: result.headers } : {}) });
/** A replayed answer says so (as Stripe's API does), so a client can tell it from a first one. */
const replayed = (result: HttpResult): HttpResult => ({ ...result, headers: { ...result.headers, 'idempotent-replayed': 'true' } });

/** The same request once, with its key: see functions/shared/idempotency.ts. */
export function keyed(
  options: { scope: string; key: string; body: unknown; event: HttpEvent; context?: Context; idempotent: Replay | 'response' },
  run: () => Promise<HttpResult>,
): Promise<HttpResult> {
  const { idempotent } = options;
  return idempotently(
    {
      scope: options.scope,
      target: `${options.event.requestContext.http.method} ${options.event.rawPath}`,
      key: options.key,
      body: options.body,
      // Another attempt may take the key once this one's function could no longer be running.
      leaseMs: (options.context?.getRemainingTimeInMillis?.() ?? 30_000) + 1000,
      completes: idempotent === 'response' ? 'response' : 'store',
      replay: async (outcome) => replayed(outcome.kind === 'response' ? { statusCode: outcome.status, body: outcome.body, ...(outcome.headers ? { headers: outcome.headers } : {}) } : await (idempotent as Replay)(outcome, options.body)),
      succeeded,
      keep: kept,
    },
    run,
  );
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
/** What a declaration's scope loads, for the handler. */
type ResourceOf<S> = S extends { load: 'case' } ? import('../../core/workflows/index.ts').Case
  : S extends { load: 'import' } ? import('../../core/imports.ts').ImportRecord
    : S extends { load: 'subscription' } ? import('../../core/subscriptions.ts').Subscription
      : S extends { load: 'importTarget' } ? import('../../core/workflows/index.ts').Case | undefined
        : undefined;

/** A handler that serves one declared route (byRoute dispatches by its declaration). */
export type DeclaredHandler = Handler & { declaration: RouteDeclaration };

/**
 * One declared route (core/routes.ts): its schemas parse the request, its row's role column and
 * relation admit the caller (the scope loaded first), its purpose goes to the audit, and a
 * `keyed` route honours Idempotency-Key with the handler's replay. The handler gets the parsed
 * request, the caller, and what the scope loaded; it writes no access check of its own.
 */
export function route<D extends RouteDeclaration>(
  declaration: D,
  ...args:
    | [run: (request: Request<Out<D['body']>, Out<D['params']>, Out<D['query']>, ResourceOf<D['scope']>>) => Promise<HttpResult>]
    | [options: RouteOptions, run: (request: Request<Out<D['body']>, Out<D['params']>, Out<D['query']>, ResourceOf<D['scope']>>) => Promise<HttpResult>]
): DeclaredHandler {
  const [options, run] = args.length === 1 ? [{} as RouteOptions, args[0]] : args;
  const key = routeKeyOf(declaration);
  // The declaration and the handler must agree on keys: the API document promises what the declaration says.
  if ((declaration.keyed === true) !== (options.idempotent !== undefined)) throw new Error(`${key}: keyed in its declaration and idempotent in its handler must agree`);
  const handler = middy<HttpEvent & Parsed, HttpResult, Error, Context>()
    .use(problemDetails())
    .use(injectLambdaContext(logger))
    .use(httpHeaderNormalizer())
    .use(validate(declaration));
  const served = handler.handler(async (event, context) => {
    const input = event.input!;
    const request = {
      body: input.body as Out<D['body']>,
      params: input.params as Out<D['params']>,
      query: input.query as Out<D['query']>,
      principal: input.principal!,
      resource: undefined as ResourceOf<D['scope']>,
      event,
      now: clock.now(),
      context,
    };
    // The relation is checked once the scope is loaded, right before the handler. A retry with
    // the same key is answered (by the same caller: keys are per account) before it, from what
    // the first request did; one with another body is told so first, as before the registry.
    const admitted = async () => {
      if (input.principal && options.limit) await options.limit(input.principal);
      if (input.principal) request.resource = (await admit(input.principal, declaration, input, event))?.resource as ResourceOf<D['scope']>;
      return run(request);
    };
    const idempotencyKey = options.idempotent ? keyOf(event.headers['idempotency-key']) : undefined;
    const once = () =>
      idempotencyKey === undefined || !options.idempotent
        ? admitted()
        : keyed({ scope: input.principal?.sub ?? 'public', key: idempotencyKey, body: input.body, event, context, idempotent: options.idempotent }, admitted);
    if (!input.principal) return once();
    // Whatever the handler reads or writes of a person's data is recorded, with the route's purpose.
    const reason = [input.body, input.query].map((v) => (v as { reason?: unknown } | undefined)?.reason).find((r) => typeof r === 'string') as string | undefined;
    return audited({ principal: input.principal, route: key, purpose: declaration.purpose, writes: event.requestContext.http.method !== 'GET', reason }, once);
  });
  return Object.assign(served as Handler, { declaration });
}

type Handler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

/**
 * One function serving several declared routes, chosen by the route key API Gateway sends;
 * `fallback` answers any other (the API's `$default` route).
 */
export function byRoute(handlers: readonly DeclaredHandler[], fallback?: Handler): Handler & { declarations: RouteDeclaration[] } {
  const byKey = new Map(handlers.map((h) => [routeKeyOf(h.declaration), h as Handler]));
  const dispatch: Handler = async (event, context) => {
    const handler = byKey.get(event.routeKey) ?? fallback;
    if (!handler) return problem(404, `no route ${event.routeKey}`, event.rawPath);
    return handler(event, context);
  };
  return Object.assign(dispatch, { declarations: handlers.map((h) => h.declaration) });
}
