// What the operator CLIs (schedule, dlq, report, reconcile, import) share: finding the running
// local stack of a data folder (npm start records its URL and pid in <data>/stack.json), a token
// from that stack's dev issuer, one request to its operator routes, and one clear line, never a
// stack trace, when anything fails.
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { type DevIssuer, devIssuer } from './dev-issuer.ts';
import { DEFAULT_DATA_DIR, readStackRecord } from './paths.ts';

export const failWith = (cli: string) => (message: string): never => {
  console.error(`${cli}: ${message}`);
  process.exit(2);
};

/** node:util's parseArgs, with a mistyped option reported in one line instead of a stack trace. */
export function parseCli<T extends ParseArgsConfig>(cli: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    return failWith(cli)((error as Error).message);
  }
}

/** The options every operator CLI takes: the stack's data folder (as `npm run token`), or its URL. */
export const STACK_OPTIONS = {
  'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
  /** Overrides the lookup: the API's origin, e.g. http://127.0.0.1:4000. */
  api: { type: 'string' },
} as const;

export interface StackArgs {
  'data-dir'?: string | undefined;
  api?: string | undefined;
}

/** A folder as the user would type it: relative to where they are when it is below it. */
export function displayDir(dataDir: string): string {
  const absolute = path.resolve(dataDir);
  const relative = path.relative(process.cwd(), absolute);
  const shown = relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  return /\s/.test(shown) ? JSON.stringify(shown) : shown;
}

/** The command that starts the stack of this data folder. */
export const startCommand = (dataDir: string) =>
  path.resolve(dataDir) === DEFAULT_DATA_DIR ? 'npm start' : `npm start -- --data-dir ${displayDir(dataDir)}`;

export const noStackMessage = (dataDir: string, why?: string) =>
  `no local stack is running for ${displayDir(dataDir)} (${why ? `${why}; ` : ''}start it with: ${startCommand(dataDir)})`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type StackLookup = { running: true; url: string; pid: number } | { running: false; why?: string };

/**
 * The local stack running for a data folder: its record (written by npm start once it listens),
 * a process with the recorded pid still alive, and the recorded URL answering with this folder's
 * dev-issuer key (not some other stack or program that took the port since).
 */
export async function findLocalStack(dataDir: string, options: { timeoutMs?: number } = {}): Promise<StackLookup> {
  const record = readStackRecord(dataDir);
  if (!record) return { running: false };
  if (!alive(record.pid)) return { running: false, why: `the stack recorded there, pid ${record.pid}, has exited` };
  let keys: { x?: string; y?: string }[];
  try {
    const response = await fetch(`${record.url}/.well-known/jwks.json`, { signal: AbortSignal.timeout(options.timeoutMs ?? 5000) });
    if (!response.ok) return { running: false, why: `${record.url} answers, but not as a local stack` };
    keys = ((await response.json()) as { keys?: { x?: string; y?: string }[] }).keys ?? [];
  } catch {
    return { running: false, why: `nothing answers at ${record.url}` };
  }
  // The record exists, so the stack made this folder's keys when it started.
  const [ours] = (await devIssuer(dataDir)).jwks.keys;
  if (!keys.some((k) => k.x === ours?.x && k.y === ours?.y)) return { running: false, why: `the stack at ${record.url} is another data folder's` };
  return { running: true, url: record.url, pid: record.pid };
}

/** Whether an error is the connection failing (nothing listening, reset), not an answer. */
export function isConnectionFailure(error: unknown): boolean {
  const codes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);
  const code = (e: unknown) => (e as { code?: unknown } | undefined)?.code;
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  return (error instanceof TypeError && error.message === 'fetch failed') || codes.has(String(code(error))) || codes.has(String(code(cause)));
}

const reasonOf = (error: unknown) => {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
};

export interface OperatorTarget {
  /** The API's origin. */
  api: string;
  dataDir: string;
  /** The dev issuer of the data folder, to sign the CLI's token. */
  issuer: DevIssuer;
  /** Exits with one line saying the stack no longer answers. */
  unreachable(error: unknown): never;
}

/**
 * The stack an operator CLI talks to: --api when given, else the one running for --data-dir (the
 * default data folder when not given). Exits 2 with one line when no stack is running there.
 */
export async function connectToStack(cli: string, args: StackArgs): Promise<OperatorTarget> {
  const fail = failWith(cli);
  const dataDir = args['data-dir'] ?? DEFAULT_DATA_DIR;
  if (args.api) {
    const api = args.api.replace(/\/+$/, '');
    if (!URL.canParse(api)) fail(`--api must be the stack's URL, such as http://127.0.0.1:3000`);
    return {
      api,
      dataDir,
      issuer: await devIssuer(dataDir),
      unreachable: (error) => fail(`nothing answers at ${api} (${reasonOf(error)}; is the local stack running there? start it with: ${startCommand(dataDir)})`),
    };
  }
  const found = await findLocalStack(dataDir);
  if (!found.running) return fail(noStackMessage(dataDir, found.why));
  return {
    api: found.url,
    dataDir,
    issuer: await devIssuer(dataDir),
    unreachable: () => fail(noStackMessage(dataDir, `it stopped answering at ${found.url}`)),
  };
}

/** Sends one operator request as an administrator and prints the answer; exits 2 with the reason on any failure. */
export async function operatorRequest(cli: string, args: StackArgs, method: 'GET' | 'POST', path: string, payload?: unknown): Promise<void> {
  const fail = failWith(cli);
  const stack = await connectToStack(cli, args);
  const token = await stack.issuer.sign({ role: 'admin' });
  const headers = { authorization: `Bearer ${token}`, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) };
  const response = await fetch(`${stack.api}${path}`, { method, headers, ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}) }).catch((error: unknown) =>
    stack.unreachable(error),
  );
  const body = await response.text().catch((error: unknown) => stack.unreachable(error));
  if (!response.ok) fail(`${response.status}: ${body}`);
  console.log(body);
}
