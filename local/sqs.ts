// SQS on one machine: the fauxqs emulator embedded in this process, with SQLite persistence
// when a data folder is given. Queues and their dead-letter queues come from wiring/.
import { mkdirSync } from 'node:fs';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { interceptLocalhostDns, startFauxqs } from 'fauxqs';
import { type HoldingQueueName, type QueueName, holdingQueues, queues } from '../wiring/index.ts';
import { freePort } from './net.ts';

export interface LocalSqs {
  endpoint: string;
  stop(): Promise<void>;
}

let dnsIntercepted = false;

export async function startLocalSqs(options: { dataDir?: string; port?: number } = {}): Promise<LocalSqs> {
  // fauxqs queue URLs name hosts under .localhost; make them resolve to loopback.
  if (!dnsIntercepted) {
    interceptLocalhostDns();
    dnsIntercepted = true;
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const server = await startFauxqs({
    port: options.port ?? (await freePort()),
    // Queue URLs become http://sqs.<region>.localhost:<port>/…, resolved by the DNS hook above.
    host: 'localhost',
    logger: false,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  });
  return { endpoint: `http://127.0.0.1:${server.port}`, stop: () => server.stop() };
}

export const deadLetterQueueName = (name: string) => `liudong-${name}-dlq`;
export const queueName = (name: string) => `liudong-${name}`;

/** Creates every queue of the wiring with its DLQ and redrive policy; returns their URLs. */
export async function createQueues(sqs: SQSClient): Promise<Record<QueueName, { url: string; deadLetterUrl: string }>> {
  const urls = {} as Record<QueueName, { url: string; deadLetterUrl: string }>;
  for (const [name, spec] of Object.entries(queues) as [QueueName, (typeof queues)[QueueName]][]) {
    const dlq = await sqs.send(new CreateQueueCommand({ QueueName: deadLetterQueueName(name) }));
    const dlqArn = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }));
    const queue = await sqs.send(
      new CreateQueueCommand({
        QueueName: queueName(name),
        Attributes: {
          VisibilityTimeout: String(spec.visibilityTimeoutSeconds),
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: dlqArn.Attributes?.QueueArn,
            maxReceiveCount: spec.maxReceiveCount,
          }),
        },
      }),
    );
    urls[name] = { url: queue.QueueUrl!, deadLetterUrl: dlq.QueueUrl! };
  }
  return urls;
}

/** Creates the wiring's holding queues (no consumer, no DLQ); returns their URLs. */
export async function createHoldingQueues(sqs: SQSClient): Promise<Record<HoldingQueueName, string>> {
  const urls = {} as Record<HoldingQueueName, string>;
  for (const [name, spec] of Object.entries(holdingQueues) as [HoldingQueueName, (typeof holdingQueues)[HoldingQueueName]][]) {
    const queue = await sqs.send(
      new CreateQueueCommand({
        QueueName: queueName(name),
        Attributes: { MessageRetentionPeriod: String(spec.retentionDays * 24 * 3600) },
      }),
    );
    urls[name] = queue.QueueUrl!;
  }
  return urls;
}
