// Reconciliation: a period's counters under a jurisdiction recounted from the records (the cases
// through the scope index, the notices of every inbox under it) and every difference listed:
// which counter, what the records say, what it holds, and the cases involved. It repairs only
// when asked (`repair: true`; npm run reconcile -- … --repair): each case involved is recounted
// from its record, then any counter still wrong is set to what the records say, guarded by the
// value it was found with. Every run that finds a difference, and every repair, is recorded.
// Nightly it checks the running month (and, in the first ten days, the month before) for every
// province of the deployment, without repairing.
import type { ScheduledEvent } from 'aws-lambda';
import { addCalendarDays, endOfLocalDate, localDate } from '../../core/calendar.ts';
import { provincesServed } from '../../core/federation.ts';
import { MEASURE_IDS, membershipsOf, readsRollups } from '../../core/statistics/measures.ts';
import { parsePeriodKey, periodOf } from '../../core/statistics/periods.ts';
import { type CountedMember, type Difference, differencesOf, rollupDifferences } from '../../core/statistics/reconciliation.ts';
import { byHandProblem } from '../../core/statistics/reports.ts';
import { countNotice, deploymentPrefixes } from '../shared/notices.ts';
import { logger } from '../shared/observability.ts';
import { everyCaseUnder, getCase } from '../shared/store/cases.ts';
import { getNotice, noticesFiledBetween } from '../shared/store/notices.ts';
import { noticeOfSubject, noticeSubject } from '../shared/store/keys.ts';
import { childrenOf } from '../shared/store/reference.ts';
import { allMembers, countersBetween, recordReconciliation, recount, setCounter } from '../shared/store/statistics.ts';
import * as clock from '../shared/clock.ts';

/** What the records say, for every subject placed in the period under the jurisdiction. */
async function expectedMembers(jurisdiction: string, from: string, to: string): Promise<CountedMember[]> {
  const out: CountedMember[] = [];
  const inPeriod = (m: { day: string }) => m.day >= from && m.day <= to;
  for await (const c of everyCaseUnder(jurisdiction)) {
    for (const m of membershipsOf(c).filter(inPeriod)) out.push({ subject: c.id, measure: m.measure, code: m.code, day: m.day });
  }
  // Inboxes: the jurisdiction's own and every one under it.
  const inboxes = [jurisdiction];
  for (let i = 0; i < inboxes.length; i++) inboxes.push(...(await childrenOf(inboxes[i]!)));
  for (const code of inboxes) {
    for (const n of await noticesFiledBetween(code, endOfLocalDate(addCalendarDays(from, -1)), endOfLocalDate(to))) {
      const subject = noticeSubject(n.jurisdiction, n.eventId);
      for (const m of membershipsOf({ ...n, type: 'notice' }).filter(inPeriod)) out.push({ subject, measure: m.measure, code: m.code, day: m.day });
    }
  }
  return out;
}

/** The township rows and memberships against the records; then the county sums (what a county and above read) against them too. */
async function compare(jurisdiction: string, from: string, to: string): Promise<{ expected: CountedMember[]; differences: Difference[] }> {
  const expected = await expectedMembers(jurisdiction, from, to);
  const counters = await countersBetween(jurisdiction, from, to, 'COUNT');
  const counted: CountedMember[] = [];
  for (const measure of MEASURE_IDS) for (const m of await allMembers(jurisdiction, measure, from, to)) counted.push(m);
  const sums = readsRollups(jurisdiction) ? rollupDifferences(expected, await countersBetween(jurisdiction, from, to, 'ROLLUP')) : [];
  return { expected, differences: [...differencesOf(expected, counters, counted), ...sums] };
}

/** Recounts one subject from its record (gone: counted nowhere). */
async function recountSubject(subject: string): Promise<void> {
  const notice = noticeOfSubject(subject);
  if (notice) {
    const found = await getNotice(notice.inbox, notice.eventId);
    if (found) await countNotice(found);
    else await recount({ id: subject, caseType: 'notice' }, []);
    return;
  }
  const c = await getCase(subject);
  await recount({ id: subject, caseId: subject, caseType: c?.type ?? 'registration' }, c ? membershipsOf(c) : []);
}

export interface ReconcilePayload {
  asOf?: string;
  jurisdiction?: string;
  period?: string;
  repair?: boolean;
  /** Who asked (recorded with a repair). */
  by?: string;
}

export async function reconcile(jurisdiction: string, periodKey: string, options: { repair: boolean; by: string; now: Date }) {
  const period = parsePeriodKey(periodKey)!;
  const before = await compare(jurisdiction, period.from, period.to);
  let after: Difference[] | undefined;
  if (options.repair && before.differences.length > 0) {
    const subjects = new Set(before.differences.flatMap((d) => [...d.cases.notCounted, ...d.cases.countedWrongly]));
    for (const subject of subjects) await recountSubject(subject);
    // What the recounts did not mend is the counters themselves: set each to what the records say.
    for (const d of (await compare(jurisdiction, period.from, period.to)).differences) {
      if (d.cases.notCounted.length === 0 && d.cases.countedWrongly.length === 0) await setCounter(d.code, d.day, d.measure, d.found, d.expected, d.rollup ? 'ROLLUP' : 'COUNT');
    }
    after = (await compare(jurisdiction, period.from, period.to)).differences;
  }
  const at = options.now.toISOString();
  const result = {
    jurisdiction,
    period: period.key,
    from: period.from,
    to: period.to,
    at,
    casesCounted: new Set(before.expected.map((m) => m.subject)).size,
    differences: before.differences,
    ...(options.repair ? { repaired: true, repairedBy: options.by, remaining: after ?? [] } : { repaired: false }),
  };
  if (before.differences.length > 0) await recordReconciliation(jurisdiction, period.key, at, result);
  logger.info('reconciled', { jurisdiction, period: period.key, differences: before.differences.length, repaired: options.repair });
  return result;
}

export const handler = async (event: Partial<ScheduledEvent> & ReconcilePayload = {}) => {
  const now = clock.scheduledAt(event);
  if (event.jurisdiction !== undefined || event.period !== undefined) {
    const problem = byHandProblem(event.jurisdiction, event.period);
    if (problem) throw new Error(problem);
    return reconcile(event.jurisdiction!, event.period!, { repair: event.repair === true, by: event.by ?? 'operator', now });
  }
  const today = localDate(now);
  const months = [periodOf(today, 'month').key, ...(Number(today.slice(8)) <= 10 ? [periodOf(addCalendarDays(today, -11), 'month').key] : [])];
  const results = [];
  for (const province of provincesServed(deploymentPrefixes())) for (const month of months) results.push(await reconcile(province, month, { repair: false, by: 'schedule', now }));
  return { checked: results.length, withDifferences: results.filter((r) => r.differences.length > 0).map(({ jurisdiction, period, differences }) => ({ jurisdiction, period, differences: differences.length })) };
};
