// Reference data: jurisdictions (each, and its parent's list of children), policy overrides by
// prefix ('' = everywhere) and the national holiday notices as loaded.
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type Jurisdiction, parentOf } from '../../../core/jurisdiction.ts';
import type { HolidayCalendar } from '../../../core/calendar.ts';
import { type CalendarNotice, nationalCalendar } from '../../../core/holidays.ts';
import { type Policy, type PolicyOverride, type ResolvedPolicy, policyKeysFor, resolvePolicyWithSources } from '../../../core/policy.ts';
import { documentClient } from '../clients.ts';
import { tableName } from '../env.ts';
import { CALENDAR_PARTITION, calendarKey, childKey, childrenPartition, jurisdictionKey, policyKey } from './keys.ts';
import { batchGetItems, queryAll } from './paging.ts';

const batchGet = (keys: { pk: string; sk: string }[]) => batchGetItems(tableName('cases'), keys);

/**
 * Reference data changes rarely and is read on every request, so each execution environment
 * keeps what it read for a minute: a policy or jurisdiction change takes effect within that.
 */
export const REFERENCE_CACHE_SECONDS = 60;
const referenceCache = new Map<string, { until: number; value: Promise<unknown> }>();

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = referenceCache.get(key);
  if (hit && hit.until > now) return hit.value as Promise<T>;
  const value = load();
  referenceCache.set(key, { until: now + REFERENCE_CACHE_SECONDS * 1000, value });
  value.catch(() => referenceCache.delete(key));
  return value;
}

/** Forgets cached reference data (after this process changed it). */
export const clearReferenceCache = () => referenceCache.clear();

const toJurisdiction = (item: Record<string, unknown>): Jurisdiction => ({
  code: item.code as string,
  name: item.name as string,
  level: item.level as Jurisdiction['level'],
});

/** The jurisdictions among `codes` that exist. */
export async function existingJurisdictions(codes: string[]): Promise<Map<string, Jurisdiction>> {
  const unique = [...new Set(codes)].sort();
  return cached(`jurisdictions:${unique.join(',')}`, async () => {
    const items = await batchGet(unique.map(jurisdictionKey));
    return new Map(items.map((item) => [item.code as string, toJurisdiction(item)]));
  });
}

/** The provinces: where a jurisdiction picker starts. */
export async function provinces(): Promise<Jurisdiction[]> {
  const { Items } = await documentClient().send(
    new QueryCommand({ TableName: tableName('cases'), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': childrenPartition('') } }),
  );
  return (Items ?? []).map(toJurisdiction);
}

export async function getJurisdiction(code: string): Promise<{ jurisdiction: Jurisdiction; children: Jurisdiction[] } | undefined> {
  const table = tableName('cases');
  const [own, children] = await Promise.all([
    documentClient().send(new GetCommand({ TableName: table, Key: jurisdictionKey(code) })),
    documentClient().send(
      new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': childrenPartition(code) } }),
    ),
  ]);
  if (!own.Item) return undefined;
  return { jurisdiction: toJurisdiction(own.Item), children: (children.Items ?? []).map(toJurisdiction) };
}

/** The codes of a jurisdiction's children (none when it has none or is unknown). */
export async function childrenOf(code: string): Promise<string[]> {
  const out: string[] = [];
  for await (const item of queryAll({ TableName: tableName('cases'), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': childrenPartition(code) } })) {
    out.push(item.sk as string);
  }
  return out;
}

/** Writes a jurisdiction and its row in the parent's list of children, together. */
export async function putJurisdiction(j: Jurisdiction): Promise<void> {
  const table = tableName('cases');
  // A province is a child of the root (''), so the provinces can be listed too.
  const parent = parentOf(j.code) ?? '';
  await documentClient().send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: table, Item: { ...jurisdictionKey(j.code), entity: 'jurisdiction', ...j } } },
        { Put: { TableName: table, Item: { ...childKey(parent, j.code), entity: 'child', ...j } } },
      ],
    }),
  );
  clearReferenceCache();
}

/** Stored overrides of every prefix that applies at `code`. */
async function overridesFor(code: string): Promise<Record<string, PolicyOverride>> {
  const items = await batchGet(policyKeysFor(code).map(policyKey));
  return Object.fromEntries(items.map((item) => [item.prefix as string, item.override as PolicyOverride]));
}

/** A national holiday notice as loaded: who loaded it and when. */
export type LoadedNotice = CalendarNotice & { loadedAt: string; loadedBy: string };

/** Every notice loaded through the API (the built-in ones are not stored), by year. */
export async function loadedNotices(): Promise<LoadedNotice[]> {
  const items: LoadedNotice[] = [];
  for await (const item of queryAll({ TableName: tableName('cases'), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': CALENDAR_PARTITION } })) {
    items.push(item.notice as LoadedNotice);
  }
  return items;
}

/** The notice loaded for a year, if any. */
export async function loadedNotice(year: number): Promise<LoadedNotice | undefined> {
  const found = await documentClient().send(new GetCommand({ TableName: tableName('cases'), Key: calendarKey(year) }));
  return found.Item?.notice as LoadedNotice | undefined;
}

/** The national calendar in force: the built-in notices, and those loaded since in their place. */
/**
 * The holiday notices loaded, as the policies' calendars were built from them: one read per
 * cache lifetime, so a recount names the very notices its calendar counted with (a notice loaded
 * between two separate reads would move a deadline without being named).
 */
export const currentNotices = (): Promise<LoadedNotice[]> => cached('notices', loadedNotices);
const nationalCalendarNow = (): Promise<HolidayCalendar> => cached('calendar', async () => nationalCalendar(await currentNotices()));

export async function putCalendarNotice(notice: LoadedNotice): Promise<void> {
  await documentClient().send(
    new PutCommand({ TableName: tableName('cases'), Item: { ...calendarKey(notice.year), entity: 'calendar', notice } }),
  );
  clearReferenceCache();
}

/** The policy in force at `code`, from the stored overrides of every enclosing prefix. */
export const policyFor = (code: string): Promise<Policy> =>
  cached(`policy:${code}`, async () => {
    const [overrides, national] = await Promise.all([overridesFor(code), nationalCalendarNow()]);
    return resolvePolicyWithSources(code, overrides, national).policy;
  });

/** The policy in force at `code` and the prefix each setting came from (read fresh). */
export const resolvedPolicy = async (code: string): Promise<ResolvedPolicy> => {
  const [overrides, loaded] = await Promise.all([overridesFor(code), loadedNotices()]);
  return resolvePolicyWithSources(code, overrides, nationalCalendar(loaded));
};

export async function getPolicyOverride(prefix: string): Promise<{ override: PolicyOverride; updatedAt?: string; updatedBy?: string } | undefined> {
  const result = await documentClient().send(new GetCommand({ TableName: tableName('cases'), Key: policyKey(prefix) }));
  if (!result.Item) return undefined;
  return { override: result.Item.override as PolicyOverride, updatedAt: result.Item.updatedAt, updatedBy: result.Item.updatedBy };
}

export async function putPolicyOverride(prefix: string, override: PolicyOverride, by?: { sub: string; at: string }): Promise<void> {
  await documentClient().send(
    new PutCommand({
      TableName: tableName('cases'),
      Item: { ...policyKey(prefix), entity: 'policy', prefix, override, ...(by ? { updatedAt: by.at, updatedBy: by.sub } : {}) },
    }),
  );
  clearReferenceCache();
}

/** Loads reference data (the local stack's seed); existing rows are overwritten, so seeding twice is harmless. */
export async function putReferenceData(jurisdictions: Jurisdiction[], policies: Record<string, PolicyOverride>): Promise<void> {
  for (const j of jurisdictions) await putJurisdiction(j);
  for (const [prefix, override] of Object.entries(policies)) await putPolicyOverride(prefix, override);
  clearReferenceCache();
}
