// The national statutory holidays of any year, from 全国年节及纪念日放假办法 (2024 revision,
// 国务院令第795号, in force from 2025): 元旦 1 day, 春节 4 days (除夕 to 正月初三), 清明 1 day
// (the solar term), 劳动节 2 days, 端午 1 day (五月初五), 中秋 1 day (八月十五), 国庆 3 days.
// Its Article 6: a holiday for all citizens that falls on a Saturday or Sunday is made up on a
// working day. The make-up working weekends (调休) are not in the law: only a year's State
// Council notice sets them (core/holidays.ts), so a year computed here has none.
//
// Lunar dates and 清明 come from core/lunar-dates.ts, a table computed to GB/T 33661-2017 (new
// moons in Beijing time) by tyme4ts; Node's ICU Chinese calendar is not used (it puts 2027's
// 正月初一 on 7 February, one day late).
import { addCalendarDays, weekday } from './dates.ts';
import { FIRST_LUNAR_YEAR, LUNAR_DATES } from './lunar-dates.ts';

export const FESTIVALS = ['new_year', 'spring_festival', 'qingming', 'labour_day', 'dragon_boat', 'mid_autumn', 'national_day'] as const;
export type Festival = (typeof FESTIVALS)[number];
/** Each festival as the law names it. */
export const FESTIVAL_NAMES: Record<Festival, string> = {
  new_year: '元旦',
  spring_festival: '春节',
  qingming: '清明节',
  labour_day: '劳动节',
  dragon_boat: '端午节',
  mid_autumn: '中秋节',
  national_day: '国庆节',
};

/**
 * The years these rules compute: from 2025, when the 2024 revision took effect (before it 春节
 * began on 初一 and 劳动节 was one day), to the end of the lunar table.
 */
export const STATUTORY_YEARS = { first: 2025, last: FIRST_LUNAR_YEAR + LUNAR_DATES.length - 1 } as const;

export interface StatutoryDay {
  date: string;
  festival: Festival;
}

const run = (first: string, days: number) => Array.from({ length: days }, (_, i) => addCalendarDays(first, i));

/** Every statutory day off of `year`, in date order (中秋 may fall on a 国庆 day: both are listed). */
export function statutoryDays(year: number): StatutoryDay[] {
  const row = year >= STATUTORY_YEARS.first ? LUNAR_DATES[year - FIRST_LUNAR_YEAR] : undefined;
  if (row === undefined) throw new RangeError(`statutory holidays are known for ${STATUTORY_YEARS.first}–${STATUTORY_YEARS.last}, not ${year}`);
  const at = (i: number) => `${year}-${row.slice(i * 4, i * 4 + 2)}-${row.slice(i * 4 + 2, i * 4 + 4)}`;
  const days: [Festival, string[]][] = [
    ['new_year', [`${year}-01-01`]],
    ['spring_festival', run(addCalendarDays(at(0), -1), 4)],
    ['qingming', [at(3)]],
    ['labour_day', run(`${year}-05-01`, 2)],
    ['dragon_boat', [at(1)]],
    ['mid_autumn', [at(2)]],
    ['national_day', run(`${year}-10-01`, 3)],
  ];
  return days.flatMap(([festival, dates]) => dates.map((date) => ({ date, festival }))).sort((a, b) => a.date.localeCompare(b.date));
}

const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

/**
 * The days off of `year` by the law alone: every statutory day, and for each one that falls
 * on a weekend or on another holiday's day, a day made up on the next working day after it
 * that is not already off (so after the holiday it belongs to).
 */
export function statutoryHolidays(year: number): { holidays: string[]; madeUp: string[] } {
  const days = statutoryDays(year);
  const off = new Set(days.map((d) => d.date));
  const madeUp: string[] = [];
  const counted = new Set<string>();
  for (const { date } of days) {
    const owed = isWeekend(date) || counted.has(date);
    counted.add(date);
    if (!owed) continue;
    let next = addCalendarDays(date, 1);
    while (isWeekend(next) || off.has(next)) next = addCalendarDays(next, 1);
    off.add(next);
    madeUp.push(next);
  }
  return { holidays: [...off].sort(), madeUp: madeUp.sort() };
}

const memo = new Map<number, ReadonlySet<string>>();

/** Whether `date` is a day off by the law alone (memoised per year: deadlines ask day by day). */
export function isStatutoryHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let days = memo.get(year);
  if (!days) {
    days = new Set(statutoryHolidays(year).holidays);
    memo.set(year, days);
  }
  return days.has(date);
}
