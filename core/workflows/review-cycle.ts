// Where a review and its registration meet: completing a review schedules the next one and
// points the registration at it, unless the person has left or the registration has ended.
import type { Policy } from '../policy.ts';
import type { Principal } from '../principal.ts';
import type { Decision } from './engine.ts';
import { type RegistrationCase, reviewScheduled } from './registration.ts';
import { localDate } from '../calendar.ts';
import { type ReviewCase, type ReviewInput, complete, scheduleReview } from './review.ts';

export function completeReview(
  review: ReviewCase,
  kind: 'confirm' | 'record_visit',
  input: ReviewInput,
  actor: Principal,
  policy: Policy,
  registration: RegistrationCase | undefined,
  ids: { eventId: string; next: { caseId: string; eventId: string }; registrationEventId: string },
  now: Date,
): Decision[] {
  const done = complete(review, kind, input, actor, policy, ids.eventId, now);
  // Not once the person has left, nor for a registration that ended or has moved on to another review.
  const continues = done.case.result?.outcome !== 'left' && registration?.state === 'registered' && registration.reviewId === review.id;
  if (!registration || !continues) return [done];
  // The next review counts from the day this one was completed.
  const next = scheduleReview(registration, review.round + 1, localDate(now), policy, ids.next, now);
  return [done, next, reviewScheduled(registration, next.case.id, policy, ids.registrationEventId, now)];
}
