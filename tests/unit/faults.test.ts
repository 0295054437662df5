// Faults DynamoDB Local, fauxqs and the local key file cannot produce, injected with
// aws-sdk-client-mock: throttling and cancelled transactions on the API, KMS unavailable while
// personal data is sealed, SendMessageBatch with entries failed, SES and SNS throttling. Each test
// asserts the outcome (status and headers, or the batch's failures) and, from the mock's recorded
// calls, that nothing was half-written or sent twice.
//
// aws-sdk-client-mock replaces a client's `send`, so the SDK's own retries never run under it: a
// rejection here is a fault that outlasted them. Where the SDK's retry itself is what is tested
// (SES and SNS throttling once), the client talks to a fake service endpoint on loopback instead.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GenerateDataKeyCommand, GenerateMacCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent, SQSEvent, SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deadlineId, stagesOfDeadline } from '../../core/workflows/engine.ts';
import type { Stage } from '../../core/reminders.ts';
import { caseworkerClaims, httpEvent, lambdaContext, everyJurisdictionExists, useMockedAwsEnvironment } from '../support/events.ts';

useMockedAwsEnvironment({
  DELIVERIES_TABLE: 'deliveries',
  DELIVERIES_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/deliveries',
  DEADLINES_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/deadlines',
  IMPORT_CHUNKS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/import-chunks',
  IMPORTS_BUCKET: 'imports',
  MESSAGES_FROM_ADDRESS: 'noreply@liudong.example.cn',
});
const documents = mockClient(DynamoDBDocumentClient);
const sqs = mockClient(SQSClient);
const kms = mockClient(KMSClient);
const s3 = mockClient(S3Client);

const clock = await import('../../functions/shared/clock.ts');
const { resetKeySource } = await import('../../functions/shared/protection.ts');
const { handler: createRegistration } = await import('../../functions/api/registrations/create.ts');
const { handler: registrationActions } = await import('../../functions/api/registrations/actions.ts');
const { handler: readCase } = await import('../../functions/api/cases/read.ts');
const { handler: listCases } = await import('../../functions/api/cases/list.ts');
const { handler: publishEvents } = await import('../../functions/streams/publish-events.ts');
const { handler: fanOutEvents } = await import('../../functions/streams/fan-out-events.ts');
const { handler: splitImport } = await import('../../functions/queues/split-import.ts');
const { handler: actOnDeadlines } = await import('../../functions/queues/act-on-deadlines.ts');
const { handler: sweepDeadlines } = await import('../../functions/schedules/sweep-deadlines.ts');
const { chunkDone } = await import('../../functions/shared/store/imports.ts');

// The tests' own clock: the day after the arrival they report, 10:00 in Shanghai.
const FIXTURE = '2026-01-06T02:00:00.000Z';
beforeAll(() => clock.setClock(FIXTURE));
afterAll(() => clock.resetClock());

// ---- A few tables in memory behind the mocked document client ---------------------------------

type Item = Record<string, unknown>;
const ccf = () => Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException', $metadata: {} });
const keyOf = (table: string | undefined, key: Item) => `${table}|${String(key.pk ?? key.id)}|${String(key.sk ?? '')}`;

/**
 * Items by key: a put guarded by `attribute_not_exists(…)` fails when the item is there; a message's
 * settle (`#state = :from`) fails when it moved already, its mark before sending when it is marked
 * already; every other condition passes (a claim's
 * lease is taken as run out). Anything a test does not script: jurisdictions exist, queries find
 * nothing, transactions pass.
 */
let items = new Map<string, Item>();
function fakeTables(): void {
  items = new Map();
  documents.on(GetCommand).callsFake((input: { TableName: string; Key: Item }) => ({ Item: items.get(keyOf(input.TableName, input.Key)) }));
  documents.on(PutCommand).callsFake((input: { TableName: string; Item: Item; ConditionExpression?: string }) => {
    const key = keyOf(input.TableName, input.Item);
    if (/^attribute_not_exists\(\w+\)$/.test(input.ConditionExpression ?? '') && items.has(key)) throw ccf();
    items.set(key, input.Item);
    return {};
  });
  documents.on(DeleteCommand).callsFake((input: { TableName: string; Key: Item }) => {
    items.delete(keyOf(input.TableName, input.Key));
    return {};
  });
  documents.on(UpdateCommand).callsFake(fakeUpdate);
  documents.on(BatchGetCommand).callsFake(everyJurisdictionExists);
  documents.on(QueryCommand).resolves({ Items: [] });
  documents.on(TransactWriteCommand).resolves({});
}

type UpdateInput = { TableName: string; Key: Item; UpdateExpression?: string; ExpressionAttributeValues?: Item; ConditionExpression?: string };
function fakeUpdate(input: UpdateInput) {
    const key = keyOf(input.TableName, input.Key);
    const values = input.ExpressionAttributeValues ?? {};
    const found = items.get(key);
    const condition = input.ConditionExpression ?? '';
    if (condition.startsWith('#state = :from') && found?.state !== values[':from']) throw ccf();
    if (condition.includes('attribute_not_exists(sendingAt)') && found?.sendingAt !== undefined) throw ccf();
    if (!found) return {};
    // A message's mark before its channel is called (markSending), taken off when the call fails or the message settles.
    const { sendingAt: _mark, ...unmarked } = found;
    if (input.UpdateExpression === 'SET sendingAt = :at') items.set(key, { ...found, sendingAt: values[':at'] });
    else if (input.UpdateExpression === 'REMOVE sendingAt') items.set(key, unmarked);
    else if (values[':to'] !== undefined) items.set(key, { ...unmarked, state: values[':to'] });
    return {};
}

beforeEach(() => fakeTables());
afterEach(() => {
  documents.reset();
  sqs.reset();
  kms.reset();
  s3.reset();
});

const inputs = <I>(command: abstract new (input: I) => unknown) => documents.commandCalls(command as never).map((c) => c.args[0].input as I);
/** Every write the handler sent to DynamoDB, by table (the idempotency key's own record apart). */
const writes = () => ({
  puts: inputs(PutCommand).filter((i: { TableName?: string }) => i.TableName !== 'idempotency'),
  updates: inputs(UpdateCommand),
  batches: inputs(BatchWriteCommand),
  transactions: inputs(TransactWriteCommand),
});

// ---- The API --------------------------------------------------------------------------------------

interface Answer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const PERSON = { name: '张三', idNumber: '11010519491231002X', phone: '13800138000', email: 'zhang@example.cn' };
const registration = JSON.stringify({ person: PERSON, originCode: '511321100', destinationCode: '110105001', arrivalDate: '2026-01-05', expectedStayDays: 180 });

const create = async (key?: string): Promise<Answer> =>
  (await createRegistration(
    httpEvent({
      method: 'POST',
      path: '/v1/registrations',
      claims: caseworkerClaims(),
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: registration,
    }) as never,
    lambdaContext() as never,
  )) as Answer;

const problemOf = (answer: Answer) => {
  expect(answer.headers['content-type']).toBe('application/problem+json');
  return JSON.parse(answer.body) as { type: string; status: number; detail: string; caseId?: string };
};

/** 503 with Retry-After and problem details, and nothing of the stack. */
function expectUnavailable(answer: Answer, retryAfter = '1') {
  expect(answer.statusCode).toBe(503);
  expect(answer.headers['retry-after']).toBe(retryAfter);
  const problem = problemOf(answer);
  expect(problem).toMatchObject({ type: 'urn:liudong:problem:unavailable', status: 503 });
  expect(answer.body).not.toMatch(/\bat .*\.ts:\d+/);
}

/** The key's in-progress record was put, then released by a delete of that same record: a retry runs again. */
function expectKeyReleased() {
  const taken = inputs(PutCommand).filter((i: { TableName?: string }) => i.TableName === 'idempotency');
  expect(taken).toHaveLength(1);
  expect(taken[0]!.Item).toMatchObject({ state: 'in_progress' });
  const released = inputs(DeleteCommand);
  expect(released).toEqual([expect.objectContaining({ TableName: 'idempotency', Key: { id: taken[0]!.Item!.id } })]);
  expect([...items.keys()].filter((k) => k.startsWith('idempotency|'))).toEqual([]);
}

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({ message: `Transaction cancelled [${codes.join(', ')}]`, $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });
const awsError = (name: string, fault: 'client' | 'server' = 'client') => Object.assign(new Error(`${name} (injected)`), { name, $fault: fault, $metadata: {} });

/** A registration as the create wrote it: its case item (sealed, indexed), the others of its transaction. */
async function reportedRegistration(): Promise<{ caseItem: Item; id: string }> {
  const answer = await create();
  expect(answer.statusCode).toBe(201);
  const [transaction] = inputs(TransactWriteCommand);
  const caseItem = transaction!.TransactItems![0]!.Put!.Item as Item;
  documents.resetHistory();
  return { caseItem, id: String(caseItem.id) };
}

describe('DynamoDB throttling on the API', () => {
  it('a create whose transaction is throttled (ProvisionedThroughputExceededException) answers 503 with Retry-After, writes nothing and frees its Idempotency-Key', async () => {
    documents.on(TransactWriteCommand).rejects(awsError('ProvisionedThroughputExceededException'));
    const answer = await create('create-throttled-1');
    expectUnavailable(answer);
    // The one transaction was refused whole; nothing else was written, the audit included.
    expect(writes()).toMatchObject({ puts: [], updates: [], batches: [] });
    expect(writes().transactions).toHaveLength(1);
    expectKeyReleased();

    // The retry with the same key runs again (not 409 "in use"), and this time writes the case with the key's record.
    documents.on(TransactWriteCommand).resolves({});
    const retry = await create('create-throttled-1');
    expect(retry.statusCode).toBe(201);
    const [, second] = writes().transactions;
    expect(second!.TransactItems!.at(-1)!.Update).toMatchObject({ TableName: 'idempotency', ExpressionAttributeValues: { ':done': 'done' } });
  });

  it.each([
    ['ProvisionedThroughputExceeded', ['ProvisionedThroughputExceeded', 'None', 'None', 'None', 'None']],
    ['ThrottlingError', ['ThrottlingError', 'None', 'None', 'None', 'None']],
  ])('a create whose transaction is cancelled for %s answers 503 with Retry-After and frees its key', async (_reason, codes) => {
    documents.on(TransactWriteCommand).rejects(cancelled(...codes));
    expectUnavailable(await create('create-cancelled-throttled'));
    expect(writes()).toMatchObject({ puts: [], updates: [], batches: [] });
    expectKeyReleased();
  });

  it('a read whose GetItem is throttled answers 503 with Retry-After and records no read in the audit', async () => {
    documents.on(GetCommand).rejects(awsError('ProvisionedThroughputExceededException'));
    const id = '0b6f2a64-9a8e-4d8e-8a52-3f0f0c6f1a11';
    const answer = (await readCase(
      httpEvent({ path: `/v1/registrations/${id}`, routeKey: 'GET /v1/registrations/{id}', pathParameters: { id }, claims: caseworkerClaims() }) as never,
      lambdaContext() as never,
    )) as Answer;
    expectUnavailable(answer);
    expect(inputs(GetCommand)).toHaveLength(1);
    expect(writes()).toMatchObject({ puts: [], updates: [], batches: [], transactions: [] });
  });

  it('a list whose Query is throttled answers 503 with Retry-After and records no list in the audit', async () => {
    documents.on(QueryCommand).rejects(awsError('ThrottlingException'));
    const answer = (await listCases(
      httpEvent({ path: '/v1/cases', query: { jurisdiction: '110105001' }, claims: caseworkerClaims() }) as never,
      lambdaContext() as never,
    )) as Answer;
    expectUnavailable(answer);
    expect(inputs(QueryCommand)).toHaveLength(1);
    expect(writes()).toMatchObject({ puts: [], updates: [], batches: [], transactions: [] });
  });
});

describe('cancelled transactions on the API', () => {
  it('a duplicate arrival (the guard ConditionalCheckFailed) is 409 naming the registration that has it; nothing written, the key freed', async () => {
    const existing = '5d1c6a2e-7b1f-4e55-9d0a-6a4a1e0f3b22';
    // case, history, event, duplicate guard, the key's record
    documents.on(TransactWriteCommand).rejects(cancelled('None', 'None', 'None', 'ConditionalCheckFailed', 'None'));
    documents.on(GetCommand, { TableName: 'cases' }).callsFake((input: { Key: Item }) => ({
      Item: String(input.Key.pk).startsWith('DEDUPE#') ? { ...input.Key, entity: 'dedupe', caseId: existing } : undefined,
    }));
    const answer = await create('duplicate-arrival');
    expect(answer.statusCode).toBe(409);
    expect(problemOf(answer)).toMatchObject({ type: 'urn:liudong:problem:conflict', caseId: existing, detail: `this arrival is already reported as registration ${existing}` });
    expect(writes()).toMatchObject({ puts: [], updates: [], batches: [] });
    expectKeyReleased();
  });

  it('an action on a case that changed meanwhile (the case item ConditionalCheckFailed) is 409 naming the case; nothing written, the key freed', async () => {
    const { caseItem, id } = await reportedRegistration();
    items.set(keyOf('cases', caseItem), caseItem);
    // case, history, event, the key's record
    documents.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'None', 'None'));
    const answer = (await registrationActions(
      httpEvent({
        method: 'POST',
        path: `/v1/registrations/${id}/request-supplement`,
        routeKey: 'POST /v1/registrations/{id}/request-supplement',
        pathParameters: { id },
        claims: caseworkerClaims(),
        headers: { 'content-type': 'application/json', 'idempotency-key': 'stale-action' },
        body: JSON.stringify({ items: ['租赁合同'], reason: '请补交租赁合同' }),
      }) as never,
      lambdaContext() as never,
    )) as Answer;
    expect(answer.statusCode).toBe(409);
    expect(problemOf(answer)).toMatchObject({ type: 'urn:liudong:problem:conflict', detail: `case ${id} changed while this request was processed; read it again and retry` });
    expect(writes()).toMatchObject({ puts: [], updates: [], batches: [] });
    expect(writes().transactions).toHaveLength(1);
    expectKeyReleased();
  });

  it('a transaction cancelled for a TransactionConflict (a concurrent transaction on its items) is 503 with Retry-After, not 500; the retry with the same key runs again', async () => {
    documents.on(TransactWriteCommand).rejects(cancelled('TransactionConflict', 'None', 'None', 'None', 'None'));
    expectUnavailable(await create('concurrent'));
    expect(writes()).toMatchObject({ puts: [], updates: [], batches: [] });
    expectKeyReleased();
    documents.on(TransactWriteCommand).resolves({});
    expect((await create('concurrent')).statusCode).toBe(201);
  });
});

describe('KMS unavailable while personal data is sealed', () => {
  const saved = process.env.PERSONAL_DATA_KEYS_FILE;
  beforeEach(() => {
    // As in AWS: data keys from KMS, the blind-index key derived by KMS.
    delete process.env.PERSONAL_DATA_KEYS_FILE;
    process.env.PERSONAL_DATA_KEY_ID = 'alias/liudong-personal-data';
    process.env.BLIND_INDEX_KEY_ID = 'alias/liudong-blind-index';
    resetKeySource();
    kms.on(GenerateMacCommand).resolves({ Mac: new Uint8Array(32).fill(7) });
    kms.on(GenerateDataKeyCommand).resolves({ KeyId: 'arn:aws:kms:us-east-1:000000000000:key/k1', Plaintext: new Uint8Array(32).fill(1), CiphertextBlob: new Uint8Array(64).fill(2) });
  });
  afterEach(() => {
    process.env.PERSONAL_DATA_KEYS_FILE = saved;
    delete process.env.PERSONAL_DATA_KEY_ID;
    delete process.env.BLIND_INDEX_KEY_ID;
    resetKeySource();
  });

  const timeout = Object.assign(new Error('@smithy/node-http-handler - the request socket timed out after 2000 ms of inactivity'), { name: 'TimeoutError' });
  const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
  it.each([
    ['KMSInternalException', awsError('KMSInternalException', 'server')],
    ['KeyUnavailableException', awsError('KeyUnavailableException', 'server')],
    ['DependencyTimeoutException', awsError('DependencyTimeoutException', 'server')],
    ['KMSInvalidStateException (the key pending deletion)', awsError('KMSInvalidStateException')],
    ['DisabledException (the key disabled)', awsError('DisabledException')],
    ['a network timeout', timeout],
    ['a lost connection', reset],
  ])('GenerateDataKey failing with %s: a create answers 503 with Retry-After, writes nothing, frees its key', async (_what, error) => {
    kms.on(GenerateDataKeyCommand).rejects(error);
    expectUnavailable(await create('sealing-fails'), '5');
    expect(kms.commandCalls(GenerateDataKeyCommand)).toHaveLength(1);
    // Sealing comes before the transaction: none was sent.
    expect(writes()).toEqual({ puts: [], updates: [], batches: [], transactions: [] });
    expectKeyReleased();
  });

  it('KMS throttling GenerateDataKey is 503 "busy" with Retry-After: 1', async () => {
    kms.on(GenerateDataKeyCommand).rejects(awsError('ThrottlingException'));
    expectUnavailable(await create('sealing-throttled'), '1');
    expect(writes().transactions).toEqual([]);
  });

  it('a failed blind-index derivation (GenerateMac) is 503, and is not kept: once KMS answers, the next request succeeds', async () => {
    kms.on(GenerateMacCommand).rejectsOnce(awsError('DependencyTimeoutException', 'server')).resolves({ Mac: new Uint8Array(32).fill(7) });
    expectUnavailable(await create('index-fails'), '5');
    expect(writes().transactions).toEqual([]);
    expectKeyReleased();
    const retry = await create('index-fails');
    expect(retry.statusCode).toBe(201);
    expect(kms.commandCalls(GenerateMacCommand)).toHaveLength(2);
    expect(writes().transactions).toHaveLength(1);
  });
});

// ---- The outbox relay and the fan-out -----------------------------------------------------------

const streamRecord = (id: string, sequence: string, caseId = 'c') => ({
  eventID: id,
  eventName: 'INSERT' as const,
  eventSource: 'aws:dynamodb',
  dynamodb: {
    Keys: marshall({ pk: `CASE#${caseId}`, sk: `EVENT#${id}` }) as never,
    SequenceNumber: sequence,
    NewImage: marshall({
      pk: `CASE#${caseId}`,
      sk: `EVENT#${id}`,
      entity: 'event',
      event: { id, type: 'cn.liudong.registration.reported', time: '2026-01-06T02:00:00.000Z', data: { caseId, caseType: 'registration', originCode: '511321100', destinationCode: '110105001' } },
    }) as never,
  },
});

describe('throttling in the outbox relay', () => {
  it('reports only the throttled record as failed, so the stream retries from it', async () => {
    // Each event goes to two queues (inboxes, statistics): e1's two sends pass, e2's first is throttled.
    sqs
      .on(SendMessageCommand)
      .resolvesOnce({ MessageId: 'm1' })
      .resolvesOnce({ MessageId: 'm2' })
      .rejectsOnce(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }))
      .resolves({ MessageId: 'm4' });
    const event: DynamoDBStreamEvent = { Records: [streamRecord('e1', '100'), streamRecord('e2', '200'), streamRecord('e3', '300')] };
    const response = await publishEvents(event, lambdaContext());
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '200' }]);
    expect(sqs.commandCalls(SendMessageCommand).map((c) => JSON.parse(c.args[0].input.MessageBody!).id)).toEqual(['e1', 'e1', 'e2', 'e2', 'e3', 'e3']);
  });

  it('the fan-out: a delivery recorded but not queued (SendMessage throttled) fails its record; the retry queues it once, recording nothing twice', async () => {
    const peer = { pk: 'SUBSCRIPTIONS', sk: 'SUB#p1', id: 'p1', kind: 'peer', agency: 'peer-11', jurisdiction: '11', prefixes: ['11'], eventTypes: ['*'], state: 'active', secrets: [], version: 1 };
    documents.on(QueryCommand, { TableName: 'deliveries' }).resolves({ Items: [peer] });
    // The delivery, its pointer and the lane are written in one transaction: applied to the tables.
    documents.on(TransactWriteCommand).callsFake((input: { TransactItems: { Put?: { TableName: string; Item: Item; ConditionExpression?: string } }[] }) => {
      const puts = input.TransactItems.map((t) => t.Put).filter((p) => p !== undefined);
      const codes = puts.map((p) => (p.ConditionExpression === 'attribute_not_exists(pk)' && items.has(keyOf(p.TableName, p.Item)) ? 'ConditionalCheckFailed' : 'None'));
      if (codes.includes('ConditionalCheckFailed')) throw cancelled(...codes, ...input.TransactItems.slice(puts.length).map(() => 'None'));
      for (const p of puts) items.set(keyOf(p.TableName, p.Item), p.Item);
      return {};
    });
    sqs.on(SendMessageCommand).rejectsOnce(awsError('RequestThrottled')).resolves({ MessageId: 'd1' });
    const event: DynamoDBStreamEvent = { Records: [streamRecord('e1', '100')] };

    expect(await fanOutEvents(event)).toEqual({ batchItemFailures: [{ itemIdentifier: '100' }] });
    const deliveries = () => [...items.values()].filter((i) => i.entity === 'delivery');
    expect(deliveries()).toHaveLength(1);

    // The stream retries the record: the delivery is found recorded with no attempt made, and queued.
    expect(await fanOutEvents(event)).toEqual({ batchItemFailures: [] });
    expect(deliveries()).toHaveLength(1);
    expect(deliveries()[0]).toMatchObject({ state: 'pending', attempts: [] });
    const sent = sqs.commandCalls(SendMessageCommand).map((c) => c.args[0].input);
    expect(sent).toHaveLength(2);
    expect(sent.map((m) => JSON.parse(m.MessageBody!))).toEqual([
      { subscriptionId: 'p1', sk: deliveries()[0]!.sk, attempt: 1 },
      { subscriptionId: 'p1', sk: deliveries()[0]!.sk, attempt: 1 },
    ]);
  });
});

// ---- SendMessageBatch with entries failed ---------------------------------------------------------

const sqsRecord = (messageId: string, body: unknown): SQSRecord => ({
  messageId,
  receiptHandle: `rh-${messageId}`,
  body: JSON.stringify(body),
  attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'x', ApproximateFirstReceiveTimestamp: '0' },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:queue',
  awsRegion: 'us-east-1',
});

describe('SendMessageBatch with entries failed', () => {
  const importId = '3f1e2d4c-5b6a-4789-9abc-def012345678';
  const upload = (messageId: string, key: string) =>
    sqsRecord(messageId, { Records: [{ s3: { bucket: { name: 'imports' }, object: { key } } }] });
  // 600 rows: three chunks of at most 250, sent in one batch.
  const csv = [
    'name,idNumber,phone,originCode,arrivalDate,expectedStayDays,premises',
    ...Array.from({ length: 600 }, (_, i) => `工人${i},11010519491231002X,138${String(i).padStart(8, '0')},511321100,2026-01-05,180,宿舍${i}`),
  ].join('\n');

  beforeEach(() => {
    items.set(keyOf('cases', { pk: `IMPORT#${importId}`, sk: 'IMPORT' }), { pk: `IMPORT#${importId}`, sk: 'IMPORT', entity: 'import', id: importId, state: 'waiting_for_upload', destinationCode: '110105001' });
    s3.on(HeadObjectCommand).resolves({ ContentLength: Buffer.byteLength(csv) });
    s3.on(GetObjectCommand).callsFake(() => ({ Body: Readable.from([Buffer.from(csv)]) }));
  });

  it('split-import: a chunk the batch did not queue fails the upload record (partial batch response); the redelivery sends every chunk again, under the same chunk numbers', async () => {
    sqs.on(SendMessageBatchCommand).resolvesOnce({
      Successful: [{ Id: '0', MessageId: 'q0', MD5OfMessageBody: '' }, { Id: '2', MessageId: 'q2', MD5OfMessageBody: '' }],
      Failed: [{ Id: '1', SenderFault: false, Code: 'InternalError' }],
    });
    // Beside it in the batch, a notification for an object no import waits for: it succeeds.
    const event: SQSEvent = { Records: [upload('upload-1', `uploads/${importId}.csv`), upload('stray-1', 'uploads/not-an-import.csv')] };
    const first = await splitImport(event, lambdaContext());
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: 'upload-1' }]);
    // Not marked split: the import still waits, so the redelivery reads the file again.
    expect(writes().updates).toEqual([]);
    expect(items.get(keyOf('cases', { pk: `IMPORT#${importId}`, sk: 'IMPORT' }))).toMatchObject({ state: 'waiting_for_upload' });

    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const second = await splitImport({ Records: [upload('upload-1', `uploads/${importId}.csv`)] }, lambdaContext());
    expect(second.batchItemFailures).toEqual([]);
    const batches = sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input.Entries!.map((e) => JSON.parse(e.MessageBody!) as { importId: string; chunk: number; rows: unknown[] }));
    expect(batches).toHaveLength(2);
    // The chunks queued the first time (0 and 2) go again: the same import and chunk numbers, the same rows.
    expect(batches[1]!.map((c) => [c.importId, c.chunk, c.rows.length])).toEqual([
      [importId, 0, 250],
      [importId, 1, 250],
      [importId, 2, 100],
    ]);
    expect(batches[1]).toEqual(batches[0]);
    // Marked split once, with the file's figures.
    const split = writes().updates.filter((u) => u.ExpressionAttributeValues?.[':processing'] === 'processing' && u.ExpressionAttributeValues[':rows'] !== undefined);
    expect(split).toEqual([expect.objectContaining({ ExpressionAttributeValues: expect.objectContaining({ ':rows': 600, ':chunks': 3 }) })]);
  });

  it('split-import duplicates count once: a chunk counted already is not counted again', async () => {
    items.set(keyOf('cases', { pk: `IMPORT#${importId}`, sk: 'CHUNK#000000' }), { pk: `IMPORT#${importId}`, sk: 'CHUNK#000000', entity: 'chunk' });
    expect(await chunkDone(importId, 0, { created: 250, updated: 0, failed: 0 }, [], FIXTURE)).toBe('already counted');
    expect(writes()).toEqual({ puts: [], updates: [], batches: [], transactions: [] });
  });

  it('the deadline sweep: a stage the batch did not queue fails the run and marks no case queued, so the next sweep sends it (and the rest again) and then marks it', async () => {
    const { caseItem } = await reportedRegistration();
    items.set(keyOf('cases', caseItem), caseItem);
    documents.on(QueryCommand).callsFake((input: { IndexName?: string; ExpressionAttributeValues: Item }) => ({
      Items: input.IndexName === 'gsi1' && input.ExpressionAttributeValues[':shard'] === caseItem.gsi1pk ? [caseItem] : [],
    }));
    const deadline = caseItem.deadline as { dueAt: string };
    const asOf = new Date(Date.parse(deadline.dueAt) + 30 * 86400_000).toISOString();
    sqs.on(SendMessageBatchCommand).callsFake((input: { Entries: { Id: string }[] }) => ({
      Successful: input.Entries.slice(1).map((e) => ({ Id: e.Id, MessageId: `q${e.Id}`, MD5OfMessageBody: '' })),
      Failed: [{ Id: input.Entries[0]!.Id, SenderFault: false, Code: 'InternalError' }],
    }));
    await expect(sweepDeadlines({ asOf })).rejects.toThrow('1 deadline message(s) were not queued');
    expect(writes().updates).toEqual([]);

    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const result = await sweepDeadlines({ asOf });
    const [first, second] = sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input.Entries!.map((e) => JSON.parse(e.MessageBody!)));
    expect(first!.length).toBeGreaterThan(1);
    expect(second).toEqual(first);
    expect(result).toMatchObject({ enqueued: first!.length, skipped: 0 });
    expect(writes().updates).toEqual([expect.objectContaining({ Key: { pk: caseItem.pk, sk: 'CASE' }, ConditionExpression: 'version = :version' })]);
  });
});

// ---- SES and SNS throttling -------------------------------------------------------------------

/** A fake SES or SNS endpoint on loopback: answers each request with the next scripted reply. */
async function fakeEndpoint(replies: { status: number; headers?: Record<string, string>; body: string }[]) {
  const requests: { path: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', body });
      const reply = replies[Math.min(requests.length - 1, replies.length - 1)]!;
      res.writeHead(reply.status, reply.headers ?? {}).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const SES_THROTTLED = { status: 429, headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'TooManyRequestsException' }, body: '{"message":"Maximum sending rate exceeded."}' };
const SES_SENT = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"MessageId":"ses-1"}' };
const SNS_THROTTLED = {
  status: 400,
  headers: { 'content-type': 'text/xml' },
  body: '<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r1</RequestId></ErrorResponse>',
};
const SNS_SENT = {
  status: 200,
  headers: { 'content-type': 'text/xml' },
  body: '<PublishResponse><PublishResult><MessageId>sns-1</MessageId></PublishResult><ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata></PublishResponse>',
};

describe('SES and SNS throttling when a person is sent a message', () => {
  const CHANNEL_ENV = ['EMAIL_CHANNEL', 'SMS_CHANNEL', 'AWS_ENDPOINT_URL_SESV2', 'AWS_ENDPOINT_URL_SNS'];
  afterEach(() => {
    for (const name of CHANNEL_ENV) delete process.env[name];
  });

  const messages = () => [...items.values()].filter((i) => i.entity === 'message') as (Item & { channel: string; state: string })[];
  /** The settles of a message to `sent`: one each, however often the queue delivered its stage. */
  const sentMarks = () => inputs(UpdateCommand).filter((u: { Key?: Item; ExpressionAttributeValues?: Item }) => String(u.Key?.sk).startsWith('MESSAGE#') && u.ExpressionAttributeValues?.[':to'] === 'sent');

  /** A registration with a reminder to the person due (e-mail and SMS): the deadline worker's message for it. */
  async function reminderDue(): Promise<{ record: (id: string) => SQSRecord; stage: Stage }> {
    const { caseItem, id } = await reportedRegistration();
    items.set(keyOf('cases', caseItem), caseItem);
    const deadline = caseItem.deadline as Parameters<typeof stagesOfDeadline>[0];
    const stage = stagesOfDeadline(deadline).find((s) => s.type === 'reminder' && s.audience.includes('person'))!;
    expect(stage).toBeDefined();
    return { stage, record: (messageId) => sqsRecord(messageId, { type: 'stage', caseId: id, deadline: deadlineId(deadline), stage: stage.name, asOf: stage.at }) };
  }

  /** A held SMS whose release has come, and a release for a message no longer held beside it (it succeeds). */
  async function heldSms(): Promise<{ event: SQSEvent; id: string }> {
    const { seal, blindIndex } = await import('../../functions/shared/protection.ts');
    const id = '7c3b1a29-4d5e-4f60-8a71-b2c3d4e5f601';
    const m = { pk: 'CASE#c1', sk: `MESSAGE#${id}`, entity: 'message', id, caseId: 'c1', stage: 'remind-3d', channel: 'sms', to: '138****8000', sealedTo: await seal('+8613800138000'), toIndex: await blindIndex('recipient', '+8613800138000'), language: 'zh', text: '请办理居住登记', state: 'held', dueAt: '2026-01-05T15:00:00.000Z', releaseAt: '2026-01-06T00:00:00.000Z' };
    items.set(keyOf('cases', m), m);
    return { id, event: { Records: [sqsRecord('release-1', { type: 'release', caseId: 'c1', messageId: id }), sqsRecord('release-gone', { type: 'release', caseId: 'c1', messageId: 'a-message-sent-long-ago' })] } };
  }

  const mockChannels = () => ({ ses: mockClient(SESv2Client), sns: mockClient(SNSClient) });
  /** SES and SNS as the channels, mocked for `run` and restored after it (their variables go in afterEach). */
  async function withMockedChannels(run: (channels: ReturnType<typeof mockChannels>) => Promise<void>): Promise<void> {
    const channels = mockChannels();
    process.env.EMAIL_CHANNEL = 'ses';
    process.env.SMS_CHANNEL = 'sns';
    try {
      await run(channels);
    } finally {
      channels.ses.restore();
      channels.sns.restore();
    }
  }

  it('SES throttles once: the SDK retries (standard mode, with jitter) and the e-mail goes once, marked sent once', async () => {
    const ses = await fakeEndpoint([SES_THROTTLED, SES_SENT]);
    try {
      process.env.EMAIL_CHANNEL = 'ses';
      process.env.AWS_ENDPOINT_URL_SESV2 = ses.url;
      const { record } = await reminderDue();
      const response = await actOnDeadlines({ Records: [record('stage-1')] }, lambdaContext());
      expect(response.batchItemFailures).toEqual([]);
      // Two requests reached SES: the throttled one, then the one it accepted.
      expect(ses.requests.map((r) => r.path)).toEqual(['/v2/email/outbound-emails', '/v2/email/outbound-emails']);
      expect(ses.requests[1]!.body).toBe(ses.requests[0]!.body);
      expect(messages().find((m) => m.channel === 'email')).toMatchObject({ state: 'sent' });
      expect(sentMarks().filter((u: { Key?: Item }) => u.Key!.sk === `MESSAGE#${messages().find((m) => m.channel === 'email')!.id}`)).toHaveLength(1);
    } finally {
      await ses.close();
    }
  });

  it('SNS throttles once (Throttling): the SDK retries and the SMS goes once, marked sent once', async () => {
    const sns = await fakeEndpoint([SNS_THROTTLED, SNS_SENT]);
    try {
      process.env.SMS_CHANNEL = 'sns';
      process.env.AWS_ENDPOINT_URL_SNS = sns.url;
      const { event, id } = await heldSms();
      const response = await actOnDeadlines(event, lambdaContext());
      expect(response.batchItemFailures).toEqual([]);
      expect(sns.requests).toHaveLength(2);
      expect(sns.requests.every((r) => r.body.includes('Action=Publish'))).toBe(true);
      expect(messages()[0]).toMatchObject({ id, state: 'sent' });
      expect(sentMarks()).toHaveLength(1);
    } finally {
      await sns.close();
    }
  });

  it('SES throttling that persists (TooManyRequestsException): the stage is reported failed and the e-mail stays queued; the redelivery sends each message once', async () => {
    await withMockedChannels(async ({ ses, sns }) => {
      ses.on(SendEmailCommand).rejectsOnce(awsError('TooManyRequestsException')).resolves({ MessageId: 'ses-1' });
      sns.on(PublishCommand).resolves({ MessageId: 'sns-1' });
      const { record } = await reminderDue();
      // Beside it, a release for a message no longer held: it succeeds, so the batch reports only the stage.
      const stray = sqsRecord('stray', { type: 'release', caseId: 'c1', messageId: 'gone' });

      const first = await actOnDeadlines({ Records: [record('stage-1'), stray] }, lambdaContext());
      expect(first.batchItemFailures).toEqual([{ itemIdentifier: 'stage-1' }]);
      expect(messages().find((m) => m.channel === 'email')).toMatchObject({ state: 'queued' });

      // The queue delivers the stage again (after the claim's lease): what was sent stays sent.
      const second = await actOnDeadlines({ Records: [record('stage-1')] }, lambdaContext());
      expect(second.batchItemFailures).toEqual([]);
      expect(messages().map((m) => [m.channel, m.state]).sort()).toEqual([
        ['email', 'sent'],
        ['sms', 'sent'],
      ]);
      expect(ses.commandCalls(SendEmailCommand)).toHaveLength(2); // the throttled try, and the one that went
      expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
      expect(sentMarks()).toHaveLength(2);
      expect(messages()).toHaveLength(2);
    });
  });

  it('the e-mail went, then settling it was throttled past the SDK\'s retries: the redelivery settles it as sent and sends nothing again', async () => {
    await withMockedChannels(async ({ ses, sns }) => {
      ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
      sns.on(PublishCommand).resolves({ MessageId: 'sns-1' });
      let throttled = false;
      documents.on(UpdateCommand).callsFake((input: UpdateInput) => {
        if (!throttled && input.ExpressionAttributeValues?.[':to'] === 'sent') {
          throttled = true;
          throw awsError('ProvisionedThroughputExceededException');
        }
        return fakeUpdate(input);
      });
      const { record } = await reminderDue();
      // Beside it, a release that succeeds: a batch where every record fails is thrown whole.
      const stray = sqsRecord('stray', { type: 'release', caseId: 'c1', messageId: 'gone' });
      const first = await actOnDeadlines({ Records: [record('stage-1'), stray] }, lambdaContext());
      expect(first.batchItemFailures).toEqual([{ itemIdentifier: 'stage-1' }]);
      expect(ses.commandCalls(SendEmailCommand).length + sns.commandCalls(PublishCommand).length).toBe(1);

      const second = await actOnDeadlines({ Records: [record('stage-1')] }, lambdaContext());
      expect(second.batchItemFailures).toEqual([]);
      expect(messages().map((m) => [m.channel, m.state]).sort()).toEqual([
        ['email', 'sent'],
        ['sms', 'sent'],
      ]);
      // Each message reached its channel once, the one whose settling failed included.
      expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
      expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
    });
  });

  it.each(['ThrottledException', 'Throttling'])('SNS throttling that persists (%s): the release is reported failed and the SMS stays held; the redelivery sends it once', async (name) => {
    const sns = mockClient(SNSClient);
    try {
      process.env.SMS_CHANNEL = 'sns';
      sns.on(PublishCommand).rejectsOnce(awsError(name)).resolves({ MessageId: 'sns-1' });
      const { event, id } = await heldSms();
      const first = await actOnDeadlines(event, lambdaContext());
      expect(first.batchItemFailures).toEqual([{ itemIdentifier: 'release-1' }]);
      expect(messages()[0]).toMatchObject({ id, state: 'held' });
      expect(sentMarks()).toHaveLength(0);

      const second = await actOnDeadlines(event, lambdaContext());
      expect(second.batchItemFailures).toEqual([]);
      expect(messages()[0]).toMatchObject({ id, state: 'sent' });
      expect(sns.commandCalls(PublishCommand)).toHaveLength(2);
      expect(sentMarks()).toHaveLength(1);

      // A third delivery of the same release sends nothing more.
      await actOnDeadlines(event, lambdaContext());
      expect(sns.commandCalls(PublishCommand)).toHaveLength(2);
      expect(sentMarks()).toHaveLength(1);
    } finally {
      sns.restore();
    }
  });
});
