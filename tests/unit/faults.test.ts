// Faults DynamoDB Local and fauxqs cannot produce (throttling), injected with aws-sdk-client-mock.
import { DynamoDBDocumentClient, BatchGetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { caseworkerClaims, httpEvent, lambdaContext, everyJurisdictionExists, useMockedAwsEnvironment } from '../support/events.ts';

useMockedAwsEnvironment();
const documents = mockClient(DynamoDBDocumentClient);
const sqs = mockClient(SQSClient);
afterEach(() => {
  documents.reset();
  sqs.reset();
});

const { handler: createRegistration } = await import('../../functions/api/registrations/create.ts');
const { handler: publishEvents } = await import('../../functions/streams/publish-events.ts');

const body = JSON.stringify({
  person: { name: '张三', idNumber: '11010519491231002X', phone: '13800138000' },
  originCode: '511321100',
  destinationCode: '110105001',
  arrivalDate: '2026-01-05',
  expectedStayDays: 180,
});

describe('throttling on the API', () => {
  it('answers 503 with Retry-After when the transaction is throttled', async () => {
    documents.on(BatchGetCommand).callsFake(everyJurisdictionExists);
    // No open registration of the person at the destination yet.
    documents.on(QueryCommand).resolves({ Items: [] });
    documents.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'throttled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ThrottlingError' }, { Code: 'None' }, { Code: 'None' }, { Code: 'None' }],
      }),
    );
    const response = (await createRegistration(
      httpEvent({ method: 'POST', path: '/v1/registrations', claims: caseworkerClaims(), headers: { 'content-type': 'application/json' }, body }) as never,
      lambdaContext() as never,
    )) as { statusCode: number; headers: Record<string, string> };
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(documents.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });
});

describe('throttling in the outbox relay', () => {
  const record = (id: string, sequence: string) => ({
    eventID: id,
    eventName: 'INSERT' as const,
    eventSource: 'aws:dynamodb',
    dynamodb: {
      SequenceNumber: sequence,
      NewImage: marshall({ pk: 'CASE#c', sk: `EVENT#${id}`, entity: 'event', event: { id, type: 'cn.liudong.registration.reported' } }) as never,
    },
  });

  it('reports only the throttled record as failed, so the stream retries from it', async () => {
    // Each event goes to two queues (inboxes, statistics): e1's two sends pass, e2's first is throttled.
    sqs
      .on(SendMessageCommand)
      .resolvesOnce({ MessageId: 'm1' })
      .resolvesOnce({ MessageId: 'm2' })
      .rejectsOnce(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }))
      .resolves({ MessageId: 'm4' });
    const event: DynamoDBStreamEvent = { Records: [record('e1', '100'), record('e2', '200'), record('e3', '300')] };
    const response = await publishEvents(event, lambdaContext());
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '200' }]);
    expect(sqs.commandCalls(SendMessageCommand).map((c) => JSON.parse(c.args[0].input.MessageBody!).id)).toEqual(['e1', 'e1', 'e2', 'e2', 'e3', 'e3']);
  });
});
