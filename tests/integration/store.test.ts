// The case store against DynamoDB Local: transactions, the outbox, conditional writes.
import { randomUUID } from 'node:crypto';
import { PutItemCommand, QueryCommand, ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_JURISDICTIONS } from '../../core/demo-data.ts';
import { DomainError } from '../../core/errors.ts';
import { DEFAULT_POLICY } from '../../core/policy.ts';
import { SYSTEM } from '../../core/principal.ts';
import { transition } from '../../core/workflows/engine.ts';
import { REGISTRATION, report, type ReportInput } from '../../core/workflows/registration.ts';
import type { DynamoDbLocal } from '../../local/dynamodb.ts';
import { startTestDynamo } from '../support/dynamodb.ts';

const store = {
  ...(await import('../../functions/shared/store/cases.ts')),
  ...(await import('../../functions/shared/store/case-commit.ts')),
  ...(await import('../../functions/shared/store/case-codec.ts')),
  ...(await import('../../functions/shared/store/notices.ts')),
  ...(await import('../../functions/shared/store/reference.ts')),
  ...(await import('../../functions/shared/store/paging.ts')),
};
let dynamo: DynamoDbLocal;
let client: DynamoDBClient;

beforeAll(async () => {
  ({ dynamo, client } = await startTestDynamo());
  await store.putReferenceData(DEMO_JURISDICTIONS, {
    '': { reviewWindowDays: 1 },
    '11': { registration: { count: 5, unit: 'working_days' } },
    '110105001': { supplement: { count: 7, unit: 'calendar_days' } },
  });
});
afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
});

const caseworker = { sub: 'cw', role: 'caseworker' as const, jurisdiction: '110105001' };
const input = (overrides: Partial<ReportInput> = {}): ReportInput => ({
  person: { name: '张三', idNumber: '11010519491231002X', phone: '13800138000' },
  originCode: '511321100',
  destinationCode: '110105001',
  arrivalDate: '2026-11-20',
  expectedStayDays: 180,
  ...overrides,
});
const open = (i: ReportInput, now = new Date('2026-11-29T02:00:00Z')) =>
  report(i, caseworker, DEFAULT_POLICY, { caseId: randomUUID(), eventId: randomUUID() }, now);

async function partition(caseId: string) {
  const result = await client.send(
    new QueryCommand({
      TableName: 'liudong-cases',
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: `CASE#${caseId}` } },
    }),
  );
  return (result.Items ?? []).map((item) => unmarshall(item));
}

describe('saving a decision', () => {
  it('writes the case, its history entry and its CloudEvent in one transaction', async () => {
    const decision = open(input());
    await store.commit([decision]);
    const rows = await partition(decision.case.id);
    expect(rows.map((r) => r.entity).sort()).toEqual(['case', 'event', 'history']);
    const event = rows.find((r) => r.entity === 'event')!;
    expect(event.event).toMatchObject({
      specversion: '1.0',
      id: decision.event.id,
      type: 'cn.liudong.registration.reported',
      subject: `registrations/${decision.case.id}`,
    });
    // The outbox row outlives its event by the retention period, counted from the event's own time.
    expect(event.expiresAt).toBe(Math.floor(Date.parse(decision.event.time) / 1000) + store.OUTBOX_RETENTION_SECONDS);
    expect(await store.getCase(decision.case.id)).toEqual(decision.case);
  });

  it('refuses the same arrival twice with a conflict and leaves nothing of the second', async () => {
    const first = open(input({ arrivalDate: '2026-11-21' }));
    await store.commit([first]);
    const second = open(input({ arrivalDate: '2026-11-21' }));
    await expect(store.commit([second])).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringContaining(first.case.id),
    });
    expect(await partition(second.case.id)).toEqual([]);
  });

  it('refuses a write based on a stale version', async () => {
    const opened = open(input({ arrivalDate: '2026-11-22' }));
    await store.commit([opened]);
    const later = new Date('2026-12-10T00:00:00Z');
    const expired = transition(REGISTRATION, opened.case, 'expire', SYSTEM, DEFAULT_POLICY, randomUUID(), later);
    await store.commit([expired]);
    const again = transition(REGISTRATION, opened.case, 'expire', SYSTEM, DEFAULT_POLICY, randomUUID(), later);
    const error = await store.commit([again]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe('conflict');
    expect((await store.getCase(opened.case.id))?.state).toBe('overdue');
    expect((await partition(opened.case.id)).filter((r) => r.entity === 'event')).toHaveLength(2);
  });
});

describe('deadlines index', () => {
  const dueIds = async (until: string) => {
    const ids: string[] = [];
    for await (const due of store.dueBy(until)) if (due.entity === 'case') ids.push(due.case.id);
    return ids;
  };

  it("holds a case at its deadline's next stage, moves it on as stages are queued, and drops it after the last", async () => {
    const due = open(input({ arrivalDate: '2026-10-01', person: { name: '李四', idNumber: '11010519491231002X', phone: '1' } }));
    await store.commit([due]);
    const stages = due.case.deadline!.stages!;
    // Reported 2026-11-29 for an arrival on 2026-10-01: its reminders were past when it started; the overdue step is next.
    expect(stages.map((s) => s.name)).toEqual(['overdue', 'escalate-1', 'escalate-2']);
    expect(await dueIds('2026-10-12T00:00:00.000Z')).toContain(due.case.id);
    expect(await dueIds('2026-10-11T15:59:00.000Z')).not.toContain(due.case.id);

    // Queued through the overdue step: the index now holds it at the first escalation.
    expect(await store.markScheduled(due.case, stages[0]!.at)).toBe(true);
    expect(await dueIds(stages[0]!.at)).not.toContain(due.case.id);
    expect(await dueIds(stages[1]!.at)).toContain(due.case.id);
    // A case that changed since it was read is not marked: the next sweep reads it again.
    expect(await store.markScheduled(due.case, stages[1]!.at)).toBe(true);
    const stale = { ...due.case, version: 99 };
    expect(await store.markScheduled(stale, stages[2]!.at)).toBe(false);

    const read = (await store.getCase(due.case.id))!;
    expect(read.deadline?.scheduledThrough).toBe(stages[1]!.at);
    expect(await store.markScheduled(read, stages[2]!.at)).toBe(true);
    expect(await dueIds('2030-01-01T00:00:00.000Z')).not.toContain(due.case.id);
  });
});

describe('notices', () => {
  const notice = {
    jurisdiction: '511321100',
    eventId: 'evt-1',
    type: 'registration.reported',
    caseId: 'c',
    caseType: 'registration' as const,
    time: '2026-11-29T02:00:00.000Z',
    originCode: '511321100',
    destinationCode: '110105001',
    data: {},
  };

  it('files a notice once, however often the event is delivered', async () => {
    expect(await store.fileNotice(notice)).toBe('filed');
    expect(await store.fileNotice(notice)).toBe('duplicate');
    expect((await store.listNotices('511321100', 10)).items).toHaveLength(1);
  });

  it('pages newest first with a cursor bound to the inbox', async () => {
    for (let i = 2; i <= 4; i++) {
      await store.fileNotice({ ...notice, jurisdiction: '511321101', eventId: `evt-${i}`, time: `2026-11-29T0${i}:00:00.000Z` });
    }
    const first = await store.listNotices('511321101', 2);
    expect(first.items.map((n) => n.eventId)).toEqual(['evt-4', 'evt-3']);
    // A cursor continues only the inbox it came from.
    await expect(store.listNotices('511321100', 2, first.cursor!)).rejects.toMatchObject({ kind: 'validation' });
    await expect(store.listNotices('511321101', 2, 'garbage')).rejects.toMatchObject({ kind: 'validation' });
    const second = await store.listNotices('511321101', 2, first.cursor!);
    expect(second.items.map((n) => n.eventId)).toEqual(['evt-2']);
  });
});

describe('reference data', () => {
  it('knows which jurisdiction codes exist', async () => {
    const found = await store.existingJurisdictions(['110105001', '511321100', '999999999']);
    expect([...found.keys()].sort()).toEqual(['110105001', '511321100']);
    expect(found.get('110105001')?.name).toBe('建外街道');
  });

  it('resolves policy from stored overrides, longest prefix first', async () => {
    const policy = await store.policyFor('110105001');
    expect(policy.registration).toEqual({ count: 5, unit: 'working_days' });
    expect(policy.supplement).toEqual({ count: 7, unit: 'calendar_days' });
    expect(policy.reviewWindowDays).toBe(1);
    expect((await store.policyFor('511321100')).registration).toEqual(DEFAULT_POLICY.registration);
  });

  it('serves reference data from the per-process cache until new reference data is loaded', async () => {
    expect((await store.policyFor('110108001')).reviewWindowDays).toBe(1);
    // Written behind the store's back: the cached policy still answers.
    await client.send(
      new PutItemCommand({
        TableName: 'liudong-cases',
        Item: marshall({ pk: 'POLICY#110108', sk: 'POLICY', entity: 'policy', prefix: '110108', override: { reviewWindowDays: 4 } }),
      }),
    );
    expect((await store.policyFor('110108001')).reviewWindowDays).toBe(1);
    await store.putReferenceData([], {});
    expect((await store.policyFor('110108001')).reviewWindowDays).toBe(4);
  });

  it('loads the same reference data twice without duplicates', async () => {
    await store.putReferenceData(DEMO_JURISDICTIONS, {});
    const scan = await client.send(
      new ScanCommand({
        TableName: 'liudong-cases',
        FilterExpression: 'entity = :j',
        ExpressionAttributeValues: { ':j': { S: 'jurisdiction' } },
      }),
    );
    expect(scan.Items).toHaveLength(DEMO_JURISDICTIONS.length);
  });
});
