// The statistics API's queries and answers (GET /v1/statistics…, the published reports).
import { z } from 'zod';
import { Cursor, JurisdictionCode, Limit, LocalDate } from '../schemas/common.ts';
import { RATE_DEFINITIONS } from './definitions.ts';
import { MAX_PERIODS } from './figures.ts';
import { PERIOD_KINDS, parsePeriodKey, periodsBetween } from './periods.ts';

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
