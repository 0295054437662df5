// Builds the CDK app: the liudong stack plus cdk-nag's AWS Solutions rules as a policy
// validation plugin, so a synth with an unacknowledged finding fails.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { LiudongStack } from './liudong-stack.ts';
import { acknowledgeFindings } from './nag.ts';

/** cdk.json's context (feature flags): the CLI passes it; tests building in-process get it here. */
function cdkJsonContext(): Record<string, unknown> {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'cdk.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { context?: Record<string, unknown> }).context ?? {};
}

export function buildApp(props: AppProps = {}) {
  const app = new App({ ...props, context: { ...cdkJsonContext(), ...props.context } });
  // Environment-agnostic unless the CLI knows the target account and region.
  const env = process.env.CDK_DEFAULT_REGION
    ? { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION }
    : undefined;
  const stack = new LiudongStack(app, 'Liudong', env ? { env } : {});
  acknowledgeFindings(stack);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
