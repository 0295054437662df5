// Completeness reports. Just after midnight (Asia/Shanghai), for every 10-day period, month and
// quarter that ended yesterday, each county's and prefecture's figures are published: JSON and
// CSV (UTF-8 with a byte-order mark) in the reports bucket, a record in the statistics table and
// a report.published event, written together. A published version is never changed: when a
// recount (a late event, a repair) moves a figure, the next run for that period publishes a
// correction, a new version that says what changed; unchanged figures publish nothing.
// `npm run report -- --jurisdiction 1101 --period 2026-11` runs one by hand on the local stack.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { addCalendarDays, localDate } from '../../core/calendar.ts';
import { isOurs, provincesServed } from '../../core/federation.ts';
import { parsePeriodKey } from '../../core/statistics/periods.ts';
import { byHandProblem, nextReport, periodsEndingOn, reportCsv } from '../../core/statistics/reports.ts';
import { s3Client } from '../shared/clients.ts';
import { bucketName } from '../shared/env.ts';
import { reportCloudEvent } from '../shared/events.ts';
import { deploymentPrefixes } from '../shared/notices.ts';
import { logger } from '../shared/observability.ts';
import { childrenOf, getJurisdiction } from '../shared/store/reference.ts';
import { type ReportRecord, figuresOf, latestReport, putReport } from '../shared/store/statistics.ts';
import * as clock from '../shared/clock.ts';

export interface Publication {
  report: ReportRecord;
  /** false: the figures are those already published, so no new version was made. */
  published: boolean;
}

/** Publishes a jurisdiction's report for a period, or finds the published one unchanged. */
export async function publishReport(jurisdiction: string, periodKey: string, by: string, now: Date): Promise<Publication> {
  const period = parsePeriodKey(periodKey);
  if (!period) throw new Error(`not a period: ${periodKey}`);
  const {
    items: [figures],
  } = await figuresOf(jurisdiction, [period], now);
  const latest = await latestReport(jurisdiction, period.key);
  const report = nextReport(latest, figures!, { jurisdiction, ...(await nameOf(jurisdiction)), period: period.key, by, at: now.toISOString() });
  if (!report) return { report: latest!, published: false };
  const document = { ...report, kind: period.kind, from: period.from, to: period.to, counts: figures!.counts, definitions: '/v1/statistics/definitions' };
  // The documents first, under keys of their own: a failure before the record leaves nothing published.
  await Promise.all([
    s3Client().send(new PutObjectCommand({ Bucket: bucketName('reports'), Key: report.objects.json, Body: JSON.stringify(document, null, 2), ContentType: 'application/json; charset=utf-8' })),
    s3Client().send(new PutObjectCommand({ Bucket: bucketName('reports'), Key: report.objects.csv, Body: reportCsv(report), ContentType: 'text/csv; charset=utf-8' })),
  ]);
  const event = reportCloudEvent(report, randomUUID());
  try {
    await putReport(report, event, now);
  } catch (error) {
    // Another run published this version first: that one stands.
    const stood = await latestReport(jurisdiction, period.key);
    if (stood && stood.version >= report.version) return { report: stood, published: false };
    throw error;
  }
  logger.info('report published', { reportId: report.id, corrects: report.corrects, changes: report.changes?.length ?? 0 });
  return { report, published: true };
}

async function nameOf(code: string): Promise<{ jurisdictionName?: string }> {
  const found = await getJurisdiction(code);
  return found ? { jurisdictionName: found.jurisdiction.name } : {};
}

/** Every prefecture and county of the deployment's provinces, from the reference data. */
async function reportingJurisdictions(): Promise<string[]> {
  const prefixes = deploymentPrefixes();
  const out: string[] = [];
  for (const province of provincesServed(prefixes)) {
    for (const prefecture of await childrenOf(province)) {
      if (prefixes.length > 0 && !isOurs(prefecture, prefixes)) continue;
      out.push(prefecture);
      for (const county of await childrenOf(prefecture)) out.push(county);
    }
  }
  return out;
}

export interface PublishPayload {
  asOf?: string;
  /** By hand: one jurisdiction and period (npm run report). */
  jurisdiction?: string;
  period?: string;
}

export const handler = async (event: Partial<ScheduledEvent> & PublishPayload = {}) => {
  const now = clock.scheduledAt(event);
  if (event.jurisdiction !== undefined || event.period !== undefined) {
    const problem = byHandProblem(event.jurisdiction, event.period);
    if (problem) throw new Error(problem);
    return { publications: [await publishReport(event.jurisdiction!, event.period!, 'operator', now)] };
  }
  const periods = periodsEndingOn(addCalendarDays(localDate(now), -1));
  const publications: Publication[] = [];
  if (periods.length > 0) {
    for (const jurisdiction of await reportingJurisdictions()) {
      for (const period of periods) publications.push(await publishReport(jurisdiction, period.key, 'schedule', now));
    }
  }
  return { periods: periods.map((p) => p.key), publications };
};
