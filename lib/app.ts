// Builds the CDK app: the deployment's four stacks plus cdk-nag's AWS Solutions rules as a policy
// validation plugin, so a synth with an unacknowledged finding fails.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { LiudongDeployment } from './deployment.ts';
import { profileFor } from './profile.ts';
import { acknowledgeFindings } from './nag.ts';

/** cdk.json's context (feature flags): the CLI passes it; tests building in-process get it here. */
function cdkJsonContext(): Record<string, unknown> {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'cdk.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { context?: Record<string, unknown> }).context ?? {};
}

export function buildApp(props: AppProps = {}) {
  const app = new App({ ...props, context: { ...cdkJsonContext(), ...props.context } });
  // Environment-agnostic unless the target is known: context (-c region=… -c account=…) first,
  // then what the CLI resolved (AWS_REGION or the profile's region; us-east-1 when none is set).
  const context = (key: string) => app.node.tryGetContext(key) as string | undefined;
  const region = context('region') ?? process.env.CDK_DEFAULT_REGION;
  const account = context('account') ?? process.env.CDK_DEFAULT_ACCOUNT;
  // The China regions (aws-cn) lack Cognito, SES, SNS SMS and CloudFront's own domain: the profile says what stands in.
  const profile = profileFor(region, context);
  const deployment = new LiudongDeployment(app, { name: context('deployment'), profile, ...(region ? { env: { account, region } } : {}) });
  acknowledgeFindings(deployment);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, deployment };
}
