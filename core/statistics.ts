// Completeness statistics, as data: the reporting periods (10-day periods, months, quarters, in
// local dates) and each rate's definition (what is counted, which date places a case in a
// period, what counts as on time). Supervisors are judged by these; every figure must be
// explainable, so the definitions are served as they are (GET /v1/statistics/definitions).
import { z } from 'zod';
import { addCalendarDays, daysInMonth as lastDay } from './calendar.ts';

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

/** One completeness rate: numerator over denominator, judged against a target (policy, default 95%). */
export interface RateDefinition {
  id: string;
  name: string;
  /** What the denominator counts: every case whose placing date falls in the period. */
  denominator: string;
  /** Which of those count as done. */
  numerator: string;
  /** The date that puts a case in a period. */
  placedBy: string;
  /** What "on time" means for it. */
  onTime: string;
}

export const RATE_DEFINITIONS: readonly RateDefinition[] = [
  {
    id: 'registeredOnTime',
    name: 'Registered on time',
    denominator: 'every registration whose registration deadline fell in the period, whatever became of it (registered, still open, overdue, closed): the unregistered are never left out',
    numerator: 'those verified on or before their deadline',
    placedBy: 'the registration deadline (arrival + the policy period)',
    onTime: 'verified at or before the end of the deadline day (Asia/Shanghai)',
  },
  {
    id: 'certificatesProcessedInTime',
    name: 'Origin certificates processed in time',
    denominator: 'every origin certificate application whose processing deadline fell in the period',
    numerator: 'those issued or rejected on or before the deadline',
    placedBy: 'the processing deadline (application + the policy period)',
    onTime: 'issued or rejected at or before the end of the deadline day',
  },
  {
    id: 'verificationCertificatesIssued',
    name: 'Verification certificates issued',
    denominator: 'every registration reported in the period',
    numerator: 'those verified (a verification certificate issued), at any time so far',
    placedBy: 'the day the arrival was reported',
    onTime: 'not a deadline rate: issued at all',
  },
  {
    id: 'reviewsOnTime',
    name: 'Residence reviews done on time',
    denominator: 'every residence review that fell due in the period',
    numerator: 'those completed (confirmed by the person or by a visit) on or before they were due',
    placedBy: 'the day the review was due',
    onTime: 'completed at or before the end of the due day',
  },
  {
    id: 'noticesAcknowledgedInTime',
    name: 'Notices acknowledged in time',
    denominator: 'every notice filed in an office inbox in the period that is owed an acknowledgement',
    numerator: 'those acknowledged by their acknowledgement deadline',
    placedBy: 'the day the notice was filed',
    onTime: 'acknowledged at or before the end of the acknowledgement deadline day',
  },
  {
    id: 'appealsDecidedInTime',
    name: 'Appeals decided in time',
    denominator: 'every appeal whose decision deadline fell in the period',
    numerator: 'those decided (upheld or reversed) on or before the deadline',
    placedBy: 'the appeal decision deadline',
    onTime: 'decided at or before the end of the deadline day',
  },
];

/** The target a rate is judged against when policy names none. */
export const DEFAULT_TARGET = 0.95;

export const RateDefinitionList = z
  .object({
    items: z.array(
      z.object({ id: z.string(), name: z.string(), denominator: z.string(), numerator: z.string(), placedBy: z.string(), onTime: z.string() }).meta({ id: 'RateDefinition' }),
    ),
    defaultTarget: z.number().meta({ description: 'The target a rate meets when policy names none (0.95)' }),
    periodKeys: z.string().meta({ description: 'How periods are named' }),
  })
  .meta({ id: 'RateDefinitionList' });
