// The routes of functions/api/statistics: completeness rates, the cases behind them, data quality, published reports.
import * as statistics from '../../../core/statistics/api.ts';
import { declare, jurisdictionAt } from '../../../core/routes.ts';
import { EVERY_ROLE, OFFICES } from '../../../core/authorisation.ts';

/** The rates and the cases behind them: supervisors of the jurisdiction or above (administrators likewise). */
const SUPERVISORS = { supervisor: 'inside', admin: 'inside' } as const;
const queriedJurisdiction = jurisdictionAt('query', 'jurisdiction');

/** Not personal: every account. */
export const definitions = declare({
  method: 'GET',
  path: '/v1/statistics/definitions',
  function: 'statistics',
  summary: "Each completeness rate's definition as data: its denominator, numerator, the date that places a case in a period, what on time means",
  purpose: 'statistics',
  roles: EVERY_ROLE,
  answers: { 200: { description: 'The definitions', schema: statistics.RateDefinitionList } },
  errors: [401],
});

export const rates = declare({
  method: 'GET',
  path: '/v1/statistics',
  function: 'statistics',
  summary: 'Each completeness rate per period (dekad, month, quarter) for a jurisdiction and everything under it: numerator, denominator, target, whether it meets it; a running period is provisional',
  purpose: 'statistics',
  roles: SUPERVISORS,
  scope: queriedJurisdiction,
  query: statistics.StatisticsQuery,
  answers: { 200: { description: 'Every period in the range, empty ones too', schema: statistics.StatisticsResult } },
  errors: [400, 401, 403],
});

export const casesBehind = declare({
  method: 'GET',
  path: '/v1/statistics/cases',
  function: 'statistics',
  summary: "The cases behind a figure: a rate's denominator, numerator, or the missing (denominator less numerator), page by page",
  purpose: 'statistics',
  roles: SUPERVISORS,
  scope: queriedJurisdiction,
  query: statistics.StatisticsCasesQuery,
  answers: { 200: { description: 'A page of the cases counted', schema: statistics.StatisticsCasePage } },
  errors: [400, 401, 403],
});

/** An office's data-quality list: its own caseworkers fix what it names. */
export const quality = declare({
  method: 'GET',
  path: '/v1/statistics/quality',
  function: 'statistics',
  summary: "An office's data-quality list: required fields missing, stale cases, deadlines that ran without an outcome, update frequency",
  purpose: 'data quality',
  roles: { ...OFFICES, admin: 'inside' },
  scope: queriedJurisdiction,
  query: statistics.QualityQuery,
  answers: { 200: { description: 'The findings', schema: statistics.QualityResult } },
  errors: [400, 401, 403],
});

/** Published reports hold figures only: agencies of the jurisdiction read them too (they are told by report.published). */
const REPORT_READERS = { ...SUPERVISORS, agency: 'inside' } as const;

export const listReports = declare({
  method: 'GET',
  path: '/v1/reports',
  function: 'reports',
  summary: "A jurisdiction's published reports (every version; a correction says what changed), newest first",
  purpose: 'statistics',
  roles: REPORT_READERS,
  scope: queriedJurisdiction,
  query: statistics.ReportsQuery,
  answers: { 200: { description: 'A page of reports', schema: statistics.ReportPage } },
  errors: [400, 401, 403],
});

/** The report's jurisdiction is the first part of its id. */
export const readReport = declare({
  method: 'GET',
  path: '/v1/reports/{id}',
  function: 'reports',
  summary: 'One published report: JSON, or CSV (UTF-8 with a byte-order mark) with ?format=csv',
  purpose: 'statistics',
  roles: REPORT_READERS,
  scope: { request: ({ params }) => ({ codes: [statistics.REPORT_ID.exec(params.id)![1]!] }) },
  params: statistics.ReportParams,
  query: statistics.ReportQuery,
  answers: { 200: { description: 'The report', schema: statistics.ReportRecordSchema } },
  errors: [400, 401, 404],
});

export const routes = [definitions, rates, casesBehind, quality, listReports, readReport];
