// Who read my record, end to end on the local stack: offices' reads, lookups by ID number and
// reveals of the full numbers are recorded with their purpose and reason; the person reads them
// (offices, never staff names); a supervisor lists what one user of their county read; a refused
// request records nothing.
import { describe, expect, it } from 'vitest';
import { localDate } from '../../core/calendar.ts';
import { startWebhookReceiver } from '../../local/webhook-receiver.ts';
import { idNumberFor } from '../support/ids.ts';
import { FIXTURE_NOW, type Json, useLocalStack } from '../support/local-api.ts';

const local = useLocalStack();
const api = local.call.bind(local);
const idNumber = (i: number) => idNumberFor('11010519880202', i);
const today = localDate(new Date(FIXTURE_NOW));

async function reported(id: string) {
  const self = await local.stack.issuer.sign({ role: 'person', sub: `self-${id.slice(-4)}`, idNumber: id });
  const r = await api('POST', '/v1/registrations', {
    token: self,
    body: { person: { name: '审计', idNumber: id, phone: '13812345678' }, originCode: '511321100', destinationCode: '110105001', arrivalDate: today, expectedStayDays: 60 },
  });
  expect(r.status).toBe(201);
  return { self, id: r.body.id as string };
}
const accessLog = async (token: string) => (await api('GET', '/v1/me/access-log', { token })).body.items as Json[];

describe('the audit and the access log', () => {
  it("records each office read, lookup and reveal with purpose and reason, and shows the person who read their record", async () => {
    const person = idNumber(11);
    const { self, id } = await reported(person);
    const office = await local.stack.issuer.sign({ role: 'caseworker', sub: 'zhang-wei', jurisdiction: '110105001' });
    // The person's own reads are theirs: the log is about others.
    expect((await api('GET', `/v1/registrations/${id}`, { token: self })).status).toBe(200);
    expect(await accessLog(self)).toEqual([]);

    const read = await api('GET', `/v1/registrations/${id}`, { token: office });
    expect(read.body.person).toMatchObject({ idNumber: '110105********' + person.slice(14), phone: '138****5678' });
    // A lookup needs a reason; with one it finds the case, masked.
    expect((await api('POST', '/v1/people/search', { token: office, body: { idNumber: person } })).body.errors).toEqual([{ field: 'reason', reason: 'is required' }]);
    const found = await api('POST', '/v1/people/search', { token: office, body: { idNumber: person, reason: '核实居住登记' } });
    expect(found.body.items.map((c: Json) => c.id)).toEqual([id]);
    expect(JSON.stringify(found.body)).not.toContain(person);
    const revealed = await api('POST', `/v1/cases/${id}/reveal`, { token: office, body: { reason: '电话通知补充材料', fields: ['phone'] } });
    expect(revealed.body).toEqual({ caseId: id, phone: '13812345678' });

    const log = await accessLog(self);
    expect(log.map((e) => [e.action, e.purpose, e.reason ?? null])).toEqual([
      ['reveal', 'full ID and phone number', '电话通知补充材料'],
      ['lookup', 'lookup by ID number', '核实居住登记'],
      ['read', 'case work', null],
    ]);
    for (const e of log) {
      expect(e).toMatchObject({ caseId: id, caseType: 'registration', by: { role: 'caseworker', office: '110105001' } });
      expect(JSON.stringify(e)).not.toContain('zhang-wei');
    }
    // An office whose policy names its staff in access logs: the person sees the account too.
    const national = await local.stack.issuer.sign({ role: 'admin' });
    expect((await api('PUT', '/v1/policies/110105001', { token: national, body: { accessLogNamesStaff: true } })).status).toBe(201);
    expect((await accessLog(self))[0]!.by).toEqual({ role: 'caseworker', office: '110105001', sub: 'zhang-wei' });
    expect((await api('PUT', '/v1/policies/110105001', { token: national, body: {} })).status).toBe(200);
  });

  it('records a lookup that found nothing within reach, and nothing for a refused request', async () => {
    const person = idNumber(12);
    const { self, id } = await reported(person);
    const elsewhere = await local.stack.issuer.sign({ role: 'caseworker', sub: 'li-na', jurisdiction: '510104001' });
    expect((await api('GET', `/v1/registrations/${id}`, { token: elsewhere })).status).toBe(404);
    expect((await api('POST', `/v1/cases/${id}/reveal`, { token: elsewhere, body: { reason: '想看看情况' } })).status).toBe(404);
    expect(await accessLog(self)).toEqual([]);
    const searched = await api('POST', '/v1/people/search', { token: elsewhere, body: { idNumber: person, reason: '协查请求' } });
    expect(searched.body.items).toEqual([]);
    expect(await accessLog(self)).toEqual([expect.objectContaining({ action: 'lookup', reason: '协查请求', purpose: 'lookup by ID number', by: { role: 'caseworker', office: '510104001' } })]);
  });

  it("lets a supervisor list what one user of their jurisdiction read, and nobody else's", async () => {
    const { id } = await reported(idNumber(13));
    const office = await local.stack.issuer.sign({ role: 'caseworker', sub: 'wang-fang', jurisdiction: '110105001' });
    await api('GET', `/v1/registrations/${id}/history`, { token: office });
    await api('GET', '/v1/cases?jurisdiction=110105001', { token: office });
    const county = await local.stack.issuer.sign({ role: 'supervisor', jurisdiction: '110105' });
    const records = (await api('GET', `/v1/audit?sub=wang-fang&from=${today}&to=${today}`, { token: county })).body.items as Json[];
    expect(records.map((r) => r.action)).toEqual(['list', 'read']);
    expect(records[1]).toMatchObject({ sub: 'wang-fang', office: '110105001', caseId: id, route: 'GET /v1/registrations/{id}/history', purpose: 'case work' });
    expect(records[0]!.caseIds).toContain(id);
    const otherCounty = await local.stack.issuer.sign({ role: 'supervisor', jurisdiction: '110108' });
    expect((await api('GET', `/v1/audit?sub=wang-fang&from=${today}&to=${today}`, { token: otherCounty })).body.items).toEqual([]);
    expect((await api('GET', `/v1/audit?sub=wang-fang&from=${today}&to=${today}`, { token: office })).status).toBe(403);
    expect((await api('GET', `/v1/audit?sub=wang-fang&from=${today}&to=2020-01-01`, { token: county })).body.errors[0].field).toBe('query.from');
  });

  it('shows the person what an agency received of them through its subscription, once per event', async () => {
    const receiver = await startWebhookReceiver({ secrets: [], respond: (_r, res) => void res.writeHead(204).end() });
    try {
      const police = await local.stack.issuer.sign({ role: 'agency', agency: 'police-bj', jurisdiction: '11' });
      const subscribed = await api('POST', '/v1/subscriptions', {
        token: police,
        body: { url: receiver.url, eventTypes: ['registration.reported'], jurisdiction: '110105', purpose: 'law_enforcement' },
      });
      expect(subscribed.status).toBe(201);
      const statistics = await local.stack.issuer.sign({ role: 'agency', agency: 'stats-bj', jurisdiction: '11' });
      await api('POST', '/v1/subscriptions', { token: statistics, body: { url: receiver.url, eventTypes: ['registration.reported'], jurisdiction: '110105', purpose: 'statistics' } });
      const { self, id } = await reported(idNumber(14));
      await local.stack.drained();
      const sent = (await accessLog(self)).filter((e) => e.action === 'sent');
      // The statistics office received no personal field, so nothing of the person was sent to it.
      expect(sent).toEqual([
        expect.objectContaining({ caseId: id, purpose: 'event subscription (law_enforcement)', by: { role: 'agency', agency: 'police-bj' } }),
      ]);
      // Both received the event; the police its masked number, never the full one.
      expect(receiver.received.filter((r) => (r.event.data as Json).caseId === id)).toHaveLength(2);
      expect(receiver.received.some((r) => JSON.stringify(r.event).includes(idNumber(14)))).toBe(false);
    } finally {
      await receiver.stop();
    }
  });
});
