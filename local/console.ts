// The web console on the local stack: built from web/ when its sources (or the core rules it
// imports) changed since the last build, and served on the API's own origin. The sign-in here
// is local only: it lists the demo accounts and signs them in through the dev issuer; neither
// the list nor its token route exists in the CDK stack (there, Cognito's hosted UI signs in).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { consoleContentSecurityPolicy } from '../wiring/console.ts';
import type { TokenRequest } from './dev-issuer.ts';
import { PROJECT_ROOT } from './paths.ts';

export const CONSOLE_DIR = path.join(PROJECT_ROOT, 'web', 'dist');
const STAMP = path.join(CONSOLE_DIR, '.sources');

/** Every file the build reads: web/'s sources and the core and wiring it imports, and this builder. */
function sourcesHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (name === 'dist' || name === 'node_modules') continue;
      if (statSync(file).isDirectory()) walk(file);
      else hash.update(file).update(readFileSync(file));
    }
  };
  walk(path.join(PROJECT_ROOT, 'web'));
  walk(path.join(PROJECT_ROOT, 'core'));
  walk(path.join(PROJECT_ROOT, 'wiring'));
  // How it is built counts too (this file).
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  hash.update(readFileSync(path.join(PROJECT_ROOT, 'package-lock.json')));
  return hash.digest('hex');
}

/** Builds the console unless web/dist was built from these very sources. */
export async function ensureConsoleBuilt(log: (line: string) => void = () => undefined): Promise<void> {
  const wanted = sourcesHash();
  const current = () => existsSync(STAMP) && readFileSync(STAMP, 'utf8') === wanted;
  if (current()) return;
  // Test files run in parallel and the CDK app reads web/dist too: one build at a time, and none
  // while another process may be reading a finished one.
  await withBuildLock(async () => {
    if (current()) return;
    log('building the web console (its sources changed)…');
    const { build } = await import('vite');
    // Always the production build: under vitest NODE_ENV is `test`, which would give React's
    // development build (and JSX's dev runtime) to whoever is served this web/dist next.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: path.join(PROJECT_ROOT, 'web', 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
    writeFileSync(STAMP, wanted);
  });
}

const LOCK = path.join(PROJECT_ROOT, 'web', '.build-lock');

async function withBuildLock(fn: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A build takes seconds; a lock minutes old was left by a process that died.
      const since = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 180_000) rmSync(LOCK, { recursive: true, force: true });
      else await sleep(250);
    }
  }
  try {
    await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/** Serves a file of the built console; any other path gets index.html (the console routes itself). */
export function serveConsole(pathname: string, res: http.ServerResponse): boolean {
  if (!existsSync(CONSOLE_DIR)) return false;
  const wanted = path.normalize(path.join(CONSOLE_DIR, decodeURIComponent(pathname)));
  const inside = wanted.startsWith(CONSOLE_DIR + path.sep);
  const file = inside && existsSync(wanted) && statSync(wanted).isFile() ? wanted : path.join(CONSOLE_DIR, 'index.html');
  if (!existsSync(file)) return false;
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    // Hashed assets never change; the page itself is always fetched again.
    'cache-control': file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    'content-security-policy': consoleContentSecurityPolicy(),
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
  });
  res.end(readFileSync(file));
  return true;
}

/** The local stack's demo accounts: a caseworker of each demo township, supervisors, a person, an agency, an admin. */
export const DEMO_ACCOUNTS: ({ id: string; label: string } & TokenRequest)[] = [
  { id: 'caseworker-110105001', label: '建外街道 工作人员', role: 'caseworker', jurisdiction: '110105001' },
  { id: 'caseworker-110105002', label: '朝外街道 工作人员', role: 'caseworker', jurisdiction: '110105002' },
  { id: 'caseworker-110108001', label: '万寿路街道 工作人员', role: 'caseworker', jurisdiction: '110108001' },
  { id: 'caseworker-511321100', label: '南隆镇 工作人员', role: 'caseworker', jurisdiction: '511321100' },
  { id: 'caseworker-511321101', label: '大桥镇 工作人员', role: 'caseworker', jurisdiction: '511321101' },
  { id: 'caseworker-510104001', label: '督院街街道 工作人员', role: 'caseworker', jurisdiction: '510104001' },
  { id: 'supervisor-110105', label: '朝阳区 督导', role: 'supervisor', jurisdiction: '110105' },
  { id: 'person-11010519491231002X', label: '张三（本人）', role: 'person', idNumber: '11010519491231002X' },
  { id: 'agency-police-bj', label: '北京市公安局（机构）', role: 'agency', agency: 'police-bj', jurisdiction: '11' },
  { id: 'admin', label: '系统管理员', role: 'admin' },
];
