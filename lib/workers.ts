// The Functions stack's concern: every function of wiring/ with a role of its own (what its spec
// touches and nothing else), its queue and stream consumers, the schedules and the calendar
// alarm. Data's tables, queues and buckets are named by their physical names (no export to pin).
// Built into the stack it is given, so every logical id stays as deployed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArnFormat, Duration, type Stack, TimeZone } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, FilterCriteria, FilterRule, Runtime, StartingPosition, Tracing } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { type IQueue, Queue } from 'aws-cdk-lib/aws-sqs';
import { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import {
  type Access,
  type BucketName,
  buckets,
  CLAIM_ENV,
  environmentFor,
  type FunctionName,
  type FunctionSpec,
  functions,
  physicalName,
  type QueueName,
  queues,
  schedules,
  streams,
  type TableName,
  tables,
} from '../wiring/index.ts';
import { toAwsCron } from './cron.ts';
import { type DataResources, bucketNameOf } from './data.ts';
import type { Profile } from './profile.ts';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What a reading function may do on a table and its indexes (named one by one: no wildcard). */
const TABLE_READ = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'];
const TABLE_WRITE = ['dynamodb:BatchWriteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'];

export interface WorkersProps {
  name: string;
  profile: Profile;
  data: DataResources;
  /** The jurisdiction prefixes this deployment serves (context `prefixes`, e.g. 11,12); empty: all. */
  prefixes: string;
  /** The console distribution's secret beside the viewer's address, where an edge function writes it. */
  originVerify?: string;
}

export class Workers {
  readonly functions = {} as Record<FunctionName, NodejsFunction>;
  /** Data's buckets as the Functions stack names them (by physical name, no export). */
  readonly bucketRefs = {} as Record<BucketName, IBucket>;
  readonly schedulerRole: Role;
  private readonly props: WorkersProps;

  constructor(compute: Stack, props: WorkersProps) {
    this.props = props;
    const { profile, data, prefixes } = props;
    const named = (name: string) => physicalName(props.name, name);
    const oidc = profile.identity.kind === 'oidc' ? profile.identity : undefined;
    // Data's tables, queues and buckets as the Functions stack names them: by physical name.
    const tableArn = (t: TableName) => compute.formatArn({ service: 'dynamodb', resource: 'table', resourceName: named(t) });
    const queueRef = (id: string, name: string): IQueue =>
      Queue.fromQueueAttributes(compute, id, { queueArn: compute.formatArn({ service: 'sqs', resource: named(name) }), queueName: named(name) });
    const queueRefs = Object.fromEntries((Object.keys(queues) as QueueName[]).map((q) => [q, queueRef(`${q}QueueRef`, q)])) as Record<QueueName, IQueue>;
    for (const b of Object.keys(buckets) as BucketName[]) this.bucketRefs[b] = Bucket.fromBucketName(compute, `${b}BucketRef`, bucketNameOf(props.name, b));

    for (const [name, spec] of Object.entries(functions) as [FunctionName, FunctionSpec][]) {
      // A role of its own with no managed policy: it may write its own log group and nothing else.
      const logGroup = new LogGroup(compute, `${name}Logs`, { retention: RetentionDays.SIX_MONTHS });
      const role = new Role(compute, `${name}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
      role.addToPolicy(new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
      const fn = new NodejsFunction(compute, `${name}Function`, {
        functionName: named(name),
        role,
        entry: path.join(PROJECT_ROOT, spec.entry),
        handler: 'handler',
        description: spec.description,
        runtime: Runtime.NODEJS_22_X,
        architecture: Architecture.ARM_64,
        timeout: Duration.seconds(spec.timeoutSeconds),
        memorySize: spec.memoryMb,
        // X-Ray's integration with Lambda is not offered in AWS's China regions.
        tracing: profile.partition === 'aws-cn' ? Tracing.DISABLED : Tracing.ACTIVE,
        logGroup,
        environment: {
          POWERTOOLS_SERVICE_NAME: 'liudong',
          POWERTOOLS_METRICS_NAMESPACE: 'liudong',
          ...environmentFor(name, {
            table: (t) => named(t),
            queueUrl: (q) => queueRefs[q].queueUrl,
            bucket: (b) => bucketNameOf(props.name, b),
          }),
          // Events name their deployment in `source` and point `dataschema` at this API's event catalogue.
          API_URL: data.api.apiEndpoint,
          DEPLOYMENT_NAME: props.name,
          // Federation: the jurisdiction prefixes this deployment serves (context `prefixes`, e.g. 11,12);
          // events whose other side lies elsewhere go to the peer that serves it.
          ...(prefixes ? { DEPLOYMENT_PREFIXES: prefixes } : {}),
        },
        bundling: {
          format: OutputFormat.ESM,
          target: 'node22',
          sourceMap: true,
          minify: true,
          // ESM bundles still meet CommonJS dependencies that call require().
          banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
          forceDockerBundling: false,
        },
      });
      for (const [table, access] of Object.entries(spec.tables) as [TableName, Access][]) {
        const arn = tableArn(table);
        const indexes = tables[table].indexes.map((index) => `${arn}/index/${index.name}`);
        // Append-only (the audit): inserting items is all it may do; no update, no delete, no batch write.
        if (access === 'append') role.addToPolicy(new PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [arn] }));
        else role.addToPolicy(new PolicyStatement({ actions: access === 'read' ? TABLE_READ : [...TABLE_READ, ...TABLE_WRITE], resources: [arn, ...indexes] }));
      }
      // Functions that hold cases seal and open personal data (KMS data keys) and index it (KMS HMAC).
      if ('cases' in spec.tables || 'deliveries' in spec.tables) {
        fn.addEnvironment('PERSONAL_DATA_KEY_ID', data.personalDataKey.keyArn);
        fn.addEnvironment('BLIND_INDEX_KEY_ID', data.blindIndexKey.keyArn);
        // On the role only: the keys' policies trust the account, so the Data stack need not know this role.
        role.addToPolicy(new PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [data.personalDataKey.keyArn] }));
        role.addToPolicy(new PolicyStatement({ actions: ['kms:GenerateMac'], resources: [data.blindIndexKey.keyArn] }));
      }
      for (const queue of spec.sendsTo as readonly QueueName[]) queueRefs[queue].grantSendMessages(fn);
      if ('sendsMessages' in spec && spec.sendsMessages) this.allowMessages(fn, role, compute);
      // The identity provider's names for the claims the API reads (Cognito's custom attributes by default).
      if (oidc) for (const [claim, env] of Object.entries(CLAIM_ENV)) fn.addEnvironment(env, oidc.claims[claim as keyof typeof CLAIM_ENV]);
      // Objects only, under the prefix the wiring names: no listing, no deleting, no bucket settings.
      for (const [bucket, access] of Object.entries(spec.buckets ?? {}) as [BucketName, 'read' | 'readWrite'][]) {
        role.addToPolicy(
          new PolicyStatement({
            actions: access === 'read' ? ['s3:GetObject'] : ['s3:GetObject', 's3:PutObject'],
            resources: [this.bucketRefs[bucket].arnForObjects(`${buckets[bucket].prefix}*`)],
          }),
        );
      }
      this.functions[name] = fn;
    }
    // The certificate check trusts the viewer's address only beside the distribution's secret, and
    // only where an edge function writes that address (not in China, where a viewer could set it).
    if (props.originVerify !== undefined) this.functions.checkCertificate.addEnvironment('ORIGIN_VERIFY', props.originVerify);

    for (const [name, spec] of Object.entries(queues) as [QueueName, (typeof queues)[QueueName]][]) {
      this.functions[spec.consumer.function].addEventSource(
        new SqsEventSource(queueRefs[name], {
          batchSize: spec.consumer.batchSize,
          maxBatchingWindow: Duration.seconds(spec.consumer.maxBatchingWindowSeconds),
          reportBatchItemFailures: true,
          ...('maxConcurrency' in spec.consumer ? { maxConcurrency: spec.consumer.maxConcurrency } : {}),
        }),
      );
    }

    for (const spec of streams) {
      const table = TableV2.fromTableAttributes(compute, `${spec.function}StreamOf${spec.table}`, {
        tableName: named(spec.table),
        tableStreamArn: data.tables[spec.table].tableStreamArn,
      });
      const onFailure = queueRef(`${spec.function}OnFailure`, spec.onFailure);
      this.functions[spec.function].addEventSource(
        new DynamoEventSource(table, {
          startingPosition: StartingPosition.TRIM_HORIZON,
          batchSize: spec.batchSize,
          retryAttempts: spec.maxRetries,
          bisectBatchOnError: true,
          reportBatchItemFailures: true,
          onFailure: new SqsDlq(onFailure),
          filters: [
            FilterCriteria.filter({
              eventName: FilterRule.isEqual(spec.filter.eventName),
              dynamodb: { NewImage: { entity: { S: FilterRule.isEqual(spec.filter.entity) } } },
            }),
          ],
        }),
      );
    }

    this.schedulerRole = new Role(compute, 'SchedulerRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    for (const spec of schedules) {
      new Schedule(compute, `${spec.function}Schedule`, {
        description: `Runs ${spec.function} on ${spec.cron} (${spec.timeZone})`,
        schedule: ScheduleExpression.expression(toAwsCron(spec.cron), TimeZone.ASIA_SHANGHAI),
        target: new LambdaInvoke(this.functions[spec.function], { role: this.schedulerRole }),
      });
    }
    // The daily calendar check counts the national holiday notices that should be loaded and are not.
    new Alarm(compute, 'HolidayNoticeMissingAlarm', {
      alarmDescription: "A year's national holiday notice is not loaded (PUT /v1/calendars/{year}): working-day deadlines into that year are provisional",
      metric: new Metric({ namespace: 'liudong', metricName: 'HolidayNoticeMissing', dimensionsMap: { service: 'liudong' }, statistic: 'Maximum', period: Duration.days(1) }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }

  /** What a function that writes to people may use: the profile's e-mail and SMS channels, and nothing else. */
  private allowMessages(fn: NodejsFunction, role: Role, stack: Stack): void {
    const { email, sms } = this.props.profile;
    const named = (name: string) => physicalName(this.props.name, name);
    /** A secret by name: its ARN ends in six random characters. */
    const secretArn = (name: string) => stack.formatArn({ service: 'secretsmanager', resource: 'secret', resourceName: `${name}-??????`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    if (email.kind === 'ses') {
      fn.addEnvironment('EMAIL_CHANNEL', 'ses');
      fn.addEnvironment('MESSAGES_FROM_ADDRESS', `noreply@${email.domain}`);
      fn.addEnvironment('MESSAGES_EMAIL_CONFIGURATION_SET', named('messages'));
      role.addToPolicy(
        new PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [
            stack.formatArn({ service: 'ses', resource: 'identity', resourceName: email.domain }),
            stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: named('messages') }),
          ],
        }),
      );
    } else {
      fn.addEnvironment('EMAIL_CHANNEL', 'smtp');
      fn.addEnvironment('SMTP_HOST', email.host);
      fn.addEnvironment('SMTP_PORT', String(email.port));
      fn.addEnvironment('SMTP_SECRET_ARN', email.secret);
      fn.addEnvironment('MESSAGES_FROM_ADDRESS', email.from);
      role.addToPolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secretArn(email.secret)] }));
    }
    if (sms.kind === 'sns') {
      fn.addEnvironment('SMS_CHANNEL', 'sns');
      // SMS to a phone number has no resource ARN: publishing is allowed only where the target is not a topic.
      role.addToPolicy(new PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
      role.addToPolicy(new PolicyStatement({ effect: Effect.DENY, actions: ['sns:Publish'], resources: [`arn:${stack.partition}:sns:*:*:*`] }));
    } else {
      fn.addEnvironment('SMS_CHANNEL', 'http');
      fn.addEnvironment('SMS_URL', sms.url);
      fn.addEnvironment('SMS_SECRET_ARN', sms.secret);
      role.addToPolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secretArn(sms.secret)] }));
    }
  }
}
