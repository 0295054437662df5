import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  deadlineDate,
  endOfLocalDate,
  isRealDate,
  isWorkingDay,
  localDate,
} from '../../core/calendar.ts';

const NO_HOLIDAYS = { holidays: [], workdays: [] };

describe('calendar', () => {
  it('reads the local date in Asia/Shanghai, not UTC', () => {
    expect(localDate(new Date('2026-11-28T15:59:59Z'))).toBe('2026-11-28');
    expect(localDate(new Date('2026-11-28T16:00:00Z'))).toBe('2026-11-29');
  });

  it('checks real dates', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealDate('26-01-01')).toBe(false);
  });

  it('adds calendar days across months and years', () => {
    expect(addCalendarDays('2026-12-25', 10)).toBe('2027-01-04');
  });

  it('counts working days past weekends, holidays and make-up working days', () => {
    // Friday 2026-11-27 + 1 working day = Monday 2026-11-30.
    expect(addWorkingDays('2026-11-27', 1, NO_HOLIDAYS)).toBe('2026-11-30');
    const calendar = { holidays: ['2026-10-01', '2026-10-02'], workdays: ['2026-10-10'] };
    expect(isWorkingDay('2026-10-01', calendar)).toBe(false);
    expect(isWorkingDay('2026-10-10', calendar)).toBe(true); // a Saturday worked in exchange
    // Wed 09-30 + 2 working days: Thu 10-01 and Fri 10-02 are holidays, weekend, so Mon 10-05, Tue 10-06.
    expect(addWorkingDays('2026-09-30', 2, calendar)).toBe('2026-10-06');
    // From Fri 10-09, the make-up Saturday 10-10 counts.
    expect(addWorkingDays('2026-10-09', 1, calendar)).toBe('2026-10-10');
  });

  it('computes a deadline date in either unit', () => {
    expect(deadlineDate('2026-11-20', { count: 10, unit: 'calendar_days' }, NO_HOLIDAYS)).toBe('2026-11-30');
    expect(deadlineDate('2026-11-20', { count: 5, unit: 'working_days' }, NO_HOLIDAYS)).toBe('2026-11-27');
  });

  it('ends a local date at the next midnight in Shanghai', () => {
    expect(endOfLocalDate('2026-11-30')).toBe('2026-11-30T16:00:00.000Z');
  });
});
