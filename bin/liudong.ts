// The CDK app entry point (cdk.json runs it): `npm run synth`, `npx cdk deploy`.
import { buildApp } from '../lib/app.ts';
import { ProfileError } from '../lib/profile.ts';
import { ensureConsoleBuilt } from '../local/console.ts';

// The stack uploads the built console (web/dist): build it first if its sources changed.
await ensureConsoleBuilt((line) => console.error(line));

try {
  buildApp().app.synth();
} catch (error) {
  // What the operator must add (-c options) is said in a few lines, not as a stack trace.
  if (!(error instanceof ProfileError)) throw error;
  console.error(error.message);
  process.exit(1);
}
