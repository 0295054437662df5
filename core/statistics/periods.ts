// Completeness statistics' reporting periods: 10-day periods, months and quarters, in local dates.
import { addCalendarDays, daysInMonth as lastDay } from '../calendar.ts';

export const PERIOD_KINDS = ['dekad', 'month', 'quarter'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  /** `2026-11-1` (days 1–10), `2026-11-2` (11–20), `2026-11-3` (21–end); `2026-11`; `2026-Q4`. */
  key: string;
  kind: PeriodKind;
  /** First and last local day (Asia/Shanghai), inclusive. */
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period of `kind` that holds the local date. */
export function periodOf(date: string, kind: PeriodKind): Period {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  switch (kind) {
    case 'dekad': {
      const n = day <= 10 ? 1 : day <= 20 ? 2 : 3;
      const first = (n - 1) * 10 + 1;
      const last = n === 3 ? lastDay(year, month) : n * 10;
      return { key: `${year}-${pad(month)}-${n}`, kind, from: `${year}-${pad(month)}-${pad(first)}`, to: `${year}-${pad(month)}-${pad(last)}` };
    }
    case 'month':
      return { key: `${year}-${pad(month)}`, kind, from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDay(year, month))}` };
    case 'quarter': {
      const q = Math.ceil(month / 3);
      const lastMonth = q * 3;
      return { key: `${year}-Q${q}`, kind, from: `${year}-${pad(lastMonth - 2)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay(year, lastMonth))}` };
    }
  }
}

/** Every period of `kind` that overlaps the local dates from…to, in order, empty ones too. */
export function periodsBetween(from: string, to: string, kind: PeriodKind): Period[] {
  const out: Period[] = [];
  for (let p = periodOf(from, kind); p.from <= to; p = periodOf(addCalendarDays(p.to, 1), kind)) out.push(p);
  return out;
}

/** The period a key names, or undefined when it names none. */
export function parsePeriodKey(key: string): Period | undefined {
  const dekad = /^(\d{4})-(0[1-9]|1[0-2])-([123])$/.exec(key);
  if (dekad) return periodOf(`${dekad[1]}-${dekad[2]}-${pad((Number(dekad[3]) - 1) * 10 + 1)}`, 'dekad');
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (month) return periodOf(`${month[1]}-${month[2]}-01`, 'month');
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return periodOf(`${quarter[1]}-${pad(Number(quarter[2]) * 3)}-01`, 'quarter');
  return undefined;
}

/** A period still running on `today` (its figures may change): provisional. */
export const isProvisional = (p: Period, today: string) => p.to >= today;
