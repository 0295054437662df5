import { describe, expect, it } from 'vitest';
import { addWorkingDays, isRealDate, isWorkingDay, weekday } from '../../core/calendar.ts';
import { NATIONAL_CALENDAR, NATIONAL_CALENDAR_SOURCES, NATIONAL_CALENDAR_YEARS } from '../../core/holidays.ts';

const { holidays, workdays } = NATIONAL_CALENDAR;
const yearOf = (date: string): number => Number(date.slice(0, 4));
const work = (date: string): boolean => isWorkingDay(date, NATIONAL_CALENDAR);
const after = (date: string, days: number): string => addWorkingDays(date, days, NATIONAL_CALENDAR);

describe('national holiday calendar: shape', () => {
  it('holds real dates, sorted ascending, without duplicates', () => {
    for (const list of [holidays, workdays]) {
      expect(list.every(isRealDate)).toBe(true);
      expect([...list].sort()).toEqual(list);
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('puts no date in both lists', () => {
    const off = new Set(holidays);
    expect(workdays.filter((d) => off.has(d))).toEqual([]);
  });

  it('has every make-up working day on a Saturday or Sunday', () => {
    expect(workdays.filter((d) => weekday(d) !== 0 && weekday(d) !== 6)).toEqual([]);
  });

  it('covers exactly the listed years, each with its notice', () => {
    const years = [...new Set([...holidays, ...workdays].map(yearOf))].sort();
    expect(years).toEqual([...NATIONAL_CALENDAR_YEARS]);
    expect(NATIONAL_CALENDAR_SOURCES.map((s) => s.year)).toEqual([...NATIONAL_CALENDAR_YEARS]);
  });

  it('has the expected number of days off and make-up days per year', () => {
    const count = (list: string[], year: number) => list.filter((d) => yearOf(d) === year).length;
    // 2025: 1 + 8 + 3 + 5 + 3 + 8; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7.
    expect(count(holidays, 2025)).toBe(28);
    expect(count(holidays, 2026)).toBe(33);
    expect(count(workdays, 2025)).toBe(5);
    expect(count(workdays, 2026)).toBe(6);
  });

  it('lists the make-up working days of each notice', () => {
    expect(workdays).toEqual([
      '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
      '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
    ]);
  });
});

describe('national holiday calendar: 2025', () => {
  it('New Year is one day, no make-up day', () => {
    expect(work('2025-01-01')).toBe(false);
    expect(after('2024-12-31', 1)).toBe('2025-01-02');
  });

  it('Spring Festival 2025-01-28 to 02-04, working Sunday 01-26 and Saturday 02-08', () => {
    expect(work('2025-01-26')).toBe(true);
    expect(after('2025-01-27', 1)).toBe('2025-02-05');
    expect(work('2025-02-08')).toBe(true);
  });

  it('National Day and Mid-Autumn together 2025-10-01 to 10-08', () => {
    expect(work('2025-09-28')).toBe(true);
    expect(after('2025-09-30', 1)).toBe('2025-10-09');
    expect(after('2025-10-10', 1)).toBe('2025-10-11');
  });
});

describe('national holiday calendar: 2026', () => {
  it('crosses New Year 2025 to 2026: 01-01 to 01-03 off, Sunday 01-04 worked', () => {
    expect(after('2025-12-31', 1)).toBe('2026-01-04');
    expect(after('2025-12-31', 2)).toBe('2026-01-05');
  });

  it('Spring Festival 2026-02-15 to 02-23 off, Saturdays 02-14 and 02-28 worked', () => {
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23']) {
      expect(work(d)).toBe(false);
    }
    expect(after('2026-02-13', 1)).toBe('2026-02-14');
    expect(after('2026-02-14', 1)).toBe('2026-02-24');
    expect(after('2026-02-27', 1)).toBe('2026-02-28');
  });

  it('Labour Day 2026-05-01 to 05-05 off, Saturday 05-09 worked', () => {
    expect(after('2026-04-30', 1)).toBe('2026-05-06');
    expect(work('2026-05-09')).toBe(true);
  });

  it('Dragon Boat 2026-06-19 and Mid-Autumn 2026-09-25 are Fridays off', () => {
    expect(work('2026-06-19')).toBe(false);
    expect(work('2026-09-25')).toBe(false);
    expect(after('2026-09-24', 1)).toBe('2026-09-28');
  });

  it('crosses National Day 2026-10-01 to 10-07, Sunday 09-20 and Saturday 10-10 worked', () => {
    expect(work('2026-09-20')).toBe(true);
    expect(after('2026-09-30', 1)).toBe('2026-10-08');
    expect(work('2026-10-10')).toBe(true);
    expect(after('2026-10-09', 1)).toBe('2026-10-10');
    // 10-08 Thu, 10-09 Fri, 10-10 Sat (make-up), 10-12 Mon, 10-13 Tue.
    expect(after('2026-09-30', 5)).toBe('2026-10-13');
  });
});
