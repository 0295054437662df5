// Completeness statistics for supervisors. GET /v1/statistics: each rate per period (10-day,
// month, quarter) for any jurisdiction, summed from the counters under it (one index query: no
// case is read). GET /v1/statistics/cases: the cases behind a figure, page by page, so a
// supervisor sees exactly who is missing. GET /v1/statistics/quality: an office's data-quality
// list. GET /v1/statistics/definitions: what each rate counts, as data.
import { addCalendarDays, localDate } from '../../../core/calendar.ts';
import { DEFAULT_TARGET, RATE_DEFINITIONS } from '../../../core/statistics/definitions.ts';
import { MEASURES } from '../../../core/statistics/measures.ts';
import { parsePeriodKey, periodsBetween } from '../../../core/statistics/periods.ts';
import { qualityOf, updateFrequency } from '../../../core/statistics/quality.ts';
import { noteList } from '../../shared/audit.ts';
import { caseView } from '../../shared/cases.ts';
import { byRoute, json, route } from '../../shared/http.ts';
import { casesUnder, getCases } from '../../shared/store/cases.ts';
import { policyFor } from '../../shared/store/reference.ts';
import { countersBetween, figuresOf, membersPage } from '../../shared/store/statistics.ts';
import * as declared from './routes.ts';

/** Cases a quality list reads at most in one answer (a county asks per office beyond it). */
const QUALITY_MAX_CASES = 5000;

export const handler = byRoute([
  route(declared.definitions, async () =>
    json(200, {
      items: RATE_DEFINITIONS,
      defaultTarget: DEFAULT_TARGET,
      periodKeys: '2026-11 (month); 2026-11-1, 2026-11-2, 2026-11-3 (days 1–10, 11–20, 21–end); 2026-Q4 (quarter); local dates, Asia/Shanghai',
      measures: MEASURES.map(({ id, caseType, counts, placedBy }) => ({ id, caseType, counts, placedBy })),
    }),
  ),
  route(declared.rates, async ({ query, now }) => {
    const { target, items } = await figuresOf(query.jurisdiction, periodsBetween(query.from, query.to, query.period), now);
    return json(200, { jurisdiction: query.jurisdiction, period: query.period, asOf: now.toISOString(), target, items });
  }),
  route(declared.casesBehind, async ({ query }) => {
    const rate = RATE_DEFINITIONS.find((r) => r.id === query.rate)!;
    const period = parsePeriodKey(query.period)!;
    const measure = query.part === 'numerator' ? rate.counts.numerator : rate.counts.denominator;
    const page = await membersPage(
      { jurisdiction: query.jurisdiction, measure, from: period.from, to: period.to, missing: query.part === 'missing' },
      query.limit,
      query.cursor,
    );
    const cases = new Map((await getCases(page.items.flatMap((m) => (m.caseType !== 'notice' && m.caseId ? [m.caseId] : [])))).map((c) => [c.id, c]));
    // The rows show the person (masked numbers): the read is recorded like any list.
    noteList([...cases.keys()]);
    const items = page.items.map((m) => {
      const c = m.caseType !== 'notice' && m.caseId ? cases.get(m.caseId) : undefined;
      return {
        ...(m.caseId ? { caseId: m.caseId } : {}),
        caseType: m.caseType,
        jurisdiction: m.code,
        placedOn: m.day,
        inNumerator: query.part === 'numerator' || m.inNumerator === true,
        ...(m.caseType === 'notice' ? { noticeEventId: m.subject.split('#').at(-1) } : {}),
        ...(c ? { case: caseView(c) } : {}),
      };
    });
    return json(200, { rate: rate.id, period: period.key, part: query.part, items, ...(page.cursor ? { cursor: page.cursor } : {}) });
  }),
  route(declared.quality, async ({ query, now }) => {
    const policy = await policyFor(query.jurisdiction);
    const today = localDate(now);
    const { items, truncated } = await casesUnder(query.jurisdiction, QUALITY_MAX_CASES);
    const findings = qualityOf(items, today, policy);
    noteList([...new Set([...findings.missingFields, ...findings.stale, ...findings.deadlinesWithoutOutcome].map((f) => f.caseId))]);
    const rows = await countersBetween(query.jurisdiction.slice(0, 9), addCalendarDays(today, -364), today);
    return json(200, {
      jurisdiction: query.jurisdiction,
      asOf: today,
      staleAfterDays: policy.staleAfterDays,
      truncated,
      ...findings,
      updates: updateFrequency(rows, today, policy.updatesPerYear),
    });
  }),
]);
