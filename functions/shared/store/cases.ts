// Reading cases: by id, a case's rows, the list indexes (one index partition per list page,
// never a scan), the deadline and retention indexes, and the provisional markers.
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Case } from '../../../core/workflows/index.ts';
import { OPEN_STATES, type RegistrationCase } from '../../../core/workflows/registration.ts';
import type { HistoryEntry } from '../../../core/workflows/engine.ts';
import { documentClient } from '../clients.ts';
import { tableName } from '../env.ts';
import { fromItem, personKey } from './case-codec.ts';
import {
  ACTIVITY,
  CASE_PK,
  CASE_SK,
  DEADLINE_SHARDS,
  type DECISION_PREFIX,
  SCOPE_LEVELS,
  caseKey,
  casePartition,
  duePartition,
  historyPrefix,
  officeOwner,
  provisionalPartition,
  rangeEnd,
  retainPartition,
} from './keys.ts';
import { type Page, batchGetItems, decodeCursor, queryAll, queryPage, withoutKeys } from './paging.ts';

/** A filtered list reads at most this many index items per page before it hands back a cursor. */
export const MAX_READ_PER_PAGE = 1000;

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
export async function caseRows<T>(id: string, prefix: ReturnType<typeof historyPrefix> | typeof DECISION_PREFIX): Promise<T[]> {
  const rows: T[] = [];
  for await (const item of queryAll({
    TableName: tableName('cases'),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': casePartition(id), ':prefix': prefix },
  })) {
    rows.push(withoutKeys<T>(item));
  }
  return rows;
}

/** Every action on the case, oldest first. */
export const caseHistory = (id: string) => caseRows<HistoryEntry>(id, historyPrefix());
/** The case's history entries at one instant (the one written with an event). */
export const caseHistoryAt = (id: string, at: string) => caseRows<HistoryEntry>(id, historyPrefix(at));

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

/** One page of a shard's provisional markers, in case id order, after `after`. */
export async function provisionalPage(shard: number, after: string | undefined, limit: number): Promise<{ items: { caseId: string; deadline: string }[]; last?: string }> {
  const { Items = [], LastEvaluatedKey } = await documentClient().send(
    new QueryCommand({
      TableName: tableName('cases'),
      KeyConditionExpression: after === undefined ? 'pk = :pk' : 'pk = :pk AND sk > :after',
      ExpressionAttributeValues: { ':pk': provisionalPartition(shard), ...(after === undefined ? {} : { ':after': after }) },
      Limit: limit,
    }),
  );
  const items = Items.map((i) => ({ caseId: i.caseId as string, deadline: i.deadline as string }));
  return LastEvaluatedKey ? { items, last: LastEvaluatedKey.sk as string } : { items };
}

/** What the deadline index holds at or before `until`, across every shard: cases, held messages and unread notices. */
export async function* dueBy(
  until: string,
): AsyncGenerator<{ entity: 'case'; case: Case } | { entity: 'message'; item: Record<string, unknown> } | { entity: 'notice'; item: Record<string, unknown> }> {
  for (let shard = 0; shard < DEADLINE_SHARDS; shard++) {
    for await (const item of queryAll({
      TableName: tableName('cases'),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :shard AND gsi1sk <= :until',
      ExpressionAttributeValues: { ':shard': duePartition(shard), ':until': rangeEnd(until) },
    })) {
      if (item.entity === 'message') yield { entity: 'message', item };
      else if (item.entity === 'notice') yield { entity: 'notice', item };
      else yield { entity: 'case', case: await fromItem(item) };
    }
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
      : decodeCursor(cursor, { pk: CASE_PK, sk: CASE_SK, [partition.name]: partition.value, activity: ACTIVITY });
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
  listByIndex('owner', { name: 'owner', value: officeOwner(office) }, { ...filter, type: 'assistance_request' }, undefined, limit, cursor);

/** Closed cases whose retention ran out before `today` (local date), across every shard. */
export async function* retentionExpired(today: string): AsyncGenerator<Case> {
  for (let shard = 0; shard < DEADLINE_SHARDS; shard++) {
    for await (const item of queryAll({
      TableName: tableName('cases'),
      IndexName: 'retention',
      KeyConditionExpression: 'retainShard = :shard AND retainUntil < :today',
      ExpressionAttributeValues: { ':shard': retainPartition(shard), ':today': today },
    })) {
      yield await fromItem(item);
    }
  }
}

