// Builds the CDK app: the liudong stack plus cdk-nag's AWS Solutions rules as a policy
// validation plugin, so a synth with an unacknowledged finding fails.
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { LiudongStack } from './liudong-stack.ts';
import { acknowledgeFindings } from './nag.ts';

export function buildApp(props: AppProps = {}) {
  const app = new App(props);
  // Environment-agnostic unless the CLI knows the target account and region.
  const env = process.env.CDK_DEFAULT_REGION
    ? { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION }
    : undefined;
  const stack = new LiudongStack(app, 'Liudong', env ? { env } : {});
  acknowledgeFindings(stack);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
