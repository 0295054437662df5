import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../functions/api/openapi-document.ts';
import { PROJECT_ROOT } from '../../local/paths.ts';
import { WORKFLOWS, clientActions } from '../../core/workflows/index.ts';
import { danglingReferences, functions, queues, routes, schedules, streams } from '../../wiring/index.ts';

describe('the wiring', () => {
  it('points at nothing that does not exist', () => {
    expect(danglingReferences()).toEqual([]);
  });

  it.each(Object.entries(functions))('%s has a module exporting a handler', async (_name, spec) => {
    const file = path.join(PROJECT_ROOT, spec.entry);
    expect(existsSync(file)).toBe(true);
    process.env.IDEMPOTENCY_TABLE ??= 'unused-in-this-test';
    const module = (await import(file)) as { handler?: unknown };
    expect(typeof module.handler).toBe('function');
  });

  it('routes each method and path once, and documents each in OpenAPI', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    const document = openApiDocument() as unknown as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([p, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.sort()).toEqual([...keys].sort());
  });

  it('declares how every route that answers 401 authenticates: a bearer token, or a peer\'s signature', () => {
    const document = openApiDocument() as unknown as { paths: Record<string, Record<string, { security?: Record<string, string[]>[]; responses: Record<string, unknown> }>> };
    const unsecured = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, op]) => '401' in op.responses && (op.security ?? []).length === 0)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(unsecured).toEqual([]);
    expect(document.paths['/v1/federation/events']!.post!.security).toEqual([{ peerSignature: [] }]);
  });

  it.each([
    ['registration', 'registrations/actions.ts', 'registrations.ts', 'REGISTRATION_ACTION_BODIES'],
    ['origin_certificate', 'origin-certificates/actions.ts', 'origin-certificates.ts', 'ORIGIN_CERTIFICATE_ACTION_BODIES'],
    ['review', 'reviews/actions.ts', 'reviews.ts', 'REVIEW_ACTION_BODIES'],
    ['assistance_request', 'assistance-requests/actions.ts', 'assistance-requests.ts', 'ASSISTANCE_REQUEST_ACTION_BODIES'],
    ['appeal', 'appeals/actions.ts', 'appeals.ts', 'APPEAL_ACTION_BODIES'],
    ['group', 'groups/actions.ts', 'groups.ts', 'GROUP_ACTION_BODIES'],
  ] as const)('gives every client action of the %s table a handler and a body schema, and nothing else', async (type, module, schemaModule, bodies) => {
    const { actions } = (await import(path.join(PROJECT_ROOT, 'functions/api', module))) as { actions: Record<string, unknown> };
    const schemas = (await import(path.join(PROJECT_ROOT, 'core/schemas', schemaModule))) as Record<typeof bodies, Record<string, unknown>>;
    const expected = clientActions(WORKFLOWS[type]).sort();
    expect(Object.keys(actions).sort()).toEqual(expected);
    expect(Object.keys(schemas[bodies]).sort()).toEqual(expected);
  });

  it('uses every function somewhere', () => {
    const used = new Set<string>([
      ...routes.map((r) => r.function),
      ...streams.map((s) => s.function),
      ...schedules.map((s) => s.function),
      ...Object.values(queues).map((q) => q.consumer.function),
    ]);
    expect([...used].sort()).toEqual(Object.keys(functions).sort());
  });
});
