// A real synth, as `npx cdk synth` does it: esbuild bundles every function offline, and the
// bundles load and answer on Node 22 without the project's sources beside them.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../lib/app.ts';
import { ensureConsoleBuilt } from '../../local/console.ts';
import { functions } from '../../wiring/index.ts';
import { httpEvent, lambdaContext } from '../support/events.ts';

// The stack uploads the built console.
await ensureConsoleBuilt();
const outdir = mkdtempSync(path.join(os.tmpdir(), 'liudong-synth-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('cdk synth with bundling', () => {
  // Asset metadata names each function's bundle folder, as the CLI asks for it.
  const { app } = buildApp({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
  app.synth();
  const template = JSON.parse(readFileSync(path.join(outdir, 'Liudong.template.json'), 'utf8')) as {
    Resources: Record<string, { Type: string; Properties: { Description?: string; Runtime?: string }; Metadata?: Record<string, string> }>;
  };
  // Ours (CDK's inline bucket-notifications handler has no bundle).
  const bundles = Object.values(template.Resources)
    .filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Runtime === 'nodejs22.x')
    .map((r) => ({ description: r.Properties.Description, dir: path.join(outdir, r.Metadata!['aws:asset:path']!) }));

  it('bundles every function as an ESM module', () => {
    expect(bundles).toHaveLength(Object.keys(functions).length);
    for (const bundle of bundles) expect(existsSync(path.join(bundle.dir, 'index.mjs')), bundle.description).toBe(true);
  });

  it('produces bundles that load and answer', async () => {
    const openapi = bundles.find((b) => b.description === functions.openapi.description)!;
    const module = (await import(pathToFileURL(path.join(openapi.dir, 'index.mjs')).href)) as {
      handler: (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string }>;
    };
    const response = await module.handler(httpEvent({ path: '/v1/openapi.json', claims: undefined }), lambdaContext());
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body).openapi).toBe('3.1.0');
  });
});
