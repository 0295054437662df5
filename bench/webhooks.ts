// npm run bench:webhooks (and the last part of npm run bench): events delivered to 10 local
// subscribers, one of them dead (nothing listens on its port), through the local stack: how
// many deliveries a second reach the nine live ones when 500 events come at once, and the delay
// from commit to receipt (p50, p99) at a steady 2 events a second. The dead one must not slow
// the others.
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { localDate } from '../core/calendar.ts';
import { checkCharacter } from '../core/id-number.ts';
import { DEFAULT_POLICY } from '../core/policy.ts';
import { report } from '../core/workflows/registration.ts';
import { startLocalStack } from '../local/stack.ts';
import { type WebhookReceiver, startWebhookReceiver } from '../local/webhook-receiver.ts';

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 500);
const LIVE = 9;

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
const stack = await startLocalStack({ onError: (e) => console.error(e) });
const { commit } = await import('../functions/shared/store/case-commit.ts');
const token = await stack.issuer.sign({ role: 'agency', agency: 'bench', jurisdiction: '11' });

async function subscribe(url: string): Promise<string> {
  const r = await fetch(`${stack.apiUrl}/v1/subscriptions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url, eventTypes: ['registration.reported'], jurisdiction: '110105', purpose: 'statistics' }),
  });
  if (r.status !== 201) throw new Error(`subscribe: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { secret: string }).secret;
}

/** A port nothing listens on: connections to it are refused at once. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const receivers: WebhookReceiver[] = [];
for (let i = 0; i < LIVE; i++) {
  const receiver = await startWebhookReceiver({ secrets: [] });
  receiver.secrets.push(await subscribe(receiver.url));
  receivers.push(receiver);
}
await subscribe(`http://127.0.0.1:${await deadPort()}/hooks`);

const office = { sub: 'bench', role: 'caseworker' as const, jurisdiction: '110105001' };
let serial = 0;
const registration = () => {
  const n = serial++;
  const first17 = `110105198${String(Math.floor(n / 1000) % 10)}0101${String(n % 1000).padStart(3, '0')}`.slice(0, 17);
  return report(
    { person: { name: `订阅${n}`, idNumber: first17 + checkCharacter(first17), phone: '13700000000' }, originCode: '511321100', destinationCode: '110105001', arrivalDate: localDate(new Date()), expectedStayDays: 90 },
    office,
    DEFAULT_POLICY,
    { caseId: randomUUID(), eventId: randomUUID() },
    new Date(),
  );
};
const committedAt = new Map<string, number>();
const total = () => receivers.reduce((n, r) => n + r.received.length, 0);
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

/** Commits `count` registrations, `perSecond` a second (or all at once), and waits until the live subscribers have them all. */
async function phase(count: number, perSecond?: number) {
  const before = total();
  const ids = new Set<string>();
  const started = performance.now();
  for (let i = 0; i < count; i += 20) {
    const batch = Array.from({ length: Math.min(20, count - i) }, registration);
    await Promise.all(
      batch.map(async (d) => {
        if (perSecond) await new Promise((r) => setTimeout(r, (batch.indexOf(d) * 1000) / perSecond));
        await commit([d]);
        committedAt.set(d.event.id, Date.now());
        ids.add(d.event.id);
      }),
    );
  }
  const expected = before + count * LIVE;
  const limit = Date.now() + 10 * 60_000;
  while (total() < expected && Date.now() < limit) {
    process.stdout.write(`\r  received ${(total() - before).toLocaleString('en')}/${(count * LIVE).toLocaleString('en')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  process.stdout.write('\r');
  const seconds = (performance.now() - started) / 1000;
  const delays = receivers.flatMap((r) => r.received.filter((x) => ids.has(x.id)).map((x) => x.at - committedAt.get(x.id)!)).sort((x, y) => x - y);
  return { delivered: total() - before, seconds, delays };
}

console.log(`Webhooks: events to ${LIVE} live subscribers and 1 dead one (nothing listens on its port)`);
const burst = await phase(EVENTS);
console.log(`  burst: ${EVENTS.toLocaleString('en')} events at once, ${burst.delivered.toLocaleString('en')}/${(EVENTS * LIVE).toLocaleString('en')} deliveries in ${burst.seconds.toFixed(1)} s: ${(burst.delivered / burst.seconds).toFixed(0)} deliveries/s (commit → receipt p50 ${pct(burst.delays, 50)} ms, p99 ${pct(burst.delays, 99)} ms: queued behind the burst)`);
const PACED = Number(process.env.BENCH_WEBHOOK_PACED ?? 60);
const paced = await phase(PACED, 2);
console.log(`  steady: ${PACED} events at 2 a second (${2 * LIVE} deliveries/s): commit → receipt p50 ${pct(paced.delays, 50)} ms, p99 ${pct(paced.delays, 99)} ms`);
const unverified = receivers.reduce((n, r) => n + r.received.filter((x) => !x.verified).length, 0);
const duplicates = receivers.reduce((n, r) => n + r.received.length - new Set(r.received.map((x) => x.id)).size, 0);
console.log(`  signatures that did not verify: ${unverified}; duplicates: ${duplicates}`);

// Where the time goes, from one live subscription's records: event → recorded (fan-out) → first attempt (queue).
if (process.env.BENCH_WEBHOOK_DETAIL) {
  const list = await fetch(`${stack.apiUrl}/v1/subscriptions?limit=20`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json() as Promise<{ items: { id: string; url: string }[] }>);
  const live = list.items.find((s) => s.url === receivers[0]!.url)!;
  await new Promise((r) => setTimeout(r, 1000));
  const page = await fetch(`${stack.apiUrl}/v1/subscriptions/${live.id}/deliveries?limit=100`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json() as Promise<{ items: { eventTime: string; createdAt: string; attempts: { at: string; latencyMs: number }[] }[] }>);
  page.items = page.items.filter((d) => d.attempts.length > 0);
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`  detail: fan-out lag p50 ${med(page.items.map((d) => Date.parse(d.createdAt) - Date.parse(d.eventTime)))} ms, queue lag p50 ${med(page.items.map((d) => Date.parse(d.attempts[0]!.at) - Date.parse(d.createdAt)))} ms, POST p50 ${med(page.items.map((d) => d.attempts[0]!.latencyMs))} ms`);
}
for (const r of receivers) await r.stop();
await stack.stop();
process.exit(0);
