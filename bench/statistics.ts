// npm run bench:statistics (and part of npm run bench): the completeness statistics through the
// local stack. GET /v1/statistics for a province over a quarter with 10,000 cases counted and
// with 100,000 (their counters and memberships generated straight into DynamoDB Local, as the
// consumer would have left them), both times and their ratio: the query reads the counties'
// sum rows (counties × days), never cases. Then counter updates per second: real recounts of fresh
// cases through the store, ten at a time.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { addCalendarDays, endOfLocalDate } from '../core/calendar.ts';
import { type Membership, membershipsOf, rollupOf } from '../core/statistics/measures.ts';
import { parsePeriodKey } from '../core/statistics/periods.ts';
import type { Case } from '../core/workflows/index.ts';
import { startLocalStack } from '../local/stack.ts';
import { physicalTableName } from '../local/tables.ts';

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
const stack = await startLocalStack({ onError: (e) => console.error(e) });
const { counterItem, membershipItem, recount } = await import('../functions/shared/store/statistics.ts');
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.dynamoEndpoint }));
const table = physicalTableName('statistics');
const supervisor = await stack.issuer.sign({ role: 'supervisor', jurisdiction: '11' });
const bar = (done: number, total: number) => `[${'#'.repeat(Math.round((done / total) * 30)).padEnd(30, '.')}] ${done.toLocaleString('en')}/${total.toLocaleString('en')}`;

// A province of 4 prefectures × 10 counties × 20 townships: 800 offices.
const TOWNSHIPS = Array.from({ length: 800 }, (_, i) => `11${String(1 + Math.floor(i / 200)).padStart(2, '0')}${String(1 + (Math.floor(i / 20) % 10)).padStart(2, '0')}${String(1 + (i % 20)).padStart(3, '0')}`);
const QUARTER = parsePeriodKey('2026-Q3')!;
const DAYS = Array.from({ length: 92 }, (_, i) => addCalendarDays(QUARTER.from, i));
let serial = 0;

/** A registration as its record would stand: reported on a day of the quarter, due 10 days on, most verified (some late). */
function syntheticCase(province = TOWNSHIPS): Case {
  const n = serial++;
  const office = province[n % province.length]!;
  const reportedOn = DAYS[(n * 7919) % DAYS.length]!;
  const due = addCalendarDays(reportedOn, 8);
  const verifiedOn = n % 10 === 0 ? undefined : addCalendarDays(reportedOn, n % 13);
  const at = (day: string) => new Date(Date.parse(endOfLocalDate(day)) - 6 * 3600_000).toISOString();
  return {
    id: randomUUID(),
    type: 'registration',
    state: verifiedOn ? 'registered' : 'reported',
    originCode: '511321100',
    destinationCode: office,
    createdAt: at(reportedOn),
    updatedAt: at(verifiedOn ?? reportedOn),
    marks: { due: { registration: due }, taken: { report: at(reportedOn), ...(verifiedOn ? { verify: at(verifiedOn) } : {}) } },
  } as unknown as Case;
}

async function batchWrite(items: Record<string, unknown>[]) {
  let unprocessed: Record<string, unknown>[] | undefined = items.map((Item) => ({ PutRequest: { Item } }));
  while (unprocessed && unprocessed.length > 0) {
    const r = await documents.send(new BatchWriteCommand({ RequestItems: { [table]: unprocessed as never } }));
    unprocessed = r.UnprocessedItems?.[table] as Record<string, unknown>[] | undefined;
  }
}

/** The counter rows (townships' and their counties' sums), over every case so far, and the new cases' memberships: straight into the table. */
const counters = new Map<string, Record<string, number>>();
const rollups = new Map<string, Record<string, number>>();
const add = (rows: Map<string, Record<string, number>>, key: string, measure: string) => {
  const counts = rows.get(key) ?? {};
  counts[measure] = (counts[measure] ?? 0) + 1;
  rows.set(key, counts);
};
async function load(count: number, label: string) {
  const started = performance.now();
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const c = syntheticCase();
    for (const m of membershipsOf(c)) {
      rows.push(membershipItem({ id: c.id, caseId: c.id, caseType: c.type }, m, randomUUID()));
      add(counters, `${m.code}|${m.day}`, m.measure);
      add(rollups, `${rollupOf(m.code)}|${m.day}`, m.measure);
    }
  }
  for (const [kind, rowsOfKind] of [['COUNT', counters], ['ROLLUP', rollups]] as const) {
    for (const [key, counts] of rowsOfKind) {
      const [code, day] = key.split('|') as [string, string];
      rows.push(counterItem(code, day, counts, kind));
    }
  }
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < rows.length; i += 25) {
    pending.push(batchWrite(rows.slice(i, i + 25)));
    if (pending.length === 16) await Promise.all(pending.splice(0));
    if (i % 5_000 === 0) process.stdout.write(`\r  loading ${label} ${bar(i, rows.length)} rows`);
  }
  await Promise.all(pending);
  process.stdout.write(`\r  loading ${label} ${bar(rows.length, rows.length)} rows in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}

async function timedQuery(): Promise<{ ms: number; denominator: number; rows: number }> {
  const times: number[] = [];
  let body: { items: { rates: { id: string; denominator: number }[] }[] } | undefined;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const r = await fetch(`${stack.apiUrl}/v1/statistics?jurisdiction=11&from=${QUARTER.from}&to=${QUARTER.to}&period=quarter`, { headers: { authorization: `Bearer ${supervisor}` } });
    body = (await r.json()) as typeof body;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const denominator = body!.items[0]!.rates.find((r) => r.id === 'verificationCertificatesIssued')!.denominator;
  const read = [...rollups.keys()].filter((k) => k.split('|')[1]! >= QUARTER.from && k.split('|')[1]! <= QUARTER.to).length;
  return { ms: times[2]!, denominator, rows: read };
}

console.log('statistics: GET /v1/statistics for a province (800 townships) over a quarter');
// Warm up the function and the emulator first: neither time below pays for a first call.
for (let i = 0; i < 5; i++) await fetch(`${stack.apiUrl}/v1/statistics?jurisdiction=11&from=${QUARTER.from}&to=${QUARTER.to}&period=quarter`, { headers: { authorization: `Bearer ${supervisor}` } });
await load(10_000, '10,000 cases ');
const small = await timedQuery();
console.log(`  10,000 cases:  ${small.ms.toFixed(0)} ms (median of 5), ${small.rows.toLocaleString('en')} county rows read, reported = ${small.denominator.toLocaleString('en')}`);
await load(90_000, '100,000 cases');
const large = await timedQuery();
console.log(`  100,000 cases: ${large.ms.toFixed(0)} ms (median of 5), ${large.rows.toLocaleString('en')} county rows read, reported = ${large.denominator.toLocaleString('en')}`);
console.log(`  ratio 100,000 / 10,000: ${(large.ms / small.ms).toFixed(2)} (cases ×10, county rows ×${(large.rows / small.rows).toFixed(2)}; township rows ${counters.size.toLocaleString('en')}, not read)`);

// Counter updates: fresh cases recounted through the store (memberships and counter ADDs in one transaction).
const RECOUNTS = 2_000;
const sichuan = TOWNSHIPS.map((t) => `51${t.slice(2)}`);
const cases = Array.from({ length: RECOUNTS }, () => syntheticCase(sichuan));
let moved = 0;
const started = performance.now();
for (let i = 0; i < cases.length; i += 10) {
  const counts = await Promise.all(cases.slice(i, i + 10).map((c) => recount({ id: c.id, caseId: c.id, caseType: c.type }, membershipsOf(c) as Membership[])));
  moved += counts.reduce((a, b) => a + b, 0);
}
const seconds = (performance.now() - started) / 1000;
console.log(`  counter updates: ${RECOUNTS.toLocaleString('en')} cases recounted in ${seconds.toFixed(1)} s: ${(RECOUNTS / seconds).toFixed(0)} cases/s, ${(moved / seconds).toFixed(0)} counter updates/s (10 at a time)`);
await stack.stop();
