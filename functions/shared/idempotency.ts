// Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): the one piece every route that
// creates something runs through. The key's record is completed in the same DynamoDB transaction
// as what the request creates, so there is no moment at which the one exists without the other:
// a retry after any crash either finds the record (and answers from what it names) or finds
// nothing written (and runs again).
//
// A request's life: a consistent read of the record; `in_progress` is put with a lease (the
// function's remaining time), naming this attempt as its owner; the handler runs, and the store
// adds `recordItems()` to its transaction, which completes the record only while this attempt
// still owns it. A failure before the commit removes the lease, so the key can be used again.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './clients.ts';
import { tableName } from './env.ts';
import { logger } from './observability.ts';
import { CONDITION_FAILED, cancellationCodes, type TransactItem, conditional, conditionFailed } from './store/conditional.ts';

/** Keys are kept for 24 hours after first use; a key older than that is a new request. */
export const KEY_LIFETIME_SECONDS = 24 * 3600;
/** Keys longer than this are refused: the draft leaves the length to the resource. */
export const MAX_KEY_LENGTH = 255;

/** What a completed request created, recorded with its key: a retry answers from it. */
export type Outcome =
  | { kind: 'case' | 'import' | 'subscription' | 'decision'; id: string }
  // Routes whose effects are themselves keyed (a peer's event, a replay range) keep their answer.
  | { kind: 'response'; status: number; headers?: Record<string, string>; body: string };

/** The record in the idempotency table (key `id`, TTL `expiration`). */
interface KeyRecord {
  id: string;
  state: 'in_progress' | 'done';
  fingerprint: string;
  /** The attempt holding an in-progress key; a later attempt takes over once its lease ends. */
  owner?: string;
  leaseUntil?: number;
  outcome?: Outcome;
  /** Epoch seconds: the key's 24 hours end. */
  expiration: number;
}

interface Attempt {
  id: string;
  owner: string;
  fingerprint: string;
  expiration: number;
  /** The store's write included the record (the outcome it names). */
  recorded?: Outcome;
  /** Whether store writes may complete the record; routes that keep their answer complete it afterwards. */
  byStore: boolean;
}

const current = new AsyncLocalStorage<Attempt>();

/** Why a request with a key is not run: answered as problem details by the HTTP chain. */
export class KeyProblem extends Error {
  constructor(
    readonly status: 400 | 409 | 422,
    detail: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
  }
}

/**
 * The key a request carries, or undefined. The draft makes it a Structured Field string
 * (`"abc"`); the unquoted form most clients send is taken too.
 */
export function keyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const trimmed = header.trim();
  const key = /^"(.*)"$/.test(trimmed) ? trimmed.slice(1, -1).replace(/\\(["\\])/g, '$1') : trimmed;
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || !/^[\x20-\x7e]+$/.test(key)) {
    throw new KeyProblem(400, `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} printable ASCII characters`);
  }
  return key;
}

/** JSON with its object keys sorted: the same body re-serialised by a client has one fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** What tells one request's body from another's: a hash of it as parsed, its fields in any order. */
export const fingerprint = (body: unknown) => sha256(canonical(body ?? null));

export interface KeyedRequest<R> {
  /** Whose key it is: one caller cannot meet another's record (the token's subject, a peer's id). */
  scope: string;
  /** The request's target (method and path): one key on two resources is two requests. */
  target: string;
  key: string;
  /** The request's body as parsed; its fingerprint tells a retry from a different request. */
  body: unknown;
  /** How long this attempt may run before another may take the key over (the function's time left). */
  leaseMs: number;
  /**
   * `store`: the store's transaction completes the record with what it created, and a retry is
   * answered by `replay`; `response`: the response is kept when the handler returns (for routes
   * whose writes are each keyed already, so running them twice changes nothing).
   */
  completes: 'store' | 'response';
  replay: (outcome: Outcome) => Promise<R>;
  /** Whether an answer is a success, to be kept; a failure frees the key for another try. */
  succeeded: (result: R) => boolean;
  /** The answer kept for `completes: 'response'`. */
  keep?: (result: R) => Outcome;
}

async function readRecord(id: string): Promise<KeyRecord | undefined> {
  const found = await documentClient().send(new GetCommand({ TableName: tableName('idempotency'), Key: { id }, ConsistentRead: true }));
  return found.Item as KeyRecord | undefined;
}

/** The answer a live record gives, or undefined when it may be taken (absent, expired, lease over). */
async function answerFrom<R>(record: KeyRecord | undefined, bodyHash: string, request: KeyedRequest<R>): Promise<R | undefined> {
  const nowMs = Date.now();
  if (!record || record.expiration * 1000 <= nowMs) return undefined;
  if (record.fingerprint !== bodyHash) {
    throw new KeyProblem(422, 'This Idempotency-Key was used with a different request body within the last 24 hours');
  }
  if (record.state === 'done' && record.outcome) return request.replay(record.outcome);
  if ((record.leaseUntil ?? 0) > nowMs) {
    throw new KeyProblem(409, 'A request with this Idempotency-Key is still being processed; retry after the time given', Math.max(1, Math.ceil(((record.leaseUntil ?? 0) - nowMs) / 1000)));
  }
  return undefined;
}

/** The record's id: the key within its caller and target, hashed (the key itself is not kept). */
export const keyRecordId = (scope: string, target: string, key: string) => sha256(`${scope}\n${target}\n${key}`);

/**
 * Runs `run` at most once per key within 24 hours, as far as anyone can observe: a retry with the
 * same key and body answers from the first request's outcome, a different body is 422, and a
 * retry while the first still runs is 409 with Retry-After.
 */
export async function idempotently<R>(request: KeyedRequest<R>, run: () => Promise<R>): Promise<R> {
  const id = keyRecordId(request.scope, request.target, request.key);
  const bodyHash = fingerprint(request.body);
  const table = tableName('idempotency');
  // Leases and the 24 hours are transport times: the wall clock, as DynamoDB's TTL reads it.
  const nowMs = Date.now();
  const existing = await readRecord(id);
  const answer = await answerFrom(existing, bodyHash, request);
  if (answer !== undefined) return answer;

  const attempt: Attempt = {
    id,
    owner: randomUUID(),
    fingerprint: bodyHash,
    expiration: existing && existing.expiration * 1000 > nowMs ? existing.expiration : Math.floor(nowMs / 1000) + KEY_LIFETIME_SECONDS,
    byStore: request.completes === 'store',
  };
  try {
    // Taken only as it was read: absent, expired, or the same abandoned lease.
    await documentClient().send(
      new PutCommand({
        TableName: table,
        Item: { id, state: 'in_progress', fingerprint: bodyHash, owner: attempt.owner, leaseUntil: nowMs + request.leaseMs, expiration: attempt.expiration } satisfies KeyRecord,
        ConditionExpression: existing ? '#owner = :seen OR (attribute_not_exists(#owner) AND expiration = :expiration)' : 'attribute_not_exists(id)',
        ExpressionAttributeNames: existing ? { '#owner': 'owner' } : undefined,
        ExpressionAttributeValues: existing ? { ':seen': existing.owner ?? '-', ':expiration': existing.expiration } : undefined,
      }),
    );
  } catch (error) {
    if (!conditionFailed(error)) throw error;
    // Another attempt took it between the read and the put: answer as it now stands.
    const raced = await answerFrom(await readRecord(id), bodyHash, request);
    if (raced !== undefined) return raced;
    throw new KeyProblem(409, 'A request with this Idempotency-Key has just started; retry in a moment', 1);
  }

  let result: R;
  try {
    result = await current.run(attempt, run);
  } catch (error) {
    await release(attempt);
    throw error;
  }
  if (!request.succeeded(result)) {
    await release(attempt);
    return result;
  }
  if (request.completes === 'response' && request.keep) {
    await complete(attempt, request.keep(result));
  } else if (!attempt.recorded) {
    // A route whose write did not take the record: a defect. Its answer is not kept (it may hold
    // personal data), so the key is freed rather than completed.
    logger.error('a keyed request succeeded without recording its key', { target: request.target });
    await release(attempt);
  }
  return result;
}

/** Frees an in-progress key this attempt still holds (nothing was created). */
async function release(attempt: Attempt): Promise<void> {
  try {
    await documentClient().send(
      new DeleteCommand({
        TableName: tableName('idempotency'),
        Key: { id: attempt.id },
        ConditionExpression: '#state = :progress AND #owner = :owner',
        ExpressionAttributeNames: { '#state': 'state', '#owner': 'owner' },
        ExpressionAttributeValues: { ':progress': 'in_progress', ':owner': attempt.owner },
      }),
    );
  } catch (error) {
    // Completed by the write after all, or taken over: either way not ours to free.
    if (!conditionFailed(error)) throw error;
  }
}

/** Completes the record after the handler, for routes that keep their answer; not if another attempt took the key. */
async function complete(attempt: Attempt, outcome: Outcome): Promise<void> {
  await conditional(new UpdateCommand(completion(attempt, outcome).Update!));
}

function completion(attempt: Attempt, outcome: Outcome): TransactItem {
  return {
    Update: {
      TableName: tableName('idempotency'),
      Key: { id: attempt.id },
      UpdateExpression: 'SET #state = :done, outcome = :outcome REMOVE #owner, leaseUntil',
      // Only the attempt that holds the key completes it: one that lost its lease writes nothing.
      ConditionExpression: '#owner = :owner AND fingerprint = :fingerprint',
      ExpressionAttributeNames: { '#state': 'state', '#owner': 'owner' },
      ExpressionAttributeValues: { ':done': 'done', ':outcome': outcome, ':owner': attempt.owner, ':fingerprint': attempt.fingerprint },
    },
  };
}

/**
 * The item a store write adds to its transaction when the request carries a key: it completes the
 * key's record with `outcome`, and only if this attempt still holds it. None without a key. The
 * first write of a request takes the record; a later one in the same request adds nothing.
 */
export function recordItems(outcome: Outcome): TransactItem[] {
  const attempt = current.getStore();
  if (!attempt || !attempt.byStore || attempt.recorded) return [];
  attempt.recorded = outcome;
  return [completion(attempt, outcome)];
}

/** The write that carried the record failed: a later write of the same request may carry it. */
export function unrecord(): void {
  const attempt = current.getStore();
  if (attempt) attempt.recorded = undefined;
}

/** A cancelled transaction lost its key to another attempt (its lease ran out): nothing was written. */
export const lostKey = () =>
  new KeyProblem(409, 'Another request with this Idempotency-Key took it over; retry to get its answer', 1);

/**
 * Writes `items` in one transaction with the key's record, or alone without a key. A failed
 * condition on an item of `items` is `ConditionalCheckFailedException`, as for a single write;
 * a record held by another attempt is a 409.
 */
export async function writeRecorded(items: TransactItem[], outcome: Outcome): Promise<void> {
  const record = recordItems(outcome);
  const [only] = items;
  if (record.length === 0 && items.length === 1 && only?.Put) {
    await documentClient().send(new PutCommand(only.Put));
    return;
  }
  try {
    await documentClient().send(new TransactWriteCommand({ TransactItems: [...items, ...record] }));
  } catch (error) {
    const codes = cancellationCodes(error);
    if (!codes) throw error;
    if (record.length > 0) unrecord();
    if (codes.slice(0, items.length).includes(CONDITION_FAILED)) {
      throw Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
    }
    if (codes[items.length] === CONDITION_FAILED) throw lostKey();
    throw error;
  }
}
