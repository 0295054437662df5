// Idempotency-Key against DynamoDB Local: the key's record is part of the create's transaction,
// and every state a crash can leave it in (taken but not written, written but not answered,
// taken over) answers as the draft asks.
import { randomUUID } from 'node:crypto';
import { type DynamoDBClient, GetItemCommand, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_JURISDICTIONS, DEMO_POLICIES } from '../../core/demo-data.ts';
import { checkCharacter } from '../../core/id-number.ts';
import { DEFAULT_POLICY } from '../../core/policy.ts';
import { RegistrationRequest } from '../../core/schemas/registrations.ts';
import { report } from '../../core/workflows/registration.ts';
import * as clock from '../../functions/shared/clock.ts';
import type { DynamoDbLocal } from '../../local/dynamodb.ts';
import { physicalTableName } from '../../local/tables.ts';
import { startTestDynamo } from '../support/dynamodb.ts';
import { caseworkerClaims, httpEvent, lambdaContext } from '../support/events.ts';
import { FIXTURE_NOW } from '../support/local-api.ts';

const { handler: createRegistration } = await import('../../functions/api/registrations/create.ts');
const { putReferenceData } = await import('../../functions/shared/store/reference.ts');
const { commit } = await import('../../functions/shared/store/case-commit.ts');
const { getCase } = await import('../../functions/shared/store/cases.ts');
const { KeyProblem, fingerprint: fingerprintOf, idempotently, keyRecordId } = await import('../../functions/shared/idempotency.ts');

let dynamo: DynamoDbLocal;
let client: DynamoDBClient;
beforeAll(async () => {
  ({ dynamo, client } = await startTestDynamo());
  await putReferenceData(DEMO_JURISDICTIONS, DEMO_POLICIES);
  clock.setClock(FIXTURE_NOW);
});
afterAll(async () => {
  clock.resetClock();
  client?.destroy();
  await dynamo?.stop();
});

const claims = caseworkerClaims('110105001');
let people = 0;
function registration(overrides: Record<string, unknown> = {}) {
  const first17 = `11010519800101${String(people++).padStart(3, '0')}`;
  return {
    person: { name: '王五', idNumber: first17 + checkCharacter(first17), phone: '13800138000' },
    originCode: '511321100',
    destinationCode: '110105001',
    arrivalDate: '2026-12-01',
    expectedStayDays: 180,
    ...overrides,
  };
}

async function post(body: unknown, key?: string) {
  const result = await createRegistration(
    httpEvent({ method: 'POST', path: '/v1/registrations', claims, headers: { 'content-type': 'application/json', ...(key !== undefined ? { 'idempotency-key': key } : {}) }, body: JSON.stringify(body) }),
    lambdaContext('createRegistration'),
  );
  return { status: result.statusCode, headers: result.headers ?? {}, body: JSON.parse(result.body) as Record<string, any> };
}

const recordId = (key: string) => keyRecordId(claims.sub, 'POST /v1/registrations', key);
async function record(key: string) {
  const found = await client.send(new GetItemCommand({ TableName: physicalTableName('idempotency'), Key: marshall({ id: recordId(key) }), ConsistentRead: true }));
  return found.Item ? unmarshall(found.Item) : undefined;
}
async function putRecord(key: string, item: Record<string, unknown>) {
  await client.send(new PutItemCommand({ TableName: physicalTableName('idempotency'), Item: marshall({ id: recordId(key), ...item }) }));
}
async function registrationsOf(name: string): Promise<number> {
  const scan = await client.send(new ScanCommand({ TableName: physicalTableName('cases'), FilterExpression: '#type = :r AND sk = :case', ExpressionAttributeNames: { '#type': 'type' }, ExpressionAttributeValues: marshall({ ':r': 'registration', ':case': 'CASE' }) }));
  return (scan.Items ?? []).map((i) => unmarshall(i)).filter((c) => c.person?.name === name).length;
}

describe('Idempotency-Key', () => {
  it('completes the key in the same transaction as the case, and answers a retry with that case', async () => {
    const body = registration({ person: { ...registration().person, name: '甲一' } });
    const first = await post(body, 'k-1');
    expect(first.status).toBe(201);
    expect(await record('k-1')).toMatchObject({ state: 'done', outcome: { kind: 'case', id: first.body.id } });
    expect((await record('k-1'))!.owner).toBeUndefined();

    const retry = await post(body, 'k-1');
    expect(retry).toMatchObject({ status: 201, body: first.body });
    expect(retry.headers).toMatchObject({ location: first.headers.location, 'idempotent-replayed': 'true' });
    // The draft's form of the header, a quoted string, is the same key.
    expect((await post(body, '"k-1"')).body.id).toBe(first.body.id);
    expect(await registrationsOf('甲一')).toBe(1);
  });

  it('refuses the key for another body with 422, and writes nothing', async () => {
    const body = registration({ person: { ...registration().person, name: '甲二' } });
    expect((await post(body, 'k-2')).status).toBe(201);
    const other = await post({ ...body, expectedStayDays: 90 }, 'k-2');
    expect(other.status).toBe(422);
    expect(other.body.errors).toEqual([{ field: 'Idempotency-Key', reason: 'was used with a different body' }]);
    expect(await registrationsOf('甲二')).toBe(1);
  });

  it('takes the same body with its fields in another order as the same request', async () => {
    const body = registration({ person: { ...registration().person, name: '甲三' } });
    const first = await post(body, 'k-3');
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    expect((await post(reordered, 'k-3')).body.id).toBe(first.body.id);
  });

  it('answers 409 with Retry-After while the first request holds the key, and runs once its lease has ended', async () => {
    const body = registration({ person: { ...registration().person, name: '甲四' } });
    const fingerprint = fingerprintOf(RegistrationRequest.parse(body));
    // The first request took the key and is still running (or died before its write).
    await putRecord('k-4', { state: 'in_progress', fingerprint, owner: 'other', leaseUntil: Date.now() + 8_000, expiration: Math.floor(Date.now() / 1000) + 3600 });
    const running = await post(body, 'k-4');
    expect(running.status).toBe(409);
    expect(Number(running.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(running.headers['retry-after'])).toBeLessThanOrEqual(8);
    expect(await registrationsOf('甲四')).toBe(0);

    // It died: once the lease ends, the retry runs and creates the case.
    await putRecord('k-4', { state: 'in_progress', fingerprint, owner: 'other', leaseUntil: Date.now() - 1, expiration: Math.floor(Date.now() / 1000) + 3600 });
    const after = await post(body, 'k-4');
    expect(after.status).toBe(201);
    expect(await record('k-4')).toMatchObject({ state: 'done', outcome: { id: after.body.id } });
    expect(await registrationsOf('甲四')).toBe(1);
  });

  it('frees the key when the request fails, so the corrected request can use it', async () => {
    const body = registration({ person: { ...registration().person, name: '甲五' } });
    const refused = await post({ ...body, originCode: '999999999' }, 'k-5');
    expect(refused.status).toBe(422);
    expect(await record('k-5')).toBeUndefined();
    expect((await post(body, 'k-5')).status).toBe(201);
  });

  it('treats a key older than 24 hours as new', async () => {
    const body = registration({ person: { ...registration().person, name: '甲六' } });
    await putRecord('k-6', { state: 'done', fingerprint: 'another body', outcome: { kind: 'case', id: randomUUID() }, expiration: Math.floor(Date.now() / 1000) - 1 });
    const fresh = await post(body, 'k-6');
    expect(fresh.status).toBe(201);
    expect(await record('k-6')).toMatchObject({ state: 'done', outcome: { id: fresh.body.id } });
  });

  it('refuses a key that is empty or too long with 400', async () => {
    for (const key of ['', 'x'.repeat(256), '钥匙']) {
      const r = await post(registration(), key);
      expect(r.status, key).toBe(400);
      expect(r.body.errors[0].field).toBe('Idempotency-Key');
    }
  });

  it('writes nothing for an attempt whose key another attempt took over', async () => {
    const decision = report(registration({ person: { ...registration().person, name: '甲七' } }) as never, { sub: 'cw', role: 'caseworker', jurisdiction: '110105001' }, DEFAULT_POLICY, { caseId: randomUUID(), eventId: randomUUID() }, clock.now());
    const attempt = idempotently(
      {
        scope: 'cw',
        target: 'POST /test',
        key: 'k-7',
        body: { a: 1 },
        leaseMs: 10_000,
        completes: 'store',
        replay: async () => 'replayed',
        succeeded: () => true,
      },
      async () => {
        // Its lease ran out and another attempt took the key before this one wrote.
        await client.send(
          new PutItemCommand({
            TableName: physicalTableName('idempotency'),
            Item: marshall({ id: keyRecordId('cw', 'POST /test', 'k-7'), state: 'in_progress', fingerprint: 'x', owner: 'the other attempt', leaseUntil: Date.now() + 10_000, expiration: Math.floor(Date.now() / 1000) + 3600 }),
          }),
        );
        await commit([decision]);
        return 'created';
      },
    );
    await expect(attempt).rejects.toBeInstanceOf(KeyProblem);
    await expect(attempt).rejects.toMatchObject({ status: 409 });
    expect(await getCase(decision.case.id)).toBeUndefined();
  });
});
