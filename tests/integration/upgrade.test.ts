// State kept in `.data/` from before this version: the table gains the indexes the wiring
// now lists, and a registration written then still reads, lists after its next action, and
// expires.
import path from 'node:path';
import os from 'node:os';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../core/policy.ts';
import { SYSTEM } from '../../core/principal.ts';
import { transition } from '../../core/workflows/engine.ts';
import { REGISTRATION, type RegistrationCase } from '../../core/workflows/registration.ts';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../local/dynamodb.ts';
import { ensureTables } from '../../local/tables.ts';
import { tables } from '../../wiring/index.ts';

let dynamo: DynamoDbLocal;
let client: DynamoDBClient;
beforeAll(async () => {
  dynamo = await startDynamoDbLocal();
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    CASES_TABLE: 'liudong-cases',
    PERSONAL_DATA_KEYS_FILE: path.join(os.tmpdir(), `liudong-upgrade-keys-${process.pid}.json`),
  });
  client = new DynamoDBClient({ endpoint: dynamo.endpoint });
});
afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
});

describe('a data folder from the first version', () => {
  it('gains the new indexes, and its registrations still read and expire', async () => {
    // The cases table as the first version created it: the deadline index only.
    await client.send(
      new CreateTableCommand({
        TableName: 'liudong-cases',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk'].map((a) => ({ AttributeName: a, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'gsi1',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
    const old = {
      id: '0b6b8c1e-2a55-4a8e-9d39-5f1d2a7c9e01',
      state: 'reported',
      person: { name: '张三', idNumber: '11010519491231002X', phone: '13800138000' },
      originCode: '511321100',
      destinationCode: '110105001',
      arrivalDate: '2026-11-01',
      deadline: { kind: 'registration', date: '2026-11-11', dueAt: '2026-11-11T16:00:00.000Z' },
      reportedBy: { sub: 'cw', role: 'caseworker' },
      createdAt: '2026-11-01T02:00:00.000Z',
      updatedAt: '2026-11-01T02:00:00.000Z',
      version: 1,
    };
    await client.send(
      new PutItemCommand({
        TableName: 'liudong-cases',
        Item: marshall({ pk: `CASE#${old.id}`, sk: 'CASE', entity: 'registration', gsi1pk: 'DUE#3', gsi1sk: `${old.deadline.dueAt}#${old.id}`, ...old }),
      }),
    );

    await ensureTables(client);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: 'liudong-cases' }));
    expect((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName).sort()).toEqual(tables.cases.indexes.map((i) => i.name).sort());

    const cases = { ...(await import('../../functions/shared/store/cases.ts')), ...(await import('../../functions/shared/store/case-commit.ts')) };
    const read = (await cases.getCase(old.id)) as RegistrationCase;
    expect(read).toMatchObject({ type: 'registration', openedBy: { sub: 'cw', role: 'caseworker' }, state: 'reported' });
    expect(read).not.toHaveProperty('reportedBy');
    const due: string[] = [];
    for await (const item of cases.dueBy('2026-11-12T00:00:00.000Z')) if (item.entity === 'case') due.push(item.case.id);
    expect(due).toEqual([old.id]);

    await cases.commit([transition(REGISTRATION, read, 'expire', SYSTEM, DEFAULT_POLICY, 'e0f1d2a7-0000-4000-8000-000000000001', new Date('2026-11-12T00:00:00Z'))]);
    const listed = await cases.listCases('110105', { overdue: true }, 10);
    expect(listed.items.map((c) => c.id)).toEqual([old.id]);
  });
});
