// cdk-nag findings acknowledged on purpose, each by its full id, with the reason.
import { Aws, DefaultStackSynthesizer, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
// cdk-nag's own rendering of a CloudFormation value into a finding id (not exported from its index).
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import { buckets, functions, schedules } from '../wiring/index.ts';
import type { LiudongDeployment } from './deployment.ts';

/**
 * A value as cdk-nag writes it in a finding id, in this stack's environment: `<AWS::Region>` when
 * the stack is environment-agnostic, `us-east-1` when the CLI pinned it, and `aws` or `aws-cn` for
 * the partition once the region is known. Acknowledgements built from it hold in any region and partition.
 */
export function nagValue(scope: IConstruct, value: string): string {
  return flattenCfnReference(Stack.of(scope).resolve(value));
}

/** AWS's basic execution policy, as CDK's own handlers attach it (its ARN names the partition by the pseudo parameter in any region). */
const basicExecutionPolicy = (scope: IConstruct) =>
  `Policy::${nagValue(scope, `arn:${Aws.PARTITION}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole`)}`;

/** CDK's bootstrap bucket of file assets for this stack's account and region. */
function assetObjects(scope: IConstruct): string {
  const stack = Stack.of(scope);
  const qualifier = (stack.node.tryGetContext('@aws-cdk/core:bootstrapQualifier') as string | undefined) ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  return nagValue(scope, `arn:${stack.partition}:s3:::cdk-${qualifier}-assets-${stack.account}-${stack.region}/*`);
}

/** The logical id of a construct's resource in its own stack, as cdk-nag names it in a reference. */
const logicalIdOf = (construct: IConstruct) => Stack.of(construct).getLogicalId(construct.node.defaultChild as never);

export function acknowledgeFindings(deployment: LiudongDeployment): void {
  for (const fn of Object.values(deployment.functions)) {
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Lambda runs nodejs22.x on purpose: the project pins Node 22 for its scripts and tests (node@22 devDependency).',
    });
  }
  for (const [name, fn] of Object.entries(deployment.functions)) {
    const role = fn.role!;
    const sms = 'sendsMessages' in functions[name as keyof typeof functions];
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.' +
        (sms ? ' SMS: sns:Publish to a phone number has no resource ARN; a Deny on every topic ARN keeps it to SMS.' : ''),
    });
    // Objects under a bucket's prefix, the bucket named as the Functions stack names it (by its physical name).
    const spec = functions[name as keyof typeof functions] as { buckets?: Partial<Record<keyof typeof buckets, string>> };
    for (const bucket of Object.keys(spec.buckets ?? {}) as (keyof typeof buckets)[]) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${nagValue(role, deployment.bucketRefs[bucket].arnForObjects(`${buckets[bucket].prefix}*`))}]`,
        reason: `Objects under the ${buckets[bucket].prefix} prefix: each import or report has its own key, not known when the policy is written.`,
      });
    }
  }
  for (const spec of schedules) {
    const fn = deployment.functions[spec.function];
    Validations.of(deployment.schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(fn)}.Arn>:*]`,
      reason: 'EventBridge Scheduler may invoke any version or alias of the scheduled function it targets.',
    });
  }
  for (const queue of Object.values(deployment.holdingQueues)) {
    Validations.of(queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'A holding queue is itself where failures end (an on-failure destination), read by operators, not a worker.',
    });
  }
  for (const [name, bucket] of Object.entries(deployment.buckets)) {
    Validations.of(bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        name === 'imports'
          ? `The ${name} bucket holds transient uploads (deleted after ${buckets.imports.expireDays} days) read once by the import worker; who started each import is recorded in the table.`
          : `The ${name} bucket is written only by the report schedule and read through the API; each publication is recorded in the statistics table.`,
    });
  }
  // The custom resource CDK uses to set S3 event notifications (a bucket notification has no CloudFormation resource of its own).
  for (const node of deployment.stacks.Data.node.findAll().filter((c) => c.node.id.startsWith('BucketNotificationsHandler'))) {
    Validations.of(node).acknowledge({
      id: `AwsSolutions-IAM4[${basicExecutionPolicy(node)}]`,
      reason: "CDK's own bucket-notifications handler runs only at deployment; its role is CDK's, with the basic execution policy.",
    });
    Validations.of(node).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: "CDK's bucket-notifications handler calls s3:PutBucketNotification, which it scopes to no resource.",
    });
  }
  acknowledgeConsoleFindings(deployment);
  for (const route of deployment.publicRoutes) {
    Validations.of(route).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'GET /v1/openapi.json and /v1/events/schemas are the public API and event descriptions; they reveal no case data.',
    });
  }
}

function acknowledgeConsoleFindings(deployment: LiudongDeployment): void {
  const hosting = deployment.console;
  const stack = Stack.of(hosting);
  const findings: [IConstruct, string, string][] = [
    [
      hosting.distribution,
      'AwsSolutions-CFR1',
      'People use the console wherever they are (a person reads their own case, a landlord checks a certificate); access is decided by sign-in and the authorisation table, not by country.',
    ],
    ...(stack.node.tryGetContext('webAclArn')
      ? []
      : [
          [
            hosting.distribution,
            'AwsSolutions-CFR2',
            'A CloudFront web ACL lives in us-east-1, outside this stack: pass its ARN as context webAclArn to attach it. Meanwhile the API stage throttles and the public check limits each caller.',
          ] as [IConstruct, string, string],
        ]),
    [
      hosting.distribution,
      'AwsSolutions-CFR4',
      "The distribution answers on CloudFront's default *.cloudfront.net certificate, whose minimum protocol CloudFront fixes; a deployment on its own domain sets a certificate with TLSv1.2_2021.",
    ],
    [
      hosting.originVerify,
      'AwsSolutions-SMG4',
      'The value lives in the distribution and the check function, set at deployment; a rotation takes a redeploy, and the secret only guards a rate limit.',
    ],
    [hosting.logs, 'AwsSolutions-S1', 'This is the access-log bucket itself (the distribution and the console bucket log into it).'],
    ...(deployment.profile.partition === 'aws-cn'
      ? [
          [
            hosting.distribution,
            'AwsSolutions-CFR7',
            "CloudFront in AWS's China regions offers no origin access control: the console bucket is read through an origin access identity, still private.",
          ] as [IConstruct, string, string],
        ]
      : []),
  ];
  for (const [node, id, reason] of findings) Validations.of(node).acknowledge({ id, reason });
  // CDK's own handler that copies the built console into the bucket and invalidates the distribution at deployment.
  const site = logicalIdOf(hosting.site);
  const handlers = stack.node.findAll().filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  const deploymentFindings: [string, string][] = [
    ['AwsSolutions-L1', 'CDK pins the runtime of its bucket-deployment handler, which runs only at deployment.'],
    [`AwsSolutions-IAM4[${basicExecutionPolicy(stack)}]`, "CDK's bucket-deployment handler logs with the basic execution policy."],
    ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map(
      (action): [string, string] => [`AwsSolutions-IAM5[Action::${action}]`, `CDK's bucket-deployment handler reads the asset and writes the console bucket (${action}, as CDK grants it).`],
    ),
    [`AwsSolutions-IAM5[Resource::${assetObjects(stack)}]`, "The console's files arrive as an asset in CDK's bootstrap bucket."],
    [`AwsSolutions-IAM5[Resource::<${site}.Arn>/*]`, "The handler writes the console's files, whose names (content hashes) change with each build."],
    ['AwsSolutions-IAM5[Resource::*]', 'cloudfront:CreateInvalidation and GetInvalidation take no resource-level condition in the policy CDK writes.'],
  ];
  for (const node of handlers) for (const [id, reason] of deploymentFindings) Validations.of(node).acknowledge({ id, reason });
}
