// The event catalogue: every event liudong emits, listed once as data, with its CloudEvents type
// (namespaced, versioned), the schema of its data, the offices it notifies, and the personal
// fields it carries. Agency deliveries carry personal fields only where the subscription's
// declared purpose allows them. docs/EVENTS.md is generated from this (npm run events:docs).
import { z } from 'zod';
import { NOTICE_ROUTES, type Recipient } from './notices.ts';
import { Certificate, Deadline, JurisdictionCode, LocalDate } from './schemas/common.ts';
import { CASE_TYPES, type CaseType } from './workflows/engine.ts';
import { WORKFLOWS } from './workflows/index.ts';

export const EVENT_NAMESPACE = 'cn.liudong.';
/** The version of every event's data schema; a breaking change to one gets a new version. */
export const EVENT_VERSION = 1;

/** Why an agency receives events, and the personal fields each purpose may see. */
export const EVENT_PURPOSES = {
  // Public security checks identity and residence (Measures §21).
  law_enforcement: ['person.name', 'person.idNumber'],
  // Labour and social security, civil affairs: benefits follow the person.
  social_security: ['person.name', 'person.idNumber'],
  // Housing and market regulation: who lives at premises, not who they are beyond a name.
  housing: ['person.name', 'responsiblePerson.name'],
  health: ['person.name'],
  // Figures only: no personal field at all.
  statistics: [],
} as const satisfies Record<string, readonly string[]>;
export type EventPurpose = keyof typeof EVENT_PURPOSES;

const Base = {
  caseId: z.string(),
  caseType: z.enum(CASE_TYPES),
  state: z.string(),
  originCode: JurisdictionCode,
  destinationCode: JurisdictionCode.optional(),
  reason: z.string().optional().meta({ description: 'Why, where the action needs a reason' }),
  deadline: Deadline.nullable().optional(),
};
const PersonRef = z.object({ name: z.string(), idNumber: z.string().optional() });

/** What each case type's events carry (the workflow table's `eventData`, plus the common fields). */
const DATA: Record<CaseType, { schema: z.ZodObject; personal: string[] }> = {
  registration: {
    schema: z.looseObject({
      ...Base,
      person: PersonRef,
      arrivalDate: LocalDate,
      originCertificateNumber: z.string().optional(),
      verificationCertificate: Certificate.optional(),
      departure: z.object({ date: LocalDate, nextDestinationCode: JurisdictionCode.optional() }).optional(),
      previousCaseId: z.string().optional(),
      nextCaseId: z.string().optional(),
      reviewId: z.string().optional(),
      groupId: z.string().optional(),
      handOff: z
        .object({
          person: z
            .object({ name: z.string().optional(), idNumber: z.string().optional(), phone: z.string().optional(), sealed: z.unknown().optional() })
            .loose()
            .meta({ description: 'The person, in full for the peer; sealed (encrypted) wherever else the event is kept' }),
          expectedStayDays: z.number().int(),
        })
        .optional()
        .meta({ description: 'A departure towards another deployment: what its next destination needs to open the case (sent to that peer)' }),
    }),
    personal: ['person.name', 'person.idNumber', 'handOff.person.name', 'handOff.person.idNumber', 'handOff.person.phone', 'handOff.person.email', 'handOff.person.sealed'],
  },
  origin_certificate: {
    schema: z.looseObject({
      ...Base,
      person: PersonRef,
      intendedDestinationCode: JurisdictionCode.optional(),
      plannedDeparture: LocalDate.optional(),
      certificate: Certificate.optional(),
    }),
    personal: ['person.name', 'person.idNumber'],
  },
  review: {
    schema: z.looseObject({ ...Base, person: PersonRef, registrationId: z.string(), round: z.number().int(), result: z.record(z.string(), z.unknown()).optional() }),
    personal: ['person.name'],
  },
  assistance_request: {
    schema: z.looseObject({ ...Base, fromCode: JurisdictionCode, toCode: JurisdictionCode, question: z.string(), subjectCaseId: z.string().optional(), answer: z.unknown().optional() }),
    personal: [],
  },
  appeal: {
    schema: z.looseObject({
      ...Base,
      person: PersonRef.optional(),
      appealed: z.object({ caseId: z.string(), caseType: z.enum(CASE_TYPES), action: z.string(), at: z.iso.datetime() }),
      outcome: z.unknown().optional(),
    }),
    personal: ['person.name'],
  },
  group: {
    schema: z.looseObject({
      ...Base,
      organisation: z.object({ name: z.string(), creditCode: z.string().optional() }),
      agreementReference: z.string(),
      responsiblePerson: z.object({ name: z.string() }),
      arrivalDate: LocalDate,
      members: z.object({ total: z.number().int(), pending: z.number().int() }),
    }),
    personal: ['responsiblePerson.name'],
  },
};

/** The data of a deadline's reminder or escalation: no personal field. */
const StageData = z.looseObject({
  caseId: z.string(),
  caseType: z.enum(CASE_TYPES),
  state: z.string(),
  originCode: JurisdictionCode,
  destinationCode: JurisdictionCode.optional(),
  deadline: z.object({ kind: z.string(), date: LocalDate, dueAt: z.iso.datetime() }),
  stage: z.string(),
  daysBefore: z.number().int().optional(),
  daysLate: z.number().int().optional(),
  level: z.number().int().optional(),
  supersedes: z.array(z.string()).optional().meta({ description: 'Earlier stages skipped for this one when a sweep caught up' }),
});
/** A completeness report was published (or a correction of one): figures only, no person. */
export const ReportPublishedData = z.looseObject({
  reportId: z.string(),
  jurisdiction: JurisdictionCode,
  originCode: JurisdictionCode.meta({ description: 'The jurisdiction again: subscriptions match events by it' }),
  period: z.string(),
  version: z.number().int(),
  corrects: z.number().int().optional(),
  provisional: z.boolean(),
  rates: z.array(z.object({ id: z.string(), numerator: z.number().int(), denominator: z.number().int(), rate: z.number().nullable(), target: z.number(), meets: z.boolean().nullable() })),
  links: z.object({ json: z.string(), csv: z.string() }),
});
const AgencyDecisionData = z.looseObject({ ...Base, agencyDecision: z.object({ agency: z.string(), decision: z.string(), reference: z.string() }) });

export interface EventSpec {
  /** The CloudEvents type. */
  type: string;
  version: number;
  /** The case type it is about; null for an event about no case (a published report). */
  caseType: CaseType | null;
  description: string;
  data: z.ZodObject;
  /** The offices whose inboxes it lands in (core/notices.ts). */
  notifies: readonly Recipient[];
  /** Personal fields in its data, by path; an agency receives each only where its purpose allows. */
  personal: readonly string[];
}

const spec = (name: string, caseType: CaseType | null, description: string, data: z.ZodObject, personal: readonly string[]): EventSpec => ({
  type: `${EVENT_NAMESPACE}${name}`,
  version: EVENT_VERSION,
  caseType,
  description,
  data,
  notifies: NOTICE_ROUTES[name] ?? [],
  personal,
});

/** Every event, in a stable order: each workflow table's actions, then the events outside the tables. */
export const EVENT_CATALOGUE: readonly EventSpec[] = (() => {
  const events = new Map<string, EventSpec>();
  for (const [caseType, workflow] of Object.entries(WORKFLOWS) as [CaseType, { actions: Record<string, { event: string; from: readonly (string | null)[] }> }][]) {
    for (const [action, rule] of Object.entries(workflow.actions)) {
      if (events.has(rule.event)) continue;
      const from = rule.from.includes(null) ? 'opens the case' : `from ${rule.from.join(', ')}`;
      events.set(rule.event, spec(rule.event, caseType, `${caseType.replace(/_/g, ' ')}: ${action.replace(/_/g, ' ')} (${from})`, DATA[caseType].schema, DATA[caseType].personal));
    }
  }
  for (const caseType of ['registration', 'origin_certificate'] as const) {
    const name = `${caseType}.agency_decision`;
    events.set(name, spec(name, caseType, `${caseType.replace(/_/g, ' ')}: an agency recorded a decision against its certificate`, AgencyDecisionData, DATA[caseType].personal));
  }
  for (const caseType of CASE_TYPES) {
    for (const [suffix, what] of [['deadline_reminder', 'its deadline is near (a reminder to the office working it)'], ['deadline_escalated', 'its deadline passed days ago (an escalation to an office above)']] as const) {
      const name = `${caseType}.${suffix}`;
      events.set(name, spec(name, caseType, `${caseType.replace(/_/g, ' ')}: ${what}`, StageData, []));
    }
  }
  for (const caseType of CASE_TYPES) {
    const name = `${caseType}.deadline_rescheduled`;
    const data = DATA[caseType].schema.extend({
      rescheduled: z.object({ kind: z.string(), from: LocalDate, to: LocalDate, notices: z.array(z.string()).meta({ description: 'The document numbers of the holiday notices that moved it' }) }),
    });
    events.set(name, spec(name, caseType, `${caseType.replace(/_/g, ' ')}: a provisional working-day deadline was counted again when its year's holiday notice was loaded`, data, DATA[caseType].personal));
  }
  events.set('report.published', spec('report.published', null, 'a completeness report (or a correction of one) was published for a county or prefecture', ReportPublishedData, []));
  return [...events.values()];
})();

export const eventSpec = (type: string): EventSpec | undefined => EVENT_CATALOGUE.find((e) => e.type === type || e.type === `${EVENT_NAMESPACE}${type}`);

/** An event's data for a recipient whose purpose allows `allowed` personal fields: the others are left out. */
export function minimise(data: Record<string, unknown>, personal: readonly string[], allowed: readonly string[]): Record<string, unknown> {
  const copy = structuredClone(data);
  for (const path of personal.filter((p) => !allowed.includes(p))) {
    const parts = path.split('.');
    let node: Record<string, unknown> | undefined = copy;
    for (const part of parts.slice(0, -1)) node = node?.[part] as Record<string, unknown> | undefined;
    if (node) delete node[parts.at(-1)!];
  }
  // An object left empty by removal says nothing: leave it out too.
  for (const [key, value] of Object.entries(copy)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) delete copy[key];
  }
  return copy;
}

/** The catalogue as JSON: types, versions, notified offices, personal fields and JSON Schemas of the data. */
export const catalogueDocument = () =>
  EVENT_CATALOGUE.map((e) => ({
    type: e.type,
    version: e.version,
    caseType: e.caseType,
    description: e.description,
    notifies: e.notifies,
    personal: e.personal,
    schema: z.toJSONSchema(e.data, { unrepresentable: 'any' }),
  }));

/** How events reach agencies (docs/EVENTS.md); the numbers are core/subscriptions.ts's. */
const DELIVERY_TEXT = [
  '## Delivery to agencies (webhooks)',
  '',
  'An agency account (`custom:role` `agency`, `custom:agency` its id, `custom:jurisdiction` its prefix) subscribes with',
  '`POST /v1/subscriptions`: an endpoint URL, event types (a catalogue type, `cn.liudong.registration.*`, or `*`), a',
  'jurisdiction prefix inside its own (an event matches when its origin, destination or next destination lies inside), and',
  'a purpose from the table above. The answer carries the signing secret (`whsec_…`) once.',
  '',
  '- **Request.** `POST` of the CloudEvent in structured mode (`content-type: application/cloudevents+json`), with the',
  '  [Standard Webhooks](https://www.standardwebhooks.com/) headers `webhook-id` (the event id: the same on every',
  '  attempt and replay, so a receiver drops duplicates by it), `webhook-timestamp` and `webhook-signature`',
  '  (`v1,<HMAC-SHA256>`; during a secret rotation two signatures, space-separated: the new secret and, for 24 hours,',
  '  the old one). Verify with any Standard Webhooks library; `npm run webhook-receiver` is one.',
  '- **Success** is any 2xx within 15 seconds. Anything else (another status, a timeout, a refused connection) is tried',
  '  again: at once, then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (eight attempts), through SQS delays of at',
  '  most 15 minutes that hop until due. A `Retry-After` header replaces the next step (up to 10 h). After the eighth',
  '  attempt the delivery is `exhausted`: counted on the subscription (`exhaustedCount`, `lastExhausted`) and its',
  '  `contactEmail` told. `410 Gone` disables the subscription at once; so does failing every attempt for 5 days.',
  '  Deliveries of a disabled (or paused) subscription are held, and go when it is resumed.',
  '- **Order.** Within one subscription, the events of one case are attempted in the order they were committed: a',
  '  case\'s next event waits until the one before it is delivered or exhausted. Nothing is promised across cases:',
  '  they travel side by side. A replay goes behind whatever that case has on its way.',
  '- **At least once.** A delivery can arrive twice (a timeout after the receiver took it); `webhook-id` tells.',
  '  Copies of one queue message make one attempt.',
  '- **Isolation.** Each subscription has its own deliveries, and only the head of each case\'s lane is queued; a',
  '  subscriber\'s backlog waits in the table, not in the queue others share. While an endpoint fails, one attempt at a',
  '  time probes it and the rest wait: a dead or hanging subscriber holds one worker, never the others\' deliveries.',
  '- **Endpoints.** `https` only, to public addresses: private, loopback, link-local (the metadata service), shared and',
  '  reserved ranges are refused when the subscription is made and again at every connection (DNS may change). The',
  '  local stack also takes `http://127.0.0.1` and `http://localhost`.',
  '- **Records.** `GET /v1/subscriptions/{id}/deliveries` lists each delivery with its attempts (time, status, latency,',
  '  error) for 30 days; `POST …/deliveries/{deliveryId}/replay` sends one again, `POST …/deliveries/replay` every one of',
  '  a time range (`onlyExhausted` for the usual recovery).',
  '',
];

/** docs/EVENTS.md: the catalogue for people. */
export function eventsMarkdown(): string {
  const lines = [
    '# Events',
    '',
    '<!-- Generated from core/events.ts by `npm run events:docs`; a test fails when it is stale. -->',
    '',
    `Every event leaves liudong as a CloudEvent 1.0 (structured JSON). \`type\` is namespaced (\`${EVENT_NAMESPACE}…\`);`,
    `\`dataschema\` points at \`/v1/events/schemas/{type}\` (the data schema, version ${EVENT_VERSION});`,
    '`source` names the deployment and the jurisdiction whose office works the case (`/liudong/{deployment}/jurisdictions/{code}`);',
    '`subject` is the case (`registrations/{id}`, …). Office notices carry the data as listed; an agency receives the',
    'personal fields only where its subscription\'s purpose allows them:',
    '',
    '| purpose | personal fields it may receive |',
    '|---|---|',
    ...Object.entries(EVENT_PURPOSES).map(([purpose, fields]) => `| \`${purpose}\` | ${fields.length ? fields.map((f) => `\`${f}\``).join(', ') : 'none'} |`),
    '',
    '| type | what happened | notifies | personal fields |',
    '|---|---|---|---|',
    ...EVENT_CATALOGUE.map(
      (e) => `| \`${e.type}\` | ${e.description} | ${e.notifies.length ? e.notifies.join(', ') : '—'} | ${e.personal.length ? e.personal.map((p) => `\`${p}\``).join(', ') : '—'} |`,
    ),
    '',
    ...DELIVERY_TEXT,
  ];
  return lines.join('\n');
}
