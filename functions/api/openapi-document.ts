// The OpenAPI 3.1 document, generated from the route declarations (functions/api/registry.ts):
// each route's schemas, answers and errors as declared beside its handler.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { Problem } from '../../core/schemas/problems.ts';
import { ROUTES } from './registry.ts';

const IdempotencyKeyHeader = z.object({
  'Idempotency-Key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .meta({
      description:
        'draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After',
    }),
});

const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, { description: 'Problem details', schema: Problem }]));

/** Answers that say when to try again. */
const RETRY_AFTER = new Set(['429', '503']);

export function openApiDocument() {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  // OpenAPI has no scheme for a signature over several headers and the body: the signature header
  // stands for it, and its description (and the operation's header parameters) say the rest.
  const peerSignature = registry.registerComponent('securitySchemes', 'peerSignature', {
    type: 'apiKey',
    in: 'header',
    name: 'webhook-signature',
    description:
      'Standard Webhooks (https://www.standardwebhooks.com): HMAC-SHA256 over "<webhook-id>.<webhook-timestamp>.<body>" with the key shared when the peer was registered (POST /v1/federation/peers), sent as v1,<base64>; webhook-id and webhook-timestamp are required beside it.',
  });
  for (const op of ROUTES) {
    const keyed = op.keyed === true;
    const responses: Record<string, { description: string; schema?: z.ZodType }> = { ...op.answers, ...problems(...op.errors, ...(keyed ? [409, 422] : [])) };
    registry.registerPath({
      method: op.method.toLowerCase() as 'get',
      path: op.path,
      summary: op.summary,
      ...(!op.public ? { security: [{ [bearer.name]: [] }] } : op.signedByPeer ? { security: [{ [peerSignature.name]: [] }] } : {}),
      request: {
        ...(op.params ? { params: op.params } : {}),
        ...(op.query ? { query: op.query } : {}),
        ...(keyed ? { headers: IdempotencyKeyHeader } : op.headers ? { headers: op.headers } : {}),
        ...(op.body ? { body: { content: { 'application/json': { schema: op.body } } } } : {}),
      },
      responses: Object.fromEntries(
        Object.entries(responses).map(([status, { description, schema }]) => [
          status,
          {
            description,
            ...(RETRY_AFTER.has(status) ? { headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' as const } } } } : {}),
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
    info: {
      title: 'liudong',
      version: '0.1.0',
      description:
        'Migrant registration between origin and destination. Every error a function answers is RFC 9457 problem details (`application/problem+json`). A request no route matches is answered 404 (or 405 with Allow) as problem details too. API Gateway answers three itself before any function runs, as `{"message": …}` (an HTTP API cannot change them): 401 for a missing or invalid token, 413 for a body over 10 MB, and 429 when a route\'s overall ceiling is reached.',
    },
  });
}
