// The cloud side, proven offline: fine-grained template assertions, cdk-nag with zero
// unacknowledged findings, and the same routes as the local stack.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../lib/app.ts';
import { ensureConsoleBuilt } from '../../local/console.ts';
import { LiudongDeployment, STACKS } from '../../lib/deployment.ts';
import { devIssuer } from '../../local/dev-issuer.ts';
import { type LocalApi, startHttpServer } from '../../local/http-server.ts';
import { VIEWER_ADDRESS_FUNCTION } from '../../lib/console.ts';
import { CONSOLE_CONFIG_PATH, CONSOLE_HSTS_SECONDS, ORIGIN_VERIFY_HEADER, VIEWER_ADDRESS_HEADER } from '../../wiring/console.ts';
import { buckets, functions, holdingQueues, physicalName, queues, routes, schedules, streams, tables } from '../../wiring/index.ts';

// Skip esbuild here: bundling is proven by tests/cdk/synth.test.ts.
const NO_BUNDLING = { context: { 'aws:cdk:bundling-stacks': [] } };
const outdirs: string[] = [];
const withOutdir = () => {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'liudong-cdk-'));
  outdirs.push(outdir);
  return { ...NO_BUNDLING, outdir };
};
afterAll(() => outdirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// The stack uploads the built console.
await ensureConsoleBuilt();
const { deployment: stack } = buildApp(withOutdir());
const templates = Object.fromEntries(STACKS.map((role) => [role, Template.fromStack(stack.stacks[role])])) as Record<(typeof STACKS)[number], Template>;
/** Every stack's resources in one view: most assertions are about what is deployed, wherever it lives. */
const template = Template.fromJSON({
  Resources: STACKS.reduce<Record<string, unknown>>((all, role) => {
    const resources = templates[role].toJSON().Resources as Record<string, unknown>;
    for (const id of Object.keys(resources)) if (id in all) throw new Error(`logical id ${id} is in two stacks`);
    return { ...all, ...resources };
  }, {}),
});
/** A construct's logical id in its own stack. */
const logicalIdOf = (construct: { node: { defaultChild?: unknown } }) => Stack.of(construct as never).getLogicalId(construct.node.defaultChild as never);

describe('stacks', () => {
  it('splits the deployment into four stacks in order, none past 300 resources (60% of CloudFormation\'s 500)', () => {
    const counts = Object.fromEntries(STACKS.map((role) => [role, Object.keys(templates[role].toJSON().Resources).length]));
    console.log(`resources per stack: ${STACKS.map((role) => `${stack.stacks[role].stackName} ${counts[role]}`).join(', ')}`);
    for (const role of STACKS) expect(counts[role], role).toBeLessThanOrEqual(300);
    expect(stack.stacks.Data.terminationProtection).toBe(true);
    // Each stack deploys after those before it, and never needs one after it.
    const order = STACKS.map((role) => stack.stacks[role]);
    order.forEach((s, i) => {
      for (const dependency of s.dependencies) expect(order.indexOf(dependency), `${s.stackName} needs ${dependency.stackName}`).toBeLessThan(i);
    });
    expect(stack.stacks.Api.dependencies).toContain(stack.stacks.Functions);
  });

  it("names Data's tables, queues and buckets, and the functions, as the later stacks refer to them", () => {
    const data = templates.Data;
    for (const table of Object.keys(tables)) data.hasResourceProperties('AWS::DynamoDB::GlobalTable', { TableName: physicalName('Liudong', table) });
    for (const queue of Object.keys(queues)) {
      data.hasResourceProperties('AWS::SQS::Queue', { QueueName: physicalName('Liudong', queue) });
      data.hasResourceProperties('AWS::SQS::Queue', { QueueName: physicalName('Liudong', `${queue}-dlq`) });
    }
    for (const queue of Object.keys(holdingQueues)) data.hasResourceProperties('AWS::SQS::Queue', { QueueName: physicalName('Liudong', queue) });
    for (const bucket of Object.keys(buckets)) {
      data.hasResourceProperties('AWS::S3::Bucket', { BucketName: { 'Fn::Join': ['', [`${physicalName('Liudong', bucket)}-`, { Ref: 'AWS::AccountId' }, '-', { Ref: 'AWS::Region' }]] } });
    }
    for (const fn of Object.keys(functions)) templates.Functions.hasResourceProperties('AWS::Lambda::Function', { FunctionName: physicalName('Liudong', fn) });
    // What the later stacks refer to by those names, Data has, each of its kind: tables, queues, buckets; and the Api stack's functions are the Functions stack's.
    const later = JSON.stringify([templates.Console.toJSON(), templates.Functions.toJSON(), templates.Api.toJSON()]);
    const namesIn = (pattern: RegExp) => [...new Set([...later.matchAll(pattern)].map((m) => m[1]!))];
    const prefix = physicalName('Liudong', '');
    const tablesNamed = namesIn(new RegExp(`table/${prefix}([A-Za-z]+)`, 'g'));
    const queuesNamed = namesIn(new RegExp(`(?<!table|function|configuration-set)[:/]${prefix}([A-Za-z]+(?:-dlq)?)"`, 'g'));
    const bucketsNamed = namesIn(new RegExp(`"${prefix}([a-z]+)-"`, 'g'));
    const functionsNamed = namesIn(new RegExp(`function:${prefix}([A-Za-z]+)`, 'g'));
    expect(tablesNamed.length).toBeGreaterThan(0);
    expect(tablesNamed.filter((t) => !(t in tables))).toEqual([]);
    expect(queuesNamed.length).toBeGreaterThan(0);
    expect(queuesNamed.filter((q) => !(q in queues) && !(q in holdingQueues))).toEqual([]);
    expect(bucketsNamed.sort()).toEqual(Object.keys(buckets).sort());
    // One invoke permission per function that serves a route, each naming a function of the Functions stack.
    const routeFunctions = [...new Set(routes.map((r) => r.function))].sort();
    expect(functionsNamed.sort()).toEqual(routeFunctions);
    const permissions = Object.values(templates.Api.findResources('AWS::Lambda::Permission'));
    expect(permissions).toHaveLength(routeFunctions.length);
    for (const p of permissions) expect(JSON.stringify(p.Properties.SourceArn)).toContain('/*/*/*');
  });
});

describe('tables', () => {
  it('keeps cases with PITR, deletion protection, a new-image stream, TTL and the deadline index', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      GlobalSecondaryIndexes: ['gsi1', 'scope2', 'scope4', 'scope6', 'scope9', 'overdue2', 'overdue4', 'overdue6', 'overdue9', 'owner', 'person', 'retention'].map((name) => Match.objectLike({ IndexName: name })),
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        }),
      ],
    });
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 5);
    const tables = Object.values(template.findResources('AWS::DynamoDB::GlobalTable'));
    // Deliveries: keyed reads only, expiring records, no stream.
    const deliveries = tables.filter((t) => t.Properties.TimeToLiveSpecification?.AttributeName === 'expiresAt' && !t.Properties.StreamSpecification && !t.Properties.GlobalSecondaryIndexes);
    expect(deliveries).toHaveLength(1);
    // Statistics: counters and the cases behind them under every prefix level, no stream.
    const statistics = tables.find((t) => t.Properties.GlobalSecondaryIndexes?.some((i: { IndexName: string }) => i.IndexName === 'level2'));
    expect(statistics?.Properties.GlobalSecondaryIndexes.map((i: { IndexName: string }) => i.IndexName)).toEqual(['level2', 'level4', 'level6', 'level9']);
    expect(statistics?.Properties.StreamSpecification).toBeUndefined();
  });
});

describe('personal data', () => {
  /** The audit table as the functions' policies name it (by its physical name). */
  const auditTable = new RegExp(`table/${physicalName('Liudong', 'audit')}(/|")`);
  const statementsOn = (table: RegExp) =>
    Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p) =>
      ((p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]) ?? []).filter((s) => table.test(JSON.stringify(s.Resource))),
    );

  it('lets functions only insert audit entries: no update, no delete, no batch write', () => {
    expect(auditTable).toBeDefined();
    const actions = statementsOn(auditTable).flatMap((s) => [s.Action].flat());
    expect(actions).toContain('dynamodb:PutItem');
    expect(actions.filter((a) => /Update|Delete|BatchWrite|PartiQL|\*/.test(a))).toEqual([]);
    // Writers hold PutItem alone on it; the reader of the log only reads.
    const writers = statementsOn(auditTable).filter((s) => [s.Action].flat().includes('dynamodb:PutItem'));
    for (const s of writers) expect(s.Action).toEqual('dynamodb:PutItem');
  });

  it('seals with a rotating KMS key and indexes with a KMS HMAC key, granted to the functions that hold cases', () => {
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true, KeySpec: Match.absent() });
    template.hasResourceProperties('AWS::KMS::Key', { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
    const withKeys = Object.values(template.findResources('AWS::Lambda::Function')).filter((f) => f.Properties.Environment?.Variables?.PERSONAL_DATA_KEY_ID);
    const holdingCases = Object.values(functions).filter((f) => 'cases' in f.tables || 'deliveries' in f.tables);
    expect(withKeys).toHaveLength(holdingCases.length);
    for (const f of withKeys) expect(f.Properties.Environment.Variables.BLIND_INDEX_KEY_ID).toBeDefined();
  });
});

describe('buckets', () => {
  it('keeps uploads private, encrypted, TLS-only and short-lived, and announces new ones on the import queue', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 30, Status: 'Enabled' })] },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        QueueConfigurations: [
          Match.objectLike({ Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'uploads/' }] } } }),
        ],
      },
    });
  });
});

describe('queues', () => {
  it('gives every queue an encrypted DLQ with the wiring’s max receives, SSL enforced', () => {
    for (const spec of Object.values(queues)) {
      template.hasResourceProperties('AWS::SQS::Queue', {
        VisibilityTimeout: spec.visibilityTimeoutSeconds,
        RedrivePolicy: { maxReceiveCount: spec.maxReceiveCount, deadLetterTargetArn: Match.anyValue() },
        SqsManagedSseEnabled: true,
      });
    }
    template.resourceCountIs('AWS::SQS::Queue', Object.keys(queues).length * 2 + Object.keys(holdingQueues).length);
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('alarms on DLQ and holding-queue depth, on the age of the oldest message, and on a missing holiday notice', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 0 });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateAgeOfOldestMessage' });
    // The daily calendar check's metric, as Powertools publishes it (namespace liudong, dimension service).
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'liudong',
      MetricName: 'HolidayNoticeMissing',
      Dimensions: [{ Name: 'service', Value: 'liudong' }],
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
    });
    template.resourceCountIs('AWS::CloudWatch::Alarm', Object.keys(queues).length * 2 + Object.keys(holdingQueues).length + 1);
  });
});

describe('functions', () => {
  it('deploys one nodejs22.x function per handler, with the environment its spec names', () => {
    // Ours, and CDK's own handlers that set bucket notifications and copy the console, at deployment.
    const all = Object.values(template.findResources('AWS::Lambda::Function')) as { Properties: { Runtime?: string; Architectures?: string[]; Handler?: string } }[];
    const ours = all.filter((f) => f.Properties.Runtime === 'nodejs22.x');
    expect(ours).toHaveLength(Object.keys(functions).length);
    expect(ours.every((f) => f.Properties.Architectures?.[0] === 'arm64')).toBe(true);
    expect(all.filter((f) => f.Properties.Runtime !== 'nodejs22.x').map((f) => f.Properties.Handler)).toEqual(['index.handler', 'index.handler']);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: functions.createRegistration.description,
      Environment: { Variables: Match.objectLike({ CASES_TABLE: Match.anyValue(), IDEMPOTENCY_TABLE: Match.anyValue() }) },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: functions.publishEvents.description,
      Environment: { Variables: Match.objectLike({ NOTIFICATIONS_QUEUE_URL: Match.anyValue() }) },
    });
  });

  it('sends to people through SES (a configuration set suppressing bounces) and SNS SMS, scoped to them', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSet', { SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] } });
    template.resourceCountIs('AWS::SES::EmailIdentity', 1);
    // The deadline worker (reminders, and telling people a holiday notice moved their deadline) and
    // the delivery worker (telling a subscription's owner).
    const senderNames = (Object.entries(functions) as [keyof typeof functions, { sendsMessages?: boolean }][]).filter(([, f]) => f.sendsMessages).map(([n]) => n);
    expect(senderNames.sort()).toEqual(['actOnDeadlines', 'deliverEvents']);
    const senders = senderNames.map((n) => logicalIdOf(stack.functions[n].role! as never));
    const rolesOf = (p: { Properties: { Roles: { Ref: string }[] } }) => p.Properties.Roles.map((r) => r.Ref);
    for (const sender of senders) {
      const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) => rolesOf(p as never).includes(sender));
      const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement as { Effect: string; Action: string | string[]; Resource: unknown }[]);
      expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Allow', Action: 'ses:SendEmail' }));
      expect(statements).toContainEqual({ Effect: 'Deny', Action: 'sns:Publish', Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sns:*:*:*']] } });
    }
    // Nobody else may send.
    const others = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) => !rolesOf(p as never).some((r) => senders.includes(r)));
    expect(JSON.stringify(others)).not.toMatch(/ses:SendEmail|sns:Publish/);
  });

  it('consumes the queue with partial batch responses', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: Match.anyValue(),
      BatchSize: queues.notifications.consumer.batchSize,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('delivers to subscribers with several batches at once (maximum concurrency), and fans the outbox stream out to them', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: queues.deliveries.consumer.batchSize,
      ScalingConfig: { MaximumConcurrency: queues.deliveries.consumer.maxConcurrency },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    const fanOut = logicalIdOf(stack.functions.fanOutEvents);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { FunctionName: { Ref: fanOut }, StartingPosition: 'TRIM_HORIZON', BisectBatchOnFunctionError: true });
  });

  it('relays the outbox stream filtered to inserted event rows, with retries and its holding queue on failure', () => {
    const spec = streams[0]!;
    // The holding queue, by the name Data gives it.
    templates.Data.hasResourceProperties('AWS::SQS::Queue', { QueueName: physicalName('Liudong', spec.onFailure) });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      StartingPosition: 'TRIM_HORIZON',
      MaximumRetryAttempts: spec.maxRetries,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: { 'Fn::Join': ['', Match.arrayWith([`:${physicalName('Liudong', spec.onFailure)}`])] } } },
      FilterCriteria: {
        Filters: [{ Pattern: JSON.stringify({ eventName: [spec.filter.eventName], dynamodb: { NewImage: { entity: { S: [spec.filter.entity] } } } }) }],
      },
    });
  });

  it('runs the sweep on its cron in Asia/Shanghai', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0/5 * * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
    });
    template.resourceCountIs('AWS::Scheduler::Schedule', schedules.length);
  });
});

describe('API', () => {
  const templateRouteKeys = () =>
    Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey as string);

  it('authorises every route with the Cognito JWT authorizer except the public description', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Audience: [Match.anyValue()], Issuer: Match.anyValue() },
    });
    for (const route of routes) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${route.method} ${route.path}`,
        AuthorizationType: route.auth === 'jwt' ? 'JWT' : 'NONE',
      });
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });

  it('throttles the public certificate check on its own route', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      RouteSettings: { 'GET /v1/certificates/{number}': { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 } },
    });
  });

  it('lets no user write their own role or jurisdiction', () => {
    const clients = Object.values(template.findResources('AWS::Cognito::UserPoolClient'));
    expect(clients).toHaveLength(1);
    const { ReadAttributes, WriteAttributes } = clients[0]!.Properties as { ReadAttributes: string[]; WriteAttributes: string[] };
    expect(ReadAttributes).toEqual(expect.arrayContaining(['custom:role', 'custom:jurisdiction']));
    expect(WriteAttributes.filter((a) => a.startsWith('custom:'))).toEqual([]);
    expect(WriteAttributes.length).toBeGreaterThan(0);
  });

  it("verifies tokens against the user pool: its issuer URL and its app client as the audience", () => {
    const [authorizer] = Object.values(template.findResources('AWS::ApiGatewayV2::Authorizer'));
    const { Issuer, Audience } = authorizer!.Properties.JwtConfiguration as { Issuer: unknown; Audience: unknown[] };
    const pool = Object.keys(template.findResources('AWS::Cognito::UserPool'))[0]!;
    const client = Object.keys(template.findResources('AWS::Cognito::UserPoolClient'))[0]!;
    expect(JSON.stringify(Issuer)).toMatch(/https:\/\/cognito-idp\./);
    // Both from the stacks before (Data's pool, the Console's client), as references.
    expect(JSON.stringify(Issuer)).toContain(pool);
    expect(Audience).toHaveLength(1);
    expect(JSON.stringify(Audience)).toContain(client);
  });

  describe('matches the local stack', () => {
    let api: LocalApi;
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'liudong-issuer-'));
      api = await startHttpServer({ port: 0, issuer: await devIssuer(dir), operator: { deadLetters: async () => ({}), replay: async () => 0 }, onError: () => undefined });
    });
    afterAll(async () => {
      await api?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('serves the console with the CSP the distribution sends, less the sign-in provider, and signs in locally', async () => {
      const page = await fetch(`${api.url}/`);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      const local = page.headers.get('content-security-policy')!;
      const [policy] = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy')).filter((p) =>
        JSON.stringify(p).includes('connect-src'),
      );
      const joined = (policy!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
      const cloud = joined.map((part) => (typeof part === 'string' ? part : '<token>')).join('');
      expect(cloud.replace(` https://cognito-idp.<token>.<token> https://<token>.auth.<token>.amazoncognito.com https://${physicalName('Liudong', 'imports')}-<token>-<token>.s3.<token>.<token>`, '')).toBe(local);
      // The bucket named there takes the browser's PUT (presigned) across origins.
      expect(JSON.stringify(joined)).toContain(`${physicalName('Liudong', 'imports')}-`);
      template.hasResourceProperties('AWS::S3::Bucket', { CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: ['PUT'] })] } });
      expect(await (await fetch(`${api.url}${CONSOLE_CONFIG_PATH}`)).json()).toEqual({ signIn: 'local' });
    });

    it('refuses every token API Gateway would refuse, and one without a role, with 401', async () => {
      const { SignJWT, generateKeyPair, importJWK } = await import('jose');
      const { DEV_AUDIENCE, DEV_ISSUER } = await import('../../local/dev-issuer.ts');
      const keyFile = JSON.parse(readFileSync(path.join(dir, 'dev-issuer.json'), 'utf8')) as { privateJwk: JWK; publicJwk: JWK };
      const devKey = await importJWK(keyFile.privateJwk, 'ES256');
      const now = Math.floor(Date.now() / 1000);
      const claims = { 'custom:role': 'supervisor', 'custom:jurisdiction': '11' };
      const token = (edit: (jwt: InstanceType<typeof SignJWT>) => InstanceType<typeof SignJWT> = (j) => j, key: Parameters<InstanceType<typeof SignJWT>['sign']>[0] = devKey, alg = 'ES256') =>
        edit(new SignJWT(claims).setProtectedHeader({ alg, kid: 'liudong-local-1' }).setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setSubject('s').setIssuedAt(now).setExpirationTime(now + 600)).sign(key);
      const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const other = await generateKeyPair('ES256');
      const bad: Record<string, string> = {
        expired: await token((j) => j.setIssuedAt(now - 7200).setExpirationTime(now - 3600)),
        'not yet valid': await token((j) => j.setNotBefore(now + 3600)),
        'signed by another key': await token(undefined, other.privateKey),
        'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, iss: DEV_ISSUER, aud: DEV_AUDIENCE, sub: 's', exp: now + 600 })}.`,
        'HS256 with the public key': await token(undefined, new TextEncoder().encode(JSON.stringify(keyFile.publicJwk)), 'HS256'),
        'wrong issuer': await token((j) => j.setIssuer('https://evil.example/')),
        'wrong audience': await token((j) => j.setAudience('someone-else')),
        'no role claim': await new SignJWT({ 'custom:jurisdiction': '11' }).setProtectedHeader({ alg: 'ES256', kid: 'liudong-local-1' }).setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setSubject('s').setIssuedAt(now).setExpirationTime(now + 600).sign(devKey),
      };
      // The same token without the fault verifies: each one fails for its fault alone.
      await expect((await devIssuer(dir)).verify(await token())).resolves.toMatchObject({ 'custom:role': 'supervisor' });
      for (const [why, jwt] of Object.entries(bad)) {
        const response = await fetch(`${api.url}/v1/cases?jurisdiction=11`, { headers: { authorization: `Bearer ${jwt}` } });
        expect(response.status, why).toBe(401);
      }
    });

    it('refuses a payload past API Gateway\'s 10 MB with 413, as the gateway does', async () => {
      const response = await fetch(`${api.url}/v1/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(10 * 1024 * 1024 + 1) });
      expect(response.status).toBe(413);
    });

    it('answers exactly the routes the template deploys, and what none matches as its $default route does', async () => {
      const keys = templateRouteKeys().filter((k) => k !== '$default');
      expect(templateRouteKeys()).toContain('$default');
      expect(keys.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
      for (const key of keys) {
        const [method, routePath] = key.split(' ') as [string, string];
        const concrete = routePath
          .replace('{id}', '7d4b3f3e-4c5a-4b0e-9a51-2f0e8d1c6a10')
          .replace('{code}', '110105001');
        const response = await fetch(`${api.url}${concrete}`, { method });
        const route = routes.find((r) => `${r.method} ${r.path}` === key)!;
        // Unauthenticated: a JWT route exists when it says 401; a public one when its handler answers.
        if (route.auth === 'jwt') expect(response.status, key).toBe(401);
        else expect(response.headers.get('content-type'), key).toMatch(/^application\/(problem\+)?json/);
        if (route.auth === 'none') expect(await response.text(), key).not.toContain('"message":"Not Found"');
      }
      const nothing = await fetch(`${api.url}/v1/nothing-here`);
      expect(nothing.status).toBe(404);
      expect(nothing.headers.get('content-type')).toBe('application/problem+json');
      const wrongMethod = await fetch(`${api.url}/v1/openapi.json`, { method: 'DELETE' });
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.get('allow')).toBe('GET');
      expect(((await wrongMethod.json()) as { detail: string }).detail).toBe('/v1/openapi.json answers GET, not DELETE');
    });
  });
});

describe('console', () => {
  const distribution = () => Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig as Record<string, any>;

  it('serves the private console bucket through CloudFront with origin access control only', () => {
    const config = distribution();
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    const s3 = config.Origins.find((o: { S3OriginConfig?: unknown }) => o.S3OriginConfig);
    expect(s3.OriginAccessControlId).toBeDefined();
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', { OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }) });
    const site = logicalIdOf(stack.console.site);
    template.hasResourceProperties('AWS::S3::Bucket', { PublicAccessBlockConfiguration: Match.objectLike({ BlockPublicAcls: true, RestrictPublicBuckets: true }), LoggingConfiguration: Match.anyValue() });
    const [policy] = Object.values(template.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: site } } }));
    const reader = (policy!.Properties.PolicyDocument.Statement as { Effect: string; Principal?: { Service?: string }; Condition?: object }[]).find((st) => st.Effect === 'Allow');
    expect(reader!.Principal!.Service).toBe('cloudfront.amazonaws.com');
    expect(JSON.stringify(reader!.Condition)).toContain('AWS:SourceArn');
    expect(config.Logging.Prefix).toBe('cloudfront/');
  });

  it('puts the API on the same distribution under /v1, uncached, all viewer headers but Host, the viewer address set at the edge', () => {
    const [api] = distribution().CacheBehaviors as Record<string, any>[];
    expect(api!.PathPattern).toBe('/v1/*');
    expect(api!.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']));
    expect(api!.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad'); // CachingDisabled
    expect(api!.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac'); // AllViewerExceptHostHeader
    const origin = distribution().Origins.find((o: { Id: string }) => o.Id === api!.TargetOriginId);
    expect(JSON.stringify(origin.DomainName)).toContain(logicalIdOf(stack.api));
    expect(origin.CustomOriginConfig).toEqual({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    // The distribution names itself to the API with a generated secret, which only the certificate check is given.
    const secret = logicalIdOf(stack.console.originVerify);
    expect(origin.OriginCustomHeaders).toEqual([{ HeaderName: ORIGIN_VERIFY_HEADER, HeaderValue: expect.objectContaining({}) }]);
    expect(JSON.stringify(origin.OriginCustomHeaders)).toContain(secret);
    const withSecret = Object.values(template.findResources('AWS::Lambda::Function')).filter((f) => JSON.stringify(f.Properties.Environment ?? {}).includes(secret));
    expect(withSecret.map((f) => f.Properties.Description)).toEqual([functions.checkCertificate.description]);
    // One origin for console and API: the API answers no cross-origin preflight.
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
    // The edge function overwrites whatever address a viewer claims.
    template.hasResourceProperties('AWS::CloudFront::Function', { FunctionCode: VIEWER_ADDRESS_FUNCTION, FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }) });
    expect(api!.FunctionAssociations[0].EventType).toBe('viewer-request');
    const handler = new Function(`${VIEWER_ADDRESS_FUNCTION}; return handler;`)() as (e: unknown) => { headers: Record<string, { value: string }> };
    const request = handler({ viewer: { ip: '203.0.113.7' }, request: { headers: { [VIEWER_ADDRESS_HEADER]: { value: '198.51.100.1' } } } });
    expect(request.headers[VIEWER_ADDRESS_HEADER]).toEqual({ value: '203.0.113.7' });
  });

  it('sends CSP, HSTS and no-framing headers on the console and on the API', () => {
    const policies = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy')).map((p) => p.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig as Record<string, any>);
    expect(policies).toHaveLength(2);
    for (const headers of policies) {
      expect(headers.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: CONSOLE_HSTS_SECONDS, IncludeSubdomains: true, Override: true });
      expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
      expect(headers.ContentTypeOptions).toEqual({ Override: true });
      expect(JSON.stringify(headers.ContentSecurityPolicy)).toContain("frame-ancestors 'none'");
    }
    const config = distribution();
    const ids = [config.DefaultCacheBehavior.ResponseHeadersPolicyId, config.CacheBehaviors[0].ResponseHeadersPolicyId].map((r: { Ref: string }) => r.Ref);
    expect(new Set(ids).size).toBe(2);
  });

  it('signs in through the hosted UI: authorization code for a public client (PKCE), back to the console only', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    const [client] = Object.values(template.findResources('AWS::Cognito::UserPoolClient'));
    const props = client!.Properties as Record<string, any>;
    expect(props.AllowedOAuthFlows).toEqual(['code']);
    expect(props.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(props.GenerateSecret).toBe(false);
    expect(props.AllowedOAuthScopes).toEqual(expect.arrayContaining(['openid']));
    const consoleUrl = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalIdOf(stack.console.distribution), 'DomainName'] }, '/']] };
    expect(props.CallbackURLs).toEqual([consoleUrl]);
    expect(props.LogoutURLs).toEqual([consoleUrl]);
    expect(props.ExplicitAuthFlows).not.toContain('ALLOW_USER_PASSWORD_AUTH');
  });

  it('uploads the built console, then index.html and the sign-in configuration, and invalidates those two', () => {
    const deployments = Object.values(template.findResources('Custom::CDKBucketDeployment')).map((d) => d.Properties as Record<string, any>);
    expect(deployments.map((d) => d.SystemMetadata['cache-control']).sort()).toEqual(['no-cache', 'public, max-age=31536000, immutable']);
    const entry = deployments.find((d) => d.SystemMetadata['cache-control'] === 'no-cache')!;
    expect(entry.DistributionPaths).toEqual(['/index.html', CONSOLE_CONFIG_PATH]);
    // The configuration names the user pool, this app client and the hosted UI's domain (deploy-time values).
    const markers = JSON.stringify(entry.SourceMarkers);
    expect(markers).toContain(Object.keys(template.findResources('AWS::Cognito::UserPoolClient'))[0]!);
    expect(markers).toContain(Object.keys(template.findResources('AWS::Cognito::UserPool'))[0]!);
    expect(markers).toContain(Object.keys(template.findResources('AWS::Cognito::UserPoolDomain'))[0]!);
    // No demo sign-in in the cloud: neither the demo accounts nor the local token route is a route there.
    const keys = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey as string);
    expect(keys.filter((k) => k.includes('_local'))).toEqual([]);
  });
});

describe('cdk-nag', () => {
  it('has no unacknowledged AwsSolutions finding', () => {
    const { app } = buildApp(withOutdir());
    expect(() => app.synth()).not.toThrow();
  });

  it('would fail the synth without the acknowledgements', () => {
    const app = new App(withOutdir());
    new LiudongDeployment(app, { name: 'Unacknowledged' });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow(/AwsSolutions-L1/);
  });
});
