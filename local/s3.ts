// S3 on one machine: the buckets of wiring/ in the fauxqs server the local stack already runs.
// fauxqs has no bucket notifications, so the local stack sends what S3 would: when an object
// lands under a bucket's prefix, an S3 event notification goes to the bucket's queue.
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { type BucketName, type BucketSpec, type QueueName, buckets, physicalName } from '../wiring/index.ts';
import type { LocalSqs } from './sqs.ts';

export const localBucketName = (name: BucketName) => physicalName('liudong', name);

export function createBuckets(sqs: LocalSqs): void {
  for (const name of Object.keys(buckets) as BucketName[]) sqs.server.createBucket(localBucketName(name));
}

interface S3SpyEvent {
  service: 's3';
  bucket: string;
  key: string;
  status: string;
}

/** The notification S3 sends for a created object (the fields the import worker reads). */
export const objectCreatedEvent = (bucket: string, key: string, size: number) => ({
  Records: [
    {
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: process.env.AWS_REGION ?? 'us-east-1',
      eventTime: new Date().toISOString(),
      eventName: 'ObjectCreated:Put',
      s3: { s3SchemaVersion: '1.0', bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` }, object: { key: encodeURIComponent(key), size } },
    },
  ],
});

/** Watches uploads and sends their notifications until stopped. */
export function startUploadNotifier(
  sqs: LocalSqs,
  client: SQSClient,
  queueUrl: (q: QueueName) => string,
  onError: (error: unknown) => void,
): { stop(): void } {
  const seen = new WeakSet<object>();
  const watched = new Map(
    (Object.entries(buckets) as [BucketName, BucketSpec][]).map(([name, spec]) => [localBucketName(name), spec]),
  );
  let running = true;
  const isUpload = (m: unknown) => {
    const e = m as S3SpyEvent;
    const spec = watched.get(e.bucket);
    return e.service === 's3' && e.status === 'uploaded' && !seen.has(m as object) && spec?.notifies !== undefined && e.key.startsWith(spec.prefix);
  };
  void (async () => {
    while (running) {
      let event: S3SpyEvent;
      try {
        event = (await sqs.server.spy.waitForMessage(isUpload, 'uploaded')) as unknown as S3SpyEvent;
      } catch {
        return; // the spy was cleared: the stack is stopping
      }
      seen.add(event as unknown as object);
      const spec = watched.get(event.bucket)!;
      try {
        await client.send(
          new SendMessageCommand({
            QueueUrl: queueUrl(spec.notifies as QueueName),
            MessageBody: JSON.stringify(objectCreatedEvent(event.bucket, event.key, 0)),
          }),
        );
      } catch (error) {
        onError(error);
      }
    }
  })();
  return {
    stop: () => {
      running = false;
      sqs.server.spy.clear();
    },
  };
}
