// The local stack's event-source emulation: SQS partial batch failures, redelivery and DLQ;
// the DynamoDB stream read in order, filtered, and resumed from its checkpoint.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../core/policy.ts';
import { report } from '../../core/workflows/registration.ts';
import type { DynamoDbLocal } from '../../local/dynamodb.ts';
import { startQueueConsumer } from '../../local/queue-consumer.ts';
import { type LocalSqs, createQueueWithDeadLetters, startLocalSqs } from '../../local/sqs.ts';
import { startStreamConsumer } from '../../local/stream-consumer.ts';
import { streams } from '../../wiring/index.ts';
import { startTestDynamo } from '../support/dynamodb.ts';
import { until } from '../support/wait.ts';

const store = {
  ...(await import('../../functions/shared/store/cases.ts')),
  ...(await import('../../functions/shared/store/case-commit.ts')),
  ...(await import('../../functions/shared/store/notices.ts')),
};
const { toCloudEvent } = await import('../../functions/shared/events.ts');

let dynamo: DynamoDbLocal;
let dynamoClient: DynamoDBClient;
let streamArn: string;
let sqs: LocalSqs;
let sqsClient: SQSClient;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'liudong-test-'));

beforeAll(async () => {
  ({ dynamo, client: dynamoClient, streamArn } = await startTestDynamo());
  sqs = await startLocalSqs();
  sqsClient = new SQSClient({ endpoint: sqs.endpoint, useQueueUrlAsEndpoint: false });
  process.env.AWS_ENDPOINT_URL_SQS = sqs.endpoint;
});
afterAll(async () => {
  sqsClient?.destroy();
  dynamoClient?.destroy();
  await sqs?.stop();
  await dynamo?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const queueWithDlq = async (name: string, visibilityTimeoutSeconds: number, maxReceiveCount: number) => {
  const queue = await createQueueWithDeadLetters(sqsClient, name, { deadLetterName: `${name}-dlq`, visibilityTimeoutSeconds, maxReceiveCount });
  return { url: queue.url, arn: queue.arn, dlqUrl: queue.deadLetterUrl };
};


const reported = (name: string, arrivalDate: string) =>
  report(
    {
      person: { name, idNumber: '11010519491231002X', phone: '13800138000' },
      originCode: '511321100',
      destinationCode: '110105001',
      arrivalDate,
      expectedStayDays: 180,
    },
    { sub: 'p', role: 'person', idNumber: '11010519491231002X' },
    DEFAULT_POLICY,
    { caseId: randomUUID(), eventId: randomUUID() },
    new Date('2026-11-29T02:00:00Z'),
  );

describe('queue consumer', () => {
  it('deletes what succeeded, redelivers what failed, and parks it in the DLQ after maxReceiveCount', async () => {
    const queue = await queueWithDlq(`consumer-${randomUUID().slice(0, 8)}`, 1, 2);
    const good = reported('好', '2026-11-01');
    await sqsClient.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: JSON.stringify(toCloudEvent(good.event)) }));
    await sqsClient.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: '{"not":"a cloudevent"}' }));
    const errors: unknown[] = [];
    const consumer = startQueueConsumer({
      sqs: sqsClient,
      queueUrl: queue.url,
      queueArn: queue.arn,
      function: 'fileNotices',
      batchSize: 10,
      onError: (e) => errors.push(e),
    });
    try {
      await until(async () => (await store.listNotices('511321100', 50)).items.some((n) => n.eventId === good.event.id));
      await until(async () => {
        const dlq = await sqsClient.send(new ReceiveMessageCommand({ QueueUrl: queue.dlqUrl, VisibilityTimeout: 30 }));
        return dlq.Messages?.[0]?.Body === '{"not":"a cloudevent"}';
      });
      const attributes = await sqsClient.send(
        new GetQueueAttributesCommand({ QueueUrl: queue.url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
      );
      expect(attributes.Attributes).toMatchObject({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' });
      // The good message was filed once although its batch had a failure.
      expect((await store.listNotices('511321100', 50)).items.filter((n) => n.eventId === good.event.id)).toHaveLength(1);
    } finally {
      await consumer.stop();
    }
  });
});

describe('stream consumer', () => {
  it('relays inserted events in order, skips other rows, and resumes after its checkpoint', async () => {
    const queue = await queueWithDlq(`relay-${randomUUID().slice(0, 8)}`, 30, 3);
    process.env.NOTIFICATIONS_QUEUE_URL = queue.url;
    // The relay sends every event to the statistics queue too.
    process.env.STATISTICS_QUEUE_URL = (await queueWithDlq(`statistics-${randomUUID().slice(0, 8)}`, 30, 3)).url;
    const checkpointFile = path.join(scratch, 'checkpoint.json');
    const spec = streams[0]!;
    const onFailure = { sqs: sqsClient, queueUrl: (await queueWithDlq(`unused-${randomUUID().slice(0, 8)}`, 30, 3)).url };
    const received: string[] = [];
    const drain = async () => {
      for (;;) {
        const page = await sqsClient.send(new ReceiveMessageCommand({ QueueUrl: queue.url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
        if (!page.Messages?.length) return;
        received.push(...page.Messages.map((m) => (JSON.parse(m.Body!) as { id: string }).id));
      }
    };

    const first = [reported('一', '2026-11-02'), reported('二', '2026-11-03')];
    for (const d of first) await store.commit([d]);
    const errors: unknown[] = [];
    let consumer = startStreamConsumer({ endpoint: dynamo.endpoint, streamArn, spec, checkpointFile, onFailure, onError: (e) => errors.push(e) });
    await consumer.drained();
    await consumer.stop();
    await drain();
    expect(received).toEqual(first.map((d) => d.event.id));
    expect(JSON.parse(readFileSync(checkpointFile, 'utf8'))).not.toEqual({});

    const second = reported('三', '2026-11-04');
    await store.commit([second]);
    consumer = startStreamConsumer({ endpoint: dynamo.endpoint, streamArn, spec, checkpointFile, onFailure, onError: (e) => errors.push(e) });
    await consumer.drained();
    await consumer.stop();
    await drain();
    // Nothing relayed twice: the restart began after the checkpoint.
    expect(received).toEqual([...first, second].map((d) => d.event.id));
    expect(errors).toEqual([]);
  });

  it('reports a batch that exhausted its retries to the on-failure queue and moves past it', async () => {
    const good = await queueWithDlq(`relay-ok-${randomUUID().slice(0, 8)}`, 30, 3);
    const holding = await queueWithDlq(`holding-${randomUUID().slice(0, 8)}`, 30, 3);
    process.env.STATISTICS_QUEUE_URL = (await queueWithDlq(`statistics-${randomUUID().slice(0, 8)}`, 30, 3)).url;
    const spec = { ...streams[0]!, maxRetries: 2 };
    const errors: unknown[] = [];
    const consumer = startStreamConsumer({
      endpoint: dynamo.endpoint,
      streamArn,
      spec,
      checkpointFile: path.join(scratch, 'exhausted.json'),
      onFailure: { sqs: sqsClient, queueUrl: holding.url },
      onError: (e) => errors.push(e),
    });
    try {
      process.env.NOTIFICATIONS_QUEUE_URL = good.url;
      await consumer.drained(); // caught up with everything earlier tests wrote

      // The relay cannot send: every attempt at this record fails.
      process.env.NOTIFICATIONS_QUEUE_URL = good.url.replace(/[^/]+$/, 'no-such-queue');
      const lost = reported('失', '2026-11-05');
      await store.commit([lost]);
      let failure: { requestContext: { condition: string }; DDBStreamBatchInfo: { batchSize: number; streamArn: string } } | undefined;
      await until(async () => {
        const page = await sqsClient.send(new ReceiveMessageCommand({ QueueUrl: holding.url, WaitTimeSeconds: 1 }));
        failure = page.Messages?.[0] ? JSON.parse(page.Messages[0].Body!) : undefined;
        return failure !== undefined;
      });
      expect(failure).toMatchObject({
        requestContext: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3 },
        DDBStreamBatchInfo: { batchSize: 1, streamArn },
      });

      // The stream moved on: the next event is relayed.
      process.env.NOTIFICATIONS_QUEUE_URL = good.url;
      const next = reported('续', '2026-11-06');
      await store.commit([next]);
      await consumer.drained();
      const page = await sqsClient.send(new ReceiveMessageCommand({ QueueUrl: good.url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      const relayed = (page.Messages ?? []).map((m) => (JSON.parse(m.Body!) as { id: string }).id);
      expect(relayed).toContain(next.event.id);
      expect(relayed).not.toContain(lost.event.id);
    } finally {
      await consumer.stop();
    }
  });
});
