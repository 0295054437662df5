// Fan-out: each event written by a case transaction becomes one delivery per agency subscription
// that wants it, minimised by the subscription's purpose, and one per peer deployment holding
// its other side. Read from the table's stream in commit
// order (one at a time), so a case's deliveries enter their lanes in the order the events
// happened. The head of a lane is queued for delivery; the rest wait behind it in the table.
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { type Subscription, agencyEvent, wants } from '../../core/subscriptions.ts';
import { keyedId } from '../shared/cases.ts';
import { enqueueDelivery } from '../shared/deliveries.ts';
import { appendAudit } from '../shared/store/audit.ts';
import { logger } from '../shared/observability.ts';
import { allSubscriptions, recordDelivery } from '../shared/store/subscriptions.ts';

async function fanOut(record: DynamoDBRecord, subscriptions: Subscription[]): Promise<void> {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return;
  const row = unmarshall(image as Record<string, AttributeValue>);
  if (row.entity !== 'event') return;
  const event = row.event as { id: string; type: string; time: string; data: Record<string, unknown> };
  const auditPartition = row.auditPartition as string | undefined;
  const caseId = String(event.data?.caseId ?? row.caseId ?? '');
  // A disabled endpoint records nothing; a paused one holds what it wants until resumed.
  const wanting = subscriptions.filter((s) => s.state !== 'disabled' && wants(s, event));
  // Each subscription's lane is its own: they are written side by side.
  await Promise.all(
    wanting.map(async (s) => {
      // A peer deployment is an office like ours: it gets the whole event. An agency, what its purpose allows.
      const sent = s.kind === 'peer' ? event : agencyEvent(event, s.purpose);
      const { outcome, enqueue } = await recordDelivery(
        { id: event.id, subscriptionId: s.id, eventType: event.type, eventTime: event.time, caseId, event: sent },
        new Date(),
      );
      // What an agency receives of the person is in the person's access log.
      const person = (sent as { data?: { person?: Record<string, unknown> } }).data?.person;
      if (s.kind !== 'peer' && auditPartition && person) {
        await appendAudit([
          {
            partition: auditPartition,
            entry: {
              // One entry per event and subscription, however often the stream delivers it.
              id: keyedId(`${event.id}|${s.id}`),
              at: event.time,
              sub: `subscription:${s.id}`,
              role: 'agency',
              agency: s.agency,
              action: 'sent',
              caseId,
              caseType: String(event.data.caseType),
              fields: Object.keys(person).map((f) => `person.${f}`),
              route: 'event subscription',
              purpose: `event subscription (${s.purpose})`,
            },
          },
        ]);
      }
      if (enqueue) await enqueueDelivery(enqueue);
      logger.info('delivery', { outcome, queued: Boolean(enqueue), eventId: event.id, subscriptionId: s.id });
    }),
  );
}

/** The case an inserted event row belongs to (its partition), for grouping a batch. */
const caseOf = (record: DynamoDBRecord) => String(record.dynamodb?.Keys?.pk?.S ?? record.dynamodb?.SequenceNumber);

// A case's events in commit order, one at a time, stopping at its first failure; different cases
// side by side. The stream is retried from the earliest failed record, so no later event of a
// case overtakes it (records after it that went through are found recorded: nothing twice).
// The subscriptions are read once per batch.
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const subscriptions = await allSubscriptions();
  const byCase = new Map<string, DynamoDBRecord[]>();
  for (const record of event.Records) byCase.set(caseOf(record), [...(byCase.get(caseOf(record)) ?? []), record]);
  const failed: number[] = [];
  await Promise.all(
    [...byCase.values()].map(async (records) => {
      for (const record of records) {
        try {
          await fanOut(record, subscriptions);
        } catch (error) {
          logger.error('fan-out failed; the stream retries from this record', { error: error as Error, sequenceNumber: record.dynamodb?.SequenceNumber });
          failed.push(event.Records.indexOf(record));
          return;
        }
      }
    }),
  );
  if (failed.length === 0) return { batchItemFailures: [] };
  return { batchItemFailures: [{ itemIdentifier: event.Records[Math.min(...failed)]!.dynamodb?.SequenceNumber ?? '' }] };
};
