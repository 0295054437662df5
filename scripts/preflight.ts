// What `npm start` and `npm test` need besides Node, checked before they start anything: Java for
// DynamoDB Local (both), and for the console's browser tests Debian's chromium with CJK fonts
// (npm test, when those tests run). What is missing is installed with apt-get when this runs as
// root on Debian or Ubuntu (as .ci/run does), announced in one line; otherwise the run stops at
// once with one line naming the command that installs it. The decision (`decide`) takes its
// probes as an argument, so it is tested without uninstalling anything.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Need = 'java' | 'chromium' | 'fonts';

/** Where Debian's fonts-noto-cjk puts its fonts. */
export const CJK_FONTS_DIR = '/usr/share/fonts/opentype/noto';
/** The browser the console tests launch unless CHROMIUM_PATH names another. */
export const chromiumPath = (env: Record<string, string | undefined>) => env.CHROMIUM_PATH || '/usr/bin/chromium';

/** What the machine is asked; the real ones are `systemProbes()`, tests pass their own. */
export interface Probes {
  /** Whether an executable of that name is on PATH. */
  hasCommand(name: string): boolean;
  exists(file: string): boolean;
  isRoot(): boolean;
  env: Record<string, string | undefined>;
}

interface Requirement {
  /** What it is and why, for the one line. */
  what: string;
  aptPackage: string;
  /** What to install where there is no apt-get. */
  otherwise: string;
  present(probes: Probes): boolean;
}

const REQUIREMENTS: Record<Need, Requirement> = {
  java: {
    what: 'Java 17+ (DynamoDB Local runs on it)',
    aptPackage: 'openjdk-17-jre-headless',
    otherwise: 'a Java 17+ runtime with `java` on PATH',
    present: (p) => p.hasCommand('java'),
  },
  chromium: {
    what: "chromium (the console's browser tests)",
    aptPackage: 'chromium',
    otherwise: 'Chromium or Chrome and set CHROMIUM_PATH to its binary',
    present: (p) => p.exists(chromiumPath(p.env)),
  },
  fonts: {
    what: 'CJK fonts (the Chinese on the console screenshots)',
    aptPackage: 'fonts-noto-cjk',
    otherwise: 'Noto CJK fonts',
    // A browser of one's own (CHROMIUM_PATH) comes with the system's own fonts.
    present: (p) => Boolean(p.env.CHROMIUM_PATH) || p.exists(CJK_FONTS_DIR),
  },
};

const ORDER: Need[] = ['java', 'chromium', 'fonts'];

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** The apt-get command that installs these packages (with sudo for anyone but root). */
export function aptCommand(packages: string[], root: boolean): string {
  const sudo = root ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

export type Decision =
  | { action: 'ok' }
  | { action: 'install'; packages: string[]; announce: string }
  | { action: 'stop'; message: string };

/** Which of the needs are missing, in a stable order. */
export function missing(needs: Need[], probes: Probes): Need[] {
  return ORDER.filter((n) => needs.includes(n) && !REQUIREMENTS[n].present(probes));
}

/**
 * The one line that says what is missing and the one command that installs it, without installing
 * anything (what local/dynamodb.ts says when Java is missing after all).
 */
export function missingMessage(who: string, lacking: Need[], probes: Probes): string {
  const what = list(lacking.map((n) => REQUIREMENTS[n].what));
  const chromium = chromiumPath(probes.env);
  if (lacking.includes('chromium') && probes.env.CHROMIUM_PATH)
    return `${who} needs ${REQUIREMENTS.chromium.what}, but CHROMIUM_PATH=${chromium} is no file: point it at a Chromium or Chrome binary, or unset it to use Debian's chromium`;
  if (!probes.hasCommand('apt-get'))
    return `${who} needs ${what}, missing on this machine, which has no apt-get: install ${list(lacking.map((n) => REQUIREMENTS[n].otherwise))}, then try again`;
  return `${who} needs ${what}, missing on this machine; install with: ${aptCommand(lacking.map((n) => REQUIREMENTS[n].aptPackage), probes.isRoot())}`;
}

/** What to do about `needs` on this machine: nothing, install with apt-get (root), or stop with the command to run. */
export function decide(who: string, needs: Need[], probes: Probes): Decision {
  const lacking = missing(needs, probes);
  if (lacking.length === 0) return { action: 'ok' };
  const installable = probes.isRoot() && probes.hasCommand('apt-get') && !(lacking.includes('chromium') && probes.env.CHROMIUM_PATH);
  if (!installable) return { action: 'stop', message: missingMessage(who, lacking, probes) };
  const packages = lacking.map((n) => REQUIREMENTS[n].aptPackage);
  return { action: 'install', packages, announce: `${who}: installing ${list(lacking.map((n) => REQUIREMENTS[n].what))} with apt-get (${packages.join(' ')})…` };
}

function onPath(name: string, env: Record<string, string | undefined>): boolean {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      if (statSync(file).isFile()) return true;
    } catch {
      // not here
    }
  }
  return false;
}

export function systemProbes(env: Record<string, string | undefined> = process.env): Probes {
  return {
    hasCommand: (name) => onPath(name, env),
    exists: (file) => statSync(file, { throwIfNoEntry: false }) !== undefined,
    isRoot: () => process.getuid?.() === 0,
    env,
  };
}

/** Runs apt-get update and install, its output on the terminal; the exit status. */
export function aptInstall(packages: string[], environment: Record<string, string | undefined> = process.env): number {
  const env = { ...environment, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...packages]]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (run.status !== 0) return run.status ?? 1;
  }
  return 0;
}

export type Outcome = { ok: true } | { ok: false; message: string };

/** Checks the needs and installs what is missing when it may; else the one line to stop with. */
export function preflight(
  who: string,
  needs: Need[],
  deps: { probes?: Probes; install?: (packages: string[]) => number; log?: (line: string) => void } = {},
): Outcome {
  const probes = deps.probes ?? systemProbes();
  const decision = decide(who, needs, probes);
  if (decision.action === 'ok') return { ok: true };
  if (decision.action === 'stop') return { ok: false, message: decision.message };
  (deps.log ?? console.log)(decision.announce);
  const status = (deps.install ?? ((packages) => aptInstall(packages, probes.env)))(decision.packages);
  if (status !== 0) return { ok: false, message: `${who}: apt-get could not install ${decision.packages.join(' ')} (exit ${status}, its output is above); once fixed, run: ${aptCommand(decision.packages, true)}` };
  const still = missing(needs, probes);
  if (still.length > 0) return { ok: false, message: `${who}: after apt-get installed ${decision.packages.join(' ')}, still missing: ${list(still.map((n) => REQUIREMENTS[n].what))}` };
  return { ok: true };
}

/** preflight() for a command line: prints the one line and exits 1 when something is missing. */
export function preflightOrExit(who: string, needs: Need[]): void {
  const outcome = preflight(who, needs);
  if (outcome.ok) return;
  console.error(outcome.message);
  process.exit(1);
}

/** Thrown (by local/dynamodb.ts) when a prerequisite turns out missing; its message is the one line to show. */
export class MissingPrerequisite extends Error {
  override name = 'MissingPrerequisite';
}

/**
 * What a test run needs, from the files it runs: Java for the DynamoDB Local integration and end-
 * to-end tests, chromium and the fonts for files that drive a browser (playwright-core).
 */
export function needsForTestFiles(files: string[], read: (file: string) => string = (f) => readFileSync(f, 'utf8')): Need[] {
  const needs = new Set<Need>();
  for (const file of files) {
    const posix = file.split(path.sep).join('/');
    if (/(^|\/)tests\/(e2e|integration)\//.test(posix)) needs.add('java');
    let source = '';
    try {
      source = read(file);
    } catch {
      // a file that vanished runs nothing
    }
    if (/from ['"]playwright-core['"]/.test(source)) needs.add('chromium').add('fonts');
  }
  return ORDER.filter((n) => needs.has(n));
}

// `tsx scripts/preflight.ts`: everything the whole suite needs (.ci/run calls it before npm test).
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(fileURLToPath(import.meta.url))) {
  preflightOrExit('.ci/run', [...ORDER]);
}
