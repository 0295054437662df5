// No process is left behind: `npm start` stops everything on Ctrl-C, and DynamoDB Local's JVM
// dies with its runner even when the runner is killed outright.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../local/paths.ts';
import { until } from '../support/wait.ts';
import { alive, childrenOf, ctrlC, javaWith, npmStart as startStack, output } from '../support/processes.ts';

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
    const stack = await startStack(['--port', '0', '--data-dir', dataDir]);
    groups.push(stack.group);
    return {
      text: stack.text,
      apiUrl: stack.apiUrl,
      async ctrlC() {
        // npm itself may die of the SIGINT; the runner shuts down in order and exits 0.
        const { code, signal } = await ctrlC(stack, dataDir);
        expect(code === 0 || signal === 'SIGINT').toBe(true);
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
