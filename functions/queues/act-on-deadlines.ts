// A deadline stage, or a held message, whose instant has come (the sweep queued it with the
// delay that makes it arrive then). The case is read again: a deadline met, moved or cleared
// meanwhile sends nothing. Each stage is done once (an intent recorded first, with a lease),
// however often it is delivered or however many sweeps queued it. A sweep that caught up
// queues several stages of a deadline at once: only the latest reminder and the furthest
// escalation act, the others are recorded as skipped (core/reminders.ts skipOf).
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { DomainError } from '../../core/errors.ts';
import { type StagePlan, planNoticeStage, planStage } from '../../core/deadline-stages.ts';
import { type Notice, acknowledgementNotice, stageNotice } from '../../core/notices.ts';
import { SYSTEM } from '../../core/principal.ts';
import type { DeadlineMessage, Stage } from '../../core/reminders.ts';
import { type Deadline, deadlineId, stagesOfDeadline, transition } from '../../core/workflows/engine.ts';
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

/** What carrying out a plan needs of its subject (a case, or a notice awaiting acknowledgement). */
interface Subject {
  /** The stage record's key of each stage of the subject's deadline. */
  keyOf: (stage: string) => string;
  overdue: (through: string) => Promise<string>;
  /** The id of the notice that tells `to` of the stage: stable, so a redelivered stage finds the one filed. */
  noticeId: (to: string) => string;
  /** The notice that tells `to` of the stage, naming the stages it stands for. */
  notice: (to: string, id: string, passed: string[]) => Notice;
}

/** Carries out what a stage means (core/deadline-stages.ts): the outcome its record keeps. */
async function carryOut(plan: StagePlan, subject: Subject, at: string): Promise<string> {
  switch (plan.act) {
    case 'nothing':
      return plan.outcome;
    case 'overdue':
      return subject.overdue(plan.through);
    case 'skip':
      for (const m of plan.messages) await putMessage(m);
      return plan.outcome;
    case 'escalate': {
      const passed = await passedOver(plan.supersedes, subject.keyOf);
      await fileNotice(subject.notice(plan.to, subject.noticeId(plan.to), passed));
      return `escalated to ${plan.to}${naming(passed)}`;
    }
    case 'remind': {
      const passed = await passedOver(plan.supersedes, subject.keyOf);
      // The office first, at once (offices have no quiet hours): a person's number that bounces must not hold it up.
      if (plan.office) await fileNotice(subject.notice(plan.office, subject.noticeId(plan.office), passed));
      if (plan.messages.length === 0) return `office reminded${naming(passed)}`;
      for (const m of plan.messages) await recordAndSend(m, at);
      return `office and person reminded${naming(passed)}`;
    }
  }
}

async function actOnStage(c: Case & { deadline: Deadline }, stage: Stage, now: Date): Promise<string> {
  const office = workingOffice(c);
  const keyOf = (name: string) => `${c.id}#${deadlineId(c.deadline)}#${name}`;
  const key = keyOf(stage.name);
  const policy = await policyFor(office);
  const plan = planStage(c, stage, now, policy, (channel) => keyedId(`${key}#${channel}`));
  return carryOut(plan, {
    keyOf,
    noticeId: (to) => keyedId(`${key}#${to}`),
    overdue: async (through) => {
      await commit([
        transition(workflowOf(c.type), c, 'expire', SYSTEM, policy, keyedId(`${key}#event`), now, {
          changes: (next) => ({ deadline: next.deadline ? { ...next.deadline, scheduledThrough: through } : null }),
        }),
      ]);
      return 'overdue';
    },
    notice: (to, id, passed) => stageNotice(c, stage, to, id, passed),
  }, now.toISOString());
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
    const outcome = await once(`${c.id}#${body.deadline}#${stage.name}`, stage.at, () => actOnStage({ ...c, deadline: c.deadline! }, stage, clockFor(body.asOf, stage.at)));
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

/** A stage of a notice's acknowledgement deadline: nothing once it is read. */
async function processNotice(body: Extract<DeadlineMessage, { type: 'notice' }>): Promise<void> {
  const notice = await getNotice(body.jurisdiction, body.eventId);
  if (!notice?.acknowledgeBy || notice.acknowledged) return;
  const acknowledgeBy = notice.acknowledgeBy;
  const stage = stagesOfDeadline(acknowledgeBy).find((s) => s.name === body.stage);
  if (!stage) return;
  const keyOf = (name: string) => `notice#${notice.jurisdiction}#${notice.eventId}#${name}`;
  await once(keyOf(stage.name), stage.at, () => {
    const now = clockFor(body.asOf, stage.at);
    const key = keyOf(stage.name);
    return carryOut(planNoticeStage({ ...notice, acknowledgeBy }, stage, now), {
      keyOf,
      // A reminder is filed under the stage's own key (its one office), an escalation under the office it goes to.
      noticeId: (to) => keyedId(stage.type === 'reminder' ? key : `${key}#${to}`),
      overdue: async (through) => {
        await markNoticeLate(notice, through);
        return 'late';
      },
      notice: (to, id, passed) => acknowledgementNotice(notice, stage, to, id, passed),
    }, now.toISOString());
  });
}

async function process(record: SQSRecord): Promise<void> {
  const body = JSON.parse(record.body) as DeadlineMessage | RecountMessage;
  if (body.type === 'recount') await processRecount(body, clock.now());
  else if (body.type === 'stage') await processStage(body);
  else if (body.type === 'notice') await processNotice(body);
  else await processRelease(body);
}

export const handler = async (event: SQSEvent, context: Context) => processPartialResponse(event, process, processor, { context });
