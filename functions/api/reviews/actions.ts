// POST /v1/reviews/{id}/<action>: the person confirms online, or a caseworker records a visit.
// The result goes to the origin (through the event); the next review is scheduled from today.
import { randomUUID } from 'node:crypto';
import { REVIEW_ACTION_BODIES as BODIES } from '../../../core/schemas/reviews.ts';
import type { ReviewCase, ReviewInput } from '../../../core/workflows/review.ts';
import { completeReview } from '../../../core/workflows/review-cycle.ts';
import { type ActionContext, actionRoutes, actionsOf, newEventId } from '../../shared/cases.ts';
import { getCase } from '../../shared/store/cases.ts';
import { routes } from './routes.ts';

const action = actionsOf<ReviewCase>();

async function decide(kind: 'confirm' | 'record_visit', { case: c, body, principal, policy, now }: ActionContext<ReviewCase, ReviewInput>) {
  const registration = await getCase(c.registrationId);
  return completeReview(
    c,
    kind,
    body,
    principal,
    policy,
    registration?.type === 'registration' ? registration : undefined,
    { eventId: newEventId(), next: { caseId: randomUUID(), eventId: newEventId() }, registrationEventId: newEventId() },
    now,
  );
}

/** One entry per client action of the table (a test holds them equal). */
export const actions = {
  confirm: action({ body: BODIES.confirm, decide: (ctx) => decide('confirm', ctx) }),
  record_visit: action({ body: BODIES.record_visit, decide: (ctx) => decide('record_visit', ctx) }),
};

export const handler = actionRoutes(routes, actions);
