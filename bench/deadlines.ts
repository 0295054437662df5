// npm run bench:deadlines (and the last part of npm run bench): the deadline machinery through
// the local stack. The sweep's enqueue time with 1,000 stages due among 10,000 cases and
// among 200,000 (its cost should follow what is due, not how many cases there are), the
// consumers' throughput on those stages, and how late a stage is acted on after its instant
// when the sweep queues it ahead with an SQS delay (p50, p99).
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { addCalendarDays, localDate } from '../core/calendar.ts';
import { checkCharacter } from '../core/id-number.ts';
import { DEFAULT_POLICY } from '../core/policy.ts';
import type { Stage } from '../core/reminders.ts';
import { deadlineId } from '../core/workflows/engine.ts';
import { report } from '../core/workflows/registration.ts';
import { invoke } from '../local/invoke.ts';
import { startLocalStack } from '../local/stack.ts';
import { physicalTableName } from '../local/tables.ts';

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
const stack = await startLocalStack({ onError: (e) => console.error(e) });
const { commit } = await import('../functions/shared/store/case-commit.ts');
const { stageRecord } = await import('../functions/shared/store/stages.ts');
const { DEADLINE_SHARDS, caseKey, duePartition } = await import('../functions/shared/store/keys.ts');
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.dynamoEndpoint }));
const table = physicalTableName('cases');
const office = { sub: 'bench', role: 'caseworker' as const, jurisdiction: '110105001' };
const bar = (done: number, total: number) => `[${'#'.repeat(Math.round((done / total) * 30)).padEnd(30, '.')}] ${done.toLocaleString('en')}/${total.toLocaleString('en')}`;
let serial = 0;

/** Cases whose next stage is next year, straight into the table with BatchWriteItem: the sweep must never read them. */
async function filler(count: number, label: string) {
  const started = performance.now();
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < count; i += 25) {
    const items = Array.from({ length: Math.min(25, count - i) }, () => {
      const n = serial++;
      return { PutRequest: { Item: { ...caseKey(randomUUID()), entity: 'case', type: 'registration', state: 'reported', gsi1pk: duePartition(n % DEADLINE_SHARDS), gsi1sk: `2027-09-01T01:00:00.000Z#${n}` } } };
    });
    pending.push(
      (async () => {
        let unprocessed: Record<string, unknown>[] | undefined = items;
        while (unprocessed && unprocessed.length > 0) {
          const r = await documents.send(new BatchWriteCommand({ RequestItems: { [table]: unprocessed as never } }));
          unprocessed = r.UnprocessedItems?.[table] as Record<string, unknown>[] | undefined;
        }
      })(),
    );
    if (pending.length === 16) await Promise.all(pending.splice(0));
    if (i % 10_000 === 0) process.stdout.write(`\r  loading ${label} ${bar(i, count)}`);
  }
  await Promise.all(pending);
  process.stdout.write(`\r  loading ${label} ${bar(count, count)} in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}

/** Real registrations with one office reminder at `at(i)`: what the sweep queues and the consumers act on. */
async function dueCases(count: number, at: (i: number) => string): Promise<{ id: string; key: string; at: string }[]> {
  const now = new Date();
  const made: { id: string; key: string; at: string }[] = [];
  const decisions = Array.from({ length: count }, () => {
    const n = serial++;
    const first17 = `1101051970${String(Math.floor(n / 1000) % 100).padStart(2, '0')}${String((n % 28) + 1).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`.slice(0, 17);
    const d = report(
      { person: { name: `到期${n}`, idNumber: first17 + checkCharacter(first17), phone: '13700000000' }, originCode: '511321100', destinationCode: '110105001', arrivalDate: addCalendarDays(localDate(now), -1), expectedStayDays: 90 },
      office,
      DEFAULT_POLICY,
      { caseId: randomUUID(), eventId: randomUUID() },
      now,
    );
    const stage: Stage = { name: 'remind-1d', type: 'reminder', at: at(made.length), daysBefore: 1, audience: ['office'] };
    d.case.deadline = { ...d.case.deadline!, stages: [stage] };
    made.push({ id: d.case.id, key: `${d.case.id}#${deadlineId(d.case.deadline)}#remind-1d`, at: stage.at });
    return d;
  });
  for (let i = 0; i < decisions.length; i += 20) await Promise.all(decisions.slice(i, i + 20).map((d) => commit([d])));
  return made;
}

async function timedSweep(event: Record<string, unknown>) {
  const started = performance.now();
  const result = (await invoke('sweepDeadlines', event)) as { examined: number; enqueued: number };
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const row = (label: string, value: string) => console.log(`    ${label.padEnd(44)}${value}`);

try {
  console.log(`\nliudong bench: deadlines through the local stack (Node ${process.version})\n`);
  // A first sweep and its consumers, not measured: the first timed run is not the one that loads the code.
  await dueCases(100, () => new Date(Date.now() - 1000).toISOString());
  await timedSweep({ asOf: new Date().toISOString() });
  await stack.drained();
  // 1,000 due among 10,000.
  await filler(9_000, '9,000 cases not due');
  await dueCases(1_000, () => new Date(Date.now() - 1000).toISOString());
  // The consumers start on the first batch while the sweep is still sending: timed from the sweep's start to the last one done.
  const workStarted = performance.now();
  const small = await timedSweep({ asOf: new Date().toISOString() });
  await stack.drained();
  const drainSeconds = (performance.now() - workStarted) / 1000;

  // 1,000 due among 200,000 (1,000,000 would take DynamoDB Local here well over ten minutes to load).
  await filler(189_000, '189,000 more');
  await dueCases(1_000, () => new Date(Date.now() - 1000).toISOString());
  const large = await timedSweep({ asOf: new Date().toISOString() });
  await stack.drained();

  // On time: 200 stages 20 to 80 s ahead, queued by a scheduled sweep with their delays.
  const ahead = Date.now() + 20_000;
  const timed = await dueCases(200, (i) => new Date(ahead + (i % 60) * 1000).toISOString());
  const scheduled = await timedSweep({ time: new Date().toISOString() });
  const lateness: number[] = [];
  for (const t of timed) {
    for (;;) {
      const record = await stageRecord(t.key);
      if (record?.state === 'done') {
        lateness.push(Date.parse(record.doneAt!) - Date.parse(record.intendedAt!));
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  lateness.sort((a, b) => a - b);

  console.log('\n  Sweep enqueue time (manual run as of now: reads the index, sends, marks each case)');
  row('1,000 due among 10,000 cases', `${small.seconds.toFixed(2)} s (examined ${small.examined}, queued ${small.enqueued})`);
  row('1,000 due among 200,000 cases', `${large.seconds.toFixed(2)} s (examined ${large.examined}, queued ${large.enqueued})`);
  row('ratio (200,000 / 10,000)', (large.seconds / small.seconds).toFixed(2));
  console.log('\n  Consumers');
  row('reminders acted on per second', `${(1000 / drainSeconds).toFixed(0)} (1,000 from the sweep's start to the last done: ${drainSeconds.toFixed(1)} s)`);
  console.log('\n  Lateness: acted on after the intended instant (200 stages, SQS delay)');
  row('queued by one scheduled sweep', `${scheduled.enqueued} in ${scheduled.seconds.toFixed(2)} s`);
  row('p50 / p99 (ms)', `${pct(lateness, 50)} / ${pct(lateness, 99)}`);
  console.log('\n  SQS delays are whole seconds (the sweep rounds up), and the local queue poller waits up to');
  console.log('  a second between empty receives: lateness here is mostly those two.');
} finally {
  await stack.stop();
}
