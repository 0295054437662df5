// Reports: a published period's figures, as JSON and as CSV for spreadsheets.
import { RATE_DEFINITIONS } from './definitions.ts';
import type { RateFigure } from './figures.ts';
import { PERIOD_KINDS, type Period, parsePeriodKey, periodOf } from './periods.ts';
import { reportId } from './api.ts';

/** A published version of a jurisdiction's report for a period: never changed once published. */
export interface ReportRecord {
  id: string;
  jurisdiction: string;
  jurisdictionName?: string;
  period: string;
  version: number;
  publishedAt: string;
  publishedBy: string;
  provisional: boolean;
  /** The S3 keys of the JSON and CSV documents. */
  objects: { json: string; csv: string };
  /** A correction: what changed since the version before. */
  corrects?: number;
  changes?: { rate: string; part: string; was: number; now: number }[];
  rates: RateFigure[];
}

/** Where a version's documents are published in the reports bucket (under its `reports/` prefix, wiring/index.ts). */
export function reportObjects(jurisdiction: string, period: string, version: number): ReportRecord['objects'] {
  const base = `reports/${jurisdiction}/${period}/v${version}`;
  return { json: `${base}.json`, csv: `${base}.csv` };
}

/**
 * The version to publish for a period's figures: the first, or a correction of the latest that
 * says what changed; undefined when the figures (and whether they are provisional) are those
 * already published.
 */
export function nextReport(
  latest: ReportRecord | undefined,
  figures: { rates: RateFigure[]; provisional: boolean },
  about: { jurisdiction: string; jurisdictionName?: string; period: string; by: string; at: string },
): ReportRecord | undefined {
  const changes = latest ? changesBetween(latest.rates, figures.rates) : [];
  if (latest && changes.length === 0 && latest.provisional === figures.provisional) return undefined;
  const version = (latest?.version ?? 0) + 1;
  return {
    id: reportId(about.jurisdiction, about.period, version),
    jurisdiction: about.jurisdiction,
    ...(about.jurisdictionName !== undefined ? { jurisdictionName: about.jurisdictionName } : {}),
    period: about.period,
    version,
    publishedAt: about.at,
    publishedBy: about.by,
    provisional: figures.provisional,
    objects: reportObjects(about.jurisdiction, about.period, version),
    ...(latest ? { corrects: latest.version, changes } : {}),
    rates: figures.rates,
  };
}

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
