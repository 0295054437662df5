// End to end through the local stack: HTTP with a token, the handler, DynamoDB Local, the
// outbox stream, the notification queue and its consumer, to the origin's inbox.
import { describe, expect, it } from 'vitest';
import { type Json, today, useLocalStack } from '../support/local-api.ts';
import { eventually } from '../support/wait.ts';

const local = useLocalStack();
const api = local.call.bind(local);
const errors = local.errors;
const person = { name: '张三', idNumber: '11010519491231002X', phone: '13800138000' };
const registration = (overrides: Record<string, unknown> = {}) => ({
  person,
  originCode: '511321100',
  destinationCode: '110105001',
  arrivalDate: today(),
  expectedStayDays: 180,
  ...overrides,
});

describe('arrival registration', () => {
  it('registers a person over HTTP and files a notice in the origin inbox', async () => {
    const destination = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '110105001' });
    const created = await api('POST', '/v1/registrations', { token: destination, body: registration() });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/v1/registrations/${created.body.id}`);
    expect(created.body).toMatchObject({ state: 'reported', deadline: { kind: 'registration' } });

    const read = await api('GET', `/v1/registrations/${created.body.id}`, { token: destination });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ ...created.body, availableActions: ['verify', 'request-supplement', 'refuse', 'update-details', 'depart'] });

    const origin = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '511321100' });
    const notice = await eventually(async () => {
      const inbox = await api('GET', '/v1/jurisdictions/511321100/notices', { token: origin });
      expect(inbox.status).toBe(200);
      return (inbox.body.items as { caseId: string; type: string }[]).find((n) => n.caseId === created.body.id);
    });
    expect(notice).toMatchObject({ type: 'registration.reported', jurisdiction: '511321100', destinationCode: '110105001' });
    // The origin's county sees its township's inbox; another county does not.
    const county = await local.stack.issuer.sign({ role: 'supervisor', jurisdiction: '511321' });
    expect((await api('GET', '/v1/jurisdictions/511321100/notices', { token: county })).status).toBe(200);
    const other = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '510104' });
    expect((await api('GET', '/v1/jurisdictions/511321100/notices', { token: other })).status).toBe(404);
  });

  it('hides a case from callers outside its destination, and lets the person see their own', async () => {
    const self = await local.stack.issuer.sign({ role: 'person', sub: 'person-wang', idNumber: person.idNumber });
    const created = await api('POST', '/v1/registrations', {
      token: self,
      body: registration({ person: { ...person, name: '王五' }, destinationCode: '110108001' }),
    });
    expect(created.status).toBe(201);
    expect((await api('GET', `/v1/registrations/${created.body.id}`, { token: self })).status).toBe(200);
    const stranger = await local.stack.issuer.sign({ role: 'person', sub: 'person-zhao', idNumber: '511321199001010025' });
    expect((await api('GET', `/v1/registrations/${created.body.id}`, { token: stranger })).status).toBe(404);
    const elsewhere = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '110105001' });
    expect((await api('GET', `/v1/registrations/${created.body.id}`, { token: elsewhere })).status).toBe(404);
    expect((await api('GET', '/v1/registrations/7d4b3f3e-4c5a-4b0e-9a51-2f0e8d1c6a10', { token: self })).status).toBe(404);
  });

  it('binds a person to the ID number their identity provider verified: they act and read for it alone, whoever opened the case', async () => {
    const zhou = { name: '周六', idNumber: '110105198001010059', phone: '13600136009' };
    const verifiedAs = (idNumber: string, sub: string) => local.stack.issuer.sign({ role: 'person', sub, idNumber });
    const self = await verifiedAs(zhou.idNumber, 'zhou-phone');
    // Reporting an arrival for somebody else: 403, and nothing is written (their own report still goes).
    const forOther = await api('POST', '/v1/registrations', { token: await verifiedAs('11010519491231002X', 'pre-registrar'), body: registration({ person: zhou, destinationCode: '110105002' }) });
    expect(forOther.status).toBe(403);
    // The office opens the case for them; the person sees it among their cases and may act on it.
    const office = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '110105002' });
    const opened = await api('POST', '/v1/registrations', { token: office, body: registration({ person: zhou, destinationCode: '110105002' }) });
    expect(opened.status).toBe(201);
    const mine = await api('GET', '/v1/me/cases?type=registration', { token: self });
    expect(mine.body.items.map((c: Json) => c.id)).toEqual([opened.body.id]);
    expect((await api('GET', `/v1/registrations/${opened.body.id}`, { token: self })).status).toBe(200);
    await api('POST', `/v1/registrations/${opened.body.id}/request-supplement`, { token: office, body: { items: ['租房合同'], reason: '缺少住所证明' } });
    expect((await api('POST', `/v1/registrations/${opened.body.id}/supplement`, { token: self, body: { note: '已补交' } })).status).toBe(200);
    // Another verified person neither sees nor acts on it.
    const stranger = await verifiedAs('11010519491231002X', 'zhang-phone');
    expect((await api('GET', `/v1/registrations/${opened.body.id}`, { token: stranger })).status).toBe(404);
    expect((await api('GET', '/v1/me/cases?type=registration', { token: stranger })).body.items.some((c: Json) => c.id === opened.body.id)).toBe(false);
    // A person token without the verified number is refused.
    const unverified = await local.stack.issuer.sign({ role: 'person', sub: 'anonymous' });
    const refused = await api('GET', '/v1/me/cases', { token: unverified });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/custom:id_number/);
  });

  it('refuses requests without a valid token as API Gateway does', async () => {
    expect((await api('POST', '/v1/registrations', { body: registration() })).status).toBe(401);
    expect((await api('GET', '/v1/registrations/x', { token: 'not-a-jwt' })).status).toBe(401);
    expect((await api('GET', '/v1/openapi.json')).status).toBe(200);
    // What no route matches: the $default route's problem details, 405 where the path takes other methods.
    const wrongMethod = await api('DELETE', '/v1/registrations');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect((await api('GET', '/v1/nowhere')).status).toBe(404);
  });

  it('answers bad input with problem details and writes nothing', async () => {
    const token = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '110105001' });
    const origin = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '5113' });
    const inboxSize = async () => {
      await local.stack.drained();
      return (await api('GET', '/v1/jurisdictions/511321100/notices', { token: origin })).body.items.length as number;
    };
    const before = await inboxSize();
    const unknown = await api('POST', '/v1/registrations', { token, body: registration({ originCode: '999999999' }) });
    expect(unknown.status).toBe(422);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    expect(unknown.body.errors).toEqual([{ field: 'originCode', reason: 'no jurisdiction 999999999 is known' }]);

    const outside = await api('POST', '/v1/registrations', { token, body: registration({ destinationCode: '110108001' }) });
    expect(outside.status).toBe(403);

    const declined = await api('POST', '/v1/registrations', { token, body: { ...registration(), contraceptionMethod: 'x' } });
    expect(declined.status).toBe(422);

    const future = await api('POST', '/v1/registrations', { token, body: registration({ arrivalDate: '2099-01-01' }) });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].field).toBe('arrivalDate');

    // No event left the outbox for any of them.
    expect(await inboxSize()).toBe(before);
  });

  it('replays the first response for a retried Idempotency-Key, and refuses the key for another body', async () => {
    const token = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '110105002' });
    const body = registration({ destinationCode: '110105002', person: { ...person, name: '赵六' } });
    const headers = { 'idempotency-key': 'retry-1' };
    const first = await api('POST', '/v1/registrations', { token, body, headers });
    const retry = await api('POST', '/v1/registrations', { token, body, headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);

    const misuse = await api('POST', '/v1/registrations', { token, body: { ...body, arrivalDate: '2026-01-01' }, headers });
    expect(misuse.status).toBe(422);
    // Without a key, the same arrival is a duplicate report.
    const duplicate = await api('POST', '/v1/registrations', { token, body });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.detail).toContain(first.body.id);
  });

  it('turns a case overdue when the sweep finds its deadline passed, and escalates to the county', async () => {
    const token = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '110105001' });
    const created = await api('POST', '/v1/registrations', {
      token,
      body: registration({ person: { ...person, name: '孙七', idNumber: '110105198001010032' }, arrivalDate: '2026-01-05' }),
    });
    expect(created.status).toBe(201);
    const dueAt = created.body.deadline.dueAt as string;

    await local.sweep(new Date(Date.parse(dueAt) - 1000).toISOString());
    expect((await api('GET', `/v1/registrations/${created.body.id}`, { token })).body).toMatchObject({ state: 'reported', version: 1 });
    const at = await local.sweep(dueAt);
    expect(at.enqueued).toBeGreaterThanOrEqual(1);
    const read = await api('GET', `/v1/registrations/${created.body.id}`, { token });
    expect(read.body).toMatchObject({ state: 'overdue', deadline: { dueAt }, version: 2 });

    const county = await local.stack.issuer.sign({ role: 'supervisor', jurisdiction: '110105' });
    const escalation = await eventually(async () => {
      const inbox = await api('GET', '/v1/jurisdictions/110105/notices', { token: county });
      return (inbox.body.items as { caseId: string; type: string }[]).find((n) => n.caseId === created.body.id);
    });
    expect(escalation.type).toBe('registration.overdue');
    expect(errors).toEqual([]);
  });
});
