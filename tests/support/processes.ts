// `npm start` as a user runs it, in its own process group, and what is left of it afterwards:
// shared by the process tests, the crash test and the recovery bench.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { PROJECT_ROOT } from '../../local/paths.ts';
import { until } from './wait.ts';

export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export const childrenOf = (pid: number): number[] => {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

/**
 * The live processes of a process group (`npm start` and all it started), by its group id, from
 * /proc: a zombie is not counted, as PID 1 here may not reap orphans.
 */
export function groupMembers(group: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === group && state !== 'Z') members.push(Number(entry));
    } catch {
      // Gone while we looked.
    }
  }
  return members;
}

/** DynamoDB Local JVMs whose command line names `needle` (a data folder). */
export const javaWith = (needle: string): number[] => {
  try {
    return execFileSync('pgrep', ['-f', `^java .*DynamoDBLocal.jar.*${needle}`], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

/** Everything a child prints, stdout and stderr together. */
export function output(child: ChildProcess): () => string {
  let text = '';
  child.stdout?.on('data', (c: Buffer) => (text += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (text += c.toString()));
  return () => text;
}

export interface StartedStack {
  /** The process group (npm's pid). */
  group: number;
  apiUrl: string;
  text: () => string;
  exited: Promise<{ code: number | null; signal: string | null }>;
}

/** Runs `npm start -- <args>` in its own process group, as a terminal would, until it says it is up. */
export async function npmStart(args: readonly string[], timeoutMs = 90_000): Promise<StartedStack> {
  const npm = spawn('npm', ['start', '--', ...args], {
    cwd: PROJECT_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const text = output(npm);
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => npm.once('exit', (code, signal) => resolve({ code, signal })));
  const up = await until(() => text().includes('Ctrl-C stops everything') || npm.exitCode !== null, timeoutMs).then(
    () => text().includes('Ctrl-C stops everything'),
    () => false,
  );
  if (!up) {
    // Nothing of a failed start is left running.
    try {
      process.kill(-npm.pid!, 'SIGKILL');
    } catch {
      // ended already
    }
    throw new Error(`npm start did not come up; it printed:\n${text().slice(-3000)}`);
  }
  return { group: npm.pid!, apiUrl: /API\s+(http:\/\/\S+)/.exec(text())![1]!, text, exited };
}

/** SIGKILL to the whole group (API, workers, the queue emulator, DynamoDB Local's runner), then waits until nothing of it is left. */
export async function killGroup(stack: StartedStack, dataDir: string): Promise<void> {
  try {
    process.kill(-stack.group, 'SIGKILL');
  } catch {
    // gone already
  }
  await until(() => groupMembers(stack.group).length === 0, 30_000);
  // The JVM runs under a guard in its own group; it dies when the runner's pipe closes.
  await until(() => javaWith(dataDir).length === 0, 30_000);
}

/** Ctrl-C as a terminal sends it (SIGINT to the group); resolves once everything has stopped, with how npm ended. */
export async function ctrlC(stack: StartedStack, dataDir: string): Promise<{ code: number | null; signal: string | null }> {
  process.kill(-stack.group, 'SIGINT');
  const ended = await stack.exited;
  // Generous bounds: on two busy cores (another file's DynamoDB Local) shutting down takes a while.
  // On failure, say what the runner printed: a crash before the signal shows here.
  await until(() => stack.text().includes('stopping the local stack'), 30_000).catch((error: Error) => {
    throw new Error(`${error.message}; the runner printed:\n${stack.text().slice(-3000)}`);
  });
  await until(() => groupMembers(stack.group).length === 0, 30_000);
  await until(() => javaWith(dataDir).length === 0, 30_000);
  return ended;
}
