// Dates as the offices count them: local dates in Asia/Shanghai, calendar or working days.
// A local date is an ISO string `YYYY-MM-DD`; string order is date order.

export const TIME_ZONE = 'Asia/Shanghai';

const dateFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The local date in Asia/Shanghai at the given instant. */
export const localDate = (instant: Date): string => dateFormatter.format(instant);

export function isRealDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

export function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The corresponding day `months` calendar months later; the month's last day when that month
 * has no such day (2026-08-31 + 6 → 2027-02-28; 2008-02-29 + 18 years → 2026-02-28).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  target.setUTCDate(Math.min(d, daysInMonth(target.getUTCFullYear(), target.getUTCMonth() + 1)));
  return target.toISOString().slice(0, 10);
}

/** How many days a month (1–12) of a year has. */
export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

export interface HolidayCalendar {
  /** Public holidays: no work even on a weekday. */
  holidays: string[];
  /** Make-up working days (调休): work even on a weekend. */
  workdays: string[];
}

export function isWorkingDay(date: string, calendar: HolidayCalendar): boolean {
  if (calendar.workdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
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
export function deadlineDate(start: string, period: Period, calendar: HolidayCalendar): string {
  switch (period.unit) {
    case 'calendar_days':
      return addCalendarDays(start, period.count);
    case 'working_days':
      return addWorkingDays(start, period.count, calendar);
    case 'months':
      return addMonths(start, period.count);
  }
}

/** The instant a deadline date has passed: the following midnight in Asia/Shanghai (UTC+8, no DST). */
export const endOfLocalDate = (date: string): string =>
  new Date(`${addCalendarDays(date, 1)}T00:00:00+08:00`).toISOString();
