// The deadline sweep only enqueues. It reads the deadline index up to the end of its window
// (everything due by then and not yet queued, including what a missed sweep left behind) and
// sends one message per stage or held message to the deadlines queue, each delayed to arrive
// at its instant. The consumers act; the sweep's cost grows with what is due, not with cases.
import type { ScheduledEvent } from 'aws-lambda';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { type DeadlineMessage, stagesBetween } from '../../core/reminders.ts';
import { deadlineId, stagesOfDeadline } from '../../core/workflows/engine.ts';
import { sqsClient } from '../shared/clients.ts';
import { queueUrl } from '../shared/env.ts';
import { logger, metrics } from '../shared/observability.ts';
import { markScheduled } from '../shared/store/case-commit.ts';
import { dueBy } from '../shared/store/cases.ts';
import { fromNoticeItem, markNoticeScheduled } from '../shared/store/notices.ts';
import { scheduledAt } from '../shared/clock.ts';

/** How far ahead a scheduled sweep looks: its own period, so every instant is queued before it comes. */
export const SWEEP_WINDOW_SECONDS = 5 * 60;
/** SQS delays a message by at most 15 minutes. */
const MAX_DELAY_SECONDS = 900;

export interface SweepResult {
  /** Index entries read: cases with a stage due, held messages, unread notices. */
  examined: number;
  /** Messages sent to the deadlines queue. */
  enqueued: number;
  /** Cases that changed while the sweep read them: read again next time. */
  skipped: number;
  until: string;
}

/** `asOf` runs the sweep once as of that instant (npm run schedule -- … --at): no look-ahead, no delay. */
export type SweepEvent = Partial<ScheduledEvent> & { asOf?: string };

export const handler = async (event: SweepEvent = {}): Promise<SweepResult> => {
  const manual = event.asOf !== undefined;
  const clock = scheduledAt(event);
  const until = new Date(clock.getTime() + (manual ? 0 : SWEEP_WINDOW_SECONDS * 1000)).toISOString();
  const result: SweepResult = { examined: 0, enqueued: 0, skipped: 0, until };
  const delay = (at: string) => (manual ? 0 : Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil((Date.parse(at) - clock.getTime()) / 1000))));
  const extra = manual ? { asOf: clock.toISOString() } : {};

  // Messages go ten to a SendMessageBatch, up to ten batches at once; a case is marked queued
  // only once all of its stages are sent.
  let batch: { body: DeadlineMessage; delay: number }[] = [];
  /** What marks each read item queued through the window, once its messages are sent. */
  let waiting: (() => Promise<boolean>)[] = [];
  const flush = async () => {
    const batches = Array.from({ length: Math.ceil(batch.length / 10) }, (_, i) => batch.slice(i * 10, i * 10 + 10));
    await Promise.all(
      batches.map(async (entries) => {
        const sent = await sqsClient().send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl('deadlines'),
            Entries: entries.map((e, n) => ({ Id: String(n), MessageBody: JSON.stringify(e.body), DelaySeconds: e.delay })),
          }),
        );
        if (sent.Failed && sent.Failed.length > 0) throw new Error(`${sent.Failed.length} deadline message(s) were not queued`);
        result.enqueued += entries.length;
      }),
    );
    const marked = await Promise.all(waiting.map((mark) => mark()));
    result.skipped += marked.filter((ok) => !ok).length;
    batch = [];
    waiting = [];
  };

  for await (const due of dueBy(until)) {
    result.examined++;
    if (due.entity === 'message') {
      const { caseId, id, releaseAt } = due.item as { caseId: string; id: string; releaseAt: string };
      batch.push({ body: { type: 'release', caseId, messageId: id, ...extra }, delay: delay(releaseAt) });
    } else if (due.entity === 'notice') {
      const notice = fromNoticeItem(due.item);
      if (!notice.acknowledgeBy) continue;
      for (const stage of stagesBetween(stagesOfDeadline(notice.acknowledgeBy), notice.acknowledgeBy.scheduledThrough, until)) {
        batch.push({ body: { type: 'notice', jurisdiction: notice.jurisdiction, eventId: notice.eventId, stage: stage.name, ...extra }, delay: delay(stage.at) });
      }
      waiting.push(() => markNoticeScheduled(notice, until));
    } else {
      const c = due.case;
      if (!c.deadline) continue;
      const id = deadlineId(c.deadline);
      for (const stage of stagesBetween(stagesOfDeadline(c.deadline), c.deadline.scheduledThrough, until)) {
        batch.push({ body: { type: 'stage', caseId: c.id, deadline: id, stage: stage.name, ...extra }, delay: delay(stage.at) });
      }
      waiting.push(() => markScheduled(c, until));
    }
    if (batch.length >= 100) await flush();
  }
  await flush();
  logger.info('deadline sweep', { ...result, at: clock.toISOString() });
  metrics.addMetric('DeadlineStagesQueued', MetricUnit.Count, result.enqueued);
  metrics.publishStoredMetrics();
  return result;
};
