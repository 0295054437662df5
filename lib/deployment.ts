// The cloud deployment, built entirely from wiring/: every table, queue, function, route, stream
// consumer and schedule described there, and nothing that is not. Four stacks, deployed in order,
// so that none comes near CloudFormation's 500 resources and what holds data is rarely touched:
//   Data       tables, queues, buckets, keys, the user pool, e-mail identity, the API's address
//              (RETAIN, termination protection): lib/data.ts
//   Console    the console's bucket and distribution, its sign-in domain and app client: lib/console.ts
//   Functions  every function, its role and log group, queue and stream consumers, schedules: lib/workers.ts
//   Api        routes, the JWT authorizer, the stage: lib/api.ts
// Stacks after Data name its tables, queues and buckets by the physical names the wiring gives
// them (no export to pin): only stream and key ARNs, the user pool and the API cross as references.
// Each concern builds into the stack it is given, so the logical ids are those deployed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type App, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { HttpApi, HttpRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Role } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { type BucketName, type BucketSpec, buckets, type FunctionName, type HoldingQueueName, type QueueName, type TableName } from '../wiring/index.ts';
import { ApiRoutes } from './api.ts';
import { ConsoleHosting } from './console.ts';
import { DataResources, bucketNameOf } from './data.ts';
import { type Profile, profileFor } from './profile.ts';
import { Workers } from './workers.ts';

export { OLDEST_MESSAGE_ALARM_SECONDS } from './data.ts';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The stacks of one deployment, in the order they deploy. */
export const STACKS = ['Data', 'Console', 'Functions', 'Api'] as const;
export type StackRole = (typeof STACKS)[number];

export interface DeploymentProps {
  /** The deployment's name: the stacks' prefix, the events' `source`, and (lower-cased) every physical name. */
  name?: string;
  env?: StackProps['env'];
  /** The built console (web/dist by default). */
  consoleAssets?: string;
  /** Identity provider, channels and console serving (lib/profile.ts); Cognito, SES, SNS and CloudFront's domain by default. */
  profile?: Profile;
}

export class LiudongDeployment {
  readonly name: string;
  readonly stacks: Record<StackRole, Stack>;
  readonly tables = {} as Record<TableName, TableV2>;
  readonly queues = {} as Record<QueueName, { queue: Queue; deadLetterQueue: Queue }>;
  readonly holdingQueues = {} as Record<HoldingQueueName, Queue>;
  readonly buckets = {} as Record<BucketName, Bucket>;
  /** Data's buckets as the Functions stack names them (by physical name, no export). */
  readonly bucketRefs = {} as Record<BucketName, IBucket>;
  readonly functions = {} as Record<FunctionName, NodejsFunction>;
  readonly api: HttpApi;
  readonly console: ConsoleHosting;
  readonly profile: Profile;
  readonly schedulerRole: Role;
  /** Routes the wiring declares without auth (the API description). */
  readonly publicRoutes: HttpRoute[] = [];

  constructor(app: App, props: DeploymentProps = {}) {
    this.name = props.name ?? 'Liudong';
    const profile = (this.profile = props.profile ?? profileFor(props.env?.region, () => undefined));
    const stackProps = (role: StackRole, description: string): StackProps => ({
      ...(props.env ? { env: props.env } : {}),
      stackName: `${this.name}-${role}`,
      description: `liudong (${this.name}): ${description}`,
    });
    const dataStack = new Stack(app, `${this.name}-Data`, {
      ...stackProps('Data', 'tables, queues, buckets, keys, the user pool and the API address; retained'),
      terminationProtection: true,
    });
    const consoleStack = new Stack(app, `${this.name}-Console`, stackProps('Console', 'the web console behind CloudFront, its sign-in domain and app client'));
    const compute = new Stack(app, `${this.name}-Functions`, stackProps('Functions', 'functions, queue and stream consumers, schedules'));
    const edge = new Stack(app, `${this.name}-Api`, stackProps('Api', 'routes, the JWT authorizer and the stage'));
    this.stacks = { Data: dataStack, Console: consoleStack, Functions: compute, Api: edge };

    const data = new DataResources(dataStack, { name: this.name, profile });
    Object.assign(this.tables, data.tables);
    Object.assign(this.queues, data.queues);
    Object.assign(this.holdingQueues, data.holdingQueues);
    Object.assign(this.buckets, data.buckets);
    this.api = data.api;

    // ---- Console: the console and the API share one CloudFront origin, so the API needs no CORS.
    const oidc = profile.identity.kind === 'oidc' ? profile.identity : undefined;
    const uploads = (Object.keys(buckets) as BucketName[])
      .filter((name) => (buckets[name] as BucketSpec).browserUploads)
      .map((name) => Bucket.fromBucketName(consoleStack, `${name}Uploads`, bucketNameOf(this.name, name)));
    this.console = new ConsoleHosting(consoleStack, 'Console', {
      deployment: this.name,
      partition: profile.partition,
      api: this.api,
      signIn: data.userPool ? { kind: 'cognito', userPool: data.userPool } : { kind: 'oidc', issuer: oidc!.issuer },
      ...(profile.console.kind === 'cloudfront-domain' ? { domain: { name: profile.console.domain, certificateId: profile.console.certificateId } } : {}),
      uploads,
      assets: props.consoleAssets ?? path.join(PROJECT_ROOT, 'web', 'dist'),
    });
    const clientId = data.userPool ? this.console.appClient(consoleStack, data.userPool) : oidc!.audience;
    this.console.deploy(clientId);

    // ---- Functions
    const workers = new Workers(compute, {
      name: this.name,
      profile,
      data,
      prefixes: (app.node.tryGetContext('prefixes') as string | undefined) ?? '',
      // Only where an edge function writes the viewer's address (not in China, where a viewer could set it).
      ...(profile.partition !== 'aws-cn' ? { originVerify: this.console.originVerify.secretValue.unsafeUnwrap() } : {}),
    });
    Object.assign(this.functions, workers.functions);
    Object.assign(this.bucketRefs, workers.bucketRefs);
    this.schedulerRole = workers.schedulerRole;

    // ---- Api: the Functions stack deploys first, so the routes find its functions by name.
    edge.addStackDependency(compute);
    const routes = new ApiRoutes(edge, {
      name: this.name,
      api: this.api,
      issuer: data.userPool ? { userPoolId: data.userPool.userPoolId } : { url: oidc!.issuer },
      audience: clientId,
    });
    this.publicRoutes.push(...routes.publicRoutes);

    new CfnOutput(consoleStack, 'ConsoleUrl', { value: this.console.url, description: 'The console, and the API under /v1' });
    if (this.console.signInDomain) new CfnOutput(consoleStack, 'SignInDomain', { value: this.console.signInDomain.baseUrl() });
    if (data.userPool) new CfnOutput(consoleStack, 'UserPoolClientId', { value: clientId });
    new CfnOutput(dataStack, 'ApiUrl', { value: this.api.apiEndpoint });
    if (data.userPool) new CfnOutput(dataStack, 'UserPoolId', { value: data.userPool.userPoolId });
  }
}
