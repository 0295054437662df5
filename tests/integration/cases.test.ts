// Case lists, concurrent actions, certificates and the rate limiter on DynamoDB Local.
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newCertificateNumber } from '../../core/certificates.ts';
import { DEMO_JURISDICTIONS } from '../../core/demo-data.ts';
import { checkCharacter } from '../../core/id-number.ts';
import { DEFAULT_POLICY } from '../../core/policy.ts';
import { type Principal, SYSTEM } from '../../core/principal.ts';
import { type Decision, transition } from '../../core/workflows/engine.ts';
import { type Case, workingOffice } from '../../core/workflows/index.ts';
import { apply } from '../../core/workflows/origin-certificate.ts';
import { REGISTRATION, type RegistrationCase, report, verify } from '../../core/workflows/registration.ts';
import type { DynamoDbLocal } from '../../local/dynamodb.ts';
import { startTestDynamo } from '../support/dynamodb.ts';

const cases = { ...(await import('../../functions/shared/store/cases.ts')), ...(await import('../../functions/shared/store/case-commit.ts')), ...(await import('../../functions/shared/store/case-codec.ts')) };
const certificates = await import('../../functions/shared/store/certificates.ts');
const rateLimits = await import('../../functions/shared/store/rate-limits.ts');
const { putReferenceData } = await import('../../functions/shared/store/reference.ts');
const { documentClient } = await import('../../functions/shared/clients.ts');

let dynamo: DynamoDbLocal;
let client: DynamoDBClient;
beforeAll(async () => {
  ({ dynamo, client } = await startTestDynamo());
  await putReferenceData(DEMO_JURISDICTIONS, {});
});
afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
});

const office = (jurisdiction: string): Principal => ({ sub: `cw-${jurisdiction}`, role: 'caseworker', jurisdiction });
const idNumber = (i: number) => {
  const first17 = `11010519800101${String(i).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};
const NUMBER = newCertificateNumber('verification', (n) => new Uint8Array(n).fill(7));
const verifyIds = () => ({ eventId: randomUUID(), review: { caseId: randomUUID(), eventId: randomUUID() } });
const OTHER_NUMBER = newCertificateNumber('verification', (n) => new Uint8Array(n).fill(9));

let clock = Date.parse('2026-11-20T02:00:00Z');
/** Each case a minute apart, so "newest activity first" has one right answer. */
const tick = () => new Date((clock += 60_000));

async function registered(destinationCode: string, i: number, arrivalDate = '2026-11-15'): Promise<RegistrationCase> {
  const decision = report(
    {
      person: { name: `人${i}`, idNumber: idNumber(i), phone: '13800138000' },
      originCode: '511321100',
      destinationCode,
      arrivalDate,
      expectedStayDays: 90,
    },
    office(destinationCode),
    DEFAULT_POLICY,
    { caseId: randomUUID(), eventId: randomUUID() },
    tick(),
  );
  await cases.commit([decision]);
  return decision.case;
}

describe('case lists', () => {
  const opened: Case[] = [];
  beforeAll(async () => {
    const places = ['110105001', '110105002', '110108001', '510104001'];
    for (let i = 0; i < 48; i++) opened.push(await registered(places[i % places.length]!, i));
    // Six of the county's cases go overdue; two origin certificates open at the origin.
    for (const c of opened.filter((c) => c.destinationCode!.startsWith('110105')).slice(0, 6)) {
      const expired = transition(REGISTRATION, c as RegistrationCase, 'expire', SYSTEM, DEFAULT_POLICY, randomUUID(), tick());
      await cases.commit([expired]);
      opened[opened.indexOf(c)] = expired.case;
    }
    for (let i = 0; i < 2; i++) {
      const certificate = apply({ person: { name: '申', idNumber: idNumber(100 + i), phone: '1' } , originCode: '511321100' }, office('511321100'), DEFAULT_POLICY, { caseId: randomUUID(), eventId: randomUUID() }, tick());
      await cases.commit([certificate]);
      opened.push(certificate.case);
    }
  });

  /** Every page of a list, and the DynamoDB commands that served it. */
  async function everyPage(list: (cursor?: string) => ReturnType<typeof cases.listCases>) {
    const send = vi.spyOn(documentClient(), 'send');
    const items: Case[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list(cursor);
      items.push(...page.items);
      cursor = page.cursor;
      pages++;
    } while (cursor && pages < 50);
    const commands = send.mock.calls.map(([command]) => ({ name: command.constructor.name, input: command.input as Record<string, unknown> }));
    send.mockRestore();
    return { items, commands, pages };
  }

  it('lists a county’s cases from all its townships with one index query per page, never a scan', async () => {
    const { items, commands, pages } = await everyPage((cursor) => cases.listCases('110105', {}, 5, cursor));
    const expected = opened.filter((c) => c.type === 'registration' && c.destinationCode!.startsWith('110105'));
    expect(items.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
    // Newest activity first, across pages.
    expect(items.map((c) => c.updatedAt)).toEqual([...items.map((c) => c.updatedAt)].sort().reverse());
    expect(pages).toBe(Math.ceil(expected.length / 5));
    expect(commands.every((c) => c.name === 'QueryCommand' && c.input.IndexName === 'scope6')).toBe(true);
    expect(commands).toHaveLength(pages);
  });

  it('filters overdue cases and deadlines inside the same index query', async () => {
    const overdue = await everyPage((cursor) => cases.listCases('110105', { overdue: true }, 4, cursor));
    expect(overdue.items).toHaveLength(6);
    expect(overdue.items.every((c) => c.state === 'overdue')).toBe(true);
    // The sparse overdue index holds nothing else: each page is one query, with no filter.
    expect(overdue.commands.every((c) => c.name === 'QueryCommand' && c.input.IndexName === 'overdue6' && !c.input.FilterExpression)).toBe(true);
    expect(overdue.commands).toHaveLength(overdue.pages);
    // A case that is no longer overdue leaves the index.
    const first = overdue.items[0] as RegistrationCase;
    await cases.commit(verify(first, office(first.destinationCode), DEFAULT_POLICY, verifyIds(), tick(), { certificateNumber: OTHER_NUMBER }));
    expect((await cases.listCases('110105', { overdue: true }, 100)).items.map((c) => c.id)).not.toContain(first.id);

    const dueSoon = await cases.listCases('1101', { dueBefore: '2026-11-26T00:00:00.000Z' }, 100);
    expect(dueSoon.items.length).toBeGreaterThan(0);
    expect(dueSoon.items.every((c) => c.deadline !== null && c.deadline.dueAt < '2026-11-26T00:00:00.000Z')).toBe(true);
  });

  it('serves each level from its own index, and a community code from its township’s', async () => {
    for (const [code, index] of [['11', 'scope2'], ['5101', 'scope4'], ['110108001', 'scope9'], ['110108001001', 'scope9']] as const) {
      const { items, commands } = await everyPage((cursor) => cases.listCases(code, {}, 100, cursor));
      expect(commands.every((c) => c.input.IndexName === index), code).toBe(true);
      expect(items.every((c) => workingOffice(c).startsWith(code)), code).toBe(true);
      if (code !== '110108001001') expect(items.length, code).toBeGreaterThan(0);
    }
    const origin = await cases.listCases('511321', { type: 'origin_certificate' }, 100);
    expect(origin.items).toHaveLength(2);
  });

  it('refuses a cursor from another list', async () => {
    const first = await cases.listCases('110105001', {}, 1);
    await expect(cases.listCases('110105002', {}, 1, first.cursor)).rejects.toMatchObject({ kind: 'validation' });
    await expect(cases.listCases('110105001', {}, 1, 'bm90IGEgY3Vyc29y')).rejects.toMatchObject({ kind: 'validation' });
  });
});

describe('concurrent actions', () => {
  it('lets one of two actions decided on the same version win; the other is a conflict and leaves nothing', async () => {
    const c = await registered('110105001', 500);
    const worker = office('110105001');
    const now = tick();
    const a = verify(c, worker, DEFAULT_POLICY, verifyIds(), now, { certificateNumber: 'VC-0000-0000-0000' });
    const b = transition(REGISTRATION, c, 'request_supplement', worker, DEFAULT_POLICY, randomUUID(), now, { detail: { reason: 'r' } });
    const outcomes = await Promise.allSettled([cases.commit(a), cases.commit([b])]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ kind: 'conflict' });
    const history = await cases.caseHistory(c.id);
    expect(history.map((h) => h.action)).toHaveLength(2);
    expect((await cases.getCase(c.id))?.version).toBe(2);
  });

  it('writes every decision of a departure in one transaction, or none', async () => {
    const c = await registered('110105002', 501);
    const stale = { ...c, version: 7 }; // decided on a version the table does not hold
    const decisions: Decision[] = [
      transition(REGISTRATION, stale, 'depart', office('110105002'), DEFAULT_POLICY, randomUUID(), tick()),
      report(
        { person: c.person, originCode: c.originCode, destinationCode: '510104001', arrivalDate: '2026-11-20', expectedStayDays: 90 },
        office('510104001'),
        DEFAULT_POLICY,
        { caseId: randomUUID(), eventId: randomUUID() },
        tick(),
      ),
    ];
    await expect(cases.commit(decisions)).rejects.toMatchObject({ kind: 'conflict' });
    expect(await cases.getCase(decisions[1]!.case.id)).toBeUndefined();
  });
});

describe('certificates', () => {
  it('publishes a certificate record without personal data, and keeps a number to one case', async () => {
    const c = await registered('110108001', 600);
    await cases.commit(verify(c, office('110108001'), DEFAULT_POLICY, verifyIds(), tick(), { certificateNumber: NUMBER }));
    const record = await certificates.getCertificateRecord(NUMBER);
    expect(record).toMatchObject({ kind: 'verification', caseId: c.id, holder: cases.holderHash(c.person.idNumber) });
    expect(JSON.stringify(record)).not.toContain(c.person.idNumber);
    expect(JSON.stringify(record)).not.toContain(c.person.name);

    const other = await registered('110108001', 601);
    const clash = verify(other, office('110108001'), DEFAULT_POLICY, verifyIds(), tick(), { certificateNumber: NUMBER });
    await expect(cases.commit(clash)).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining(NUMBER) });
    expect((await cases.getCase(other.id))?.state).toBe('reported');
  });

  it('counts checks per caller and window, and says when to retry', async () => {
    const at = new Date('2026-11-29T02:00:10Z');
    for (let i = 0; i < 3; i++) expect((await rateLimits.withinRateLimit('ip-a', 3, 60, at)).allowed).toBe(true);
    expect(await rateLimits.withinRateLimit('ip-a', 3, 60, at)).toEqual({ allowed: false, retryAfter: 50 });
    expect((await rateLimits.withinRateLimit('ip-b', 3, 60, at)).allowed).toBe(true);
    expect((await rateLimits.withinRateLimit('ip-a', 3, 60, new Date('2026-11-29T02:01:00Z'))).allowed).toBe(true);
  });
});
