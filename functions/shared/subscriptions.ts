// The shared step of every subscription route: the subscription, if the caller may manage it.
import { notFound } from '../../core/errors.ts';
import type { Principal } from '../../core/principal.ts';
import { type Subscription, mayManageSubscription } from '../../core/subscriptions.ts';
import { getSubscription } from './store/subscriptions.ts';

/** Someone else's subscription answers 404, as a missing one does: its existence is not confirmed. */
export async function manageableSubscription(principal: Principal, id: string): Promise<Subscription> {
  const s = await getSubscription(id);
  if (!s || !mayManageSubscription(principal, s)) throw notFound(`no subscription ${id}`);
  return s;
}
