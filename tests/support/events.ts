// Builders for API Gateway HTTP API (payload 2.0) events and Lambda contexts, for tests that
// call a handler directly.
import os from 'node:os';
import path from 'node:path';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';

export function httpEvent(options: {
  method?: string;
  path: string;
  routeKey?: string;
  claims?: Record<string, string> | undefined;
  headers?: Record<string, string>;
  body?: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
}): APIGatewayProxyEventV2WithJWTAuthorizer {
  const method = options.method ?? 'GET';
  return {
    version: '2.0',
    routeKey: options.routeKey ?? `${method} ${options.path}`,
    rawPath: options.path,
    rawQueryString: '',
    headers: options.headers ?? {},
    ...(options.query ? { queryStringParameters: options.query } : {}),
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'test',
      http: { method, path: options.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'req-1',
      routeKey: options.routeKey ?? `${method} ${options.path}`,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: options.claims ?? {}, scopes: [] } },
    },
    ...(options.body !== undefined ? { body: options.body } : {}),
    isBase64Encoded: false,
  };
}

export const caseworkerClaims = (jurisdiction = '110105001', sub = `cw-${jurisdiction}`) => ({
  sub,
  'custom:role': 'caseworker',
  'custom:jurisdiction': jurisdiction,
});

export function lambdaContext(functionName = 'test-function'): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: `req-${Math.random().toString(16).slice(2)}`,
    logGroupName: 'test',
    logStreamName: 'test',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Environment for handler tests whose AWS calls are mocked: resource names, fake credentials. */
export function useMockedAwsEnvironment(extra: Record<string, string> = {}) {
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'x',
    AWS_SECRET_ACCESS_KEY: 'x',
    CASES_TABLE: 'cases',
    IDEMPOTENCY_TABLE: 'idempotency',
    AUDIT_TABLE: 'audit',
    NOTIFICATIONS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/notifications',
    STATISTICS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/statistics',
    STATISTICS_TABLE: 'statistics',
    // Personal data is sealed with a key file of the test's own, made on first use.
    PERSONAL_DATA_KEYS_FILE: path.join(os.tmpdir(), `liudong-test-keys-${process.pid}.json`),
    ...extra,
  });
}

/** A fake BatchGetItem answer in which every jurisdiction asked for exists (and no policy does). */
export function everyJurisdictionExists(input: { RequestItems?: Record<string, { Keys?: Record<string, unknown>[] }> }) {
  const keys = (input.RequestItems?.cases?.Keys ?? []) as { pk: string }[];
  const items = keys
    .filter((k) => k.pk.startsWith('JURISDICTION#'))
    .map((k) => ({ code: k.pk.slice('JURISDICTION#'.length), name: 'x', level: 'township' }));
  return { Responses: { cases: items } };
}
