// Problem details on every error: each route of the API, called as a client gets it wrong (a
// role it does not serve, a malformed path, broken JSON, the wrong content type, a bad query),
// answers RFC 9457 problem details with a status its OpenAPI operation documents. The errors
// API Gateway answers itself (a missing token, an unknown route) are documented as such.
import { describe, expect, it } from 'vitest';
import { ROUTE_RULES } from '../../functions/api/registry.ts';
import { routes } from '../../wiring/index.ts';
import { type Json, useLocalStack } from '../support/local-api.ts';

const local = useLocalStack();

type Role = 'caseworker' | 'supervisor' | 'person' | 'admin' | 'filer' | 'agency';
const CLAIMS: Record<Role, Record<string, string>> = {
  caseworker: { sub: 'problems-caseworker', jurisdiction: '110105001' },
  supervisor: { sub: 'problems-supervisor', jurisdiction: '110105' },
  person: { sub: 'problems-person', idNumber: '110105198001010016' },
  admin: { sub: 'problems-admin' },
  filer: { sub: 'problems-filer', jurisdiction: '110105001', organisation: '某物业公司' },
  agency: { sub: 'problems-agency', agency: 'police-110105', jurisdiction: '11' },
};
const token = (role: Role) => local.stack.issuer.sign({ role, ...CLAIMS[role] } as never);

interface Answer {
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  body: Json;
}

async function call(method: string, path: string, options: { role?: Role; body?: string; contentType?: string } = {}): Promise<Answer> {
  const response = await fetch(`${local.stack.apiUrl}${path}`, {
    method,
    headers: {
      ...(options.role ? { authorization: `Bearer ${await token(options.role)}` } : {}),
      ...(options.contentType ? { 'content-type': options.contentType } : {}),
    },
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
  const text = await response.text();
  let body: Json = {};
  try {
    body = text ? (JSON.parse(text) as Json) : {};
  } catch {
    body = { raw: text };
  }
  return { status: response.status, contentType: response.headers.get('content-type'), retryAfter: response.headers.get('retry-after'), body };
}

describe('problem details on every error', () => {
  it('answers every route\'s client errors as problem+json, with a documented status', async () => {
    const document = (await call('GET', '/v1/openapi.json')).body;
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const operation = document.paths[route.path][route.method.toLowerCase()];
      const documented = Object.keys(operation.responses).map(Number);
      const rule = ROUTE_RULES[key]!;
      const allowed = (Object.keys(rule.roles) as Role[])[0];
      const refused = (Object.keys(CLAIMS) as Role[]).find((r) => !(r in rule.roles));
      const malformed = route.path.replace(/\{[^}]+\}/g, 'not%20valid!');
      const hasBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
      const attempts: [string, Promise<Answer>][] = [];
      if (route.auth === 'jwt' && refused && !rule.public) attempts.push([`as ${refused}`, call(route.method, route.path, { role: refused })]);
      const as = route.auth === 'jwt' ? allowed : undefined;
      if (malformed !== route.path) attempts.push(['a malformed path', call(route.method, malformed, { role: as })]);
      if (hasBody) {
        attempts.push(['broken JSON', call(route.method, malformed, { role: as, body: '{"unclosed', contentType: 'application/json' })]);
        if (documented.includes(415)) attempts.push(['text/plain', call(route.method, malformed, { role: as, body: 'hello', contentType: 'text/plain' })]);
      }
      if (route.method === 'GET' && operation.parameters?.some((p: Json) => p.in === 'query')) {
        attempts.push(['an unknown query parameter', call(route.method, `${malformed}?limit=-1&nonsense=1`, { role: as })]);
      }
      for (const [what, pending] of attempts) {
        const answer = await pending;
        if (answer.status < 400) continue;
        checked++;
        const where = `${key} with ${what}: ${answer.status}`;
        if (answer.contentType !== 'application/problem+json') failures.push(`${where} as ${answer.contentType} ${JSON.stringify(answer.body)}`);
        else if (!['type', 'title', 'detail'].every((f) => typeof answer.body[f] === 'string') || answer.body.status !== answer.status) failures.push(`${where} lacks type, title, status or detail`);
        if (!documented.includes(answer.status)) failures.push(`${where} is not documented (${documented.join(', ')})`);
      }
    }
    expect(failures).toEqual([]);
    // Every route met at least one error (a route nobody can get wrong would be odd).
    expect(checked).toBeGreaterThan(routes.length);
  });

  it('tells a request no route matches as problem details: 404, or 405 with the methods the path answers', async () => {
    const unknown = await call('GET', '/v1/registration/123');
    expect(unknown).toMatchObject({ status: 404, contentType: 'application/problem+json', body: { status: 404, detail: 'no route GET /v1/registration/123: see GET /v1/openapi.json' } });
    const response = await fetch(`${local.stack.apiUrl}/v1/policies/national`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, PUT');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('holds an account to its person lookups per minute, as problem details with Retry-After', async () => {
    // Counts are per real minute: start well inside one, so the window does not reset mid-test.
    const second = new Date().getUTCSeconds();
    if (second > 40) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    const search = () =>
      call('POST', '/v1/people/search', { role: 'caseworker', body: JSON.stringify({ idNumber: '110105198001010016', reason: '窗口核实身份' }), contentType: 'application/json' });
    const answers: Answer[] = [];
    for (let i = 0; i < 21; i++) answers.push(await search());
    expect(answers.slice(0, 20).map((a) => a.status)).toEqual(Array(20).fill(200));
    const limited = answers[20]!;
    expect(limited).toMatchObject({ status: 429, contentType: 'application/problem+json', body: { status: 429, title: expect.any(String) } });
    expect(limited.body.detail).toContain('20 person lookups and reveals a minute');
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    // Another account is not held up by the first.
    expect((await call('POST', '/v1/people/search', { role: 'supervisor', body: JSON.stringify({ idNumber: '110105198001010016', reason: '督办核查' }), contentType: 'application/json' })).status).toBe(200);
  });
});
