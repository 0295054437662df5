// Dates as the offices count them: local dates in Asia/Shanghai, calendar or working days.
// A local date is an ISO string `YYYY-MM-DD`; string order is date order.

import { addCalendarDays, addMonths, weekday } from './dates.ts';
import { STATUTORY_YEARS, isStatutoryHoliday } from './statutory-holidays.ts';

export { addCalendarDays, addMonths, daysInMonth, isRealDate, weekday } from './dates.ts';

export const TIME_ZONE = 'Asia/Shanghai';

const dateFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The local date in Asia/Shanghai at the given instant. */
export const localDate = (instant: Date): string => dateFormatter.format(instant);

export interface HolidayCalendar {
  /** Public holidays: no work even on a weekday. */
  holidays: string[];
  /** Make-up working days (调休): work even on a weekend. */
  workdays: string[];
  /**
   * The years whose national notice is loaded (their days off are all in the lists). In any
   * other year the statutory holidays computed from the law are days off too, and a working-day
   * count through it is provisional. Absent: the lists alone count.
   */
  noticeYears?: number[];
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * From this day of December a date's arrangement may come from the next year's notice too: a
 * New Year period may begin on 30 or 31 December, with a weekend day before it worked (the 2019
 * and 2023 notices did both).
 */
export const NEXT_NOTICE_REACHES_BACK_TO = '12-25';

/** The years whose notice settles how `date` counts: its own, and in late December the next. */
const governingYears = (date: string): number[] =>
  date.slice(5) >= NEXT_NOTICE_REACHES_BACK_TO ? [yearOf(date), yearOf(date) + 1] : [yearOf(date)];

/** A year the law's rules cover whose notice the calendar does not have (only a calendar with `noticeYears` can say). */
const unsettled = (year: number, calendar: HolidayCalendar): boolean =>
  calendar.noticeYears !== undefined && year >= STATUTORY_YEARS.first && year <= STATUTORY_YEARS.last && !calendar.noticeYears.includes(year);

/** The years without a notice that could still change how `date` counts. */
const awaitedFor = (date: string, calendar: HolidayCalendar): number[] => governingYears(date).filter((y) => unsettled(y, calendar));

export function isWorkingDay(date: string, calendar: HolidayCalendar): boolean {
  if (calendar.workdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  if (unsettled(yearOf(date), calendar) && isStatutoryHoliday(date)) return false;
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

export function addWorkingDays(date: string, days: number, calendar: HolidayCalendar): string {
  let current = date;
  let remaining = days;
  while (remaining > 0) {
    current = addCalendarDays(current, 1);
    if (isWorkingDay(current, calendar)) remaining--;
  }
  return current;
}

export interface Period {
  count: number;
  unit: 'calendar_days' | 'working_days' | 'months';
}

/** The last local date on which something is still on time: `start` plus the period. */
export const deadlineDate = (start: string, period: Period, calendar: HolidayCalendar): string => countPeriod(start, period, calendar).date;

/**
 * `start` plus the period, and whether the date may still move: a working-day count that runs
 * into a year whose national notice is not loaded counted that year's statutory holidays but
 * cannot know its make-up working days yet (`awaiting` names those years).
 */
export function countPeriod(start: string, period: Period, calendar: HolidayCalendar): { date: string; provisional: boolean; awaiting: number[] } {
  switch (period.unit) {
    case 'calendar_days':
      return { date: addCalendarDays(start, period.count), provisional: false, awaiting: [] };
    case 'working_days': {
      const date = addWorkingDays(start, period.count, calendar);
      // Every day counted or passed over after the start: a notice for any of their years may move the date.
      const awaiting = new Set<number>();
      for (let day = addCalendarDays(start, 1); day <= date; day = addCalendarDays(day, 1)) for (const y of awaitedFor(day, calendar)) awaiting.add(y);
      return { date, provisional: awaiting.size > 0, awaiting: [...awaiting].sort((a, b) => a - b) };
    }
    case 'months':
      return { date: addMonths(start, period.count), provisional: false, awaiting: [] };
  }
}

/** The instant a deadline date has passed: the following midnight in Asia/Shanghai (UTC+8, no DST). */
export const endOfLocalDate = (date: string): string =>
  new Date(`${addCalendarDays(date, 1)}T00:00:00+08:00`).toISOString();
