// The reminder policy: which stages a deadline has and when, in calendar and working days;
// quiet hours for SMS; the offices escalations go to; message texts without ID numbers.
import { describe, expect, it } from 'vitest';
import { endOfLocalDate, localDate } from '../../core/calendar.ts';
import { reminderMessages } from '../../core/messages.ts';
import { DEFAULT_POLICY, resolvePolicy } from '../../core/policy.ts';
import { DEFAULT_REMINDERS, daysLeft, escalationOffice, nextStage, releaseAt, skipOf, stagesBetween, stagesOf, supersedes } from '../../core/reminders.ts';
import { planNoticeStage } from '../../core/deadline-stages.ts';
import { startDeadline, stagesOfDeadline } from '../../core/workflows/engine.ts';

const noHolidays = { holidays: [], workdays: [] };

describe('the stages of a deadline', () => {
  it('reminds 3 and 1 days before at 09:00 Shanghai, turns overdue at the end of the date, escalates 3 and 10 days after', () => {
    const deadline = { date: '2026-12-10', dueAt: endOfLocalDate('2026-12-10'), period: { count: 10, unit: 'calendar_days' as const } };
    const stages = stagesOf(deadline, DEFAULT_REMINDERS.registration, noHolidays, '2026-11-30T02:00:00.000Z');
    expect(stages.map((s) => [s.name, s.at])).toEqual([
      ['remind-3d', '2026-12-07T01:00:00.000Z'],
      ['remind-1d', '2026-12-09T01:00:00.000Z'],
      ['overdue', '2026-12-10T16:00:00.000Z'],
      ['escalate-1', '2026-12-13T01:00:00.000Z'],
      ['escalate-2', '2026-12-20T01:00:00.000Z'],
    ]);
    expect(stages[0]).toMatchObject({ type: 'reminder', daysBefore: 3, audience: ['person', 'office'] });
    expect(stages[4]).toMatchObject({ type: 'escalation', daysLate: 10, level: 2 });
  });

  it('counts a working-day deadline in working days, skipping weekends and holidays', () => {
    // Friday 2026-10-09 is the deadline date; 1 working day before is Thursday, 3 after is Wednesday.
    const deadline = { date: '2026-10-09', dueAt: endOfLocalDate('2026-10-09'), period: { count: 5, unit: 'working_days' as const } };
    const rule = { before: [1], remind: ['office' as const], escalateAfter: [3] };
    const withHoliday = { holidays: ['2026-10-13'], workdays: [] };
    const stages = stagesOf(deadline, rule, withHoliday, '2026-10-01T00:00:00.000Z');
    expect(stages.find((s) => s.name === 'remind-1d')?.at).toBe('2026-10-08T01:00:00.000Z');
    // Mon 12, (Tue 13 a holiday), Wed 14, Thu 15.
    expect(stages.find((s) => s.name === 'escalate-1')?.at).toBe('2026-10-15T01:00:00.000Z');
  });

  it('leaves out reminders already past when the deadline starts', () => {
    const deadline = { date: '2026-12-10', dueAt: endOfLocalDate('2026-12-10'), period: { count: 10, unit: 'calendar_days' as const } };
    const names = stagesOf(deadline, DEFAULT_REMINDERS.registration, noHolidays, '2026-12-08T00:00:00.000Z').map((s) => s.name);
    expect(names).toEqual(['remind-1d', 'overdue', 'escalate-1', 'escalate-2']);
  });

  it('hands a sweep only the stages in its window, and names the next one after', () => {
    const d = startDeadline('registration', '2026-11-30', DEFAULT_POLICY, { at: '2026-11-30T02:00:00.000Z', version: 1 })!;
    expect(d.stages!.map((s) => s.name)).toEqual(['remind-3d', 'remind-1d', 'overdue', 'escalate-1', 'escalate-2']);
    const first = stagesBetween(d.stages!, undefined, '2026-12-09T01:00:00.000Z').map((s) => s.name);
    expect(first).toEqual(['remind-3d', 'remind-1d']);
    expect(stagesBetween(d.stages!, '2026-12-09T01:00:00.000Z', '2026-12-09T01:05:00.000Z')).toEqual([]);
    expect(nextStage(d.stages!, '2026-12-09T01:00:00.000Z')?.name).toBe('overdue');
    expect(nextStage(d.stages!, d.stages!.at(-1)!.at)).toBeUndefined();
  });

  it('takes reminder rules from policy kind by kind, the longest prefix winning', () => {
    const policy = resolvePolicy('110105001', {
      '': { reminders: { review: { before: [14], remind: ['person'], escalateAfter: [5] } } },
      '1101': { reminders: { registration: { before: [2], remind: ['office'], escalateAfter: [] } } },
    });
    expect(policy.reminders.review.before).toEqual([14]);
    expect(policy.reminders.registration).toEqual({ before: [2], remind: ['office'], escalateAfter: [] });
    expect(policy.reminders.supplement).toEqual(DEFAULT_REMINDERS.supplement);
  });
});

describe('escalation offices', () => {
  it('goes up one level per escalation, and no further than the province', () => {
    expect(escalationOffice('110105001', 1)).toBe('110105');
    expect(escalationOffice('110105001', 2)).toBe('1101');
    expect(escalationOffice('110105001', 3)).toBe('11');
    expect(escalationOffice('110105001', 4)).toBeUndefined();
    expect(escalationOffice('110105', 1)).toBe('1101');
  });
});

describe('quiet hours', () => {
  const quiet = { start: '21:00', end: '08:00' };
  it('holds an SMS due in the evening until 08:00 the next day, and one due after midnight until 08:00 that day', () => {
    expect(releaseAt('2026-12-07T13:30:00.000Z', quiet)).toBe('2026-12-08T00:00:00.000Z'); // 21:30 → 08:00 next day
    expect(releaseAt('2026-12-07T18:00:00.000Z', quiet)).toBe('2026-12-08T00:00:00.000Z'); // 02:00 → 08:00
    expect(releaseAt('2026-12-08T01:00:00.000Z', quiet)).toBe('2026-12-08T01:00:00.000Z'); // 09:00: at once
    expect(releaseAt('2026-12-07T13:30:00.000Z', null)).toBe('2026-12-07T13:30:00.000Z');
  });
});

describe('catching up after missed sweeps', () => {
  // Deadline date 2026-12-10: reminders 12-07 and 12-09 at 09:00, overdue at the end of 12-10, escalations 12-13 and 12-20.
  const deadline = { date: '2026-12-10', dueAt: endOfLocalDate('2026-12-10'), period: { count: 10, unit: 'calendar_days' as const } };
  const stages = stagesOf(deadline, DEFAULT_REMINDERS.registration, noHolidays, '2026-11-30T02:00:00.000Z');
  const d = { dueAt: deadline.dueAt, stages };
  const stage = (name: string) => stages.find((s) => s.name === name)!;
  const quiet = { start: '21:00', end: '08:00' };
  const office = { office: '110105001', quiet };
  const at = (local: string) => new Date(`${local}+08:00`).toISOString();

  it('sends only the latest reminder due: the earlier one is skipped for it, at 23:00 as at 08:30 the next morning', () => {
    for (const now of [at('2026-12-09T23:00:00'), at('2026-12-10T08:30:00')]) {
      expect(skipOf(stage('remind-3d'), d, now, office)).toEqual({ reason: 'superseded by remind-1d: a sweep caught up, and only the latest reminder due goes', supersededBy: 'remind-1d' });
      expect(skipOf(stage('remind-1d'), d, now, office)).toBeUndefined();
      expect(supersedes(stage('remind-1d'), d, now, office).map((s) => s.name)).toEqual(['remind-3d']);
    }
  });

  it('skips nothing when each reminder is acted on in its own time', () => {
    expect(skipOf(stage('remind-3d'), d, stage('remind-3d').at, office)).toBeUndefined();
    expect(skipOf(stage('remind-1d'), d, stage('remind-1d').at, office)).toBeUndefined();
    // A late 3-day reminder whose SMS would go before the next is due still goes (its text says 2 days).
    expect(skipOf(stage('remind-3d'), d, at('2026-12-08T15:00:00'), office)).toBeUndefined();
  });

  it('skips a late reminder when the next falls due on the day it would go: later that morning, or after the quiet hours', () => {
    // A sweep back at 08:57, the 1-day reminder due at 09:00: the person is not reminded twice in three minutes.
    expect(skipOf(stage('remind-3d'), d, at('2026-12-09T08:57:00'), office)?.supersededBy).toBe('remind-1d');
    // At 23:00 the evening before, the SMS would wait until 08:00 on the 1-day reminder's own day.
    expect(skipOf(stage('remind-3d'), d, at('2026-12-08T23:00:00'), office)?.supersededBy).toBe('remind-1d');
    expect(skipOf(stage('remind-3d'), d, at('2026-12-08T23:00:00'), { office: '110105001', quiet: null })).toBeUndefined();
  });

  it('skips every reminder once the deadline has passed, and never the overdue step', () => {
    const now = at('2026-12-11T00:30:00');
    for (const name of ['remind-3d', 'remind-1d']) expect(skipOf(stage(name), d, now, office)).toEqual({ reason: 'the deadline had passed when a sweep caught up' });
    expect(skipOf(stage('overdue'), d, at('2026-12-30T10:00:00'), office)).toBeUndefined();
  });

  it('files only the furthest escalation due when several are overdue at once, the levels below recorded', () => {
    const now = at('2026-12-20T10:00:00');
    expect(skipOf(stage('escalate-1'), d, now, office)).toEqual({
      reason: 'superseded by escalate-2: a sweep caught up, and only the furthest level due is filed',
      supersededBy: 'escalate-2',
    });
    expect(skipOf(stage('escalate-2'), d, now, office)).toBeUndefined();
    expect(supersedes(stage('escalate-2'), d, now, office).map((s) => s.name)).toEqual(['escalate-1']);
    // In its own time the first escalation is filed.
    expect(skipOf(stage('escalate-1'), d, stage('escalate-1').at, office)).toBeUndefined();
  });

  it('plans a notice\'s acknowledgement stages by the same rule: late at its instant, the inbox reminded, only the furthest escalation filed', () => {
    const acknowledgeBy = startDeadline('registration', '2026-11-30', DEFAULT_POLICY, { at: '2026-11-30T02:00:00.000Z', version: 1 })!;
    const named = (name: string) => stagesOfDeadline(acknowledgeBy).find((s) => s.name === name)!;
    const notice = { jurisdiction: '110105001', acknowledgeBy };
    // The earlier reminder is a candidate only: the worker names it if it was not done in its own time.
    expect(planNoticeStage(notice, named('remind-1d'), new Date(named('remind-1d').at))).toEqual({ act: 'remind', office: '110105001', messages: [], supersedes: [named('remind-3d')] });
    expect(planNoticeStage(notice, named('overdue'), new Date(at('2026-12-30T10:00:00')))).toEqual({ act: 'overdue', through: named('overdue').at });
    const late = new Date(at('2026-12-20T10:00:00'));
    expect(planNoticeStage(notice, named('escalate-1'), late)).toEqual({ act: 'nothing', outcome: 'skipped: superseded by escalate-2: a sweep caught up, and only the furthest level due is filed' });
    expect(planNoticeStage(notice, named('escalate-2'), late)).toEqual({ act: 'escalate', to: '1101', supersedes: [named('escalate-1')] });
  });

  it('does not skip a level for a further one that has no office to go to', () => {
    // A county works the case: level 1 is the prefecture, 2 the province, 3 nobody.
    const three = stagesOf(deadline, { ...DEFAULT_REMINDERS.registration, escalateAfter: [3, 10, 20] }, noHolidays, '2026-11-30T02:00:00.000Z');
    const all = { dueAt: deadline.dueAt, stages: three };
    const now = at('2026-12-31T10:00:00');
    const named = (name: string) => three.find((s) => s.name === name)!;
    expect(skipOf(named('escalate-2'), all, now, { office: '110105' })).toBeUndefined();
    expect(skipOf(named('escalate-1'), all, now, { office: '110105' })?.supersededBy).toBe('escalate-2');
    expect(skipOf(named('escalate-2'), all, now, { office: '110105001' })?.supersededBy).toBe('escalate-3');
  });

  it('counts the days left from the day a reminder goes, in the deadline\'s unit', () => {
    expect(daysLeft('2026-12-07', deadline, noHolidays)).toBe(3);
    expect(daysLeft('2026-12-10', deadline, noHolidays)).toBe(0);
    expect(daysLeft('2026-12-11', deadline, noHolidays)).toBe(-1);
    // Friday 2026-10-09 in working days: from the Monday before, 4 (Tue, Wed, Thu, Fri); from the Saturday before, 5 (Mon–Fri).
    const working = { date: '2026-10-09', period: { count: 5, unit: 'working_days' as const } };
    expect(daysLeft('2026-10-05', working, noHolidays)).toBe(4);
    expect(daysLeft('2026-10-03', working, noHolidays)).toBe(5);
    expect(daysLeft('2026-10-05', working, { holidays: ['2026-10-07'], workdays: [] })).toBe(3);
  });
});

describe('messages to people', () => {
  const person = { name: '张三', phone: '13800138000', idNumber: '11010519491231002X' };
  const deadline = { date: '2026-12-10', dueAt: endOfLocalDate('2026-12-10'), period: { count: 10, unit: 'calendar_days' as const } };
  const daysLeftAt = (at: string) => daysLeft(localDate(new Date(at)), deadline, noHolidays);
  const input = { caseId: 'c0ffee00-1111-4222-8333-444455556666', stage: 'remind-3d', kind: 'registration' as const, person, deadline, daysLeft: daysLeftAt, dueAt: '2026-12-07T01:00:00.000Z' };

  it('texts in Chinese by default, e-mails too when an address is known, and never carries the ID number', () => {
    const [sms, email] = reminderMessages({ ...input, person: { ...person, email: 'zhang@example.cn' } }, null, (c) => `id-${c}`);
    expect(sms).toMatchObject({ channel: 'sms', to: '13800138000', state: 'queued', language: 'zh' });
    expect(sms!.text).toBe('【流动人口服务】张三，请于2026-12-10前办理居住登记（还剩3天），业务编号C0FFEE00。');
    expect(email).toMatchObject({ channel: 'email', to: 'zhang@example.cn', subject: '提醒：请于2026-12-10前办理居住登记' });
    for (const m of [sms!, email!]) expect(JSON.stringify(m)).not.toContain(person.idNumber);
  });

  it('writes English for a person who asked for it, and holds an SMS due in the quiet hours', () => {
    const [sms] = reminderMessages({ ...input, person: { ...person, language: 'en' }, dueAt: '2026-12-07T14:00:00.000Z' }, { start: '21:00', end: '08:00' }, (c) => c);
    expect(sms).toMatchObject({ state: 'held', releaseAt: '2026-12-08T00:00:00.000Z', language: 'en' });
    // It goes at 08:00 on 12-08: two days before the deadline date.
    expect(sms!.text).toBe('liudong: 张三, please register your residence by 2026-12-10 (2 days left), ref C0FFEE00.');
  });

  it('says the days left on the day each message goes: a reminder at 23:00 the day before is held, and its SMS goes on the last day', () => {
    const late = { ...input, stage: 'remind-1d', person: { ...person, email: 'zhang@example.cn' }, dueAt: '2026-12-09T15:00:00.000Z' };
    const [sms, email] = reminderMessages(late, { start: '21:00', end: '08:00' }, (c) => c);
    expect(sms).toMatchObject({ state: 'held', dueAt: '2026-12-09T15:00:00.000Z', releaseAt: '2026-12-10T00:00:00.000Z' });
    expect(sms!.text).toBe('【流动人口服务】张三，请于2026-12-10前办理居住登记（今天是最后一天），业务编号C0FFEE00。');
    // E-mail waits for nobody: it goes at 23:00, one day before the deadline date.
    expect(email).toMatchObject({ state: 'queued', dueAt: '2026-12-09T15:00:00.000Z' });
    expect(email!.text).toContain('还剩1天');
    const [english] = reminderMessages({ ...late, person: { ...person, language: 'en' } }, { start: '21:00', end: '08:00' }, (c) => c);
    expect(english!.text).toBe('liudong: 张三, please register your residence by 2026-12-10 (today is the last day), ref C0FFEE00.');
  });

  it('skips an SMS the quiet hours would hold past the deadline, and records a skipped reminder without sending it', () => {
    const [tooLate] = reminderMessages({ ...input, dueAt: '2026-12-10T15:30:00.000Z' }, { start: '21:00', end: '08:00' }, (c) => c);
    expect(tooLate).toMatchObject({ state: 'skipped', reason: 'the quiet hours end after the deadline' });
    expect(tooLate).not.toHaveProperty('releaseAt');
    const skipped = reminderMessages({ ...input, skipped: { reason: 'superseded by remind-1d: a sweep caught up', supersededBy: 'remind-1d' } }, { start: '21:00', end: '08:00' }, (c) => c);
    expect(skipped).toEqual([
      expect.objectContaining({ state: 'skipped', reason: 'superseded by remind-1d: a sweep caught up', supersededBy: 'remind-1d', dueAt: '2026-12-07T01:00:00.000Z' }),
    ]);
    // What it would have said in its own time.
    expect(skipped[0]!.text).toContain('还剩3天');
  });
});
