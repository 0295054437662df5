import { describe, expect, it } from 'vitest';
import { addWorkingDays, countPeriod, isRealDate, isWorkingDay, weekday } from '../../core/calendar.ts';
import { BUILT_IN_NOTICES, NATIONAL_CALENDAR, NATIONAL_CALENDAR_YEARS, missingNotices, nationalCalendar, noticeProblems } from '../../core/holidays.ts';
import { FIRST_LUNAR_YEAR, LUNAR_DATES } from '../../core/lunar-dates.ts';
import { statutoryDays, statutoryHolidays } from '../../core/statutory-holidays.ts';
import { LUNAR_YEARS, lunarDatesOf } from '../support/lunar.ts';

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
    expect(BUILT_IN_NOTICES.map((s) => s.year)).toEqual([...NATIONAL_CALENDAR_YEARS]);
    expect(NATIONAL_CALENDAR.noticeYears).toEqual([2025, 2026]);
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

describe('statutory holidays of any year (全国年节及纪念日放假办法, 2024 revision)', () => {
  it('the lunar table is what tyme4ts computes to GB/T 33661-2017, every year 1901–2100', () => {
    const computed = Array.from({ length: LUNAR_YEARS.last - LUNAR_YEARS.first + 1 }, (_, i) => lunarDatesOf(LUNAR_YEARS.first + i));
    expect(FIRST_LUNAR_YEAR).toBe(LUNAR_YEARS.first);
    expect(LUNAR_DATES).toEqual(computed);
  });

  it('has the published 春节, 端午 and 中秋 of 2027–2035 (Purple Mountain Observatory / HKO tables)', () => {
    const published: Record<number, [string, string, string]> = {
      2027: ['2027-02-06', '2027-06-09', '2027-09-15'],
      2028: ['2028-01-26', '2028-05-28', '2028-10-03'],
      2029: ['2029-02-13', '2029-06-16', '2029-09-22'],
      2030: ['2030-02-03', '2030-06-05', '2030-09-12'],
      2031: ['2031-01-23', '2031-06-24', '2031-10-01'],
      2032: ['2032-02-11', '2032-06-12', '2032-09-19'],
      2033: ['2033-01-31', '2033-06-01', '2033-09-08'],
      2034: ['2034-02-19', '2034-06-20', '2034-09-27'],
      2035: ['2035-02-08', '2035-06-10', '2035-09-16'],
    };
    for (const [year, [springFestival, dragonBoat, midAutumn]] of Object.entries(published)) {
      const days = statutoryDays(Number(year));
      const first = (festival: string) => days.filter((d) => d.festival === festival).map((d) => d.date);
      // 除夕 to 正月初三: the day before 正月初一 and the three from it.
      expect(first('spring_festival')[1]).toBe(springFestival);
      expect(first('dragon_boat')).toEqual([dragonBoat]);
      expect(first('mid_autumn')).toEqual([midAutumn]);
    }
  });

  it('does not take 2027 from the ICU Chinese calendar, which has 正月初一 a day late', () => {
    const icu = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' });
    // Where ICU agrees with the standard the check below would say nothing; it documents why the table exists.
    const icuNewYear = ['2027-02-06', '2027-02-07'].find((d) => icu.format(new Date(`${d}T12:00:00+08:00`)).startsWith('1/1'));
    expect(statutoryDays(2027).filter((d) => d.festival === 'spring_festival').map((d) => d.date)).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
    expect(icuNewYear === undefined || icuNewYear >= '2027-02-06').toBe(true);
  });

  it('counts 清明 on its solar term and the law\'s eleven days', () => {
    expect(statutoryDays(2027).filter((d) => d.festival === 'qingming').map((d) => d.date)).toEqual(['2027-04-05']);
    expect(statutoryDays(2028).filter((d) => d.festival === 'qingming').map((d) => d.date)).toEqual(['2028-04-04']);
    for (let year = 2025; year <= 2040; year++) expect(statutoryDays(year)).toHaveLength(13);
  });

  it('makes up a holiday that falls on a weekend on the next working day after it', () => {
    // 2027: 除夕 Friday 5 Feb, 初一 and 初二 on the weekend → Tuesday 9 and Wednesday 10 off.
    expect(statutoryHolidays(2027).madeUp).toEqual(expect.arrayContaining(['2027-02-09', '2027-02-10']));
    // 2026: 清明 Sunday 5 April → Monday 6; 劳动节 Saturday 2 May → Monday 4; 国庆 Saturday 3 October → Monday 5.
    expect(statutoryHolidays(2026).madeUp).toEqual(['2026-04-06', '2026-05-04', '2026-10-05']);
  });

  it('makes up a day where 中秋 falls on 国庆 (2028-10-03)', () => {
    const { holidays, madeUp } = statutoryHolidays(2028);
    // 国庆 opens on Sunday 1 October (made up on Wednesday 4) and 中秋 shares Tuesday 3 (made up on Thursday 5).
    expect(madeUp.filter((d) => d.startsWith('2028-10'))).toEqual(['2028-10-04', '2028-10-05']);
    expect(holidays.filter((d) => d.startsWith('2028-10'))).toEqual(['2028-10-01', '2028-10-02', '2028-10-03', '2028-10-04', '2028-10-05']);
  });

  it('keeps every statutory and made-up day of 2025 and 2026 inside the notices\' holiday periods', () => {
    for (const notice of BUILT_IN_NOTICES) {
      expect(noticeProblems(notice)).toEqual([]);
      expect(statutoryHolidays(notice.year).holidays.filter((d) => !notice.holidays.includes(d))).toEqual([]);
    }
  });

  it('refuses a notice that drops a statutory day, works a weekday or strays from its year', () => {
    const notice = BUILT_IN_NOTICES[1]!;
    expect(noticeProblems({ ...notice, holidays: notice.holidays.filter((d) => d !== '2026-02-17') })).toEqual([
      { field: 'holidays', reason: '2026-02-17 (春节) is a statutory holiday and must be inside a holiday period' },
    ]);
    expect(noticeProblems({ ...notice, workdays: ['2026-03-03'] })[0]).toEqual({ field: 'workdays[0]', reason: '2026-03-03 is not a Saturday or Sunday: only weekends are made up' });
    expect(noticeProblems({ ...notice, workdays: ['2027-01-02'] })[0]).toEqual({ field: 'workdays[0]', reason: '2027-01-02 is outside 2026 (a notice may reach back to 2025-12-25)' });
    expect(noticeProblems({ ...notice, workdays: ['2026-02-15'] })[0]).toEqual({ field: 'workdays[0]', reason: '2026-02-15 is also a holiday' });
  });

  it('counts a year without a notice by the law, and calls a working-day count into it provisional', () => {
    // 2027 has no notice built in: 元旦 and 春节 are days off all the same.
    expect(work('2027-01-01')).toBe(false);
    expect(work('2027-02-09')).toBe(false);
    expect(work('2027-02-11')).toBe(true);
    expect(countPeriod('2026-12-28', { count: 5, unit: 'working_days' }, NATIONAL_CALENDAR)).toEqual({ date: '2027-01-05', provisional: true, awaiting: [2027] });
    expect(countPeriod('2026-06-01', { count: 5, unit: 'working_days' }, NATIONAL_CALENDAR)).toEqual({ date: '2026-06-08', provisional: false, awaiting: [] });
    // Calendar days do not depend on holidays: never provisional.
    expect(countPeriod('2026-12-28', { count: 10, unit: 'calendar_days' }, NATIONAL_CALENDAR)).toEqual({ date: '2027-01-07', provisional: false, awaiting: [] });
    // With the 2027 notice loaded, the count is final.
    const loaded = nationalCalendar([{ year: 2027, holidays: statutoryHolidays(2027).holidays, workdays: [] }]);
    expect(countPeriod('2026-12-28', { count: 5, unit: 'working_days' }, loaded).provisional).toBe(false);
  });

  it('takes a New Year period that begins in December (as 2019\'s and 2023\'s did), and waits for it in late December', () => {
    // 2030-01-01 is a Tuesday: 30 and 31 December off, Saturday 29 December worked.
    const year = 2030;
    const notice = { year, holidays: ['2029-12-30', '2029-12-31', ...statutoryHolidays(year).holidays], workdays: ['2029-12-29'] };
    expect(noticeProblems(notice)).toEqual([]);
    // With 2025 and 2026 loaded, the last days of December 2026 wait for 2027's notice; the days before do not.
    expect(countPeriod('2026-12-17', { count: 3, unit: 'working_days' }, NATIONAL_CALENDAR)).toEqual({ date: '2026-12-22', provisional: false, awaiting: [] });
    expect(countPeriod('2026-12-22', { count: 3, unit: 'working_days' }, NATIONAL_CALENDAR)).toEqual({ date: '2026-12-25', provisional: true, awaiting: [2027] });
    // The start day is not counted: a count from 24 December that ends before the 25th awaits nothing.
    expect(countPeriod('2026-12-23', { count: 1, unit: 'working_days' }, NATIONAL_CALENDAR)).toEqual({ date: '2026-12-24', provisional: false, awaiting: [] });
  });

  it('counts years before the 2024 revision by their notices alone, never provisionally', () => {
    expect(countPeriod('2024-12-02', { count: 5, unit: 'working_days' }, NATIONAL_CALENDAR)).toEqual({ date: '2024-12-09', provisional: false, awaiting: [] });
    expect(() => statutoryDays(2024)).toThrow(RangeError);
  });

  it('expects this year\'s notice always and next year\'s from 1 November', () => {
    expect(missingNotices('2026-10-31', [2025, 2026])).toEqual([]);
    expect(missingNotices('2026-11-01', [2025, 2026])).toEqual([2027]);
    expect(missingNotices('2027-01-02', [2025, 2026])).toEqual([2027]);
    expect(missingNotices('2026-12-07', [2025, 2026, 2027])).toEqual([]);
  });
});
