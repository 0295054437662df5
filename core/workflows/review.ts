// The residence review (the seed's §18 interval, repurposed; §19) as a table: registering a
// person schedules a review at the policy interval; the person confirms online or a
// caseworker records a visit; the result goes to the origin and the next review is scheduled
// from the completion. A person who departs has no further reviews. A review asks where the
// person lives and works, and nothing else.
import { addCalendarDays, localDate } from '../calendar.ts';
import { conflict } from '../errors.ts';
import type { Policy } from '../policy.ts';
import { type Principal, SYSTEM } from '../principal.ts';
import { type CaseBase, type Decision, type Person, type Workflow, open, transition } from './engine.ts';

export const REVIEW_STATES = [
  'due', // scheduled: the person confirms, or the office visits, by the deadline
  'completed',
  'overdue',
  'cancelled', // the registration ended (departure, revocation)
] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_ACTIONS = {
  schedule: { from: [null], to: 'due', roles: ['system'], deadline: 'review', event: 'review.scheduled' },
  confirm: { from: ['due', 'overdue'], to: 'completed', roles: ['person'], deadline: null, event: 'review.completed' },
  record_visit: { from: ['due', 'overdue'], to: 'completed', roles: ['caseworker'], deadline: null, event: 'review.completed' },
  expire: { from: ['due'], to: 'overdue', roles: ['system'], deadline: 'keep', event: 'review.overdue' },
  cancel: { from: ['due', 'overdue'], to: 'cancelled', roles: ['system'], deadline: null, event: 'review.cancelled' },
} as const;
export type ReviewAction = keyof typeof REVIEW_ACTIONS;

export const REVIEW_OUTCOMES = ['unchanged', 'changed_address', 'changed_employer', 'left'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export interface ReviewResult {
  outcome: ReviewOutcome;
  address?: string;
  employer?: string;
  note?: string;
  /** How the result was obtained. */
  by: 'person' | 'visit';
  at: string;
}

export interface ReviewCase extends CaseBase<ReviewState> {
  type: 'review';
  person: Person;
  destinationCode: string;
  registrationId: string;
  /** 1 for the first review after registration, then 2, 3… */
  round: number;
  result?: ReviewResult;
}

export const REVIEW: Workflow<ReviewCase, ReviewAction> = {
  type: 'review',
  states: REVIEW_STATES,
  actions: REVIEW_ACTIONS,
  office: 'destination',
  closed: ['completed', 'cancelled'],
  eventData: (c) => ({
    person: { name: c.person.name },
    registrationId: c.registrationId,
    destinationCode: c.destinationCode,
    round: c.round,
    deadline: c.deadline,
    ...(c.result ? { result: c.result } : {}),
  }),
};

/** The review a registration is due next, counted from `from` (its verification or last review). */
export function scheduleReview(
  registration: Pick<CaseBase, 'id' | 'person' | 'originCode' | 'openedBy'> & { destinationCode: string; person: Person },
  round: number,
  from: string,
  policy: Policy,
  ids: { caseId: string; eventId: string },
  now: Date,
): Decision<ReviewCase> {
  return open(
    REVIEW,
    'schedule',
    {
      id: ids.caseId,
      person: registration.person,
      originCode: registration.originCode,
      destinationCode: registration.destinationCode,
      registrationId: registration.id,
      round,
    },
    SYSTEM,
    policy,
    { eventId: ids.eventId, deadlineFrom: from },
    now,
    // The person who owns the registration owns its reviews, and confirms them.
    { openedBy: registration.openedBy },
  );
}

export interface ReviewInput {
  outcome: ReviewOutcome;
  address?: string;
  employer?: string;
  note?: string;
}

/**
 * The person confirms online, or an office records a visit: the review is complete. A person
 * confirms only within the window before the review is due (so a confirmation cannot be
 * repeated again and again); an office visits premises on its own schedule (清理清查, 以房管人
 * inspections), and its visit completes the open review whenever it happens: the next review
 * counts from the visit.
 */
export function complete(
  current: ReviewCase,
  action: 'confirm' | 'record_visit',
  input: ReviewInput,
  actor: Principal,
  policy: Policy,
  eventId: string,
  now: Date,
): Decision<ReviewCase> {
  const result: ReviewResult = { ...input, by: action === 'confirm' ? 'person' : 'visit', at: now.toISOString() };
  const decision = transition(REVIEW, current, action, actor, policy, eventId, now, {
    detail: input.note ? { note: input.note } : {},
    changes: () => ({ result }),
  });
  // Checked once the table has allowed the caller and the state: a person's review opens shortly before it is due.
  const opens = action === 'confirm' && current.deadline ? addCalendarDays(current.deadline.date, -policy.reviewWindowDays) : undefined;
  if (opens && localDate(now) < opens) {
    throw conflict(`this review opens on ${opens} (${policy.reviewWindowDays} days before it is due, policy reviewWindowDays)`, { state: current.state, opens });
  }
  return decision;
}

export const cancelReview = (review: ReviewCase, policy: Policy, eventId: string, now: Date, reason: string) =>
  transition(REVIEW, review, 'cancel', SYSTEM, policy, eventId, now, { detail: { note: reason } });
