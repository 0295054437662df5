// Files each event from the notification queue as notices in the inboxes it concerns.
// Filing is idempotent (one notice per event and inbox), so redelivery is harmless;
// a record that fails is returned to the queue and, after maxReceiveCount, to its DLQ.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { noticesFor } from '../../core/notices.ts';
import { fromCloudEvent } from '../shared/events.ts';
import { logger } from '../shared/observability.ts';
import { fileNotice } from '../shared/store/notices.ts';

const processor = new BatchProcessor(EventType.SQS);

async function file(record: SQSRecord): Promise<void> {
  const event = fromCloudEvent(JSON.parse(record.body));
  for (const notice of noticesFor(event)) {
    const outcome = await fileNotice(notice);
    logger.info('notice', { outcome, eventId: event.id, type: event.type, jurisdiction: notice.jurisdiction });
  }
}

export const handler = async (event: SQSEvent, context: Context) => processPartialResponse(event, file, processor, { context });
