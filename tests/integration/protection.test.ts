// Protected personal data against DynamoDB Local: what lands in the table holds no ID or phone
// number (sealed and masked, keys by keyed blind index), reads open them again, a rotated key
// still opens older values, and the blind index depends on the key.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetItemCommand, ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../core/policy.ts';
import { report } from '../../core/workflows/registration.ts';
import type { DynamoDbLocal } from '../../local/dynamodb.ts';
import { physicalTableName } from '../../local/tables.ts';
import { startTestDynamo } from '../support/dynamodb.ts';

const store = { ...(await import('../../functions/shared/store/cases.ts')), ...(await import('../../functions/shared/store/case-commit.ts')) };
const protection = await import('../../functions/shared/protection.ts');
let dynamo: DynamoDbLocal;
let client: DynamoDBClient;
let dir: string;

beforeAll(async () => {
  ({ dynamo, client } = await startTestDynamo());
  dir = mkdtempSync(path.join(os.tmpdir(), 'liudong-keys-'));
  process.env.PERSONAL_DATA_KEYS_FILE = path.join(dir, 'keys.json');
});
afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const caseworker = { sub: 'cw', role: 'caseworker' as const, jurisdiction: '110105001' };
async function reportFor(idNumber: string, phone: string) {
  const decision = report(
    { person: { name: '张三', idNumber, phone }, originCode: '511321100', destinationCode: '110105001', arrivalDate: '2026-11-20', expectedStayDays: 90 },
    caseworker,
    DEFAULT_POLICY,
    { caseId: randomUUID(), eventId: randomUUID() },
    new Date('2026-11-21T02:00:00Z'),
  );
  await store.commit([decision]);
  return decision.case.id;
}

const rawItem = async (id: string) =>
  unmarshall((await client.send(new GetItemCommand({ TableName: physicalTableName('cases'), Key: { pk: { S: `CASE#${id}` }, sk: { S: 'CASE' } } }))).Item!);

describe('protected ID and phone numbers', () => {
  it('stores neither number, nor a plain hash of one, anywhere in the table; a read opens them', async () => {
    const id = await reportFor('11010519491231002X', '13800138000');
    const everything = JSON.stringify((await client.send(new ScanCommand({ TableName: physicalTableName('cases') }))).Items);
    expect(everything).not.toContain('11010519491231002X');
    expect(everything).not.toContain('13800138000');
    for (const unkeyed of ['person|11010519491231002X', 'holder|11010519491231002X', '11010519491231002X|110105001|2026-11-20']) {
      expect(everything).not.toContain(createHash('sha256').update(unkeyed).digest('hex'));
    }
    const item = await rawItem(id);
    expect(item.person).toMatchObject({ idNumber: '110105********002X', phone: '138****8000' });
    expect(item.sealed['person.idNumber']).toMatchObject({ kid: 'local-1', dk: expect.any(String), iv: expect.any(String), ct: expect.any(String) });
    expect((await store.getCase(id))!.person).toMatchObject({ idNumber: '11010519491231002X', phone: '13800138000' });
    // The person index and the duplicate guard still meet on the same number.
    expect((await store.openRegistrationAt('11010519491231002X', '110105001'))?.id).toBe(id);
    await expect(reportFor('11010519491231002X', '13800138000')).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('opens values sealed under an older key after a rotation, and seals new ones under the new key', async () => {
    const before = await reportFor('110105194912310011', '13700137000');
    const kid = protection.rotateLocalKeys(process.env.PERSONAL_DATA_KEYS_FILE!);
    expect(kid).toBe('local-2');
    const after = await reportFor('110105194912310038', '13600136000');
    expect((await rawItem(before)).sealed['person.phone'].kid).toBe('local-1');
    expect((await rawItem(after)).sealed['person.phone'].kid).toBe('local-2');
    expect(((await store.getCase(before)) as { person: { phone: string } }).person.phone).toBe('13700137000');
    expect(((await store.getCase(after)) as { person: { phone: string } }).person.phone).toBe('13600136000');
  });

  it('refuses a value whose ciphertext was changed (authenticated encryption)', async () => {
    const sealed = await protection.seal('13800138000');
    const ct = Buffer.from(sealed.ct, 'base64');
    ct[0] = ct[0]! ^ 1;
    await expect(protection.open({ ...sealed, ct: ct.toString('base64') })).rejects.toThrow();
    expect(await protection.open(sealed)).toBe('13800138000');
  });

  it('keys the blind index: another key file gives another index for the same number', async () => {
    const first = await protection.blindIndex('person', '11010519491231002X');
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await protection.blindIndex('person', '11010519491231002X')).toBe(first);
    const file = process.env.PERSONAL_DATA_KEYS_FILE;
    process.env.PERSONAL_DATA_KEYS_FILE = path.join(dir, 'other-keys.json');
    try {
      expect(await protection.blindIndex('person', '11010519491231002X')).not.toBe(first);
    } finally {
      process.env.PERSONAL_DATA_KEYS_FILE = file;
    }
  });
});
