// The OpenAPI 3.1 document, generated from the zod schemas and the routes in wiring/.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { APPEAL_ACTION_BODIES, Appeal, AppealCreate } from '../../core/schemas/appeals.ts';
import { ASSISTANCE_REQUEST_ACTION_BODIES, AssistanceRequest, AssistanceRequestCreate, AssistanceRequestsQuery } from '../../core/schemas/assistance-requests.ts';
import { CalendarNoticeRequest, CalendarParams, CalendarYear } from '../../core/schemas/calendars.ts';
import { CASE_VIEWS, CaseIdParams, CasePage, CasesQuery, History, MyCasesQuery } from '../../core/schemas/cases.ts';
import { AgencyDecision, AgencyDecisionRequest, CertificateCheck, CertificateCheckQuery, CertificateParams } from '../../core/schemas/certificates.ts';
import { EventCatalogue, EventCatalogueEntry, EventSchemaParams } from '../../core/schemas/event-catalogue.ts';
import { GROUP_ACTION_BODIES, Group, GroupCreate } from '../../core/schemas/groups.ts';
import { MessagePage, MessagesQuery } from '../../core/schemas/messages.ts';
import { AdminNotice, AdminNoticePage, AdminNoticeParams, FeedbackFigures, FeedbackQuery, InboxParams, InboxQuery, Notice, NoticePage, NoticeParams } from '../../core/schemas/notices.ts';
import { ORIGIN_CERTIFICATE_ACTION_BODIES, OriginCertificate, OriginCertificateRequest } from '../../core/schemas/origin-certificates.ts';
import { AccessLogPage, AccessLogQuery, AuditPage, AuditQuery, PeopleSearch, RevealRequest, Revealed } from '../../core/schemas/people.ts';
import { Problem } from '../../core/schemas/problems.ts';
import { Jurisdiction, JurisdictionParams, JurisdictionRequest, PolicyOverride, PolicyOverrideDocument, PolicyParams, Provinces, ResolvedPolicy } from '../../core/schemas/reference.ts';
import { REGISTRATION_ACTION_BODIES, Registration, RegistrationRequest } from '../../core/schemas/registrations.ts';
import { REVIEW_ACTION_BODIES, Review } from '../../core/schemas/reviews.ts';
import { CASE_TYPE_NAMES, actionPath } from '../../core/workflows/index.ts';
import { ImportCreate, ImportCreated, ImportQuery, ImportStatus } from '../../core/imports.ts';
import * as federation from '../../core/federation.ts';
import * as statistics from '../../core/statistics/api.ts';
import * as subscriptions from '../../core/subscriptions.ts';
import { routes } from '../../wiring/index.ts';

interface Operation {
  summary: string;
  body?: z.ZodType;
  params?: z.ZodObject;
  query?: z.ZodObject | z.ZodPipe;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  /** Honours Idempotency-Key (the route's `idempotent` option). */
  keyed?: boolean;
  /** Request headers the operation reads (a peer's signed event). */
  headers?: z.ZodObject;
  /** Authenticated by a peer's Standard Webhooks signature rather than a bearer token. */
  signedByPeer?: boolean;
}

/** The Standard Webhooks headers a peer signs its events with. */
const PeerSignatureHeaders = z.object({
  'webhook-id': z.string().min(1).meta({ description: 'The event delivery\'s id, the same on every redelivery: a redelivery answers what the first did' }),
  'webhook-timestamp': z.string().regex(/^\d+$/).meta({ description: 'Seconds since the epoch; more than five minutes off is refused' }),
  'webhook-signature': z.string().min(1).meta({ description: 'v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>"> with the key shared when the peer was registered; several, space-separated, during a rotation' }),
});

/** The routes besides the workflow actions that honour Idempotency-Key (functions/shared/idempotency.ts). */
const KEYED = new Set([
  'POST /v1/registrations',
  'POST /v1/origin-certificates',
  'POST /v1/assistance-requests',
  'POST /v1/appeals',
  'POST /v1/groups',
  'POST /v1/imports',
  'POST /v1/certificates/{number}/decisions',
  'POST /v1/subscriptions',
  'POST /v1/subscriptions/{id}/rotate-secret',
  'POST /v1/subscriptions/{id}/deliveries/replay',
  'POST /v1/federation/peers',
]);

const IdempotencyKeyHeader = z.object({
  'Idempotency-Key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .meta({
      description:
        'draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After',
    }),
});

const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, { description: 'Problem details', schema: Problem }]));

/** Answers that say when to try again. */
const RETRY_AFTER = new Set(['429', '503']);

const ok = (description: string, schema?: z.ZodType) => ({ description, ...(schema ? { schema } : {}) });

/** Every action route of a workflow: its body, the case back, or why not. */
function actionOperations(collection: string, bodies: Record<string, z.ZodType>, answer: z.ZodType, noun: string): Record<string, Operation> {
  return Object.fromEntries(
    Object.entries(bodies).map(([action, body]) => [
      `POST /v1/${collection}/{id}/${actionPath(action)}`,
      {
        summary: `${action.replace(/_/g, ' ')} the ${noun} (409 when its state does not allow it)`,
        params: CaseIdParams,
        body,
        responses: { 200: ok(`The ${noun} after the action`, answer), ...problems(400, 401, 403, 404, 409, 415, 422) },
        keyed: true,
      },
    ]),
  );
}

/** Reading each case type and its history. */
const readOperations = (): Record<string, Operation> =>
  Object.fromEntries(
    (Object.entries(CASE_TYPE_NAMES) as [keyof typeof CASE_VIEWS, { collection: string; noun: string }][]).flatMap(([type, { collection, noun }]) => [
      [
        `GET /v1/${collection}/{id}`,
        {
          summary: `Read a ${noun}, with the actions the caller may take on it now`,
          params: CaseIdParams,
          responses: { 200: ok(`The ${noun}`, CASE_VIEWS[type]), ...problems(400, 401, 404) },
        },
      ],
      [
        `GET /v1/${collection}/{id}/history`,
        {
          summary: `Every action on a ${noun}: who, when, from and to which state, why`,
          params: CaseIdParams,
          responses: { 200: ok('The history, oldest first', History), ...problems(400, 401, 404) },
        },
      ],
    ]),
  );

/** One entry per route in wiring/; a test checks none is missing. */
export const OPERATIONS: Record<string, Operation> = {
  ...readOperations(),
  'POST /v1/registrations': {
    summary: 'Report an arrival and open a registration case',
    body: RegistrationRequest,
    responses: { 201: ok('The new case with its registration deadline', Registration), ...problems(400, 401, 403, 409, 415, 422) },
  },
  ...actionOperations('registrations', REGISTRATION_ACTION_BODIES, Registration, 'registration'),
  'POST /v1/origin-certificates': {
    summary: 'Apply for an origin certificate before leaving',
    body: OriginCertificateRequest,
    responses: { 201: ok('The application with its processing deadline', OriginCertificate), ...problems(400, 401, 403, 415, 422) },
  },
  ...actionOperations('origin-certificates', ORIGIN_CERTIFICATE_ACTION_BODIES, OriginCertificate, 'origin certificate'),
  ...actionOperations('reviews', REVIEW_ACTION_BODIES, Review, 'residence review'),
  'POST /v1/assistance-requests': {
    summary: 'Ask another office of this deployment about a person or a case (协查)',
    body: AssistanceRequestCreate,
    responses: { 201: ok('The request with its reply deadline', AssistanceRequest), ...problems(400, 401, 403, 415, 422) },
  },
  'GET /v1/assistance-requests': {
    summary: 'Assistance requests received inside a jurisdiction, or sent by an office, newest activity first',
    query: AssistanceRequestsQuery,
    responses: { 200: ok('A page of requests', CasePage), ...problems(400, 401, 403) },
  },
  ...actionOperations('assistance-requests', ASSISTANCE_REQUEST_ACTION_BODIES, AssistanceRequest, 'assistance request'),
  'POST /v1/appeals': {
    summary: 'Appeal a decision on your case (a rejection or revocation) within the policy window',
    body: AppealCreate,
    responses: { 201: ok('The appeal with its decision deadline', Appeal), ...problems(400, 401, 403, 404, 409, 415, 422) },
  },
  ...actionOperations('appeals', APPEAL_ACTION_BODIES, Appeal, 'appeal'),
  'POST /v1/groups': {
    summary: 'File an organised group at the destination: the organisation, its responsible person, the agreement and the members (each gets a registration)',
    body: GroupCreate,
    responses: { 201: ok('The group with its filing deadline', Group), ...problems(400, 401, 403, 409, 415, 422) },
  },
  ...actionOperations('groups', GROUP_ACTION_BODIES, Group, 'group'),
  'POST /v1/imports': {
    summary: 'Start a bulk filing (employer staff list, landlord tenant list): an import id and a presigned URL to PUT the CSV to',
    body: ImportCreate,
    responses: { 201: ok('The import, waiting for its file', ImportCreated), ...problems(400, 401, 403, 415, 422) },
  },
  'GET /v1/imports/{id}': {
    summary: "An import's progress and error rows; ?format=csv downloads the error rows to fix and upload again",
    params: CaseIdParams,
    query: ImportQuery,
    responses: { 200: ok('The import', ImportStatus), ...problems(400, 401, 404) },
  },
  'GET /v1/cases': {
    summary: 'Cases worked inside a jurisdiction (by the office that works each: destination, origin, the office asked, the reviewing office), newest activity first',
    query: CasesQuery,
    responses: { 200: ok('A page of cases', CasePage), ...problems(400, 401, 403) },
  },
  'GET /v1/me/cases': {
    summary: "The signed-in person's own cases, newest activity first",
    query: MyCasesQuery,
    responses: { 200: ok('A page of cases', CasePage), ...problems(400, 401, 403) },
  },
  'GET /v1/me/access-log': {
    summary: "Who read the signed-in person's record: which offices and agencies, when, why; newest first",
    query: AccessLogQuery,
    responses: { 200: ok('A page of accesses', AccessLogPage), ...problems(400, 401, 403) },
  },
  'GET /v1/audit': {
    summary: 'What one user read and wrote between two days (supervisors, for users of their jurisdiction), newest first',
    query: AuditQuery,
    responses: { 200: ok('A page of audit records', AuditPage), ...problems(400, 401, 403) },
  },
  'POST /v1/people/search': {
    summary: "An office finds a person's cases within its reach by ID number (in the body, so in no access log), with a reason; audited",
    body: PeopleSearch,
    responses: { 200: ok('The cases, masked', CasePage), ...problems(400, 401, 403, 415, 429) },
  },
  'POST /v1/cases/{id}/reveal': {
    summary: "A case's full ID and phone numbers, for an office that works it, with a reason; audited",
    params: CaseIdParams,
    body: RevealRequest,
    responses: { 200: ok('The full numbers', Revealed), ...problems(400, 401, 403, 404, 415, 429) },
  },
  'GET /v1/statistics/definitions': {
    summary: "Each completeness rate's definition as data: its denominator, numerator, the date that places a case in a period, what on time means",
    responses: { 200: ok('The definitions', statistics.RateDefinitionList), ...problems(401) },
  },
  'GET /v1/statistics': {
    summary: 'Each completeness rate per period (dekad, month, quarter) for a jurisdiction and everything under it: numerator, denominator, target, whether it meets it; a running period is provisional',
    query: statistics.StatisticsQuery,
    responses: { 200: ok('Every period in the range, empty ones too', statistics.StatisticsResult), ...problems(400, 401, 403) },
  },
  'GET /v1/statistics/cases': {
    summary: "The cases behind a figure: a rate's denominator, numerator, or the missing (denominator less numerator), page by page",
    query: statistics.StatisticsCasesQuery,
    responses: { 200: ok('A page of the cases counted', statistics.StatisticsCasePage), ...problems(400, 401, 403) },
  },
  'GET /v1/statistics/quality': {
    summary: "An office's data-quality list: required fields missing, stale cases, deadlines that ran without an outcome, update frequency",
    query: statistics.QualityQuery,
    responses: { 200: ok('The findings', statistics.QualityResult), ...problems(400, 401, 403) },
  },
  'GET /v1/reports': {
    summary: "A jurisdiction's published reports (every version; a correction says what changed), newest first",
    query: statistics.ReportsQuery,
    responses: { 200: ok('A page of reports', statistics.ReportPage), ...problems(400, 401, 403) },
  },
  'GET /v1/reports/{id}': {
    summary: 'One published report: JSON, or CSV (UTF-8 with a byte-order mark) with ?format=csv',
    params: statistics.ReportParams,
    query: statistics.ReportQuery,
    responses: { 200: ok('The report', statistics.ReportRecordSchema), ...problems(400, 401, 404) },
  },
  'GET /v1/certificates/{number}': {
    summary: 'Check a certificate: validity only, and with ?idNumber= whether it belongs to that person',
    params: CertificateParams,
    query: CertificateCheckQuery,
    responses: { 200: ok('The certificate\'s validity', CertificateCheck), ...problems(400, 404, 429) },
  },
  'POST /v1/certificates/{number}/decisions': {
    summary: 'Record what an agency decided after checking a certificate',
    params: CertificateParams,
    body: AgencyDecisionRequest,
    responses: { 201: ok('The recorded decision', AgencyDecision), ...problems(400, 401, 403, 404, 415, 422) },
  },
  'GET /v1/jurisdictions': {
    summary: 'The provinces (where a jurisdiction picker starts; each one lists its children)',
    responses: { 200: ok('The provinces', Provinces), ...problems(401) },
  },
  'GET /v1/jurisdictions/{code}': {
    summary: 'A jurisdiction with its children',
    params: JurisdictionParams,
    responses: { 200: ok('The jurisdiction', Jurisdiction), ...problems(400, 401, 404) },
  },
  'PUT /v1/jurisdictions/{code}': {
    summary: 'Add or rename a jurisdiction (administrators)',
    params: JurisdictionParams,
    body: JurisdictionRequest,
    responses: {
      200: ok('Renamed', Jurisdiction),
      201: ok('Added', Jurisdiction),
      ...problems(400, 401, 403, 415, 422),
    },
  },
  'GET /v1/jurisdictions/{code}/notices': {
    summary: "An office's inbox of notices, newest first; `unread=true` for those nobody acknowledged",
    params: InboxParams,
    query: InboxQuery,
    responses: { 200: ok('A page of notices', NoticePage), ...problems(400, 401, 403, 404) },
  },
  'GET /v1/jurisdictions/{code}/notices/figures': {
    summary: "An inbox's feedback figures over a period (days filed, Asia/Shanghai): notices received, acknowledged in time or late, unread, unread past the deadline",
    params: InboxParams,
    query: FeedbackQuery,
    responses: { 200: ok('The figures', FeedbackFigures), ...problems(400, 401, 403, 404) },
  },
  'POST /v1/jurisdictions/{code}/notices/{eventId}/ack': {
    summary: 'Mark a notice read (the first acknowledgement stands); a read notice is no longer reminded or escalated',
    params: NoticeParams,
    responses: { 200: ok('The notice, acknowledged', Notice), ...problems(400, 401, 403, 404) },
  },
  'GET /v1/events/schemas': {
    summary: 'The event catalogue: every CloudEvents type with its version, the offices it notifies, its personal fields and the JSON Schema of its data',
    responses: { 200: ok('The catalogue', EventCatalogue) },
  },
  'GET /v1/events/schemas/{type}': {
    summary: "One event type's entry in the catalogue (what a CloudEvent's `dataschema` points at)",
    params: EventSchemaParams,
    responses: { 200: ok('The event type', EventCatalogueEntry), ...problems(404) },
  },
  'GET /v1/messages': {
    summary: "What a case's person was sent by SMS and e-mail, or will be (held in the quiet hours), oldest first",
    query: MessagesQuery,
    responses: { 200: ok('A page of messages', MessagePage), ...problems(400, 401, 403, 404) },
  },
  'GET /v1/jurisdictions/{code}/policy': {
    summary: 'The policy in force at a jurisdiction, and the prefix each setting came from',
    params: JurisdictionParams,
    responses: { 200: ok('The resolved policy', ResolvedPolicy), ...problems(400, 401, 404) },
  },
  'GET /v1/policies/{prefix}': {
    summary: 'The policy override stored for a prefix (`national` for every jurisdiction)',
    params: PolicyParams,
    responses: { 200: ok('The override', PolicyOverrideDocument), ...problems(400, 401, 404) },
  },
  'PUT /v1/policies/{prefix}': {
    summary: 'Set the policy override for a prefix (administrators); running deadlines keep their period',
    params: PolicyParams,
    body: PolicyOverride,
    responses: {
      200: ok('Replaced', PolicyOverrideDocument),
      201: ok('Created', PolicyOverrideDocument),
      ...problems(400, 401, 403, 415, 422),
    },
  },
  'GET /v1/admin/notices': {
    summary: "The national administrators' inbox, newest first: what the deployment needs of them (a year's holiday notice not loaded)",
    query: InboxQuery,
    responses: { 200: ok('A page of notices', AdminNoticePage), ...problems(400, 401, 403) },
  },
  'POST /v1/admin/notices/{eventId}/ack': {
    summary: "Mark a national administrators' notice read (acknowledging again changes nothing)",
    params: AdminNoticeParams,
    responses: { 200: ok('The notice, read', AdminNotice), ...problems(400, 401, 403, 404) },
  },
  'GET /v1/calendars/{year}': {
    summary: "A year's national holidays: its State Council notice where loaded (`source: notice`), else the statutory holidays computed from the law (`source: statutory`)",
    params: CalendarParams,
    responses: { 200: ok('The year', CalendarYear), ...problems(400, 401) },
  },
  'PUT /v1/calendars/{year}': {
    summary: "Load a year's holiday notice (national administrators): every statutory day inside a holiday period, make-up days on weekends; provisional deadlines are counted again with it",
    params: CalendarParams,
    body: CalendarNoticeRequest,
    responses: {
      200: ok('Replaced', CalendarYear),
      201: ok('Loaded', CalendarYear),
      ...problems(400, 401, 403, 415, 422),
    },
  },
  'POST /v1/subscriptions': {
    summary: 'Subscribe an agency endpoint to events (agency accounts): signed webhooks, the secret shown once',
    body: subscriptions.SubscriptionCreate,
    responses: { 201: ok('The subscription, with its signing secret', subscriptions.SubscriptionWithSecret), ...problems(400, 401, 403, 415, 422) },
  },
  'GET /v1/subscriptions': {
    summary: "The agency's subscriptions (an administrator sees those inside their jurisdiction)",
    query: subscriptions.SubscriptionsQuery,
    responses: { 200: ok('A page of subscriptions', subscriptions.SubscriptionPage), ...problems(400, 401, 403) },
  },
  'GET /v1/subscriptions/{id}': {
    summary: 'A subscription: its endpoint, events, state, failing since, exhausted deliveries',
    params: subscriptions.SubscriptionParams,
    responses: { 200: ok('The subscription', subscriptions.SubscriptionView), ...problems(400, 401, 404) },
  },
  'DELETE /v1/subscriptions/{id}': {
    summary: 'Delete a subscription: nothing more is delivered',
    params: subscriptions.SubscriptionParams,
    responses: { 204: ok('Deleted'), ...problems(400, 401, 403, 404) },
  },
  'POST /v1/subscriptions/{id}/pause': {
    summary: 'Pause deliveries: events are held until it is resumed',
    params: subscriptions.SubscriptionParams,
    responses: { 200: ok('The subscription, paused', subscriptions.SubscriptionView), ...problems(400, 401, 403, 404, 409) },
  },
  'POST /v1/subscriptions/{id}/resume': {
    summary: 'Resume a paused or disabled subscription: held deliveries go, in order per case',
    params: subscriptions.SubscriptionParams,
    responses: { 200: ok('The subscription, active', subscriptions.SubscriptionView), ...problems(400, 401, 403, 404, 409, 422) },
  },
  'POST /v1/subscriptions/{id}/rotate-secret': {
    summary: 'A new signing secret, shown once; the old one keeps signing beside it for 24 hours',
    params: subscriptions.SubscriptionParams,
    responses: { 200: ok('The subscription, with the new secret', subscriptions.SubscriptionWithSecret), ...problems(400, 401, 403, 404, 409) },
  },
  'GET /v1/subscriptions/{id}/deliveries': {
    summary: "A subscription's deliveries, newest event first, each with its attempts (time, status, latency, error)",
    params: subscriptions.SubscriptionParams,
    query: subscriptions.DeliveriesQuery,
    responses: { 200: ok('A page of deliveries', subscriptions.DeliveryPage), ...problems(400, 401, 404) },
  },
  'POST /v1/subscriptions/{id}/deliveries/{deliveryId}/replay': {
    summary: 'Deliver an event again (a delivered or exhausted one), with a fresh retry schedule',
    params: subscriptions.DeliveryParams,
    responses: { 202: ok('The delivery, on its way again', subscriptions.DeliveryView), ...problems(400, 401, 403, 404, 409) },
  },
  'POST /v1/subscriptions/{id}/deliveries/replay': {
    summary: 'Deliver again every event of a time range (or only the exhausted ones), oldest first',
    params: subscriptions.SubscriptionParams,
    body: subscriptions.ReplayRange,
    responses: { 202: ok('How many were put through again', subscriptions.Replayed), ...problems(400, 401, 403, 404, 415) },
  },
  'GET /v1/federation/peers': {
    summary: 'The peer deployments this one sends events to and takes events from (national administrators)',
    responses: { 200: ok('The peers', federation.PeerList), ...problems(401, 403) },
  },
  'POST /v1/federation/peers': {
    summary: 'Register a peer deployment: its base URL, its prefixes, the shared signing key (made here and shown once when left out)',
    body: federation.PeerCreate,
    responses: { 201: ok('The peer', federation.PeerWithSecret), ...problems(400, 401, 403, 409, 415, 422) },
  },
  'DELETE /v1/federation/peers/{name}': {
    summary: 'Remove a peer: nothing more is sent to it or taken from it',
    params: federation.PeerParams,
    responses: { 204: ok('Removed'), ...problems(400, 401, 403, 404) },
  },
  'POST /v1/federation/events': {
    summary: "A peer deployment's event, signed with the shared key (Standard Webhooks headers): its notices are filed here, and a departure towards us opens the case",
    headers: PeerSignatureHeaders,
    signedByPeer: true,
    responses: { 202: ok('Filed (a repeated event id changes nothing)'), ...problems(400, 401) },
  },
  'GET /v1/openapi.json': {
    summary: 'This document',
    responses: { 200: { description: 'OpenAPI 3.1 document' } },
  },
};

export function openApiDocument() {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  // OpenAPI has no scheme for a signature over several headers and the body: the signature header
  // stands for it, and its description (and the operation's header parameters) say the rest.
  const peerSignature = registry.registerComponent('securitySchemes', 'peerSignature', {
    type: 'apiKey',
    in: 'header',
    name: 'webhook-signature',
    description:
      'Standard Webhooks (https://www.standardwebhooks.com): HMAC-SHA256 over "<webhook-id>.<webhook-timestamp>.<body>" with the key shared when the peer was registered (POST /v1/federation/peers), sent as v1,<base64>; webhook-id and webhook-timestamp are required beside it.',
  });
  for (const r of routes) {
    const op = OPERATIONS[`${r.method} ${r.path}`];
    if (!op) throw new Error(`no OpenAPI operation for ${r.method} ${r.path}`);
    const keyed = op.keyed === true || KEYED.has(`${r.method} ${r.path}`);
    const responses = keyed ? { ...op.responses, ...problems(409, 422) } : op.responses;
    registry.registerPath({
      method: r.method.toLowerCase() as 'get',
      path: r.path,
      summary: op.summary,
      ...(r.auth === 'jwt' ? { security: [{ [bearer.name]: [] }] } : op.signedByPeer ? { security: [{ [peerSignature.name]: [] }] } : {}),
      request: {
        ...(op.params ? { params: op.params } : {}),
        ...(op.query ? { query: op.query } : {}),
        ...(keyed ? { headers: IdempotencyKeyHeader } : op.headers ? { headers: op.headers } : {}),
        ...(op.body ? { body: { content: { 'application/json': { schema: op.body } } } } : {}),
      },
      responses: Object.fromEntries(
        Object.entries(responses).map(([status, { description, schema }]) => [
          status,
          {
            description,
            ...(RETRY_AFTER.has(status) ? { headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' as const } } } } : {}),
            ...(schema
              ? { content: { [Number(status) >= 400 ? 'application/problem+json' : 'application/json']: { schema } } }
              : {}),
          },
        ]),
      ),
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'liudong',
      version: '0.1.0',
      description:
        'Migrant registration between origin and destination. Every error a function answers is RFC 9457 problem details (`application/problem+json`). A request no route matches is answered 404 (or 405 with Allow) as problem details too. API Gateway answers three itself before any function runs, as `{"message": …}` (an HTTP API cannot change them): 401 for a missing or invalid token, 413 for a body over 10 MB, and 429 when a route\'s overall ceiling is reached.',
    },
  });
}
