// The national holiday calendar as data, end to end on the local stack: a year with no notice
// counts the statutory holidays and makes working-day deadlines into it provisional; a national
// administrator loads the year's notice; the provisional deadlines are counted again with it,
// the case's history names the notice and the person is told.
import { describe, expect, it } from 'vitest';
import { statutoryHolidays } from '../../core/statutory-holidays.ts';
import { invoke } from '../../local/invoke.ts';
import { type Json, clockNow, useLocalStack } from '../support/local-api.ts';

// The Monday before New Year: a 5-working-day verification runs into 2027, whose notice is not built in.
const local = useLocalStack({ now: '2026-12-28T10:00:00+08:00' });
const api = local.call.bind(local);

/** A notice for 2027 made up for the test: the law's days off, and Saturday 2 January worked. */
const NOTICE_2027 = {
  title: '国务院办公厅关于2027年部分节假日安排的通知（测试用）',
  documentNumber: '国办发明电〔2026〕99号',
  issued: '2026-11-10',
  holidays: statutoryHolidays(2027).holidays,
  workdays: ['2027-01-02'],
};

describe('the holiday calendar by year', () => {
  it('shows a year without a notice as computed from the law, and a built-in one as its notice', async () => {
    const person = await local.stack.issuer.sign({ role: 'person', sub: 'li-lei', idNumber: '110105198001010016' });
    const y2027 = await api('GET', '/v1/calendars/2027', { token: person });
    expect(y2027.status).toBe(200);
    expect(y2027.body).toMatchObject({ year: 2027, source: 'statutory', workdays: [] });
    expect(y2027.body.holidays).toEqual(expect.arrayContaining(['2027-01-01', '2027-02-05', '2027-02-10', '2027-10-01']));
    expect(y2027.body.statutory).toContainEqual({ date: '2027-02-06', festival: 'spring_festival' });
    const y2026 = await api('GET', '/v1/calendars/2026', { token: person });
    expect(y2026.body).toMatchObject({ source: 'notice', notice: { documentNumber: '国办发明电〔2025〕7号', builtIn: true } });
    expect(y2026.body.workdays).toContain('2026-02-14');
    // The 2024 revision's rules apply from 2025.
    expect((await api('GET', '/v1/calendars/2024', { token: person })).body.errors).toEqual([{ field: 'path.year', reason: 'must be from 2025' }]);
  });

  it('lets only a national administrator load a notice, and refuses one that does not fit its year', async () => {
    const county = await local.stack.issuer.sign({ role: 'admin', jurisdiction: '110105' });
    const national = await local.stack.issuer.sign({ role: 'admin' });
    expect((await api('PUT', '/v1/calendars/2027', { token: county, body: NOTICE_2027 })).status).toBe(403);
    const dropped = await api('PUT', '/v1/calendars/2027', { token: national, body: { ...NOTICE_2027, holidays: NOTICE_2027.holidays.filter((d) => d !== '2027-10-02') } });
    expect(dropped.status).toBe(422);
    expect(dropped.body.errors).toEqual([{ field: 'holidays', reason: '2027-10-02 (国庆节) is a statutory holiday and must be inside a holiday period' }]);
    const weekday = await api('PUT', '/v1/calendars/2027', { token: national, body: { ...NOTICE_2027, workdays: ['2027-01-04'] } });
    expect(weekday.body.errors).toEqual([{ field: 'workdays[0]', reason: '2027-01-04 is not a Saturday or Sunday: only weekends are made up' }]);
    expect((await api('GET', '/v1/calendars/2027', { token: national })).body.source).toBe('statutory');
  });

  it('counts a deadline into 2027 provisionally, and again when the notice is loaded', async () => {
    const office = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '110105001' });
    const reported = await api('POST', '/v1/registrations', {
      token: office,
      body: { person: { name: '韩梅梅', idNumber: '110105198001010024', phone: '13700137001' }, originCode: '511321100', destinationCode: '110105001', arrivalDate: '2026-12-27', expectedStayDays: 365 },
    });
    expect(reported.status).toBe(201);
    // The registration's own deadline is in calendar days: never provisional.
    expect(reported.body.deadline).toMatchObject({ kind: 'registration', date: '2027-01-06' });
    expect(reported.body.deadline.provisional).toBeUndefined();
    // The person owes the supplement in 5 working days here (110105's policy): from Monday 28
    // December, 29, 30, 31, then 元旦 (the law's: 2027 has no notice), the weekend, 4 and 5 January.
    const admin = await local.stack.issuer.sign({ role: 'admin' });
    expect((await api('PUT', '/v1/policies/110105', { token: admin, body: { supplement: { count: 5, unit: 'working_days' } } })).status).toBe(201);
    const asked = await api('POST', `/v1/registrations/${reported.body.id}/request-supplement`, { token: office, body: { items: ['租房合同'], reason: '缺少租房合同' } });
    expect(asked.body.deadline).toMatchObject({ kind: 'supplement', date: '2027-01-05', from: '2026-12-28', provisional: true, awaiting: [2027] });

    // The daily check says the 2027 notice is missing (it is expected from 1 November), in the
    // national administrators' inbox: once a day, however often it runs.
    expect(await invoke('checkCalendar', { asOf: '2026-12-28T09:00:00+08:00' })).toEqual({ today: '2026-12-28', missing: [2027] });
    expect(await invoke('checkCalendar', { asOf: '2026-12-28T09:05:00+08:00' })).toEqual({ today: '2026-12-28', missing: [2027] });
    const national = await local.stack.issuer.sign({ role: 'admin' });
    const inbox = await api('GET', '/v1/admin/notices', { token: national });
    expect(inbox.body.items).toMatchObject([{ jurisdiction: 'national', type: 'calendar.notice_missing', data: { year: 2027, today: '2026-12-28', load: 'PUT /v1/calendars/2027' } }]);
    expect((await api('GET', '/v1/admin/notices', { token: await local.stack.issuer.sign({ role: 'admin', jurisdiction: '11' }) })).status).toBe(403);
    const read = await api('POST', `/v1/admin/notices/${inbox.body.items[0].eventId}/ack`, { token: national });
    expect(read.body).toMatchObject({ acknowledged: { by: { role: 'admin' } } });
    expect((await api('GET', '/v1/admin/notices?unread=true', { token: national })).body.items).toEqual([]);
    // Another day's reminder waits unread until the notice is loaded, which answers it.
    await invoke('checkCalendar', { asOf: '2026-12-27T09:00:00+08:00' });
    expect((await api('GET', '/v1/admin/notices?unread=true', { token: national })).body.items).toHaveLength(1);

    const loaded = await api('PUT', '/v1/calendars/2027', { token: national, body: NOTICE_2027 });
    expect(loaded.status).toBe(201);
    expect(loaded.body).toMatchObject({ year: 2027, source: 'notice', workdays: ['2027-01-02'], notice: { documentNumber: '国办发明电〔2026〕99号', builtIn: false, loadedBy: expect.any(String) } });
    await local.stack.drained();
    expect((await api('GET', '/v1/admin/notices?unread=true', { token: national })).body.items).toEqual([]);

    // Saturday 2 January is worked: the fifth working day is Monday 4 January, and final.
    const moved = await api('GET', `/v1/registrations/${reported.body.id}`, { token: office });
    expect(moved.body.deadline).toMatchObject({ kind: 'supplement', date: '2027-01-04' });
    expect(moved.body.deadline.provisional).toBeUndefined();
    const history = (await api('GET', `/v1/registrations/${reported.body.id}/history`, { token: office })).body.items as Json[];
    expect(history.at(-1)).toMatchObject({ action: 'reschedule', from: 'awaiting_supplement', to: 'awaiting_supplement', by: { role: 'system' } });
    expect(history.at(-1)!.note).toBe(`${NOTICE_2027.title}（${NOTICE_2027.documentNumber}）: 2027-01-05 → 2027-01-04`);
    // The office working the case hears of it in its inbox.
    const notices = (await api('GET', '/v1/jurisdictions/110105001/notices', { token: office })).body.items as Json[];
    expect(notices.filter((n) => n.caseId === reported.body.id && n.type === 'registration.deadline_rescheduled')).toHaveLength(1);
    // The person is told: recorded with the change, sent by the deadline worker (held through quiet hours like any SMS).
    const told = async () => ((await api('GET', `/v1/messages?caseId=${reported.body.id}`, { token: office })).body.items as Json[]).filter((m) => m.stage === 'rescheduled');
    expect(await told()).toMatchObject([{ channel: 'sms', state: 'held' }]);
    await local.sweep(clockNow().toISOString());
    expect(await told()).toMatchObject([{ channel: 'sms', state: 'sent' }]);
    expect((await told())[0]!.text).toContain('由2027-01-05调整为2027-01-04');

    expect(await invoke('checkCalendar', { asOf: '2026-12-29T09:00:00+08:00' })).toEqual({ today: '2026-12-29', missing: [] });

    // Loaded again (a corrected notice): 200, and nothing left to count again.
    expect((await api('PUT', '/v1/calendars/2027', { token: national, body: NOTICE_2027 })).status).toBe(200);
    await local.stack.drained();
    const after = (await api('GET', `/v1/registrations/${reported.body.id}/history`, { token: office })).body.items as Json[];
    expect(after.filter((h) => h.action === 'reschedule')).toHaveLength(1);
    expect(local.errors).toEqual([]);
  });

  it('finds, the next day, a deadline counted with a calendar cached from before a notice was loaded', async () => {
    const admin = await local.stack.issuer.sign({ role: 'admin' });
    const office = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '110108001' });
    // A long verification period at 110108: 270 working days from 29 December run into 2028.
    expect((await api('PUT', '/v1/policies/110108', { token: admin, body: { verification: { count: 270, unit: 'working_days' } } })).status).toBe(201);
    const reported = await api('POST', '/v1/registrations', {
      token: office,
      body: { person: { name: '林涛', idNumber: '110105198001010040', phone: '13700137003' }, originCode: '511321100', destinationCode: '110108001', arrivalDate: '2026-12-27', expectedStayDays: 365 },
    });
    await api('POST', `/v1/registrations/${reported.body.id}/request-supplement`, { token: office, body: { items: ['租房合同'], reason: '缺少租房合同' } });
    // Loaded where no process hears of it (as another process's load looks to a warm one): the cached calendar stays for a minute.
    const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
    const { documentClient } = await import('../../functions/shared/clients.ts');
    const { tableName } = await import('../../functions/shared/env.ts');
    const notice = { year: 2028, title: '国务院办公厅关于2028年部分节假日安排的通知（测试用）', documentNumber: '国办发明电〔2027〕99号', issued: '2027-11-10', holidays: statutoryHolidays(2028).holidays, workdays: [], loadedAt: '2026-12-28T10:00:00.000Z', loadedBy: 'elsewhere' };
    await documentClient().send(new PutCommand({ TableName: tableName('cases'), Item: { pk: 'CALENDAR', sk: '2028', entity: 'calendar', notice } }));
    const supplemented = await api('POST', `/v1/registrations/${reported.body.id}/supplement`, { token: office, body: { note: '已补交' } });
    expect(supplemented.body.deadline).toMatchObject({ kind: 'verification', provisional: true, awaiting: [2028] });
    // The next morning's check counts it with both notices: final now, its date unchanged (the 2028 notice is the law's days).
    expect(await invoke('checkCalendar', { asOf: '2026-12-29T07:30:00+08:00' })).toMatchObject({ missing: [] });
    await local.stack.drained();
    const after = await api('GET', `/v1/registrations/${reported.body.id}`, { token: office });
    expect(after.body.deadline).toMatchObject({ kind: 'verification', date: supplemented.body.deadline.date });
    expect(after.body.deadline.provisional).toBeUndefined();
    const history = (await api('GET', `/v1/registrations/${reported.body.id}/history`, { token: office })).body.items as Json[];
    expect(history.at(-1)!.note).toBe(`${notice.title}（${notice.documentNumber}）: ${supplemented.body.deadline.date} stands`);
    expect(local.errors).toEqual([]);
  });
});
