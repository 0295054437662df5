// Starts DynamoDB Local (in memory) for a test file and points the handlers' store at it.
import os from 'node:os';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../local/dynamodb.ts';
import { ensureTables, physicalTableName } from '../../local/tables.ts';
import { tables, type TableName } from '../../wiring/index.ts';

export async function startTestDynamo(): Promise<{ dynamo: DynamoDbLocal; client: DynamoDBClient; streamArn: string }> {
  const dynamo = await startDynamoDbLocal();
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
    PERSONAL_DATA_KEYS_FILE: path.join(os.tmpdir(), `liudong-test-keys-${process.pid}.json`),
  });
  for (const name of Object.keys(tables) as TableName[]) process.env[tables[name].env] = physicalTableName(name);
  const client = new DynamoDBClient({ endpoint: dynamo.endpoint });
  const { streamArns } = await ensureTables(client);
  return { dynamo, client, streamArn: streamArns.cases! };
}
