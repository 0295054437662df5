// Where the local stack keeps its state: a git-ignored folder, removed by `npm start -- --reset`.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DATA_DIR = path.join(PROJECT_ROOT, '.data');

/**
 * What `npm start` records in its data folder while it runs (`<data>/stack.json`), so the operator
 * CLIs (schedule, dlq, report, reconcile, import) find its API whatever --port it was given.
 */
export interface StackRecord {
  /** The API's origin, e.g. http://127.0.0.1:4000. */
  url: string;
  /** The process running the stack. */
  pid: number;
  startedAt: string;
}

export const stackFile = (dataDir: string) => path.join(dataDir, 'stack.json');

/** Written once the API listens (write then rename: a reader never sees half a file). */
export function writeStackRecord(dataDir: string, record: StackRecord): void {
  mkdirSync(dataDir, { recursive: true });
  const file = stackFile(dataDir);
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(partial, file);
}

/** The recorded stack, or undefined when there is no record (or not a readable one). */
export function readStackRecord(dataDir: string): StackRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(stackFile(dataDir), 'utf8')) as Partial<StackRecord>;
    if (typeof record.url !== 'string' || !Number.isInteger(record.pid) || record.pid! <= 0) return undefined;
    return { url: record.url.replace(/\/+$/, ''), pid: record.pid!, startedAt: String(record.startedAt ?? '') };
  } catch {
    return undefined;
  }
}

/** Removes the record on shutdown, if it is still this process's (another start may have replaced it). */
export function removeStackRecord(dataDir: string, pid = process.pid): void {
  if (readStackRecord(dataDir)?.pid === pid) rmSync(stackFile(dataDir), { force: true });
}
