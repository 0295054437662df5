// Reconciliation: the counters against a recount from the records.
import type { CounterRow } from './figures.ts';
import { MEASURE_IDS, type Measure, rollupOf } from './measures.ts';

export interface CountedMember {
  /** The case id, or an inbox notice's subject id (named by the store). */
  subject: string;
  measure: Measure;
  code: string;
  day: string;
}

export interface Difference {
  measure: Measure;
  code: string;
  day: string;
  /** What the records say. */
  expected: number;
  /** What the counter holds. */
  found: number;
  /** The subjects the records count here but the counters do not, and those counted here that the records do not place here. */
  cases: { notCounted: string[]; countedWrongly: string[] };
  /** A county's sum row (what prefectures and provinces read) rather than a township's own. */
  rollup?: true;
}

/** Every county sum row (measure, county, day) that differs from the sum of what the records say of its townships. */
export function rollupDifferences(expected: readonly CountedMember[], rollups: readonly CounterRow[]): Difference[] {
  const key = (measure: string, code: string, day: string) => `${measure}|${code}|${day}`;
  const want = new Map<string, number>();
  for (const m of expected) {
    const k = key(m.measure, rollupOf(m.code), m.day);
    want.set(k, (want.get(k) ?? 0) + 1);
  }
  const have = new Map<string, number>();
  for (const row of rollups) for (const m of MEASURE_IDS) if (row.counts[m] !== undefined) have.set(key(m, row.code, row.day), row.counts[m]!);
  const out: Difference[] = [];
  for (const k of [...new Set([...want.keys(), ...have.keys()])].sort()) {
    const expectedCount = want.get(k) ?? 0;
    const found = have.get(k) ?? 0;
    if (expectedCount === found) continue;
    const [measure, code, day] = k.split('|') as [Measure, string, string];
    out.push({ measure, code, day, expected: expectedCount, found, cases: { notCounted: [], countedWrongly: [] }, rollup: true });
  }
  return out;
}

/** Every counter (measure, jurisdiction, day) whose value or whose cases differ from what the records say. */
export function differencesOf(expected: readonly CountedMember[], counters: readonly CounterRow[], counted: readonly CountedMember[]): Difference[] {
  const key = (m: { measure: string; code: string; day: string }) => `${m.measure}|${m.code}|${m.day}`;
  const group = (members: readonly CountedMember[]) => {
    const out = new Map<string, Set<string>>();
    for (const m of members) out.set(key(m), (out.get(key(m)) ?? new Set()).add(m.subject));
    return out;
  };
  const want = group(expected);
  const have = group(counted);
  const values = new Map<string, number>();
  for (const row of counters) for (const m of MEASURE_IDS) if (row.counts[m] !== undefined) values.set(key({ measure: m, code: row.code, day: row.day }), row.counts[m]!);
  const out: Difference[] = [];
  for (const k of [...new Set([...want.keys(), ...have.keys(), ...values.keys()])].sort()) {
    const [measure, code, day] = k.split('|') as [Measure, string, string];
    const w = want.get(k) ?? new Set<string>();
    const h = have.get(k) ?? new Set<string>();
    const found = values.get(k) ?? 0;
    const notCounted = [...w].filter((s) => !h.has(s)).sort();
    const countedWrongly = [...h].filter((s) => !w.has(s)).sort();
    if (found === w.size && notCounted.length === 0 && countedWrongly.length === 0) continue;
    out.push({ measure, code, day, expected: w.size, found, cases: { notCounted, countedWrongly } });
  }
  return out;
}
