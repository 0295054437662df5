// The cloud deployment, built entirely from wiring/: every table, queue, function, route, stream
// consumer and schedule described there, and nothing that is not. Four stacks, deployed in order,
// so that none comes near CloudFormation's 500 resources and what holds data is rarely touched:
//   Data       tables, queues, buckets, keys, the user pool, e-mail identity, the API's address
//              (RETAIN, termination protection)
//   Console    the console's bucket and distribution, its sign-in domain and app client
//   Functions  every function, its role and log group, queue and stream consumers, schedules
//   Api        routes, the JWT authorizer, the stage
// Stacks after Data name its tables, queues and buckets by the physical names the wiring gives
// them (no export to pin): only stream and key ARNs, the user pool and the API cross as references.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type App, ArnFormat, Aws, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, TimeZone } from 'aws-cdk-lib';
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { ClientAttributes, FeaturePlan, Mfa, StandardThreatProtectionMode, StringAttribute, UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { AttributeType, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Architecture, FilterCriteria, FilterRule, Function as LambdaFunction, type IFunction, Runtime, StartingPosition, Tracing } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType, HttpMethods, type IBucket } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { ConfigurationSet, EmailIdentity, Identity, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { type IQueue, Queue, QueueEncryption, type QueueProps } from 'aws-cdk-lib/aws-sqs';
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
  CLAIM_ENV,
  physicalName,
  queues,
  fallbackRoute,
  routes,
  schedules,
  stageThrottle,
  streams,
  tables,
} from '../wiring/index.ts';
import { ConsoleHosting } from './console.ts';
import { type Profile, profileFor } from './profile.ts';
import { toAwsCron } from './cron.ts';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Seconds a message may wait in a queue before the oldest-message alarm fires. */
export const OLDEST_MESSAGE_ALARM_SECONDS = 300;

/** The stacks of one deployment, in the order they deploy. */
export const STACKS = ['Data', 'Console', 'Functions', 'Api'] as const;
export type StackRole = (typeof STACKS)[number];

/** What a reading function may do on a table and its indexes (named one by one: no wildcard). */
const TABLE_READ = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'];
const TABLE_WRITE = ['dynamodb:BatchWriteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'];

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
    const data = new Stack(app, `${this.name}-Data`, {
      ...stackProps('Data', 'tables, queues, buckets, keys, the user pool and the API address; retained'),
      terminationProtection: true,
    });
    const consoleStack = new Stack(app, `${this.name}-Console`, stackProps('Console', 'the web console behind CloudFront, its sign-in domain and app client'));
    const compute = new Stack(app, `${this.name}-Functions`, stackProps('Functions', 'functions, queue and stream consumers, schedules'));
    const edge = new Stack(app, `${this.name}-Api`, stackProps('Api', 'routes, the JWT authorizer and the stage'));
    this.stacks = { Data: data, Console: consoleStack, Functions: compute, Api: edge };
    const named = (name: string) => this.named(name);

    // ---- Data --------------------------------------------------------------------------------
    for (const [name, spec] of Object.entries(tables) as [TableName, (typeof tables)[TableName]][]) {
      const sortKey = 'sortKey' in spec ? { sortKey: { name: spec.sortKey, type: AttributeType.STRING } } : {};
      this.tables[name] = new TableV2(data, `${name}Table`, {
        tableName: named(name),
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
      const deadLetterQueue = secureQueue(data, `${name}DeadLetterQueue`, { queueName: named(`${name}-dlq`), retentionPeriod: Duration.days(14) });
      const queue = secureQueue(data, `${name}Queue`, {
        queueName: named(name),
        visibilityTimeout: Duration.seconds(spec.visibilityTimeoutSeconds),
        deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: spec.maxReceiveCount },
      });
      this.queues[name] = { queue, deadLetterQueue };
      alarmOnWaitingMessages(data, `${name}DeadLetterAlarm`, deadLetterQueue, `Messages in the ${name} dead-letter queue: deliveries failed ${spec.maxReceiveCount} times`);
      new Alarm(data, `${name}OldestMessageAlarm`, {
        alarmDescription: `The ${name} queue is not being drained`,
        metric: queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1) }),
        threshold: OLDEST_MESSAGE_ALARM_SECONDS,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 3,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    }
    for (const [name, spec] of Object.entries(holdingQueues) as [HoldingQueueName, HoldingQueueSpec][]) {
      const queue = secureQueue(data, `${name}HoldingQueue`, { queueName: named(name), retentionPeriod: Duration.days(spec.retentionDays) });
      this.holdingQueues[name] = queue;
      alarmOnWaitingMessages(data, `${name}HoldingAlarm`, queue, `Failures are waiting in ${name} for an operator`);
    }

    for (const [name, spec] of Object.entries(buckets) as [BucketName, BucketSpec][]) {
      const bucket = new Bucket(data, `${name}Bucket`, {
        bucketName: bucketNameOf(this.name, name),
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
    const personalDataKey = new Key(data, 'PersonalDataKey', {
      description: 'liudong: wraps the data keys that seal ID and phone numbers',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const blindIndexKey = new Key(data, 'BlindIndexKey', {
      description: 'liudong: the HMAC key of the ID number blind index',
      keySpec: KeySpec.HMAC_256,
      keyUsage: KeyUsage.GENERATE_VERIFY_MAC,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Messages to people. E-mail through SES (its configuration set suppresses addresses that bounced
    // or complained) or an SMTP relay; SMS through SNS straight to the phone number or an HTTP gateway.
    if (profile.email.kind === 'ses') {
      new EmailIdentity(data, 'MessagesIdentity', { identity: Identity.domain(profile.email.domain) });
      new ConfigurationSet(data, 'MessagesEmail', { configurationSetName: named('messages'), suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS });
    }

    // Cognito where it is offered; elsewhere the OpenID issuer the profile names (nothing to deploy for it).
    const oidc = profile.identity.kind === 'oidc' ? profile.identity : undefined;
    const userPool = oidc
      ? undefined
      : new UserPool(data, 'Users', {
          selfSignUpEnabled: false,
          signInAliases: { username: true, email: true },
          passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
          mfa: Mfa.REQUIRED,
          mfaSecondFactor: { otp: true, sms: false },
          featurePlan: FeaturePlan.PLUS,
          standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
          customAttributes: {
            // Administrators set these; the app client may read but never write them (Console below).
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
    // The API's address lives with the data: the console points at it and redeploying the routes never changes it.
    this.api = new HttpApi(data, 'Api', { description: 'liudong API', createDefaultStage: false });

    // ---- Console -----------------------------------------------------------------------------
    // The console and the API share one CloudFront origin, so the API needs no CORS.
    const uploads = (Object.keys(buckets) as BucketName[])
      .filter((name) => (buckets[name] as BucketSpec).browserUploads)
      .map((name) => Bucket.fromBucketName(consoleStack, `${name}Uploads`, bucketNameOf(this.name, name)));
    this.console = new ConsoleHosting(consoleStack, 'Console', {
      deployment: this.name,
      partition: profile.partition,
      api: this.api,
      signIn: userPool ? { kind: 'cognito', userPool } : { kind: 'oidc', issuer: oidc!.issuer },
      ...(profile.console.kind === 'cloudfront-domain' ? { domain: { name: profile.console.domain, certificateId: profile.console.certificateId } } : {}),
      uploads,
      assets: props.consoleAssets ?? path.join(PROJECT_ROOT, 'web', 'dist'),
    });
    // A user must not promote themself: the client writes no custom attribute.
    const clientId = userPool
      ? new UserPoolClient(consoleStack, 'ConsoleClient', {
          userPool,
          authFlows: { userSrp: true },
          ...ConsoleHosting.oAuthFor(this.console.url),
          generateSecret: false,
          readAttributes: new ClientAttributes()
            .withStandardAttributes({ email: true, phoneNumber: true, fullname: true })
            .withCustomAttributes('role', 'jurisdiction', 'organisation', 'agency', 'id_number'),
          writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, phoneNumber: true, fullname: true }),
        }).userPoolClientId
      : oidc!.audience;
    this.console.deploy(clientId);

    // ---- Functions ---------------------------------------------------------------------------
    // Data's tables, queues and buckets as the Functions stack names them: by physical name.
    const tableArn = (t: TableName) => compute.formatArn({ service: 'dynamodb', resource: 'table', resourceName: named(t) });
    const queueRef = (id: string, name: string): IQueue =>
      Queue.fromQueueAttributes(compute, id, { queueArn: compute.formatArn({ service: 'sqs', resource: named(name) }), queueName: named(name) });
    const queueRefs = Object.fromEntries((Object.keys(queues) as QueueName[]).map((q) => [q, queueRef(`${q}QueueRef`, q)])) as Record<QueueName, IQueue>;
    for (const b of Object.keys(buckets) as BucketName[]) this.bucketRefs[b] = Bucket.fromBucketName(compute, `${b}BucketRef`, bucketNameOf(this.name, b));
    const prefixes = (app.node.tryGetContext('prefixes') as string | undefined) ?? '';

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
            bucket: (b) => bucketNameOf(this.name, b),
          }),
          // Events name their deployment in `source` and point `dataschema` at this API's event catalogue.
          API_URL: this.api.apiEndpoint,
          DEPLOYMENT_NAME: this.name,
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
        fn.addEnvironment('PERSONAL_DATA_KEY_ID', personalDataKey.keyArn);
        fn.addEnvironment('BLIND_INDEX_KEY_ID', blindIndexKey.keyArn);
        // On the role only: the keys' policies trust the account, so the Data stack need not know this role.
        role.addToPolicy(new PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [personalDataKey.keyArn] }));
        role.addToPolicy(new PolicyStatement({ actions: ['kms:GenerateMac'], resources: [blindIndexKey.keyArn] }));
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
    if (profile.partition !== 'aws-cn') this.functions.checkCertificate.addEnvironment('ORIGIN_VERIFY', this.console.originVerify.secretValue.unsafeUnwrap());

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
        tableStreamArn: this.tables[spec.table].tableStreamArn,
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

    // ---- Api ---------------------------------------------------------------------------------
    // The API as the Api stack sees it: routes, their authorizer and the stage are made here, not beside it in Data.
    const api = HttpApi.fromHttpApiAttributes(edge, 'ApiRef', { httpApiId: this.api.apiId, apiEndpoint: this.api.apiEndpoint });
    const issuer = userPool ? `https://cognito-idp.${edge.region}.${Aws.URL_SUFFIX}/${userPool.userPoolId}` : oidc!.issuer;
    const authorizer = new HttpJwtAuthorizer('Jwt', issuer, { jwtAudience: [clientId] });
    const stage = new HttpStage(edge, 'DefaultStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { burstLimit: stageThrottle.burst, rateLimit: stageThrottle.ratePerSecond },
      accessLogSettings: {
        destination: new LogGroupLogDestination(new LogGroup(edge, 'ApiAccessLogs', { retention: RetentionDays.ONE_YEAR })),
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

    // The functions by name, as the Functions stack (deployed first) names them: no export to pin.
    edge.addStackDependency(compute);
    const handlerOf = (name: FunctionName): IFunction =>
      LambdaFunction.fromFunctionAttributes(edge, `${name}Ref`, {
        functionArn: edge.formatArn({ service: 'lambda', resource: 'function', resourceName: named(name), arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
        sameEnvironment: true,
      });
    // One integration and one invoke permission per function (any route of this API), not one per route.
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    for (const route of routes) {
      let integration = integrations.get(route.function);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${route.function}Integration`, handlerOf(route.function), { scopePermissionToRoute: false });
        integrations.set(route.function, integration);
      }
      const added = new HttpRoute(edge, `${route.method}${route.path}Route`, {
        httpApi: api,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration,
        authorizer: route.auth === 'jwt' ? authorizer : new HttpNoneAuthorizer(),
      });
      if (route.auth === 'none') this.publicRoutes.push(added);
      // The stage's RouteSettings name throttled routes, which must exist before the stage is written.
      if (route.throttle) stage.node.addDependency(added);
    }
    // What no route matches: problem details (404, or 405 with Allow) rather than the gateway's plain message.
    this.publicRoutes.push(
      new HttpRoute(edge, 'DefaultRoute', {
        httpApi: api,
        routeKey: HttpRouteKey.DEFAULT,
        integration: integrations.get(fallbackRoute.function)!,
        authorizer: new HttpNoneAuthorizer(),
      }),
    );

    new CfnOutput(consoleStack, 'ConsoleUrl', { value: this.console.url, description: 'The console, and the API under /v1' });
    if (this.console.signInDomain) new CfnOutput(consoleStack, 'SignInDomain', { value: this.console.signInDomain.baseUrl() });
    if (userPool) new CfnOutput(consoleStack, 'UserPoolClientId', { value: clientId });
    new CfnOutput(data, 'ApiUrl', { value: this.api.apiEndpoint });
    if (userPool) new CfnOutput(data, 'UserPoolId', { value: userPool.userPoolId });
  }

  /** A table's, queue's, bucket's or function's name in this deployment (the wiring's physicalName). */
  private named(name: string): string {
    return physicalName(this.name, name);
  }

  /** What a function that writes to people may use: the profile's e-mail and SMS channels, and nothing else. */
  private allowMessages(fn: NodejsFunction, role: Role, stack: Stack): void {
    const { email, sms } = this.profile;
    const named = (name: string) => this.named(name);
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

/** A bucket's name: S3's names are global, so the account and region are part of it. */
function bucketNameOf(deployment: string, bucket: BucketName): string {
  return `${physicalName(deployment, bucket).toLowerCase()}-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
}

/** Every queue: SQS-managed encryption, and no access without TLS. */
function secureQueue(scope: Stack, id: string, props: QueueProps): Queue {
  return new Queue(scope, id, { ...props, encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true });
}

/** A queue nobody drains automatically: any message in it wants an operator. */
function alarmOnWaitingMessages(scope: Stack, id: string, queue: Queue, description: string): Alarm {
  return new Alarm(scope, id, {
    alarmDescription: description,
    metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
    threshold: 0,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
}
