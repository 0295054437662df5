// A deadline stage, or a held message, whose instant has come (the sweep queued it with the
// delay that makes it arrive then). The case is read again: a deadline met, moved or cleared
// meanwhile sends nothing. Each stage is done once (an intent recorded first, with a lease),
// however often it is delivered or however many sweeps queued it.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { DomainError } from '../../core/errors.ts';
import { type Message, reminderMessages } from '../../core/messages.ts';
import { type Notice, acknowledgementNotice, stageNotice } from '../../core/notices.ts';
import { SYSTEM } from '../../core/principal.ts';
import { type DeadlineMessage, type Stage, escalationOffice } from '../../core/reminders.ts';
import { type Deadline, deadlineId, isOverdue, stagesOfDeadline, transition } from '../../core/workflows/engine.ts';
import { type Case, workflowOf, workingOffice } from '../../core/workflows/index.ts';
import { keyedId } from '../shared/cases.ts';
import { deliver } from '../shared/channels.ts';
import { logger } from '../shared/observability.ts';
import { commit, getCase } from '../shared/store/cases.ts';
import { getMessage, markSending, putMessage, settleMessage, unmarkSending } from '../shared/store/messages.ts';
import { fileNotice, getNotice, markNoticeLate } from '../shared/store/notices.ts';
import { policyFor } from '../shared/store/reference.ts';
import { claimStage, stageDone } from '../shared/store/stages.ts';
import * as clock from '../shared/clock.ts';

const processor = new BatchProcessor(EventType.SQS);

/** The person a case's reminders go to, if it has one. */
const personOf = (c: Case) => ('person' in c && c.person?.phone ? c.person : undefined);

/**
 * Sends a recorded message once and settles it; a refusal (a number or address that bounces) is
 * recorded, not thrown. One an earlier attempt handed to the channel is settled, not sent again.
 */
async function send(m: Message, from: 'queued' | 'held', at: string): Promise<void> {
  const mark = await markSending(m, from, at);
  if (mark === 'moved') return;
  if (mark === 'handed') {
    await settleMessage(m, from, 'sent', at);
    return;
  }
  let delivery;
  try {
    delivery = await deliver(m);
  } catch (error) {
    // The channel took nothing (throttled past the SDK's retries, unreachable): the retry sends it.
    await unmarkSending(m, from);
    throw error;
  }
  await settleMessage(m, from, delivery.sent ? 'sent' : 'failed', at, delivery.sent ? undefined : delivery.reason);
}

async function actOnStage(c: Case, stage: Stage, now: Date): Promise<string> {
  const deadline = c.deadline!;
  const withDeadline = { ...c, deadline };
  const office = workingOffice(c);
  const key = `${c.id}#${deadlineId(deadline)}#${stage.name}`;
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
      const above = escalationOffice(office, stage.level);
      if (!above) return 'no office above';
      await fileNotice(stageNotice(withDeadline, stage, above, keyedId(`${key}#${above}`)));
      return `escalated to ${above}`;
    }
    case 'reminder': {
      // A sweep catching up after an outage does not remind of a deadline already missed.
      if (now.toISOString() >= deadline.dueAt) return 'too late: the deadline has passed';
      // The office first: a person's number that bounces must not hold it up.
      if (stage.audience.includes('office')) await fileNotice(stageNotice(withDeadline, stage, office, keyedId(`${key}#${office}`)));
      const person = stage.audience.includes('person') ? personOf(c) : undefined;
      if (!person) return 'office reminded';
      const policy = await policyFor(office);
      const messages = reminderMessages(
        { caseId: c.id, stage: stage.name, kind: deadline.kind, person, date: deadline.date, daysBefore: stage.daysBefore, dueAt: stage.at },
        policy.quietHours,
        (channel) => keyedId(`${key}#${channel}`),
      );
      for (const m of messages) {
        await putMessage(m);
        const recorded = await getMessage(m.caseId, m.id);
        if (recorded?.state === 'queued') await send(recorded, 'queued', now.toISOString());
      }
      return 'office and person reminded';
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
    await send(m, 'held', (body.asOf ? new Date(body.asOf) : clock.now()).toISOString());
    return 'released';
  });
}

/** What a stage of a notice's acknowledgement deadline does: late, reminded, escalated. */
async function actOnNoticeStage(notice: Notice & { acknowledgeBy: Deadline }, stage: Stage, key: string, now: Date): Promise<string> {
  switch (stage.type) {
    case 'overdue':
      await markNoticeLate(notice, stage.at);
      return 'late';
    case 'reminder':
      if (now.toISOString() >= notice.acknowledgeBy.dueAt) return 'too late: the deadline has passed';
      await fileNotice(acknowledgementNotice(notice, stage, notice.jurisdiction, keyedId(key)));
      return 'office reminded';
    case 'escalation': {
      const above = escalationOffice(notice.jurisdiction, stage.level);
      if (!above) return 'no office above';
      await fileNotice(acknowledgementNotice(notice, stage, above, keyedId(`${key}#${above}`)));
      return `escalated to ${above}`;
    }
  }
}

/** A stage of a notice's acknowledgement deadline: nothing once it is read. */
async function processNotice(body: Extract<DeadlineMessage, { type: 'notice' }>): Promise<void> {
  const notice = await getNotice(body.jurisdiction, body.eventId);
  if (!notice?.acknowledgeBy || notice.acknowledged) return;
  const acknowledgeBy = notice.acknowledgeBy;
  const stage = stagesOfDeadline(acknowledgeBy).find((s) => s.name === body.stage);
  if (!stage) return;
  const key = `notice#${notice.jurisdiction}#${notice.eventId}#${stage.name}`;
  await once(key, stage.at, () => actOnNoticeStage({ ...notice, acknowledgeBy }, stage, key, clockFor(body.asOf, stage.at)));
}

async function process(record: SQSRecord): Promise<void> {
  const body = JSON.parse(record.body) as DeadlineMessage;
  if (body.type === 'stage') await processStage(body);
  else if (body.type === 'notice') await processNotice(body);
  else await processRelease(body);
}

export const handler = async (event: SQSEvent, context: Context) => processPartialResponse(event, process, processor, { context });
