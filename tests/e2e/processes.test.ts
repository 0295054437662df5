// No process is left behind: `npm start` stops everything on Ctrl-C, and DynamoDB Local's JVM
// dies with its runner even when the runner is killed outright.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../local/paths.ts';
import { until } from '../support/wait.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'liudong-proc-'));
const groups: number[] = [];
afterAll(() => {
  // Should a test fail midway, leave nothing running.
  for (const group of groups) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const pid of javaWith(scratch)) process.kill(pid, 'SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const childrenOf = (pid: number): number[] => {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
};
const javaWith = (needle: string): number[] => {
  try {
    return execFileSync('pgrep', ['-f', `^java .*DynamoDBLocal.jar.*${needle}`], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
};
function output(child: ChildProcess) {
  let text = '';
  child.stdout?.on('data', (c: Buffer) => (text += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (text += c.toString()));
  return () => text;
}

describe('processes', () => {
  it('kills the DynamoDB Local JVM when its runner is SIGKILLed', async () => {
    const runner = spawn(path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['tests/support/dynamo-child.ts'], {
      cwd: PROJECT_ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    groups.push(runner.pid!);
    const text = output(runner);
    await until(() => /guard \d+/.test(text()), 30_000);
    const guard = Number(/guard (\d+)/.exec(text())![1]);
    const [jvm] = childrenOf(guard);
    expect(jvm).toBeGreaterThan(0);
    expect(alive(jvm!)).toBe(true);

    // tsx runs the script in a child node process; kill every node process of the runner.
    for (const pid of [...childrenOf(runner.pid!), runner.pid!]) process.kill(pid, 'SIGKILL');
    await until(() => !alive(jvm!) && !alive(guard), 10_000);
  });

  async function npmStart(dataDir: string) {
    const npm = spawn('npm', ['start', '--', '--port', '0', '--data-dir', dataDir], {
      cwd: PROJECT_ROOT,
      detached: true, // its own process group, as a terminal would have it
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    groups.push(npm.pid!);
    const text = output(npm);
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      npm.once('exit', (code, signal) => resolve({ code, signal })),
    );
    await until(() => text().includes('Ctrl-C stops everything'), 60_000);
    const apiUrl = /API\s+(http:\/\/\S+)/.exec(text())![1]!;
    return {
      text,
      apiUrl,
      async ctrlC() {
        process.kill(-npm.pid!, 'SIGINT');
        // npm itself may die of the SIGINT; the runner shuts down in order and exits 0.
        const { code, signal } = await exited;
        expect(code === 0 || signal === 'SIGINT').toBe(true);
        // Generous bounds: on two busy cores (another file's DynamoDB Local) shutting down takes a while.
        // On failure, say what the runner printed: a crash before the signal shows here.
        await until(() => text().includes('stopping the local stack'), 30_000).catch((error: Error) => {
          throw new Error(`${error.message}; the runner printed:\n${text().slice(-3000)}`);
        });
        await until(() => childrenOf(npm.pid!).length === 0 && !alive(npm.pid!), 30_000);
        await until(() => javaWith(dataDir).length === 0, 30_000);
      },
    };
  }

  it('npm start comes up with demo data, keeps data across a restart, and Ctrl-C stops everything', async () => {
    const dataDir = path.join(scratch, 'data');
    const first = await npmStart(dataDir);
    expect(first.text()).toContain('(demo data loaded)');
    expect(first.text()).toMatch(/export TOKEN=ey/);
    expect(javaWith(dataDir)).toHaveLength(1);
    const token = /export TOKEN=(\S+)/.exec(first.text())![1]!;
    const created = await fetch(`${first.apiUrl}/v1/registrations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        person: { name: '张三', idNumber: '11010519491231002X', phone: '13800138000' },
        originCode: '511321100',
        destinationCode: '110105001',
        arrivalDate: '2026-11-01',
        expectedStayDays: 180,
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await first.ctrlC();

    const second = await npmStart(dataDir);
    expect(second.text()).not.toContain('(demo data loaded)');
    // The dev issuer's key survived too: a token minted for the first run still works.
    const read = await fetch(`${second.apiUrl}/v1/registrations/${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(read.status).toBe(200);
    await second.ctrlC();
  }, 240_000);
});
