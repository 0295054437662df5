// Agency subscriptions: which events an agency receives at its endpoint, what each delivery
// carries (minimised by the subscription's purpose), when a failed delivery is tried again,
// and which endpoint addresses are refused (SSRF). Pure: the store, the HTTP client and the
// queues live in functions/.
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { EVENT_CATALOGUE, EVENT_NAMESPACE, EVENT_PURPOSES, type EventPurpose, eventSpec, minimise } from './events.ts';
import { isWithin } from './jurisdiction.ts';
import { PEER_MANAGERS, SUBSCRIPTION_OWNERS, permits } from './authorisation.ts';
import type { Principal } from './principal.ts';
import { Cursor, JurisdictionCode, Limit } from './schemas/common.ts';

/**
 * Seconds to wait before each attempt: the first at once, then the schedule the leading webhook
 * providers use (Svix, Standard Webhooks): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. Eight attempts.
 */
export const RETRY_SCHEDULE_SECONDS = [0, 5, 300, 1800, 7200, 18000, 36000, 36000] as const;
export const MAX_ATTEMPTS = RETRY_SCHEDULE_SECONDS.length;
/** SQS delays stop here; a longer wait is several hops. */
export const SQS_MAX_DELAY_SECONDS = 900;
/** An endpoint that has failed every attempt for this long is disabled. */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 3600 * 1000;
/** Old and new secret both sign for this long after a rotation. */
export const ROTATION_OVERLAP_MS = 24 * 3600 * 1000;
/** Each attempt is cut at this (Lambda's own timeout is longer). */
export const DELIVERY_TIMEOUT_MS = 15_000;

export const SUBSCRIPTION_STATES = ['active', 'paused', 'disabled'] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];
export const DELIVERY_STATES = ['held', 'waiting', 'pending', 'delivered', 'exhausted', 'cancelled'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * After failed attempt `attempt` (1-based), seconds until the next one, or undefined when it was
 * the last. A receiver's `Retry-After` (seconds) replaces the schedule's step, up to its longest.
 */
export function retryDelaySeconds(attempt: number, retryAfterSeconds?: number): number | undefined {
  if (attempt >= MAX_ATTEMPTS) return undefined;
  const scheduled = RETRY_SCHEDULE_SECONDS[attempt]!;
  if (retryAfterSeconds === undefined || !Number.isFinite(retryAfterSeconds) || retryAfterSeconds < 0) return scheduled;
  return Math.min(Math.ceil(retryAfterSeconds), Math.max(...RETRY_SCHEDULE_SECONDS));
}

/** `Retry-After` as seconds from `now`: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - now.getTime()) / 1000);
}

/** The SQS delay for a wait until `notBefore`: at most 15 minutes; the message hops again until due. */
export const hopDelaySeconds = (notBefore: string, now: Date): number =>
  Math.max(0, Math.min(SQS_MAX_DELAY_SECONDS, Math.ceil((Date.parse(notBefore) - now.getTime()) / 1000)));

// ---- What a subscription is

/** A new subscription (or peer), active, signing with `secret`. */
export const newSubscription = (fields: Omit<Subscription, 'state' | 'secrets' | 'createdAt' | 'updatedAt' | 'version'>, secret: string, now: string): Subscription => ({
  ...fields,
  state: 'active',
  secrets: [{ secret, createdAt: now }],
  createdAt: now,
  updatedAt: now,
  version: 1,
});

/** The catalogue's event type, namespaced, for a name given with or without the namespace. */
export const namespacedType = (t: string) => (t === '*' || t.startsWith(EVENT_NAMESPACE) ? t : `${EVENT_NAMESPACE}${t}`);

const EventTypeName = z
  .string()
  .max(200)
  .refine((t) => t === '*' || (t.endsWith('.*') && EVENT_CATALOGUE.some((e) => e.type.startsWith(namespacedType(t).slice(0, -1)))) || eventSpec(t) !== undefined, {
    message: 'must be an event type of the catalogue (GET /v1/events/schemas), `<prefix>.*`, or `*`',
  });

export const SubscriptionCreate = z
  .strictObject({
    url: z.string().max(2000).meta({ description: 'The endpoint: https in AWS; the local stack also takes http://127.0.0.1' }),
    eventTypes: z.array(EventTypeName).min(1).max(100).meta({ description: 'Catalogue types (with or without the `cn.liudong.` namespace), `cn.liudong.registration.*`, or `*`' }),
    jurisdiction: JurisdictionCode.meta({ description: "Events whose origin or destination lies inside this prefix; inside the agency's own" }),
    purpose: z.enum(Object.keys(EVENT_PURPOSES) as [EventPurpose, ...EventPurpose[]]).meta({ description: 'Why the agency receives events; decides which personal fields it sees' }),
    description: z.string().max(200).optional(),
    contactEmail: z.email().max(200).optional().meta({ description: 'Told when a delivery is exhausted or the endpoint disabled' }),
  })
  .meta({ id: 'SubscriptionCreate' });
export type SubscriptionCreate = z.infer<typeof SubscriptionCreate>;

export interface SigningSecret {
  secret: string;
  createdAt: string;
  /** Set on the old secret at a rotation: it stops signing then. */
  expiresAt?: string;
}

export interface Subscription extends SubscriptionCreate {
  id: string;
  /** A peer deployment (federation) rather than an agency: it receives whole events, for its prefixes. */
  kind?: 'peer';
  /** A peer's jurisdiction prefixes. */
  prefixes?: string[];
  agency: string;
  createdBy: string;
  state: SubscriptionState;
  /** Why and when it was disabled (410 Gone, failing for five days). */
  disabled?: { at: string; reason: string };
  secrets: SigningSecret[];
  /** The first failure since the last success; cleared by a success. */
  failingSince?: string;
  /** While failing, one attempt at a time probes the endpoint; the others wait. */
  probeUntil?: string;
  /** Deliveries that gave up after the last attempt, and the latest of them. */
  exhaustedCount?: number;
  lastExhausted?: { at: string; deliveryId: string };
  createdAt: string;
  updatedAt: string;
  version: number;
}


/** The jurisdictions an event concerns: both sides, and a departure's next destination. */
export function eventJurisdictions(data: Record<string, unknown>): string[] {
  const codes = [data.originCode, data.destinationCode, (data.departure as { nextDestinationCode?: unknown } | undefined)?.nextDestinationCode];
  return [...new Set(codes.filter((c): c is string => typeof c === 'string'))];
}

/** Whether a subscription wants an event (any state: a paused one holds what it wants). */
export function wants(s: Pick<Subscription, 'eventTypes' | 'jurisdiction' | 'prefixes'>, event: { type: string; data: Record<string, unknown> }): boolean {
  const typeMatches = s.eventTypes.some((t) => {
    const wanted = namespacedType(t);
    return wanted === '*' || wanted === event.type || (wanted.endsWith('.*') && event.type.startsWith(wanted.slice(0, -1)));
  });
  const prefixes = s.prefixes ?? [s.jurisdiction];
  return typeMatches && eventJurisdictions(event.data).some((code) => prefixes.some((p) => isWithin(code, p)));
}

/** The CloudEvent an agency receives: the same envelope, its data without the personal fields its purpose may not see. */
export function agencyEvent(cloudEvent: Record<string, unknown>, purpose: EventPurpose): Record<string, unknown> {
  const spec = eventSpec(String(cloudEvent.type));
  const data = (cloudEvent.data ?? {}) as Record<string, unknown>;
  // An event outside the catalogue carries nothing personal we know of: send its ids only.
  const personal = spec?.personal ?? [];
  return { ...cloudEvent, data: minimise(data, personal, EVENT_PURPOSES[purpose]) };
}

/** The secrets that sign at `now`: the current one and, during a rotation's overlap, the old one. */
export const signingSecrets = (s: Pick<Subscription, 'secrets'>, now: Date) =>
  s.secrets.filter((k) => !k.expiresAt || Date.parse(k.expiresAt) > now.getTime()).map((k) => k.secret);

// ---- Endpoint checks (SSRF)

/** `cloud`: AWS, https to public addresses only. `local`: the local stack, which also allows http to loopback. */
export type EndpointMode = 'cloud' | 'local';

/** What is wrong with an endpoint URL before any lookup, or undefined. */
export function urlProblem(raw: string, mode: EndpointMode): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (url.username || url.password) return 'must not carry credentials';
  if (url.hash) return 'must not have a fragment';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (url.protocol === 'https:') return ipaddr.isValid(host) ? addressProblem(host, mode) : undefined;
  if (url.protocol === 'http:' && mode === 'local') {
    return host === 'localhost' || (ipaddr.isValid(host) && ipaddr.process(host).range() === 'loopback') ? undefined : 'may use http only for 127.0.0.1 or localhost, locally';
  }
  return mode === 'cloud' ? 'must use https' : 'must use https (or http to 127.0.0.1 locally)';
}

/** Whether an endpoint may be reached at this address, or why not (checked at creation and again at every connection). */
export function addressProblem(address: string, mode: EndpointMode): string | undefined {
  if (!ipaddr.isValid(address)) return 'is not an address';
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is.
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (mode === 'local' && range === 'loopback') return undefined;
  // Only global unicast: private, loopback, link-local (the metadata service), shared, reserved
  // and every special range are refused. An allow-list, so a range added later is refused too.
  return range === 'unicast' ? undefined : `is a ${range} address (${parsed.toString()}), which endpoints may not use`;
}

/** A subscription as its owner sees it: never a secret (those are shown once, at creation and rotation). */
export function subscriptionView(s: Subscription) {
  const { secrets, probeUntil: _probe, version: _v, ...rest } = s;
  return { ...rest, secrets: secrets.map((k) => ({ createdAt: k.createdAt, ...(k.expiresAt ? { expiresAt: k.expiresAt } : {}) })) };
}

// ---- The API's shapes

export const SubscriptionParams = z.strictObject({ id: z.string().regex(/^(sub_[0-9a-z]{10,40}|peer_[a-z0-9][a-z0-9-]{1,39})$/, 'is not a subscription id') });
export const DeliveryParams = z.strictObject({ id: SubscriptionParams.shape.id, deliveryId: z.string().min(1).max(100) });
export const SubscriptionsQuery = z.strictObject({ limit: Limit, cursor: Cursor });
export const DeliveriesQuery = z.strictObject({ state: z.enum(DELIVERY_STATES).optional(), limit: Limit, cursor: Cursor });
export const ReplayRange = z
  .strictObject({
    from: z.iso.datetime({ offset: true }).meta({ description: 'Events that happened at or after this instant' }),
    to: z.iso.datetime({ offset: true }).meta({ description: 'and before this one' }),
    onlyExhausted: z.boolean().default(false).meta({ description: 'Only deliveries that gave up (the usual recovery after an outage)' }),
  })
  .refine((r) => Date.parse(r.from) < Date.parse(r.to), { message: 'from must be before to', path: ['to'] })
  .meta({ id: 'ReplayRange' });

export const SubscriptionView = z
  .object({
    id: z.string(),
    agency: z.string(),
    createdBy: z.string(),
    url: z.string(),
    eventTypes: z.array(z.string()),
    jurisdiction: z.string(),
    purpose: z.string(),
    description: z.string().optional(),
    contactEmail: z.string().optional(),
    state: z.enum(SUBSCRIPTION_STATES),
    disabled: z.object({ at: z.string(), reason: z.string() }).optional(),
    failingSince: z.string().optional(),
    exhaustedCount: z.number().int().optional().meta({ description: 'Deliveries that gave up after their last attempt; the owner is told of each' }),
    lastExhausted: z.object({ at: z.string(), deliveryId: z.string() }).optional(),
    secrets: z.array(z.object({ createdAt: z.string(), expiresAt: z.string().optional() })).meta({ description: 'When each signing secret was made and, after a rotation, when the old one stops signing; never the secret' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Subscription' });
export const SubscriptionWithSecret = SubscriptionView.extend({
  secret: z.string().meta({ description: 'The signing secret (whsec_…), shown this once' }),
}).meta({ id: 'SubscriptionWithSecret' });
export const SubscriptionPage = z.object({ items: z.array(SubscriptionView), cursor: z.string().optional() }).meta({ id: 'SubscriptionPage' });

export const Attempt = z
  .object({
    at: z.string(),
    attempt: z.number().int(),
    status: z.number().int().optional().meta({ description: "The endpoint's HTTP status; absent when none came back" }),
    latencyMs: z.number().int(),
    error: z.string().optional().meta({ description: 'Why it failed: a status, a timeout, a refused address' }),
  })
  .meta({ id: 'DeliveryAttempt' });
export type Attempt = z.infer<typeof Attempt>;

export const DeliveryView = z
  .object({
    id: z.string().meta({ description: "The event's id, which is also the webhook-id header" }),
    subscriptionId: z.string(),
    eventType: z.string(),
    eventTime: z.string(),
    caseId: z.string(),
    state: z.enum(DELIVERY_STATES),
    attempts: z.array(Attempt),
    nextAttemptAt: z.string().optional(),
    createdAt: z.string(),
  })
  .meta({ id: 'Delivery' });
export const DeliveryPage = z.object({ items: z.array(DeliveryView), cursor: z.string().optional() }).meta({ id: 'DeliveryPage' });
export const Replayed = z
  .object({
    replayed: z.number().int(),
    continueFrom: z.string().optional().meta({ description: 'Set when the range held more than 10,000: replay again from here' }),
  })
  .meta({ id: 'Replayed' });

// ---- Who manages what

/** An agency manages its own subscriptions; an administrator covering its jurisdiction may look after any (operators); peers are the national administrators'. */
export const mayManageSubscription = (principal: Principal, s: Pick<Subscription, 'agency' | 'jurisdiction' | 'kind'>): boolean =>
  permits(principal, s.kind === 'peer' ? PEER_MANAGERS : SUBSCRIPTION_OWNERS, { agency: s.agency, codes: [s.jurisdiction] });

/** The subscriptions of a list the caller manages (peers are listed at /v1/federation/peers). */
export const manageableSubscriptions = <S extends Pick<Subscription, 'agency' | 'jurisdiction' | 'kind'>>(principal: Principal, items: readonly S[]): S[] =>
  items.filter((s) => s.kind !== 'peer' && mayManageSubscription(principal, s));

/** An agency subscribes to events inside its own jurisdiction: what is wrong with the one asked for, if anything. */
export const subscriptionJurisdictionProblem = (principal: Principal, jurisdiction: string): { field: string; reason: string } | undefined =>
  principal.jurisdiction !== undefined && isWithin(jurisdiction, principal.jurisdiction)
    ? undefined
    : { field: 'jurisdiction', reason: `must lie inside your agency's jurisdiction ${principal.jurisdiction}` };

// ---- A case's lane to one subscriber

/** A case's deliveries to one subscriber go one at a time, in order: the one on its way (`active`) and those behind it. */
export interface Lane {
  active?: string;
  waiting: string[];
}

/** A delivery joins its case's lane: at the head (it goes now) when nothing is on its way, else behind the rest. */
export function joinLane(lane: Lane | undefined, delivery: string): { lane: Lane; head: boolean } {
  if (!lane?.active) return { lane: { active: delivery, waiting: [] }, head: true };
  return { lane: { active: lane.active, waiting: [...lane.waiting, delivery] }, head: false };
}

/**
 * A settled delivery leaves its lane. At the head, the first behind it becomes the head (`next`,
 * to be sent now); behind the head, it only leaves the queue. `lane` is undefined when the
 * delivery was not in it (nothing to write).
 */
export function leaveLane(lane: Lane | undefined, delivery: string): { lane?: Lane; next?: string } {
  if (lane?.active !== delivery) {
    return lane?.waiting.includes(delivery) ? { lane: { ...(lane.active ? { active: lane.active } : {}), waiting: lane.waiting.filter((w) => w !== delivery) } } : {};
  }
  const [next, ...rest] = lane.waiting;
  return { lane: { ...(next ? { active: next } : {}), waiting: rest }, ...(next ? { next } : {}) };
}
