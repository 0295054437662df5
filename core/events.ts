// The event catalogue: every event liudong emits, listed once as data, with its CloudEvents type
// (namespaced, versioned), the schema of its data, the offices it notifies, and the personal
// fields it carries. Agency deliveries carry personal fields only where the subscription's
// declared purpose allows them. docs/EVENTS.md is generated from this (npm run events:docs).
import { z } from 'zod';
import { NOTICE_ROUTES, type Recipient } from './notices.ts';
import { Certificate, Deadline, JurisdictionCode, LocalDate } from './schemas.ts';
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
    }),
    personal: ['person.name', 'person.idNumber'],
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
});
const AgencyDecisionData = z.looseObject({ ...Base, agencyDecision: z.object({ agency: z.string(), decision: z.string(), reference: z.string() }) });

export interface EventSpec {
  /** The CloudEvents type. */
  type: string;
  version: number;
  caseType: CaseType;
  description: string;
  data: z.ZodObject;
  /** The offices whose inboxes it lands in (core/notices.ts). */
  notifies: readonly Recipient[];
  /** Personal fields in its data, by path; an agency receives each only where its purpose allows. */
  personal: readonly string[];
}

const spec = (name: string, caseType: CaseType, description: string, data: z.ZodObject, personal: readonly string[]): EventSpec => ({
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
  ];
  return lines.join('\n');
}
