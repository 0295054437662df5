// The OpenAPI 3.1 document, generated from the zod schemas and the routes in wiring/.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import * as schemas from '../../core/schemas.ts';
import { routes } from '../../wiring/index.ts';

interface Operation {
  summary: string;
  body?: z.ZodType;
  params?: z.ZodObject;
  query?: z.ZodObject;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
}

const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, { description: 'Problem details', schema: schemas.Problem }]));

/** One entry per route in wiring/; a test checks none is missing. */
export const OPERATIONS: Record<string, Operation> = {
  'POST /v1/registrations': {
    summary: 'Report an arrival and open a registration case',
    body: schemas.RegistrationRequest,
    responses: {
      201: { description: 'The new case with its registration deadline', schema: schemas.Registration },
      ...problems(400, 401, 403, 409, 415, 422),
    },
  },
  'GET /v1/registrations/{id}': {
    summary: 'Read a registration case',
    params: schemas.CaseIdParams,
    responses: { 200: { description: 'The case', schema: schemas.Registration }, ...problems(400, 401, 403, 404) },
  },
  'GET /v1/jurisdictions/{code}/notices': {
    summary: "An office's inbox of notices, newest first",
    params: schemas.InboxParams,
    query: schemas.InboxQuery,
    responses: { 200: { description: 'A page of notices', schema: schemas.NoticePage }, ...problems(400, 401, 403) },
  },
  'GET /v1/openapi.json': {
    summary: 'This document',
    responses: { 200: { description: 'OpenAPI 3.1 document' } },
  },
};

export function openApiDocument() {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const r of routes) {
    const op = OPERATIONS[`${r.method} ${r.path}`];
    if (!op) throw new Error(`no OpenAPI operation for ${r.method} ${r.path}`);
    registry.registerPath({
      method: r.method.toLowerCase() as 'get',
      path: r.path,
      summary: op.summary,
      ...(r.auth === 'jwt' ? { security: [{ [bearer.name]: [] }] } : {}),
      request: {
        ...(op.params ? { params: op.params } : {}),
        ...(op.query ? { query: op.query } : {}),
        ...(op.body ? { body: { content: { 'application/json': { schema: op.body } } } } : {}),
      },
      responses: Object.fromEntries(
        Object.entries(op.responses).map(([status, { description, schema }]) => [
          status,
          {
            description,
            ...(schema
              ? { content: { [Number(status) >= 400 ? 'application/problem+json' : 'application/json']: { schema } } }
              : {}),
          },
        ]),
      ),
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'liudong', version: '0.1.0', description: 'Migrant registration between origin and destination' },
  });
}
