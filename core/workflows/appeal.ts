// Appeals (Measures §31) as a table: the person appeals a decision on their case within the
// policy window; the office one level above the deciding office decides it within the policy
// deadline, upheld or reversed with a reason; reversed puts the original case back in the
// state it was in before the decision.
import { addCalendarDays, localDate } from '../calendar.ts';
import { conflict, unprocessable } from '../errors.ts';
import { parentOf } from '../jurisdiction.ts';
import type { Policy } from '../policy.ts';
import { type Principal, SYSTEM } from '../principal.ts';
import { type Actor, type CaseBase, type Decision, type HistoryEntry, type Workflow, open, startDeadline, transition } from './engine.ts';
import { scheduleReview } from './review.ts';

export const APPEAL_STATES = ['lodged', 'upheld', 'reversed', 'overdue'] as const;
export type AppealState = (typeof APPEAL_STATES)[number];

export const APPEAL_ACTIONS = {
  lodge: { from: [null], to: 'lodged', roles: ['person'], deadline: 'appealDecision', event: 'appeal.lodged' },
  // The reviewing office's decision: the outcome chooses the state.
  decide: {
    from: ['lodged', 'overdue'],
    to: ['upheld', 'reversed'],
    roles: ['caseworker', 'supervisor'],
    deadline: null,
    event: 'appeal.decided',
    reasonRequired: true,
  },
  expire: { from: ['lodged'], to: 'overdue', roles: ['system'], deadline: 'keep', event: 'appeal.overdue' },
} as const;
export type AppealAction = keyof typeof APPEAL_ACTIONS;

export interface AppealCase extends CaseBase<AppealState> {
  type: 'appeal';
  /** The deciding office. */
  originCode: string;
  /** The reviewing office: the level above the deciding office. */
  destinationCode: string;
  appealed: { caseId: string; caseType: CaseBase['type']; decision: { action: string; at: string; by: Actor; from: string | null; to: string; reason?: string } };
  grounds: string;
  outcome?: { decision: 'upheld' | 'reversed'; reason: string; at: string };
}

export const APPEAL: Workflow<AppealCase, AppealAction> = {
  type: 'appeal',
  states: APPEAL_STATES,
  actions: APPEAL_ACTIONS,
  office: 'destination',
  closed: ['upheld', 'reversed'],
  // The deciding office sees the appeal against its decision.
  alsoReadBy: (c) => [c.originCode],
  eventData: (c) => ({
    ...(c.person ? { person: { name: c.person.name } } : {}),
    appealed: { caseId: c.appealed.caseId, caseType: c.appealed.caseType, action: c.appealed.decision.action, at: c.appealed.decision.at },
    deadline: c.deadline,
    ...(c.outcome ? { outcome: c.outcome } : {}),
  }),
};

/** The last day an appeal against a decision made at `at` is accepted. */
export const appealUntil = (at: string, policy: Policy) => addCalendarDays(localDate(new Date(at)), policy.appealWindowDays);

/**
 * The person appeals `decision` (a history entry of their case). It must be a decision the
 * table marks appealable, still in force (the case has not moved on), and within the window.
 */
export function lodge(
  appealed: CaseBase,
  decision: HistoryEntry,
  rules: { appealable: boolean; workingOffice: string },
  grounds: string,
  actor: Principal,
  policy: Policy,
  ids: { caseId: string; eventId: string },
  now: Date,
): Decision<AppealCase> {
  if (!rules.appealable) throw unprocessable([{ field: 'decision', reason: `${decision.action} is not a decision that can be appealed` }]);
  if (appealed.state !== decision.to || appealed.updatedAt !== decision.at) {
    throw conflict(`the case has moved on since this decision (it is now ${appealed.state})`, { state: appealed.state });
  }
  const until = appealUntil(decision.at, policy);
  if (localDate(now) > until) {
    throw unprocessable([
      { field: 'decision', reason: `was made on ${localDate(new Date(decision.at))}; appeals are accepted for ${policy.appealWindowDays} days (policy appealWindowDays), until ${until}` },
    ]);
  }
  const decidedBy = decision.by.office ?? rules.workingOffice;
  const reviewedBy = parentOf(decidedBy);
  if (!reviewedBy) {
    throw unprocessable([{ field: 'decision', reason: `was made by a provincial office (${decidedBy}); its review lies outside this deployment` }]);
  }
  return open(
    APPEAL,
    'lodge',
    {
      id: ids.caseId,
      ...(appealed.person ? { person: appealed.person } : {}),
      originCode: decidedBy,
      destinationCode: reviewedBy,
      appealed: {
        caseId: appealed.id,
        caseType: appealed.type,
        decision: {
          action: decision.action,
          at: decision.at,
          by: decision.by,
          from: decision.from,
          to: decision.to,
          ...(decision.reason ? { reason: decision.reason } : {}),
        },
      },
      grounds,
    },
    actor,
    policy,
    { eventId: ids.eventId, deadlineFrom: localDate(now) },
    now,
  );
}

/**
 * The reviewing office decides. Reversed: the appealed case goes back to the state it was in
 * before the decision (the table's `reinstate`), its history pointing at the appeal.
 */
export function decide<C extends CaseBase>(
  appeal: AppealCase,
  appealed: { case: C; workflow: Workflow<C, string>; policy: Policy; eventId: string; review: { caseId: string; eventId: string } },
  input: { outcome: 'upheld' | 'reversed'; reason: string },
  actor: Principal,
  policy: Policy,
  eventId: string,
  now: Date,
): Decision[] {
  const decided = transition(APPEAL, appeal, 'decide', actor, policy, eventId, now, {
    detail: { reason: input.reason },
    to: input.outcome,
    changes: () => ({ outcome: { decision: input.outcome, reason: input.reason, at: now.toISOString() } }),
  });
  if (input.outcome === 'upheld') return [decided];
  const before = appeal.appealed.decision.from as C['state'];
  const original = appealed.case;
  if (original.state !== appeal.appealed.decision.to) {
    throw conflict(`the appealed case has moved on (it is now ${original.state}); it cannot be put back`, { state: original.state });
  }
  // A registration registered again gets its residence reviews back (the revocation cancelled them).
  const reviews = original.type === 'registration' && before === 'registered';
  const reinstated = transition(appealed.workflow, original, 'reinstate', SYSTEM, appealed.policy, appealed.eventId, now, {
    to: before,
    detail: { note: `reversed on appeal ${appeal.id}: ${input.reason}` },
    changes: (next) => ({ ...undoDecision(next, before, appealed.policy), ...(reviews ? { reviewId: appealed.review.caseId } : {}) }),
  });
  if (!reviews) return [decided, reinstated];
  const registration = reinstated.case as unknown as Parameters<typeof scheduleReview>[0];
  return [decided, reinstated, scheduleReview(registration, 1, localDate(now), appealed.policy, appealed.review, now)];
}

/** What reinstating takes back: the revocation or rejection, and a processing deadline where one ran. */
function undoDecision<C extends CaseBase>(c: C, before: string, policy: Policy): Partial<C> {
  const started = { at: c.updatedAt, version: c.version };
  const record = c as unknown as { certificate?: { revoked?: unknown }; verificationCertificate?: { revoked?: unknown }; rejection?: unknown };
  const unrevoke = <T extends { revoked?: unknown }>(certificate: T | undefined) => {
    if (!certificate) return undefined;
    const { revoked: _revoked, ...rest } = certificate;
    return rest;
  };
  return {
    ...(record.certificate ? { certificate: unrevoke(record.certificate) } : {}),
    ...(record.verificationCertificate ? { verificationCertificate: unrevoke(record.verificationCertificate) } : {}),
    ...('rejection' in record ? { rejection: undefined } : {}),
    // Where a deadline ran before the decision, a new one starts: the office owes the case again.
    // (`c` is the reinstated case: its update time and version are the new deadline's start.)
    ...(before === 'applied' ? { deadline: startDeadline('originCertificateProcessing', localDate(new Date(c.updatedAt)), policy, started) } : {}),
    ...(before === 'reported' ? { deadline: startDeadline('verification', localDate(new Date(c.updatedAt)), policy, started) } : {}),
    ...(before === 'awaiting_supplement' ? { deadline: startDeadline('supplement', localDate(new Date(c.updatedAt)), policy, started) } : {}),
  } as Partial<C>;
}
