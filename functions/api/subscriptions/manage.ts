// Agency subscriptions: create (the signing secret is shown once), list, read, pause, resume,
// rotate the secret (the old one keeps signing for 24 hours beside the new), delete.
// Someone else's subscription answers 404: its existence is not confirmed.
import { randomBytes } from 'node:crypto';
import { notFound, unprocessable } from '../../../core/errors.ts';
import {
  ROTATION_OVERLAP_MS,
  type Subscription,
  manageableSubscriptions,
  newSubscription,
  subscriptionJurisdictionProblem,
  subscriptionView,
} from '../../../core/subscriptions.ts';
import { enqueueDelivery } from '../../shared/deliveries.ts';
import { HttpProblem, type Replay, byRoute, json, route } from '../../shared/http.ts';
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
import * as declared from './routes.ts';

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

export const handler = byRoute([
  route(declared.subscribe, { idempotent: replaySubscription(201) }, async ({ body, principal }) => {
    const outside = subscriptionJurisdictionProblem(principal, body.jurisdiction);
    if (outside) throw unprocessable([outside]);
    const problem = await endpointProblem(body.url);
    if (problem) throw unprocessable([{ field: 'url', reason: problem }], 'The endpoint cannot be used');
    const secret = newSigningSecret();
    const s = newSubscription({ ...body, id: newId(), agency: principal.agency!, createdBy: principal.sub }, secret, new Date().toISOString());
    await putSubscription(s);
    return json(201, { ...subscriptionView(s), secret }, { location: `/v1/subscriptions/${s.id}` });
  }),

  route(declared.listSubscriptions, async ({ query, principal }) => {
    const page = await listSubscriptions(principal.agency, query.limit, query.cursor);
    const items = manageableSubscriptions(principal, page.items).map(subscriptionView);
    return json(200, { items, ...(page.cursor ? { cursor: page.cursor } : {}) });
  }),

  route(declared.readSubscription, async ({ resource }) => json(200, subscriptionView(resource))),

  route(declared.unsubscribe, async ({ params }) => {
    // Its deliveries stop (a waiting one finds no subscription and is cancelled); their records expire.
    await deleteSubscription(params.id);
    return { statusCode: 204, body: '' };
  }),

  route(declared.pause, async ({ resource: s }) => {
    if (s.state !== 'active') throw new HttpProblem(409, `The subscription is ${s.state}; only an active one can be paused`);
    return json(200, subscriptionView(await change(s, { state: 'paused' }, new Date())));
  }),

  route(declared.resume, async ({ resource: s }) => {
    if (s.state === 'active') return json(200, subscriptionView(s));
    // A disabled endpoint resumes only if it may still be reached.
    const problem = await endpointProblem(s.url);
    if (problem) throw unprocessable([{ field: 'url', reason: problem }], 'The endpoint cannot be used');
    const { disabled: _d, failingSince: _f, ...rest } = s;
    const resumed = await change({ ...rest, version: s.version } as Subscription, { state: 'active' }, new Date());
    await releaseLanes(resumed);
    return json(200, subscriptionView(resumed));
  }),

  route(declared.rotateSecret, { idempotent: replaySubscription(200) }, async ({ resource: s }) => {
    const now = new Date();
    const secret = newSigningSecret();
    const overlapEnds = new Date(now.getTime() + ROTATION_OVERLAP_MS).toISOString();
    // The current secret signs beside the new one until the overlap ends; older ones are dropped.
    const current = s.secrets.filter((k) => !k.expiresAt).map((k) => ({ ...k, expiresAt: overlapEnds }));
    const rotated = await change(s, { secrets: [...current, { secret, createdAt: now.toISOString() }] }, now);
    return json(200, { ...subscriptionView(rotated), secret });
  }),
]);
