// Creates the tables of wiring/ in DynamoDB Local, as the CDK stack declares them.
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type KeySchemaElement,
  type AttributeDefinition,
} from '@aws-sdk/client-dynamodb';
import { type TableName, type TableSpec, tables } from '../wiring/index.ts';

export const physicalTableName = (name: TableName) => `liudong-${name}`;

/** Creates missing tables; returns the names of those it created and every stream ARN. */
export async function ensureTables(dynamo: DynamoDBClient): Promise<{ created: TableName[]; streamArns: Partial<Record<TableName, string>> }> {
  const created: TableName[] = [];
  const streamArns: Partial<Record<TableName, string>> = {};
  for (const [name, spec] of Object.entries(tables) as [TableName, TableSpec][]) {
    const TableName = physicalTableName(name);
    let description;
    try {
      description = (await dynamo.send(new DescribeTableCommand({ TableName }))).Table;
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
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
    if (description?.LatestStreamArn) streamArns[name] = description.LatestStreamArn;
  }
  return { created, streamArns };
}
