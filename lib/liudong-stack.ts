// The cloud stack, built entirely from wiring/: every table, queue, function, route,
// stream consumer and schedule described there, and nothing that is not.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, TimeZone } from 'aws-cdk-lib';
import {
  CfnStage,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  type HttpRoute,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { ClientAttributes, FeaturePlan, StandardThreatProtectionMode, Mfa, StringAttribute, UserPool } from 'aws-cdk-lib/aws-cognito';
import { AttributeType, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Architecture, FilterCriteria, FilterRule, Runtime, StartingPosition, Tracing } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ConfigurationSet, EmailIdentity, Identity, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption, type QueueProps } from 'aws-cdk-lib/aws-sqs';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType, HttpMethods } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { Construct } from 'constructs';
import {
  type Access,
  type BucketName,
  type BucketSpec,
  buckets,
  type FunctionName,
  type FunctionSpec,
  type HoldingQueueName,
  type HoldingQueueSpec,
  type QueueName,
  type TableName,
  environmentFor,
  functions,
  holdingQueues,
  queues,
  routes,
  schedules,
  stageThrottle,
  streams,
  tables,
} from '../wiring/index.ts';
import { ConsoleHosting } from './console.ts';
import { toAwsCron } from './cron.ts';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Seconds a message may wait in a queue before the oldest-message alarm fires. */
export const OLDEST_MESSAGE_ALARM_SECONDS = 300;

export class LiudongStack extends Stack {
  readonly tables = {} as Record<TableName, TableV2>;
  readonly queues = {} as Record<QueueName, { queue: Queue; deadLetterQueue: Queue }>;
  readonly functions = {} as Record<FunctionName, NodejsFunction>;
  readonly api: HttpApi;
  readonly console: ConsoleHosting;
  readonly holdingQueues = {} as Record<HoldingQueueName, Queue>;
  readonly buckets = {} as Record<BucketName, Bucket>;
  readonly schedulerRole: Role;
  /** Routes the wiring declares without auth (the API description). */
  readonly publicRoutes: HttpRoute[];

  constructor(scope: Construct, id: string, props: StackProps & { consoleAssets?: string } = {}) {
    super(scope, id, props);

    for (const [name, spec] of Object.entries(tables) as [TableName, (typeof tables)[TableName]][]) {
      const sortKey = 'sortKey' in spec ? { sortKey: { name: spec.sortKey, type: AttributeType.STRING } } : {};
      this.tables[name] = new TableV2(this, `${name}Table`, {
        partitionKey: { name: spec.partitionKey, type: AttributeType.STRING },
        ...sortKey,
        globalSecondaryIndexes: spec.indexes.map((index) => ({
          indexName: index.name,
          partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
          sortKey: { name: index.sortKey, type: AttributeType.STRING },
        })),
        timeToLiveAttribute: 'timeToLive' in spec ? spec.timeToLive : undefined,
        ...(spec.stream ? { dynamoStream: StreamViewType.NEW_IMAGE } : {}),
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        deletionProtection: true,
        removalPolicy: RemovalPolicy.RETAIN,
      });
    }

    for (const [name, spec] of Object.entries(queues) as [QueueName, (typeof queues)[QueueName]][]) {
      const deadLetterQueue = this.secureQueue(`${name}DeadLetterQueue`, { retentionPeriod: Duration.days(14) });
      const queue = this.secureQueue(`${name}Queue`, {
        visibilityTimeout: Duration.seconds(spec.visibilityTimeoutSeconds),
        deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: spec.maxReceiveCount },
      });
      this.queues[name] = { queue, deadLetterQueue };
      this.alarmOnWaitingMessages(
        `${name}DeadLetterAlarm`,
        deadLetterQueue,
        `Messages in the ${name} dead-letter queue: deliveries failed ${spec.maxReceiveCount} times`,
      );
      new Alarm(this, `${name}OldestMessageAlarm`, {
        alarmDescription: `The ${name} queue is not being drained`,
        metric: queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1) }),
        threshold: OLDEST_MESSAGE_ALARM_SECONDS,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 3,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    }

    for (const [name, spec] of Object.entries(buckets) as [BucketName, BucketSpec][]) {
      const bucket = new Bucket(this, `${name}Bucket`, {
        encryption: BucketEncryption.S3_MANAGED,
        blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
        enforceSSL: true,
        ...(spec.expireDays !== undefined ? { lifecycleRules: [{ expiration: Duration.days(spec.expireDays) }] } : {}),
        ...(spec.versioned ? { versioned: true } : {}),
        // The presigned URL is the credential; any origin may PUT with one (naming the console's
        // origin here would make the bucket and the distribution's CSP depend on each other).
        ...(spec.browserUploads ? { cors: [{ allowedMethods: [HttpMethods.PUT], allowedOrigins: ['*'], allowedHeaders: ['*'], maxAge: 3600 }] } : {}),
        removalPolicy: RemovalPolicy.RETAIN,
      });
      if (spec.notifies !== undefined) {
        bucket.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(this.queues[spec.notifies as QueueName].queue), { prefix: spec.prefix });
      }
      this.buckets[name] = bucket;
    }

    // The keys of personal data: one wraps the data keys that seal ID and phone numbers (rotated
    // yearly by KMS; old versions still decrypt), one computes the blind index (HMAC, never leaves KMS).
    const personalDataKey = new Key(this, 'PersonalDataKey', {
      description: 'liudong: wraps the data keys that seal ID and phone numbers',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const blindIndexKey = new Key(this, 'BlindIndexKey', {
      description: 'liudong: the HMAC key of the ID number blind index',
      keySpec: KeySpec.HMAC_256,
      keyUsage: KeyUsage.GENERATE_VERIFY_MAC,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Messages to people: e-mail through SES (its configuration set suppresses addresses that
    // bounced or complained), SMS through SNS straight to the phone number.
    const messagesDomain = (this.node.tryGetContext('messagesDomain') as string | undefined) ?? 'liudong.example.cn';
    const emailIdentity = new EmailIdentity(this, 'MessagesIdentity', { identity: Identity.domain(messagesDomain) });
    const emailConfiguration = new ConfigurationSet(this, 'MessagesEmail', { suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS });

    for (const [name, spec] of Object.entries(functions) as [FunctionName, FunctionSpec][]) {
      // A role of its own with no managed policy: it may write its own log group and nothing else.
      const logGroup = new LogGroup(this, `${name}Logs`, { retention: RetentionDays.SIX_MONTHS });
      const role = new Role(this, `${name}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
      role.addToPolicy(
        new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
      );
      const fn = new NodejsFunction(this, `${name}Function`, {
        role,
        entry: path.join(PROJECT_ROOT, spec.entry),
        handler: 'handler',
        description: spec.description,
        runtime: Runtime.NODEJS_22_X,
        architecture: Architecture.ARM_64,
        timeout: Duration.seconds(spec.timeoutSeconds),
        memorySize: spec.memoryMb,
        tracing: Tracing.ACTIVE,
        logGroup,
        environment: {
          POWERTOOLS_SERVICE_NAME: 'liudong',
          POWERTOOLS_METRICS_NAMESPACE: 'liudong',
          ...environmentFor(name, {
            table: (t) => this.tables[t].tableName,
            queueUrl: (q) => this.queues[q].queue.queueUrl,
            bucket: (b) => this.buckets[b].bucketName,
          }),
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
        if (access === 'read') this.tables[table].grantReadData(fn);
        // Append-only (the audit): inserting items is all it may do; no update, no delete, no batch write.
        else if (access === 'append') role.addToPolicy(new PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [this.tables[table].tableArn] }));
        else this.tables[table].grantReadWriteData(fn);
      }
      // Functions that hold cases seal and open personal data (KMS data keys) and index it (KMS HMAC).
      if ('cases' in spec.tables || 'deliveries' in spec.tables) {
        fn.addEnvironment('PERSONAL_DATA_KEY_ID', personalDataKey.keyArn);
        fn.addEnvironment('BLIND_INDEX_KEY_ID', blindIndexKey.keyArn);
        personalDataKey.grant(fn, 'kms:GenerateDataKey', 'kms:Decrypt');
        blindIndexKey.grant(fn, 'kms:GenerateMac');
      }
      for (const queue of spec.sendsTo as readonly QueueName[]) this.queues[queue].queue.grantSendMessages(fn);
      if ('sendsMessages' in spec && spec.sendsMessages) {
        fn.addEnvironment('MESSAGES_DELIVERY', 'aws');
        fn.addEnvironment('MESSAGES_FROM_ADDRESS', `noreply@${messagesDomain}`);
        fn.addEnvironment('MESSAGES_EMAIL_CONFIGURATION_SET', emailConfiguration.configurationSetName);
        role.addToPolicy(
          new PolicyStatement({
            actions: ['ses:SendEmail'],
            resources: [
              this.formatArn({ service: 'ses', resource: 'identity', resourceName: emailIdentity.emailIdentityName }),
              this.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: emailConfiguration.configurationSetName }),
            ],
          }),
        );
        // SMS to a phone number has no resource ARN: publishing is allowed only where the target is not a topic.
        role.addToPolicy(new PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
        role.addToPolicy(new PolicyStatement({ effect: Effect.DENY, actions: ['sns:Publish'], resources: [`arn:${this.partition}:sns:*:*:*`] }));
      }
      // Objects only, under the prefix the wiring names: no listing, no deleting, no bucket settings.
      for (const [bucket, access] of Object.entries(spec.buckets ?? {}) as [BucketName, 'read' | 'readWrite'][]) {
        role.addToPolicy(
          new PolicyStatement({
            actions: access === 'read' ? ['s3:GetObject'] : ['s3:GetObject', 's3:PutObject'],
            resources: [this.buckets[bucket].arnForObjects(`${buckets[bucket].prefix}*`)],
          }),
        );
      }
      this.functions[name] = fn;
    }

    for (const [name, spec] of Object.entries(queues) as [QueueName, (typeof queues)[QueueName]][]) {
      this.functions[spec.consumer.function].addEventSource(
        new SqsEventSource(this.queues[name].queue, {
          batchSize: spec.consumer.batchSize,
          maxBatchingWindow: Duration.seconds(spec.consumer.maxBatchingWindowSeconds),
          reportBatchItemFailures: true,
          ...('maxConcurrency' in spec.consumer ? { maxConcurrency: spec.consumer.maxConcurrency } : {}),
        }),
      );
    }

    for (const [name, spec] of Object.entries(holdingQueues) as [HoldingQueueName, HoldingQueueSpec][]) {
      const queue = this.secureQueue(`${name}HoldingQueue`, { retentionPeriod: Duration.days(spec.retentionDays) });
      this.holdingQueues[name] = queue;
      this.alarmOnWaitingMessages(`${name}HoldingAlarm`, queue, `Failures are waiting in ${name} for an operator`);
    }

    for (const spec of streams) {
      this.functions[spec.function].addEventSource(
        new DynamoEventSource(this.tables[spec.table], {
          startingPosition: StartingPosition.TRIM_HORIZON,
          batchSize: spec.batchSize,
          retryAttempts: spec.maxRetries,
          bisectBatchOnError: true,
          reportBatchItemFailures: true,
          onFailure: new SqsDlq(this.holdingQueues[spec.onFailure]),
          filters: [
            FilterCriteria.filter({
              eventName: FilterRule.isEqual(spec.filter.eventName),
              dynamodb: { NewImage: { entity: { S: FilterRule.isEqual(spec.filter.entity) } } },
            }),
          ],
        }),
      );
    }

    this.schedulerRole = new Role(this, 'SchedulerRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    for (const spec of schedules) {
      new Schedule(this, `${spec.function}Schedule`, {
        description: `Runs ${spec.function} on ${spec.cron} (${spec.timeZone})`,
        schedule: ScheduleExpression.expression(toAwsCron(spec.cron), TimeZone.ASIA_SHANGHAI),
        target: new LambdaInvoke(this.functions[spec.function], { role: this.schedulerRole }),
      });
    }

    const userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      customAttributes: {
        // Administrators set these; the app client may read but never write them (below).
        role: new StringAttribute({ mutable: true }),
        jurisdiction: new StringAttribute({ mutable: true }),
        // A filer's organisation (employer or landlord).
        organisation: new StringAttribute({ mutable: true }),
        // A partner agency's id (police-bj): its subscriptions are its own.
        agency: new StringAttribute({ mutable: true }),
        // A person's ID number, set by an administrator or a verified pre-token step (real-name verification).
        id_number: new StringAttribute({ mutable: true }),
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.api = new HttpApi(this, 'Api', { description: 'liudong API', createDefaultStage: false });
    // The console and the API share one CloudFront origin, so the API needs no CORS.
    const uploads = (Object.keys(buckets) as BucketName[]).filter((name) => (buckets[name] as BucketSpec).browserUploads).map((name) => this.buckets[name]);
    this.console = new ConsoleHosting(this, 'Console', { api: this.api, userPool, uploads, assets: props.consoleAssets ?? path.join(PROJECT_ROOT, 'web', 'dist') });
    // A user must not promote themself: the client writes no custom attribute.
    const client = userPool.addClient('Console', {
      authFlows: { userSrp: true },
      ...ConsoleHosting.oAuthFor(this.console.url),
      generateSecret: false,
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, phoneNumber: true, fullname: true })
        .withCustomAttributes('role', 'jurisdiction', 'organisation', 'agency', 'id_number'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, phoneNumber: true, fullname: true }),
    });
    const authorizer = new HttpJwtAuthorizer('Jwt', `https://cognito-idp.${this.region}.amazonaws.com/${userPool.userPoolId}`, {
      jwtAudience: [client.userPoolClientId],
    });

    this.console.deploy(client);
    // The certificate check trusts the viewer's address only beside the distribution's secret.
    this.functions.checkCertificate.addEnvironment('ORIGIN_VERIFY', this.console.originVerify.secretValue.unsafeUnwrap());
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { burstLimit: stageThrottle.burst, rateLimit: stageThrottle.ratePerSecond },
      accessLogSettings: {
        destination: new LogGroupLogDestination(new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_YEAR })),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.integrationLatency',
            sourceIp: '$context.identity.sourceIp',
          }),
        ),
      },
    });

    // Routes the wiring throttles on their own (the public certificate check), below the stage's limits.
    const routeSettings = Object.fromEntries(
      routes
        .filter((r) => r.throttle)
        .map((r) => [`${r.method} ${r.path}`, { ThrottlingRateLimit: r.throttle!.ratePerSecond, ThrottlingBurstLimit: r.throttle!.burst }]),
    );
    if (Object.keys(routeSettings).length > 0) (stage.node.defaultChild as CfnStage).addPropertyOverride('RouteSettings', routeSettings);

    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    this.publicRoutes = [];
    for (const route of routes) {
      let integration = integrations.get(route.function);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${route.function}Integration`, this.functions[route.function]);
        integrations.set(route.function, integration);
      }
      const added = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
        authorizer: route.auth === 'jwt' ? authorizer : new HttpNoneAuthorizer(),
      });
      if (route.auth === 'none') this.publicRoutes.push(...added);
    }

    // Events name their deployment in `source` and point `dataschema` at this API's event catalogue.
    // Federation: the jurisdiction prefixes this deployment serves (context `prefixes`, e.g. 11,12);
    // events whose other side lies elsewhere go to the peer that serves it.
    const prefixes = (this.node.tryGetContext('prefixes') as string | undefined) ?? '';
    for (const fn of Object.values(this.functions)) {
      fn.addEnvironment('API_URL', this.api.apiEndpoint);
      fn.addEnvironment('DEPLOYMENT_NAME', this.stackName);
      if (prefixes) fn.addEnvironment('DEPLOYMENT_PREFIXES', prefixes);
    }

    new CfnOutput(this, 'ConsoleUrl', { value: this.console.url, description: 'The console, and the API under /v1' });
    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint });
    new CfnOutput(this, 'SignInDomain', { value: this.console.domain.baseUrl() });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId });
  }

  /** Every queue: SQS-managed encryption, and no access without TLS. */
  private secureQueue(id: string, props: QueueProps): Queue {
    return new Queue(this, id, { ...props, encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true });
  }

  /** A queue nobody drains automatically: any message in it wants an operator. */
  private alarmOnWaitingMessages(id: string, queue: Queue, description: string): Alarm {
    return new Alarm(this, id, {
      alarmDescription: description,
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
