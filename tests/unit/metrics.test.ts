// Business metrics leave as CloudWatch EMF lines on stdout (store calls mocked).
import { BatchGetCommand, QueryCommand, DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it, vi } from 'vitest';
import { caseworkerClaims, httpEvent, lambdaContext, everyJurisdictionExists, useMockedAwsEnvironment } from '../support/events.ts';

useMockedAwsEnvironment({ POWERTOOLS_METRICS_DISABLED: 'false' });
const documents = mockClient(DynamoDBDocumentClient);
const { handler } = await import('../../functions/api/registrations/create.ts');

describe('metrics', () => {
  it('counts a reported registration by destination province', async () => {
    documents.on(BatchGetCommand).callsFake(everyJurisdictionExists);
    // No open registration of the person at the destination yet.
    documents.on(QueryCommand).resolves({ Items: [] });
    documents.on(TransactWriteCommand).resolves({});
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const response = (await handler(
        httpEvent({
          method: 'POST',
          path: '/v1/registrations',
          claims: caseworkerClaims(),
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            person: { name: '张三', idNumber: '11010519491231002X', phone: '13800138000' },
            originCode: '511321100',
            destinationCode: '110105001',
            arrivalDate: '2026-01-05',
            expectedStayDays: 180,
          }),
        }) as never,
        lambdaContext() as never,
      )) as { statusCode: number };
      expect(response.statusCode).toBe(201);
    } finally {
      write.mockRestore();
    }
    const emf = lines.map((l) => l.trim()).filter((l) => l.includes('"_aws"')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(emf).toHaveLength(1);
    expect(emf[0]).toMatchObject({ RegistrationsReported: 1, destinationProvince: '11', service: 'liudong' });
  });
});
