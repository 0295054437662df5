// npm run bench:soak -- --minutes 10 [--clients 32] [--checkers 200] [--json soak.json] [--log stack.log]
// A soak of the local stack as a developer runs it: `npm start` in its own process group, on a
// free port with a fresh data folder, then mixed office traffic from concurrent clients (arrivals
// reported, cases worked, lists, inboxes, case reads, public certificate checks) for the given
// minutes. Reports requests/s and each route's latency and answers, the API process's memory
// from the end of the warm-up to the end of the load, and how long the queues take to empty once
// the load stops. Exit 1 when any request got a 5xx or no answer, memory grew more than 10 %, the
// queues were not empty within 60 s, or messages ended in a dead-letter queue.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { GetQueueAttributesCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { localDate } from '../core/calendar.ts';
import { checkCharacter } from '../core/id-number.ts';
import { devIssuer } from '../local/dev-issuer.ts';
import { freePort } from '../local/net.ts';
import { parseCli } from '../local/operator-client.ts';
import { PROJECT_ROOT, readStackRecord } from '../local/paths.ts';
import { deadLetterQueueName, queueName } from '../local/sqs.ts';
import { holdingQueues, queues } from '../wiring/index.ts';
import { groupMembers } from '../tests/support/processes.ts';

const { values } = parseCli('bench:soak', {
  options: {
    minutes: { type: 'string', default: '10' },
    clients: { type: 'string', default: '32' },
    // Distinct callers of the public check (loopback source addresses): it allows 30 checks a
    // minute per caller, so one address would measure the limit rather than the check.
    checkers: { type: 'string', default: '200' },
    json: { type: 'string' },
    // Everything the stack printed, kept after the run (the data folder is not).
    log: { type: 'string' },
  },
});
const fail = (message: string): never => {
  console.error(`bench:soak: ${message}`);
  process.exit(2);
};
const MINUTES = Number(values.minutes);
const CLIENTS = Number(values.clients);
const CHECKERS = Number(values.checkers);
if (!(MINUTES > 0) || !Number.isFinite(MINUTES)) fail('--minutes must be a positive number (0.5, 10)');
if (!Number.isInteger(CLIENTS) || CLIENTS < 1) fail('--clients must be a whole number of at least 1');
if (!Number.isInteger(CHECKERS) || CHECKERS < 1 || CHECKERS > 60_000) fail('--checkers must be a whole number from 1 to 60000');
// npm run changes into the project; the user's own folder is where they meant a relative file.
const userPath = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

const RUN_MS = MINUTES * 60_000;
// Memory is measured from here on: the caches, JIT, V8's heap and malloc's arenas have grown to
// their working size. Under 32 clients on 2 cores that takes minutes, not seconds (a 10-minute
// run, 2026-12-07: RSS rose until minute 4, then stayed within 0.5 %), so the first 30 % of the
// run, at most 3 minutes, is warm-up; a leak shows as growth after it.
const WARM_UP_MS = Math.min(RUN_MS * 0.3, 180_000);
const MAX_RSS_GROWTH = 0.1;
const DRAIN_LIMIT_MS = 60_000;
const START_LIMIT_MS = 5 * 60_000;
const REQUEST_TIMEOUT_MS = 30_000;

/** The traffic mix, in percent of requests. */
const MIX = { register: 30, act: 15, list: 20, inbox: 15, read: 10, check: 10 } as const;
type Step = keyof typeof MIX;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pickOne = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

// ---------------------------------------------------------------------------------------------
// The stack: npm start in a process group of its own, and everything needed to end it.

const scratch = mkdtempSync(path.join(os.tmpdir(), 'liudong-soak-'));
const dataDir = path.join(scratch, 'data');
let stackProcess: ChildProcess | undefined;
/** npm start ended (the stack stopped, crashed or was killed). */
let stackEnded = false;
let logFile: WriteStream | undefined;

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group has already gone.
  }
}

/** Stops the stack as Ctrl-C would (SIGINT to the group), then harder, and waits until none of it is left. */
async function stopStack(): Promise<void> {
  const pgid = stackProcess?.pid;
  if (pgid === undefined) return;
  for (const [signal, waitMs] of [['SIGINT', 20_000], ['SIGTERM', 10_000], ['SIGKILL', 5_000]] as const) {
    if (groupMembers(pgid).length === 0) break;
    signalGroup(pgid, signal);
    const until = Date.now() + waitMs;
    while (groupMembers(pgid).length > 0 && Date.now() < until) await sleep(100);
  }
  const left = groupMembers(pgid);
  if (left.length > 0) console.error(`bench:soak: processes ${left.join(', ')} of the stack would not stop`);
  stackProcess = undefined;
}

function removeScratch(): void {
  rmSync(scratch, { recursive: true, force: true });
}

// The last resort on any exit, synchronous: nothing of the stack and no temporary folder stays.
process.on('exit', () => {
  const pgid = stackProcess?.pid;
  if (pgid !== undefined && groupMembers(pgid).length > 0) signalGroup(pgid, 'SIGKILL');
  removeScratch();
});
let interrupted = false;
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping the local stack…`);
    void stopStack().finally(() => {
      removeScratch();
      process.exit(code);
    });
  });
}

/** What the stack printed: the start banner (for the SQS endpoint), and what came after it. */
const printed = { banner: '', lines: 0, errorLike: 0, samples: [] as string[], tail: [] as string[] };
let bannerDone = false;

function listen(stream: NodeJS.ReadableStream, name: 'stdout' | 'stderr'): void {
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    logFile?.write(chunk);
    if (!bannerDone) printed.banner = (printed.banner + chunk).slice(-64_000);
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      printed.tail = [...printed.tail.slice(-39), `${name}: ${line}`];
      if (!bannerDone) continue;
      printed.lines++;
      // Worker failures ([local stack] …), stack traces, Powertools' warn and error records.
      if (/error|exception|\[local stack\]|"level":"(WARN|ERROR|CRITICAL)"/i.test(line)) {
        printed.errorLike++;
        if (printed.samples.length < 8) printed.samples.push(line.slice(0, 400));
      }
    }
  });
}

interface RunningStack {
  url: URL;
  /** The process running the stack (stack.json's pid): the API, the workers and fauxqs. */
  pid: number;
  sqsEndpoint: string;
}

async function startStack(): Promise<RunningStack> {
  const port = await freePort();
  if (values.log) logFile = createWriteStream(userPath(values.log));
  // Its own process group: one signal reaches npm, the shell, the stack and DynamoDB Local's JVM.
  const child = spawn('npm', ['start', '--', '--data', dataDir, '--port', String(port)], {
    cwd: PROJECT_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: process.env,
  });
  stackProcess = child;
  listen(child.stdout!, 'stdout');
  listen(child.stderr!, 'stderr');
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = signal ?? `exit code ${code}`;
    stackEnded = true;
  });
  child.once('error', (error) => (exited = error.message));

  const until = Date.now() + START_LIMIT_MS;
  while (Date.now() < until) {
    if (exited) throw new Error(`npm start ended (${exited}) before the stack was up:\n${printed.tail.join('\n')}`);
    // The record is written once the API listens; the banner naming the SQS endpoint right after.
    const record = readStackRecord(dataDir);
    const sqs = /SQS\s+(http:\/\/\S+)\s+\(fauxqs\)/.exec(printed.banner)?.[1];
    if (record && sqs) {
      const answer = await fetch(`${record.url}/v1/openapi.json`).catch(() => undefined);
      if (answer?.ok) {
        await answer.arrayBuffer();
        bannerDone = true;
        return { url: new URL(record.url), pid: record.pid, sqsEndpoint: sqs };
      }
    }
    await sleep(250);
  }
  throw new Error(`the stack was not up within ${START_LIMIT_MS / 1000} s:\n${printed.tail.join('\n')}`);
}

/** Resident memory of a process, in KiB (VmRSS), or undefined once it has gone. */
function rssKiB(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** DynamoDB Local's JVM in the stack's group, for its memory beside the API's. */
function jvmPid(pgid: number): number | undefined {
  return groupMembers(pgid).find((pid) => {
    try {
      // The JVM itself, not the bash guard that names the same jar among its arguments.
      const [command, ...args] = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return path.basename(command ?? '') === 'java' && args.some((a) => a.endsWith('DynamoDBLocal.jar'));
    } catch {
      return false;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// HTTP: node:http rather than fetch, because the public check's callers need their own source addresses.

const agent = new http.Agent({ keepAlive: true });
let retried = 0;

interface Answer {
  status: number;
  text: string;
}

function requestOnce(url: URL, method: string, target: string, headers: Record<string, string>, payload: string | undefined, localAddress: string | undefined): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, method, path: target, headers, agent, timeout: REQUEST_TIMEOUT_MS, ...(localAddress ? { localAddress } : {}) },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    request.on('error', (error) => reject(Object.assign(error, { reusedSocket: request.reusedSocket })));
    request.end(payload);
  });
}

/** One request; a kept-alive socket the server closed just then is retried once on a new one (it never reached the handler). */
async function send(url: URL, method: string, target: string, headers: Record<string, string>, payload?: string, localAddress?: string): Promise<Answer> {
  try {
    return await requestOnce(url, method, target, headers, payload, localAddress);
  } catch (error) {
    const { code, reusedSocket } = error as NodeJS.ErrnoException & { reusedSocket?: boolean };
    if (!reusedSocket || code !== 'ECONNRESET') throw error;
    retried++;
    return requestOnce(url, method, target, headers, payload, localAddress);
  }
}

// ---------------------------------------------------------------------------------------------
// What each route answered.

interface RouteFigures {
  latencies: number[];
  statuses: Map<number, number>;
  /** No answer at all (connection refused or reset, timeout). */
  unanswered: number;
  /** A few unexpected answers (5xx, 4xx other than 429), as evidence. */
  samples: string[];
}
const figures = new Map<string, RouteFigures>();
let requestCount = 0;

function record(routeKey: string, started: number, answer: Answer | Error): void {
  let f = figures.get(routeKey);
  if (!f) figures.set(routeKey, (f = { latencies: [], statuses: new Map(), unanswered: 0, samples: [] }));
  requestCount++;
  f.latencies.push(performance.now() - started);
  if (answer instanceof Error) {
    f.unanswered++;
    if (f.samples.length < 5) f.samples.push(`no answer: ${answer.message}`);
    return;
  }
  f.statuses.set(answer.status, (f.statuses.get(answer.status) ?? 0) + 1);
  if ((answer.status >= 500 || (answer.status >= 400 && answer.status !== 429)) && f.samples.length < 5) {
    f.samples.push(`${answer.status} ${answer.text.slice(0, 300)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The traffic: caseworkers of two destination townships in Beijing, the Sichuan origins' offices,
// and the public checking certificates.

const DESTINATIONS = ['110105001', '110105002'] as const;
const ORIGINS = ['511321100', '511321101', '510104001'] as const;
const SURNAMES = '张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚'];

interface Registration {
  id: string;
  destination: string;
  idNumber: string;
}
interface Certificate {
  number: string;
  idNumber: string;
}

/** Cases each destination may act on, by the state they are in; a case taken out is worked by one client at a time. */
const workable = Object.fromEntries(
  DESTINATIONS.map((d) => [d, { reported: [] as Registration[], awaiting_supplement: [] as Registration[], registered: [] as Registration[] }]),
) as Record<string, Record<'reported' | 'awaiting_supplement' | 'registered', Registration[]>>;
/** Recent cases of each destination, to read; recent certificates, to check. */
const RECENT = 5000;
const recentCases = Object.fromEntries(DESTINATIONS.map((d) => [d, [] as Registration[]])) as Record<string, Registration[]>;
const certificates: Certificate[] = [];
const remember = <T>(ring: T[], item: T) => {
  ring.push(item);
  if (ring.length > RECENT) ring.splice(0, ring.length - RECENT);
};
/** Takes a random case out of a pool (swap with the last: O(1)). */
function takeFrom(pool: Registration[]): Registration | undefined {
  if (pool.length === 0) return undefined;
  const i = Math.floor(Math.random() * pool.length);
  const taken = pool[i]!;
  pool[i] = pool.at(-1)!;
  pool.pop();
  return taken;
}

/** What a caseworker does with a case in each state (verify most often, as offices do). */
type Action = readonly [action: string, body: unknown];
const SUPPLEMENT: Action = ['supplement', { note: '已补交租房合同' }];
const RENEW: Action = ['renew', undefined];
const ON_REPORTED: Action[] = [
  ...Array<Action>(14).fill(['verify', undefined]),
  ['request-supplement', { items: ['租房合同'], reason: '缺少住所证明' }],
  ['request-supplement', { items: ['劳动合同'], reason: '缺少就业证明' }],
  ['update-details', undefined],
  ['update-details', undefined],
];
// A correction must change something (else 400): a new phone number, or another room.
let corrections = 0;
const correction = () =>
  corrections++ % 2 === 0
    ? { phone: `137${String(corrections * 7919 % 100_000_000).padStart(8, '0')}` }
    : { premises: `朝阳区建国门外大街${1 + (corrections % 30)}号院${corrections}室` };

let personCount = 0;
let reported = 0;
let issued = 0;
// Unique, valid ID numbers of adults born in an origin county: birth day and sequence from a counter.
function nextPerson(origin: string) {
  const n = personCount++;
  const born = new Date(Date.UTC(1965, 0, 1) + Math.floor(n / 1000) * 86_400_000);
  const first17 = `${origin.slice(0, 6)}${born.toISOString().slice(0, 10).replaceAll('-', '')}${String(n % 1000).padStart(3, '0')}`;
  return {
    name: `${SURNAMES[n % SURNAMES.length]}${GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]}`,
    idNumber: first17 + checkCharacter(first17),
    phone: `139${String(n % 100_000_000).padStart(8, '0')}`,
  };
}

interface Office {
  destination: string;
  token: string;
}
interface Tokens {
  county: string;
  origins: Record<string, string>;
  originCounty: string;
}

function makeTraffic(url: URL, tokens: Tokens) {
  // Every POST carries an Idempotency-Key of its own, as the console sends one per submitted form.
  const postHeaders = (token: string, withBody = true): Record<string, string> => ({
    authorization: `Bearer ${token}`,
    'idempotency-key': randomUUID(),
    ...(withBody ? { 'content-type': 'application/json' } : {}),
  });

  async function call(routeKey: string, method: string, target: string, headers: Record<string, string>, body?: unknown, localAddress?: string): Promise<{ status: number; body: any } | undefined> {
    const started = performance.now();
    try {
      const answer = await send(url, method, target, headers, body === undefined ? undefined : JSON.stringify(body), localAddress);
      record(routeKey, started, answer);
      let parsed: unknown;
      try {
        parsed = answer.text ? JSON.parse(answer.text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: answer.status, body: parsed };
    } catch (error) {
      record(routeKey, started, error as Error);
      return undefined;
    }
  }

  const steps: Record<Step, (office: Office) => Promise<void>> = {
    async register(office) {
      const origin = Math.random() < 0.8 ? ORIGINS[0] : pickOne(ORIGINS);
      const person = nextPerson(origin);
      const answer = await call('POST /v1/registrations', 'POST', '/v1/registrations', postHeaders(office.token), {
        person,
        originCode: origin,
        destinationCode: office.destination,
        arrivalDate: localDate(new Date()),
        expectedStayDays: pickOne([90, 180, 365]),
      });
      if (answer?.status !== 201) return;
      const registration = { id: String(answer.body?.id), destination: office.destination, idNumber: person.idNumber };
      reported++;
      workable[office.destination]!.reported.push(registration);
      remember(recentCases[office.destination]!, registration);
    },

    // A caseworker works one of the office's cases along the workflow table.
    async act(office) {
      const pools = workable[office.destination]!;
      const r = Math.random();
      const pool = r < 0.15 && pools.awaiting_supplement.length > 0 ? pools.awaiting_supplement : r < 0.22 && pools.registered.length > 0 ? pools.registered : pools.reported;
      const registration = takeFrom(pool);
      if (!registration) return steps.register(office);
      const [action, given] =
        pool === pools.awaiting_supplement ? SUPPLEMENT : pool === pools.registered ? RENEW : pickOne(ON_REPORTED);
      const body = action === 'update-details' ? correction() : given;
      const answer = await call(`POST /v1/registrations/{id}/${action}`, 'POST', `/v1/registrations/${registration.id}/${action}`, postHeaders(office.token, body !== undefined), body);
      // A case the client no longer knows the state of is left alone from now on.
      if (answer?.status !== 200) return;
      const state = String(answer.body?.state) as keyof typeof pools;
      if (state in pools) pools[state].push(registration);
      const number = answer.body?.verificationCertificate?.number;
      if (typeof number === 'string' && action === 'verify') {
        issued++;
        remember(certificates, { number, idNumber: registration.idNumber });
      }
    },

    async list(office) {
      const county = Math.random() < 0.3;
      const jurisdiction = county ? '110105' : office.destination;
      const filters = pickOne(['', '&type=registration', '&type=registration&state=reported', '&overdue=true', '&limit=50']);
      const token = county ? tokens.county : office.token;
      const first = await call('GET /v1/cases', 'GET', `/v1/cases?jurisdiction=${jurisdiction}${filters}`, { authorization: `Bearer ${token}` });
      // Now and then the next page, as a caseworker scrolling the list.
      const cursor = first?.status === 200 ? first.body?.cursor : undefined;
      if (typeof cursor === 'string' && Math.random() < 0.25) {
        await call('GET /v1/cases', 'GET', `/v1/cases?jurisdiction=${jurisdiction}${filters}&cursor=${encodeURIComponent(cursor)}`, { authorization: `Bearer ${token}` });
      }
    },

    // The origins hear of every arrival; the destinations' inboxes hold deadline notices.
    async inbox(office) {
      const r = Math.random();
      const origin = r < 0.55 ? ORIGINS[0] : pickOne(ORIGINS);
      const [code, token] = r < 0.7 ? [origin, tokens.origins[origin]!] : r < 0.8 ? [ORIGINS[0], tokens.originCounty] : [office.destination, office.token];
      const unread = Math.random() < 0.3 ? '?unread=true' : '';
      await call('GET /v1/jurisdictions/{code}/notices', 'GET', `/v1/jurisdictions/${code}/notices${unread}`, { authorization: `Bearer ${token}` });
    },

    async read(office) {
      const registration = recentCases[office.destination]!.length > 0 ? pickOne(recentCases[office.destination]!) : undefined;
      if (!registration) return steps.register(office);
      const history = Math.random() < 0.2;
      await call(history ? 'GET /v1/registrations/{id}/history' : 'GET /v1/registrations/{id}', 'GET', `/v1/registrations/${registration.id}${history ? '/history' : ''}`, {
        authorization: `Bearer ${office.token}`,
      });
    },

    // An employer, landlord or agency checks a certificate shown to them, without a token.
    async check(office) {
      if (certificates.length === 0) return steps.act(office);
      const certificate = pickOne(certificates);
      const holder = Math.random() < 0.5 ? `?idNumber=${certificate.idNumber}` : '';
      const caller = Math.floor(Math.random() * CHECKERS);
      const address = `127.${1 + Math.floor(caller / 250)}.${1 + (caller % 250)}.1`;
      await call('GET /v1/certificates/{number}', 'GET', `/v1/certificates/${certificate.number}${holder}`, {}, undefined, address);
    },
  };

  const total = Object.values(MIX).reduce((a, b) => a + b, 0);
  const pick = (): Step => {
    let r = Math.random() * total;
    for (const [step, weight] of Object.entries(MIX) as [Step, number][]) if ((r -= weight) < 0) return step;
    return 'register';
  };
  return { steps, pick };
}

// ---------------------------------------------------------------------------------------------
// The queues: depth of each consumer queue after the load, and what ended in dead letters.

interface QueueDepth {
  visible: number;
  inFlight: number;
  delayed: number;
}

async function queueWatch(endpoint: string) {
  const sqs = new SQSClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, useQueueUrlAsEndpoint: false });
  const urlOf = async (name: string) => (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl!;
  const consumed = await Promise.all(Object.keys(queues).map(async (name) => ({ name, url: await urlOf(queueName(name)) })));
  const deadLetters = await Promise.all(Object.keys(queues).map(async (name) => ({ name: `${name} (dead letters)`, url: await urlOf(deadLetterQueueName(name)) })));
  const holding = await Promise.all(Object.keys(holdingQueues).map(async (name) => ({ name, url: await urlOf(queueName(name)) })));
  const depth = async (url: string): Promise<QueueDepth> => {
    const { Attributes: a = {} } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: url,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
      }),
    );
    return { visible: Number(a.ApproximateNumberOfMessages ?? 0), inFlight: Number(a.ApproximateNumberOfMessagesNotVisible ?? 0), delayed: Number(a.ApproximateNumberOfMessagesDelayed ?? 0) };
  };
  const depths = async (list: { name: string; url: string }[]) => Object.fromEntries(await Promise.all(list.map(async (q) => [q.name, await depth(q.url)] as const)));
  return {
    consumed: () => depths(consumed),
    /** Messages no consumer takes: dead letters, and stream records the relay could not send. */
    parked: () => depths([...deadLetters, ...holding]),
    destroy: () => sqs.destroy(),
  };
}

// ---------------------------------------------------------------------------------------------
// The run.

const pad = (s: string | number, n: number) => String(s).padStart(n);
const mb = (kib: number | undefined) => (kib === undefined ? '—' : `${(kib / 1024).toFixed(1)} MB`);
const clock = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}`;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;

async function main(): Promise<number> {
  console.log(`bench:soak: starting the local stack (npm start, data in ${dataDir})…`);
  const stack = await startStack();
  const pgid = stackProcess!.pid!;
  console.log(`bench:soak: stack up at ${stack.url.origin} (pid ${stack.pid}), SQS ${stack.sqsEndpoint}; ${CLIENTS} clients for ${MINUTES} min`);

  // Tokens from the dev issuer's key in the stack's own data folder, as npm run token signs them.
  const issuer = await devIssuer(dataDir);
  const offices: Office[] = await Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => {
      const destination = DESTINATIONS[i % DESTINATIONS.length]!;
      return { destination, token: await issuer.sign({ role: 'caseworker', jurisdiction: destination, sub: `soak-caseworker-${i + 1}` }) };
    }),
  );
  const tokens: Tokens = {
    county: await issuer.sign({ role: 'supervisor', jurisdiction: '110105', sub: 'soak-supervisor-110105' }),
    origins: Object.fromEntries(await Promise.all(ORIGINS.map(async (o) => [o, await issuer.sign({ role: 'caseworker', jurisdiction: o, sub: `soak-caseworker-${o}` })] as const))),
    originCounty: await issuer.sign({ role: 'supervisor', jurisdiction: '511321', sub: 'soak-supervisor-511321' }),
  };
  const watch = await queueWatch(stack.sqsEndpoint);
  const { steps, pick } = makeTraffic(stack.url, tokens);

  const rssSamples: { atSeconds: number; rssKiB: number }[] = [];
  let rssAtWarmUp: number | undefined;
  const jvm = jvmPid(pgid);
  let jvmAtWarmUp: number | undefined;
  const started = performance.now();
  const endAt = started + RUN_MS;
  const warmUp = setTimeout(() => {
    rssAtWarmUp = rssKiB(stack.pid);
    if (jvm) jvmAtWarmUp = rssKiB(jvm);
  }, WARM_UP_MS);
  const sampler = setInterval(() => {
    const rss = rssKiB(stack.pid);
    if (rss !== undefined) rssSamples.push({ atSeconds: Math.round((performance.now() - started) / 1000), rssKiB: rss });
  }, 5000);
  const progressEvery = Math.max(10_000, Math.min(60_000, RUN_MS / 10));
  const progress = setInterval(() => {
    const elapsed = performance.now() - started;
    const errors = [...figures.values()].reduce((n, f) => n + [...f.statuses].filter(([s]) => s >= 500).reduce((m, [, c]) => m + c, 0) + f.unanswered, 0);
    console.log(`  ${clock(elapsed)}  ${pad(requestCount, 8)} requests  ${pad((requestCount / (elapsed / 1000)).toFixed(1), 6)}/s  RSS ${mb(rssKiB(stack.pid))}  5xx or unanswered ${errors}`);
  }, progressEvery);

  await Promise.all(
    offices.map(async (office) => {
      while (!interrupted && performance.now() < endAt) {
        // The stack stopping on its own is a failure to report, not a reason to spin.
        if (stackEnded) throw new Error(`the stack (pid ${stack.pid}) went away during the load:\n${printed.tail.join('\n')}`);
        await steps[pick()](office);
      }
    }),
  );
  const loadMs = performance.now() - started;
  if (interrupted) return 130;
  clearTimeout(warmUp);
  clearInterval(sampler);
  clearInterval(progress);
  const rssAtEnd = rssKiB(stack.pid);
  const jvmAtEnd = jvm ? rssKiB(jvm) : undefined;
  rssAtWarmUp ??= rssSamples[0]?.rssKiB;

  // After the load: every consumer queue empty (visible + in flight), three polls running so the
  // outbox stream's relay, which polls every 100 ms, has had its chance to add more.
  const drainStarted = performance.now();
  let drainMs: number | undefined;
  let zeroSince: number | undefined;
  let zeroPolls = 0;
  let lastDepths: Record<string, QueueDepth> = {};
  while (performance.now() - drainStarted < DRAIN_LIMIT_MS) {
    const polledAt = performance.now();
    lastDepths = await watch.consumed();
    if (Object.values(lastDepths).every((d) => d.visible + d.inFlight === 0)) {
      zeroSince ??= polledAt;
      if (++zeroPolls >= 3) {
        drainMs = zeroSince - drainStarted;
        break;
      }
    } else {
      zeroSince = undefined;
      zeroPolls = 0;
    }
    await sleep(500);
  }
  const parked = await watch.parked();
  watch.destroy();
  const rssAfterDrain = rssKiB(stack.pid);
  const builtConsole = printed.banner.includes('building the web console');

  // The report.
  const routes = [...figures.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([route, f]) => {
      const sorted = f.latencies.toSorted((a, b) => a - b);
      const count = (test: (status: number) => boolean) => [...f.statuses].filter(([s]) => test(s)).reduce((n, [, c]) => n + c, 0);
      return {
        route,
        count: f.latencies.length,
        p50Ms: Number(percentile(sorted, 50).toFixed(1)),
        p99Ms: Number(percentile(sorted, 99).toFixed(1)),
        serverErrors: count((s) => s >= 500),
        tooManyRequests: count((s) => s === 429),
        otherClientErrors: count((s) => s >= 400 && s < 500 && s !== 429),
        unanswered: f.unanswered,
        statuses: Object.fromEntries([...f.statuses].sort(([a], [b]) => a - b)),
        samples: f.samples,
      };
    });
  const totals = routes.reduce(
    (t, r) => ({ serverErrors: t.serverErrors + r.serverErrors, tooManyRequests: t.tooManyRequests + r.tooManyRequests, otherClientErrors: t.otherClientErrors + r.otherClientErrors, unanswered: t.unanswered + r.unanswered }),
    { serverErrors: 0, tooManyRequests: 0, otherClientErrors: 0, unanswered: 0 },
  );
  const allLatencies = routes.length ? [...figures.values()].flatMap((f) => f.latencies).sort((a, b) => a - b) : [];
  const growth = rssAtWarmUp && rssAtEnd ? (rssAtEnd - rssAtWarmUp) / rssAtWarmUp : undefined;
  const deadLetters = Object.entries(parked).filter(([, d]) => d.visible + d.inFlight + d.delayed > 0);
  const checks = [
    { check: 'no 5xx and every request answered', pass: totals.serverErrors === 0 && totals.unanswered === 0, detail: `${totals.serverErrors} × 5xx, ${totals.unanswered} unanswered` },
    {
      check: `API process RSS growth ≤ ${MAX_RSS_GROWTH * 100} %`,
      pass: growth !== undefined && growth <= MAX_RSS_GROWTH,
      detail: growth === undefined ? 'not measured' : `${(growth * 100).toFixed(1)} % (${mb(rssAtWarmUp)} → ${mb(rssAtEnd)})`,
    },
    { check: `queues empty within ${DRAIN_LIMIT_MS / 1000} s of the load`, pass: drainMs !== undefined, detail: drainMs === undefined ? 'still holding messages' : `${(drainMs / 1000).toFixed(1)} s` },
    { check: 'no dead letters or parked stream records', pass: deadLetters.length === 0, detail: deadLetters.length === 0 ? 'none' : deadLetters.map(([q, d]) => `${q}: ${d.visible + d.inFlight + d.delayed}`).join(', ') },
  ];

  const widths = { route: Math.max(5, ...routes.map((r) => r.route.length)) };
  const header = `  ${'route'.padEnd(widths.route)}  ${pad('count', 7)}  ${pad('p50 ms', 8)}  ${pad('p99 ms', 8)}  ${pad('5xx', 5)}  ${pad('429', 5)}  ${pad('other 4xx', 9)}  ${pad('no answer', 9)}`;
  const line = (r: { route: string; count: number; p50Ms: number; p99Ms: number; serverErrors: number; tooManyRequests: number; otherClientErrors: number; unanswered: number }) =>
    `  ${r.route.padEnd(widths.route)}  ${pad(r.count, 7)}  ${pad(r.p50Ms.toFixed(1), 8)}  ${pad(r.p99Ms.toFixed(1), 8)}  ${pad(r.serverErrors, 5)}  ${pad(r.tooManyRequests, 5)}  ${pad(r.otherClientErrors, 9)}  ${pad(r.unanswered, 9)}`;
  const out: string[] = [];
  out.push(`\nliudong soak: ${CLIENTS} clients for ${clock(loadMs)} through npm start (stack pid ${stack.pid}, ${os.cpus().length} cores, bench on Node ${process.version})\n`);
  out.push(`  requests          ${requestCount}`);
  out.push(`  requests/s        ${(requestCount / (loadMs / 1000)).toFixed(1)}`);
  out.push(`  registrations     ${reported} reported, ${issued} verified (certificates issued)`);
  out.push(`  mix (%)           ${Object.entries(MIX).map(([k, v]) => `${k} ${v}`).join(', ')}; public checks from ${CHECKERS} callers`);
  if (retried > 0) out.push(`  retried           ${retried} (a kept-alive socket closed by the server as the request left)`);
  out.push('');
  out.push(header);
  out.push(`  ${'-'.repeat(header.length - 2)}`);
  for (const r of routes) out.push(line(r));
  out.push(`  ${'-'.repeat(header.length - 2)}`);
  out.push(line({ route: 'all', count: requestCount, p50Ms: percentile(allLatencies, 50), p99Ms: percentile(allLatencies, 99), ...totals }));
  const odd = routes.filter((r) => r.samples.length > 0);
  if (odd.length > 0) {
    out.push('\n  Unexpected answers (first few per route):');
    for (const r of odd) {
      out.push(`    ${r.route}: ${Object.entries(r.statuses).map(([s, c]) => `${s}×${c}`).join(', ')}`);
      for (const s of r.samples) out.push(`      ${s}`);
    }
  }
  out.push('');
  out.push(`  API process RSS   ${mb(rssAtWarmUp)} after the warm-up (${(WARM_UP_MS / 1000).toFixed(0)} s), ${mb(rssAtEnd)} at the end of the load, ${mb(rssAfterDrain)} once the queues were empty`);
  out.push(`                    peak ${mb(Math.max(0, ...rssSamples.map((s) => s.rssKiB)))}, growth ${growth === undefined ? '—' : `${(growth * 100).toFixed(1)} %`} (limit ${MAX_RSS_GROWTH * 100} %)`);
  // ensureConsoleBuilt runs vite inside the stack's process when the console's sources changed: its memory stays there.
  if (builtConsole) out.push(`                    (npm start built the web console first, in the same process: its RSS includes what vite left behind)`);
  if (WARM_UP_MS < 180_000) out.push(`                    (a short run: the warm-up is ${(WARM_UP_MS / 1000).toFixed(0)} s, so the growth includes the stack's own warming up; runs of 10 minutes or more warm up for 3 minutes)`);
  if (jvm) out.push(`  DynamoDB Local    ${mb(jvmAtWarmUp)} → ${mb(jvmAtEnd)} (its JVM, for comparison; not checked)`);
  out.push(`  queues drained    ${drainMs === undefined ? `no: after ${DRAIN_LIMIT_MS / 1000} s` : `${(drainMs / 1000).toFixed(1)} s after the load stopped`}`);
  for (const [q, d] of Object.entries(lastDepths)) out.push(`    ${q.padEnd(30)} ${pad(d.visible, 6)} waiting  ${pad(d.inFlight, 6)} in flight  ${pad(d.delayed, 6)} delayed (not counted)`);
  for (const [q, d] of Object.entries(parked)) out.push(`    ${q.padEnd(30)} ${pad(d.visible + d.inFlight + d.delayed, 6)} parked`);
  out.push(`  stack output      ${printed.lines} lines during the run, ${printed.errorLike} of them warnings or errors`);
  for (const s of printed.samples) out.push(`    ${s}`);
  out.push('');
  for (const c of checks) out.push(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.check}: ${c.detail}`);
  console.log(out.join('\n'));

  if (values.json) {
    const report = {
      clients: CLIENTS,
      minutes: MINUTES,
      checkers: CHECKERS,
      mix: MIX,
      loadSeconds: Number((loadMs / 1000).toFixed(1)),
      requests: requestCount,
      requestsPerSecond: Number((requestCount / (loadMs / 1000)).toFixed(1)),
      registrationsReported: reported,
      certificatesIssued: issued,
      retried,
      routes,
      totals,
      rss: { builtConsoleFirst: builtConsole, warmUpSeconds: WARM_UP_MS / 1000, atWarmUpKiB: rssAtWarmUp, atEndKiB: rssAtEnd, afterDrainKiB: rssAfterDrain, growth, samples: rssSamples },
      dynamoDbLocalRss: jvm ? { atWarmUpKiB: jvmAtWarmUp, atEndKiB: jvmAtEnd } : undefined,
      queues: { drainSeconds: drainMs === undefined ? null : Number((drainMs / 1000).toFixed(1)), lastDepths, parked },
      stackOutput: { lines: printed.lines, warningsOrErrors: printed.errorLike, samples: printed.samples },
      checks,
    };
    writeFileSync(userPath(values.json), `${JSON.stringify(report, null, 2)}\n`);
  }
  return checks.every((c) => c.pass) ? 0 : 1;
}

let code: number;
try {
  code = await main();
} catch (error) {
  if (interrupted) await new Promise(() => {}); // The signal handler is stopping the stack and will exit.
  console.error(`bench:soak: ${(error as Error).message}`);
  code = 2;
}
if (!interrupted) {
  await stopStack();
  logFile?.end();
  removeScratch();
  process.exit(code);
}
