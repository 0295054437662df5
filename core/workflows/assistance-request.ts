// Assistance requests between offices (协查, County plan and Work plan) as a table: an office
// asks another office, anywhere in this deployment, a question about a person or a case;
// the receiving office answers or declines (with a reason) within the reply deadline, or the
// request turns overdue and escalates. Both sides see it; the asking office hears the reply.
import { validationError } from '../errors.ts';
import type { Policy } from '../policy.ts';
import type { Principal } from '../principal.ts';
import { type CaseBase, type Decision, type Workflow, open, transition } from './engine.ts';
import { localDate } from '../calendar.ts';

export const ASSISTANCE_REQUEST_STATES = ['open', 'answered', 'declined', 'overdue'] as const;
export type AssistanceRequestState = (typeof ASSISTANCE_REQUEST_STATES)[number];

export const ASSISTANCE_REQUEST_ACTIONS = {
  // Sent by the asking office (the request's origin); everything after is the receiving office's.
  ask: {
    from: [null],
    to: 'open',
    roles: ['caseworker', 'supervisor'],
    actingOffice: 'origin',
    deadline: 'assistanceReply',
    event: 'assistance_request.sent',
  },
  // The asking office (or one above it) never answers its own question.
  answer: {
    from: ['open', 'overdue'],
    to: 'answered',
    roles: ['caseworker', 'supervisor'],
    notByOffice: 'origin',
    deadline: null,
    event: 'assistance_request.answered',
  },
  decline: {
    from: ['open', 'overdue'],
    to: 'declined',
    roles: ['caseworker', 'supervisor'],
    notByOffice: 'origin',
    deadline: null,
    event: 'assistance_request.declined',
    reasonRequired: true,
  },
  expire: { from: ['open'], to: 'overdue', roles: ['system'], deadline: 'keep', event: 'assistance_request.overdue' },
} as const;
export type AssistanceRequestAction = keyof typeof ASSISTANCE_REQUEST_ACTIONS;

/** What the question is about: a case of this deployment, or a person by ID number. */
export type AssistanceSubject = { caseId: string } | { idNumber: string };

export interface AssistanceRequestCase extends CaseBase<AssistanceRequestState> {
  type: 'assistance_request';
  /** The asking office. */
  originCode: string;
  /** The office asked. */
  destinationCode: string;
  subject: AssistanceSubject;
  question: string;
  answer?: { text: string; at: string };
  declined?: { reason: string; at: string };
}

export const ASSISTANCE_REQUEST: Workflow<AssistanceRequestCase, AssistanceRequestAction> = {
  type: 'assistance_request',
  states: ASSISTANCE_REQUEST_STATES,
  actions: ASSISTANCE_REQUEST_ACTIONS,
  office: 'destination',
  closed: ['answered', 'declined'],
  alsoReadBy: (c) => [c.originCode],
  // Notices carry the question and the reply, never the subject's ID number.
  eventData: (c) => ({
    fromCode: c.originCode,
    toCode: c.destinationCode,
    question: c.question,
    ...('caseId' in c.subject ? { subjectCaseId: c.subject.caseId } : {}),
    deadline: c.deadline,
    ...(c.answer ? { answer: c.answer } : {}),
    ...(c.declined ? { declined: c.declined } : {}),
  }),
};

export interface AskInput {
  toCode: string;
  subject: AssistanceSubject;
  question: string;
  /** Calendar days to reply, within the policy maximum; the policy's reply period otherwise. */
  dueDays?: number;
}

/** The asking office is the caller's own jurisdiction. */
export function ask(input: AskInput, actor: Principal, policy: Policy, ids: { caseId: string; eventId: string }, now: Date): Decision<AssistanceRequestCase> {
  const fromCode = actor.jurisdiction ?? '';
  // Checked before the deadline is computed from it, so a silly number is a 400, not a broken date.
  if (input.dueDays !== undefined && input.dueDays > policy.assistanceReplyMaxDays) {
    throw validationError([{ field: 'dueDays', reason: `must be at most ${policy.assistanceReplyMaxDays} days (policy assistanceReplyMaxDays)` }]);
  }
  const decision = open(
    ASSISTANCE_REQUEST,
    'ask',
    { id: ids.caseId, originCode: fromCode, destinationCode: input.toCode, subject: input.subject, question: input.question },
    actor,
    input.dueDays === undefined ? policy : { ...policy, assistanceReply: { count: input.dueDays, unit: 'calendar_days' } },
    { eventId: ids.eventId, deadlineFrom: localDate(now) },
    now,
  );
  if (input.toCode === fromCode) throw validationError([{ field: 'toCode', reason: 'is your own office' }]);
  return decision;
}

export const answer = (current: AssistanceRequestCase, actor: Principal, policy: Policy, eventId: string, now: Date, input: { answer: string }) =>
  transition(ASSISTANCE_REQUEST, current, 'answer', actor, policy, eventId, now, {
    changes: () => ({ answer: { text: input.answer, at: now.toISOString() } }),
  });

export const decline = (current: AssistanceRequestCase, actor: Principal, policy: Policy, eventId: string, now: Date, input: { reason: string }) =>
  transition(ASSISTANCE_REQUEST, current, 'decline', actor, policy, eventId, now, {
    detail: { reason: input.reason },
    changes: () => ({ declined: { reason: input.reason, at: now.toISOString() } }),
  });
