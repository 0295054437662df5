// A year's holiday notice loaded: every provisional working-day deadline is counted again with
// it on the deadlines queue, a shard's markers a page at a time (a notice may move thousands;
// the admin's request does not wait, and no worker runs past its timeout). The daily calendar
// check queues the same, so a deadline started by a process whose cached calendar
// (REFERENCE_CACHE_SECONDS) predated the notice is found the next morning.
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { DomainError } from '../../core/errors.ts';
import { recipientOf, rescheduledMessages } from '../../core/messages.ts';
import { NATIONAL_INBOX } from '../../core/notices.ts';
import { type Actor, deadlineId, recountDeadline } from '../../core/workflows/engine.ts';
import { workflowOf, workingOffice } from '../../core/workflows/index.ts';
import { keyedId } from './cases.ts';
import { sqsClient } from './clients.ts';
import { queueUrl } from './env.ts';
import { logger } from './observability.ts';
import { commit, dropProvisional } from './store/case-commit.ts';
import { getCase, provisionalPage } from './store/cases.ts';
import { DEADLINE_SHARDS } from './store/keys.ts';
import { messagePut } from './store/messages.ts';
import { acknowledgeNotice, listNotices } from './store/notices.ts';
import { clearReferenceCache, currentNotices, policyFor } from './store/reference.ts';

/** What the deadlines queue is sent: count a shard's provisional deadlines again, from after a case id. */
export interface RecountMessage {
  type: 'recount';
  shard: number;
  after?: string;
}

/** Markers one message works through: a page well inside the worker's timeout. */
export const RECOUNT_PAGE = 25;

/** Sends recount messages to the deadlines queue, ten to a batch. */
async function sendRecounts(bodies: readonly RecountMessage[]): Promise<void> {
  for (let i = 0; i < bodies.length; i += 10) {
    const sent = await sqsClient().send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl('deadlines'),
        Entries: bodies.slice(i, i + 10).map((body, n) => ({ Id: String(n), MessageBody: JSON.stringify(body) })),
      }),
    );
    if (sent.Failed && sent.Failed.length > 0) throw new Error(`${sent.Failed.length} recount message(s) were not queued`);
  }
}

/** Queues a recount of every shard. */
export const queueRecount = (): Promise<void> => sendRecounts(Array.from({ length: DEADLINE_SHARDS }, (_, shard) => ({ type: 'recount', shard })));

/** The national inbox's notices that a year's holiday notice was missing, read by whoever loaded it. */
export async function settleMissingNotices(year: number, by: Actor, at: string): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await listNotices(NATIONAL_INBOX, 100, cursor, true);
    for (const n of page.items) {
      if (n.type === 'calendar.notice_missing' && n.data.year === year) await acknowledgeNotice(NATIONAL_INBOX, n.eventId, by, at);
    }
    cursor = page.cursor;
  } while (cursor);
}

export interface Recount {
  examined: number;
  moved: { caseId: string; from: string; to: string }[];
  /** Where the next page starts, when there is one. */
  after?: string;
}

/**
 * Counts one page of a shard's provisional deadlines again with the calendar as it now stands.
 * A marker whose deadline was met or replaced meanwhile is dropped; one still provisional (it
 * awaits a later year's notice too) stays. The person is told when a date they owe moved: the
 * message is recorded with the case's change, held for the deadline worker to send (so a
 * throttled channel or a crash loses nothing). A case changed concurrently keeps its marker
 * for the next delivery.
 */
export async function recountPage(shard: number, after: string | undefined, now: Date): Promise<Recount> {
  clearReferenceCache();
  const notices = await currentNotices();
  const page = await provisionalPage(shard, after, RECOUNT_PAGE);
  const result: Recount = { examined: 0, moved: [], ...(page.last ? { after: page.last } : {}) };
  let retry = false;
  const at = now.toISOString();
  for (const marker of page.items) {
    result.examined++;
    const c = await getCase(marker.caseId);
    if (!c?.deadline?.provisional || deadlineId(c.deadline) !== marker.deadline) {
      await dropProvisional(marker.caseId, marker.deadline);
      continue;
    }
    const policy = await policyFor(workingOffice(c));
    const decision = recountDeadline(workflowOf(c.type), c, policy, notices, keyedId(`${c.id}#${marker.deadline}#recount`), now);
    if (!decision) continue;
    const next = decision.case.deadline!;
    const moved = next.date !== c.deadline.date;
    // Told by SMS (and e-mail) only of a deadline the person is reminded of: the office's own is its inbox's.
    const person = moved && policy.reminders[next.kind].remind.includes('person') ? recipientOf(c) : undefined;
    const notice = (decision.event.data.rescheduled as { notices: string[] }).notices.join('、') || '节假日安排';
    const messages = person
      ? rescheduledMessages({ caseId: c.id, person, notice, from: c.deadline.date, to: next.date, at, deadline: deadlineId(next) }, policy.quietHours, (channel) =>
          keyedId(`${c.id}#${deadlineId(next)}#rescheduled#${channel}`),
        )
      : [];
    try {
      const items = await Promise.all(messages.map(async (m) => ({ item: await messagePut(m), conflict: `message ${m.id} exists` })));
      await commit([decision], items);
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === 'conflict')) throw error;
      retry = true;
      continue;
    }
    if (!next.provisional) await dropProvisional(c.id, marker.deadline);
    if (moved) result.moved.push({ caseId: c.id, from: c.deadline.date, to: next.date });
  }
  logger.info('provisional deadlines counted again', { shard, examined: result.examined, moved: result.moved.length });
  if (retry) throw new Error(`cases changed while shard ${shard}'s provisional deadlines were counted again; retried`);
  return result;
}

/** A recount message: one page, and the next page queued behind it. */
export async function processRecount(body: RecountMessage, now: Date): Promise<void> {
  const done = await recountPage(body.shard, body.after, now);
  if (done.after) await sendRecounts([{ type: 'recount', shard: body.shard, after: done.after }]);
}
