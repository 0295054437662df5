// The one description of liudong's wiring: tables, queues, stream consumers, schedules,
// functions and routes, as plain data. The CDK stack (lib/) and the local stack (local/)
// are both built from this, so they cannot drift. No AWS or CDK imports here; the action
// routes come from the route declarations beside the handlers (plain data, no AWS imports).
import { declarationProblems } from '../core/routes.ts';
import { ROUTES } from '../functions/api/registry.ts';

/** `append`: insert new items only (the audit): no update, no delete. */
export type Access = 'read' | 'readWrite' | 'append';

export interface TableSpec {
  /** Environment variable through which functions learn the table name. */
  env: string;
  partitionKey: string;
  sortKey?: string;
  indexes: { name: string; partitionKey: string; sortKey: string }[];
  timeToLive?: string;
  /** Emits a change stream (new images) for the outbox. */
  stream: boolean;
}

export interface QueueSpec {
  env: string;
  visibilityTimeoutSeconds: number;
  /** Receives before a message moves to the queue's dead-letter queue. */
  maxReceiveCount: number;
  consumer: {
    function: string;
    batchSize: number;
    maxBatchingWindowSeconds: number;
    /** Batches handled at once (Lambda's maximum concurrency on the event source; local pollers). Default 1 locally. */
    maxConcurrency?: number;
  };
}

export interface StreamSpec {
  table: string;
  function: string;
  batchSize: number;
  maxRetries: number;
  /** Only records matching this reach the function (a Lambda event filter locally emulated). */
  filter: { eventName: 'INSERT'; entity: string };
  /** Where a batch that exhausted its retries is reported (Lambda's on-failure destination). */
  onFailure: string;
}

export interface BucketSpec {
  env: string;
  /** Objects live under this prefix: functions are granted objects under it, nothing else. */
  prefix: string;
  /** Objects created under `prefix` are announced on this queue (S3 event notifications; the local stack sends the same). */
  notifies?: string;
  /** Objects are deleted this many days after they land; absent: kept. */
  expireDays?: number;
  /** Every version of an object is kept (an overwrite or delete cannot lose what was published). */
  versioned?: boolean;
  /** Browsers PUT to presigned URLs here (the console's bulk import): CORS in AWS, the console's CSP names it; locally the upload path on the console's origin. */
  browserUploads?: boolean;
}

export interface HoldingQueueSpec {
  /** Held for operators to inspect and replay; no consumer reads it. */
  retentionDays: number;
}

export interface ScheduleSpec {
  function: string;
  /** Five-field cron (minute hour day-of-month month day-of-week), evaluated in `timeZone`. */
  cron: string;
  timeZone: 'Asia/Shanghai';
}

export interface FunctionSpec {
  /** Module under functions/ exporting `handler`. */
  entry: string;
  description: string;
  timeoutSeconds: number;
  memoryMb: number;
  tables: Record<string, Access>;
  sendsTo: readonly string[];
  buckets?: Record<string, Access>;
  /** Sends e-mail and SMS to people (SES and SNS in AWS; recorded only, locally). */
  sendsMessages?: boolean;
  /** Fixed settings, passed as environment variables in both stacks. */
  environment?: Record<string, string>;
}

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API Gateway path syntax, `{name}` for parameters. */
  path: string;
  function: string;
  auth: 'jwt' | 'none';
  /** Route-level throttling (API Gateway in AWS; the local server emulates it). */
  throttle?: { ratePerSecond: number; burst: number };
}

export const tables = {
  cases: {
    env: 'CASES_TABLE',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [
      // Open deadlines by shard, sorted by due instant, for the deadline sweep.
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      // Cases by the prefix of the office that works them at each level, newest activity first:
      // a province, prefecture, county or township lists its cases with one query per page.
      { name: 'scope2', partitionKey: 'scope2', sortKey: 'activity' },
      { name: 'scope4', partitionKey: 'scope4', sortKey: 'activity' },
      { name: 'scope6', partitionKey: 'scope6', sortKey: 'activity' },
      { name: 'scope9', partitionKey: 'scope9', sortKey: 'activity' },
      // The same for overdue cases only (sparse: an item is in them while overdue), so a
      // supervisor's overdue list reads overdue cases and nothing else.
      { name: 'overdue2', partitionKey: 'overdue2', sortKey: 'activity' },
      { name: 'overdue4', partitionKey: 'overdue4', sortKey: 'activity' },
      { name: 'overdue6', partitionKey: 'overdue6', sortKey: 'activity' },
      { name: 'overdue9', partitionKey: 'overdue9', sortKey: 'activity' },
      // A person's own cases.
      { name: 'owner', partitionKey: 'owner', sortKey: 'activity' },
      // Every case about a person (by the blind index of the ID number), whoever opened it.
      { name: 'person', partitionKey: 'personKey', sortKey: 'activity' },
      // Closed cases still holding personal data, by shard and the day their retention runs out (sparse).
      { name: 'retention', partitionKey: 'retainShard', sortKey: 'retainUntil' },
    ],
    timeToLive: 'expiresAt',
    stream: true,
  },
  // Agency subscriptions, peers and their deliveries: busy, short-lived records (TTL 30 days), read
  // only by key, so kept apart from the cases and their indexes.
  deliveries: {
    env: 'DELIVERIES_TABLE',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [],
    timeToLive: 'expiresAt',
    stream: false,
  },
  // Who accessed a person's data, when and why: append-only (functions may only insert), kept
  // apart so its permissions can say so. By person (blind index) or case; by user (`actor`).
  audit: {
    env: 'AUDIT_TABLE',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [{ name: 'actor', partitionKey: 'actor', sortKey: 'sk' }],
    stream: false,
  },
  // Completeness statistics: counters per jurisdiction and day, each counted case's memberships,
  // published reports and reconciliations. Kept apart from the cases and their indexes.
  statistics: {
    env: 'STATISTICS_TABLE',
    partitionKey: 'pk',
    sortKey: 'sk',
    // Counters and the cases behind each counter under every prefix of their jurisdiction, by day
    // (store/keys.ts: counterLevels, membershipLevels): a province's quarter is one query, however many cases.
    indexes: [
      { name: 'level2', partitionKey: 'level2', sortKey: 'placed' },
      { name: 'level4', partitionKey: 'level4', sortKey: 'placed' },
      { name: 'level6', partitionKey: 'level6', sortKey: 'placed' },
      { name: 'level9', partitionKey: 'level9', sortKey: 'placed' },
    ],
    timeToLive: 'expiresAt',
    stream: false,
  },
  idempotency: {
    env: 'IDEMPOTENCY_TABLE',
    partitionKey: 'id',
    indexes: [],
    timeToLive: 'expiration',
    stream: false,
  },
} as const satisfies Record<string, TableSpec>;
export type TableName = keyof typeof tables;

export const queues = {
  notifications: {
    env: 'NOTIFICATIONS_QUEUE_URL',
    visibilityTimeoutSeconds: 60,
    maxReceiveCount: 5,
    consumer: { function: 'fileNotices', batchSize: 10, maxBatchingWindowSeconds: 1 },
  },
  // A filer's file landed: it is read once, split into chunks of rows.
  importUploads: {
    env: 'IMPORT_UPLOADS_QUEUE_URL',
    visibilityTimeoutSeconds: 960,
    maxReceiveCount: 3,
    consumer: { function: 'splitImport', batchSize: 1, maxBatchingWindowSeconds: 0 },
  },
  // One chunk of rows each: every row becomes a registration report.
  importChunks: {
    env: 'IMPORT_CHUNKS_QUEUE_URL',
    visibilityTimeoutSeconds: 180,
    maxReceiveCount: 5,
    consumer: { function: 'processImportChunk', batchSize: 1, maxBatchingWindowSeconds: 0 },
  },
  // Deadline stages (reminders, overdue steps, escalations) and held messages, each at its instant.
  deadlines: {
    env: 'DEADLINES_QUEUE_URL',
    visibilityTimeoutSeconds: 60,
    maxReceiveCount: 5,
    consumer: { function: 'actOnDeadlines', batchSize: 10, maxBatchingWindowSeconds: 0 },
  },
  // The same events again, for the statistics: each one recounts its case.
  statistics: {
    env: 'STATISTICS_QUEUE_URL',
    visibilityTimeoutSeconds: 60,
    maxReceiveCount: 5,
    consumer: { function: 'countStatistics', batchSize: 10, maxBatchingWindowSeconds: 1 },
  },
  // One message per delivery attempt to an agency endpoint or a peer, delayed to its instant.
  // Only the head of each case's lane is here: a subscriber's backlog waits in the table.
  deliveries: {
    env: 'DELIVERIES_QUEUE_URL',
    visibilityTimeoutSeconds: 240,
    maxReceiveCount: 5,
    consumer: { function: 'deliverEvents', batchSize: 10, maxBatchingWindowSeconds: 0, maxConcurrency: 10 },
  },
} as const satisfies Record<string, QueueSpec>;
export type QueueName = keyof typeof queues;

export const buckets = {
  // Filers' uploads (bulk filings): transient, read once by the import worker.
  imports: { env: 'IMPORTS_BUCKET', prefix: 'uploads/', notifies: 'importUploads', expireDays: 30, browserUploads: true },
  // Published completeness reports (JSON and CSV): kept, every version.
  reports: { env: 'REPORTS_BUCKET', prefix: 'reports/', versioned: true },
} as const satisfies Record<string, BucketSpec>;
export type BucketName = keyof typeof buckets;

export const holdingQueues = {
  outboxFailures: { retentionDays: 14 },
} as const satisfies Record<string, HoldingQueueSpec>;
export type HoldingQueueName = keyof typeof holdingQueues;

const api = (entry: string, description: string, tables: Record<string, Access>, extra: Partial<FunctionSpec> = {}) =>
  ({ entry: `functions/api/${entry}`, description, timeoutSeconds: 10, memoryMb: 512, tables, sendsTo: [], ...extra }) as const;

/** What a route that writes a case needs: the table, and the Idempotency-Key records written with it. */
const WRITES = { cases: 'readWrite', idempotency: 'readWrite', audit: 'append' } as const;
/** What a route that reads cases needs: the table, and the audit to record the read. */
const READS = { cases: 'read', audit: 'append' } as const;
/** What a route that changes subscriptions needs. */
const DELIVERIES = { deliveries: 'readWrite', idempotency: 'readWrite' } as const;

export const functions = {
  createRegistration: api('registrations/create.ts', 'POST /v1/registrations: report an arrival', WRITES),
  registrationActions: api('registrations/actions.ts', 'POST /v1/registrations/{id}/<action>', WRITES),
  createOriginCertificate: api('origin-certificates/create.ts', 'POST /v1/origin-certificates: apply before leaving', WRITES),
  originCertificateActions: api('origin-certificates/actions.ts', 'POST /v1/origin-certificates/{id}/<action>', WRITES),
  reviewActions: api('reviews/actions.ts', 'POST /v1/reviews/{id}/<action>: confirm, record-visit', WRITES),
  createAssistanceRequest: api('assistance-requests/create.ts', 'POST /v1/assistance-requests: ask another office', WRITES),
  assistanceRequestActions: api('assistance-requests/actions.ts', 'POST /v1/assistance-requests/{id}/<action>: answer, decline', WRITES),
  createAppeal: api('appeals/create.ts', 'POST /v1/appeals: appeal a decision on your case', WRITES),
  appealActions: api('appeals/actions.ts', 'POST /v1/appeals/{id}/decide', WRITES),
  createGroup: api('groups/create.ts', 'POST /v1/groups: file an organised group with its members', WRITES),
  groupActions: api('groups/actions.ts', 'POST /v1/groups/{id}/<action>: add-members, remove-member', WRITES),
  readCases: api('cases/read.ts', 'GET a case of any type and its history', READS),
  listCases: api('cases/list.ts', 'GET /v1/cases, /v1/assistance-requests and /v1/me/cases', READS),
  people: api('people/people.ts', 'Offices: find a person\'s cases by ID number, reveal a case\'s full numbers; audited with the reason', { ...READS, cases: 'readWrite' }, {
    environment: { PERSON_LOOKUPS_PER_MINUTE: '20' },
  }),
  auditLog: api('audit/read.ts', 'GET /v1/me/access-log (who read my record) and GET /v1/audit (what one user read)', { audit: 'read', cases: 'read' }),
  checkCertificate: api('certificates/check.ts', 'GET /v1/certificates/{number}: the public validity check', { cases: 'readWrite' }, {
    environment: { CERTIFICATE_CHECKS_PER_MINUTE: '30' },
  }),
  recordAgencyDecision: api('certificates/decisions.ts', "POST /v1/certificates/{number}/decisions: an agency's decision", WRITES),
  jurisdictions: api('reference/jurisdictions.ts', 'GET /v1/jurisdictions (provinces), GET and PUT /v1/jurisdictions/{code}', { cases: 'readWrite' }),
  policies: api('reference/policies.ts', 'Policy overrides and the policy in force; the national holiday calendar by year', { cases: 'readWrite' }, { sendsTo: ['deadlines'] }),
  listNotices: api('notices/list.ts', 'GET /v1/jurisdictions/{code}/notices: an office inbox, and its feedback figures; GET /v1/admin/notices', { cases: 'read' }),
  acknowledgeNotice: api('notices/ack.ts', 'POST /v1/jurisdictions/{code}/notices/{eventId}/ack and /v1/admin/notices/{eventId}/ack: mark a notice read', { cases: 'readWrite', statistics: 'readWrite' }),
  listMessages: api('messages/list.ts', "GET /v1/messages: what a case's person was sent, or will be", READS),
  createImport: api('imports/create.ts', 'POST /v1/imports: an import id and where to upload the file', WRITES, {
    buckets: { imports: 'readWrite' },
  }),
  readImport: api('imports/read.ts', 'GET /v1/imports/{id}: progress and error rows', { cases: 'read' }),
  splitImport: {
    entry: 'functions/queues/split-import.ts',
    description: 'Reads an uploaded file once and queues its rows in chunks',
    timeoutSeconds: 900,
    memoryMb: 512,
    tables: { cases: 'readWrite' },
    sendsTo: ['importChunks'],
    buckets: { imports: 'read' },
  },
  processImportChunk: {
    entry: 'functions/queues/process-import-chunk.ts',
    description: 'Reports the arrivals of one chunk of an import',
    timeoutSeconds: 120,
    memoryMb: 512,
    tables: { cases: 'readWrite' },
    sendsTo: [],
  },
  subscriptions: api('subscriptions/manage.ts', 'Agency subscriptions: create, list, read, pause, resume, rotate the secret, delete', DELIVERIES, {
    sendsTo: ['deliveries'],
  }),
  subscriptionDeliveries: api('subscriptions/deliveries.ts', "A subscription's deliveries and their attempts; replay", DELIVERIES, { sendsTo: ['deliveries'] }),
  federationPeers: api('federation/peers.ts', 'Peer deployments: register, list, remove (national administrators)', DELIVERIES),
  receiveFederatedEvents: api('federation/events.ts', "POST /v1/federation/events: a peer deployment's signed event: notices, transfers", { ...WRITES, deliveries: 'read', statistics: 'readWrite' }),
  statistics: api('statistics/statistics.ts', 'Completeness rates per period from the counters, the cases behind a figure, the rate definitions, data quality', {
    statistics: 'read',
    ...READS,
  }),
  reports: api('statistics/reports.ts', 'GET /v1/reports and /v1/reports/{id}: published completeness reports, JSON or CSV', { statistics: 'read' }, {
    buckets: { reports: 'read' },
  }),
  countStatistics: {
    entry: 'functions/queues/count-statistics.ts',
    description: "Recounts each event's case into the completeness counters; counts an office's own changes once per event",
    timeoutSeconds: 30,
    memoryMb: 512,
    tables: { cases: 'read', statistics: 'readWrite' },
    sendsTo: [],
  },
  publishReports: {
    entry: 'functions/schedules/publish-reports.ts',
    description: 'After each 10-day period, month and quarter: every county and prefecture report, JSON and CSV, announced as report.published',
    timeoutSeconds: 900,
    memoryMb: 512,
    tables: { cases: 'readWrite', statistics: 'readWrite' },
    sendsTo: [],
    buckets: { reports: 'readWrite' },
  },
  reconcileStatistics: {
    entry: 'functions/schedules/reconcile-statistics.ts',
    description: "Recounts a period's counters from the case records and lists every difference; repairs only when asked",
    timeoutSeconds: 900,
    memoryMb: 1024,
    tables: { cases: 'read', statistics: 'readWrite' },
    sendsTo: [],
  },
  openapi: api('openapi.ts', 'GET /v1/openapi.json and /v1/events/schemas: the API and event descriptions', {}, { timeoutSeconds: 5, memoryMb: 256 }),
  publishEvents: {
    entry: 'functions/streams/publish-events.ts',
    description: 'Outbox relay: events written with a case go to the notification and statistics queues',
    timeoutSeconds: 30,
    memoryMb: 256,
    tables: {},
    sendsTo: ['notifications', 'statistics'],
  },
  fanOutEvents: {
    entry: 'functions/streams/fan-out-events.ts',
    description: 'Records each event as a delivery for every subscription that wants it, in commit order; what an agency receives of a person, in the audit',
    timeoutSeconds: 60,
    memoryMb: 512,
    tables: { deliveries: 'readWrite', audit: 'append' },
    sendsTo: ['deliveries'],
  },
  deliverEvents: {
    entry: 'functions/queues/deliver-events.ts',
    description: 'Makes one signed delivery attempt per message (15 s timeout), retries on the schedule, disables dead endpoints',
    timeoutSeconds: 40,
    memoryMb: 512,
    tables: { deliveries: 'readWrite' },
    sendsTo: ['deliveries'],
    // Tells a subscription's owner (e-mail) when a delivery is exhausted or the endpoint disabled.
    sendsMessages: true,
  },
  fileNotices: {
    entry: 'functions/queues/file-notices.ts',
    description: 'Files each event as a notice in the inboxes it concerns (and counts it for the statistics)',
    timeoutSeconds: 30,
    memoryMb: 256,
    tables: { cases: 'readWrite', statistics: 'readWrite' },
    sendsTo: [],
  },
  sweepDeadlines: {
    entry: 'functions/schedules/sweep-deadlines.ts',
    description: 'Queues the deadline stages and held messages due within its window',
    timeoutSeconds: 300,
    memoryMb: 512,
    tables: { cases: 'readWrite' },
    sendsTo: ['deadlines'],
  },
  checkCalendar: {
    entry: 'functions/schedules/check-calendar.ts',
    description: "Daily: says (a national admin notice, log, metric, alarm) while this year's or, from 1 November, next year's holiday notice is not loaded; queues a recount of provisional deadlines",
    timeoutSeconds: 30,
    memoryMb: 256,
    tables: { cases: 'readWrite' },
    sendsTo: ['deadlines'],
  },
  minimiseCases: {
    entry: 'functions/schedules/minimise-cases.ts',
    description: 'Removes the personal data of closed cases whose retention period ran out; the cases stay for statistics',
    timeoutSeconds: 900,
    memoryMb: 512,
    tables: { cases: 'readWrite' },
    sendsTo: [],
  },
  actOnDeadlines: {
    entry: 'functions/queues/act-on-deadlines.ts',
    description: 'Reminds, turns overdue and escalates at each deadline stage; releases held messages',
    timeoutSeconds: 30,
    memoryMb: 512,
    tables: { cases: 'readWrite' },
    sendsTo: [],
    sendsMessages: true,
  },
} as const satisfies Record<string, FunctionSpec>;
export type FunctionName = keyof typeof functions;

type Route = RouteSpec & { function: FunctionName };
/**
 * What API Gateway sends a request no route matches (its `$default` route, no token needed): a
 * problem-details 404, or 405 with `Allow` where the path exists under other methods, instead of
 * the gateway's plain `{"message":"Not Found"}`.
 */
export const fallbackRoute = { function: 'openapi' } as const satisfies { function: FunctionName };

/** What a route's path matches, each `{name}` a named group of one segment: as API Gateway matches it. */
export const routePattern = (path: string): RegExp => new RegExp(`^${path.replace(/\{(\w+)\}/g, (_, name: string) => `(?<${name}>[^/]+)`)}$`);

/** The methods each route path answers, by a pattern of the path: what a 405 lists in `Allow`. */
export const routePatterns = (): { pattern: RegExp; method: string; path: string }[] =>
  routes.map((r) => ({ method: r.method, path: r.path, pattern: routePattern(r.path) }));

/** API Gateway's default route throttling (every route without its own), in the CDK stage and the local server alike. */
export const stageThrottle = { ratePerSecond: 100, burst: 200 } as const;
/**
 * Every route, read off the declarations beside the handlers (functions/api/registry.ts): a
 * route is declared once, with its function, whether it needs a token, and its throttle.
 */
export const routes: readonly Route[] = ROUTES.map((r) => ({
  method: r.method,
  path: r.path,
  function: r.function as FunctionName,
  auth: r.public ? 'none' : 'jwt',
  ...(r.throttle ? { throttle: r.throttle } : {}),
}));

export const streams: readonly (StreamSpec & { table: TableName; function: FunctionName; onFailure: HoldingQueueName })[] = [
  {
    table: 'cases',
    function: 'publishEvents',
    batchSize: 25,
    maxRetries: 10,
    filter: { eventName: 'INSERT', entity: 'event' },
    onFailure: 'outboxFailures',
  },
  // The same events, fanned out to agency subscriptions (a second consumer of the stream).
  {
    table: 'cases',
    function: 'fanOutEvents',
    // Larger batches: different cases' events are fanned out side by side.
    batchSize: 100,
    maxRetries: 10,
    filter: { eventName: 'INSERT', entity: 'event' },
    onFailure: 'outboxFailures',
  },
];

export const schedules: readonly (ScheduleSpec & { function: FunctionName })[] = [
  // Every 5 minutes, looking 5 minutes ahead: each reminder, overdue step and escalation is
  // queued before its instant and delivered at it (SQS delay).
  { function: 'sweepDeadlines', cron: '*/5 * * * *', timeZone: 'Asia/Shanghai' },
  // Daily, at night: closed cases past their retention period are minimised.
  { function: 'minimiseCases', cron: '30 3 * * *', timeZone: 'Asia/Shanghai' },
  // Just after midnight: the reports of every 10-day period, month and quarter that ended yesterday.
  { function: 'publishReports', cron: '20 0 * * *', timeZone: 'Asia/Shanghai' },
  // Every morning, before the 09:00 reminders: a holiday notice that should be loaded and is not
  // raises the alarm; provisional deadlines the loaded notices settle are counted again.
  { function: 'checkCalendar', cron: '30 7 * * *', timeZone: 'Asia/Shanghai' },
  // Nightly: the running and the previous month recounted from the cases; differences listed, not repaired.
  { function: 'reconcileStatistics', cron: '40 2 * * *', timeZone: 'Asia/Shanghai' },
];

/** Environment every function gets: the names of the resources its spec touches. */
/**
 * A table's, queue's or bucket's name in a deployment (`liudong-cases`): the cloud stacks name
 * their resources so, and later stacks find Data's by name; the local stack uses the same names.
 */
export const physicalName = (deployment: string, name: string) => `${deployment.toLowerCase()}-${name}`;

export function environmentFor(
  name: FunctionName,
  resolve: { table(t: TableName): string; queueUrl(q: QueueName): string; bucket(b: BucketName): string },
) {
  const spec: FunctionSpec = functions[name];
  const env: Record<string, string> = { ...spec.environment };
  for (const b of Object.keys(spec.buckets ?? {}) as BucketName[]) env[buckets[b].env] = resolve.bucket(b);
  for (const t of Object.keys(spec.tables) as TableName[]) env[tables[t].env] = resolve.table(t);
  for (const q of spec.sendsTo as QueueName[]) env[queues[q].env] = resolve.queueUrl(q);
  return env;
}

/** Names every reference in the wiring that points at nothing; empty when consistent. */
export function danglingReferences(): string[] {
  const problems: string[] = [];
  const isFunction = (name: string) => name in functions;
  for (const [name, q] of Object.entries(queues)) {
    if (!isFunction(q.consumer.function)) problems.push(`queue ${name} → function ${q.consumer.function}`);
  }
  for (const r of routes) if (!isFunction(r.function)) problems.push(`route ${r.method} ${r.path} → function ${r.function}`);
  problems.push(...declarationProblems(ROUTES));
  for (const [name, f] of Object.entries(functions) as [string, FunctionSpec][]) {
    for (const t of Object.keys(f.tables)) if (!(t in tables)) problems.push(`function ${name} → table ${t}`);
    for (const q of f.sendsTo) if (!(q in queues)) problems.push(`function ${name} → queue ${q}`);
    for (const b of Object.keys(f.buckets ?? {})) if (!(b in buckets)) problems.push(`function ${name} → bucket ${b}`);
  }
  for (const [name, b] of Object.entries(buckets) as [string, BucketSpec][]) {
    if (b.notifies !== undefined && !(b.notifies in queues)) problems.push(`bucket ${name} → queue ${b.notifies}`);
  }
  return problems;
}

/**
 * The JWT claims the API reads the caller from, by their Cognito names (custom attributes). Another
 * OpenID Connect issuer names them through CLAIM_ROLE, CLAIM_JURISDICTION, CLAIM_ORGANISATION,
 * CLAIM_AGENCY and CLAIM_ID_NUMBER (`CLAIM_` and the key in capitals, words split by `_`), read by
 * functions/shared/http.ts; an unset variable keeps the name here.
 */
export const DEFAULT_CLAIMS: {
  readonly role: string;
  readonly jurisdiction: string;
  readonly organisation: string;
  readonly agency: string;
  readonly idNumber: string;
} = {
  role: 'custom:role',
  jurisdiction: 'custom:jurisdiction',
  organisation: 'custom:organisation',
  agency: 'custom:agency',
  idNumber: 'custom:id_number',
};

/** The environment variable that renames each claim, set by the deployment for an identity provider other than Cognito. */
export const CLAIM_ENV: Readonly<Record<keyof typeof DEFAULT_CLAIMS, string>> = {
  role: 'CLAIM_ROLE',
  jurisdiction: 'CLAIM_JURISDICTION',
  organisation: 'CLAIM_ORGANISATION',
  agency: 'CLAIM_AGENCY',
  idNumber: 'CLAIM_ID_NUMBER',
};
