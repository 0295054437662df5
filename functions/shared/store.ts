// The case store: how the core's records map onto the single `cases` table.
//   CASE#<id>           / CASE                 the registration case (gsi1: its open deadline)
//   CASE#<id>           / HISTORY#<at>#<ver>   one entry per action
//   CASE#<id>           / EVENT#<eventId>      outbox: the stream relays it, TTL removes it
//   DEDUPE#<hash>       / REGISTRATION         guards against the same arrival reported twice
//   INBOX#<code>        / NOTICE#<time>#<id>   an office's notices
//   JURISDICTION#<code> / JURISDICTION         reference data
//   POLICY#<prefix>     / POLICY               policy overrides ('' = everywhere)
import { createHash } from 'node:crypto';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { conflict } from '../../core/errors.ts';
import type { Jurisdiction } from '../../core/jurisdiction.ts';
import type { Notice } from '../../core/notices.ts';
import { type Policy, type PolicyOverride, policyKeysFor, resolvePolicy } from '../../core/policy.ts';
import type { Decision, RegistrationCase } from '../../core/workflows/registration.ts';
import { documentClient } from './clients.ts';
import { tableName } from './env.ts';
import { toCloudEvent } from './events.ts';

export const DEADLINE_SHARDS = 8;
const OUTBOX_RETENTION_SECONDS = 7 * 24 * 3600;

const caseKey = (id: string) => ({ pk: `CASE#${id}`, sk: 'CASE' });
const shardOf = (id: string) => createHash('sha256').update(id).digest()[0]! % DEADLINE_SHARDS;

/** Stable hash for the duplicate-report guard; raw ID numbers never appear in keys. */
const dedupeKey = (c: RegistrationCase) =>
  createHash('sha256').update(`${c.person.idNumber}|${c.destinationCode}|${c.arrivalDate}`).digest('hex');

function caseItem(c: RegistrationCase) {
  return {
    ...caseKey(c.id),
    entity: 'registration',
    ...c,
    ...(c.deadline ? { gsi1pk: `DUE#${shardOf(c.id)}`, gsi1sk: `${c.deadline.dueAt}#${c.id}` } : {}),
  };
}

function fromItem(item: Record<string, unknown>): RegistrationCase {
  const { pk: _pk, sk: _sk, entity: _e, gsi1pk: _g1, gsi1sk: _g2, ...rest } = item;
  return rest as unknown as RegistrationCase;
}

/**
 * Writes a decision atomically: the case (guarded by its version), its history entry and its
 * event in the outbox. `previousVersion` is null when the decision opens the case.
 */
export async function saveDecision(decision: Decision, previousVersion: number | null): Promise<void> {
  const table = tableName('cases');
  const c = decision.case;
  const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
    {
      Put: {
        TableName: table,
        Item: caseItem(c),
        ...(previousVersion === null
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'version = :previous', ExpressionAttributeValues: { ':previous': previousVersion } }),
      },
    },
    {
      Put: {
        TableName: table,
        Item: {
          pk: `CASE#${c.id}`,
          sk: `HISTORY#${decision.history.at}#${String(c.version).padStart(6, '0')}`,
          entity: 'history',
          ...decision.history,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: table,
        Item: {
          pk: `CASE#${c.id}`,
          sk: `EVENT#${decision.event.id}`,
          entity: 'event',
          event: toCloudEvent(decision.event),
          expiresAt: Math.floor(Date.parse(decision.event.time) / 1000) + OUTBOX_RETENTION_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
  if (previousVersion === null) {
    items.push({
      Put: {
        TableName: table,
        Item: { pk: `DEDUPE#${dedupeKey(c)}`, sk: 'REGISTRATION', entity: 'dedupe', caseId: c.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }
  try {
    await documentClient().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const reasons = error.CancellationReasons ?? [];
      if (reasons[3]?.Code === 'ConditionalCheckFailed') {
        const existing = await documentClient().send(
          new GetCommand({ TableName: table, Key: { pk: `DEDUPE#${dedupeKey(c)}`, sk: 'REGISTRATION' } }),
        );
        throw conflict(`this arrival is already reported as registration ${existing.Item?.caseId as string}`);
      }
      if (reasons[0]?.Code === 'ConditionalCheckFailed') {
        throw conflict(`registration ${c.id} changed while this request was processed; retry`);
      }
    }
    throw error;
  }
}

export async function getRegistration(id: string): Promise<RegistrationCase | undefined> {
  const result = await documentClient().send(
    new GetCommand({ TableName: tableName('cases'), Key: caseKey(id), ConsistentRead: true }),
  );
  return result.Item ? fromItem(result.Item) : undefined;
}

/** Cases whose deadline instant is at or before `dueBy`, across every shard. */
export async function* casesDueBy(dueBy: string): AsyncGenerator<RegistrationCase> {
  for (let shard = 0; shard < DEADLINE_SHARDS; shard++) {
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await documentClient().send(
        new QueryCommand({
          TableName: tableName('cases'),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :shard AND gsi1sk <= :dueBy',
          ExpressionAttributeValues: { ':shard': `DUE#${shard}`, ':dueBy': `${dueBy}#~` },
          ExclusiveStartKey: cursor,
        }),
      );
      for (const item of page.Items ?? []) yield fromItem(item);
      cursor = page.LastEvaluatedKey;
    } while (cursor);
  }
}

/** Files a notice once: a redelivered event finds it there and changes nothing. */
export async function fileNotice(notice: Notice): Promise<'filed' | 'duplicate'> {
  try {
    await documentClient().send(
      new PutCommand({
        TableName: tableName('cases'),
        Item: {
          pk: `INBOX#${notice.jurisdiction}`,
          sk: `NOTICE#${notice.time}#${notice.eventId}`,
          entity: 'notice',
          ...notice,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return 'filed';
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return 'duplicate';
    throw error;
  }
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}

const encodeCursor = (key: Record<string, unknown> | undefined) =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;

/** Decodes a client's cursor; null when it is not one this API issued for that inbox. */
export function decodeInboxCursor(cursor: string, code: string): Record<string, unknown> | null {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const valid =
      key.pk === `INBOX#${code}` && typeof key.sk === 'string' && key.sk.startsWith('NOTICE#') && Object.keys(key).length === 2;
    return valid ? key : null;
  } catch {
    return null;
  }
}

/** Newest notices first. */
export async function listNotices(code: string, limit: number, start?: Record<string, unknown>): Promise<Page<Notice>> {
  const page = await documentClient().send(
    new QueryCommand({
      TableName: tableName('cases'),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :notice)',
      ExpressionAttributeValues: { ':pk': `INBOX#${code}`, ':notice': 'NOTICE#' },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: start,
    }),
  );
  const items = (page.Items ?? []).map(({ pk: _p, sk: _s, entity: _e, ...notice }) => notice as Notice);
  const cursor = encodeCursor(page.LastEvaluatedKey);
  return cursor ? { items, cursor } : { items };
}

/** Reads items by key, retrying what DynamoDB leaves unprocessed. */
async function batchGet(keys: { pk: string; sk: string }[]): Promise<Record<string, unknown>[]> {
  const table = tableName('cases');
  const found: Record<string, unknown>[] = [];
  let pending: Record<string, unknown>[] | undefined = keys;
  while (pending && pending.length > 0) {
    const result: BatchGetCommandOutput = await documentClient().send(
      new BatchGetCommand({ RequestItems: { [table]: { Keys: pending } } }),
    );
    found.push(...(result.Responses?.[table] ?? []));
    pending = result.UnprocessedKeys?.[table]?.Keys;
  }
  return found;
}

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

/** Forgets cached reference data (after loading new reference data). */
export const clearReferenceCache = () => referenceCache.clear();

/** The jurisdictions among `codes` that exist. */
export async function existingJurisdictions(codes: string[]): Promise<Map<string, Jurisdiction>> {
  const unique = [...new Set(codes)].sort();
  return cached(`jurisdictions:${unique.join(',')}`, async () => {
    const items = await batchGet(unique.map((code) => ({ pk: `JURISDICTION#${code}`, sk: 'JURISDICTION' })));
    return new Map(
      items.map((item) => [item.code as string, { code: item.code, name: item.name, level: item.level } as Jurisdiction]),
    );
  });
}

/** The policy in force at `code`, from the stored overrides of every enclosing prefix. */
export async function policyFor(code: string): Promise<Policy> {
  return cached(`policy:${code}`, async () => {
    const items = await batchGet(policyKeysFor(code).map((prefix) => ({ pk: `POLICY#${prefix}`, sk: 'POLICY' })));
    const overrides: Record<string, PolicyOverride> = {};
    for (const item of items) overrides[item.prefix as string] = item.override as PolicyOverride;
    return resolvePolicy(code, overrides);
  });
}

/** Loads reference data; existing rows are overwritten, so seeding twice is harmless. */
export async function putReferenceData(
  jurisdictions: Jurisdiction[],
  policies: Record<string, PolicyOverride>,
): Promise<void> {
  const table = tableName('cases');
  const items = [
    ...jurisdictions.map((j) => ({ pk: `JURISDICTION#${j.code}`, sk: 'JURISDICTION', entity: 'jurisdiction', ...j })),
    ...Object.entries(policies).map(([prefix, override]) => ({
      pk: `POLICY#${prefix}`,
      sk: 'POLICY',
      entity: 'policy',
      prefix,
      override,
    })),
  ];
  for (const item of items) await documentClient().send(new PutCommand({ TableName: table, Item: item }));
  clearReferenceCache();
}
