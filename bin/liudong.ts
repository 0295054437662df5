// The CDK app entry point (cdk.json runs it): `npm run synth`, `npx cdk deploy`.
import { buildApp } from '../lib/app.ts';

buildApp().app.synth();
