// Completeness statistics, as data: the reporting periods (10-day periods, months, quarters, in
// local dates) and each rate's definition (what is counted, which date places a case in a
// period, what counts as on time). Supervisors are judged by these; every figure must be
// explainable, so the definitions are served as they are (GET /v1/statistics/definitions).
import { z } from 'zod';
import { addCalendarDays, daysInMonth as lastDay, localDate } from './calendar.ts';
import type { Notice } from './notices.ts';
import { DEFAULT_POLICY } from './policy.ts';
import { Cursor, JurisdictionCode, Limit, LocalDate } from './schemas.ts';
import { type Case, WORKFLOWS, workingOffice } from './workflows/index.ts';

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
  /** The name on the Chinese bulletin. */
  nameZh: string;
  /** What the denominator counts: every case whose placing date falls in the period. */
  denominator: string;
  /** Which of those count as done. */
  numerator: string;
  /** The date that puts a case in a period. */
  placedBy: string;
  /** What "on time" means for it. */
  onTime: string;
  /** The counters it is read from: its numerator and denominator, by measure (MEASURES). */
  counts: { numerator: Measure; denominator: Measure };
}

export const RATE_DEFINITIONS: readonly RateDefinition[] = [
  {
    id: 'registeredOnTime',
    name: 'Registered on time',
    nameZh: '按时登记率',
    denominator: 'every registration whose registration deadline fell in the period, whatever became of it (registered, still open, overdue, refused, departed): the unregistered are never left out; only a group member withdrawn because they never arrived owed nothing',
    numerator: 'those verified on or before their deadline',
    placedBy: 'the registration deadline (arrival + the policy period)',
    onTime: 'verified at or before the end of the deadline day (Asia/Shanghai)',
    counts: { numerator: 'registeredOnTime', denominator: 'registrationsDue' },
  },
  {
    id: 'certificatesProcessedInTime',
    name: 'Origin certificates processed in time',
    nameZh: '原籍证明按时办理率',
    denominator: 'every origin certificate application whose processing deadline fell in the period',
    numerator: 'those issued or rejected on or before the deadline',
    placedBy: 'the processing deadline (application + the policy period)',
    onTime: 'issued or rejected at or before the end of the deadline day',
    counts: { numerator: 'certificatesInTime', denominator: 'certificatesDue' },
  },
  {
    id: 'verificationCertificatesIssued',
    name: 'Verification certificates issued',
    nameZh: '核验证明发放率',
    denominator: 'every registration reported in the period',
    numerator: 'those verified (a verification certificate issued), at any time so far',
    placedBy: 'the day the arrival was reported',
    onTime: 'not a deadline rate: issued at all',
    counts: { numerator: 'reportedVerified', denominator: 'reported' },
  },
  {
    id: 'reviewsOnTime',
    name: 'Residence reviews done on time',
    nameZh: '居住复核按时完成率',
    denominator: 'every residence review that fell due in the period (one cancelled before it was due, because the person left, never fell due)',
    numerator: 'those completed (confirmed by the person or by a visit) on or before they were due',
    placedBy: 'the day the review was due',
    onTime: 'completed at or before the end of the due day',
    counts: { numerator: 'reviewsOnTime', denominator: 'reviewsDue' },
  },
  {
    id: 'noticesAcknowledgedInTime',
    name: 'Notices acknowledged in time',
    nameZh: '通报按时签收率',
    denominator: 'every notice filed in an office inbox in the period that is owed an acknowledgement',
    numerator: 'those acknowledged by their acknowledgement deadline',
    placedBy: 'the day the notice was filed',
    onTime: 'acknowledged at or before the end of the acknowledgement deadline day',
    counts: { numerator: 'noticesAcknowledgedInTime', denominator: 'noticesReceived' },
  },
  {
    id: 'appealsDecidedInTime',
    name: 'Appeals decided in time',
    nameZh: '申诉按时办结率',
    denominator: 'every appeal whose decision deadline fell in the period',
    numerator: 'those decided (upheld or reversed) on or before the deadline',
    placedBy: 'the appeal decision deadline',
    onTime: 'decided at or before the end of the deadline day',
    counts: { numerator: 'appealsDecidedInTime', denominator: 'appealsDue' },
  },
];

/** The target a rate is judged against when policy names none (policy `completenessTarget`). */
export const DEFAULT_TARGET = DEFAULT_POLICY.completenessTarget;

export const RateDefinitionList = z
  .object({
    items: z.array(
      z
        .object({
          id: z.string(),
          name: z.string(),
          nameZh: z.string(),
          denominator: z.string(),
          numerator: z.string(),
          placedBy: z.string(),
          onTime: z.string(),
          counts: z.object({ numerator: z.string(), denominator: z.string() }).meta({ description: 'The counters (measures) the rate is read from' }),
        })
        .meta({ id: 'RateDefinition' }),
    ),
    defaultTarget: z.number().meta({ description: 'The target a rate meets when policy names none (0.95)' }),
    periodKeys: z.string().meta({ description: 'How periods are named' }),
    measures: z
      .array(z.object({ id: z.string(), caseType: z.string(), counts: z.string(), placedBy: z.string() }).meta({ id: 'MeasureDefinition' }))
      .meta({ description: 'Every counter kept per jurisdiction and day, and the date that places a case in it' }),
  })
  .meta({ id: 'RateDefinitionList' });

// ---- Measures: the counters kept per jurisdiction (township) and local day

/** Every counter, with the cases it counts and the date that places a case in it. */
export const MEASURE_IDS = [
  'reported',
  'registrationsDue',
  'registeredOnTime',
  'registered',
  'reportedVerified',
  'departures',
  'certificatesApplied',
  'certificatesDue',
  'certificatesInTime',
  'certificatesOverdue',
  'reviewsDue',
  'reviewsOnTime',
  'noticesReceived',
  'noticesAcknowledgedInTime',
  'appealsOpened',
  'appealsDue',
  'appealsDecidedInTime',
] as const;
export type Measure = (typeof MEASURE_IDS)[number];

/** What a case is counted from: its type, dates and marks (the first due date of each deadline kind, the first time of each action). */
type Subject = Case | ({ type: 'notice' } & Notice);

interface MeasureSpec {
  id: Measure;
  caseType: Case['type'] | 'notice';
  counts: string;
  placedBy: string;
  /** The local day that places the subject in this counter, or undefined when it is not counted. */
  place(s: never): string | undefined;
}

const dayOf = (instant: string | undefined) => (instant ? localDate(new Date(instant)) : undefined);
/** The first date a deadline of this kind fell due (a case from before marks were kept: its running deadline). */
const dueOf = (c: Case, kind: string): string | undefined =>
  (c.marks?.due as Record<string, string> | undefined)?.[kind] ?? (c.deadline?.kind === kind ? c.deadline.date : undefined);
/** The local day an action (any of several) was first taken. */
const takenOn = (c: Case, ...actions: string[]): string | undefined =>
  actions.map((a) => dayOf(c.marks?.taken[a])).filter((d): d is string => d !== undefined).sort()[0];
/** The day a registration was verified (a case from before marks: its certificate's first day). */
const verifiedOn = (c: Case & { type: 'registration' }) => takenOn(c, 'verify') ?? c.verificationCertificate?.validFrom;
const inTime = (done: string | undefined, due: string | undefined) => done !== undefined && due !== undefined && done <= due;
/** A group member withdrawn because they never arrived owed no registration. */
const owed = (c: Case) => takenOn(c, 'withdraw') === undefined;

type Reg = Case & { type: 'registration' };
type Cert = Case & { type: 'origin_certificate' };
type Rev = Case & { type: 'review' };
type App = Case & { type: 'appeal' };
type Note = { type: 'notice' } & Notice;

export const MEASURES: readonly MeasureSpec[] = [
  { id: 'reported', caseType: 'registration', counts: 'arrivals reported (and transfers opened)', placedBy: 'the day reported', place: (c: Reg) => dayOf(c.createdAt) },
  {
    id: 'registrationsDue',
    caseType: 'registration',
    counts: 'registrations owed, whatever became of them',
    placedBy: 'the registration deadline',
    place: (c: Reg) => (owed(c) ? dueOf(c, 'registration') : undefined),
  },
  {
    id: 'registeredOnTime',
    caseType: 'registration',
    counts: 'registrations verified on or before their deadline',
    placedBy: 'the registration deadline',
    place: (c: Reg) => (owed(c) && inTime(verifiedOn(c), dueOf(c, 'registration')) ? dueOf(c, 'registration') : undefined),
  },
  { id: 'registered', caseType: 'registration', counts: 'registrations verified (a verification certificate issued)', placedBy: 'the day verified', place: (c: Reg) => verifiedOn(c) },
  {
    id: 'reportedVerified',
    caseType: 'registration',
    counts: 'arrivals reported that were verified, at any time so far',
    placedBy: 'the day reported',
    place: (c: Reg) => (verifiedOn(c) ? dayOf(c.createdAt) : undefined),
  },
  { id: 'departures', caseType: 'registration', counts: 'departures', placedBy: 'the departure date', place: (c: Reg) => c.departure?.date },
  { id: 'certificatesApplied', caseType: 'origin_certificate', counts: 'origin certificate applications', placedBy: 'the day applied', place: (c: Cert) => dayOf(c.createdAt) },
  {
    id: 'certificatesDue',
    caseType: 'origin_certificate',
    counts: 'applications owed a decision',
    placedBy: 'the processing deadline',
    place: (c: Cert) => dueOf(c, 'originCertificateProcessing'),
  },
  {
    id: 'certificatesInTime',
    caseType: 'origin_certificate',
    counts: 'applications issued or rejected on or before the deadline',
    placedBy: 'the processing deadline',
    place: (c: Cert) => (inTime(takenOn(c, 'issue', 'reject'), dueOf(c, 'originCertificateProcessing')) ? dueOf(c, 'originCertificateProcessing') : undefined),
  },
  {
    id: 'certificatesOverdue',
    caseType: 'origin_certificate',
    counts: 'applications that passed their deadline undecided (decided late, or not yet)',
    placedBy: 'the processing deadline',
    place: (c: Cert) => {
      const due = dueOf(c, 'originCertificateProcessing');
      const decided = takenOn(c, 'issue', 'reject');
      return due !== undefined && (takenOn(c, 'expire') !== undefined || (decided !== undefined && decided > due)) ? due : undefined;
    },
  },
  {
    id: 'reviewsDue',
    caseType: 'review',
    counts: 'residence reviews that fell due (not those cancelled before, when the person left)',
    placedBy: 'the day due',
    place: (c: Rev) => {
      const due = dueOf(c, 'review');
      const cancelled = takenOn(c, 'cancel');
      return due !== undefined && !(cancelled !== undefined && cancelled <= due) ? due : undefined;
    },
  },
  {
    id: 'reviewsOnTime',
    caseType: 'review',
    counts: 'reviews completed (confirmed or visited) on or before the day due',
    placedBy: 'the day due',
    place: (c: Rev) => (inTime(takenOn(c, 'confirm', 'record_visit'), dueOf(c, 'review')) ? dueOf(c, 'review') : undefined),
  },
  {
    id: 'noticesReceived',
    caseType: 'notice',
    counts: 'notices filed in an inbox that are owed an acknowledgement',
    placedBy: 'the day filed',
    place: (n: Note) => (n.acknowledgeBy ? dayOf(n.time) : undefined),
  },
  {
    id: 'noticesAcknowledgedInTime',
    caseType: 'notice',
    counts: 'those acknowledged by their acknowledgement deadline',
    placedBy: 'the day filed',
    place: (n: Note) => (n.acknowledgeBy && n.acknowledged && n.acknowledged.at <= n.acknowledgeBy.dueAt ? dayOf(n.time) : undefined),
  },
  { id: 'appealsOpened', caseType: 'appeal', counts: 'appeals lodged', placedBy: 'the day lodged', place: (c: App) => dayOf(c.createdAt) },
  { id: 'appealsDue', caseType: 'appeal', counts: 'appeals owed a decision', placedBy: 'the decision deadline', place: (c: App) => dueOf(c, 'appealDecision') },
  {
    id: 'appealsDecidedInTime',
    caseType: 'appeal',
    counts: 'appeals decided (upheld or reversed) on or before the deadline',
    placedBy: 'the decision deadline',
    place: (c: App) => (inTime(takenOn(c, 'decide'), dueOf(c, 'appealDecision')) ? dueOf(c, 'appealDecision') : undefined),
  },
];

/** Changes an office's own accounts made to its cases, one per event: its update frequency. Counted from the events, not from a case. */
export const OFFICE_UPDATES = 'officeUpdates';

/** The township a subject is counted under: the working office's (a community's township), or the inbox's. */
export const countedUnder = (s: Subject): string => (s.type === 'notice' ? s.jurisdiction : workingOffice(s)).slice(0, 9);

/**
 * Counter rows are kept per township (or inbox) and, summed, per county: a county, prefecture or
 * province reads the county rows (at most a few hundred a day), a township its own.
 */
export const ROLLUP_LENGTH = 6;
export const rollupOf = (code: string) => code.slice(0, ROLLUP_LENGTH);
/** Which rows a query of `jurisdiction` reads: the county sums above a township, the township's own at it. */
export const readsRollups = (jurisdiction: string) => jurisdiction.length <= ROLLUP_LENGTH;

/** One subject's place in one counter; a denominator's also says whether it is in the rate's numerator. */
export interface Membership {
  measure: Measure;
  code: string;
  day: string;
  inNumerator?: boolean;
}

const NUMERATOR_OF = new Map(RATE_DEFINITIONS.map((r) => [r.counts.denominator, r.counts.numerator]));

/** Every counter a case (or an inbox notice) is in now: what the counters must hold for it. */
export function membershipsOf(s: Subject): Membership[] {
  const code = countedUnder(s);
  const placed = new Map<Measure, string>();
  for (const m of MEASURES) {
    if (m.caseType !== s.type) continue;
    const day = (m.place as (x: Subject) => string | undefined)(s);
    if (day !== undefined) placed.set(m.id, day);
  }
  return [...placed].map(([measure, day]) => {
    const numerator = NUMERATOR_OF.get(measure);
    return { measure, code, day, ...(numerator ? { inNumerator: placed.has(numerator) } : {}) };
  });
}

// ---- Rates per period, from counters

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

// ---- Reports: a published period's figures, as JSON and as CSV for spreadsheets

export interface ReportChange {
  rate: string;
  part: 'numerator' | 'denominator';
  was: number;
  now: number;
}

/** What changed between a published report's figures and a recount: nothing means no new version. */
export function changesBetween(was: readonly RateFigure[], now: readonly RateFigure[]): ReportChange[] {
  const out: ReportChange[] = [];
  for (const r of now) {
    const before = was.find((w) => w.id === r.id);
    for (const part of ['numerator', 'denominator'] as const) {
      const old = before?.[part] ?? 0;
      if (old !== r[part]) out.push({ rate: r.id, part, was: old, now: r[part] });
    }
  }
  return out;
}

const csvCell = (v: string | number | null) => {
  const text = v === null ? '' : String(v);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The report as CSV: UTF-8 with a byte-order mark, so spreadsheet software reads the Chinese. */
export function reportCsv(report: { jurisdiction: string; jurisdictionName?: string; period: string; version: number; provisional: boolean; rates: readonly RateFigure[] }): string {
  const header = ['辖区 jurisdiction', '名称 name', '期间 period', '版本 version', '指标 rate', '指标名称 rate name', '分子 numerator', '分母 denominator', '比率 rate', '目标 target', '达标 meets', '临时 provisional'];
  const lines = report.rates.map((r) => {
    const def = RATE_DEFINITIONS.find((d) => d.id === r.id)!;
    return [
      report.jurisdiction,
      report.jurisdictionName ?? '',
      report.period,
      report.version,
      r.id,
      def.nameZh,
      r.numerator,
      r.denominator,
      r.rate === null ? null : r.rate.toFixed(4),
      r.target,
      r.meets === null ? '' : r.meets ? '是' : '否',
      report.provisional ? '是' : '否',
    ];
  });
  return `\uFEFF${[header, ...lines].map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** What is wrong with a jurisdiction and period given by hand (npm run report, npm run reconcile), or undefined. */
export function byHandProblem(jurisdiction: string | undefined, period: string | undefined): string | undefined {
  if (!jurisdiction || !/^\d+$/.test(jurisdiction) || ![2, 4, 6, 9].includes(jurisdiction.length)) return 'jurisdiction must be a province, prefecture, county or township code, e.g. 110105';
  if (!period || !parsePeriodKey(period)) return 'period must be a period key: 2026-11 (month), 2026-11-2 (days 11–20) or 2026-Q4';
  return undefined;
}

/** The periods whose last day is `day`: what the report schedule publishes the morning after. */
export function periodsEndingOn(day: string): Period[] {
  return PERIOD_KINDS.map((k) => periodOf(day, k)).filter((p) => p.to === day);
}

// ---- Data quality: what an office's records lack, what has stood still, what ran out unanswered

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

// ---- The API's queries and answers

const StatisticsJurisdiction = JurisdictionCode.refine((c) => c.length <= 9, {
  message: 'must be a township, county, prefecture or province code (counters are kept per township)',
});
const PeriodKey = z
  .string()
  .refine((k) => parsePeriodKey(k) !== undefined, { message: 'must be a period key such as 2026-11, 2026-11-2 or 2026-Q4' })
  .meta({ description: '2026-11 (month), 2026-11-1…3 (days 1–10, 11–20, 21–end), 2026-Q4 (quarter)' });
export const RATE_IDS = RATE_DEFINITIONS.map((r) => r.id) as [string, ...string[]];

export const StatisticsQuery = z
  .strictObject({
    jurisdiction: StatisticsJurisdiction,
    from: LocalDate.meta({ description: 'First day (Asia/Shanghai); the period holding it is the first listed' }),
    to: LocalDate.meta({ description: 'Last day; the period holding it is the last listed' }),
    period: z.enum(PERIOD_KINDS).default('month').meta({ description: 'dekad (10-day period), month or quarter' }),
  })
  .superRefine((q, ctx) => {
    if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be after to' });
    else if (periodsBetween(q.from, q.to, q.period).length > MAX_PERIODS) ctx.addIssue({ code: 'custom', path: ['to'], message: `must leave at most ${MAX_PERIODS} periods` });
  });

export const StatisticsCasesQuery = z.strictObject({
  jurisdiction: StatisticsJurisdiction,
  rate: z.enum(RATE_IDS),
  period: PeriodKey,
  part: z
    .enum(['numerator', 'denominator', 'missing'])
    .default('denominator')
    .meta({ description: 'denominator: every case the rate judges; numerator: those that count as done; missing: the denominator less the numerator' }),
  limit: Limit,
  cursor: Cursor,
});

export const QualityQuery = z.strictObject({
  jurisdiction: JurisdictionCode.meta({ description: 'The office (a township), or a county or above for every office inside it' }),
});

export const ReportsQuery = z.strictObject({ jurisdiction: StatisticsJurisdiction, period: PeriodKey.optional(), limit: Limit, cursor: Cursor });
export const REPORT_ID = /^(\d{2,9})_(\d{4}-(?:Q[1-4]|\d{2}(?:-[123])?))_v(\d{1,4})$/;
export const ReportParams = z.strictObject({
  id: z.string().regex(REPORT_ID, 'must be a report id such as 110105_2026-11_v1').meta({ description: '<jurisdiction>_<period>_v<version>' }),
});
export const ReportQuery = z.strictObject({ format: z.enum(['json', 'csv']).default('json').meta({ description: 'csv: UTF-8 with a byte-order mark, for spreadsheets' }) });
export const reportId = (jurisdiction: string, period: string, version: number) => `${jurisdiction}_${period}_v${version}`;

const RateFigureSchema = z
  .object({
    id: z.string(),
    numerator: z.number().int(),
    denominator: z.number().int(),
    rate: z.number().nullable().meta({ description: 'numerator ÷ denominator; null when nothing was due' }),
    target: z.number(),
    meets: z.boolean().nullable(),
  })
  .meta({ id: 'RateFigure' });
export const StatisticsResult = z
  .object({
    jurisdiction: z.string(),
    period: z.enum(PERIOD_KINDS),
    asOf: z.iso.datetime(),
    target: z.number(),
    items: z.array(
      z
        .object({
          period: z.string(),
          kind: z.enum(PERIOD_KINDS),
          from: LocalDate,
          to: LocalDate,
          provisional: z.boolean().meta({ description: 'Still running: its figures may change' }),
          rates: z.array(RateFigureSchema),
          counts: z.record(z.string(), z.number().int()).meta({ description: 'Every counter summed over the period' }),
        })
        .meta({ id: 'PeriodFigures' }),
    ),
  })
  .meta({ id: 'StatisticsResult' });
export const StatisticsCasePage = z
  .object({
    rate: z.string(),
    period: z.string(),
    part: z.string(),
    items: z.array(
      z.object({
        caseId: z.string().optional(),
        caseType: z.string(),
        jurisdiction: z.string(),
        placedOn: LocalDate,
        inNumerator: z.boolean(),
        noticeEventId: z.string().optional(),
        case: z.record(z.string(), z.unknown()).optional().meta({ description: 'The case as an office list shows it (numbers masked)' }),
      }),
    ),
    cursor: z.string().optional(),
  })
  .meta({ id: 'StatisticsCasePage' });
export const QualityResult = z
  .object({
    jurisdiction: z.string(),
    asOf: LocalDate,
    staleAfterDays: z.number().int(),
    truncated: z.boolean().meta({ description: 'More cases than one answer reads: ask per office' }),
    missingFields: z.array(z.record(z.string(), z.unknown())),
    stale: z.array(z.record(z.string(), z.unknown())),
    deadlinesWithoutOutcome: z.array(z.record(z.string(), z.unknown())),
    updates: z.record(z.string(), z.unknown()).meta({ description: 'Days in the last year on which the office changed its cases, against policy updatesPerYear' }),
  })
  .meta({ id: 'QualityResult' });
export const ReportRecordSchema = z
  .object({
    id: z.string(),
    jurisdiction: z.string(),
    jurisdictionName: z.string().optional(),
    period: z.string(),
    version: z.number().int(),
    publishedAt: z.iso.datetime(),
    publishedBy: z.string(),
    provisional: z.boolean(),
    corrects: z.number().int().optional().meta({ description: 'A correction: the version it replaces' }),
    changes: z.array(z.object({ rate: z.string(), part: z.string(), was: z.number(), now: z.number() })).optional(),
    rates: z.array(RateFigureSchema),
    links: z.object({ json: z.string(), csv: z.string() }),
  })
  .meta({ id: 'Report' });
export const ReportPage = z.object({ items: z.array(ReportRecordSchema), cursor: z.string().optional() }).meta({ id: 'ReportPage' });

// ---- Reconciliation: the counters against a recount from the records

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
