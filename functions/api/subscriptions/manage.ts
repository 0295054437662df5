// Agency subscriptions: create (the signing secret is shown once), list, read, pause, resume,
// rotate the secret (the old one keeps signing for 24 hours beside the new), delete.
// Someone else's subscription answers 404: its existence is not confirmed.
import { randomBytes } from 'node:crypto';
import { forbidden, notFound, unprocessable } from '../../../core/errors.ts';
import { isWithin } from '../../../core/jurisdiction.ts';
import {
  ROTATION_OVERLAP_MS,
  type Subscription,
  SubscriptionCreate,
  SubscriptionParams,
  SubscriptionsQuery,
  mayManageSubscription,
  newSubscription,
  subscriptionView,
} from '../../../core/subscriptions.ts';
import { enqueueDelivery } from '../../shared/deliveries.ts';
import { HttpProblem, type Replay, byRoute, json, route } from '../../shared/http.ts';
import { manageableSubscription } from '../../shared/subscriptions.ts';
import {
  deleteSubscription,
  getDeliveryBySortKey,
  getSubscription,
  laneHeads,
  listSubscriptions,
  putSubscription,
  releaseHeld,
  saveSubscription,
} from '../../shared/store/subscriptions.ts';
import { endpointProblem, newSigningSecret } from '../../shared/webhooks.ts';

const newId = () => `sub_${randomBytes(10).toString('hex')}`;

/** Saves a change to a subscription read just before; a concurrent change is a 409, not a lost write. */
async function change(s: Subscription, edit: Partial<Subscription>, now: Date): Promise<Subscription> {
  const next = { ...s, ...edit, updatedAt: now.toISOString(), version: s.version + 1 };
  if (!(await saveSubscription(next))) throw new HttpProblem(409, 'The subscription changed meanwhile; read it again and retry');
  return next;
}

/** Sends again what a pause or a disabling held: each lane's head. */
async function releaseLanes(s: Subscription): Promise<void> {
  for await (const sk of laneHeads(s.id)) {
    const d = await getDeliveryBySortKey(s.id, sk);
    if (!d) continue;
    if (d.state === 'held') await releaseHeld(d);
    if (d.state === 'held' || d.state === 'pending') await enqueueDelivery({ subscriptionId: s.id, sk, attempt: d.attempts.length + 1 });
  }
}

/**
 * A retry of a create or a rotation: the subscription as it stands, with its newest secret (the
 * one that request made, unless rotated since): a client that lost the first answer needs it.
 */
const replaySubscription =
  (status: 201 | 200): Replay =>
  async (outcome) => {
    const s = await getSubscription(outcome.id);
    if (!s) throw notFound(`no subscription ${outcome.id}`);
    const secret = s.secrets.at(-1)!.secret;
    return json(status, { ...subscriptionView(s), secret }, status === 201 ? { location: `/v1/subscriptions/${s.id}` } : {});
  };

export const handler = byRoute({
  'POST /v1/subscriptions': route({ body: SubscriptionCreate, idempotent: replaySubscription(201) }, async ({ body, principal }) => {
    if (principal.role !== 'agency') throw forbidden('only agency accounts subscribe to events');
    if (!isWithin(body.jurisdiction, principal.jurisdiction!)) {
      throw unprocessable([{ field: 'jurisdiction', reason: `must lie inside your agency's jurisdiction ${principal.jurisdiction}` }]);
    }
    const problem = await endpointProblem(body.url);
    if (problem) throw unprocessable([{ field: 'url', reason: problem }], 'The endpoint cannot be used');
    const secret = newSigningSecret();
    const s = newSubscription({ ...body, id: newId(), agency: principal.agency!, createdBy: principal.sub }, secret, new Date().toISOString());
    await putSubscription(s);
    return json(201, { ...subscriptionView(s), secret }, { location: `/v1/subscriptions/${s.id}` });
  }),

  'GET /v1/subscriptions': route({ query: SubscriptionsQuery }, async ({ query, principal }) => {
    if (principal.role !== 'agency' && principal.role !== 'admin') throw forbidden('subscriptions belong to agencies');
    const page = await listSubscriptions(principal.role === 'agency' ? principal.agency : undefined, query.limit, query.cursor);
    // Peers are listed at /v1/federation/peers.
    const items = page.items.filter((s) => s.kind !== 'peer' && mayManageSubscription(principal, s)).map(subscriptionView);
    return json(200, { items, ...(page.cursor ? { cursor: page.cursor } : {}) });
  }),

  'GET /v1/subscriptions/{id}': route({ params: SubscriptionParams }, async ({ params, principal }) =>
    json(200, subscriptionView(await manageableSubscription(principal, params.id))),
  ),

  'DELETE /v1/subscriptions/{id}': route({ params: SubscriptionParams }, async ({ params, principal }) => {
    await manageableSubscription(principal, params.id);
    // Its deliveries stop (a waiting one finds no subscription and is cancelled); their records expire.
    await deleteSubscription(params.id);
    return { statusCode: 204, body: '' };
  }),

  'POST /v1/subscriptions/{id}/pause': route({ params: SubscriptionParams }, async ({ params, principal }) => {
    const s = await manageableSubscription(principal, params.id);
    if (s.state !== 'active') throw new HttpProblem(409, `The subscription is ${s.state}; only an active one can be paused`);
    return json(200, subscriptionView(await change(s, { state: 'paused' }, new Date())));
  }),

  'POST /v1/subscriptions/{id}/resume': route({ params: SubscriptionParams }, async ({ params, principal }) => {
    const s = await manageableSubscription(principal, params.id);
    if (s.state === 'active') return json(200, subscriptionView(s));
    // A disabled endpoint resumes only if it may still be reached.
    const problem = await endpointProblem(s.url);
    if (problem) throw unprocessable([{ field: 'url', reason: problem }], 'The endpoint cannot be used');
    const { disabled: _d, failingSince: _f, ...rest } = s;
    const resumed = await change({ ...rest, version: s.version } as Subscription, { state: 'active' }, new Date());
    await releaseLanes(resumed);
    return json(200, subscriptionView(resumed));
  }),

  'POST /v1/subscriptions/{id}/rotate-secret': route({ params: SubscriptionParams, idempotent: replaySubscription(200) }, async ({ params, principal }) => {
    const s = await manageableSubscription(principal, params.id);
    const now = new Date();
    const secret = newSigningSecret();
    const overlapEnds = new Date(now.getTime() + ROTATION_OVERLAP_MS).toISOString();
    // The current secret signs beside the new one until the overlap ends; older ones are dropped.
    const current = s.secrets.filter((k) => !k.expiresAt).map((k) => ({ ...k, expiresAt: overlapEnds }));
    const rotated = await change(s, { secrets: [...current, { secret, createdAt: now.toISOString() }] }, now);
    return json(200, { ...subscriptionView(rotated), secret });
  }),
});
