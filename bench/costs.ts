// npm run bench:costs (and part of npm run bench): what each workflow action costs in DynamoDB,
// by table and index, as DynamoDB Local reports it (ReturnConsumedCapacity: INDEXES) for the whole
// action: the request and everything it sets off (the outbox relay, notices filed, statistics
// counted, a webhook delivery), measured from the request until every queue and the stream are
// drained. Beside each action, its floor: what it must durably write, each item at 1 unit
// (up to 1 KB). DynamoDB Local, like AWS, counts an item written in a transaction twice; the
// `tx` column says how many of the write units came from transactions.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { checkCharacter } from '../core/id-number.ts';
import { dynamoClient } from '../functions/shared/clients.ts';
import { resetClock, setClock } from '../functions/shared/clock.ts';
import { importFile } from '../local/import-file.ts';
import { startLocalStack } from '../local/stack.ts';
import { startWebhookReceiver } from '../local/webhook-receiver.ts';
import { tables } from '../wiring/index.ts';

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
// A fixed Monday morning in Shanghai: the same deadlines, reminders and counters on every run.
const START = '2026-11-02T02:00:00.000Z';
setClock(START);
const stack = await startLocalStack({ onError: (e) => console.error(e) });

interface Usage {
  /** Write units by `table` or `table/index`. */
  write: Map<string, number>;
  read: Map<string, number>;
  /** Write units that came from transactions (counted twice per item). */
  transactional: number;
  /** The largest item written, in bytes (estimated from its JSON). */
  largest: number;
  /** Write units by partition (`table pk=…`, `table/index attr=…`), the values as written. */
  partitions: Map<string, number>;
}
const fresh = (): Usage => ({ write: new Map(), read: new Map(), transactional: 0, largest: 0, partitions: new Map() });
let current: Usage | undefined;
const add = (map: Map<string, number>, key: string, units = 0) => map.set(key, (map.get(key) ?? 0) + units);
const short = (table: string) => table.replace(/^liudong-/, '');
const READS = new Set(['GetItemCommand', 'BatchGetItemCommand', 'QueryCommand', 'ScanCommand', 'TransactGetItemsCommand']);

/** A write's item as far as partitions care: its table, its key, and the attributes it sets (a put's item; an update's SET values). */
interface Written {
  table: string;
  attributes: Record<string, unknown>;
  size: number;
}

/** The attributes an update expression sets (`#name = :value` and `name = :value` in its SET clause). */
function setBy(update: Record<string, any>): Record<string, unknown> {
  const set = /SET (.*?)(?: ADD | REMOVE | DELETE |$)/.exec(update.UpdateExpression ?? '')?.[1] ?? '';
  const out: Record<string, unknown> = {};
  for (const [, name, value] of set.matchAll(/(#?\w+) = (:\w+)/g)) out[name!.startsWith('#') ? update.ExpressionAttributeNames?.[name!] : name!] = update.ExpressionAttributeValues?.[value!];
  return out;
}

/** A value as written: the SDK's middleware sees marshalled attributes (`{ S: '…' }`). */
const plain = (v: unknown): string => (v !== null && typeof v === 'object' ? String((v as { S?: string; N?: string }).S ?? (v as { N?: string }).N ?? JSON.stringify(v)) : String(v));

function writesOf(input: Record<string, any>, command: string): Written[] {
  const one = (table: string, op: Record<string, any>, kind: 'Put' | 'Update' | 'Delete'): Written => {
    const attributes = kind === 'Put' ? op.Item : { ...op.Key, ...(kind === 'Update' ? setBy(op) : {}) };
    return { table: short(table), attributes, size: Buffer.byteLength(JSON.stringify(kind === 'Put' ? op.Item : op.Key)) };
  };
  if (command === 'PutCommand' || command === 'PutItemCommand') return [one(input.TableName, input, 'Put')];
  if (command === 'UpdateCommand' || command === 'UpdateItemCommand') return [one(input.TableName, input, 'Update')];
  if (command === 'DeleteCommand' || command === 'DeleteItemCommand') return [one(input.TableName, input, 'Delete')];
  if (input.TransactItems) {
    return (input.TransactItems as Record<string, any>[]).flatMap((t) =>
      t.Put ? [one(t.Put.TableName, t.Put, 'Put')] : t.Update ? [one(t.Update.TableName, t.Update, 'Update')] : t.Delete ? [one(t.Delete.TableName, t.Delete, 'Delete')] : [],
    );
  }
  if (input.RequestItems) return Object.entries(input.RequestItems as Record<string, any[]>).flatMap(([table, requests]) => requests.filter((r) => r.PutRequest).map((r) => one(table, r.PutRequest, 'Put')));
  return [];
}

dynamoClient().middlewareStack.add(
  (next, context) => async (args) => {
    const input = args.input as Record<string, any>;
    input.ReturnConsumedCapacity = 'INDEXES';
    const result = await next(args);
    const usage = current;
    if (!usage) return result;
    const command = context.commandName ?? '';
    const map = READS.has(command) ? usage.read : usage.write;
    const reported = (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
    for (const c of [reported ?? []].flat()) {
      const table = short(c.TableName ?? '?');
      add(map, table, c.Table?.CapacityUnits ?? c.CapacityUnits);
      for (const [index, units] of Object.entries(c.GlobalSecondaryIndexes ?? {})) add(map, `${table}/${index}`, units.CapacityUnits);
      if (command === 'TransactWriteItemsCommand') usage.transactional += c.CapacityUnits ?? 0;
    }
    if (!READS.has(command)) {
      // Each item's partition, and each index partition it is written to: a unit per KB, twice in a transaction.
      const twice = command === 'TransactWriteItemsCommand' ? 2 : 1;
      for (const w of writesOf(input, command)) {
        usage.largest = Math.max(usage.largest, w.size);
        const units = twice * Math.max(1, Math.ceil(w.size / 1024));
        const spec = (tables as Record<string, { partitionKey: string; indexes: readonly { name: string; partitionKey: string }[] }>)[w.table];
        if (!spec) continue;
        add(usage.partitions, `${w.table} ${spec.partitionKey}=${plain(w.attributes[spec.partitionKey])}`, units);
        for (const index of spec.indexes) {
          const value = w.attributes[index.partitionKey];
          if (value !== undefined) add(usage.partitions, `${w.table}/${index.name} ${index.partitionKey}=${plain(value)}`, units);
        }
      }
    }
    return result;
  },
  { step: 'initialize', name: 'benchCosts' },
);

interface Row {
  action: string;
  usage: Usage;
  /** What the action must durably write, each item at 1 unit. */
  floor: string[];
  /** Rows the measurement covered (an import's rows): the figures are per row. */
  per: number;
}
const rows: Row[] = [];

/** Measures `act` and everything it sets off. */
async function measure(action: string, floor: string[], act: () => Promise<void>, per = 1): Promise<Usage> {
  if (process.env.BENCH_VERBOSE) console.error(`measuring ${action}`);
  await stack.drained();
  const usage = fresh();
  current = usage;
  try {
    await act();
    await stack.drained();
  } finally {
    current = undefined;
  }
  rows.push({ action, usage, floor, per });
  return usage;
}

// ---- The API as the console calls it: every write with an Idempotency-Key
type Json = Record<string, any>;
async function api(method: string, route: string, token: string, body?: unknown): Promise<Json> {
  const r = await fetch(`${stack.apiUrl}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await r.text();
  if (r.status >= 300) throw new Error(`${method} ${route}: ${r.status} ${text}`);
  return text ? (JSON.parse(text) as Json) : {};
}

let serial = 0;
const idNumber = () => {
  const first17 = `110105198${serial % 10}0101${String(100 + serial++).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};
const office = await stack.issuer.sign({ role: 'caseworker', jurisdiction: '110105001' });
const originOffice = await stack.issuer.sign({ role: 'caseworker', jurisdiction: '511321100' });
const arrival = (id: string) => ({
  person: { name: '成本', idNumber: id, phone: '13800138000' },
  originCode: '511321100',
  destinationCode: '110105001',
  arrivalDate: '2026-10-30',
  expectedStayDays: 180,
});
const report = async (id = idNumber()) => api('POST', '/v1/registrations', office, arrival(id));

// What a case action must write: the case, its list entry (its activity moved), its history and
// its event, the audit entry; and what else the action names.
const CASE_ACTION = ['case', 'list entry', 'history', 'event', 'audit'];

// A deadline stage: the first reminder of a report, swept and acted on. First, while this case is
// the only one in the deadline index, so the sweep's share is one case's.
{
  const c = await report();
  const { invoke } = await import('../local/invoke.ts');
  const reminder = (c.deadline.stages as Json[] | undefined)?.find((s) => s.type === 'reminder');
  const at = reminder?.at ?? new Date(Date.parse(c.deadline.dueAt) - 3 * 86_400_000).toISOString();
  setClock(at);
  await measure('deadline stage (a reminder)', ['stage record', "office's notice", 'SMS record'], async () => void (await invoke('sweepDeadlines', { asOf: at })));
  setClock(START);
}

await measure('report', [...CASE_ACTION, 'deadline entry', 'duplicate guard', "origin's notice", "day's counter"], async () => void (await report()));

const supplementCase = await report();
await measure('request-supplement', [...CASE_ACTION, 'deadline entry', "day's counter"], async () =>
  void (await api('POST', `/v1/registrations/${supplementCase.id}/request-supplement`, office, { items: ['租房合同'], reason: '缺少住所证明' })),
);
await measure('supplement', [...CASE_ACTION, 'deadline entry'], async () => void (await api('POST', `/v1/registrations/${supplementCase.id}/supplement`, office, {})));
let verified: Json = {};
await measure('verify', [...CASE_ACTION, 'deadline entry', 'certificate', 'review case', 'review list entry', 'review deadline entry', "origin's notice", "day's counter"], async () => {
  verified = await api('POST', `/v1/registrations/${supplementCase.id}/verify`, office, {});
});

await measure('depart', [...CASE_ACTION, "origin's notice", "day's counter"], async () =>
  void (await api('POST', `/v1/registrations/${verified.id}/depart`, office, { departureDate: '2026-11-02' })),
);

await measure('assistance request', [...CASE_ACTION, 'deadline entry', "asked office's notice"], async () =>
  void (await api('POST', '/v1/assistance-requests', originOffice, { toCode: '110105001', subject: { idNumber: idNumber() }, question: '请核实此人是否在贵辖区居住' })),
);

// An appeal of a refusal, by the person whose case it is.
const refusedId = idNumber();
const refused = await report(refusedId);
await api('POST', `/v1/registrations/${refused.id}/refuse`, office, { reason: '材料不实' });
const appellant = await stack.issuer.sign({ role: 'person', idNumber: refusedId });
const decision = (await api('GET', `/v1/registrations/${refused.id}/history`, office)).items.find((h: Json) => h.action === 'refuse');
await measure('appeal', [...CASE_ACTION, 'deadline entry', 'once-per-decision guard', "reviewing office's notice"], async () =>
  void (await api('POST', '/v1/appeals', appellant, { caseId: refused.id, decision: { action: decision.action, at: decision.at }, grounds: '材料属实，请复核' })),
);

// A review confirmed by its person, in the window before it is due.
{
  const id = idNumber();
  const c = await report(id);
  const v = await api('POST', `/v1/registrations/${c.id}/verify`, office, {});
  const r = await api('GET', `/v1/reviews/${v.reviewId}`, office);
  setClock(new Date(Date.parse(r.deadline.dueAt) - 5 * 86_400_000));
  const holder = await stack.issuer.sign({ role: 'person', idNumber: id });
  await measure('review confirm', [...CASE_ACTION, 'registration', 'next review case', 'next review list entry', 'next review deadline entry', "origin's notice"], async () =>
    void (await api('POST', `/v1/reviews/${r.id}/confirm`, holder, { outcome: 'unchanged' })),
  );
  setClock(START);
}

// An imported row: a 200-row file, per row.
{
  const dir = mkdtempSync(path.join(os.tmpdir(), 'liudong-costs-'));
  const ROWS = 200;
  const lines = ['姓名,身份证号,手机号,户籍地代码,到达日期,预计居住天数,住所'];
  for (let i = 0; i < ROWS; i++) lines.push(`工人${i},${idNumber()},13800138000,511321100,2026-10-30,180,厂区宿舍`);
  const file = path.join(dir, 'rows.csv');
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  // The filing is audited once, not per row.
  await measure('imported row', ['case', 'list entry', 'history', 'event', 'deadline entry', 'duplicate guard', "origin's notice", "day's counter"], async () =>
    void (await importFile({ apiUrl: stack.apiUrl, token: office, file, destinationCode: '110105001', pollMs: 50 })),
  ROWS);
  rmSync(dir, { recursive: true, force: true });
}

// A webhook delivery: a report with one agency subscribed; the deliveries table's share is the delivery's.
// On the wall clock: the receiver checks the signature's timestamp against its own.
{
  resetClock();
  const receiver = await startWebhookReceiver({ secrets: [] });
  const agency = await stack.issuer.sign({ role: 'agency', agency: 'bench', jurisdiction: '11' });
  const subscription = await api('POST', '/v1/subscriptions', agency, { url: receiver.url, eventTypes: ['registration.reported'], jurisdiction: '110105', purpose: 'statistics' });
  receiver.secrets.push(subscription.secret);
  const withDelivery = await measure('report, one agency subscribed', [], async () => void (await report()));
  rows.pop();
  const delivery = fresh();
  for (const [key, units] of withDelivery.write) if (key.startsWith('deliveries')) add(delivery.write, key, units);
  for (const [key, units] of withDelivery.read) if (key.startsWith('deliveries')) add(delivery.read, key, units);
  rows.push({ action: 'webhook delivery', usage: delivery, floor: ['delivery record', 'delivery pointer', 'lane'], per: 1 });
  // Nothing more goes to it: later figures are without a subscriber.
  await api('DELETE', `/v1/subscriptions/${subscription.id}`, agency);
  await receiver.stop();
  setClock(START);
}

// ---- The table
const round = (n: number) => Math.round(n * 10) / 10;
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const byTable = (m: Map<string, number>, per: number) =>
  [...m.entries()]
    .filter(([, units]) => units > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, units]) => `${key} ${round(units / per)}`)
    .join(', ');
console.log(`\nDynamoDB capacity per action (DynamoDB Local, ReturnConsumedCapacity INDEXES; ${new Date().toISOString().slice(0, 10)})\n`);
console.log('| action | WCU | of them tx | floor | WCU ÷ floor | RCU | largest item | WCU by table/index | RCU by table/index |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const { action, usage, floor, per } of rows) {
  const w = sum(usage.write) / per;
  console.log(
    `| ${action} | ${round(w)} | ${round(usage.transactional / per)} | ${floor.length} | ${floor.length ? round(w / floor.length) : '–'} | ${round(sum(usage.read) / per)} | ${(usage.largest / 1024).toFixed(1)} KB | ${byTable(usage.write, per)} | ${byTable(usage.read, per)} |`,
  );
}
// Partitions every registration in one township writes to (not the case's own): where a busy
// township, county or subscriber meets AWS's 1,000 write units a second per partition.
const reportRow = rows.find((r) => r.action === 'report');
if (reportRow) {
  // A case's own partitions (its id, its person's blind index, its duplicate guard, its request's key) are not shared.
  // The deadline index is sharded by case, so its load spreads over every shard whatever the township.
  const shared = (label: string) => !/[0-9a-f]{8}-[0-9a-f]{4}-/.test(label) && !/[0-9a-f]{40,}/.test(label) && !label.startsWith('idempotency ') && !label.includes('DUE#');
  const named = (label: string) =>
    label
      .replace(/511321100/g, '<origin township>')
      .replace(/511321/g, '<origin county>')
      .replace(/5113/g, '<origin prefecture>')
      .replace(/#51(?![0-9])/g, '#<origin province>')
      .replace(/110105001/g, '<township>')
      .replace(/110105/g, '<county>')
      .replace(/1101/g, '<prefecture>')
      .replace(/(?<![0-9])11(?![0-9])/g, '<province>')
      .replace(/\d{4}-\d{2}-\d{2}/g, '<day>');
  console.log('\nPartitions one registration writes that every registration of the same township shares: units per registration (estimated: a unit per KB, twice in a transaction), and the registrations a second at which the partition reaches AWS\'s 1,000 write units a second:\n');
  console.log('| partition | units | registrations/s |');
  console.log('|---|---|---|');
  const byName = new Map<string, number>();
  for (const [label, units] of reportRow.usage.partitions) if (shared(label)) add(byName, named(label), units);
  for (const [label, units] of [...byName.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    console.log(`| ${label} | ${units} | ${Math.floor(1000 / units)} |`);
  }
}

console.log('\nFloors: what each action must durably write, each item at 1 unit:');
for (const { action, floor } of rows) console.log(`- ${action}: ${floor.join(', ')}`);
await stack.stop();
