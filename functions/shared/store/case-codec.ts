// A case as stored and read back: the item with the attributes of the indexes that find it
// (store/keys.ts), and its outbox row. ID and phone numbers are stored masked, with the full
// values sealed beside them (`sealed`, AES-256-GCM envelope encryption, functions/shared/protection.ts);
// keys hold blind indexes (HMAC-SHA-256 with a secret key), never a number or a plain hash of one.
import type { Certificate, CertificateKind } from '../../../core/certificates.ts';
import { personOf } from '../../../core/access.ts';
import { type Case, workingOffice } from '../../../core/workflows/index.ts';
import { type DomainEvent, stagesOfDeadline } from '../../../core/workflows/engine.ts';
import { nextStage } from '../../../core/reminders.ts';
import { PROTECTED_FIELDS } from '../../../core/masking.ts';
import { type Sealed, blindIndex, open, seal } from '../protection.ts';
import { toCloudEvent } from '../events.ts';
import { openFields, sealFields } from './sealing.ts';
import { SCOPE_LEVELS, activity, caseKey, dueIndex, officeOwner, outboxKey, personOwner, personPartition, retainShard, scopeIndexes } from './keys.ts';

export const OUTBOX_RETENTION_SECONDS = 7 * 24 * 3600;

/** ID numbers never appear in keys: their blind index stands in. */
export const holderHash = (idNumber: string) => blindIndex('holder', idNumber);

/** Cases about a person are found by the blind index of the ID number, never the number itself; the audit files their entries under the same key. */
export const personKey = async (idNumber: string) => personPartition(await blindIndex('person', idNumber));

/** The registration's duplicate guard: one case per person, destination and arrival date. */
export const arrivalIndex = async (c: Case) =>
  c.type === 'registration' ? blindIndex('arrival', `${c.person.idNumber}|${c.destinationCode}|${c.arrivalDate}`) : undefined;

/** Where a case holds protected numbers: `person.idNumber`, `person.phone`, … */
const PROTECTED_PATHS = PROTECTED_FIELDS.map(({ path: [outer, inner] }) => `${outer}.${inner}`);
const MASKS = new Map(PROTECTED_FIELDS.map(({ path: [outer, inner], mask }) => [`${outer}.${inner}`, mask]));

/** The case as stored: each protected number masked, the full value sealed under `sealed` (store/sealing.ts). */
const protectCase = (c: Case): Promise<Record<string, unknown>> =>
  sealFields(c as unknown as Record<string, unknown>, PROTECTED_PATHS, (path, value) => (typeof value === 'string' && !value.includes('*') ? MASKS.get(path)!(value) : value));

/** The case with its protected numbers opened (items written before protection hold them plain). */
const openCase = (item: Record<string, any>): Promise<Record<string, any>> => openFields(item);

/** The certificate a case carries, if any, with its kind. */
export function certificateOf(c: Case): { kind: CertificateKind; certificate: Certificate; holder: string } | undefined {
  if (c.type === 'registration' && c.verificationCertificate) {
    return { kind: 'verification', certificate: c.verificationCertificate, holder: c.person.idNumber };
  }
  if (c.type === 'origin_certificate' && c.certificate) return { kind: 'origin', certificate: c.certificate, holder: c.person.idNumber };
  return undefined;
}

export async function caseItem(c: Case) {
  const office = workingOffice(c);
  const subject = personOf(c);
  return {
    ...caseKey(c.id),
    entity: 'case',
    ...(await protectCase(c)),
    office,
    activity: activity(c.updatedAt, c.id),
    ...scopeIndexes(office, c.state === 'overdue'),
    ...ownerOf(c),
    ...(subject ? { personKey: await personKey(subject) } : {}),
    ...deadlineIndex(c),
    // Closed and still holding personal data: in the retention index until it is minimised.
    ...(c.retainUntil && !c.minimisedAt ? { retainShard: retainShard(c.id) } : {}),
  };
}

/** The deadline index holds a case at the instant of its deadline's next stage not yet queued; at none once all are. */
export function deadlineIndex(c: Case): { gsi1pk?: string; gsi1sk?: string } {
  const next = c.deadline ? nextStage(stagesOfDeadline(c.deadline), c.deadline.scheduledThrough) : undefined;
  return next ? dueIndex(c.id, next.at, c.id) : {};
}

/** Who lists the case as theirs: the person who opened it, or the office that sent a request. */
function ownerOf(c: Case): { owner?: string } {
  if (c.type === 'assistance_request') return { owner: officeOwner(c.originCode) };
  return c.openedBy.role === 'person' ? { owner: personOwner(c.openedBy.sub) } : {};
}

const INDEX_ATTRIBUTES = [
  ...['pk', 'sk', 'entity', 'office', 'activity', 'owner', 'personKey', 'gsi1pk', 'gsi1sk', 'retainShard'],
  ...SCOPE_LEVELS.flatMap((l) => [`scope${l}`, `overdue${l}`]),
];

export async function fromItem(item: Record<string, unknown>): Promise<Case> {
  const rest = await openCase(item);
  for (const name of INDEX_ATTRIBUTES) delete rest[name];
  // Registrations written before case types existed: no type, `reportedBy` for `openedBy`.
  rest.type ??= 'registration';
  if (rest.reportedBy && !rest.openedBy) rest.openedBy = rest.reportedBy;
  delete rest.reportedBy;
  return rest as unknown as Case;
}

export const outboxItem = (event: DomainEvent) => ({
  ...outboxKey(event.caseId, event.id),
  entity: 'event',
  event: toCloudEvent(event),
  expiresAt: Math.floor(Date.parse(event.time) / 1000) + OUTBOX_RETENTION_SECONDS,
});

/**
 * A departure towards a peer carries the person for the next destination to open the case: in
 * the outbox and the deliveries it is sealed, and only the delivery to that peer opens it.
 */
export async function sealHandOff(event: DomainEvent): Promise<DomainEvent> {
  const handOff = (event.data as { handOff?: { person: unknown } }).handOff;
  if (!handOff) return event;
  return { ...event, data: { ...event.data, handOff: { ...handOff, person: { sealed: await seal(JSON.stringify(handOff.person)) } } } };
}

/** The event with a sealed hand-off opened again (the delivery to the peer). */
export async function openHandOff<E extends { data?: unknown }>(event: E): Promise<E> {
  const handOff = (event.data as { handOff?: { person: { sealed?: Sealed } } } | undefined)?.handOff;
  if (!handOff?.person.sealed) return event;
  return { ...event, data: { ...(event.data as object), handOff: { ...handOff, person: JSON.parse(await open(handOff.person.sealed)) } } };
}

