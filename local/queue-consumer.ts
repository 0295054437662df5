// Polls a queue like Lambda's SQS event source mapping: batches as SQSEvent, partial batch
// failures honoured (records not reported failed are deleted), failed records left to
// reappear after the visibility timeout and, past maxReceiveCount, to move to the DLQ.
//
// What a poller is processing is written to a journal file (persistent stacks): a stack killed
// mid-batch releases those messages when it starts again, instead of leaving them invisible for
// the rest of their visibility timeout (240 s for deliveries). Nothing else can hold them: the
// stack is their only consumer. In AWS, Lambda's poller has no such journal; there a crashed
// invocation's messages wait for their visibility timeout (docs/ARCHITECTURE.md, "Failure and recovery").
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { FunctionName } from '../wiring/index.ts';
import { invoke } from './invoke.ts';

export function toSqsRecord(message: Message, queueArn: string): SQSRecord {
  const a = message.Attributes ?? {};
  return {
    messageId: message.MessageId!,
    receiptHandle: message.ReceiptHandle!,
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: a.ApproximateReceiveCount ?? '1',
      SentTimestamp: a.SentTimestamp ?? String(Date.now()),
      SenderId: a.SenderId ?? 'local',
      ApproximateFirstReceiveTimestamp: a.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([k, v]) => [
        k,
        { dataType: v.DataType ?? 'String', ...(v.StringValue !== undefined ? { stringValue: v.StringValue } : {}) },
      ]),
    ),
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: 'us-east-1',
  };
}

export interface Consumer {
  stop(): Promise<void>;
}

/** The journal files of a queue's pollers: `<dir>/inflight-<queue>-<poller>.json`. */
const journalPrefix = (queue: string) => `inflight-${queue}-`;
export const journalFile = (dir: string, queue: string, poller: number) => path.join(dir, `${journalPrefix(queue)}${poller}.json`);

/** Records the receipt handles a poller holds (write, then rename: never half a file). */
function writeJournal(file: string | undefined, handles: string[]): void {
  if (!file) return;
  if (handles.length === 0) {
    rmSync(file, { force: true });
    return;
  }
  writeFileSync(`${file}.tmp`, JSON.stringify(handles));
  renameSync(`${file}.tmp`, file);
}

/**
 * Makes visible again what the queue's pollers held when the last process died; how many.
 * A handle of a message deleted since is refused by the queue, and that is fine.
 */
export async function releaseAbandoned(sqs: SQSClient, queueUrl: string, dir: string, queue: string): Promise<number> {
  let released = 0;
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.startsWith(journalPrefix(queue)) && f.endsWith('.json'));
  } catch {
    return 0;
  }
  for (const f of files) {
    let handles: string[] = [];
    try {
      handles = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as string[];
    } catch {
      // A journal cut short by the crash: its messages wait for their visibility timeout.
    }
    for (let i = 0; i < handles.length; i += 10) {
      const result = await sqs.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: queueUrl,
          // One second, not zero: fauxqs 2.4.1 fails to persist a message made visible at once.
          Entries: handles.slice(i, i + 10).map((h, j) => ({ Id: String(j), ReceiptHandle: h, VisibilityTimeout: 1 })),
        }),
      );
      released += result.Successful?.length ?? 0;
    }
    rmSync(path.join(dir, f), { force: true });
  }
  return released;
}

export function startQueueConsumer(options: {
  sqs: SQSClient;
  queueUrl: string;
  queueArn: string;
  function: FunctionName;
  batchSize: number;
  onError: (error: unknown) => void;
  /** Where this poller records the messages it holds (persistent stacks). */
  journal?: string;
}): Consumer {
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const received = await options.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: options.queueUrl,
            MaxNumberOfMessages: options.batchSize,
            WaitTimeSeconds: 1,
            MessageSystemAttributeNames: ['All'],
            MessageAttributeNames: ['All'],
          }),
        );
        const messages = received.Messages ?? [];
        if (messages.length === 0) continue;
        writeJournal(options.journal, messages.map((m) => m.ReceiptHandle!));
        const event: SQSEvent = { Records: messages.map((m) => toSqsRecord(m, options.queueArn)) };
        let failed: Set<string>;
        try {
          const response = (await invoke(options.function, event)) as SQSBatchResponse | undefined;
          failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
        } catch (error) {
          // A thrown handler fails the whole batch: every message returns after its timeout.
          options.onError(error);
          failed = new Set(messages.map((m) => m.MessageId!));
        }
        const done = messages.filter((m) => !failed.has(m.MessageId!));
        if (done.length > 0) {
          await options.sqs.send(
            new DeleteMessageBatchCommand({
              QueueUrl: options.queueUrl,
              Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
            }),
          );
        }
        // Failed ones are left to their visibility timeout (the retry's back-off), crash or not.
        writeJournal(options.journal, []);
      } catch (error) {
        if (running) options.onError(error);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
    },
  };
}
