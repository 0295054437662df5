// npm run bench: registrations through the local stack (HTTP → handler → DynamoDB Local),
// a fixed number of requests at a fixed concurrency. Prints throughput, latency percentiles
// and the capacity units DynamoDB reports per registration (ReturnConsumedCapacity).
import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { checkCharacter } from '../core/id-number.ts';
import { localDate } from '../core/calendar.ts';
import { dynamoClient } from '../functions/shared/clients.ts';
import { REFERENCE_CACHE_SECONDS } from '../functions/shared/store/reference.ts';
import { startLocalStack } from '../local/stack.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '16' },
  },
});
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
const stack = await startLocalStack({ onError: (e) => console.error(e) });

// Ask every DynamoDB call the handlers make to report its consumed capacity, and add it up.
const consumed = { write: new Map<string, number>(), read: new Map<string, number>() };
const add = (map: Map<string, number>, table: string, units = 0) => map.set(table, (map.get(table) ?? 0) + units);
// DynamoDB Local reports only CapacityUnits, so the command tells reads from writes.
const READS = new Set(['GetItemCommand', 'BatchGetItemCommand', 'QueryCommand', 'ScanCommand', 'TransactGetItemsCommand']);
dynamoClient().middlewareStack.add(
  (next, context) => async (args) => {
    (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity ??= 'TOTAL';
    const result = await next(args);
    const reported = (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
    const map = READS.has(context.commandName ?? '') ? consumed.read : consumed.write;
    for (const c of [reported ?? []].flat()) add(map, c.TableName ?? '?', c.CapacityUnits);
    return result;
  },
  { step: 'initialize', name: 'benchConsumedCapacity' },
);

function idNumber(i: number): string {
  const first17 = `110105${1970 + (i % 30)}0101${String(i % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

const token = await stack.issuer.sign({ role: 'caseworker', jurisdiction: '110105' });
const arrival = localDate(new Date());
const destinations = ['110105001', '110105002'];
const latencies: number[] = [];
let failures = 0;
let next = 0;

async function worker() {
  while (next < REQUESTS) {
    const i = next++;
    const body = JSON.stringify({
      person: { name: `测试${i}`, idNumber: idNumber(i), phone: `1380000${String(i).padStart(4, '0')}` },
      originCode: '511321100',
      destinationCode: destinations[i % 2],
      arrivalDate: arrival,
      expectedStayDays: 180,
    });
    const started = performance.now();
    const response = await fetch(`${stack.apiUrl}/v1/registrations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `bench-${i}-${randomInt(1e9)}` },
      body,
    });
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    if (response.status !== 201) failures++;
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: CONCURRENCY }, worker));
const seconds = (performance.now() - started) / 1000;
await stack.drained();

latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!;
const ok = REQUESTS - failures;
const per = (map: Map<string, number>, table: string) => ((map.get(table) ?? 0) / ok).toFixed(2);

const rows: [string, string][] = [
  ['requests', String(REQUESTS)],
  ['concurrency', String(CONCURRENCY)],
  ['201 Created', String(ok)],
  ['other responses', String(failures)],
  ['registrations/s', (ok / seconds).toFixed(1)],
  ['latency p50 (ms)', pct(50).toFixed(1)],
  ['latency p99 (ms)', pct(99).toFixed(1)],
  ['latency max (ms)', latencies.at(-1)!.toFixed(1)],
  ...[...new Set([...consumed.write.keys(), ...consumed.read.keys()])].sort().flatMap((table): [string, string][] => [
    [`WCU/registration ${table}`, per(consumed.write, table)],
    [`RCU/registration ${table}`, per(consumed.read, table)],
  ]),
];
// What protecting personal data costs per operation, in this process (the local key file; in AWS
// the data key and the index key come from KMS once per container and are then used the same way).
const { blindIndex, open, seal } = await import('../functions/shared/protection.ts');
const timed = async (n: number, step: (i: number) => Promise<unknown>) => {
  const t = performance.now();
  for (let i = 0; i < n; i++) await step(i);
  return ((performance.now() - t) * 1000) / n;
};
const sealed = await seal('110105197001010011');
rows.push(
  ['seal, µs/value (AES-256-GCM)', (await timed(5000, (i) => seal(`1380000${i}`))).toFixed(1)],
  ['open, µs/value', (await timed(5000, () => open(sealed))).toFixed(1)],
  ['blind index, µs/value (HMAC)', (await timed(5000, (i) => blindIndex('person', `11010519700101${i}`))).toFixed(1)],
);
const width = Math.max(...rows.map(([k]) => k.length));
console.log(`\nliudong bench: POST /v1/registrations through the local stack (Node ${process.version})\n`);
for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v.padStart(10)}`);
console.log(`
  Capacity units as DynamoDB Local reports them for every call the functions make: the case
  transaction (case with its deadline index, history, outbox event, duplicate guard), the
  idempotency record, the audit entry, and the notice the queue consumer files. Reference data
  is cached for ${REFERENCE_CACHE_SECONDS} s per process. AWS bills transactional writes at twice
  these units. Each registration seals two numbers and computes two blind indexes (person,
  duplicate guard).`);
await stack.stop();
