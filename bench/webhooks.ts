// npm run bench:webhooks (and the last part of npm run bench): events delivered to 10 local
// subscribers, one of them dead (nothing listens on its port), through the local stack: how
// many deliveries a second reach the nine live ones, and the delay from commit to receipt
// (p50, p99). The dead one must not slow the others.
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { localDate } from '../core/calendar.ts';
import { checkCharacter } from '../core/id-number.ts';
import { DEFAULT_POLICY } from '../core/policy.ts';
import { report } from '../core/workflows/registration.ts';
import { startLocalStack } from '../local/stack.ts';
import { type WebhookReceiver, startWebhookReceiver } from '../local/webhook-receiver.ts';

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 1000);
const LIVE = 9;

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
const stack = await startLocalStack({ onError: (e) => console.error(e) });
const { commit } = await import('../functions/shared/store/cases.ts');
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
const now = new Date();
const decisions = Array.from({ length: EVENTS }, (_, n) => {
  const first17 = `110105198${String(Math.floor(n / 1000) % 10)}0101${String(n % 1000).padStart(3, '0')}`.slice(0, 17);
  return report(
    { person: { name: `订阅${n}`, idNumber: first17 + checkCharacter(first17), phone: '13700000000' }, originCode: '511321100', destinationCode: '110105001', arrivalDate: localDate(now), expectedStayDays: 90 },
    office,
    DEFAULT_POLICY,
    { caseId: randomUUID(), eventId: randomUUID() },
    new Date(),
  );
});

console.log(`Webhooks: ${EVENTS.toLocaleString('en')} events to ${LIVE} live subscribers and 1 dead one`);
const started = performance.now();
const committedAt = new Map<string, number>();
for (let i = 0; i < decisions.length; i += 20) {
  await Promise.all(
    decisions.slice(i, i + 20).map(async (d) => {
      await commit([d]);
      committedAt.set(d.event.id, Date.now());
    }),
  );
}
const committed = performance.now();
const expected = EVENTS * LIVE;
const total = () => receivers.reduce((n, r) => n + r.received.length, 0);
const limit = Date.now() + 10 * 60_000;
while (total() < expected && Date.now() < limit) {
  process.stdout.write(`\r  received ${total().toLocaleString('en')}/${expected.toLocaleString('en')}`);
  await new Promise((r) => setTimeout(r, 250));
}
const finished = performance.now();
process.stdout.write('\n');

const delays = receivers.flatMap((r) => r.received.map((x) => x.at - (committedAt.get(x.id) ?? x.at))).sort((x, y) => x - y);
const pct = (p: number) => delays[Math.min(delays.length - 1, Math.floor((p / 100) * delays.length))] ?? NaN;
const unverified = receivers.reduce((n, r) => n + r.received.filter((x) => !x.verified).length, 0);
const duplicates = receivers.reduce((n, r) => n + r.received.length - new Set(r.received.map((x) => x.id)).size, 0);
console.log(`  committed ${EVENTS.toLocaleString('en')} registrations in ${((committed - started) / 1000).toFixed(1)} s`);
console.log(`  delivered ${total().toLocaleString('en')}/${expected.toLocaleString('en')} to the live subscribers in ${((finished - started) / 1000).toFixed(1)} s: ${(total() / ((finished - started) / 1000)).toFixed(0)} deliveries/s`);
console.log(`  commit → receipt: p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${delays.at(-1)} ms`);
console.log(`  signatures that did not verify: ${unverified}; duplicates: ${duplicates}`);

for (const r of receivers) await r.stop();
await stack.stop();
process.exit(0);
