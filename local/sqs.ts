// SQS on one machine: the fauxqs emulator embedded in this process, with SQLite persistence
// when a data folder is given. Queues and their dead-letter queues come from wiring/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { interceptLocalhostDns, startFauxqs } from 'fauxqs';
import { type HoldingQueueName, type QueueName, holdingQueues, physicalName, queues } from '../wiring/index.ts';
import { freePort } from './net.ts';

export interface LocalSqs {
  endpoint: string;
  /** The fauxqs server: SQS, and the S3 the import uploads land in. */
  server: Awaited<ReturnType<typeof startFauxqs>>;
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
    // The spy tells the local stack when an object lands in S3 (it then sends the S3 event notification).
    messageSpies: true,
    ...(options.dataDir ? { dataDir: options.dataDir, s3StorageDir: path.join(options.dataDir, 's3') } : {}),
  });
  return { endpoint: `http://127.0.0.1:${server.port}`, server, stop: () => server.stop() };
}

export const deadLetterQueueName = (name: string) => physicalName('liudong', `${name}-dlq`);
export const queueName = (name: string) => physicalName('liudong', name);

export interface LocalQueue {
  url: string;
  arn: string;
  deadLetterUrl: string;
}

const arnOf = async (sqs: SQSClient, url: string) =>
  (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;

/** Creates a queue with its dead-letter queue and redrive policy. */
export async function createQueueWithDeadLetters(
  sqs: SQSClient,
  name: string,
  options: { deadLetterName: string; visibilityTimeoutSeconds: number; maxReceiveCount: number },
): Promise<LocalQueue> {
  const dlq = await sqs.send(new CreateQueueCommand({ QueueName: options.deadLetterName }));
  const queue = await sqs.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        VisibilityTimeout: String(options.visibilityTimeoutSeconds),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: await arnOf(sqs, dlq.QueueUrl!),
          maxReceiveCount: options.maxReceiveCount,
        }),
      },
    }),
  );
  return { url: queue.QueueUrl!, arn: await arnOf(sqs, queue.QueueUrl!), deadLetterUrl: dlq.QueueUrl! };
}

/** Creates every queue of the wiring with its DLQ and redrive policy. */
export async function createQueues(sqs: SQSClient): Promise<Record<QueueName, LocalQueue>> {
  const created = {} as Record<QueueName, LocalQueue>;
  for (const [name, spec] of Object.entries(queues) as [QueueName, (typeof queues)[QueueName]][]) {
    created[name] = await createQueueWithDeadLetters(sqs, queueName(name), {
      deadLetterName: deadLetterQueueName(name),
      visibilityTimeoutSeconds: spec.visibilityTimeoutSeconds,
      maxReceiveCount: spec.maxReceiveCount,
    });
  }
  return created;
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

/** Moves every message of a queue's dead-letter queue back to the queue (as SQS's redrive does in AWS). */
export async function replayDeadLetters(sqs: SQSClient, queue: LocalQueue): Promise<number> {
  let moved = 0;
  for (;;) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.deadLetterUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
    if (Messages.length === 0) return moved;
    await sqs.send(
      new SendMessageBatchCommand({ QueueUrl: queue.url, Entries: Messages.map((m, i) => ({ Id: String(i), MessageBody: m.Body! })) }),
    );
    await sqs.send(
      new DeleteMessageBatchCommand({ QueueUrl: queue.deadLetterUrl, Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }),
    );
    moved += Messages.length;
  }
}

/** How many messages wait in each queue's dead-letter queue. */
export async function deadLetterCounts(sqs: SQSClient, urls: Record<QueueName, LocalQueue>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, q] of Object.entries(urls)) {
    const { Attributes: a = {} } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: q.deadLetterUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
    counts[name] = Number(a.ApproximateNumberOfMessages ?? 0);
  }
  return counts;
}
