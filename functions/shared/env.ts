// Resource names reach functions through environment variables named in wiring/.
import { type BucketName, type QueueName, type TableName, buckets, queues, tables } from '../../wiring/index.ts';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

export const tableName = (table: TableName) => required(tables[table].env);
export const queueUrl = (queue: QueueName) => required(queues[queue].env);
export const bucketName = (bucket: BucketName) => required(buckets[bucket].env);
