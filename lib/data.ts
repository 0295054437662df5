// The Data stack's concern: what holds data and outlives every redeploy: the tables, queues,
// buckets, the keys of personal data, the e-mail identity, the user pool and the API's address,
// each built by iterating over wiring/. Built into the stack it is given (not a nested
// construct), so every logical id stays as deployed: a retained table must never be replaced.
import { Duration, RemovalPolicy, type Stack, Aws } from 'aws-cdk-lib';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { FeaturePlan, Mfa, StandardThreatProtectionMode, StringAttribute, UserPool } from 'aws-cdk-lib/aws-cognito';
import { AttributeType, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType, HttpMethods } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { ConfigurationSet, EmailIdentity, Identity, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption, type QueueProps } from 'aws-cdk-lib/aws-sqs';
import { type BucketName, type BucketSpec, buckets, type HoldingQueueName, type HoldingQueueSpec, holdingQueues, physicalName, type QueueName, queues, type TableName, tables } from '../wiring/index.ts';
import type { Profile } from './profile.ts';

/** Seconds a message may wait in a queue before the oldest-message alarm fires. */
export const OLDEST_MESSAGE_ALARM_SECONDS = 300;

export class DataResources {
  readonly tables = {} as Record<TableName, TableV2>;
  readonly queues = {} as Record<QueueName, { queue: Queue; deadLetterQueue: Queue }>;
  readonly holdingQueues = {} as Record<HoldingQueueName, Queue>;
  readonly buckets = {} as Record<BucketName, Bucket>;
  /** Wraps the data keys that seal ID and phone numbers. */
  readonly personalDataKey: Key;
  /** Computes the ID number blind index (HMAC, never leaves KMS). */
  readonly blindIndexKey: Key;
  /** Cognito's user pool, where the profile signs in with Cognito. */
  readonly userPool: UserPool | undefined;
  /** The API's address: the console points at it and redeploying the routes never changes it. */
  readonly api: HttpApi;

  constructor(data: Stack, deployment: { name: string; profile: Profile }) {
    const { profile } = deployment;
    const named = (name: string) => physicalName(deployment.name, name);
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
        bucketName: bucketNameOf(deployment.name, name),
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
    this.personalDataKey = new Key(data, 'PersonalDataKey', {
      description: 'liudong: wraps the data keys that seal ID and phone numbers',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.blindIndexKey = new Key(data, 'BlindIndexKey', {
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
    this.userPool =
      profile.identity.kind === 'oidc'
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
              // Administrators set these; the app client may read but never write them (the console's client).
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
    this.api = new HttpApi(data, 'Api', { description: 'liudong API', createDefaultStage: false });
  }
}

/** A bucket's name: S3's names are global, so the account and region are part of it. */
export function bucketNameOf(deployment: string, bucket: BucketName): string {
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
