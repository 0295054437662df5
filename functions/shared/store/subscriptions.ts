// Agency subscriptions and their deliveries, in the deliveries table (no indexes: every read is
// by key): the subscriptions in one partition (the fan-out reads them all); per subscription
// each event's delivery with its attempts, a pointer to it by event id, and each case's lane
// (its deliveries in order: one in flight, the rest waiting).
// A lane is what keeps one case's events in order for one subscriber, and what keeps a
// subscriber's backlog in the table instead of in a queue shared with other subscribers.
import { DeleteCommand, GetCommand, TransactWriteCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { type Attempt, type DeliveryState, type Lane as CoreLane, type Subscription, joinLane, leaveLane } from '../../../core/subscriptions.ts';
import { documentClient } from '../clients.ts';
import { writeRecorded } from '../idempotency.ts';
import { openFields, sealFields } from './sealing.ts';
import { CONDITION_FAILED, cancellationCodes, type TransactItem, conditional, conditionFailed } from './conditional.ts';
import { tableName } from '../env.ts';
import {
  DELIVERY_PREFIX,
  DELIVERY_SK,
  LANE_PREFIX,
  SUBSCRIPTIONS_PARTITION,
  SUBSCRIPTION_SK,
  deliveryKey,
  deliveryPointerKey as pointerKey,
  deliverySortKey,
  laneKey,
  subscriptionKey,
  subscriptionPartition as partition,
} from './keys.ts';
import { type Page, decodeCursor, queryAll, queryPage, withoutKeys } from './paging.ts';

/** Delivery records and lanes are kept this long (the deliveries list and replays reach back this far). */
export const DELIVERY_RETENTION_DAYS = 30;
const expiresAt = (now: Date) => Math.floor(now.getTime() / 1000) + DELIVERY_RETENTION_DAYS * 86400;


// ---- Subscriptions

/** Signing secrets are stored sealed (envelope encryption, as personal data; store/sealing.ts) and opened on reading. */
async function subscriptionItem(s: Subscription) {
  return { ...subscriptionKey(s.id), entity: 'subscription', ...(await sealFields(s, s.secrets.map((_, i) => `secrets.${i}.secret`), () => undefined)) };
}

/** A secret written before sealing is read as it stands. */
const fromSubscriptionItem = (item: Record<string, unknown>): Promise<Subscription> => openFields<Subscription>(withoutKeys<Record<string, unknown>>(item));

/** A new subscription or peer; a request's Idempotency-Key is completed with it, in one transaction. */
export async function putSubscription(s: Subscription): Promise<void> {
  await writeRecorded(
    [{ Put: { TableName: tableName('deliveries'), Item: await subscriptionItem(s), ConditionExpression: 'attribute_not_exists(pk)' } }],
    { kind: 'subscription', id: s.id },
  );
}

export async function getSubscription(id: string): Promise<Subscription | undefined> {
  const found = await documentClient().send(new GetCommand({ TableName: tableName('deliveries'), Key: subscriptionKey(id), ConsistentRead: true }));
  return found.Item ? await fromSubscriptionItem(found.Item) : undefined;
}

/** Replaces a subscription written at `s.version - 1`; false when it changed meanwhile. */
export async function saveSubscription(s: Subscription): Promise<boolean> {
  const put = {
    TableName: tableName('deliveries'),
    Item: await subscriptionItem(s),
    ConditionExpression: 'version = :previous',
    ExpressionAttributeValues: { ':previous': s.version - 1 },
  };
  try {
    await writeRecorded([{ Put: put }], { kind: 'subscription', id: s.id });
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

export async function deleteSubscription(id: string): Promise<void> {
  await documentClient().send(new DeleteCommand({ TableName: tableName('deliveries'), Key: subscriptionKey(id) }));
}

/** Every subscription (the fan-out's read: one partition, a few hundred items at most). */
export async function allSubscriptions(): Promise<Subscription[]> {
  const out: Subscription[] = [];
  for await (const item of queryAll({ TableName: tableName('deliveries'), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': SUBSCRIPTIONS_PARTITION }, ConsistentRead: true })) {
    out.push(await fromSubscriptionItem(item));
  }
  return out;
}

/** A page of subscriptions, one agency's or (for an operator) everyone's. */
export async function listSubscriptions(agency: string | undefined, limit: number, cursor?: string): Promise<Page<Subscription>> {
  const page = await queryPage({
    input: {
      TableName: tableName('deliveries'),
      KeyConditionExpression: 'pk = :pk',
      ...(agency ? { FilterExpression: 'agency = :agency' } : {}),
      ExpressionAttributeValues: { ':pk': SUBSCRIPTIONS_PARTITION, ...(agency ? { ':agency': agency } : {}) },
    },
    keyNames: ['pk', 'sk'],
    limit,
    maxRead: 1000,
    ...(cursor ? { start: decodeCursor(cursor, { pk: SUBSCRIPTIONS_PARTITION, sk: SUBSCRIPTION_SK }) } : {}),
  });
  return { items: await Promise.all(page.items.map(fromSubscriptionItem)), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/** Health after an attempt: a success clears the failing mark; a failure sets it once. Returns the subscription after. */
export async function recordHealth(id: string, ok: boolean, at: string): Promise<Subscription | undefined> {
  try {
    const result = await documentClient().send(
      new UpdateCommand({
        TableName: tableName('deliveries'),
        Key: subscriptionKey(id),
        UpdateExpression: ok ? 'REMOVE failingSince, probeUntil' : 'SET failingSince = if_not_exists(failingSince, :at) REMOVE probeUntil',
        ConditionExpression: 'attribute_exists(pk)',
        ...(ok ? {} : { ExpressionAttributeValues: { ':at': at } }),
        ReturnValues: 'ALL_NEW',
      }),
    );
    return await fromSubscriptionItem(result.Attributes!);
  } catch (error) {
    if (conditionFailed(error)) return undefined;
    throw error;
  }
}

/** While an endpoint fails, one attempt at a time may probe it: true when this caller holds the probe. */
export async function claimProbe(id: string, now: Date, seconds: number): Promise<boolean> {
  return conditional(
    new UpdateCommand({
      TableName: tableName('deliveries'),
      Key: subscriptionKey(id),
      UpdateExpression: 'SET probeUntil = :until',
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(probeUntil) OR probeUntil < :now)',
      ExpressionAttributeValues: { ':until': new Date(now.getTime() + seconds * 1000).toISOString(), ':now': now.toISOString() },
    }),
  );
}

/** Disables a subscription (410 Gone, five days failing); the first reason stands. */
export async function disableSubscription(id: string, reason: string, at: string): Promise<void> {
  await conditional(
    new UpdateCommand({
      TableName: tableName('deliveries'),
      Key: subscriptionKey(id),
      UpdateExpression: 'SET #state = :disabled, disabled = :why, updatedAt = :at, version = version + :one REMOVE probeUntil',
      ConditionExpression: 'attribute_exists(pk) AND #state <> :disabled',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':disabled': 'disabled', ':why': { at, reason }, ':at': at, ':one': 1 },
    }),
  );
}

/** Counts an exhausted delivery on its subscription, for its owner to see. */
export async function recordExhausted(id: string, deliveryId: string, at: string): Promise<void> {
  await conditional(
    new UpdateCommand({
      TableName: tableName('deliveries'),
      Key: subscriptionKey(id),
      UpdateExpression: 'SET exhaustedCount = if_not_exists(exhaustedCount, :zero) + :one, lastExhausted = :last',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':last': { at, deliveryId } },
    }),
  );
}

// ---- Deliveries

export interface Delivery {
  /** The event id: also the `webhook-id` header, stable across attempts and replays. */
  id: string;
  subscriptionId: string;
  eventType: string;
  eventTime: string;
  caseId: string;
  state: DeliveryState;
  attempts: Attempt[];
  /** Attempts before the latest replay: the retry schedule counts from there. */
  replayBase: number;
  nextAttemptAt?: string;
  /** Held by the worker making an attempt; another copy of the message leaves it alone. */
  leaseUntil?: string;
  /** The CloudEvent as this subscriber receives it (minimised by its purpose). */
  event: Record<string, unknown>;
  createdAt: string;
}

/** A lane as stored (core/subscriptions.ts decides how it moves). */
interface Lane extends CoreLane {
  /** Absent on a lane assumed rather than read (the usual case, tried first): its write is guarded by its contents. */
  version?: number;
}

const fromDeliveryItem = (item: Record<string, unknown>): Delivery => {
  const { expiresAt: _e, ...rest } = withoutKeys<Record<string, unknown>>(item);
  return rest as unknown as Delivery;
};

export const deliveryView = ({ leaseUntil: _l, replayBase: _r, event: _e, ...rest }: Delivery) => rest;

export async function getDeliveryBySortKey(subscriptionId: string, sk: string): Promise<Delivery | undefined> {
  const found = await documentClient().send(new GetCommand({ TableName: tableName('deliveries'), Key: deliveryKey(subscriptionId, sk), ConsistentRead: true }));
  return found.Item ? fromDeliveryItem(found.Item) : undefined;
}

export async function getDelivery(subscriptionId: string, eventId: string): Promise<Delivery | undefined> {
  const pointer = await documentClient().send(new GetCommand({ TableName: tableName('deliveries'), Key: pointerKey(subscriptionId, eventId), ConsistentRead: true }));
  const sk = pointer.Item?.sk_delivery as string | undefined;
  return sk ? getDeliveryBySortKey(subscriptionId, sk) : undefined;
}

async function getLane(subscriptionId: string, caseId: string): Promise<Lane | undefined> {
  const found = await documentClient().send(new GetCommand({ TableName: tableName('deliveries'), Key: laneKey(subscriptionId, caseId), ConsistentRead: true }));
  return found.Item ? { active: found.Item.active as string | undefined, waiting: (found.Item.waiting as string[]) ?? [], version: found.Item.version as number } : undefined;
}


/** Writes a lane at its next version, guarded by the version it was read at (or, assumed, by its contents). */
function laneWrite(subscriptionId: string, caseId: string, lane: Lane | undefined, next: Omit<Lane, 'version'>, now: Date): TransactItem {
  const version = (lane?.version ?? 0) + 1;
  const guard =
    lane && lane.version === undefined
      ? { ConditionExpression: 'active = :active AND size(waiting) = :waiting', ExpressionAttributeValues: { ':active': lane.active, ':waiting': lane.waiting.length } }
      : lane
        ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': lane.version } }
        : { ConditionExpression: 'attribute_not_exists(pk)' };
  if (!next.active && next.waiting.length === 0) {
    return { Delete: { TableName: tableName('deliveries'), Key: laneKey(subscriptionId, caseId), ...guard } };
  }
  return {
    Put: {
      TableName: tableName('deliveries'),
      Item: { ...laneKey(subscriptionId, caseId), entity: 'lane', ...next, version, expiresAt: expiresAt(now) },
      ...guard,
    },
  };
}

/** Runs a lane transaction, re-reading the lane when another writer moved it; the answer of `build` for the write that went through. */
async function withLane<T>(
  subscriptionId: string,
  caseId: string,
  build: (lane: Lane | undefined) => { items: TransactItem[]; result: T } | { done: T },
  /** The lane as it most likely is, tried first without reading it; read when the guess was wrong. */
  guess?: { lane: Lane | undefined },
): Promise<T> {
  for (let tries = 0; ; tries++) {
    const lane = tries === 0 && guess ? guess.lane : await getLane(subscriptionId, caseId);
    const plan = build(lane);
    if ('done' in plan) return plan.done;
    try {
      await documentClient().send(new TransactWriteCommand({ TransactItems: plan.items }));
      return plan.result;
    } catch (error) {
      const codes = cancellationCodes(error) ?? [];
      const laneIndex = plan.items.length - 1;
      if (tries < 20 && codes[laneIndex] === CONDITION_FAILED && codes.slice(0, laneIndex).every((code) => code === 'None')) continue;
      throw error;
    }
  }
}

export type Enqueued = { subscriptionId: string; sk: string; attempt: number } | undefined;

/**
 * Records an event for a subscription, once: behind the case's lane, or at its head (then it is
 * to be sent, and this returns what to queue). A second call for the same event records nothing,
 * and returns it again when it is at the head with no attempt made (its first queueing may have
 * been lost).
 */
export async function recordDelivery(d: Omit<Delivery, 'state' | 'attempts' | 'replayBase' | 'createdAt'>, now: Date): Promise<{ outcome: 'recorded' | 'duplicate'; enqueue: Enqueued }> {
  const sk = deliverySortKey(d.eventTime, d.id);
  const key = deliveryKey(d.subscriptionId, sk);
  try {
    return await withLane(d.subscriptionId, d.caseId, (lane) => {
      const { lane: joined, head } = joinLane(lane, sk);
      const delivery: Delivery = { ...d, state: head ? 'pending' : 'waiting', attempts: [], replayBase: 0, createdAt: now.toISOString() };
      return {
        items: [
          { Put: { TableName: tableName('deliveries'), Item: { ...key, entity: 'delivery', ...delivery, expiresAt: expiresAt(now) }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: tableName('deliveries'), Item: { ...pointerKey(d.subscriptionId, d.id), entity: 'delivery_pointer', sk_delivery: sk, expiresAt: expiresAt(now) }, ConditionExpression: 'attribute_not_exists(pk)' } },
          laneWrite(d.subscriptionId, d.caseId, lane, joined, now),
        ],
        result: { outcome: 'recorded' as const, enqueue: head ? { subscriptionId: d.subscriptionId, sk, attempt: 1 } : undefined },
      };
    }, { lane: undefined }); // most cases have nothing on its way to this subscriber
  } catch (error) {
    if (cancellationCodes(error)?.[0] !== CONDITION_FAILED) throw error;
    const existing = await getDeliveryBySortKey(d.subscriptionId, sk);
    const stalled = existing?.state === 'pending' && existing.attempts.length === existing.replayBase && !existing.leaseUntil;
    return { outcome: 'duplicate', enqueue: stalled ? { subscriptionId: d.subscriptionId, sk, attempt: existing.attempts.length + 1 } : undefined };
  }
}

/** An update of one delivery's record. */
const deliveryUpdate = (d: Delivery, update: Omit<UpdateCommandInput, 'TableName' | 'Key'>) =>
  new UpdateCommand({ TableName: tableName('deliveries'), Key: deliveryKey(d.subscriptionId, deliverySortKey(d.eventTime, d.id)), ...update });

/**
 * Takes the lease for attempt `attempt` of a pending delivery and returns it; `leasedUntil` when
 * another worker holds that attempt's lease (it may have died with it: try again once it ends);
 * undefined when there is none to make (settled, waiting, held, or made already).
 */
export async function claimAttempt(subscriptionId: string, sk: string, attempt: number, now: Date, seconds: number): Promise<Delivery | { leasedUntil: string } | undefined> {
  try {
    const result = await documentClient().send(
      new UpdateCommand({
        TableName: tableName('deliveries'),
        Key: deliveryKey(subscriptionId, sk),
        UpdateExpression: 'SET leaseUntil = :until',
        ConditionExpression: '#state = :pending AND size(attempts) = :made AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':pending': 'pending', ':made': attempt - 1, ':now': now.toISOString(), ':until': new Date(now.getTime() + seconds * 1000).toISOString() },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromDeliveryItem(result.Attributes!);
  } catch (error) {
    if (!conditionFailed(error)) throw error;
    const d = await getDeliveryBySortKey(subscriptionId, sk);
    const leased = d?.state === 'pending' && d.attempts.length === attempt - 1 && d.leaseUntil !== undefined && d.leaseUntil >= now.toISOString();
    return leased ? { leasedUntil: d.leaseUntil! } : undefined;
  }
}

/** Gives up a lease without an attempt (the subscription is paused, or another attempt probes the endpoint). */
export async function releaseLease(d: Delivery, state: 'pending' | 'held' = 'pending'): Promise<void> {
  await documentClient().send(
    deliveryUpdate(d, { UpdateExpression: 'SET #state = :state REMOVE leaseUntil', ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':state': state } }),
  );
}

/** A held delivery (its subscription was paused or disabled) goes again, its retry schedule counted afresh. */
export async function releaseHeld(d: Delivery): Promise<boolean> {
  return conditional(
    deliveryUpdate(d, {
      UpdateExpression: 'SET #state = :pending, replayBase = :base REMOVE nextAttemptAt',
      ConditionExpression: '#state = :held',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':pending': 'pending', ':held': 'held', ':base': d.attempts.length },
    }),
  );
}

/**
 * Records a failed attempt, releasing the lease: retried at `nextAttemptAt`, or, with `held`, kept
 * until its subscription is resumed.
 */
export async function recordRetry(d: Delivery, attempt: Attempt, nextAttemptAt: string, state: 'pending' | 'held' = 'pending'): Promise<void> {
  await documentClient().send(
    deliveryUpdate(d, {
      UpdateExpression: 'SET attempts = list_append(attempts, :attempt), nextAttemptAt = :next, #state = :state REMOVE leaseUntil',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':attempt': [attempt], ':next': nextAttemptAt, ':state': state },
    }),
  );
}

/**
 * Settles a delivery (delivered, exhausted, cancelled) with its last attempt, and moves its lane
 * on: the next waiting delivery becomes pending, and is returned to be queued.
 */
export async function settleDelivery(d: Delivery, state: 'delivered' | 'exhausted' | 'cancelled', attempt: Attempt | undefined, now: Date): Promise<Enqueued> {
  const sk = deliverySortKey(d.eventTime, d.id);
  const next = await withLane(d.subscriptionId, d.caseId, (lane) => {
    const items: TransactItem[] = [
      {
        Update: {
          TableName: tableName('deliveries'),
          Key: deliveryKey(d.subscriptionId, sk),
          UpdateExpression: `SET #state = :state${attempt ? ', attempts = list_append(attempts, :attempt)' : ''} REMOVE leaseUntil, nextAttemptAt`,
          ConditionExpression: '#state IN (:pending, :held, :waiting)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':state': state, ':pending': 'pending', ':held': 'held', ':waiting': 'waiting', ...(attempt ? { ':attempt': [attempt] } : {}) },
        },
      },
    ];
    // At the head, the next behind it goes; behind the head (cancelled while waiting), it only leaves the queue.
    const { lane: left, next: following } = leaveLane(lane, sk);
    if (following) {
      items.push({
        Update: {
          TableName: tableName('deliveries'),
          Key: deliveryKey(d.subscriptionId, following),
          UpdateExpression: 'SET #state = :pending',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':pending': 'pending' },
        },
      });
    }
    if (left) items.push(laneWrite(d.subscriptionId, d.caseId, lane, left, now));
    return { items, result: following };
  }, { lane: { active: sk, waiting: [] } }); // most lanes hold this delivery alone
  if (!next) return undefined;
  const following = await getDeliveryBySortKey(d.subscriptionId, next);
  return following ? { subscriptionId: d.subscriptionId, sk: next, attempt: following.attempts.length + 1 } : undefined;
}

/**
 * Puts a settled delivery through again (a replay): pending at its lane's head, or waiting behind
 * it, with the retry schedule counted afresh. `replayed` is the delivery as now written, or false
 * when it was not settled (it is still on its way); `enqueue` is what to queue now, if anything.
 */
export async function replayDelivery(d: Delivery, now: Date): Promise<{ replayed: false; enqueue: undefined } | { replayed: Delivery; enqueue: Enqueued }> {
  const sk = deliverySortKey(d.eventTime, d.id);
  try {
    return await withLane<{ replayed: Delivery; enqueue: Enqueued }>(d.subscriptionId, d.caseId, (lane) => {
      const { lane: joined, head } = joinLane(lane, sk);
      const { nextAttemptAt: _next, ...rest } = d;
      return {
        items: [
          {
            Update: {
              TableName: tableName('deliveries'),
              Key: deliveryKey(d.subscriptionId, sk),
              UpdateExpression: 'SET #state = :to, replayBase = :base, expiresAt = :expires REMOVE nextAttemptAt',
              ConditionExpression: '#state IN (:delivered, :exhausted, :cancelled)',
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: { ':to': head ? 'pending' : 'waiting', ':base': d.attempts.length, ':delivered': 'delivered', ':exhausted': 'exhausted', ':cancelled': 'cancelled', ':expires': expiresAt(now) },
            },
          },
          laneWrite(d.subscriptionId, d.caseId, lane, joined, now),
        ],
        // What was written: the route answers with it, without reading it back.
        result: { replayed: { ...rest, state: head ? 'pending' : 'waiting', replayBase: d.attempts.length }, enqueue: head ? { subscriptionId: d.subscriptionId, sk, attempt: d.attempts.length + 1 } : undefined },
      };
    });
  } catch (error) {
    if (cancellationCodes(error)?.[0] === CONDITION_FAILED) return { replayed: false, enqueue: undefined };
    throw error;
  }
}

/** The head of every lane of a subscription (to send again when it is resumed). */
export async function* laneHeads(subscriptionId: string): AsyncGenerator<string> {
  for await (const item of queryAll({
    TableName: tableName('deliveries'),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :lane)',
    ExpressionAttributeValues: { ':pk': partition(subscriptionId), ':lane': LANE_PREFIX },
    ConsistentRead: true,
  })) {
    if (typeof item.active === 'string') yield item.active;
  }
}

/** A page of a subscription's deliveries, newest event first. */
export async function listDeliveries(subscriptionId: string, state: DeliveryState | undefined, limit: number, cursor?: string): Promise<Page<Delivery>> {
  const pk = partition(subscriptionId);
  const page = await queryPage({
    input: {
      TableName: tableName('deliveries'),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ...(state ? { FilterExpression: '#state = :state', ExpressionAttributeNames: { '#state': 'state' } } : {}),
      ExpressionAttributeValues: { ':pk': pk, ':prefix': DELIVERY_PREFIX, ...(state ? { ':state': state } : {}) },
      ScanIndexForward: false,
    },
    keyNames: ['pk', 'sk'],
    limit,
    maxRead: 1000,
    ...(cursor ? { start: decodeCursor(cursor, { pk, sk: DELIVERY_SK }) } : {}),
  });
  return { items: page.items.map(fromDeliveryItem), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/** A subscription's deliveries of events between two instants, oldest first. */
export async function* deliveriesBetween(subscriptionId: string, from: string, to: string): AsyncGenerator<Delivery> {
  for await (const item of queryAll({
    TableName: tableName('deliveries'),
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': partition(subscriptionId), ':from': deliverySortKey(from), ':to': deliverySortKey(to) },
    ConsistentRead: true,
  })) {
    yield fromDeliveryItem(item);
  }
}
