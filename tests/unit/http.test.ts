// The API's error contract, checked on handlers that fail before touching any store.
import { describe, expect, it } from 'vitest';
import { caseworkerClaims, httpEvent, lambdaContext } from '../support/events.ts';

process.env.IDEMPOTENCY_TABLE = 'never-reached';
process.env.CASES_TABLE = 'never-reached';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
const { handler: createRegistration } = await import('../../functions/api/registrations/create.ts');
const { handler: getRegistration } = await import('../../functions/api/cases/read.ts');
const { handler: listNotices } = await import('../../functions/api/notices/list.ts');
const { handler: openapi } = await import('../../functions/api/openapi.ts');

type Result = { statusCode: number; headers: Record<string, string>; body: string };
const call = async (h: (e: never, c: never) => Promise<unknown>, event: unknown) =>
  (await h(event as never, lambdaContext() as never)) as Result;
const problemOf = (r: Result) => {
  expect(r.headers['content-type']).toBe('application/problem+json');
  return JSON.parse(r.body) as { status: number; type: string; errors?: { field: string; reason: string }[] };
};

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }, claims = caseworkerClaims()) =>
  httpEvent({ method: 'POST', path: '/v1/registrations', claims, headers, body });

describe('problem details', () => {
  it('answers 401 without verified claims', async () => {
    const r = await call(getRegistration, httpEvent({ routeKey: 'GET /v1/registrations/{id}', path: '/v1/registrations/x', claims: undefined, pathParameters: { id: 'x' } }));
    expect(r.statusCode).toBe(401);
    expect(problemOf(r).type).toBe('urn:liudong:problem:unauthorized');
  });

  it('answers 401 for a token without a known role, 403 for an office token without a jurisdiction', async () => {
    const unknownRole = await call(getRegistration, httpEvent({ routeKey: 'GET /v1/registrations/{id}', path: '/v1/registrations/x', claims: { sub: 'a', 'custom:role': 'superuser' } }));
    expect(unknownRole.statusCode).toBe(401);
    const noRole = await call(getRegistration, httpEvent({ routeKey: 'GET /v1/registrations/{id}', path: '/v1/registrations/x', claims: { sub: 'a' } }));
    expect(noRole.statusCode).toBe(401);
    const noCode = await call(getRegistration, httpEvent({ routeKey: 'GET /v1/registrations/{id}', path: '/v1/registrations/x', claims: { sub: 'a', 'custom:role': 'caseworker' } }));
    expect(noCode.statusCode).toBe(403);
  });

  it('answers 413 for a body past the limit, before reading it', async () => {
    const r = await call(createRegistration, post(JSON.stringify({ padding: 'x'.repeat(300 * 1024) })));
    expect(r.statusCode).toBe(413);
    expect(problemOf(r).errors).toEqual([{ field: 'body', reason: 'is larger than 262144 bytes' }]);
  });

  it('answers 400 naming a malformed path parameter', async () => {
    const r = await call(getRegistration, httpEvent({ routeKey: 'GET /v1/registrations/{id}', path: '/v1/registrations/nope', claims: caseworkerClaims(), pathParameters: { id: 'nope' } }));
    expect(r.statusCode).toBe(400);
    expect(problemOf(r).errors).toEqual([{ field: 'path.id', reason: 'must be a case id (UUID)' }]);
  });

  it('answers 415 for a body that is not JSON by content type', async () => {
    const r = await call(createRegistration, post('{}', { 'content-type': 'text/plain' }));
    expect(r.statusCode).toBe(415);
    expect(problemOf(r).errors?.[0]?.field).toBe('Content-Type');
  });

  it('answers 400 for malformed JSON', async () => {
    const r = await call(createRegistration, post('{"person":'));
    expect(r.statusCode).toBe(400);
    expect(problemOf(r).errors).toEqual([{ field: 'body', reason: 'is not valid JSON' }]);
  });

  it('answers 400 listing every invalid field with its reason', async () => {
    const r = await call(
      createRegistration,
      post(JSON.stringify({ person: { name: '张三', idNumber: '110105194912310021' }, originCode: '51132', arrivalDate: '2026-02-30', extra: 1 })),
    );
    expect(r.statusCode).toBe(400);
    const fields = problemOf(r).errors!.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['person.idNumber', 'person.phone', 'originCode', 'destinationCode', 'arrivalDate', 'expectedStayDays']));
    expect(problemOf(r).errors!.find((e) => e.reason.includes('unknown field'))?.reason).toContain('extra');
  });

  it('answers 422 for declined fields before anything else', async () => {
    const r = await call(createRegistration, post(JSON.stringify({ person: { pregnant: true } })));
    expect(r.statusCode).toBe(422);
    expect(problemOf(r).errors).toEqual([expect.objectContaining({ field: 'person.pregnant' })]);
  });

  it('answers 400 for a body nested deeper than any request of ours', async () => {
    const deep = '{"a":'.repeat(40) + '1' + '}'.repeat(40);
    const r = await call(createRegistration, post(deep));
    expect(r.statusCode).toBe(400);
    expect(problemOf(r).errors?.[0]).toMatchObject({ field: 'body', reason: expect.stringContaining('32 levels') });
  });

  it('answers 400 for an inbox query out of range', async () => {
    const r = await call(
      listNotices,
      httpEvent({ path: '/v1/jurisdictions/511321100/notices', routeKey: 'GET /v1/jurisdictions/{code}/notices', claims: caseworkerClaims('511321100'), pathParameters: { code: '511321100' }, query: { limit: '1000' } }),
    );
    expect(r.statusCode).toBe(400);
    expect(problemOf(r).errors?.[0]?.field).toBe('query.limit');
  });

  it('answers 404 for an inbox outside the caller, confirming nothing', async () => {
    const r = await call(
      listNotices,
      httpEvent({ path: '/v1/jurisdictions/511321100/notices', routeKey: 'GET /v1/jurisdictions/{code}/notices', claims: caseworkerClaims('110105001'), pathParameters: { code: '511321100' } }),
    );
    expect(r.statusCode).toBe(404);
  });
});

describe('the API description', () => {
  it('is served without a token and describes every route', async () => {
    const r = await call(openapi, httpEvent({ path: '/v1/openapi.json', claims: undefined }));
    expect(r.statusCode).toBe(200);
    const doc = JSON.parse(r.body) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/registrations', '/v1/registrations/{id}', '/v1/jurisdictions/{code}/notices']),
    );
    expect(doc.components.schemas).toHaveProperty('RegistrationRequest');
  });
});
