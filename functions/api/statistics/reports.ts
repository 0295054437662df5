// GET /v1/reports?jurisdiction=&period=: a jurisdiction's published reports, every version
// (a correction names the version it replaces and what changed). GET /v1/reports/{id}: one,
// read from the reports bucket as published: JSON, or CSV (?format=csv) with its byte-order mark.
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { notFound } from '../../../core/errors.ts';
import { REPORT_ID } from '../../../core/statistics/api.ts';
import { s3Client } from '../../shared/clients.ts';
import { bucketName } from '../../shared/env.ts';
import { type HttpResult, byRoute, json, route } from '../../shared/http.ts';
import { type ReportRecord, getReport, listReports as reportsOf } from '../../shared/store/statistics.ts';
import { listReports, readReport } from './routes.ts';

const view = ({ objects: _objects, ...r }: ReportRecord) => ({ ...r, links: { json: `/v1/reports/${r.id}`, csv: `/v1/reports/${r.id}?format=csv` } });

/** The object's bytes as text, the byte-order mark kept (a TextDecoder would drop it). */
async function objectText(key: string): Promise<string> {
  const found = await s3Client().send(new GetObjectCommand({ Bucket: bucketName('reports'), Key: key }));
  return Buffer.from(await found.Body!.transformToByteArray()).toString('utf8');
}

export const handler = byRoute([
  route(listReports, async ({ query }) => {
    const page = await reportsOf(query.jurisdiction, query.period, query.limit, query.cursor);
    return json(200, { items: page.items.map(view), ...(page.cursor ? { cursor: page.cursor } : {}) });
  }),
  route(readReport, async ({ params, query }): Promise<HttpResult> => {
    const [, jurisdiction, period, version] = REPORT_ID.exec(params.id)!;
    // Out of reach reads as absent, as for any one resource (route()).
    const report = await getReport(jurisdiction!, period!, Number(version));
    if (!report) throw notFound(`no report ${params.id} within your reach`);
    if (query.format === 'json') return { statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: await objectText(report.objects.json) };
    return {
      statusCode: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${params.id}.csv"` },
      body: await objectText(report.objects.csv),
    };
  }),
]);
