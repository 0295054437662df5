// The local stack: the same handlers as in AWS, wired from wiring/ to real DynamoDB Local,
// the fauxqs SQS emulator, stream and queue pollers, a cron scheduler and an HTTP server.
// Handlers find everything through the environment variables Lambda would give them.
import { ensureLocalKeys } from '../functions/shared/protection.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DEMO_JURISDICTIONS, DEMO_POLICIES } from '../core/demo-data.ts';
import { type FunctionName, type HoldingQueueName, type QueueName, environmentFor, functions, queues, streams } from '../wiring/index.ts';
import { type DevIssuer, devIssuer } from './dev-issuer.ts';
import { startDynamoDbLocal } from './dynamodb.ts';
import { LOCAL_S3_PATH, startHttpServer } from './http-server.ts';
import { loadHandler } from './invoke.ts';
import { type Consumer, journalFile, releaseAbandoned, startQueueConsumer } from './queue-consumer.ts';
import { startScheduler } from './scheduler.ts';
import { createBuckets, localBucketName, startUploadNotifier } from './s3.ts';
import { type LocalQueue, createHoldingQueues, createQueues, deadLetterCounts, replayDeadLetters, startLocalSqs } from './sqs.ts';
import { type StreamConsumer, startStreamConsumer } from './stream-consumer.ts';
import { ensureTables, physicalTableName } from './tables.ts';

export interface LocalStackOptions {
  /** Persistent state folder; omit for an in-memory stack that leaves nothing behind. */
  dataDir?: string;
  apiPort?: number;
  /** Run the cron schedules (off in tests, which invoke the sweep themselves). */
  schedules?: boolean;
  onError?: (error: unknown) => void;
}

export interface LocalStack {
  apiUrl: string;
  dynamoEndpoint: string;
  sqsEndpoint: string;
  /** fauxqs also serves the buckets (S3) at this endpoint. */
  s3Endpoint: string;
  issuer: DevIssuer;
  queueUrls: Record<QueueName, LocalQueue>;
  holdingQueueUrls: Record<HoldingQueueName, string>;
  seeded: boolean;
  /** Waits until the outbox stream has been read up to now and every queue is empty. */
  drained(): Promise<void>;
  stop(): Promise<void>;
}

/** Lambda's SQS event source processes five batches at once to begin with, and scales up from there. */
const LAMBDA_SQS_STARTING_CONCURRENCY = 5;

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const onError = options.onError ?? ((error: unknown) => console.error('[local stack]', error));
  const stateDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'liudong-'));
  const persistent = options.dataDir !== undefined;
  const stops: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
    if (!persistent) rmSync(stateDir, { recursive: true, force: true });
  };

  try {
    const [dynamo, sqs] = await Promise.all([
      startDynamoDbLocal(persistent ? { dataDir: path.join(stateDir, 'dynamodb') } : {}),
      startLocalSqs(persistent ? { dataDir: path.join(stateDir, 'sqs') } : {}),
    ]);
    stops.push(() => dynamo.stop(), () => sqs.stop());

    Object.assign(process.env, {
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_DYNAMODB_STREAMS: dynamo.endpoint,
      AWS_ENDPOINT_URL_SQS: sqs.endpoint,
      AWS_ENDPOINT_URL_S3: sqs.endpoint,
      POWERTOOLS_SERVICE_NAME: 'liudong',
      // The keys that seal ID and phone numbers and index them: made on first start, kept with the data.
      PERSONAL_DATA_KEYS_FILE: path.join(stateDir, 'keys.json'),
      // Agency endpoints may be http://127.0.0.1 here, so developers and tests can receive.
      WEBHOOK_ENDPOINTS: process.env.WEBHOOK_ENDPOINTS ?? 'local',
      POWERTOOLS_METRICS_NAMESPACE: 'liudong',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    });

    // Made now, on the first start, so the data folder holds its keys before anything is sealed.
    ensureLocalKeys(process.env.PERSONAL_DATA_KEYS_FILE!);
    const dynamoClient = new DynamoDBClient({ endpoint: dynamo.endpoint });
    const sqsClient = new SQSClient({ endpoint: sqs.endpoint, useQueueUrlAsEndpoint: false });
    stops.push(() => dynamoClient.destroy(), () => sqsClient.destroy());
    const { created, streamArns } = await ensureTables(dynamoClient);
    const queueUrls = await createQueues(sqsClient);
    const holdingQueueUrls = await createHoldingQueues(sqsClient);
    createBuckets(sqs);

    // One process plays every function, so it carries the union of their environments.
    for (const name of Object.keys(functions) as FunctionName[]) {
      Object.assign(
        process.env,
        environmentFor(name, { table: physicalTableName, queueUrl: (q) => queueUrls[q].url, bucket: localBucketName }),
      );
    }

    const seeded = created.includes('cases');
    if (seeded) {
      const { putReferenceData } = await import('../functions/shared/store/reference.ts');
      await putReferenceData(DEMO_JURISDICTIONS, DEMO_POLICIES);
    }
    // Load every handler now: a broken module fails the start, not the first request.
    await Promise.all((Object.keys(functions) as FunctionName[]).map(loadHandler));

    const consumers: Consumer[] = [];
    const journals = path.join(stateDir, 'sqs');
    for (const [name, spec] of Object.entries(queues) as [QueueName, (typeof queues)[QueueName]][]) {
      // What a killed stack was processing is processed again now, not after its visibility timeout.
      if (persistent) await releaseAbandoned(sqsClient, queueUrls[name].url, journals, name);
      // As Lambda runs batches at once: up to the event source's maximum concurrency, else the five
      // Lambda starts an SQS event source with (one poller here fell behind the statistics under load).
      const pollers = 'maxConcurrency' in spec.consumer ? spec.consumer.maxConcurrency : LAMBDA_SQS_STARTING_CONCURRENCY;
      for (let i = 0; i < pollers; i++) consumers.push(
        startQueueConsumer({
          sqs: sqsClient,
          queueUrl: queueUrls[name].url,
          queueArn: queueUrls[name].arn,
          function: spec.consumer.function,
          batchSize: spec.consumer.batchSize,
          onError,
          ...(persistent ? { journal: journalFile(journals, name, i) } : {}),
        }),
      );
    }
    stops.push(async () => {
      await Promise.all(consumers.map((c) => c.stop()));
    });

    const uploads = startUploadNotifier(sqs, sqsClient, (q) => queueUrls[q].url, onError);
    stops.push(() => uploads.stop());

    const streamConsumers: StreamConsumer[] = streams.map((spec) => {
      const streamArn = streamArns[spec.table];
      if (!streamArn) throw new Error(`table ${spec.table} has no stream`);
      return startStreamConsumer({
        endpoint: dynamo.endpoint,
        streamArn,
        spec,
        onFailure: { sqs: sqsClient, queueUrl: holdingQueueUrls[spec.onFailure] },
        ...(persistent ? { checkpointFile: path.join(stateDir, `stream-${spec.table}-${spec.function}.json`) } : {}),
        onError,
      });
    });
    stops.push(async () => {
      await Promise.all(streamConsumers.map((c) => c.stop()));
    });

    if (options.schedules) {
      const scheduler = startScheduler(onError);
      stops.push(() => scheduler.stop());
    }

    const issuer = await devIssuer(stateDir);
    const operator = {
      deadLetters: () => deadLetterCounts(sqsClient, queueUrls),
      replay: (queue: QueueName) => replayDeadLetters(sqsClient, queueUrls[queue]),
    };
    const api = await startHttpServer({ port: options.apiPort ?? 0, issuer, operator, onError, s3Endpoint: sqs.endpoint });
    // Events point `dataschema` at this stack's event catalogue.
    process.env.API_URL = api.url;
    // Upload URLs for browsers go to the console's own origin (the local S3 speaks no CORS).
    process.env.UPLOAD_ENDPOINT_URL = `${api.url}${LOCAL_S3_PATH}`;
    stops.push(() => api.stop());

    return {
      apiUrl: api.url,
      dynamoEndpoint: dynamo.endpoint,
      sqsEndpoint: sqs.endpoint,
      s3Endpoint: sqs.endpoint,
      issuer,
      queueUrls,
      holdingQueueUrls,
      seeded,
      drained: async () => {
        const pendingIn = async (url: string) => {
          const { Attributes: a = {} } = await sqsClient.send(
            new GetQueueAttributesCommand({
              QueueUrl: url,
              AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
            }),
          );
          return Number(a.ApproximateNumberOfMessages ?? 0) + Number(a.ApproximateNumberOfMessagesNotVisible ?? 0) + Number(a.ApproximateNumberOfMessagesDelayed ?? 0);
        };
        const queuesEmpty = async () => (await Promise.all(Object.values(queueUrls).map(({ url }) => pendingIn(url)))).every((n) => n === 0);
        // Queue work writes events (the deadline worker) and streams fill queues (the relay): done
        // when, every queue having emptied, a stream pass that began after found nothing new for them.
        for (;;) {
          while (!(await queuesEmpty())) await new Promise((r) => setTimeout(r, 50));
          await Promise.all(streamConsumers.map((c) => c.drained()));
          if (await queuesEmpty()) return;
        }
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
