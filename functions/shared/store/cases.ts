// Cases in the single `cases` table:
//   CASE#<id>      / CASE                   the case, of any type
//   CASE#<id>      / HISTORY#<at>#<ver>     one entry per action
//   CASE#<id>      / EVENT#<eventId>        outbox: the stream relays it, TTL removes it
//   CASE#<id>      / DECISION#<at>#<id>     an agency's decision against the case's certificate
//   DEDUPE#<hash>  / REGISTRATION           guards against the same arrival reported twice
//   CERT#<number>  / CERTIFICATE            the public face of a certificate (no personal data)
//   ONCE#<key>     / ONCE                   a guard: something that happens once (one appeal per decision)
//   PROVISIONAL#<shard> / <id>              a case whose working-day deadline awaits a year's holiday notice
// A case item carries the attributes of the indexes that find it:
//   gsi1    DUE#<shard>  / <at>#<id>          the next stage of a case's deadline (reminder, overdue,
//                                             escalation), and held messages, for the sweep
//   scope2…scope9  <office code prefix> / <updatedAt>#<id>   lists by jurisdiction, newest activity first
//   overdue2…overdue9  the same, present only while the case is overdue
//   owner   SUB#<sub> | OFFICE#<code> / <updatedAt>#<id>   a person's own cases; an office's sent requests
//   person  PERSON#<blind index of ID number> / <updatedAt>#<id>    every case about a person, whoever opened it
// ID and phone numbers are stored masked, with the full values sealed beside them (`sealed`,
// AES-256-GCM envelope encryption, functions/shared/protection.ts); keys hold blind indexes
// (HMAC-SHA-256 with a secret key), never a number or a plain hash of one.
import { createHash } from 'node:crypto';
import { DeleteCommand, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { lostKey, recordItems, unrecord } from '../idempotency.ts';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { Certificate, CertificateKind } from '../../../core/certificates.ts';
import { conflict } from '../../../core/errors.ts';
import { personOf } from '../../../core/access.ts';
import { type Case, workingOffice } from '../../../core/workflows/index.ts';
import { OPEN_STATES, type RegistrationCase } from '../../../core/workflows/registration.ts';
import { type CaseBase, type Decision, type DomainEvent, type HistoryEntry, deadlineId, stagesOfDeadline } from '../../../core/workflows/engine.ts';
import { nextStage } from '../../../core/reminders.ts';
import { PROTECTED_FIELDS, maskProtected } from '../../../core/masking.ts';
import { documentClient } from '../clients.ts';
import { type Sealed, blindIndex, open, seal } from '../protection.ts';
import { tableName } from '../env.ts';
import { toCloudEvent } from '../events.ts';
import { type Page, batchGetItems, decodeCursor, queryAll, queryPage, withoutKeys } from './paging.ts';
import { type TransactItem, conditional } from './conditional.ts';

export const DEADLINE_SHARDS = 8;
export const OUTBOX_RETENTION_SECONDS = 7 * 24 * 3600;
/** The levels that have a list index; a 12-digit community is served by the township's index. */
export const SCOPE_LEVELS = [2, 4, 6, 9] as const;
/** A filtered list reads at most this many index items per page before it hands back a cursor. */
export const MAX_READ_PER_PAGE = 1000;


const caseKey = (id: string) => ({ pk: `CASE#${id}`, sk: 'CASE' });
export const shardOf = (id: string) => createHash('sha256').update(id).digest()[0]! % DEADLINE_SHARDS;
/** ID numbers never appear in keys: their blind index stands in. */
export const holderHash = (idNumber: string) => blindIndex('holder', idNumber);

/** Cases about a person are found by the blind index of the ID number, never the number itself; the audit files their entries under the same key. */
export const personKey = async (idNumber: string) => `PERSON#${await blindIndex('person', idNumber)}`;

/** The registration's duplicate guard: one case per person, destination and arrival date. */
const dedupeKey = async (c: Case) =>
  c.type === 'registration' ? blindIndex('arrival', `${c.person.idNumber}|${c.destinationCode}|${c.arrivalDate}`) : undefined;

/** The case as stored: each protected number masked, the full value sealed under `sealed`. */
async function protectCase(c: Case): Promise<Record<string, unknown>> {
  const out: Record<string, any> = { ...c };
  const sealed: Record<string, Sealed> = {};
  for (const { path: [outer, inner] } of PROTECTED_FIELDS) {
    const value = out[outer]?.[inner];
    if (typeof value === 'string' && value !== '') sealed[`${outer}.${inner}`] = await seal(value);
  }
  return Object.keys(sealed).length > 0 ? { ...maskProtected(out), sealed } : out;
}

/** The case with its protected numbers opened (items written before protection hold them plain). */
async function openCase(item: Record<string, any>): Promise<Record<string, any>> {
  const { sealed, ...rest } = item as { sealed?: Record<string, Sealed> };
  for (const [at, value] of Object.entries(sealed ?? {})) {
    const [outer, inner] = at.split('.') as [string, string];
    (rest as Record<string, any>)[outer] = { ...(rest as Record<string, any>)[outer], [inner]: await open(value) };
  }
  return rest;
}

/** The certificate a case carries, if any, with its kind. */
export function certificateOf(c: Case): { kind: CertificateKind; certificate: Certificate; holder: string } | undefined {
  if (c.type === 'registration' && c.verificationCertificate) {
    return { kind: 'verification', certificate: c.verificationCertificate, holder: c.person.idNumber };
  }
  if (c.type === 'origin_certificate' && c.certificate) return { kind: 'origin', certificate: c.certificate, holder: c.person.idNumber };
  return undefined;
}

async function caseItem(c: Case) {
  const office = workingOffice(c);
  const activity = `${c.updatedAt}#${c.id}`;
  const levels = SCOPE_LEVELS.filter((l) => office.length >= l);
  const scopes = Object.fromEntries(levels.map((l) => [`scope${l}`, office.slice(0, l)]));
  const overdue = c.state === 'overdue' ? Object.fromEntries(levels.map((l) => [`overdue${l}`, office.slice(0, l)])) : {};
  const subject = personOf(c);
  return {
    ...caseKey(c.id),
    entity: 'case',
    ...(await protectCase(c)),
    office,
    activity,
    ...scopes,
    ...overdue,
    ...ownerOf(c),
    ...(subject ? { personKey: await personKey(subject) } : {}),
    ...deadlineIndex(c),
    // Closed and still holding personal data: in the retention index until it is minimised.
    ...(c.retainUntil && !c.minimisedAt ? { retainShard: `RETAIN#${shardOf(c.id)}` } : {}),
  };
}

/** The deadline index holds a case at the instant of its deadline's next stage not yet queued; at none once all are. */
export function deadlineIndex(c: Case): { gsi1pk?: string; gsi1sk?: string } {
  const next = c.deadline ? nextStage(stagesOfDeadline(c.deadline), c.deadline.scheduledThrough) : undefined;
  return next ? { gsi1pk: `DUE#${shardOf(c.id)}`, gsi1sk: `${next.at}#${c.id}` } : {};
}

const CASE_PK = /^CASE#[0-9a-f-]{36}$/;
const ACTIVITY = /^\d{4}-\d{2}-\d{2}T[0-9:.]+Z#[0-9a-f-]{36}$/;

/** Who lists the case as theirs: the person who opened it, or the office that sent a request. */
function ownerOf(c: Case): { owner?: string } {
  if (c.type === 'assistance_request') return { owner: `OFFICE#${c.originCode}` };
  return c.openedBy.role === 'person' ? { owner: `SUB#${c.openedBy.sub}` } : {};
}

const INDEX_ATTRIBUTES = [
  ...['pk', 'sk', 'entity', 'office', 'activity', 'owner', 'personKey', 'gsi1pk', 'gsi1sk', 'retainShard'],
  ...SCOPE_LEVELS.flatMap((l) => [`scope${l}`, `overdue${l}`]),
];

async function fromItem(item: Record<string, unknown>): Promise<Case> {
  const rest = await openCase(item);
  for (const name of INDEX_ATTRIBUTES) delete rest[name];
  // Registrations written before case types existed: no type, `reportedBy` for `openedBy`.
  rest.type ??= 'registration';
  if (rest.reportedBy && !rest.openedBy) rest.openedBy = rest.reportedBy;
  delete rest.reportedBy;
  return rest as unknown as Case;
}

export const outboxItem = (event: DomainEvent) => ({
  pk: `CASE#${event.caseId}`,
  sk: `EVENT#${event.id}`,
  entity: 'event',
  event: toCloudEvent(event),
  expiresAt: Math.floor(Date.parse(event.time) / 1000) + OUTBOX_RETENTION_SECONDS,
});

/**
 * A departure towards a peer carries the person for the next destination to open the case: in
 * the outbox and the deliveries it is sealed, and only the delivery to that peer opens it.
 */
async function sealHandOff(event: DomainEvent): Promise<DomainEvent> {
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

/** The case, guarded by the version it was decided on (or by not existing yet, when it opens). */
const casePut = async (table: string, c: Case, previousVersion: number | null): Promise<TransactItem> => ({
  Put: {
    TableName: table,
    Item: await caseItem(c),
    ...(previousVersion === null
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'version = :previous', ExpressionAttributeValues: { ':previous': previousVersion } }),
  },
});

/** The history entry of the case's new version, written once. */
const historyPut = (table: string, c: Case, history: HistoryEntry): TransactItem => ({
  Put: {
    TableName: table,
    Item: { pk: `CASE#${c.id}`, sk: `HISTORY#${history.at}#${String(c.version).padStart(6, '0')}`, entity: 'history', ...history },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** What each transact item stands for, to say which one a cancelled transaction tripped on. */
type Purpose =
  | { kind: 'case'; id: string }
  | { kind: 'dedupe'; key: string }
  | { kind: 'certificate'; number: string }
  | { kind: 'key' }
  | { kind: 'other'; conflict?: string };

/**
 * Writes decisions atomically: each case (guarded by the version it was decided on, or by
 * not existing yet), its history entry, its event in the outbox, the duplicate guard of a new
 * registration and the public record of its certificate; `extra` items (guards) join the same
 * transaction, each with what to say when its condition fails. A failed condition becomes 409
 * and nothing is written.
 */
export async function commit(decisions: Decision<Case | CaseBase>[], extra: { item: TransactItem; conflict: string }[] = []): Promise<void> {
  const table = tableName('cases');
  const items: TransactItem[] = [];
  const purposes: Purpose[] = [];
  const add = (item: TransactItem, purpose: Purpose = { kind: 'other' }) => {
    items.push(item);
    purposes.push(purpose);
  };
  for (const d of decisions as Decision<Case>[]) {
    const c = d.case;
    add(await casePut(table, c, d.previousVersion), { kind: 'case', id: c.id });
    add(historyPut(table, c, d.history));
    // The event row also names whose audit partition it concerns (what an agency receives of the
    // person is recorded there) and which office's account acted (its update frequency): neither
    // is part of the CloudEvent.
    const subject = personOf(c);
    const by = d.history.by;
    add({
      Put: {
        TableName: table,
        Item: {
          ...outboxItem(await sealHandOff(d.event)),
          ...(subject ? { auditPartition: await personKey(subject) } : {}),
          actedBy: { role: by.role, ...(by.office ? { office: by.office } : {}) },
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
    const dedupe = d.previousVersion === null ? await dedupeKey(c) : undefined;
    if (dedupe) {
      add(
        {
          Put: {
            TableName: table,
            Item: { pk: `DEDUPE#${dedupe}`, sk: 'REGISTRATION', entity: 'dedupe', caseId: c.id },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        { kind: 'dedupe', key: dedupe },
      );
    }
    // Found again when the notice is loaded; a marker outlived by its deadline is dropped then.
    if (c.deadline?.provisional) {
      add({ Put: { TableName: table, Item: { pk: `PROVISIONAL#${shardOf(c.id)}`, sk: c.id, entity: 'provisional', caseId: c.id, deadline: deadlineId(c.deadline) } } });
    }
    const held = certificateOf(c);
    if (held) {
      add(
        {
          Put: {
            TableName: table,
            Item: {
              pk: `CERT#${held.certificate.number}`,
              sk: 'CERTIFICATE',
              entity: 'certificate',
              kind: held.kind,
              caseId: c.id,
              holder: await holderHash(held.holder),
              ...held.certificate,
            },
            // A number belongs to one case for ever.
            ConditionExpression: 'attribute_not_exists(pk) OR caseId = :caseId',
            ExpressionAttributeValues: { ':caseId': c.id },
          },
        },
        { kind: 'certificate', number: held.certificate.number },
      );
    }
  }
  for (const { item, conflict: message } of extra) add(item, { kind: 'other', conflict: message });
  // A request's Idempotency-Key is completed with the case it answers with, in the same transaction.
  for (const item of recordItems({ kind: 'case', id: decisions[0]!.case.id })) add(item, { kind: 'key' });
  try {
    await documentClient().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (purposes.some((p) => p.kind === 'key')) unrecord();
    if (!(error instanceof TransactionCanceledException)) throw error;
    const failed = (error.CancellationReasons ?? [])
      .map((r, i) => (r.Code === 'ConditionalCheckFailed' ? purposes[i] : undefined))
      .filter((p): p is Purpose => p !== undefined);
    // Another attempt with this key holds it: its answer is the one a retry gets.
    if (failed.some((p) => p.kind === 'key')) throw lostKey();
    const dedupe = failed.find((p) => p.kind === 'dedupe');
    if (dedupe?.kind === 'dedupe') {
      const existing = await documentClient().send(new GetCommand({ TableName: table, Key: { pk: `DEDUPE#${dedupe.key}`, sk: 'REGISTRATION' } }));
      throw conflict(`this arrival is already reported as registration ${existing.Item?.caseId as string}`, {
        caseId: existing.Item?.caseId,
      });
    }
    const stale = failed.find((p) => p.kind === 'case');
    if (stale?.kind === 'case') throw conflict(`case ${stale.id} changed while this request was processed; read it again and retry`);
    const taken = failed.find((p) => p.kind === 'certificate');
    if (taken?.kind === 'certificate') throw conflict(`certificate number ${taken.number} is taken; retry`);
    const other = failed.find((p) => p.kind === 'other');
    if (other?.kind === 'other' && other.conflict) throw conflict(other.conflict);
    if (failed.length > 0) throw conflict('a concurrent change interfered with this request; retry');
    throw error;
  }
}

export async function getCase(id: string): Promise<Case | undefined> {
  const result = await documentClient().send(new GetCommand({ TableName: tableName('cases'), Key: caseKey(id), ConsistentRead: true }));
  return result.Item ? await fromItem(result.Item) : undefined;
}

/** Several cases by id (those that exist), in the order asked, as they stand (strongly consistent). */
export async function getCases(ids: readonly string[]): Promise<Case[]> {
  const items = await batchGetItems(tableName('cases'), [...new Set(ids)].map(caseKey), { consistent: true });
  const byId = new Map<string, Case>();
  for (const item of items) {
    const c = await fromItem(item);
    byId.set(c.id, c);
  }
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** The rows of a case's partition whose sort key starts with `prefix`, oldest first. */
export async function caseRows<T>(id: string, prefix: `HISTORY#${string}` | 'DECISION#'): Promise<T[]> {
  const rows: T[] = [];
  for await (const item of queryAll({
    TableName: tableName('cases'),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': `CASE#${id}`, ':prefix': prefix },
  })) {
    rows.push(withoutKeys<T>(item));
  }
  return rows;
}

/** A guard that lets `key` happen once: a second transaction carrying it fails with `conflict`. */
export const once = (key: string, message: string) => ({
  item: {
    Put: { TableName: tableName('cases'), Item: { pk: `ONCE#${key}`, sk: 'ONCE', entity: 'guard' }, ConditionExpression: 'attribute_not_exists(pk)' },
  },
  conflict: message,
});

/** Every action on the case, oldest first. */
export const caseHistory = (id: string) => caseRows<HistoryEntry>(id, 'HISTORY#');

/**
 * The person's registration at `destinationCode` that is still open (they live there by it),
 * if any: an employer's list that names them again updates it rather than opening another.
 */
export async function openRegistrationAt(idNumber: string, destinationCode: string): Promise<RegistrationCase | undefined> {
  for await (const item of queryAll({
    TableName: tableName('cases'),
    IndexName: 'person',
    KeyConditionExpression: 'personKey = :person',
    FilterExpression: '#type = :registration AND destinationCode = :destination',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':person': await personKey(idNumber), ':registration': 'registration', ':destination': destinationCode },
    ScanIndexForward: false,
  })) {
    const c = await fromItem(item);
    if (c.type === 'registration' && (OPEN_STATES as readonly string[]).includes(c.state)) return c;
  }
  return undefined;
}

/** What the deadline index holds at or before `until`, across every shard: cases, held messages and unread notices. */
/** One page of a shard's provisional markers, in case id order, after `after`. */
export async function provisionalPage(shard: number, after: string | undefined, limit: number): Promise<{ items: { caseId: string; deadline: string }[]; last?: string }> {
  const { Items = [], LastEvaluatedKey } = await documentClient().send(
    new QueryCommand({
      TableName: tableName('cases'),
      KeyConditionExpression: after === undefined ? 'pk = :pk' : 'pk = :pk AND sk > :after',
      ExpressionAttributeValues: { ':pk': `PROVISIONAL#${shard}`, ...(after === undefined ? {} : { ':after': after }) },
      Limit: limit,
    }),
  );
  const items = Items.map((i) => ({ caseId: i.caseId as string, deadline: i.deadline as string }));
  return LastEvaluatedKey ? { items, last: LastEvaluatedKey.sk as string } : { items };
}

/** Drops a case's provisional marker, unless a newer provisional deadline has replaced the one it names. */
export async function dropProvisional(caseId: string, deadline: string): Promise<void> {
  await conditional(
    new DeleteCommand({
      TableName: tableName('cases'),
      Key: { pk: `PROVISIONAL#${shardOf(caseId)}`, sk: caseId },
      ConditionExpression: 'deadline = :deadline',
      ExpressionAttributeValues: { ':deadline': deadline },
    }),
  );
}

export async function* dueBy(
  until: string,
): AsyncGenerator<{ entity: 'case'; case: Case } | { entity: 'message'; item: Record<string, unknown> } | { entity: 'notice'; item: Record<string, unknown> }> {
  for (let shard = 0; shard < DEADLINE_SHARDS; shard++) {
    for await (const item of queryAll({
      TableName: tableName('cases'),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :shard AND gsi1sk <= :until',
      ExpressionAttributeValues: { ':shard': `DUE#${shard}`, ':until': `${until}#~` },
    })) {
      if (item.entity === 'message') yield { entity: 'message', item };
      else if (item.entity === 'notice') yield { entity: 'notice', item };
      else yield { entity: 'case', case: await fromItem(item) };
    }
  }
}

/**
 * The stages up to `through` were queued: the case moves on to its next stage in the index (or
 * leaves it). Only if nothing changed the case meanwhile; a changed case is read again next time.
 */
export async function markScheduled(c: Case, through: string): Promise<boolean> {
  if (!c.deadline) return false;
  const after = { ...c, deadline: { ...c.deadline, scheduledThrough: through } } as Case;
  const index = deadlineIndex(after);
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName('cases'),
        Key: caseKey(c.id),
        UpdateExpression: index.gsi1sk
          ? 'SET #deadline.scheduledThrough = :through, gsi1pk = :pk, gsi1sk = :sk'
          : 'SET #deadline.scheduledThrough = :through REMOVE gsi1pk, gsi1sk',
        ConditionExpression: 'version = :version',
        ExpressionAttributeNames: { '#deadline': 'deadline' },
        ExpressionAttributeValues: { ':through': through, ':version': c.version, ...(index.gsi1sk ? { ':pk': index.gsi1pk, ':sk': index.gsi1sk } : {}) },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

export interface CaseFilter {
  type?: Case['type'] | undefined;
  state?: string;
  overdue?: boolean;
  /** Only cases with a running deadline due before this instant. */
  dueBefore?: string;
}

function filterExpression(
  filter: CaseFilter,
  extra: { office?: string | undefined },
): { FilterExpression?: string; ExpressionAttributeNames?: Record<string, string>; filterValues: Record<string, unknown> } {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (filter.type) {
    parts.push('#type = :type');
    names['#type'] = 'type';
    values[':type'] = filter.type;
  }
  const state = filter.overdue ? 'overdue' : filter.state;
  if (state) {
    parts.push('#state = :state');
    names['#state'] = 'state';
    values[':state'] = state;
  }
  if (filter.dueBefore) {
    parts.push('#deadline.#dueAt < :dueBefore');
    names['#deadline'] = 'deadline';
    names['#dueAt'] = 'dueAt';
    values[':dueBefore'] = filter.dueBefore;
  }
  if (extra.office) {
    parts.push('begins_with(office, :office)');
    values[':office'] = extra.office;
  }
  return parts.length === 0
    ? { filterValues: {} }
    : { FilterExpression: parts.join(' AND '), ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}), filterValues: values };
}

async function listByIndex(index: string, partition: { name: string; value: string }, filter: CaseFilter, office: string | undefined, limit: number, cursor?: string): Promise<Page<Case>> {
  const keyNames = ['pk', 'sk', partition.name, 'activity'];
  const start =
    cursor === undefined
      ? undefined
      : decodeCursor(cursor, { pk: CASE_PK, sk: 'CASE', [partition.name]: partition.value, activity: ACTIVITY });
  const { filterValues, ExpressionAttributeNames: filterNames, ...filterParts } = filterExpression(filter, { office });
  const page = await queryPage({
    input: {
      TableName: tableName('cases'),
      IndexName: index,
      // Named, not written: `owner` is a reserved word in DynamoDB expressions.
      KeyConditionExpression: '#partition = :partition',
      ...filterParts,
      ExpressionAttributeNames: { '#partition': partition.name, ...filterNames },
      ExpressionAttributeValues: { ':partition': partition.value, ...filterValues },
      ScanIndexForward: false,
    },
    keyNames,
    limit,
    ...(start ? { start } : {}),
    ...(filterParts.FilterExpression ? { maxRead: MAX_READ_PER_PAGE } : {}),
  });
  return { ...page, items: await Promise.all(page.items.map(fromItem)) };
}

/**
 * Cases worked inside `jurisdiction` (registrations by destination, origin certificates by
 * origin), newest activity first: one index partition per list, never a scan.
 */
export function listCases(jurisdiction: string, filter: CaseFilter, limit: number, cursor?: string): Promise<Page<Case>> {
  const level = [...SCOPE_LEVELS].reverse().find((l) => jurisdiction.length >= l)!;
  const office = jurisdiction.length > level ? jurisdiction : undefined;
  // Overdue lists read the sparse overdue index, which holds nothing else.
  const overdue = filter.overdue || filter.state === 'overdue';
  const index = `${overdue ? 'overdue' : 'scope'}${level}`;
  const rest: CaseFilter = overdue ? { ...(filter.type ? { type: filter.type } : {}), ...(filter.dueBefore ? { dueBefore: filter.dueBefore } : {}) } : filter;
  return listByIndex(index, { name: index, value: jurisdiction.slice(0, level) }, rest, office, limit, cursor);
}

/** Every case worked inside `jurisdiction`, through its scope index (statistics reconciliation, data quality: batch reads). */
export async function* everyCaseUnder(jurisdiction: string): AsyncGenerator<Case> {
  const level = [...SCOPE_LEVELS].reverse().find((l) => jurisdiction.length >= l)!;
  const office = jurisdiction.length > level ? jurisdiction : undefined;
  for await (const item of queryAll({
    TableName: tableName('cases'),
    IndexName: `scope${level}`,
    KeyConditionExpression: '#partition = :partition',
    ...(office ? { FilterExpression: 'begins_with(office, :office)' } : {}),
    ExpressionAttributeNames: { '#partition': `scope${level}` },
    ExpressionAttributeValues: { ':partition': jurisdiction.slice(0, level), ...(office ? { ':office': office } : {}) },
    ScanIndexForward: false,
  })) {
    yield await fromItem(item);
  }
}

/** At most `max` cases worked inside `jurisdiction`, newest activity first, and whether there were more. */
export async function casesUnder(jurisdiction: string, max: number): Promise<{ items: Case[]; truncated: boolean }> {
  const items: Case[] = [];
  for await (const c of everyCaseUnder(jurisdiction)) {
    if (items.length === max) return { items, truncated: true };
    items.push(c);
  }
  return { items, truncated: false };
}

/** Every case about a person (their ID number), whoever opened it, newest activity first. */
export const listPersonCases = async (idNumber: string, filter: CaseFilter, limit: number, cursor?: string) =>
  listByIndex('person', { name: 'personKey', value: await personKey(idNumber) }, filter, undefined, limit, cursor);

/** The assistance requests an office sent, newest activity first. */
export const listSentRequests = (office: string, filter: CaseFilter, limit: number, cursor?: string) =>
  listByIndex('owner', { name: 'owner', value: `OFFICE#${office}` }, { ...filter, type: 'assistance_request' }, undefined, limit, cursor);

/** Closed cases whose retention ran out before `today` (local date), across every shard. */
export async function* retentionExpired(today: string): AsyncGenerator<Case> {
  for (let shard = 0; shard < DEADLINE_SHARDS; shard++) {
    for await (const item of queryAll({
      TableName: tableName('cases'),
      IndexName: 'retention',
      KeyConditionExpression: 'retainShard = :shard AND retainUntil < :today',
      ExpressionAttributeValues: { ':shard': `RETAIN#${shard}`, ':today': today },
    })) {
      yield await fromItem(item);
    }
  }
}

/** Writes a minimised case (only if nothing changed it meanwhile: 409 otherwise) with its history entry. */
export async function replaceMinimised(next: Case, previousVersion: number, history: HistoryEntry): Promise<void> {
  const table = tableName('cases');
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [await casePut(table, next, previousVersion), historyPut(table, next, history)],
      }),
    );
  } catch (error) {
    if (error instanceof TransactionCanceledException) throw conflict(`case ${next.id} changed while it was minimised; it is tried again next time`);
    throw error;
  }
}
