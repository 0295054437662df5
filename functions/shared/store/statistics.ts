// The statistics table. Counters per jurisdiction (township, or a county's own inbox) and local
// day, found at every level through the `level2`…`level9` indexes; beside them each counted
// subject's memberships (which counters it is in, on which day), the same indexes serving the
// drill-down to the cases behind a figure. Counters are derived from memberships: a subject is
// recounted from its current record and only the difference is added, in one transaction with
// the membership rows, so a redelivered, replayed or out-of-order event cannot count twice.
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { type CounterRow, type Counts, type PeriodFigures, figuresFor } from '../../../core/statistics/figures.ts';
import type { ReportRecord } from '../../../core/statistics/reports.ts';
import { MEASURE_IDS, type Measure, type Membership, OFFICE_UPDATES, readsRollups, rollupOf } from '../../../core/statistics/measures.ts';
import type { Period } from '../../../core/statistics/periods.ts';
import { localDate } from '../../../core/calendar.ts';
import { documentClient } from '../clients.ts';
import { tableName } from '../env.ts';
import { CONDITION_FAILED, cancellationCodes, type TransactItem, conditionFailed } from './conditional.ts';
import { OUTBOX_RETENTION_SECONDS } from './case-codec.ts';
import { policyFor } from './reference.ts';
import {
  type CounterKind,
  FACT_PK,
  PLACED,
  REPORT_SK,
  counterKey,
  counterLevel,
  counterLevels,
  factKey,
  factPartition,
  membershipLevel,
  membershipLevels,
  placed,
  rangeEnd,
  reconciliationKey,
  reportKey,
  reportPartition,
  reportOutboxKey,
  reportPeriodPrefix,
  seenKey,
} from './keys.ts';
import { type Page, decodeCursor, queryAll, queryPage, withoutKeys } from './paging.ts';

const table = () => tableName('statistics');
/** Event ids counted for office updates are kept this long: longer than any redelivery or replay window. */
const SEEN_SECONDS = 35 * 24 * 3600;

/** What is counted: a case, or an inbox notice (its id from `noticeSubject`). */
export interface CountedSubject {
  id: string;
  caseType: string;
  caseId?: string;
}

export interface StoredMembership extends Membership {
  rev: string;
}

const same = (a: Membership | undefined, b: Membership | undefined) =>
  a?.code === b?.code && a?.day === b?.day && a?.inNumerator === b?.inNumerator;

async function storedMemberships(subject: string): Promise<Map<string, StoredMembership>> {
  const out = new Map<string, StoredMembership>();
  for await (const item of queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': factPartition(subject) },
    ConsistentRead: true,
  })) {
    out.set(item.measure as string, item as unknown as StoredMembership);
  }
  return out;
}

/** A membership row as stored: the subject in one counter, under every prefix of its jurisdiction (the drill-down). */
export const membershipItem = (subject: CountedSubject, m: Membership, rev: string) => ({
  ...factKey(subject.id, m.measure),
  entity: 'membership',
  subject: subject.id,
  caseType: subject.caseType,
  ...(subject.caseId ? { caseId: subject.caseId } : {}),
  ...m,
  rev,
  placed: placed(m.day, subject.id),
  ...membershipLevels(m.measure, m.code),
});

/** A whole counter row as stored (the bench writes rows straight into the table). */
export const counterItem = (code: string, day: string, counts: Record<string, number>, kind: CounterKind = 'COUNT') => ({
  ...counterKey(code, day, kind),
  entity: 'counter',
  code,
  day,
  placed: placed(day, code),
  ...counterLevels(kind, code),
  ...counts,
});

/** The update that adds `deltas` to one counter row (made on first use, with its index keys). */
function counterUpdate(code: string, day: string, deltas: Record<string, number>, kind: CounterKind = 'COUNT') {
  const names: Record<string, string> = { '#code': 'code', '#day': 'day', '#placed': 'placed', '#entity': 'entity' };
  const values: Record<string, unknown> = { ':code': code, ':day': day, ':placed': placed(day, code), ':entity': 'counter' };
  const sets = ['#code = :code', '#day = :day', '#placed = :placed', '#entity = :entity'];
  for (const [name, value] of Object.entries(counterLevels(kind, code))) {
    names[`#${name}`] = name;
    values[`:${name}`] = value;
    sets.push(`#${name} = :${name}`);
  }
  const adds = Object.entries(deltas).map(([measure, delta], i) => {
    names[`#m${i}`] = measure;
    values[`:d${i}`] = delta;
    return `#m${i} :d${i}`;
  });
  return {
    TableName: table(),
    Key: counterKey(code, day, kind),
    UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** The query for one partition of a level index (`counterLevel`, `membershipLevel`) from one local day to another. */
const levelRange = (jurisdiction: string, partition: string, from: string, to: string) => {
  const index = `level${jurisdiction.length}`;
  return {
    TableName: table(),
    IndexName: index,
    KeyConditionExpression: '#level = :level AND placed BETWEEN :from AND :to',
    ExpressionAttributeNames: { '#level': index },
    ExpressionAttributeValues: { ':level': partition, ':from': from, ':to': rangeEnd(to) } as Record<string, unknown>,
  };
};

const retriable = (error: unknown) => (cancellationCodes(error) ?? []).some((code) => code === CONDITION_FAILED || code === 'TransactionConflict');

/**
 * Makes the counters hold `desired` for the subject: the memberships that changed are written and
 * the counters they leave and join adjusted, in one transaction guarded by what was read. Nothing
 * changed: nothing is written. Returns how many counters moved.
 */
export async function recount(subject: CountedSubject, desired: readonly Membership[]): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const { items, moved } = countingItems(subject, await storedMemberships(subject.id), desired);
    if (items.length === 0) return 0;
    try {
      await documentClient().send(new TransactWriteCommand({ TransactItems: items }));
      return moved;
    } catch (error) {
      // Another recount of the same subject won the race: read again and see what is left to do.
      if (!retriable(error) || attempt >= 4) throw error;
    }
  }
}

/**
 * What moves a subject from its stored memberships to the desired ones: membership puts and
 * deletes guarded by what was read, and the counters (a township's row and its county's sum)
 * they leave and join. A subject counted for the first time passes no stored memberships (a
 * notice counted in the transaction that files it).
 */
export function countingItems(subject: CountedSubject, stored: ReadonlyMap<string, StoredMembership>, desired: readonly Membership[]): { items: TransactItem[]; moved: number } {
  const wanted = new Map(desired.map((m) => [m.measure, m]));
  const items: TransactItem[] = [];
  const deltas = new Map<string, { code: string; day: string; by: Record<string, number> }>();
  const add = (m: Membership, d: number) => {
    const key = `${m.code}|${m.day}`;
    const row = deltas.get(key) ?? { code: m.code, day: m.day, by: {} };
    row.by[m.measure] = (row.by[m.measure] ?? 0) + d;
    deltas.set(key, row);
  };
  for (const measure of new Set([...stored.keys(), ...wanted.keys()])) {
    const was = stored.get(measure);
    const now = wanted.get(measure as Measure);
    if (same(was, now)) continue;
    if (was) add(was, -1);
    if (now) add(now, +1);
    const guard = was
      ? { ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': was.rev } }
      : { ConditionExpression: 'attribute_not_exists(pk)' };
    if (now) items.push({ Put: { TableName: table(), Item: membershipItem(subject, now, randomUUID()), ...guard } });
    else items.push({ Delete: { TableName: table(), Key: factKey(subject.id, measure), ...guard } });
  }
  let moved = 0;
  const rollups = new Map<string, { code: string; day: string; by: Record<string, number> }>();
  for (const { code, day, by } of deltas.values()) {
    const changed = Object.fromEntries(Object.entries(by).filter(([, d]) => d !== 0));
    if (Object.keys(changed).length === 0) continue;
    moved += Object.keys(changed).length;
    items.push({ Update: counterUpdate(code, day, changed) });
    // The county's sum moves with its township's row, in the same transaction.
    const key = `${rollupOf(code)}|${day}`;
    const sum = rollups.get(key) ?? { code: rollupOf(code), day, by: {} };
    for (const [m, d] of Object.entries(changed)) sum.by[m] = (sum.by[m] ?? 0) + d;
    rollups.set(key, sum);
  }
  for (const { code, day, by } of rollups.values()) {
    const changed = Object.fromEntries(Object.entries(by).filter(([, d]) => d !== 0));
    if (Object.keys(changed).length > 0) items.push({ Update: counterUpdate(code, day, changed, 'ROLLUP') });
  }
  return { items, moved };
}

/**
 * One change an office made to its cases, counted once per event: the event id is recorded with
 * the increment in one transaction, so a redelivered event finds it and counts nothing.
 */
export async function countOfficeUpdate(eventId: string, code: string, day: string): Promise<boolean> {
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table(),
              Item: { ...seenKey(eventId, OFFICE_UPDATES), entity: 'seen', expiresAt: Math.floor(Date.now() / 1000) + SEEN_SECONDS },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Update: counterUpdate(code, day, { [OFFICE_UPDATES]: 1 }) },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (cancellationCodes(error)?.[0] === CONDITION_FAILED) return false;
    throw error;
  }
}

const countsOf = (item: Record<string, unknown>): Counts =>
  Object.fromEntries([...MEASURE_IDS, OFFICE_UPDATES].filter((m) => typeof item[m] === 'number').map((m) => [m, item[m] as number]));

/**
 * The counter rows a jurisdiction's figures are summed from, from one local day to another: one
 * index query, no case read. A county or above reads the county sums (at most one row per county
 * and day, however many townships and cases); a township its own rows. `kind` asks for one kind
 * at any level (reconciliation compares both).
 */
export async function countersBetween(jurisdiction: string, from: string, to: string, kind: CounterKind = readsRollups(jurisdiction) ? 'ROLLUP' : 'COUNT'): Promise<CounterRow[]> {
  const rows: CounterRow[] = [];
  for await (const item of queryAll(levelRange(jurisdiction, counterLevel(kind, jurisdiction), from, to))) {
    rows.push({ code: item.code as string, day: item.day as string, counts: countsOf(item) });
  }
  return rows;
}

/**
 * A jurisdiction's figures for these periods as they stand now, against its policy's completeness
 * target: what the dashboard shows and what a report publishes, computed one way for both.
 */
export async function figuresOf(jurisdiction: string, periods: readonly Period[], now: Date): Promise<{ target: number; items: PeriodFigures[] }> {
  const [rows, policy] = await Promise.all([countersBetween(jurisdiction, periods[0]!.from, periods.at(-1)!.to), policyFor(jurisdiction)]);
  return { target: policy.completenessTarget, items: figuresFor(rows, periods, policy.completenessTarget, localDate(now)) };
}

export interface MemberRow {
  subject: string;
  caseId?: string;
  caseType: string;
  measure: Measure;
  code: string;
  day: string;
  inNumerator?: boolean;
}

const memberOf = (item: Record<string, unknown>): MemberRow => {
  const { subject, caseId, caseType, measure, code, day, inNumerator } = item as unknown as MemberRow;
  return { subject, ...(caseId ? { caseId } : {}), caseType, measure, code, day, ...(inNumerator !== undefined ? { inNumerator } : {}) };
};

/** The subjects in one counter under a jurisdiction over local days, by day; `missing`: only those not in the rate's numerator. */
export async function membersPage(
  q: { jurisdiction: string; measure: Measure; from: string; to: string; missing?: boolean },
  limit: number,
  cursor?: string,
): Promise<Page<MemberRow>> {
  const partition = membershipLevel(q.measure, q.jurisdiction);
  const range = levelRange(q.jurisdiction, partition, q.from, q.to);
  const start = cursor === undefined ? undefined : decodeCursor(cursor, { pk: FACT_PK, sk: q.measure, [range.IndexName]: partition, placed: PLACED });
  const page = await queryPage({
    input: {
      ...range,
      ...(q.missing ? { FilterExpression: 'inNumerator = :false' } : {}),
      ExpressionAttributeValues: { ...range.ExpressionAttributeValues, ...(q.missing ? { ':false': false } : {}) },
    },
    keyNames: ['pk', 'sk', range.IndexName, 'placed'],
    limit,
    ...(start ? { start } : {}),
    ...(q.missing ? { maxRead: 1000 } : {}),
  });
  return { ...page, items: page.items.map(memberOf) };
}

/** Every subject in one counter under a jurisdiction over local days (reconciliation). */
export async function allMembers(jurisdiction: string, measure: Measure, from: string, to: string): Promise<MemberRow[]> {
  const out: MemberRow[] = [];
  for await (const item of queryAll(levelRange(jurisdiction, membershipLevel(measure, jurisdiction), from, to))) {
    out.push(memberOf(item));
  }
  return out;
}

/** Sets one counter to what the records say, if it still holds what reconciliation found (a repair). */
export async function setCounter(code: string, day: string, measure: string, found: number, expected: number, kind: CounterKind = 'COUNT'): Promise<boolean> {
  const update = counterUpdate(code, day, {}, kind);
  try {
    await documentClient().send(
      new UpdateCommand({
        ...update,
        UpdateExpression: `${update.UpdateExpression.replace(/ ADD $/, '')}, #measure = :expected`,
        ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#measure': measure },
        ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':expected': expected, ':found': found },
        // A counter never written reads as 0.
        ConditionExpression: found === 0 ? 'attribute_not_exists(#measure) OR #measure = :found' : '#measure = :found',
      }),
    );
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

// ---- Reports and reconciliations: records that are only ever added to

export type { ReportRecord };

/** A jurisdiction's reports, newest period and version first; `period` narrows to one period's versions. */
export async function listReports(jurisdiction: string, period: string | undefined, limit: number, cursor?: string): Promise<Page<ReportRecord>> {
  const pk = reportPartition(jurisdiction);
  const start = cursor === undefined ? undefined : decodeCursor(cursor, { pk, sk: REPORT_SK });
  const page = await queryPage({
    input: {
      TableName: table(),
      KeyConditionExpression: period ? 'pk = :pk AND begins_with(sk, :period)' : 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk, ...(period ? { ':period': reportPeriodPrefix(period) } : {}) },
      ScanIndexForward: false,
    },
    keyNames: ['pk', 'sk'],
    limit,
    ...(start ? { start } : {}),
  });
  return { ...page, items: page.items.map((i) => withoutKeys<ReportRecord>(i)) };
}

/** The latest version of a period's report, if one was published. */
export async function latestReport(jurisdiction: string, period: string): Promise<ReportRecord | undefined> {
  const found = await documentClient().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :period)',
      ExpressionAttributeValues: { ':pk': reportPartition(jurisdiction), ':period': reportPeriodPrefix(period) },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  const item = found.Items?.[0];
  return item ? withoutKeys<ReportRecord>(item) : undefined;
}

export async function getReport(jurisdiction: string, period: string, version: number): Promise<ReportRecord | undefined> {
  const found = await documentClient().send(new GetCommand({ TableName: table(), Key: reportKey(jurisdiction, period, version) }));
  return found.Item ? withoutKeys<ReportRecord>(found.Item) : undefined;
}

/**
 * Records a published version once, with its event in the cases table's outbox (the event leaves
 * with the record, through the same relay and fan-out as a case's); fails when that version
 * exists (another run published it first).
 */
export async function putReport(report: ReportRecord, event: Record<string, unknown>, now: Date): Promise<void> {
  await documentClient().send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: table(), Item: { ...reportKey(report.jurisdiction, report.period, report.version), entity: 'report', ...report }, ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Put: {
            TableName: tableName('cases'),
            Item: { ...reportOutboxKey(report.jurisdiction, event.id as string), entity: 'event', caseId: report.id, event, expiresAt: Math.floor(now.getTime() / 1000) + OUTBOX_RETENTION_SECONDS },
          },
        },
      ],
    }),
  );
}

/** A reconciliation's findings (and its repair, when one was asked for): kept, never changed. */
export async function recordReconciliation(jurisdiction: string, period: string, at: string, record: Record<string, unknown>): Promise<void> {
  await documentClient().send(
    new PutCommand({
      TableName: table(),
      Item: { ...reconciliationKey(jurisdiction, period, at), entity: 'reconciliation', jurisdiction, period, at, ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}
