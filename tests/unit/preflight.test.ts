// What npm start and npm test do about Java, chromium and CJK fonts (scripts/preflight.ts): nothing
// when present; install with apt-get when root on Debian/Ubuntu, saying so in one line; otherwise
// stop at once with one line and the command to run. Decided with made-up probes; the apt-get run
// is a fake apt-get on a PATH of its own; nothing on this machine is installed or removed.
import { runChild } from '../support/child.ts';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDynamoDbLocal } from '../../local/dynamodb.ts';
import { PROJECT_ROOT } from '../../local/paths.ts';
import { CJK_FONTS_DIR, MissingPrerequisite, type Probes, decide, needsForTestFiles, preflight, systemProbes } from '../../scripts/preflight.ts';

/** A machine with these commands and files, as root or not. */
function machine(options: { commands?: string[]; files?: string[]; root?: boolean; env?: Record<string, string> }): Probes & { commands: Set<string>; files: Set<string> } {
  const commands = new Set(options.commands ?? []);
  const files = new Set(options.files ?? []);
  return {
    commands,
    files,
    hasCommand: (name) => commands.has(name),
    exists: (file) => files.has(file),
    isRoot: () => options.root ?? false,
    env: options.env ?? {},
  };
}

const EVERYTHING = { commands: ['java', 'apt-get'], files: ['/usr/bin/chromium', CJK_FONTS_DIR] };
const JAVA_APT = 'openjdk-17-jre-headless';

const root = mkdtempSync(path.join(os.tmpdir(), 'liudong-preflight-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('deciding what to do', () => {
  it('nothing, when what is needed is there (root or not)', () => {
    expect(decide('npm test', ['java', 'chromium', 'fonts'], machine({ ...EVERYTHING, root: false }))).toEqual({ action: 'ok' });
    expect(decide('npm start', ['java'], machine({ commands: ['java'] }))).toEqual({ action: 'ok' });
    // npm start needs no browser.
    expect(decide('npm start', ['java'], machine({ commands: ['java'], root: true }))).toEqual({ action: 'ok' });
  });

  it('installs with apt-get as root, announcing it in one line', () => {
    const decision = decide('npm start', ['java'], machine({ commands: ['apt-get'], root: true }));
    expect(decision).toEqual({ action: 'install', packages: [JAVA_APT], announce: `npm start: installing Java 17+ (DynamoDB Local runs on it) with apt-get (${JAVA_APT})…` });
    expect(decide('npm test', ['java', 'chromium', 'fonts'], machine({ commands: ['apt-get'], root: true }))).toMatchObject({
      action: 'install',
      packages: [JAVA_APT, 'chromium', 'fonts-noto-cjk'],
    });
    // Only what is missing.
    expect(decide('npm test', ['java', 'chromium', 'fonts'], machine({ commands: ['apt-get', 'java'], files: ['/usr/bin/chromium'], root: true }))).toMatchObject({
      action: 'install',
      packages: ['fonts-noto-cjk'],
    });
  });

  it('not root: stops with the one sudo apt-get command', () => {
    expect(decide('npm start', ['java'], machine({ commands: ['apt-get'], root: false }))).toEqual({
      action: 'stop',
      message: `npm start needs Java 17+ (DynamoDB Local runs on it), missing on this machine; install with: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${JAVA_APT}`,
    });
    const decision = decide('npm test', ['java', 'chromium', 'fonts'], machine({ commands: ['apt-get', 'java'], root: false }));
    expect(decision).toEqual({
      action: 'stop',
      message:
        "npm test needs chromium (the console's browser tests) and CJK fonts (the Chinese on the console screenshots), missing on this machine; install with: sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium fonts-noto-cjk",
    });
  });

  it('no apt-get, root or not: stops saying what to install', () => {
    for (const root of [true, false]) {
      const decision = decide('npm start', ['java'], machine({ root }));
      expect(decision).toEqual({
        action: 'stop',
        message: 'npm start needs Java 17+ (DynamoDB Local runs on it), missing on this machine, which has no apt-get: install a Java 17+ runtime with `java` on PATH, then try again',
      });
    }
  });

  it('CHROMIUM_PATH: that browser is the one looked for (and brings its own fonts); apt-get cannot put one there', () => {
    const own = { CHROMIUM_PATH: '/opt/chrome/chrome' };
    expect(decide('npm test', ['java', 'chromium', 'fonts'], machine({ commands: ['java'], files: ['/opt/chrome/chrome'], env: own }))).toEqual({ action: 'ok' });
    const decision = decide('npm test', ['chromium', 'fonts'], machine({ commands: ['apt-get'], files: ['/usr/bin/chromium'], root: true, env: own }));
    expect(decision).toEqual({
      action: 'stop',
      message: "npm test needs chromium (the console's browser tests), but CHROMIUM_PATH=/opt/chrome/chrome is no file: point it at a Chromium or Chrome binary, or unset it to use Debian's chromium",
    });
  });

  it('every message is one line', () => {
    const cases = [
      machine({ commands: ['apt-get'] }),
      machine({}),
      machine({ root: true }),
      machine({ commands: ['apt-get'], env: { CHROMIUM_PATH: '/nowhere' } }),
    ];
    for (const probes of cases) {
      const decision = decide('npm test', ['java', 'chromium', 'fonts'], probes);
      expect(decision.action).toBe('stop');
      if (decision.action === 'stop') expect(decision.message).not.toContain('\n');
    }
  });
});

describe('preflight', () => {
  it('installs, then checks again', () => {
    const probes = machine({ commands: ['apt-get'], root: true });
    const installed: string[][] = [];
    const lines: string[] = [];
    const outcome = preflight('npm start', ['java'], {
      probes,
      log: (line) => lines.push(line),
      install: (packages) => {
        installed.push(packages);
        probes.commands.add('java');
        return 0;
      },
    });
    expect(outcome).toEqual({ ok: true });
    expect(installed).toEqual([[JAVA_APT]]);
    expect(lines).toEqual([`npm start: installing Java 17+ (DynamoDB Local runs on it) with apt-get (${JAVA_APT})…`]);
  });

  it('an apt-get that fails, or installs without the command appearing: one line to stop with', () => {
    const failing = preflight('npm start', ['java'], { probes: machine({ commands: ['apt-get'], root: true }), log: () => undefined, install: () => 100 });
    expect(failing).toEqual({
      ok: false,
      message: `npm start: apt-get could not install ${JAVA_APT} (exit 100, its output is above); once fixed, run: apt-get update && apt-get install -y --no-install-recommends ${JAVA_APT}`,
    });
    const useless = preflight('npm start', ['java'], { probes: machine({ commands: ['apt-get'], root: true }), log: () => undefined, install: () => 0 });
    expect(useless).toEqual({ ok: false, message: `npm start: after apt-get installed ${JAVA_APT}, still missing: Java 17+ (DynamoDB Local runs on it)` });
  });

  it('never installs when not root, and never without apt-get', () => {
    for (const probes of [machine({ commands: ['apt-get'], root: false }), machine({ root: true })]) {
      let called = false;
      const outcome = preflight('npm start', ['java'], { probes, install: () => ((called = true), 0) });
      expect(outcome.ok).toBe(false);
      expect(called).toBe(false);
    }
  });

  it('runs apt-get update then install, found on PATH (a fake apt-get here, that "installs" a java)', () => {
    const bin = path.join(root, 'fake-bin');
    mkdirSync(bin, { recursive: true });
    const log = path.join(root, 'apt-get.log');
    writeFileSync(
      path.join(bin, 'apt-get'),
      `#!/bin/sh\necho "$DEBIAN_FRONTEND $*" >> '${log}'\nif [ "$1" = install ]; then printf '#!/bin/sh\\n' > '${bin}/java'; /bin/chmod +x '${bin}/java'; fi\n`,
    );
    chmodSync(path.join(bin, 'apt-get'), 0o755);
    const probes = { ...systemProbes({ PATH: bin }), isRoot: () => true };
    expect(probes.hasCommand('java')).toBe(false);
    expect(preflight('npm start', ['java'], { probes, log: () => undefined })).toEqual({ ok: true });
    expect(readFileSync(log, 'utf8')).toBe(`noninteractive update\nnoninteractive install -y --no-install-recommends ${JAVA_APT}\n`);
  });
});

describe('what a test run needs', () => {
  const sources: Record<string, string> = {
    '/p/tests/unit/cron.test.ts': "import { it } from 'vitest';",
    '/p/tests/cdk/synth.test.ts': "import { it } from 'vitest';",
    '/p/tests/integration/store.test.ts': "import { startTestDynamo } from '../support/dynamodb.ts';",
    '/p/tests/e2e/registration.test.ts': "import { useLocalStack } from '../support/local-api.ts';",
    '/p/tests/e2e/console.test.ts': "import { type Browser, chromium } from 'playwright-core';",
  };
  const read = (file: string) => sources[file] ?? '';

  it('unit and CDK tests: nothing; DynamoDB Local tests: Java; a browser test: chromium and fonts too', () => {
    expect(needsForTestFiles(['/p/tests/unit/cron.test.ts', '/p/tests/cdk/synth.test.ts'], read)).toEqual([]);
    expect(needsForTestFiles(['/p/tests/unit/cron.test.ts', '/p/tests/integration/store.test.ts'], read)).toEqual(['java']);
    expect(needsForTestFiles(['/p/tests/e2e/registration.test.ts'], read)).toEqual(['java']);
    expect(needsForTestFiles(Object.keys(sources), read)).toEqual(['java', 'chromium', 'fonts']);
  });

  it('the real console test is recognised as a browser test', () => {
    expect(needsForTestFiles([path.join(PROJECT_ROOT, 'tests/e2e/console.test.ts')])).toEqual(['java', 'chromium', 'fonts']);
  });
});

describe('without Java', () => {
  const empty = path.join(root, 'empty-bin');
  mkdirSync(empty, { recursive: true });

  it('DynamoDB Local refuses to start with the one line, not a spawn error', async () => {
    const saved = process.env.PATH;
    process.env.PATH = empty;
    try {
      const error = await startDynamoDbLocal().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MissingPrerequisite);
      expect((error as Error).message).toBe(
        'liudong needs Java 17+ (DynamoDB Local runs on it), missing on this machine, which has no apt-get: install a Java 17+ runtime with `java` on PATH, then try again',
      );
    } finally {
      process.env.PATH = saved;
    }
  });

  it('npm start stops at once with one line and a non-zero exit (here without apt-get on PATH, so nothing is installed)', async () => {
    const run = await runChild(process.execPath, ['--import', 'tsx', 'local/start.ts', '--data-dir', path.join(root, 'data')], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PATH: empty, NODE_OPTIONS: '--disable-warning=ExperimentalWarning' },
    });
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'npm start needs Java 17+ (DynamoDB Local runs on it), missing on this machine, which has no apt-get: install a Java 17+ runtime with `java` on PATH, then try again\n',
    );
    expect(run.code).toBe(1);
  });
});
