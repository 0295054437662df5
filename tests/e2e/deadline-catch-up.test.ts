// A sweep that catches up after days without one, on the local stack with the sweep run as of
// chosen instants: only the latest reminder due goes (the earlier one recorded as skipped, in
// GET /v1/messages), its text says the days left on the day it goes, an SMS in the quiet
// hours waits for their end while the office's notice is filed at once; of several
// escalations overdue at once only the furthest is filed.
import { describe, expect, it } from 'vitest';
import { type Json, today, useLocalStack } from '../support/local-api.ts';

const local = useLocalStack();
const api = local.call.bind(local);
const sign = (claims: { role: 'caseworker' | 'supervisor'; jurisdiction: string }) => local.stack.issuer.sign(claims);
const at = (local: string) => new Date(`${local}+08:00`).toISOString();
const stageAt = (c: Json, name: string) => (c.deadline.stages as Json[]).find((s) => s.name === name)!.at as string;

describe('a sweep that catches up', () => {
  it('sends only the latest reminder, held past the quiet hours with the text of the day it goes, and files only the furthest escalation', async () => {
    // The stack's clock starts on Monday 2026-12-07 (tests/support/local-api.ts): every date below follows from it.
    expect(today()).toBe('2026-12-07');
    const office = await sign({ role: 'caseworker', jurisdiction: '110105001' });
    const other = await sign({ role: 'caseworker', jurisdiction: '110105002' });
    const county = await sign({ role: 'supervisor', jurisdiction: '110105' });
    const prefecture = await sign({ role: 'supervisor', jurisdiction: '1101' });
    const report = async (token: string, destinationCode: string, arrivalDate: string, person: Json) => {
      const r = await api('POST', '/v1/registrations', { token, body: { person, originCode: '511321100', destinationCode, arrivalDate, expectedStayDays: 180 } });
      expect(r.status).toBe(201);
      return r.body;
    };
    const messages = async (c: Json, token = office) => ((await api('GET', `/v1/messages?caseId=${c.id}`, { token })).body.items as Json[]).sort((a, b) => `${a.stage}${a.channel}`.localeCompare(`${b.stage}${b.channel}`));
    const inbox = async (code: string, token: string, c: Json) =>
      ((await api('GET', `/v1/jurisdictions/${code}/notices?limit=100`, { token })).body.items as Json[]).filter((n) => n.caseId === c.id);

    // Arrived today: deadline 12-17, reminders 12-14 and 12-16 at 09:00, escalations 12-20 and 12-27.
    const evening = await report(office, '110105001', '2026-12-07', { name: '周九', idNumber: '110105198001010091', phone: '13600136009', email: 'zhoujiu@example.cn' });
    // Arrived six days ago: deadline 12-11, reminders 12-08 and 12-10 at 09:00, escalations 12-14 and 12-21.
    const morning = await report(other, '110105002', '2026-12-01', { name: '吴十', idNumber: '110105198001010104', phone: '13600136010' });
    expect([evening.deadline.date, stageAt(evening, 'remind-3d'), stageAt(evening, 'remind-1d')]).toEqual(['2026-12-17', at('2026-12-14T09:00:00'), at('2026-12-16T09:00:00')]);
    expect([morning.deadline.date, stageAt(morning, 'remind-3d'), stageAt(morning, 'remind-1d')]).toEqual(['2026-12-11', at('2026-12-08T09:00:00'), at('2026-12-10T09:00:00')]);

    // No sweep for three days, then one at 08:30 on the deadline date: outside the quiet hours, the 1-day reminder goes at once.
    await local.sweep(at('2026-12-11T08:30:00'));
    const [sent, skipped] = await messages(morning, other);
    expect(skipped).toMatchObject({ stage: 'remind-3d', channel: 'sms', state: 'skipped', supersededBy: 'remind-1d', reason: expect.stringContaining('a sweep caught up') });
    expect(skipped).not.toHaveProperty('sentAt');
    expect(sent).toMatchObject({ stage: 'remind-1d', channel: 'sms', state: 'sent', sentAt: at('2026-12-11T08:30:00') });
    expect(sent!.text).toContain('今天是最后一天');
    const reminded = (await inbox('110105002', other, morning)).filter((n) => n.type === 'registration.deadline_reminder');
    expect(reminded.map((n) => n.data)).toEqual([expect.objectContaining({ stage: 'remind-1d', supersedes: ['remind-3d'] })]);

    // No sweep for three days, then one at 23:00 the day before the deadline date, in the quiet hours (21:00–08:00).
    await local.sweep(at('2026-12-16T23:00:00'));
    const caughtUp = await messages(evening);
    expect(caughtUp.map((m) => [m.stage, m.channel, m.state])).toEqual([
      ['remind-1d', 'email', 'sent'],
      ['remind-1d', 'sms', 'held'],
      ['remind-3d', 'email', 'skipped'],
      ['remind-3d', 'sms', 'skipped'],
    ]);
    const [email, held, ...older] = caughtUp;
    // The SMS waits until 08:00 on the deadline date and says so; the e-mail went at 23:00, one day before.
    expect(held).toMatchObject({ dueAt: at('2026-12-16T23:00:00'), releaseAt: at('2026-12-17T08:00:00') });
    expect(held!.text).toBe('【流动人口服务】周九，请于2026-12-17前办理居住登记（今天是最后一天），业务编号' + String(evening.id).slice(0, 8).toUpperCase() + '。');
    expect(email).toMatchObject({ sentAt: at('2026-12-16T23:00:00') });
    expect(email!.text).toContain('还剩1天');
    for (const m of older) expect(m).toMatchObject({ supersededBy: 'remind-1d', reason: 'superseded by remind-1d: a sweep caught up, and only the latest reminder due goes' });
    // The office's notice is filed at once: offices have no quiet hours. One notice, for the 1-day reminder.
    const notices = (await inbox('110105001', office, evening)).filter((n) => n.type === 'registration.deadline_reminder');
    expect(notices.map((n) => n.data)).toEqual([expect.objectContaining({ stage: 'remind-1d', daysBefore: 1, supersedes: ['remind-3d'] })]);

    // The quiet hours end: the held SMS goes, once.
    await local.sweep(at('2026-12-17T08:00:00'));
    expect((await messages(evening)).find((m) => m.stage === 'remind-1d' && m.channel === 'sms')).toMatchObject({ state: 'sent', sentAt: at('2026-12-17T08:00:00') });
    expect(await messages(evening)).toHaveLength(4);

    // No sweep from then until 12-27 10:00: overdue, and both escalations (12-20 and 12-27) are due at once. Only the
    // furthest is filed, with the prefecture, naming the level skipped; the county hears only of the overdue step.
    await local.sweep(at('2026-12-27T10:00:00'));
    expect((await api('GET', `/v1/registrations/${evening.id}`, { token: office })).body.state).toBe('overdue');
    expect((await inbox('110105', county, evening)).map((n) => n.type)).toEqual(['registration.overdue']);
    expect((await inbox('1101', prefecture, evening)).map((n) => [n.type, n.data.stage, n.data.level, n.data.supersedes])).toEqual([
      ['registration.deadline_escalated', 'escalate-2', 2, ['escalate-1']],
    ]);
    // The level below is recorded with its stage (what operators read), as is the skipped reminder.
    const { stageRecord } = await import('../../functions/shared/store/stages.ts');
    const recorded = async (c: Json, stage: string) => (await stageRecord(`${c.id}#registration@${c.version}#${stage}`))?.outcome;
    expect(await recorded(evening, 'escalate-1')).toBe('skipped: superseded by escalate-2: a sweep caught up, and only the furthest level due is filed');
    expect(await recorded(evening, 'escalate-2')).toBe('escalated to 1101; escalate-1 skipped for it');
    expect(await recorded(evening, 'remind-3d')).toBe('skipped: superseded by remind-1d: a sweep caught up, and only the latest reminder due goes');
    expect(await recorded(evening, 'remind-1d')).toBe('office and person reminded; remind-3d skipped for it');
    // The other case's first escalation was filed in its time (the 23:00 sweep, the only level then due): its second names nothing skipped.
    expect((await inbox('110105', county, morning)).filter((n) => n.type === 'registration.deadline_escalated').map((n) => n.data.stage)).toEqual(['escalate-1']);
    const second = (await inbox('1101', prefecture, morning)).filter((n) => n.type === 'registration.deadline_escalated');
    expect(second.map((n) => n.data.stage)).toEqual(['escalate-2']);
    expect(second[0]!.data).not.toHaveProperty('supersedes');
    expect(local.errors).toEqual([]);
  });

  it('does not release a held reminder once its deadline was met meanwhile', async () => {
    const office = await sign({ role: 'caseworker', jurisdiction: '110105001' });
    // Arrived 11-29: deadline 12-09, its 1-day reminder at 12-08 09:00.
    const reported = await api('POST', '/v1/registrations', {
      token: office,
      body: { person: { name: '郑十一', idNumber: '110105198001010112', phone: '13600136011' }, originCode: '511321100', destinationCode: '110105001', arrivalDate: '2026-11-29', expectedStayDays: 180 },
    });
    expect(reported.body.deadline.date).toBe('2026-12-09');
    // Acted on at 23:00: the SMS waits for 08:00.
    await local.sweep(at('2026-12-08T23:00:00'));
    const held = ((await api('GET', `/v1/messages?caseId=${reported.body.id}`, { token: office })).body.items as Json[]).find((m) => m.stage === 'remind-1d');
    expect(held).toMatchObject({ state: 'held', releaseAt: at('2026-12-09T08:00:00') });
    // The person registers at the window that night; at 08:00 there is nothing left to remind of.
    expect((await api('POST', `/v1/registrations/${reported.body.id}/verify`, { token: office })).status).toBe(200);
    await local.sweep(at('2026-12-09T08:00:00'));
    const after = ((await api('GET', `/v1/messages?caseId=${reported.body.id}`, { token: office })).body.items as Json[]).find((m) => m.stage === 'remind-1d');
    expect(after).toMatchObject({ state: 'skipped', reason: 'the deadline was met or moved while it was held' });
    expect(after).not.toHaveProperty('sentAt');
    expect(local.errors).toEqual([]);
  });
});
