// `npm run synth` as a user types it, offline, as a child process: the CDK CLI resolves a region
// (us-east-1 when none is configured) and pins the stacks to it, which an in-process synth never
// sees; cdk-nag must still find nothing unacknowledged. esbuild bundles every function, and the
// bundles load and answer on Node 22 without the project's sources beside them.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STACKS } from '../../lib/deployment.ts';
import { functions } from '../../wiring/index.ts';
import { CHINA } from '../support/china.ts';
import { runChild } from '../support/child.ts';
import { httpEvent, lambdaContext } from '../support/events.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const temporary: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temporary.push(dir);
  return dir;
};
afterAll(() => temporary.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Synth {
  status: number | null;
  output: string;
  outdir: string;
  /** Each stack's environment as the cloud assembly records it (aws://account/region). */
  environments: Record<string, string>;
}

/** `npm run synth -- -o <dir> …args` with nothing of AWS configured but what `env` says (no profile: an empty HOME). */
async function synth(args: string[], env: Record<string, string> = {}): Promise<Synth> {
  const outdir = tempDir('liudong-cli-synth-');
  const unset = Object.fromEntries(Object.keys(process.env).filter((k) => /^(AWS_(?!CA_BUNDLE)|CDK_)/.test(k)).map((k) => [k, undefined]));
  const ran = await runChild('npm', ['run', '-s', 'synth', '--', '-o', outdir, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...unset, HOME: tempDir('liudong-home-'), ...env } as NodeJS.ProcessEnv,
  });
  const manifestFile = path.join(outdir, 'manifest.json');
  const artifacts = existsSync(manifestFile)
    ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as { artifacts: Record<string, { environment?: string }> }).artifacts
    : {};
  const environments = Object.fromEntries(Object.entries(artifacts).filter(([, a]) => a.environment).map(([id, a]) => [id, a.environment!]));
  return { status: ran.code, output: ran.stdout + ran.stderr, outdir, environments };
}

const stackIds = STACKS.map((role) => `Liudong-${role}`);
let plain: Synth;
let china: Synth;
beforeAll(async () => {
  // One after the other: each bundles every function on the machine's two cores.
  // CDK_DEFAULT_REGION is the CLI's to set: with no region configured it resolves us-east-1 over it.
  plain = await synth([], { CDK_DEFAULT_REGION: 'ap-east-1' });
  // The China partition, with the command README's Deploying section gives (tests/support/china.ts reads it from there).
  china = await synth(Object.entries(CHINA).flatMap(([key, value]) => ['-c', `${key}=${value}`]));
}, 400_000);

describe('npm run synth, as the CDK CLI runs it', () => {
  it('passes with no region configured (CDK_DEFAULT_REGION=ap-east-1 in the environment, which the CLI overrides): it pins us-east-1 and every acknowledgement still matches', () => {
    expect(plain.status, plain.output).toBe(0);
    expect(plain.output).not.toMatch(/ERROR|Synthesis finished with errors/);
    expect(plain.output).not.toMatch(/approaching allowed maximum/);
    expect(plain.environments).toEqual(Object.fromEntries(stackIds.map((id) => [id, 'aws://unknown-account/us-east-1'])));
  });

  it("passes in AWS's China regions (aws-cn, cn-north-1) with an explicit account: CloudFormation's check of every resource type there included", () => {
    expect(china.status, china.output).toBe(0);
    expect(china.output).not.toMatch(/ERROR|Synthesis finished with errors/);
    expect(china.environments).toEqual(Object.fromEntries(stackIds.map((id) => [id, `aws://${CHINA.account}/${CHINA.region}`])));
  });
});

describe('the bundles it builds', () => {
  const bundles = () => {
    // The functions live in the Functions stack; ours are the nodejs22.x ones (CDK's own handlers are elsewhere).
    const template = JSON.parse(readFileSync(path.join(plain.outdir, 'Liudong-Functions.template.json'), 'utf8')) as {
      Resources: Record<string, { Type: string; Properties: { Description?: string; Runtime?: string }; Metadata?: Record<string, string> }>;
    };
    return Object.values(template.Resources)
      .filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Runtime === 'nodejs22.x')
      .map((r) => ({ description: r.Properties.Description, dir: path.join(plain.outdir, r.Metadata!['aws:asset:path']!) }));
  };

  it('bundles every function as an ESM module', () => {
    expect(bundles()).toHaveLength(Object.keys(functions).length);
    for (const bundle of bundles()) expect(existsSync(path.join(bundle.dir, 'index.mjs')), bundle.description).toBe(true);
  });

  it('produces bundles that load and answer', async () => {
    const openapi = bundles().find((b) => b.description === functions.openapi.description)!;
    const module = (await import(pathToFileURL(path.join(openapi.dir, 'index.mjs')).href)) as {
      handler: (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string }>;
    };
    const response = await module.handler(httpEvent({ path: '/v1/openapi.json', claims: undefined }), lambdaContext());
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body).openapi).toBe('3.1.0');
  });
});
