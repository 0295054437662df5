// Reporting periods (10-day periods, months, quarters) across their awkward boundaries, and the
// rate definitions served as data.
import { describe, expect, it } from 'vitest';
import { RateDefinitionList } from '../../core/statistics/api.ts';
import { RATE_DEFINITIONS } from '../../core/statistics/definitions.ts';
import { type RateFigure, figuresFor } from '../../core/statistics/figures.ts';
import { MEASURE_IDS, type Membership, membershipsOf } from '../../core/statistics/measures.ts';
import { isProvisional, parsePeriodKey, periodOf, periodsBetween } from '../../core/statistics/periods.ts';
import { qualityOf, updateFrequency } from '../../core/statistics/quality.ts';
import { type CountedMember, differencesOf, rollupDifferences } from '../../core/statistics/reconciliation.ts';
import { byHandProblem, changesBetween, nextReport, periodsEndingOn, reportCsv } from '../../core/statistics/reports.ts';
import { DEFAULT_POLICY } from '../../core/policy.ts';
import type { Principal } from '../../core/principal.ts';
import type { Case } from '../../core/workflows/index.ts';
import * as registrations from '../../core/workflows/registration.ts';
import { type ReviewCase, cancelReview } from '../../core/workflows/review.ts';
import { httpEvent, lambdaContext, useMockedAwsEnvironment } from '../support/events.ts';

useMockedAwsEnvironment();
const { handler } = await import('../../functions/api/statistics/statistics.ts');

describe('reporting periods', () => {
  it('cuts a month into days 1–10, 11–20 and 21 to its end', () => {
    expect(periodOf('2026-12-31', 'dekad')).toEqual({ key: '2026-12-3', kind: 'dekad', from: '2026-12-21', to: '2026-12-31' });
    expect(periodOf('2026-11-30', 'dekad')).toMatchObject({ key: '2026-11-3', to: '2026-11-30' });
    expect(periodOf('2026-11-10', 'dekad')).toMatchObject({ key: '2026-11-1', from: '2026-11-01', to: '2026-11-10' });
    expect(periodOf('2026-11-11', 'dekad')).toMatchObject({ key: '2026-11-2', from: '2026-11-11', to: '2026-11-20' });
    // February: the third period ends on the 28th, or the 29th in a leap year.
    expect(periodOf('2027-02-25', 'dekad')).toMatchObject({ key: '2027-02-3', to: '2027-02-28' });
    expect(periodOf('2028-02-29', 'dekad')).toMatchObject({ key: '2028-02-3', to: '2028-02-29' });
  });

  it('names months and quarters', () => {
    expect(periodOf('2026-02-14', 'month')).toEqual({ key: '2026-02', kind: 'month', from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf('2026-11-29', 'quarter')).toEqual({ key: '2026-Q4', kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('2026-03-31', 'quarter')).toMatchObject({ key: '2026-Q1', from: '2026-01-01', to: '2026-03-31' });
  });

  it('lists every period in a range, across a year end, partial ones at the edges included', () => {
    expect(periodsBetween('2026-10-05', '2026-12-31', 'month').map((p) => p.key)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(periodsBetween('2026-12-15', '2027-01-05', 'dekad').map((p) => p.key)).toEqual(['2026-12-2', '2026-12-3', '2027-01-1']);
    expect(periodsBetween('2026-11-15', '2027-02-01', 'quarter').map((p) => p.key)).toEqual(['2026-Q4', '2027-Q1']);
  });

  it('reads a key back, and refuses what names no period', () => {
    for (const key of ['2026-11-3', '2026-11', '2026-Q4', '2027-02-3']) expect(parsePeriodKey(key)?.key).toBe(key);
    expect(parsePeriodKey('2026-02-3')?.to).toBe('2026-02-28');
    for (const bad of ['2026-13', '2026-11-4', '2026-Q5', '2026-11-01']) expect(parsePeriodKey(bad)).toBeUndefined();
  });

  it('marks a period still running as provisional', () => {
    expect(isProvisional(periodOf('2026-11-29', 'month'), '2026-11-29')).toBe(true);
    expect(isProvisional(periodOf('2026-10-31', 'month'), '2026-11-01')).toBe(false);
  });

  it('defines each rate as data, with what places a case in a period', () => {
    expect(RATE_DEFINITIONS.map((r) => r.id)).toEqual([
      'registeredOnTime',
      'certificatesProcessedInTime',
      'verificationCertificatesIssued',
      'reviewsOnTime',
      'noticesAcknowledgedInTime',
      'appealsDecidedInTime',
    ]);
    expect(RATE_DEFINITIONS[0]!.denominator).toContain('whatever became of it');
    for (const r of RATE_DEFINITIONS) {
      const { counts, ...texts } = r;
      expect(Object.values(texts).every((v) => typeof v === 'string' && v.length > 0)).toBe(true);
      // Each rate is read from two counters that exist.
      expect(MEASURE_IDS).toContain(counts.numerator);
      expect(MEASURE_IDS).toContain(counts.denominator);
    }
  });

  it('serves the definitions at GET /v1/statistics/definitions', async () => {
    const r = await handler(httpEvent({ path: '/v1/statistics/definitions', claims: { sub: 's', 'custom:role': 'supervisor', 'custom:jurisdiction': '1101' } }), lambdaContext());
    expect(r.statusCode).toBe(200);
    const body = JSON.parse(r.body);
    expect(body).toMatchObject({ defaultTarget: 0.95, items: RATE_DEFINITIONS });
    expect(RateDefinitionList.parse(body)).toEqual(body);
  });
});

// ---- Counting: which counters a case is in, on which day; rates per period; reconciliation

const at = (local: string) => new Date(`${local}+08:00`);
const worker: Principal = { sub: 'cw-1', role: 'caseworker', jurisdiction: '110105001' };
const reportInput = (arrivalDate: string, n = 1): registrations.ReportInput => ({
  person: { name: '张三', idNumber: `11010519491231${String(n).padStart(3, '0')}X`, phone: '13800138000' },
  originCode: '511321100',
  destinationCode: '110105001',
  arrivalDate,
  expectedStayDays: 180,
  premises: '朝阳区某街道1号',
});
const reported = (arrivalDate: string, on: string, n = 1) =>
  registrations.report(reportInput(arrivalDate, n), worker, DEFAULT_POLICY, { caseId: `case-${n}`, eventId: `e-${n}` }, at(on)).case;
const verified = (c: registrations.RegistrationCase, on: string) =>
  registrations.verify(c, worker, DEFAULT_POLICY, { eventId: 'e-v', review: { caseId: `review-${c.id}`, eventId: 'e-r' } }, at(on), { certificateNumber: 'VC-0000-0000-0000' });
const byMeasure = (ms: Membership[]) => Object.fromEntries(ms.map((m) => [m.measure, m]));

describe('which counters a case is in', () => {
  it('places a registration by its deadline, and counts it on time when verified by the end of that day', () => {
    // Arrived 25 October: the registration deadline is 10 calendar days on, 4 November.
    const c = reported('2026-10-25', '2026-10-26T09:00:00');
    expect(c.marks?.due.registration).toBe('2026-11-04');
    expect(byMeasure(membershipsOf(c))).toEqual({
      reported: { measure: 'reported', code: '110105001', day: '2026-10-26', inNumerator: false },
      registrationsDue: { measure: 'registrationsDue', code: '110105001', day: '2026-11-04', inNumerator: false },
    });
    const [onTime] = verified(c, '2026-11-04T23:30:00');
    expect(byMeasure(membershipsOf(onTime!.case as Case))).toMatchObject({
      registrationsDue: { day: '2026-11-04', inNumerator: true },
      registeredOnTime: { day: '2026-11-04' },
      registered: { day: '2026-11-04' },
      reportedVerified: { day: '2026-10-26' },
      reported: { inNumerator: true },
    });
  });

  it('keeps a late registration in the period of its deadline, out of the numerator', () => {
    const [late] = verified(reported('2026-10-25', '2026-10-26T09:00:00'), '2026-11-05T00:10:00');
    const ms = byMeasure(membershipsOf(late!.case as Case));
    expect(ms.registrationsDue).toEqual({ measure: 'registrationsDue', code: '110105001', day: '2026-11-04', inNumerator: false });
    expect(ms.registeredOnTime).toBeUndefined();
    // Registered on the day it happened; still a verification certificate for the day it was reported.
    expect(ms.registered?.day).toBe('2026-11-05');
    expect(ms.reportedVerified?.day).toBe('2026-10-26');
  });

  it('leaves a later deadline of the same kind alone: a supplement does not move the registration deadline', () => {
    const c = reported('2026-10-25', '2026-10-26T09:00:00');
    const asked = registrations.requestSupplement(c, worker, DEFAULT_POLICY, 'e-s', at('2026-10-28T10:00:00'), { items: ['劳动合同'], reason: '缺少劳动合同' });
    expect(asked.case.deadline?.kind).toBe('supplement');
    expect(byMeasure(membershipsOf(asked.case)).registrationsDue?.day).toBe('2026-11-04');
  });

  it('owes nothing for a group member withdrawn because they never arrived', () => {
    const withdrawn = registrations.withdraw(reported('2026-10-25', '2026-10-26T09:00:00'), '未到岗', DEFAULT_POLICY, 'e-w', at('2026-10-27T09:00:00')).case;
    expect(byMeasure(membershipsOf(withdrawn)).registrationsDue).toBeUndefined();
    expect(byMeasure(membershipsOf(withdrawn)).reported).toBeDefined();
  });

  it('does not count a review cancelled before it fell due, and counts one completed by its day', () => {
    const [registered, review] = verified(reported('2026-10-25', '2026-10-26T09:00:00'), '2026-10-27T09:00:00');
    const due = (review!.case as ReviewCase).deadline!.date;
    expect(byMeasure(membershipsOf(review!.case as Case)).reviewsDue).toMatchObject({ day: due, inNumerator: false });
    const cancelled = cancelReview(review!.case as ReviewCase, DEFAULT_POLICY, 'e-c', at('2027-01-10T09:00:00'), '已离开');
    expect(membershipsOf(cancelled.case)).toEqual([]);
    expect(registered).toBeDefined();
  });

  it('counts an inbox notice owed an acknowledgement, and in time when read by its deadline', () => {
    const notice = {
      type: 'notice' as const,
      jurisdiction: '511321100',
      eventId: 'ev-1',
      time: '2026-11-30T16:30:00.000Z', // 1 December in Shanghai
      caseId: 'case-1',
      caseType: 'registration' as const,
      originCode: '511321100',
      data: {},
      acknowledgeBy: { kind: 'noticeAcknowledgement' as const, date: '2026-12-04', dueAt: '2026-12-04T15:59:59.999Z', period: { count: 3, unit: 'working_days' as const } },
    };
    expect(membershipsOf(notice)).toEqual([{ measure: 'noticesReceived', code: '511321100', day: '2026-12-01', inNumerator: false }]);
    const read = { ...notice, acknowledged: { at: '2026-12-02T01:00:00.000Z', by: { sub: 'cw', role: 'caseworker' as const } } };
    expect(byMeasure(membershipsOf(read))).toMatchObject({ noticesReceived: { inNumerator: true }, noticesAcknowledgedInTime: { day: '2026-12-01' } });
    const { acknowledgeBy: _none, ...notOwed } = notice;
    expect(membershipsOf(notOwed)).toEqual([]);
  });
});

describe('rates per period', () => {
  const row = (code: string, day: string, counts: Record<string, number>) => ({ code, day, counts });
  const rows = [
    row('110105001', '2026-12-31', { registrationsDue: 2, registeredOnTime: 1 }),
    row('110105002', '2026-12-21', { registrationsDue: 1, registeredOnTime: 1 }),
    row('110105001', '2027-01-01', { registrationsDue: 4, registeredOnTime: 4 }),
    row('110105001', '2027-02-28', { registrationsDue: 1 }),
  ];
  const rate = (f: { rates: RateFigure[] }) => f.rates.find((r) => r.id === 'registeredOnTime')!;

  it('adds a dekad ending on the 31st, a quarter and the next year apart, with every period listed', () => {
    const dekads = figuresFor(rows, periodsBetween('2026-12-21', '2027-01-10', 'dekad'), 0.95, '2026-11-29');
    expect(dekads.map((p) => [p.period, rate(p).numerator, rate(p).denominator])).toEqual([
      ['2026-12-3', 2, 3],
      ['2027-01-1', 4, 4],
    ]);
    expect(rate(dekads[0]!)).toMatchObject({ rate: 2 / 3, target: 0.95, meets: false });
    expect(rate(dekads[1]!)).toMatchObject({ rate: 1, meets: true });
    const quarters = figuresFor(rows, periodsBetween('2026-10-01', '2027-03-31', 'quarter'), 0.95, '2026-11-29');
    expect(quarters.map((p) => [p.period, rate(p).denominator, p.provisional])).toEqual([
      ['2026-Q4', 3, true],
      ['2027-Q1', 5, true],
    ]);
  });

  it('puts the 28th of February in the third dekad, and shows an empty period with no rate to judge', () => {
    const feb = figuresFor(rows, periodsBetween('2027-02-11', '2027-02-28', 'dekad'), 0.9, '2027-03-05');
    expect(feb.map((p) => p.period)).toEqual(['2027-02-2', '2027-02-3']);
    expect(rate(feb[0]!)).toEqual({ id: 'registeredOnTime', numerator: 0, denominator: 0, rate: null, target: 0.9, meets: null });
    expect(rate(feb[1]!)).toMatchObject({ numerator: 0, denominator: 1, rate: 0, meets: false });
    expect(feb.every((p) => !p.provisional)).toBe(true);
  });
});

describe('reconciliation and reports', () => {
  it('lists a planted counter and a case the counters missed, naming the cases', () => {
    const expected: CountedMember[] = [
      { subject: 'a', measure: 'registrationsDue', code: '110105001', day: '2026-11-04' },
      { subject: 'b', measure: 'registrationsDue', code: '110105001', day: '2026-11-04' },
      { subject: 'c', measure: 'reported', code: '110105001', day: '2026-11-01' },
    ];
    const counted: CountedMember[] = [
      { subject: 'a', measure: 'registrationsDue', code: '110105001', day: '2026-11-04' },
      { subject: 'c', measure: 'reported', code: '110105001', day: '2026-11-01' },
    ];
    const counters = [
      { code: '110105001', day: '2026-11-04', counts: { registrationsDue: 1 } },
      { code: '110105001', day: '2026-11-01', counts: { reported: 7 } },
    ];
    expect(differencesOf(expected, counters, counted)).toEqual([
      { measure: 'registrationsDue', code: '110105001', day: '2026-11-04', expected: 2, found: 1, cases: { notCounted: ['b'], countedWrongly: [] } },
      { measure: 'reported', code: '110105001', day: '2026-11-01', expected: 1, found: 7, cases: { notCounted: [], countedWrongly: [] } },
    ]);
    expect(differencesOf(expected, [{ code: '110105001', day: '2026-11-04', counts: { registrationsDue: 2 } }, { code: '110105001', day: '2026-11-01', counts: { reported: 1 } }], expected)).toEqual([]);
    // The county's sum rows: what the records say of its townships, added up.
    expect(rollupDifferences(expected, [{ code: '110105', day: '2026-11-04', counts: { registrationsDue: 2 } }, { code: '110105', day: '2026-11-01', counts: { reported: 1 } }])).toEqual([]);
    expect(rollupDifferences(expected, [{ code: '110105', day: '2026-11-04', counts: { registrationsDue: 3 } }])).toEqual([
      { measure: 'registrationsDue', code: '110105', day: '2026-11-04', expected: 2, found: 3, cases: { notCounted: [], countedWrongly: [] }, rollup: true },
      { measure: 'reported', code: '110105', day: '2026-11-01', expected: 1, found: 0, cases: { notCounted: [], countedWrongly: [] }, rollup: true },
    ]);
  });

  it('writes CSV with a byte-order mark and the Chinese names, and says what a correction changed', () => {
    const [figures] = figuresFor([{ code: '1101', day: '2026-11-04', counts: { registrationsDue: 4, registeredOnTime: 3 } }], [parsePeriodKey('2026-11')!], 0.95, '2026-12-01');
    const csv = reportCsv({ jurisdiction: '1101', jurisdictionName: '北京市市辖区', period: '2026-11', version: 1, provisional: false, rates: figures!.rates });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('1101,北京市市辖区,2026-11,1,registeredOnTime,按时登记率,3,4,0.7500,0.95,否,否');
    const later = figures!.rates.map((r) => (r.id === 'registeredOnTime' ? { ...r, numerator: 4 } : r));
    expect(changesBetween(figures!.rates, later)).toEqual([{ rate: 'registeredOnTime', part: 'numerator', was: 3, now: 4 }]);
    expect(changesBetween(figures!.rates, figures!.rates)).toEqual([]);
  });

  it('publishes a first version, nothing for the same figures, and a correction naming what changed', () => {
    const [figures] = figuresFor([{ code: '1101', day: '2026-11-04', counts: { registrationsDue: 4, registeredOnTime: 3 } }], [parsePeriodKey('2026-11')!], 0.95, '2026-12-01');
    const about = { jurisdiction: '1101', jurisdictionName: '北京市市辖区', period: '2026-11', by: 'liudong', at: '2026-12-01T16:20:00.000Z' };
    const first = nextReport(undefined, figures!, about)!;
    expect(first).toMatchObject({ version: 1, objects: { json: 'reports/1101/2026-11/v1.json', csv: 'reports/1101/2026-11/v1.csv' }, provisional: false });
    expect(first).not.toHaveProperty('corrects');
    expect(nextReport(first, figures!, about)).toBeUndefined();
    const later = figures!.rates.map((r) => (r.id === 'registeredOnTime' ? { ...r, numerator: 4 } : r));
    expect(nextReport(first, { rates: later, provisional: false }, about)).toMatchObject({
      version: 2,
      corrects: 1,
      changes: [{ rate: 'registeredOnTime', part: 'numerator', was: 3, now: 4 }],
      objects: { json: 'reports/1101/2026-11/v2.json' },
    });
    // A provisional figure made final is a new version even when the numbers stand.
    expect(nextReport({ ...first, provisional: true }, figures!, about)).toMatchObject({ version: 2, changes: [] });
  });

  it('checks a jurisdiction and period given by hand, naming what is wrong', () => {
    expect(byHandProblem('1101', '2026-11')).toBeUndefined();
    expect(byHandProblem('110105001', '2026-Q4')).toBeUndefined();
    expect(byHandProblem('110105001001', '2026-11')).toMatch(/^jurisdiction/);
    expect(byHandProblem('1101', 'November')).toMatch(/^period/);
    expect(byHandProblem(undefined, '2026-11')).toMatch(/^jurisdiction/);
  });

  it('names reports the schedule publishes on a day: a dekad, with its month and quarter at their ends', () => {
    expect(periodsEndingOn('2026-11-20').map((p) => p.key)).toEqual(['2026-11-2']);
    expect(periodsEndingOn('2026-12-31').map((p) => p.key)).toEqual(['2026-12-3', '2026-12', '2026-Q4']);
    expect(periodsEndingOn('2026-11-29')).toEqual([]);
  });
});

describe('data quality', () => {
  it('lists missing required fields, stale cases and deadlines that ran out, leaving closed cases alone', () => {
    const bare = registrations.report({ ...reportInput('2026-08-01', 7), premises: undefined as never }, worker, DEFAULT_POLICY, { caseId: 'bare', eventId: 'e' }, at('2026-08-02T09:00:00')).case;
    const { premises: _p, ...withoutPremises } = bare;
    const [registered] = verified(reported('2026-08-01', '2026-08-02T09:00:00', 8), '2026-08-03T09:00:00');
    const noReview = { ...(registered!.case as registrations.RegistrationCase), reviewId: undefined };
    const closed = registrations.refuse(reported('2026-08-01', '2026-08-02T09:00:00', 9), worker, DEFAULT_POLICY, 'e', at('2026-08-03T09:00:00'), { reason: '材料不实' }).case;
    const found = qualityOf([withoutPremises as Case, registered!.case as Case, noReview as Case, closed], '2026-11-29', { staleAfterDays: 90 });
    expect(found.missingFields).toEqual([{ caseId: 'bare', caseType: 'registration', office: '110105001', fields: ['premises'] }]);
    // Registered with a review scheduled: watched. Without one, nothing moves it: stale.
    expect(found.stale.map((s) => [s.caseId, s.days])).toEqual([['case-8', 118]]);
    expect(found.deadlinesWithoutOutcome).toEqual([
      { caseId: 'bare', caseType: 'registration', office: '110105001', state: 'reported', deadline: '2026-08-11', kind: 'registration', daysLate: 110 },
    ]);
  });

  it("reads an office's update frequency off its counters, against the work plan's four a year", () => {
    const rows = ['2026-01-05', '2026-03-01', '2026-03-01', '2026-06-30'].map((day) => ({ code: '110105001', day, counts: { officeUpdates: 2 } }));
    expect(updateFrequency(rows, '2026-11-29', 4)).toMatchObject({ daysWithUpdates: 3, changes: 8, lastUpdate: '2026-06-30', target: 4, meets: false });
  });
});
