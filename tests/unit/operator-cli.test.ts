// The operator CLIs (npm run schedule, dlq, report, reconcile, import) find the running local stack
// through its data folder: npm start records its URL and pid in <data>/stack.json. Here a small
// HTTP server plays the stack (it answers the dev issuer's keys as the real one does); the CLIs run
// as child processes, as a developer runs them, and a folder without a running stack gets one line.
import { spawn } from 'node:child_process';
import { type Ran, runChild } from '../support/child.ts';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevIssuer, devIssuer } from '../../local/dev-issuer.ts';
import { freePort } from '../../local/net.ts';
import { findLocalStack } from '../../local/operator-client.ts';
import { PROJECT_ROOT, readStackRecord, removeStackRecord, stackFile, writeStackRecord } from '../../local/paths.ts';

const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

/** Runs `npx tsx local/<script>.ts ...args` from the project root, as `npm run <script> -- ...args` does. */
function runCli(script: string, args: string[]): Promise<Ran> {
  return runChild(TSX, [`local/${script}.ts`, ...args], { cwd: PROJECT_ROOT, env: process.env });
}

interface FakeStack {
  url: string;
  /** Each request other than the keys': method, path and query, and the caller's role. */
  seen: { method: string; path: string; role: string }[];
  close(): Promise<void>;
}

/** An HTTP server answering as a local stack of the issuer's data folder: its keys, and a JSON answer to anything else. */
async function fakeStack(issuer: DevIssuer): Promise<FakeStack> {
  const seen: FakeStack['seen'] = [];
  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.url === '/.well-known/jwks.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(issuer.jwks));
      const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
      const role = await issuer.verify(token).then((claims) => claims['custom:role'] ?? '', () => 'invalid');
      seen.push({ method: req.method ?? '', path: req.url ?? '', role });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ answered: req.url }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** A pid no process has any more: a child's, once it has exited. */
async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

const AT = '2026-12-20T09:00:00+08:00';
const root = mkdtempSync(path.join(os.tmpdir(), 'liudong-operator-cli-'));
const folder = (name: string) => path.join(root, name);
let running: string;
let issuer: DevIssuer;
let stack: FakeStack;
const stacks: FakeStack[] = [];

beforeAll(async () => {
  running = folder('running');
  issuer = await devIssuer(running);
  stack = await fakeStack(issuer);
  stacks.push(stack);
  // As npm start does once its API listens (the pid: a live process, this one).
  writeStackRecord(running, { url: stack.url, pid: process.pid, startedAt: new Date().toISOString() });
});
afterAll(async () => {
  await Promise.all(stacks.map((s) => s.close()));
  rmSync(root, { recursive: true, force: true });
});

/** Exactly one line on stderr, none on stdout, no stack trace, a non-zero exit. */
function expectOneLine(run: { code: number | null; stdout: string; stderr: string }): string {
  expect(run.code).not.toBe(0);
  expect(run.code).not.toBeNull();
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  return lines[0]!;
}

describe('finding the stack of a data folder', () => {
  it('resolves the URL npm start recorded when its process is alive and answers with the folder’s keys', async () => {
    expect(readStackRecord(running)).toMatchObject({ url: stack.url, pid: process.pid });
    expect(await findLocalStack(running)).toEqual({ running: true, url: stack.url, pid: process.pid });
  });

  it('finds nothing without a record, or when the recorded process has exited, or when nothing answers, or another folder’s stack answers', async () => {
    expect(await findLocalStack(folder('never-started'))).toEqual({ running: false });
    // Looking created nothing in that folder.
    expect(existsSync(folder('never-started'))).toBe(false);

    const crashed = folder('crashed');
    const pid = await exitedPid();
    writeStackRecord(crashed, { url: stack.url, pid, startedAt: '' });
    expect(await findLocalStack(crashed)).toEqual({ running: false, why: `the stack recorded there, pid ${pid}, has exited` });

    const silent = folder('silent');
    const url = `http://127.0.0.1:${await freePort()}`;
    writeStackRecord(silent, { url, pid: process.pid, startedAt: '' });
    expect(await findLocalStack(silent)).toEqual({ running: false, why: `nothing answers at ${url}` });

    // Its keys are not the ones the running stack (of another folder) answers with.
    const elsewhere = folder('elsewhere');
    await devIssuer(elsewhere);
    writeStackRecord(elsewhere, { url: stack.url, pid: process.pid, startedAt: '' });
    expect(await findLocalStack(elsewhere)).toEqual({ running: false, why: `the stack at ${stack.url} is another data folder's` });
  });

  it('a clean stop removes the record only if it is still its own', () => {
    const dir = folder('records');
    writeStackRecord(dir, { url: 'http://127.0.0.1:1', pid: 4242, startedAt: '' });
    removeStackRecord(dir, 4343);
    expect(existsSync(stackFile(dir))).toBe(true);
    removeStackRecord(dir, 4242);
    expect(existsSync(stackFile(dir))).toBe(false);
  });
});

describe('the operator CLIs', () => {
  it('npm run schedule and npm run dlq reach the stack recorded in --data-dir, whatever its port, as an administrator', async () => {
    const [schedule, dlq] = await Promise.all([
      runCli('schedule', ['sweepDeadlines', '--at', AT, '--data-dir', running]),
      runCli('dlq', ['list', '--data-dir', running]),
    ]);
    expect(schedule.stderr).toBe('');
    expect(schedule.code).toBe(0);
    expect(JSON.parse(schedule.stdout)).toEqual({ answered: '/_local/schedules/sweepDeadlines?at=2026-12-20T01%3A00%3A00.000Z' });
    expect(dlq.code).toBe(0);
    expect(stack.seen).toEqual(
      expect.arrayContaining([
        { method: 'POST', path: '/_local/schedules/sweepDeadlines?at=2026-12-20T01%3A00%3A00.000Z', role: 'admin' },
        { method: 'GET', path: '/_local/dead-letters', role: 'admin' },
      ]),
    );
  });

  it('--api overrides the recorded stack', async () => {
    const dir = folder('overridden');
    const keys = await devIssuer(dir);
    const recorded = await fakeStack(keys);
    const named = await fakeStack(keys);
    stacks.push(recorded, named);
    writeStackRecord(dir, { url: recorded.url, pid: process.pid, startedAt: '' });
    const run = await runCli('report', ['--jurisdiction', '1101', '--period', '2026-11', '--data-dir', dir, '--api', named.url]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(named.seen).toEqual([{ method: 'POST', path: '/_local/schedules/publishReports', role: 'admin' }]);
    expect(recorded.seen).toEqual([]);
  });

  it('a folder with no running stack: one line saying so and how to start it, a non-zero exit, for each CLI', async () => {
    const none = folder('no-stack');
    const crashed = folder('crashed-stack');
    const pid = await exitedPid();
    writeStackRecord(crashed, { url: stack.url, pid, startedAt: '' });
    const csv = path.join(root, 'staff.csv');
    writeFileSync(csv, 'name,idNumber\n');
    const start = (dir: string) => `start it with: npm start -- --data-dir ${dir}`;

    const [schedule, dlq, report, reconcile, importing] = await Promise.all([
      runCli('schedule', ['sweepDeadlines', '--at', AT, '--data-dir', none]),
      runCli('dlq', ['list', '--data-dir', crashed]),
      runCli('report', ['--jurisdiction', '1101', '--period', '2026-11', '--data-dir', none]),
      runCli('reconcile', ['--jurisdiction', '110105', '--period', '2026-11', '--data-dir', crashed]),
      runCli('import', [csv, '--destination', '110105001', '--data-dir', none]),
    ]);
    expect(expectOneLine(schedule)).toBe(`schedule: no local stack is running for ${none} (${start(none)})`);
    expect(expectOneLine(dlq)).toBe(`dlq: no local stack is running for ${crashed} (the stack recorded there, pid ${pid}, has exited; ${start(crashed)})`);
    expect(expectOneLine(report)).toBe(`report: no local stack is running for ${none} (${start(none)})`);
    expect(expectOneLine(reconcile)).toBe(`reconcile: no local stack is running for ${crashed} (the stack recorded there, pid ${pid}, has exited; ${start(crashed)})`);
    expect(expectOneLine(importing)).toBe(`import: no local stack is running for ${none} (${start(none)})`);
    // Asking made no data folder (nor keys) where there was none.
    expect(existsSync(none)).toBe(false);
  });

  it('--api naming a port nothing listens on: one line too', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const line = expectOneLine(await runCli('schedule', ['sweepDeadlines', '--data-dir', running, '--api', url]));
    expect(line).toMatch(new RegExp(`^schedule: nothing answers at ${url} \\(ECONNREFUSED; is the local stack running there\\? start it with: npm start -- --data-dir .+\\)$`));
  });

  it('a mistyped option: one line, not a stack trace', async () => {
    const line = expectOneLine(await runCli('dlq', ['list', '--data', running]));
    expect(line).toMatch(/^dlq: Unknown option '--data'/);
  });
});
