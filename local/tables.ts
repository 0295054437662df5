// Creates the tables of wiring/ in DynamoDB Local, as the CDK stack declares them.
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type KeySchemaElement,
  type AttributeDefinition,
  type TableDescription,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { physicalName, type TableName, type TableSpec, tables } from '../wiring/index.ts';

export const physicalTableName = (name: TableName) => physicalName('liudong', name);

/** Creates missing tables; returns the names of those it created and every stream ARN. */
export async function ensureTables(dynamo: DynamoDBClient): Promise<{ created: TableName[]; streamArns: Partial<Record<TableName, string>> }> {
  const created: TableName[] = [];
  const streamArns: Partial<Record<TableName, string>> = {};
  for (const [name, spec] of Object.entries(tables) as [TableName, TableSpec][]) {
    const TableName = physicalTableName(name);
    let description: TableDescription | undefined;
    let existed = true;
    try {
      description = (await dynamo.send(new DescribeTableCommand({ TableName }))).Table;
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
      existed = false;
      const attributes = new Set<string>([spec.partitionKey, ...(spec.sortKey ? [spec.sortKey] : [])]);
      for (const index of spec.indexes) attributes.add(index.partitionKey).add(index.sortKey);
      const keySchema = (pk: string, sk?: string): KeySchemaElement[] => [
        { AttributeName: pk, KeyType: 'HASH' },
        ...(sk ? [{ AttributeName: sk, KeyType: 'RANGE' as const }] : []),
      ];
      description = (
        await dynamo.send(
          new CreateTableCommand({
            TableName,
            BillingMode: 'PAY_PER_REQUEST',
            AttributeDefinitions: [...attributes].map((a): AttributeDefinition => ({ AttributeName: a, AttributeType: 'S' })),
            KeySchema: keySchema(spec.partitionKey, spec.sortKey),
            ...(spec.indexes.length > 0
              ? {
                  GlobalSecondaryIndexes: spec.indexes.map((i) => ({
                    IndexName: i.name,
                    KeySchema: keySchema(i.partitionKey, i.sortKey),
                    Projection: { ProjectionType: 'ALL' },
                  })),
                }
              : {}),
            ...(spec.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } } : {}),
          }),
        )
      ).TableDescription;
      if (spec.timeToLive) {
        await dynamo.send(
          new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { AttributeName: spec.timeToLive, Enabled: true } }),
        );
      }
      created.push(name);
    }
    if (existed) await addMissingIndexes(dynamo, TableName, spec, description);
    if (description?.LatestStreamArn) streamArns[name] = description.LatestStreamArn;
  }
  return { created, streamArns };
}

/**
 * A data folder from before an index was added to the wiring gets it now, one index per
 * update as DynamoDB requires, so `npm start` keeps working on kept state.
 */
async function addMissingIndexes(dynamo: DynamoDBClient, TableName: string, spec: TableSpec, description: TableDescription | undefined) {
  const present = new Set((description?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
  for (const index of spec.indexes.filter((i) => !present.has(i.name))) {
    await dynamo.send(
      new UpdateTableCommand({
        TableName,
        AttributeDefinitions: [index.partitionKey, index.sortKey].map((a): AttributeDefinition => ({ AttributeName: a, AttributeType: 'S' })),
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: index.name,
              KeySchema: [
                { AttributeName: index.partitionKey, KeyType: 'HASH' },
                { AttributeName: index.sortKey, KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'ALL' },
            },
          },
        ],
      }),
    );
    // One index at a time: wait until this one is built before asking for the next.
    for (let waited = 0; ; waited += 100) {
      const table = (await dynamo.send(new DescribeTableCommand({ TableName }))).Table;
      const status = table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === index.name)?.IndexStatus;
      if (status === 'ACTIVE') break;
      if (waited > 120_000) throw new Error(`index ${index.name} of ${TableName} is still ${status} after two minutes`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
