// Office inboxes with acknowledgement: a notice is marked read by whom and when; an unread one
// turns late at its policy deadline (3 working days), after a reminder, and escalates upward.
import { describe, expect, it } from 'vitest';
import { localDate } from '../../core/calendar.ts';
import { clockNow, FIXTURE_NOW, type Json, useLocalStack } from '../support/local-api.ts';

const local = useLocalStack();
const api = local.call.bind(local);
const sign = (claims: { role: 'caseworker' | 'supervisor'; jurisdiction: string; sub?: string }) => local.stack.issuer.sign(claims);
const report = async (idNumber: string) => {
  const destination = await sign({ role: 'caseworker', jurisdiction: '110105001' });
  const r = await api('POST', '/v1/registrations', {
    token: destination,
    body: { person: { name: '通知', idNumber, phone: '13500000000' }, originCode: '511321100', destinationCode: '110105001', arrivalDate: localDate(clockNow()), expectedStayDays: 90 },
  });
  expect(r.status).toBe(201);
  return r.body;
};

describe('office inboxes with acknowledgement', () => {
  it('marks a notice read by whom and when, once; lists only unread ones on request', async () => {
    const origin = await sign({ role: 'caseworker', jurisdiction: '511321100', sub: 'clerk-1' });
    const c = await report('110105198001010032');
    await local.stack.drained();
    const inbox = async (query = '') => (await api('GET', `/v1/jurisdictions/511321100/notices${query}`, { token: origin })).body.items as Json[];
    const notice = (await inbox('?unread=true')).find((n) => n.caseId === c.id)!;
    expect(notice).toMatchObject({ type: 'registration.reported', acknowledgeBy: { kind: 'noticeAcknowledgement', period: { count: 3, unit: 'working_days' } } });
    expect(notice).not.toHaveProperty('acknowledged');

    const path = `/v1/jurisdictions/511321100/notices/${notice.eventId}/ack`;
    expect((await api('POST', path, { token: await sign({ role: 'caseworker', jurisdiction: '510104001' }) })).status).toBe(403);
    expect((await api('POST', '/v1/jurisdictions/511321100/notices/no-such-event/ack', { token: origin })).status).toBe(404);
    const acked = await api('POST', path, { token: origin });
    expect(acked.status).toBe(200);
    expect(acked.body.acknowledged).toEqual({ at: expect.any(String), by: { sub: 'clerk-1', role: 'caseworker', office: '511321100' } });
    // Again, by someone else: the first acknowledgement stands.
    const county = await sign({ role: 'supervisor', jurisdiction: '511321', sub: 'chief' });
    const again = await api('POST', path, { token: county });
    expect(again.body.acknowledged).toEqual(acked.body.acknowledged);
    expect((await inbox('?unread=true')).some((n) => n.eventId === notice.eventId)).toBe(false);
    expect((await inbox()).find((n) => n.eventId === notice.eventId)).toMatchObject({ acknowledged: acked.body.acknowledged });
    expect((await api('GET', '/v1/jurisdictions/511321100/notices?unread=maybe', { token: origin })).status).toBe(400);
  });

  it('reminds the office of an unread notice, marks it late at its deadline, escalates it to the county; a read one has none of it', async () => {
    const origin = await sign({ role: 'caseworker', jurisdiction: '511321100' });
    const county = await sign({ role: 'supervisor', jurisdiction: '511321' });
    const unread = await report('110105198001010059');
    const read = await report('110105198001010075');
    await local.stack.drained();
    const all = async (code: string, token: string) => (await api('GET', `/v1/jurisdictions/${code}/notices?limit=100`, { token })).body.items as Json[];
    const find = async (caseId: string) => (await all('511321100', origin)).find((n) => n.caseId === caseId && n.type === 'registration.reported')!;
    const waiting = await find(unread.id);
    const done = await find(read.id);
    await api('POST', `/v1/jurisdictions/511321100/notices/${done.eventId}/ack`, { token: origin });
    const stage = (name: string) => (waiting.acknowledgeBy.stages as Json[]).find((s) => s.name === name)!.at as string;

    await local.sweep(stage('remind-1d'));
    const reminders = (await all('511321100', origin)).filter((n) => n.type === 'notice.acknowledgement_reminder');
    expect(reminders.map((n) => n.data.noticeEventId)).toEqual([waiting.eventId]);

    await local.sweep(waiting.acknowledgeBy.dueAt);
    expect(await find(unread.id)).toMatchObject({ late: { at: waiting.acknowledgeBy.dueAt } });
    expect(await find(read.id)).not.toHaveProperty('late');

    await local.sweep(stage('escalate-1'));
    const escalated = (await all('511321', county)).filter((n) => n.type === 'notice.acknowledgement_escalated');
    expect(escalated).toEqual([expect.objectContaining({ caseId: unread.id, data: expect.objectContaining({ noticeEventId: waiting.eventId, inbox: '511321100', level: 1, daysLate: 3 }) })]);
    // Acknowledged late, it escalates no further.
    await api('POST', `/v1/jurisdictions/511321100/notices/${waiting.eventId}/ack`, { token: origin });
    await local.sweep(stage('escalate-2'));
    expect((await all('5113', await local.stack.issuer.sign({ role: 'supervisor', jurisdiction: '5113' }))).filter((n) => n.type === 'notice.acknowledgement_escalated')).toEqual([]);
    expect(local.errors).toEqual([]);
  });

  it("gives an inbox's feedback figures: received, acknowledged in time or late, unread", async () => {
    const origin = await sign({ role: 'caseworker', jurisdiction: '511321100' });
    const today = localDate(new Date(FIXTURE_NOW));
    const figures = async (query: string) => api('GET', `/v1/jurisdictions/511321100/notices/figures${query}`, { token: origin });
    // The two tests above: three registration notices, one read only after it was marked late.
    const r = await figures(`?from=${today}&to=${today}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      jurisdiction: '511321100', from: today, to: today,
      received: 3, acknowledged: 3, acknowledgedInTime: 2, acknowledgedLate: 1, unread: 0, unreadLate: 0,
      inTimeRate: 2 / 3, medianHoursToAcknowledge: expect.any(Number),
    });
    // One more, unread: counted, not yet late.
    await report('110105198001010091');
    await local.stack.drained();
    expect((await figures(`?from=${today}&to=${today}`)).body).toMatchObject({ received: 4, unread: 1, unreadLate: 0 });
    expect((await figures('?from=2026-01-01&to=2026-01-31')).body).toMatchObject({ received: 0, inTimeRate: null, medianHoursToAcknowledge: null });
    const bad = await figures(`?from=${today}&to=2020-01-01`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Json) => e.field)).toEqual(['query.to']);
    expect((await api('GET', `/v1/jurisdictions/511321100/notices/figures?from=${today}&to=${today}`, { token: await sign({ role: 'caseworker', jurisdiction: '510104001' }) })).status).toBe(404);
  });

  it('publishes the event catalogue without a token, each type with its data schema', async () => {
    const all = await fetch(`${local.stack.apiUrl}/v1/events/schemas`);
    expect(all.status).toBe(200);
    const items = ((await all.json()) as { items: Json[] }).items;
    expect(items.map((e) => e.type)).toContain('cn.liudong.registration.verified');
    const one = await fetch(`${local.stack.apiUrl}/v1/events/schemas/cn.liudong.registration.reported`);
    expect(await one.json()).toMatchObject({ version: 1, notifies: ['origin'], schema: { type: 'object', properties: { person: expect.any(Object) } } });
    expect((await fetch(`${local.stack.apiUrl}/v1/events/schemas/cn.liudong.nothing`)).status).toBe(404);
  });
});
