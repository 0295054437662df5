// Data quality: what an office's records lack, what has stood still, what ran out unanswered.
import { addCalendarDays, localDate } from '../calendar.ts';
import { type Case, WORKFLOWS, workingOffice } from '../workflows/index.ts';
import type { CounterRow } from './figures.ts';
import { OFFICE_UPDATES } from './measures.ts';

/** Fields the county work plan wants on every record of a type, though the API may accept a record without them (a filer's list). */
export const REQUIRED_FIELDS: Partial<Record<Case['type'], readonly string[]>> = {
  registration: ['person.name', 'person.idNumber', 'person.phone', 'premises', 'expectedStayDays'],
  origin_certificate: ['person.name', 'person.idNumber', 'person.phone', 'intendedDestinationCode', 'plannedDeparture'],
};

const valueAt = (c: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), c);
const isClosed = (c: Case) => (WORKFLOWS[c.type].closed as readonly string[]).includes(c.state);

export interface QualityFindings {
  missingFields: { caseId: string; caseType: Case['type']; office: string; fields: string[] }[];
  stale: { caseId: string; caseType: Case['type']; office: string; state: string; unchangedSince: string; days: number }[];
  deadlinesWithoutOutcome: { caseId: string; caseType: Case['type']; office: string; state: string; deadline: string; kind: string; daysLate: number }[];
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * What is wrong with an office's open cases on `today`: required fields missing; cases nothing is
 * waiting on (no running deadline, no review scheduled) unchanged for `staleAfterDays`; deadlines
 * that ran out with no outcome. Closed and minimised cases are done with and left out.
 */
export function qualityOf(cases: readonly Case[], today: string, policy: { staleAfterDays: number }): QualityFindings {
  const out: QualityFindings = { missingFields: [], stale: [], deadlinesWithoutOutcome: [] };
  for (const c of cases) {
    if (isClosed(c) || c.minimisedAt) continue;
    const office = workingOffice(c);
    const missing = (REQUIRED_FIELDS[c.type] ?? []).filter((f) => {
      const v = valueAt(c, f);
      return v === undefined || v === null || v === '';
    });
    if (missing.length > 0) out.missingFields.push({ caseId: c.id, caseType: c.type, office, fields: missing });
    const changed = localDate(new Date(c.updatedAt));
    const watched = c.deadline !== null || (c.type === 'registration' && c.state === 'registered' && c.reviewId !== undefined);
    if (!watched && daysBetween(changed, today) >= policy.staleAfterDays) {
      out.stale.push({ caseId: c.id, caseType: c.type, office, state: c.state, unchangedSince: changed, days: daysBetween(changed, today) });
    }
    if (c.deadline && c.deadline.date < today) {
      out.deadlinesWithoutOutcome.push({ caseId: c.id, caseType: c.type, office, state: c.state, deadline: c.deadline.date, kind: c.deadline.kind, daysLate: daysBetween(c.deadline.date, today) });
    }
  }
  return out;
}

/** An office's update frequency over the year to `today`, from its update counters: days with a change, the last one, against the target. */
export function updateFrequency(rows: readonly CounterRow[], today: string, target: number) {
  const days = [...new Set(rows.filter((r) => (r.counts[OFFICE_UPDATES] ?? 0) > 0).map((r) => r.day))].sort();
  return {
    from: addCalendarDays(today, -364),
    to: today,
    daysWithUpdates: days.length,
    changes: rows.reduce((n, r) => n + (r.counts[OFFICE_UPDATES] ?? 0), 0),
    lastUpdate: days.at(-1) ?? null,
    target,
    meets: days.length >= target,
  };
}
