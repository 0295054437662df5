// The Chinese-calendar dates the statutory holidays need, computed by tyme4ts (a dev
// dependency): what scripts/lunar-dates.ts writes into core/lunar-dates.ts and what the
// holiday tests check that table against.
import { LunarDay, SolarTerm } from 'tyme4ts';

export const LUNAR_YEARS = { first: 1901, last: 2100 } as const;

const mmdd = (d: { getMonth(): number; getDay(): number }) => `${String(d.getMonth()).padStart(2, '0')}${String(d.getDay()).padStart(2, '0')}`;

/** MMDD of 正月初一, 五月初五, 八月十五 and 清明 in `year`, as one string. */
export function lunarDatesOf(year: number): string {
  const lunar = (month: number, day: number) => mmdd(LunarDay.fromYmd(year, month, day).getSolarDay());
  return lunar(1, 1) + lunar(5, 5) + lunar(8, 15) + mmdd(SolarTerm.fromName(year, '清明').getJulianDay().getSolarDay());
}
