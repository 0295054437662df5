// The routes of functions/api/subscriptions: agency subscriptions and their deliveries.
import { SUBSCRIPTION_OWNERS } from '../../../core/authorisation.ts';
import * as subscriptions from '../../../core/subscriptions.ts';
import { declare } from '../../../core/routes.ts';

/** One subscription: the agency's own, or one inside an administrator's jurisdiction; anyone else is told it does not exist. */
const one = { purpose: 'event subscription', roles: SUBSCRIPTION_OWNERS.roles, scope: { load: 'subscription' } } as const;

/** An agency subscribes for itself; the subscription's jurisdiction must lie inside its own (422 otherwise). */
export const subscribe = declare({
  method: 'POST',
  path: '/v1/subscriptions',
  function: 'subscriptions',
  summary: 'Subscribe an agency endpoint to events (agency accounts): signed webhooks, the secret shown once',
  purpose: 'event subscription',
  roles: { agency: 'self' },
  body: subscriptions.SubscriptionCreate,
  answers: { 201: { description: 'The subscription, with its signing secret', schema: subscriptions.SubscriptionWithSecret } },
  errors: [400, 401, 403, 415, 422],
  keyed: true,
});

/** The agency's own; an administrator's, those inside their jurisdiction (filtered by the same relation). */
export const listSubscriptions = declare({
  method: 'GET',
  path: '/v1/subscriptions',
  function: 'subscriptions',
  summary: "The agency's subscriptions (an administrator sees those inside their jurisdiction)",
  purpose: 'event subscription',
  roles: { agency: 'self', admin: 'self' },
  query: subscriptions.SubscriptionsQuery,
  answers: { 200: { description: 'A page of subscriptions', schema: subscriptions.SubscriptionPage } },
  errors: [400, 401, 403],
});

export const readSubscription = declare({
  ...one,
  method: 'GET',
  path: '/v1/subscriptions/{id}',
  function: 'subscriptions',
  summary: 'A subscription: its endpoint, events, state, failing since, exhausted deliveries',
  params: subscriptions.SubscriptionParams,
  answers: { 200: { description: 'The subscription', schema: subscriptions.SubscriptionView } },
  errors: [400, 401, 404],
});

export const unsubscribe = declare({
  ...one,
  method: 'DELETE',
  path: '/v1/subscriptions/{id}',
  function: 'subscriptions',
  summary: 'Delete a subscription: nothing more is delivered',
  params: subscriptions.SubscriptionParams,
  answers: { 204: { description: 'Deleted' } },
  errors: [400, 401, 403, 404],
});

export const pause = declare({
  ...one,
  method: 'POST',
  path: '/v1/subscriptions/{id}/pause',
  function: 'subscriptions',
  summary: 'Pause deliveries: events are held until it is resumed',
  params: subscriptions.SubscriptionParams,
  answers: { 200: { description: 'The subscription, paused', schema: subscriptions.SubscriptionView } },
  errors: [400, 401, 403, 404, 409],
});

export const resume = declare({
  ...one,
  method: 'POST',
  path: '/v1/subscriptions/{id}/resume',
  function: 'subscriptions',
  summary: 'Resume a paused or disabled subscription: held deliveries go, in order per case',
  params: subscriptions.SubscriptionParams,
  answers: { 200: { description: 'The subscription, active', schema: subscriptions.SubscriptionView } },
  errors: [400, 401, 403, 404, 409, 422],
});

export const rotateSecret = declare({
  ...one,
  method: 'POST',
  path: '/v1/subscriptions/{id}/rotate-secret',
  function: 'subscriptions',
  summary: 'A new signing secret, shown once; the old one keeps signing beside it for 24 hours',
  params: subscriptions.SubscriptionParams,
  answers: { 200: { description: 'The subscription, with the new secret', schema: subscriptions.SubscriptionWithSecret } },
  errors: [400, 401, 403, 404, 409],
  keyed: true,
});

export const listDeliveries = declare({
  ...one,
  method: 'GET',
  path: '/v1/subscriptions/{id}/deliveries',
  function: 'subscriptionDeliveries',
  summary: "A subscription's deliveries, newest event first, each with its attempts (time, status, latency, error)",
  params: subscriptions.SubscriptionParams,
  query: subscriptions.DeliveriesQuery,
  answers: { 200: { description: 'A page of deliveries', schema: subscriptions.DeliveryPage } },
  errors: [400, 401, 404],
});

export const replayRange = declare({
  ...one,
  method: 'POST',
  path: '/v1/subscriptions/{id}/deliveries/replay',
  function: 'subscriptionDeliveries',
  summary: 'Deliver again every event of a time range (or only the exhausted ones), oldest first',
  params: subscriptions.SubscriptionParams,
  body: subscriptions.ReplayRange,
  answers: { 202: { description: 'How many were put through again', schema: subscriptions.Replayed } },
  errors: [400, 401, 403, 404, 415],
  keyed: true,
});

export const replayOne = declare({
  ...one,
  method: 'POST',
  path: '/v1/subscriptions/{id}/deliveries/{deliveryId}/replay',
  function: 'subscriptionDeliveries',
  summary: 'Deliver an event again (a delivered or exhausted one), with a fresh retry schedule',
  params: subscriptions.DeliveryParams,
  answers: { 202: { description: 'The delivery, on its way again', schema: subscriptions.DeliveryView } },
  errors: [400, 401, 403, 404, 409],
});

export const routes = [subscribe, listSubscriptions, readSubscription, unsubscribe, pause, resume, rotateSecret, listDeliveries, replayRange, replayOne];
