// Reproductive data stays refused everywhere: every route that takes a body, generated from the
// wiring and the API description, answers 422 to a body naming such a field, at any depth,
// through the local server (the same path API Gateway takes). The refusal comes before anything
// is read or written, so no table is needed.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_RULES } from '../../functions/api/registry.ts';
import { devIssuer, type DevIssuer } from '../../local/dev-issuer.ts';
import { type LocalApi, startHttpServer } from '../../local/http-server.ts';
import { routes } from '../../wiring/index.ts';
import { useMockedAwsEnvironment } from '../support/events.ts';

useMockedAwsEnvironment({ DELIVERIES_TABLE: 'deliveries', DELIVERIES_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/deliveries' });
let api: LocalApi;
let issuer: DevIssuer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'liudong-declined-'));
  issuer = await devIssuer(dir);
  api = await startHttpServer({ port: 0, issuer, operator: { deadLetters: async () => ({}), replay: async () => 0 }, onError: () => undefined });
});
afterAll(async () => {
  await api?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const withBody = routes.filter((r) => ROUTE_RULES[`${r.method} ${r.path}`]?.body);
const concrete = (p: string) =>
  p.replace('{id}', '7d4b3f3e-4c5a-4b0e-9a51-2f0e8d1c6a10').replace('{code}', '110105001').replace('{prefix}', '11').replace('{number}', 'VC-0000-0000-0000').replace('{deliveryId}', 'd').replace('{name}', 'peer');

describe('declined fields on every route with a body', () => {
  it('covers the routes that take bodies', () => {
    expect(withBody.length).toBeGreaterThan(20);
  });

  it.each(withBody.map((r) => [`${r.method} ${r.path}`, r] as const))('%s answers 422 naming the field', async (_key, route) => {
    // A role the authorisation table lets call the route (the role column is checked first).
    const role = Object.keys(ROUTE_RULES[`${route.method} ${route.path}`]!.roles)[0] ?? 'caseworker';
    const token = await issuer.sign({ role: role as 'caseworker', jurisdiction: '110105001', organisation: 'o', agency: 'a', idNumber: '11010519491231002X' });
    for (const [body, field] of [
      [{ note: 'x', pregnant: true }, 'pregnant'],
      [{ person: { name: '张三', contraceptionMethod: 'x' } }, 'person.contraceptionMethod'],
      [{ members: [{ person: { 生育情况: '已育' } }] }, 'members.0.person.生育情况'],
    ] as const) {
      const response = await fetch(`${api.url}${concrete(route.path)}`, {
        method: route.method,
        headers: { 'content-type': 'application/json', ...(route.auth === 'jwt' ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      expect(response.status, `${route.method} ${route.path}`).toBe(422);
      const problem = (await response.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((e) => e.field)).toEqual([field]);
    }
  });
});
