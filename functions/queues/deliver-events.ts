// Delivers one attempt of one event to one subscriber: a signed POST of the CloudEvent, cut at
// 15 s. 2xx settles it and moves its lane on; anything else is tried again on the retry schedule
// (or the endpoint's Retry-After) until the eighth attempt, after which it is exhausted and the
// owner told. 410 Gone, or five days of nothing but failures, disables the endpoint. Each attempt
// is made once, however often its message arrives (a lease on the attempt number).
import { openHandOff } from '../shared/store/case-codec.ts';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import {
  type Attempt,
  DISABLE_AFTER_FAILING_MS,
  type Subscription,
  retryDelaySeconds,
  signingSecrets,
} from '../../core/subscriptions.ts';
import { deliver } from '../shared/channels.ts';
import { type DeliveryMessage, enqueueDelivery } from '../shared/deliveries.ts';
import { logger } from '../shared/observability.ts';
import {
  type Delivery,
  claimAttempt,
  claimProbe,
  disableSubscription,
  getSubscription,
  recordExhausted,
  recordHealth,
  recordRetry,
  releaseLease,
  settleDelivery,
} from '../shared/store/subscriptions.ts';
import { post, signatures } from '../shared/webhooks.ts';
import * as clock from '../shared/clock.ts';

const processor = new BatchProcessor(EventType.SQS);
/** How long one attempt (at most 15 s of HTTP) holds its lease, and a failing endpoint's probe. */
const LEASE_SECONDS = 30;
/** While an endpoint fails and another attempt is probing it, the others wait this long. */
const PROBE_WAIT_SECONDS = 10;

/** Tells the subscription's owner by e-mail, where it gave an address; always logged. */
async function tellOwner(s: Subscription, d: Delivery, subject: string, text: string): Promise<void> {
  logger.warn(subject, { subscriptionId: s.id, agency: s.agency, deliveryId: d.id });
  if (!s.contactEmail) return;
  await deliver({ id: `${s.id}-${d.id}`, caseId: d.caseId, stage: 'webhook', channel: 'email', to: s.contactEmail, language: 'zh', subject, text, state: 'queued', dueAt: clock.now().toISOString() });
}

async function next(enqueue: Awaited<ReturnType<typeof settleDelivery>>) {
  if (enqueue) await enqueueDelivery(enqueue);
}

async function attempt(record: SQSRecord): Promise<string> {
  const m = JSON.parse(record.body) as DeliveryMessage;
  const now = new Date();
  if (m.notBefore && Date.parse(m.notBefore) > now.getTime()) {
    await enqueueDelivery({ ...m }, now);
    return 'not yet';
  }
  // Settled, waiting behind its lane's head, held, or this attempt made already (a copy of an old
  // message): nothing to do.
  const d = await claimAttempt(m.subscriptionId, m.sk, m.attempt, now, LEASE_SECONDS);
  if (!d) return 'nothing to do';
  // Another worker holds this attempt's lease: it finishes it, or it died (a crash) and the attempt
  // is made once the lease ends. A copy that comes after the attempt was made finds nothing to do.
  if ('leasedUntil' in d) {
    await enqueueDelivery({ ...m, notBefore: new Date(Date.parse(d.leasedUntil) + 1000).toISOString() }, now);
    return 'in flight elsewhere: looked at again when its lease ends';
  }
  const s = await getSubscription(m.subscriptionId);
  if (!s) {
    await next(await settleDelivery(d, 'cancelled', undefined, now));
    return 'subscription deleted';
  }
  if (s.state !== 'active') {
    await releaseLease(d, 'held');
    return `held (${s.state})`;
  }
  // A failing endpoint gets one attempt at a time: a dead or hanging subscriber takes one worker, not all.
  if (s.failingSince && !(await claimProbe(s.id, now, LEASE_SECONDS))) {
    await releaseLease(d);
    await enqueueDelivery({ ...m, notBefore: new Date(now.getTime() + PROBE_WAIT_SECONDS * 1000).toISOString() }, now);
    return 'endpoint failing: waits for the probe';
  }

  // A peer gets the hand-off of a departure towards it opened; agencies never receive one.
  const body = JSON.stringify(s.kind === 'peer' ? await openHandOff(d.event) : d.event);
  const outcome = await post(s.url, body, {
    'content-type': 'application/cloudevents+json; charset=utf-8',
    'webhook-id': d.id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': signatures(signingSecrets(s, now), d.id, now, body),
  });
  const ok = outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300;
  const made: Attempt = {
    at: now.toISOString(),
    attempt: m.attempt,
    ...(outcome.status !== undefined ? { status: outcome.status } : {}),
    latencyMs: outcome.latencyMs,
    ...(outcome.error ? { error: outcome.error } : {}),
  };
  // The subscription is written only when its health changes (a hot item otherwise).
  const health = ok && !s.failingSince ? s : await recordHealth(s.id, ok, now.toISOString());
  if (ok) {
    await next(await settleDelivery(d, 'delivered', made, now));
    return 'delivered';
  }
  const failingFor = health?.failingSince ? now.getTime() - Date.parse(health.failingSince) : 0;
  if (outcome.status === 410 || failingFor >= DISABLE_AFTER_FAILING_MS) {
    const reason = outcome.status === 410 ? 'the endpoint answered 410 Gone' : 'every attempt failed for five days';
    await disableSubscription(s.id, reason, now.toISOString());
    // Kept, held: resuming the subscription sends it again.
    await recordRetry(d, made, now.toISOString(), 'held');
    await tellOwner(s, d, `liudong: subscription ${s.id} disabled`, `Subscription ${s.id} (${s.url}) was disabled: ${reason}. Deliveries are held until it is resumed (POST /v1/subscriptions/${s.id}/resume).`);
    return 'disabled';
  }
  const delay = retryDelaySeconds(m.attempt - d.replayBase, outcome.retryAfter);
  if (delay === undefined) {
    await next(await settleDelivery(d, 'exhausted', made, now));
    await recordExhausted(s.id, d.id, now.toISOString());
    await tellOwner(s, d, `liudong: delivery ${d.id} exhausted`, `Event ${d.id} (${d.eventType}) could not be delivered to ${s.url} after ${m.attempt} attempts (last: ${outcome.error}). Replay it with POST /v1/subscriptions/${s.id}/deliveries/${d.id}/replay.`);
    return 'exhausted';
  }
  const nextAttemptAt = new Date(now.getTime() + delay * 1000).toISOString();
  await recordRetry(d, made, nextAttemptAt);
  await enqueueDelivery({ subscriptionId: s.id, sk: m.sk, attempt: m.attempt + 1, notBefore: nextAttemptAt }, now);
  return `retry in ${delay} s`;
}

async function handle(record: SQSRecord): Promise<void> {
  const outcome = await attempt(record);
  logger.info('delivery attempt', { outcome, messageId: record.messageId });
}

// Attempts of one batch run side by side: a slow endpoint holds its own attempt, not the batch's others.
export const handler = async (event: SQSEvent, context: Context) => processPartialResponse(event, handle, processor, { context });
