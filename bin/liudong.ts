// The CDK app entry point (cdk.json runs it): `npm run synth`, `npx cdk deploy`.
import { buildApp } from '../lib/app.ts';
import { ensureConsoleBuilt } from '../local/console.ts';

// The stack uploads the built console (web/dist): build it first if its sources changed.
await ensureConsoleBuilt((line) => console.error(line));

buildApp().app.synth();
