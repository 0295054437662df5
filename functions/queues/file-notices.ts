// Files each event from the notification queue as notices in the inboxes it concerns.
// A record that fails is returned to the queue and, after maxReceiveCount, to its DLQ.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { eventSpec } from '../../core/events.ts';
import { fromCloudEvent } from '../shared/events.ts';
import { fileEventNotices } from '../shared/notices.ts';

const processor = new BatchProcessor(EventType.SQS);

async function file(record: SQSRecord): Promise<void> {
  const body = JSON.parse(record.body) as { type?: unknown };
  // An event about no case (a published report) goes to its subscribers alone; anything else must be a case's event.
  if (eventSpec(String(body.type))?.caseType === null) return;
  await fileEventNotices(fromCloudEvent(body));
}

export const handler = async (event: SQSEvent, context: Context) => processPartialResponse(event, file, processor, { context });
