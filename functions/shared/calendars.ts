// A year's holiday notice loaded: every provisional working-day deadline is counted again with
// it, on the deadlines queue (a notice may move thousands; the admin's request does not wait),
// and a person whose date moved is told. The daily calendar check counts again too: a deadline
// started by a process whose cached calendar (REFERENCE_CACHE_SECONDS) predated the notice is
// found the next day.
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { DomainError } from '../../core/errors.ts';
import { NATIONAL_INBOX } from '../../core/notices.ts';
import { type Actor, deadlineId, recountDeadline } from '../../core/workflows/engine.ts';
import { workflowOf, workingOffice } from '../../core/workflows/index.ts';
import { rescheduledMessages } from '../../core/messages.ts';
import { keyedId } from './cases.ts';
import { recordAndSend } from './messages.ts';
import { sqsClient } from './clients.ts';
import { queueUrl } from './env.ts';
import { logger } from './observability.ts';
import { commit, dropProvisional, getCase, provisionalCases } from './store/cases.ts';
import { acknowledgeNotice, listNotices } from './store/notices.ts';
import { clearReferenceCache, loadedNotices, policyFor } from './store/reference.ts';

/** What the deadlines queue is sent when a notice is loaded. */
export interface RecountMessage {
  type: 'recount';
  year: number;
}

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

export async function queueRecount(year: number): Promise<void> {
  const body: RecountMessage = { type: 'recount', year };
  await sqsClient().send(new SendMessageCommand({ QueueUrl: queueUrl('deadlines'), MessageBody: JSON.stringify(body) }));
}

export interface Recount {
  examined: number;
  moved: { caseId: string; from: string; to: string }[];
}

/**
 * Counts every provisional deadline again with the calendar as it now stands. A marker whose
 * deadline was met or replaced meanwhile is dropped; one still provisional (it runs into a
 * later year with no notice either) stays; a case changed concurrently is left for the next
 * delivery of the message (its marker stays).
 */
export async function recountProvisional(now: Date): Promise<Recount> {
  clearReferenceCache();
  const notices = await loadedNotices();
  const result: Recount = { examined: 0, moved: [] };
  let retry = false;
  for await (const marker of provisionalCases()) {
    result.examined++;
    const c = await getCase(marker.caseId);
    if (!c?.deadline?.provisional || deadlineId(c.deadline) !== marker.deadline) {
      await dropProvisional(marker.caseId, marker.deadline);
      continue;
    }
    const policy = await policyFor(workingOffice(c));
    const decision = recountDeadline(workflowOf(c.type), c, policy, notices, keyedId(`${c.id}#${marker.deadline}#recount`), now);
    if (!decision) continue;
    try {
      await commit([decision]);
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === 'conflict')) throw error;
      retry = true;
      continue;
    }
    if (!decision.case.deadline?.provisional) await dropProvisional(c.id, marker.deadline);
    const to = decision.case.deadline!.date;
    if (to === c.deadline.date) continue;
    result.moved.push({ caseId: c.id, from: c.deadline.date, to });
    const person = 'person' in c && c.person?.phone ? c.person : undefined;
    if (person) {
      const at = now.toISOString();
      const notice = (decision.event.data.rescheduled as { notices: string[] }).notices.join('、') || '节假日安排';
      const messages = rescheduledMessages({ caseId: c.id, person, notice, from: c.deadline.date, to, at }, policy.quietHours, (channel) =>
        keyedId(`${c.id}#${deadlineId(decision.case.deadline!)}#rescheduled#${channel}`),
      );
      for (const m of messages) await recordAndSend(m, at);
    }
  }
  logger.info('provisional deadlines counted again', { examined: result.examined, moved: result.moved.length });
  if (retry) throw new Error('cases changed while provisional deadlines were counted again; retried');
  return result;
}
