// npm start: the local stack with persistent state in .data/ (npm start -- --reset wipes it).
// Java is checked first (installed when it may be, else one line with the command to run:
// scripts/preflight.ts). Once the API listens, the stack's URL and pid are recorded in
// <data>/stack.json, where the operator CLIs (npm run schedule, dlq, report, reconcile, import)
// find it; a clean stop removes the record.
import { rmSync } from 'node:fs';
import { MissingPrerequisite, preflightOrExit } from '../scripts/preflight.ts';
import { displayDir, findLocalStack, parseCli } from './operator-client.ts';
import { DEFAULT_DATA_DIR, removeStackRecord, writeStackRecord } from './paths.ts';
import { nextRun } from './scheduler.ts';
import { ensureConsoleBuilt } from './console.ts';
import { type LocalStack, startLocalStack } from './stack.ts';
import { schedules } from '../wiring/index.ts';
import { now, setClock } from '../functions/shared/clock.ts';

const { values } = parseCli('start', {
  options: {
    reset: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
    data: { type: 'string' },
    // This deployment's jurisdiction prefixes (federation): --prefixes 51 or 11,12.
    prefixes: { type: 'string', default: process.env.DEPLOYMENT_PREFIXES ?? '' },
    // Another name in the deployment's CloudEvents `source` (two local stacks side by side).
    name: { type: 'string', default: process.env.DEPLOYMENT_NAME ?? 'local' },
    // The stack's clock starts at this instant and runs on (a demo of a given day, a test's fixture).
    clock: { type: 'string' },
  },
});

const dataDir = values.data ?? values['data-dir'];
if (values.prefixes && !values.prefixes.split(',').every((p) => /^\d{2,12}$/.test(p.trim()))) {
  console.error('start: --prefixes must be jurisdiction code prefixes, comma-separated (51 or 11,12)');
  process.exit(2);
}
// DynamoDB Local runs on Java: installed now (root, apt-get) or named in one line, before anything starts.
preflightOrExit('npm start', ['java']);
// One stack per data folder: a second would share DynamoDB Local's files with the first (and --reset would wipe them under it).
const running = await findLocalStack(dataDir);
if (running.running) {
  console.error(`start: a local stack is already running for ${displayDir(dataDir)} at ${running.url} (pid ${running.pid}); stop it (Ctrl-C) first, or start another one with --data-dir <folder> --port <port>`);
  process.exit(2);
}
if (values.clock !== undefined) {
  if (Number.isNaN(Date.parse(values.clock))) {
    console.error(`start: --clock must be an instant such as 2026-12-07T10:00:00+08:00, not ${values.clock}`);
    process.exit(2);
  }
  setClock(values.clock);
}
process.env.DEPLOYMENT_PREFIXES = values.prefixes;
process.env.DEPLOYMENT_NAME = values.name;
if (values.reset) {
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`reset: removed ${dataDir}`);
}

// The web console is built when its sources changed since the last build (seconds), then served on the API's origin.
await ensureConsoleBuilt((line) => console.log(line));
let stack: LocalStack;
try {
  stack = await startLocalStack({ dataDir, apiPort: Number(values.port), schedules: true });
} catch (error) {
  // The causes a developer can fix, in one line: no Java after all, the port taken.
  if (error instanceof MissingPrerequisite) console.error(error.message);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error(`start: port ${values.port} is taken (another npm start?); stop that, or choose another with: npm start -- --port 4000`);
  else throw error;
  process.exit(1);
}
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the local stack…`);
  removeStackRecord(dataDir);
  await stack.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
// Where the operator CLIs find this stack; also removed if the process ends some other way it can.
writeStackRecord(dataDir, { url: stack.apiUrl, pid: process.pid, startedAt: new Date().toISOString() });
process.on('exit', () => removeStackRecord(dataDir));

const schedulesNext = schedules
  .map((s) => `  ${s.function.padEnd(14)} ${s.cron} (${s.timeZone}), next ${nextRun(s, new Date())?.toISOString()}`)
  .join('\n');
const token = await stack.issuer.sign({ role: 'caseworker', jurisdiction: '110105001' });
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now());
console.log(`Open the console: ${stack.apiUrl}/  (sign in with a demo account)

liudong local stack is up${stack.seeded ? ' (demo data loaded)' : ''}

  Console      ${stack.apiUrl}/
  API          ${stack.apiUrl}
  OpenAPI      ${stack.apiUrl}/v1/openapi.json
  DynamoDB     ${stack.dynamoEndpoint} (DynamoDB Local)
  SQS          ${stack.sqsEndpoint} (fauxqs)
  Data         ${dataDir}${values.prefixes ? `\n  Prefixes     ${values.prefixes} (peers: /v1/federation/peers)` : ''}

Schedules:
${schedulesNext}

A caseworker token for 建外街道 (110105001), valid 12 hours:

  export TOKEN=${token}

Register an arrival from 南隆镇 (511321100), Sichuan:

  curl -s -X POST ${stack.apiUrl}/v1/registrations \\
    -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
    -d '{"person":{"name":"张三","idNumber":"11010519491231002X","phone":"13800138000"},"originCode":"511321100","destinationCode":"110105001","arrivalDate":"${today}","expectedStayDays":180}'

Then verify it (issues a verification certificate), and check that certificate without a token:

  curl -s -X POST ${stack.apiUrl}/v1/registrations/<id>/verify -H "authorization: Bearer $TOKEN"
  curl -s ${stack.apiUrl}/v1/certificates/<verificationCertificate.number>?idNumber=11010519491231002X

Other tokens: npm run token -- --role caseworker --jurisdiction 511321100
              npm run token -- --role supervisor --jurisdiction 110105
              npm run token -- --role admin
              npm run token -- --role person --id-number 11010519491231002X
Ctrl-C stops everything.`);
