// The reminder policy: which stages a deadline has and when, in calendar and working days;
// quiet hours for SMS; the offices escalations go to; message texts without ID numbers.
import { describe, expect, it } from 'vitest';
import { endOfLocalDate } from '../../core/calendar.ts';
import { reminderMessages } from '../../core/messages.ts';
import { DEFAULT_POLICY, resolvePolicy } from '../../core/policy.ts';
import { DEFAULT_REMINDERS, escalationOffice, nextStage, releaseAt, stagesBetween, stagesOf } from '../../core/reminders.ts';
import { startDeadline } from '../../core/workflows/engine.ts';

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

describe('messages to people', () => {
  const person = { name: '张三', phone: '13800138000', idNumber: '11010519491231002X' };
  const input = { caseId: 'c0ffee00-1111-4222-8333-444455556666', stage: 'remind-3d', kind: 'registration' as const, person, date: '2026-12-10', daysBefore: 3, dueAt: '2026-12-07T01:00:00.000Z' };

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
    expect(sms!.text).toBe('liudong: 张三, please register your residence by 2026-12-10 (3 days left), ref C0FFEE00.');
  });
});
