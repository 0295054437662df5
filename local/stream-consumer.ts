// Reads DynamoDB Local's stream like Lambda's stream event source mapping: records in
// order per shard, filtered as the wiring says, delivered as DynamoDBStreamEvent batches.
// A reported item failure retries from that record (up to maxRetries), then the batch is
// reported to the on-failure queue and passed; progress is checkpointed to a file so a
// restart resumes where it stopped.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { StreamSpec, FunctionName } from '../wiring/index.ts';
import { functionName, invoke } from './invoke.ts';

type Checkpoints = Record<string, string>; // shardId → last sequence number handled

export function toStreamRecord(record: _Record, streamArn: string): DynamoDBRecord {
  const d = record.dynamodb!;
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion ?? 'us-east-1',
    eventSourceARN: streamArn,
    dynamodb: {
      ...(d.ApproximateCreationDateTime ? { ApproximateCreationDateTime: Math.floor(d.ApproximateCreationDateTime.getTime() / 1000) } : {}),
      Keys: d.Keys as never,
      ...(d.NewImage ? { NewImage: d.NewImage as never } : {}),
      ...(d.OldImage ? { OldImage: d.OldImage as never } : {}),
      SequenceNumber: d.SequenceNumber,
      SizeBytes: d.SizeBytes,
      StreamViewType: d.StreamViewType as 'NEW_IMAGE',
    },
  };
}

/** The event-source filter of the wiring, as Lambda applies it before invoking. */
export const matchesFilter = (record: _Record, filter: StreamSpec['filter']): boolean =>
  record.eventName === filter.eventName && record.dynamodb?.NewImage?.entity?.S === filter.entity;

export interface StreamConsumer {
  stop(): Promise<void>;
  /** Resolves when every record written so far has been handled. */
  drained(): Promise<void>;
}

/** The record Lambda sends to a stream mapping's on-failure destination. */
export function failureRecord(options: { streamArn: string; shardId: string; batch: _Record[]; functionName: string; attempts: number }) {
  const first = options.batch[0]!.dynamodb!;
  const last = options.batch.at(-1)!.dynamodb!;
  return {
    version: '1.0',
    timestamp: new Date().toISOString(),
    requestContext: {
      requestId: randomUUID(),
      functionArn: `arn:aws:lambda:us-east-1:000000000000:function:${options.functionName}`,
      condition: 'RetryAttemptsExhausted',
      approximateInvokeCount: options.attempts,
    },
    DDBStreamBatchInfo: {
      shardId: options.shardId,
      startSequenceNumber: first.SequenceNumber,
      endSequenceNumber: last.SequenceNumber,
      approximateArrivalOfFirstRecord: first.ApproximateCreationDateTime?.toISOString(),
      approximateArrivalOfLastRecord: last.ApproximateCreationDateTime?.toISOString(),
      batchSize: options.batch.length,
      streamArn: options.streamArn,
    },
  };
}

export function startStreamConsumer(options: {
  endpoint: string;
  streamArn: string;
  spec: StreamSpec & { function: FunctionName };
  checkpointFile?: string;
  /** Where a batch that exhausted its retries is reported, as Lambda's on-failure destination. */
  onFailure: { sqs: SQSClient; queueUrl: string };
  onError: (error: unknown) => void;
}): StreamConsumer {
  const client = new DynamoDBStreamsClient({ endpoint: options.endpoint });
  const checkpoints: Checkpoints =
    options.checkpointFile && existsSync(options.checkpointFile)
      ? (JSON.parse(readFileSync(options.checkpointFile, 'utf8')) as Checkpoints)
      : {};
  const save = () => options.checkpointFile && writeFileSync(options.checkpointFile, JSON.stringify(checkpoints));
  const iterators = new Map<string, string | null>(); // null: the shard is closed and read to its end
  let running = true;
  let pass = 0;
  let lastIdlePass = -1;

  async function iteratorFor(shardId: string, atSequence?: string): Promise<string | undefined> {
    const last = checkpoints[shardId];
    const result = await client.send(
      new GetShardIteratorCommand({
        StreamArn: options.streamArn,
        ShardId: shardId,
        ...(atSequence
          ? { ShardIteratorType: 'AT_SEQUENCE_NUMBER', SequenceNumber: atSequence }
          : last
            ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: last }
            : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return result.ShardIterator;
  }

  /** Delivers one shard's records; returns the sequence number to retry from, if any. */
  async function deliver(shardId: string, records: _Record[], attempts: Map<string, number>): Promise<string | undefined> {
    const matching = records.filter((r) => matchesFilter(r, options.spec.filter));
    if (matching.length > 0) {
      for (let i = 0; i < matching.length; i += options.spec.batchSize) {
        const batch = matching.slice(i, i + options.spec.batchSize);
        const event: DynamoDBStreamEvent = { Records: batch.map((r) => toStreamRecord(r, options.streamArn)) };
        let failedAt: string | undefined;
        try {
          const response = (await invoke(options.spec.function, event)) as DynamoDBBatchResponse | undefined;
          failedAt = response?.batchItemFailures?.[0]?.itemIdentifier;
        } catch (error) {
          options.onError(error);
          failedAt = batch[0]!.dynamodb!.SequenceNumber;
        }
        if (failedAt) {
          const tries = (attempts.get(failedAt) ?? 0) + 1;
          attempts.set(failedAt, tries);
          if (tries <= options.spec.maxRetries) {
            const before = records.findIndex((r) => r.dynamodb?.SequenceNumber === failedAt);
            if (before > 0) checkpoints[shardId] = records[before - 1]!.dynamodb!.SequenceNumber!;
            save();
            return failedAt;
          }
          // Retries exhausted: report the rest of the batch to the on-failure queue and move past it.
          const rest = batch.slice(Math.max(0, batch.findIndex((r) => r.dynamodb?.SequenceNumber === failedAt)));
          await options.onFailure.sqs.send(
            new SendMessageCommand({
              QueueUrl: options.onFailure.queueUrl,
              MessageBody: JSON.stringify(
                failureRecord({ streamArn: options.streamArn, shardId, batch: rest, functionName: functionName(options.spec.function), attempts: tries }),
              ),
            }),
          );
        }
      }
    }
    const last = records.at(-1)?.dynamodb?.SequenceNumber;
    if (last) {
      checkpoints[shardId] = last;
      save();
    }
    return undefined;
  }

  const attempts = new Map<string, number>();
  const loop = (async () => {
    while (running) {
      const thisPass = ++pass;
      let sawRecords = false;
      try {
        const description = await client.send(new DescribeStreamCommand({ StreamArn: options.streamArn }));
        for (const shard of description.StreamDescription?.Shards ?? []) {
          const shardId = shard.ShardId!;
          if (iterators.get(shardId) === null) continue;
          let iterator = iterators.get(shardId) ?? (await iteratorFor(shardId));
          if (!iterator) continue;
          const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
          const records = page.Records ?? [];
          if (records.length > 0) sawRecords = true;
          const retryFrom = await deliver(shardId, records, attempts);
          iterator = retryFrom ? await iteratorFor(shardId, retryFrom) : page.NextShardIterator;
          iterators.set(shardId, iterator ?? null);
        }
      } catch (error) {
        if (running) options.onError(error);
        iterators.clear();
      }
      if (!sawRecords) lastIdlePass = thisPass;
      if (!sawRecords) await new Promise((r) => setTimeout(r, 100));
    }
  })();

  return {
    async stop() {
      running = false;
      await loop;
    },
    async drained() {
      // Only a pass that began after this call and found nothing proves the stream is read.
      const after = pass;
      while (running && lastIdlePass <= after) await new Promise((r) => setTimeout(r, 50));
    },
  };
}
