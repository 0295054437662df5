// What a deadline stage means when its instant comes: the case turns overdue, the office above
// is told, or the office and the person are reminded; or nothing, or a reminder recorded as
// skipped because a later one stands for it (a sweep that caught up). A plan, decided from the
// case, the stage, the policy and the moment; functions/queues/act-on-deadlines.ts carries it out
// (writes the transition, files the notices, records and sends the messages) once per stage.
import { localDate } from './calendar.ts';
import { type Message, recipientOf, reminderMessages } from './messages.ts';
import type { Policy } from './policy.ts';
import { type Stage, daysLeft, escalationOffice, skipOf, supersedes } from './reminders.ts';
import { type Deadline, deadlineId, isOverdue, stagesOfDeadline } from './workflows/engine.ts';
import { type Case, workflowOf, workingOffice } from './workflows/index.ts';

export type StagePlan =
  /** Nothing to do; `outcome` is what the stage's record says. */
  | { act: 'nothing'; outcome: string }
  /** Overdue: a case takes the workflow's `expire` (its deadline stays, scheduled through `through`); a notice is marked late. */
  | { act: 'overdue'; through: string }
  /** A later stage stands for this one: its messages are recorded as skipped, not sent. */
  | { act: 'skip'; outcome: string; messages: Message[] }
  /** The office `to` above the working office is told; `supersedes` are the lower levels this one stands for. */
  | { act: 'escalate'; to: string; supersedes: Stage[] }
  /** The working office (when it is in the audience) and the person are reminded. */
  | { act: 'remind'; office?: string; messages: Message[]; supersedes: Stage[] };

/**
 * The plan for `stage` of the case's current deadline at `now`. `ids` makes the stable id of
 * each message this stage sends (by channel), so a redelivered stage finds the same ones.
 */
export function planStage(c: Case & { deadline: Deadline }, stage: Stage, now: Date, policy: Policy, ids: (channel: string) => string): StagePlan {
  const { deadline } = c;
  const office = workingOffice(c);
  const at = now.toISOString();
  const stages = { dueAt: deadline.dueAt, stages: stagesOfDeadline(deadline) };
  switch (stage.type) {
    case 'overdue': {
      if (!isOverdue(workflowOf(c.type), c, now)) return { act: 'nothing', outcome: 'not overdue' };
      // This stage is behind the deadline: a sweep that read the case earlier must not queue it again.
      return { act: 'overdue', through: [deadline.scheduledThrough ?? '', stage.at].sort().at(-1)! };
    }
    case 'escalation':
      return escalation(stage, stages, at, office);
    case 'reminder': {
      const context = { office, quiet: policy.quietHours };
      // A sweep catching up sends only the latest reminder still before the deadline; the others are recorded.
      const skip = skipOf(stage, stages, at, context);
      const person = stage.audience.includes('person') ? recipientOf(c) : undefined;
      // Each text says the days left on the day it goes: at once, or when the quiet hours end.
      const messages = person
        ? reminderMessages(
            {
              caseId: c.id,
              stage: stage.name,
              kind: deadline.kind,
              person,
              deadline: { id: deadlineId(deadline), date: deadline.date, dueAt: deadline.dueAt },
              dueAt: skip ? stage.at : at,
              daysLeft: (instant) => daysLeft(localDate(new Date(instant)), deadline, policy.calendar),
              skipped: skip,
            },
            policy.quietHours,
            ids,
          )
        : [];
      if (skip) return { act: 'skip', outcome: `skipped: ${skip.reason}`, messages };
      return { act: 'remind', ...(stage.audience.includes('office') ? { office } : {}), messages, supersedes: supersedes(stage, stages, at, context) };
    }
  }
}

type Stages = { dueAt: string; stages: readonly Stage[] };

/** Several levels overdue at once (a sweep caught up): only the furthest is filed, naming the levels it stands for. */
function escalation(stage: Extract<Stage, { type: 'escalation' }>, stages: Stages, at: string, office: string): StagePlan {
  const skip = skipOf(stage, stages, at, { office });
  if (skip) return { act: 'nothing', outcome: `skipped: ${skip.reason}` };
  const above = escalationOffice(office, stage.level);
  if (!above) return { act: 'nothing', outcome: 'no office above' };
  return { act: 'escalate', to: above, supersedes: supersedes(stage, stages, at, { office }) };
}

/**
 * A stage of a notice's acknowledgement deadline, one more deadline kind with the same catch-up
 * rule: late at its instant, the inbox's office reminded (offices have no quiet hours), the
 * offices above told.
 */
export function planNoticeStage(notice: { jurisdiction: string; acknowledgeBy: Deadline }, stage: Stage, now: Date): StagePlan {
  const office = notice.jurisdiction;
  const at = now.toISOString();
  const stages = { dueAt: notice.acknowledgeBy.dueAt, stages: stagesOfDeadline(notice.acknowledgeBy) };
  switch (stage.type) {
    case 'overdue':
      return { act: 'overdue', through: stage.at };
    case 'escalation':
      return escalation(stage, stages, at, office);
    case 'reminder': {
      const skip = skipOf(stage, stages, at, { office });
      if (skip) return { act: 'nothing', outcome: `skipped: ${skip.reason}` };
      return { act: 'remind', office, messages: [], supersedes: supersedes(stage, stages, at, { office }) };
    }
  }
}
