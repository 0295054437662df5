// One way to page: opaque cursors that are the last returned item's key, checked on the way
// back in so a client's cursor can only continue the query it came from.
import { BatchGetCommand, type BatchGetCommandOutput, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { validationError } from '../../../core/errors.ts';
import { documentClient } from '../clients.ts';

export interface Page<T> {
  items: T[];
  cursor?: string;
}

export type Key = Record<string, unknown>;

const encodeCursor = (key: Key) => Buffer.from(JSON.stringify(key)).toString('base64url');

/**
 * Decodes a client's cursor: it must hold exactly the attributes of `shape`, each a string that
 * equals the given value (the partition being queried) or matches the given pattern (a key of
 * that list). Anything else is a 400 on `query.cursor`, never a malformed key sent to DynamoDB.
 */
export function decodeCursor(cursor: string, shape: Record<string, string | RegExp>): Key {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const names = Object.keys(shape);
  const valid =
    typeof key === 'object' &&
    key !== null &&
    Object.keys(key).length === names.length &&
    names.every((name) => {
      const value = (key as Key)[name];
      const expected = shape[name]!;
      return typeof value === 'string' && (typeof expected === 'string' ? value === expected : expected.test(value));
    });
  if (!valid) throw validationError([{ field: 'query.cursor', reason: 'is not a cursor issued for this list' }]);
  return key as Key;
}

export interface PagedQuery {
  input: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>;
  /** The key attributes of the table and index: what a cursor holds. */
  keyNames: readonly string[];
  limit: number;
  start?: Key;
  /** With a filter, DynamoDB reads past non-matching items; at most this many are read per page. */
  maxRead?: number;
}

/**
 * One query, continued until `limit` items match (a filter may drop some) or `maxRead` items
 * were read; the cursor then points after the last item returned, or after the last read.
 */
export async function queryPage(q: PagedQuery): Promise<Page<Record<string, unknown>>> {
  const items: Record<string, unknown>[] = [];
  let start = q.start;
  let read = 0;
  const maxRead = q.maxRead ?? q.limit;
  for (;;) {
    const page = await documentClient().send(
      new QueryCommand({ ...q.input, Limit: Math.max(1, Math.min(maxRead - read, q.input.FilterExpression ? 100 : q.limit - items.length)), ExclusiveStartKey: start }),
    );
    read += page.ScannedCount ?? 0;
    for (const item of page.Items ?? []) {
      items.push(item);
      if (items.length === q.limit) {
        const last = Object.fromEntries(q.keyNames.map((name) => [name, item[name]]));
        // Another page exists unless this was the final item of the final DynamoDB page.
        const more = page.LastEvaluatedKey !== undefined || item !== page.Items!.at(-1);
        return more ? { items, cursor: encodeCursor(last) } : { items };
      }
    }
    start = page.LastEvaluatedKey;
    if (!start) return { items };
    if (read >= maxRead) return { items, cursor: encodeCursor(start) };
  }
}

/** Every item a query matches, page after page: for reads that want all of it (history, the sweep). */
export async function* queryAll(input: Omit<QueryCommandInput, 'ExclusiveStartKey'>): AsyncGenerator<Record<string, unknown>> {
  let start: Key | undefined;
  do {
    const page = await documentClient().send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    yield* page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start);
}

/** Drops the key attributes an item carries for the table's sake. */
export const withoutKeys = <T>({ pk: _p, sk: _s, entity: _e, ...rest }: Record<string, unknown>) => rest as T;

/** Reads items by key (100 at a time), retrying what DynamoDB leaves unprocessed; in no particular order. */
export async function batchGetItems(table: string, keys: readonly Key[], options: { consistent?: boolean } = {}): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = keys.slice(i, i + 100);
    while (pending && pending.length > 0) {
      const result: BatchGetCommandOutput = await documentClient().send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ...(options.consistent ? { ConsistentRead: true } : {}) } } }));
      found.push(...(result.Responses?.[table] ?? []));
      pending = result.UnprocessedKeys?.[table]?.Keys;
    }
  }
  return found;
}
