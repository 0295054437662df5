// Rates per period, from counter rows.
import { RATE_DEFINITIONS } from './definitions.ts';
import { MEASURE_IDS, type Measure, type OFFICE_UPDATES } from './measures.ts';
import { type Period, type PeriodKind, isProvisional } from './periods.ts';

export type Counts = Partial<Record<Measure | typeof OFFICE_UPDATES, number>>;
/** One counter row: a jurisdiction's counts on one local day. */
export interface CounterRow {
  code: string;
  day: string;
  counts: Counts;
}

export interface RateFigure {
  id: string;
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator; null when nothing was due. */
  rate: number | null;
  target: number;
  /** null when nothing was due (there is nothing to judge). */
  meets: boolean | null;
}

export interface PeriodFigures {
  period: string;
  kind: PeriodKind;
  from: string;
  to: string;
  /** The period is still running: its figures may change. */
  provisional: boolean;
  rates: RateFigure[];
  counts: Record<Measure, number>;
}

/** Adds counter rows up per period (each row in the period holding its day) and reads each rate off them. */
export function figuresFor(rows: readonly CounterRow[], periods: readonly Period[], target: number, today: string): PeriodFigures[] {
  return periods.map((p) => {
    const counts = Object.fromEntries(MEASURE_IDS.map((m) => [m, 0])) as Record<Measure, number>;
    for (const row of rows) {
      if (row.day < p.from || row.day > p.to) continue;
      for (const m of MEASURE_IDS) counts[m] += row.counts[m] ?? 0;
    }
    const rates = RATE_DEFINITIONS.map((r): RateFigure => {
      const numerator = counts[r.counts.numerator];
      const denominator = counts[r.counts.denominator];
      const rate = denominator === 0 ? null : numerator / denominator;
      return { id: r.id, numerator, denominator, rate, target, meets: rate === null ? null : rate >= target };
    });
    return { period: p.key, kind: p.kind, from: p.from, to: p.to, provisional: isProvisional(p, today), rates, counts };
  });
}

/** The most periods one request may list (ten years of months; a dekad query over three years). */
export const MAX_PERIODS = 120;
