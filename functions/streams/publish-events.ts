// Outbox relay: each event row written in a case transaction reaches the notification queue
// (inboxes) and the statistics queue (counters).
// The stream is filtered to inserted event rows; a failed record is retried from its
// sequence number (partial batch response), so events are delivered at least once.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { sqsClient } from '../shared/clients.ts';
import { queueUrl } from '../shared/env.ts';
import { logger } from '../shared/observability.ts';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

async function relay(record: DynamoDBRecord): Promise<void> {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return;
  const row = unmarshall(image as Record<string, AttributeValue>);
  if (row.entity !== 'event') return;
  const event = row.event as { id: string; type: string };
  const actedBy = row.actedBy as { role: string; office?: string } | undefined;
  // Who acted travels beside the event, not in it: the statistics count an office's own changes.
  const attributes = {
    type: { DataType: 'String', StringValue: event.type },
    ...(actedBy ? { actedByRole: { DataType: 'String', StringValue: actedBy.role } } : {}),
    ...(actedBy?.office ? { actedByOffice: { DataType: 'String', StringValue: actedBy.office } } : {}),
  };
  // Both consumers are idempotent: a retried record that reached one queue already is harmless.
  await Promise.all(
    (['notifications', 'statistics'] as const).map((queue) =>
      sqsClient().send(
        new SendMessageCommand({
          QueueUrl: queueUrl(queue),
          MessageBody: JSON.stringify(event),
          MessageAttributes: attributes,
        }),
      ),
    ),
  );
  logger.info('event relayed', { eventId: event.id, type: event.type });
}

// In order, one at a time: events of a case reach the queue in the order they happened.
export const handler = async (event: DynamoDBStreamEvent, context: Context) =>
  processPartialResponse(event, relay, processor, { context, processInParallel: false });
