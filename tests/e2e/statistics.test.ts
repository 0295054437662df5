// Completeness statistics end to end on the local stack: registrations reported and verified
// (some late, one in a month that has closed, one never), every figure checked against a count
// the test does by hand from the cases themselves, at a township, its county, prefecture and
// province; duplicate and out-of-order events; the cases behind a figure; reports published,
// corrected and downloaded (CSV with a byte-order mark) and announced to a subscribed agency; a
// discrepancy planted straight into the table found by reconciliation and repaired; an office's
// data-quality list.
import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, localDate } from '../../core/calendar.ts';
import { periodOf, periodsBetween } from '../../core/statistics/periods.ts';
import { documentClient } from '../../functions/shared/clients.ts';
import { invoke } from '../../local/invoke.ts';
import { physicalTableName } from '../../local/tables.ts';
import { type WebhookReceiver, startWebhookReceiver } from '../../local/webhook-receiver.ts';
import { idNumberFor } from '../support/ids.ts';
import { clockNow, FIXTURE_NOW, type Json, useLocalStack } from '../support/local-api.ts';
import { eventually } from '../support/wait.ts';

const local = useLocalStack();
const api = local.call.bind(local);
const idNumber = (i: number) => idNumberFor('11010519800101', i);
const today = localDate(new Date(FIXTURE_NOW));
/** A registration deadline on the 6th of last month: a period that has closed. */
const lastMonth = periodOf(addCalendarDays(periodOf(today, 'month').from, -1), 'month');
const closedDeadline = addCalendarDays(lastMonth.from, 5);
const sign = (claims: Record<string, string>) => local.stack.issuer.sign(claims as never);
let receiver: WebhookReceiver;
afterAll(async () => receiver?.stop());

interface Made {
  id: string;
  office: string;
}
const made: Made[] = [];

async function register(i: number, office: string, arrivalDate: string, options: { verify?: boolean; premises?: boolean } = {}): Promise<Made> {
  const token = await sign({ role: 'caseworker', jurisdiction: office });
  const r = await api('POST', '/v1/registrations', {
    token,
    body: {
      person: { name: `统计${i}`, idNumber: idNumber(i), phone: '13700001111' },
      originCode: '511321100',
      destinationCode: office,
      arrivalDate,
      expectedStayDays: 90,
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  // Where the person lives (以房管人): the work plan wants it on every record; the office adds it.
  if (options.premises !== false) expect((await api('POST', `/v1/registrations/${r.body.id}/update-details`, { token, body: { premises: '某小区1号楼' } })).status).toBe(200);
  if (options.verify !== false) expect((await api('POST', `/v1/registrations/${r.body.id}/verify`, { token, body: {} })).status).toBe(200);
  const c = { id: r.body.id as string, office };
  made.push(c);
  return c;
}

/** The registration rates counted by hand from the cases: GET each, its arrival, report time and first verification. */
async function countByHand(under: string, kind: 'dekad' | 'month', from: string, to: string) {
  const supervisor = await sign({ role: 'supervisor', jurisdiction: '11' });
  const facts: { due: string; reportedOn: string; verifiedOn: string | undefined }[] = [];
  for (const c of made.filter((m) => m.office.startsWith(under))) {
    const body = (await api('GET', `/v1/registrations/${c.id}`, { token: supervisor })).body;
    const history = (await api('GET', `/v1/registrations/${c.id}/history`, { token: supervisor })).body.items as Json[];
    const verifiedAt = history.find((h) => h.action === 'verify')?.at as string | undefined;
    facts.push({
      // Registration within 10 calendar days of arrival (the default policy).
      due: addCalendarDays(body.arrivalDate, 10),
      reportedOn: localDate(new Date(body.createdAt)),
      verifiedOn: verifiedAt ? localDate(new Date(verifiedAt)) : undefined,
    });
  }
  return periodsBetween(from, to, kind).map((p) => {
    const within = (d: string) => d >= p.from && d <= p.to;
    const due = facts.filter((f) => within(f.due));
    const reported = facts.filter((f) => within(f.reportedOn));
    return {
      period: p.key,
      registeredOnTime: [due.filter((f) => f.verifiedOn !== undefined && f.verifiedOn <= f.due).length, due.length],
      verificationCertificatesIssued: [reported.filter((f) => f.verifiedOn !== undefined).length, reported.length],
    };
  });
}

async function figures(jurisdiction: string, kind: 'dekad' | 'month', from: string, to: string) {
  const supervisor = await sign({ role: 'supervisor', jurisdiction: jurisdiction.slice(0, 2) });
  const r = await api('GET', `/v1/statistics?jurisdiction=${jurisdiction}&from=${from}&to=${to}&period=${kind}`, { token: supervisor });
  expect(r.status).toBe(200);
  return (r.body.items as Json[]).map((p) => {
    const rate = (id: string) => (p.rates as Json[]).find((x) => x.id === id)!;
    return {
      period: p.period,
      registeredOnTime: [rate('registeredOnTime').numerator, rate('registeredOnTime').denominator],
      verificationCertificatesIssued: [rate('verificationCertificatesIssued').numerator, rate('verificationCertificatesIssued').denominator],
    };
  });
}

const rangeFrom = lastMonth.from;
const rangeTo = addCalendarDays(today, 12);

beforeAll(async () => {
  receiver = await startWebhookReceiver({ secrets: [], respond: (_r, res) => void res.writeHead(204).end() });
  const agency = await sign({ role: 'agency', agency: 'stats-bj', jurisdiction: '11' });
  const subscribed = await api('POST', '/v1/subscriptions', { token: agency, body: { url: receiver.url, eventTypes: ['report.published'], jurisdiction: '1101', purpose: 'statistics' } });
  expect(subscribed.status, JSON.stringify(subscribed.body)).toBe(201);
  await register(1, '110105001', addCalendarDays(today, -3)); // on time
  await register(2, '110105001', addCalendarDays(today, -15)); // verified 5 days late
  await register(3, '110105001', addCalendarDays(today, -15), { verify: false }); // never registered
  await register(4, '110105002', addCalendarDays(today, -2)); // another township, on time
  await register(5, '110105001', addCalendarDays(closedDeadline, -10)); // due last month, verified now: late
  await register(6, '110108001', addCalendarDays(today, -1), { verify: false, premises: false }); // another county
  await local.stack.drained();
});

describe('completeness rates', () => {
  it('matches a count by hand at every level, per 10-day period and per month, empty periods listed', async () => {
    for (const kind of ['dekad', 'month'] as const) {
      for (const under of ['110105001', '110105', '1101', '11']) {
        expect(await figures(under, kind, rangeFrom, rangeTo)).toEqual(await countByHand(under, kind, rangeFrom, rangeTo));
      }
    }
    // The county: two on time of five due; one of them due last month, late.
    const month = await figures('110105', 'month', rangeFrom, rangeTo);
    expect(month.find((m) => m.period === lastMonth.key)!.registeredOnTime).toEqual([0, 1]);
    const supervisor = await sign({ role: 'supervisor', jurisdiction: '110105' });
    const answer = (await api('GET', `/v1/statistics?jurisdiction=110105&from=${rangeFrom}&to=${rangeTo}&period=month`, { token: supervisor })).body;
    expect(answer).toMatchObject({ jurisdiction: '110105', period: 'month', target: 0.95 });
    const last = (answer.items as Json[]).find((p) => p.period === lastMonth.key)!;
    expect(last.provisional).toBe(false);
    expect((last.rates as Json[]).find((r) => r.id === 'registeredOnTime')).toEqual({ id: 'registeredOnTime', numerator: 0, denominator: 1, rate: 0, target: 0.95, meets: false });
    expect((answer.items as Json[]).find((p) => p.period === periodOf(today, 'month').key)!.provisional).toBe(true);
  });

  it('counts nothing twice: the same events delivered again, newest first, change no figure', async () => {
    const before = await figures('11', 'dekad', rangeFrom, rangeTo);
    const records = [...made].reverse().flatMap((c, i) =>
      ['registration.verified', 'registration.reported'].map((type, j) => ({
        messageId: `replay-${i}-${j}`,
        receiptHandle: 'r',
        body: JSON.stringify({ id: `replayed-${i}-${j}`, type: `cn.liudong.${type}`, time: clockNow().toISOString(), data: { caseId: c.id } }),
        attributes: {},
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:statistics',
        awsRegion: 'us-east-1',
      })),
    );
    for (let round = 0; round < 2; round++) expect(await invoke('countStatistics', { Records: records })).toEqual({ batchItemFailures: [] });
    expect(await figures('11', 'dekad', rangeFrom, rangeTo)).toEqual(before);
  });

  it('pages through the cases behind a figure: the missing are the late and the unregistered', async () => {
    const supervisor = await sign({ role: 'supervisor', jurisdiction: '110105' });
    // The 10-day period of cases 2 and 3's deadline (five days ago): nothing else is due in it.
    const period = periodOf(addCalendarDays(today, -5), 'dekad').key;
    const missing = await api('GET', `/v1/statistics/cases?jurisdiction=110105&rate=registeredOnTime&period=${period}&part=missing`, { token: supervisor });
    expect(missing.status).toBe(200);
    const late = made.slice(1, 3).map((c) => c.id);
    expect((missing.body.items as Json[]).map((i) => i.caseId).sort()).toEqual([...late].sort());
    for (const item of missing.body.items as Json[]) {
      expect(item).toMatchObject({ caseType: 'registration', jurisdiction: '110105001', inNumerator: false, case: { person: { idNumber: expect.stringMatching(/\*/) } } });
    }
    // Page by page: one at a time, the cursor carries on.
    const first = await api('GET', `/v1/statistics/cases?jurisdiction=110105&rate=registeredOnTime&period=${period}&part=denominator&limit=1`, { token: supervisor });
    expect(first.body.items).toHaveLength(1);
    const rest = await api('GET', `/v1/statistics/cases?jurisdiction=110105&rate=registeredOnTime&period=${period}&part=denominator&limit=10&cursor=${first.body.cursor}`, { token: supervisor });
    const all = [...(first.body.items as Json[]), ...(rest.body.items as Json[])].map((i) => i.caseId);
    expect(new Set(all).size).toBe(all.length);
    // Another county's supervisor, a township's, a bad rate and period: refused, named.
    const other = await sign({ role: 'supervisor', jurisdiction: '110108' });
    expect((await api('GET', `/v1/statistics/cases?jurisdiction=110105&rate=registeredOnTime&period=${period}`, { token: other })).status).toBe(403);
    const bad = await api('GET', '/v1/statistics/cases?jurisdiction=110105&rate=fastest&period=2026-13', { token: supervisor });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as Json[]).map((e) => e.field).sort()).toEqual(['query.period', 'query.rate']);
    const community = await api('GET', `/v1/statistics?jurisdiction=110105001001&from=${today}&to=${today}`, { token: supervisor });
    expect(community.body.errors[0]).toMatchObject({ field: 'query.jurisdiction' });
  });

  it('counts notices owed an acknowledgement, and those acknowledged in time', async () => {
    const origin = await sign({ role: 'caseworker', jurisdiction: '511321100' });
    const inbox = (await api('GET', '/v1/jurisdictions/511321100/notices?limit=100', { token: origin })).body.items as Json[];
    const owed = inbox.filter((n) => n.acknowledgeBy);
    expect(owed.length).toBeGreaterThan(0);
    expect((await api('POST', `/v1/jurisdictions/511321100/notices/${owed[0]!.eventId}/ack`, { token: origin })).status).toBe(200);
    const supervisor = await sign({ role: 'supervisor', jurisdiction: '51' });
    const byDay = (n: Json) => localDate(new Date(n.time));
    const answer = (await api('GET', `/v1/statistics?jurisdiction=5113&from=${rangeFrom}&to=${rangeTo}&period=month`, { token: supervisor })).body;
    for (const p of answer.items as Json[]) {
      const rate = (p.rates as Json[]).find((r) => r.id === 'noticesAcknowledgedInTime')!;
      const filed = owed.filter((n) => byDay(n) >= p.from && byDay(n) <= p.to);
      expect([rate.numerator, rate.denominator]).toEqual([filed.filter((n) => n.eventId === owed[0]!.eventId).length, filed.length]);
    }
  });
});

describe('reports', () => {
  it('publishes, lists and serves a report; a late change publishes a correction, the first version stays', async () => {
    const first = (await invoke('publishReports', { jurisdiction: '110105', period: lastMonth.key })) as Json;
    expect(first.publications[0]).toMatchObject({ published: true, report: { id: `110105_${lastMonth.key}_v1`, version: 1, provisional: false, jurisdictionName: '朝阳区' } });
    // Unchanged figures: nothing new.
    expect(((await invoke('publishReports', { jurisdiction: '110105', period: lastMonth.key })) as Json).publications[0].published).toBe(false);
    // Another registration due in that month arrives late: the next run publishes a correction.
    await register(7, '110105002', addCalendarDays(closedDeadline, -9));
    await local.stack.drained();
    const second = (await invoke('publishReports', { jurisdiction: '110105', period: lastMonth.key })) as Json;
    expect(second.publications[0]).toMatchObject({
      published: true,
      report: { version: 2, corrects: 1, changes: expect.arrayContaining([{ rate: 'registeredOnTime', part: 'denominator', was: 1, now: 2 }]) },
    });

    const supervisor = await sign({ role: 'supervisor', jurisdiction: '1101' });
    const list = await api('GET', `/v1/reports?jurisdiction=110105&period=${lastMonth.key}`, { token: supervisor });
    expect((list.body.items as Json[]).map((r) => r.version)).toEqual([2, 1]);
    const v1 = await api('GET', `/v1/reports/110105_${lastMonth.key}_v1`, { token: supervisor });
    expect((v1.body.rates as Json[]).find((r) => r.id === 'registeredOnTime')).toMatchObject({ numerator: 0, denominator: 1 });
    const csv = await fetch(`${local.stack.apiUrl}/v1/reports/110105_${lastMonth.key}_v2?format=csv`, { headers: { authorization: `Bearer ${supervisor}` } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(`110105,朝阳区,${lastMonth.key},2,registeredOnTime,按时登记率,0,2,0.0000`);
    // Out of reach reads as absent; a malformed id is named.
    const other = await sign({ role: 'supervisor', jurisdiction: '110108' });
    expect((await api('GET', `/v1/reports/110105_${lastMonth.key}_v1`, { token: other })).status).toBe(404);
    expect((await api('GET', '/v1/reports/nonsense', { token: supervisor })).body.errors[0].field).toBe('path.id');

    // The subscribed agency heard of both versions.
    await local.stack.drained();
    const heard = await eventually(() => {
      const events = receiver.received.filter((r) => r.event.type === 'cn.liudong.report.published');
      return events.length >= 2 ? events : undefined;
    });
    expect(heard.map((r) => (r.event.data as Json).version).sort()).toEqual([1, 2]);
    expect(heard[0]!.event).toMatchObject({ subject: `reports/110105_${lastMonth.key}_v1`, data: { jurisdiction: '110105', period: lastMonth.key } });
  });
});

describe('the schedules', () => {
  it('publishes every county and prefecture the morning after a period ends; an unchanged report is not published again', async () => {
    const morning = `${addCalendarDays(lastMonth.to, 1)}T00:20:00+08:00`;
    const run = (await invoke('publishReports', { asOf: morning })) as Json;
    expect(run.periods).toEqual(expect.arrayContaining([`${lastMonth.key}-3`, lastMonth.key]));
    const published = run.publications as Json[];
    const jurisdictions = [...new Set(published.map((p) => p.report.jurisdiction as string))];
    expect(jurisdictions).toEqual(expect.arrayContaining(['1101', '110105', '110108', '5113', '511321']));
    expect(jurisdictions.every((j) => j.length === 4 || j.length === 6)).toBe(true);
    // The county's month was published by hand above, with these figures: it stands.
    expect(published.find((p) => p.report.jurisdiction === '110105' && p.report.period === lastMonth.key)).toMatchObject({ published: false, report: { version: 2 } });
    expect(published.find((p) => p.report.jurisdiction === '110108' && p.report.period === lastMonth.key)).toMatchObject({ published: true, report: { version: 1, publishedBy: 'schedule' } });
    // A day that ends no period publishes nothing.
    expect(await invoke('publishReports', { asOf: `${addCalendarDays(lastMonth.from, 4)}T00:20:00+08:00` })).toEqual({ periods: [], publications: [] });
  });

  it('reconciles every province nightly, listing nothing when the counters agree', async () => {
    const run = (await invoke('reconcileStatistics', { asOf: `${today}T02:40:00+08:00` })) as Json;
    expect(run.checked).toBeGreaterThan(0);
    expect(run.withDifferences).toEqual([]);
  });
});

describe('reconciliation', () => {
  const table = () => physicalTableName('statistics');

  it('finds a discrepancy planted straight into the table, changes nothing until asked, then repairs and records it', async () => {
    const period = periodOf(today, 'month').key;
    const supervisor = await sign({ role: 'supervisor', jurisdiction: '110105' });
    const clean = (await invoke('reconcileStatistics', { jurisdiction: '110105', period })) as Json;
    expect(clean.differences).toEqual([]);

    // Plant: the county's sum row raised by hand (what the county and above read), a township's
    // row raised too, and one case's membership deleted.
    const inCounty = made.filter((c) => c.office.startsWith('110105')).length;
    const reportedThere = made.filter((c) => c.office === '110105002').length;
    for (const [pk, by] of [['ROLLUP#110105', 40], ['COUNT#110105002', 3]] as const) {
      await documentClient().send(new UpdateCommand({ TableName: table(), Key: { pk, sk: today }, UpdateExpression: 'ADD reported :planted', ExpressionAttributeValues: { ':planted': by } }));
    }
    const victim = made[0]!.id;
    await documentClient().send(new DeleteCommand({ TableName: table(), Key: { pk: `FACT#${victim}`, sk: 'reported' } }));
    const planted = await figures('110105', 'month', today, today);
    expect(planted[0]!.verificationCertificatesIssued[1]).toBeGreaterThan(40);

    const found = (await invoke('reconcileStatistics', { jurisdiction: '110105', period })) as Json;
    expect(found.repaired).toBe(false);
    expect(found.differences).toEqual(
      expect.arrayContaining([
        { measure: 'reported', code: '110105002', day: today, expected: reportedThere, found: reportedThere + 3, cases: { notCounted: [], countedWrongly: [] } },
        { measure: 'reported', code: '110105', day: today, expected: inCounty, found: inCounty + 40, cases: { notCounted: [], countedWrongly: [] }, rollup: true },
        expect.objectContaining({ measure: 'reported', code: '110105001', cases: { notCounted: [victim], countedWrongly: [] } }),
      ]),
    );
    // Listing repaired nothing.
    expect(await figures('110105', 'month', today, today)).toEqual(planted);

    const repaired = (await invoke('reconcileStatistics', { jurisdiction: '110105', period, repair: true, by: 'test' })) as Json;
    expect(repaired).toMatchObject({ repaired: true, repairedBy: 'test', remaining: [] });
    expect(((await invoke('reconcileStatistics', { jurisdiction: '110105', period })) as Json).differences).toEqual([]);
    const answer = (await api('GET', `/v1/statistics?jurisdiction=110105&from=${today}&to=${today}&period=month`, { token: supervisor })).body;
    // Every registration of the county was reported today.
    expect((answer.items as Json[]).reduce((n, p) => n + p.counts.reported, 0)).toBe(made.filter((c) => c.office.startsWith('110105')).length);
    // Both runs that found something are on record.
    const records = await documentClient().send(
      new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'RECONCILIATION#110105' } }),
    );
    expect((records.Items ?? []).map((r) => r.repaired).sort()).toEqual([false, true]);
  });
});

describe('data quality', () => {
  it("lists an office's missing fields, deadlines that ran out and its update frequency", async () => {
    const office = await sign({ role: 'caseworker', jurisdiction: '110108001' });
    const r = await api('GET', '/v1/statistics/quality?jurisdiction=110108001', { token: office });
    expect(r.status).toBe(200);
    expect(r.body.missingFields).toEqual([{ caseId: made[5]!.id, caseType: 'registration', office: '110108001', fields: ['premises'] }]);
    expect(r.body).toMatchObject({ jurisdiction: '110108001', staleAfterDays: 90, truncated: false, stale: [], deadlinesWithoutOutcome: [] });
    const county = await sign({ role: 'caseworker', jurisdiction: '110105001' });
    const own = (await api('GET', '/v1/statistics/quality?jurisdiction=110105001', { token: county })).body;
    // Case 3 was due 5 days ago and nobody acted.
    expect(own.deadlinesWithoutOutcome).toEqual([expect.objectContaining({ caseId: made[2]!.id, kind: 'registration', daysLate: 5 })]);
    // Its caseworkers reported and verified today: one day with updates, short of four a year.
    expect(own.updates).toMatchObject({ daysWithUpdates: 1, lastUpdate: today, target: 4, meets: false });
    expect((await api('GET', '/v1/statistics/quality?jurisdiction=110105001', { token: office })).status).toBe(403);
  });
});
