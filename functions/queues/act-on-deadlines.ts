// A deadline stage, or a held message, whose instant has come (the sweep queued it with the
// delay that makes it arrive then). The case is read again: a deadline met, moved or cleared
// meanwhile sends nothing. Each stage is done once (an intent recorded first, with a lease),
// however often it is delivered or however many sweeps queued it. A sweep that caught up
// queues several stages of a deadline at once: only the latest reminder and the furthest
// escalation act, the others are recorded as skipped (core/reminders.ts skipOf).
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { localDate } from '../../core/calendar.ts';
import { DomainError } from '../../core/errors.ts';
import { recipientOf, reminderMessages } from '../../core/messages.ts';
import { type Notice, acknowledgementNotice, stageNotice } from '../../core/notices.ts';
import { SYSTEM } from '../../core/principal.ts';
import { type DeadlineMessage, type Stage, daysLeft, escalationOffice, skipOf, supersedes } from '../../core/reminders.ts';
import { type Deadline, deadlineId, isOverdue, stagesOfDeadline, transition } from '../../core/workflows/engine.ts';
import { type Case, workflowOf, workingOffice } from '../../core/workflows/index.ts';
import { type RecountMessage, processRecount } from '../shared/calendars.ts';
import { keyedId } from '../shared/cases.ts';
import { recordAndSend, sendMessage } from '../shared/messages.ts';
import { logger } from '../shared/observability.ts';
import { commit } from '../shared/store/case-commit.ts';
import { getCase } from '../shared/store/cases.ts';
import { getMessage, putMessage, settleMessage } from '../shared/store/messages.ts';
import { fileNotice, getNotice, markNoticeLate } from '../shared/store/notices.ts';
import { policyFor } from '../shared/store/reference.ts';
import { claimStage, stageDone, stageRecord } from '../shared/store/stages.ts';
import * as clock from '../shared/clock.ts';

const processor = new BatchProcessor(EventType.SQS);



/**
 * Of the earlier stages a stage supersedes now, those that were not acted on in their own time:
 * the ones its notice names as skipped (a stage done before, in time, was not).
 */
async function passedOver(candidates: readonly Stage[], keyOf: (stage: string) => string): Promise<string[]> {
  const passed: string[] = [];
  for (const s of candidates) {
    const record = await stageRecord(keyOf(s.name));
    if (record?.state !== 'done' || record.outcome?.startsWith('skipped')) passed.push(s.name);
  }
  return passed;
}

const naming = (passed: readonly string[]) => (passed.length > 0 ? `; ${passed.join(', ')} skipped for it` : '');

async function actOnStage(c: Case, stage: Stage, now: Date): Promise<string> {
  const deadline = c.deadline!;
  const withDeadline = { ...c, deadline };
  const office = workingOffice(c);
  const keyOf = (name: string) => `${c.id}#${deadlineId(deadline)}#${name}`;
  const key = keyOf(stage.name);
  const at = now.toISOString();
  const stages = { dueAt: deadline.dueAt, stages: stagesOfDeadline(deadline) };
  switch (stage.type) {
    case 'overdue': {
      const workflow = workflowOf(c.type);
      if (!isOverdue(workflow, c, now)) return 'not overdue';
      // The deadline stays; this stage is behind it (a sweep that read the case earlier must not queue it again).
      const through = [deadline.scheduledThrough ?? '', stage.at].sort().at(-1)!;
      await commit([
        transition(workflow, c, 'expire', SYSTEM, await policyFor(office), keyedId(`${key}#event`), now, {
          changes: (next) => ({ deadline: next.deadline ? { ...next.deadline, scheduledThrough: through } : null }),
        }),
      ]);
      return 'overdue';
    }
    case 'escalation': {
      // Several levels overdue at once (a sweep caught up): only the furthest is filed.
      const skip = skipOf(stage, stages, at, { office });
      if (skip) return `skipped: ${skip.reason}`;
      const above = escalationOffice(office, stage.level);
      if (!above) return 'no office above';
      const passed = await passedOver(supersedes(stage, stages, at, { office }), keyOf);
      await fileNotice(stageNotice(withDeadline, stage, above, keyedId(`${key}#${above}`), passed));
      return `escalated to ${above}${naming(passed)}`;
    }
    case 'reminder': {
      const policy = await policyFor(office);
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
            (channel) => keyedId(`${key}#${channel}`),
          )
        : [];
      if (skip) {
        for (const m of messages) await putMessage(m);
        return `skipped: ${skip.reason}`;
      }
      const passed = await passedOver(supersedes(stage, stages, at, context), keyOf);
      // The office first, at once (offices have no quiet hours): a person's number that bounces must not hold it up.
      if (stage.audience.includes('office')) await fileNotice(stageNotice(withDeadline, stage, office, keyedId(`${key}#${office}`), passed));
      if (!person) return `office reminded${naming(passed)}`;
      for (const m of messages) await recordAndSend(m, at);
      return `office and person reminded${naming(passed)}`;
    }
  }
}

/** The clock a stage acts with: the run's (`asOf`) or the wall clock, and never before the stage's instant. */
const clockFor = (asOf: string | undefined, at: string) => new Date(Math.max(asOf ? Date.parse(asOf) : clock.now().getTime(), Date.parse(at)));

/**
 * Does `act` once for `key`: the intent is recorded first (with a lease), a stage already done
 * is skipped, one another worker holds goes back to the queue, and the outcome is recorded.
 */
async function once(key: string, intendedAt: string, act: () => Promise<string>): Promise<string | undefined> {
  const claim = await claimStage(key);
  if (claim === 'done') return undefined;
  if (claim === 'busy') throw new Error(`${key} is being worked on; retried after its lease`);
  const outcome = await act();
  await stageDone(key, outcome, intendedAt);
  return outcome;
}

async function processStage(body: Extract<DeadlineMessage, { type: 'stage' }>): Promise<void> {
  const c = await getCase(body.caseId);
  // Met, moved or cleared since it was queued: nothing is sent for it.
  if (!c?.deadline || deadlineId(c.deadline) !== body.deadline) return;
  const stage = stagesOfDeadline(c.deadline).find((s) => s.name === body.stage);
  if (!stage) return;
  try {
    const outcome = await once(`${c.id}#${body.deadline}#${stage.name}`, stage.at, () => actOnStage(c, stage, clockFor(body.asOf, stage.at)));
    if (outcome) logger.info('deadline stage', { caseId: c.id, deadline: body.deadline, stage: stage.name, outcome, intendedAt: stage.at, actedAt: new Date().toISOString() });
  } catch (error) {
    // The case changed between reading and acting: the next delivery reads it again.
    if (error instanceof DomainError && error.kind === 'conflict') throw new Error(`case ${c.id} changed while stage ${stage.name} acted; retried`);
    throw error;
  }
}

async function processRelease(body: Extract<DeadlineMessage, { type: 'release' }>): Promise<void> {
  const m = await getMessage(body.caseId, body.messageId);
  if (m?.state !== 'held') return;
  await once(`release#${m.id}`, m.releaseAt ?? m.dueAt, async () => {
    const at = (body.asOf ? new Date(body.asOf) : clock.now()).toISOString();
    // A reminder held overnight says nothing once its deadline was met, moved or missed meanwhile.
    if (m.deadline) {
      const c = await getCase(m.caseId);
      const stale = !c?.deadline || deadlineId(c.deadline) !== m.deadline ? 'the deadline was met or moved while it was held' : at >= c.deadline.dueAt ? 'the deadline passed while it was held' : undefined;
      if (stale) {
        await settleMessage(m, 'held', 'skipped', at, stale);
        return `skipped: ${stale}`;
      }
    }
    await sendMessage(m, 'held', at);
    return 'released';
  });
}

/** What a stage of a notice's acknowledgement deadline does: late, reminded, escalated (the catch-up rule as for a case's). */
async function actOnNoticeStage(notice: Notice & { acknowledgeBy: Deadline }, stage: Stage, keyOf: (stage: string) => string, now: Date): Promise<string> {
  const key = keyOf(stage.name);
  const at = now.toISOString();
  const stages = { dueAt: notice.acknowledgeBy.dueAt, stages: stagesOfDeadline(notice.acknowledgeBy) };
  const context = { office: notice.jurisdiction };
  if (stage.type === 'overdue') {
    await markNoticeLate(notice, stage.at);
    return 'late';
  }
  const skip = skipOf(stage, stages, at, context);
  if (skip) return `skipped: ${skip.reason}`;
  const passed = await passedOver(supersedes(stage, stages, at, context), keyOf);
  if (stage.type === 'reminder') {
    await fileNotice(acknowledgementNotice(notice, stage, notice.jurisdiction, keyedId(key), passed));
    return `office reminded${naming(passed)}`;
  }
  const above = escalationOffice(notice.jurisdiction, stage.level);
  if (!above) return 'no office above';
  await fileNotice(acknowledgementNotice(notice, stage, above, keyedId(`${key}#${above}`), passed));
  return `escalated to ${above}${naming(passed)}`;
}

/** A stage of a notice's acknowledgement deadline: nothing once it is read. */
async function processNotice(body: Extract<DeadlineMessage, { type: 'notice' }>): Promise<void> {
  const notice = await getNotice(body.jurisdiction, body.eventId);
  if (!notice?.acknowledgeBy || notice.acknowledged) return;
  const acknowledgeBy = notice.acknowledgeBy;
  const stage = stagesOfDeadline(acknowledgeBy).find((s) => s.name === body.stage);
  if (!stage) return;
  const keyOf = (name: string) => `notice#${notice.jurisdiction}#${notice.eventId}#${name}`;
  await once(keyOf(stage.name), stage.at, () => actOnNoticeStage({ ...notice, acknowledgeBy }, stage, keyOf, clockFor(body.asOf, stage.at)));
}

async function process(record: SQSRecord): Promise<void> {
  const body = JSON.parse(record.body) as DeadlineMessage | RecountMessage;
  if (body.type === 'recount') await processRecount(body, clock.now());
  else if (body.type === 'stage') await processStage(body);
  else if (body.type === 'notice') await processNotice(body);
  else await processRelease(body);
}

export const handler = async (event: SQSEvent, context: Context) => processPartialResponse(event, process, processor, { context });
