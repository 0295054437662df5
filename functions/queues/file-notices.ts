// Files each event from the notification queue as notices in the inboxes it concerns, each to
// be acknowledged by the receiving office's deadline (policy noticeAcknowledgement).
// Filing is idempotent (one notice per event and inbox), so redelivery is harmless;
// a record that fails is returned to the queue and, after maxReceiveCount, to its DLQ.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { localDate } from '../../core/calendar.ts';
import { noticesFor } from '../../core/notices.ts';
import { startDeadline } from '../../core/workflows/engine.ts';
import { fromCloudEvent } from '../shared/events.ts';
import { logger } from '../shared/observability.ts';
import { fileNotice } from '../shared/store/notices.ts';
import { policyFor } from '../shared/store/reference.ts';

const processor = new BatchProcessor(EventType.SQS);

async function file(record: SQSRecord): Promise<void> {
  const event = fromCloudEvent(JSON.parse(record.body));
  for (const notice of noticesFor(event)) {
    // Each inbox acknowledges by its own policy's deadline, counted from the event.
    const acknowledgeBy = startDeadline('noticeAcknowledgement', localDate(new Date(event.time)), await policyFor(notice.jurisdiction), { at: event.time, version: 1 });
    const outcome = await fileNotice({ ...notice, ...(acknowledgeBy ? { acknowledgeBy } : {}) });
    logger.info('notice', { outcome, eventId: event.id, type: event.type, jurisdiction: notice.jurisdiction });
  }
}

export const handler = async (event: SQSEvent, context: Context) => processPartialResponse(event, file, processor, { context });
