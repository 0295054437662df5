// Queueing a delivery attempt: one message per attempt, delayed to its instant in hops of at
// most 15 minutes (SQS's longest delay); the worker sends a message that arrives early on again.
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { hopDelaySeconds } from '../../core/subscriptions.ts';
import { sqsClient } from './clients.ts';
import { queueUrl } from './env.ts';
import type { Enqueued } from './store/subscriptions.ts';

export interface DeliveryMessage {
  subscriptionId: string;
  /** The delivery's sort key (DELIVERY#<time>#<eventId>). */
  sk: string;
  /** Which attempt this message is for: a copy arriving after it was made does nothing. */
  attempt: number;
  /** Not before this instant (a retry's time); absent for at once. */
  notBefore?: string;
}

export async function enqueueDelivery(message: NonNullable<Enqueued> & { notBefore?: string }, now = new Date()): Promise<void> {
  const body: DeliveryMessage = { subscriptionId: message.subscriptionId, sk: message.sk, attempt: message.attempt, ...(message.notBefore ? { notBefore: message.notBefore } : {}) };
  await sqsClient().send(
    new SendMessageCommand({
      QueueUrl: queueUrl('deliveries'),
      MessageBody: JSON.stringify(body),
      DelaySeconds: message.notBefore ? hopDelaySeconds(message.notBefore, now) : 0,
    }),
  );
}
