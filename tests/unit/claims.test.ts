// The claims the API reads the caller from: Cognito's names by default, another identity
// provider's where CLAIM_* name them, validated the same way under either name.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLAIMS } from '../../wiring/index.ts';
import { httpEvent, lambdaContext } from '../support/events.ts';
import { definitions } from '../../functions/api/statistics/routes.ts';

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
const { json, route } = await import('../../functions/shared/http.ts');

// A route every role may call, answering the principal it was given.
const whoAmI = route(definitions, async ({ principal }) => json(200, principal));
type Result = { statusCode: number; body: string };
const call = async (claims: Record<string, string>) => {
  const r = (await whoAmI(httpEvent({ path: '/v1/statistics/definitions', claims }) as never, lambdaContext() as never)) as Result;
  return { status: r.statusCode, body: JSON.parse(r.body) as Record<string, unknown> };
};

const ISSUER_NAMES = { role: 'liudong_role', jurisdiction: 'org_code', organisation: 'org_name', agency: 'agency_id', idNumber: 'id_card' };
const ENV = { role: 'CLAIM_ROLE', jurisdiction: 'CLAIM_JURISDICTION', organisation: 'CLAIM_ORGANISATION', agency: 'CLAIM_AGENCY', idNumber: 'CLAIM_ID_NUMBER' };
const useIssuerNames = () => {
  for (const [key, variable] of Object.entries(ENV)) process.env[variable] = ISSUER_NAMES[key as keyof typeof ENV];
};

type Claims = Partial<Record<keyof typeof ENV, string>>;
/** One token's claims, under the given names. */
const tokenClaims = (sub: string, values: Claims, names: Record<keyof typeof ENV, string>) => ({
  sub,
  ...Object.fromEntries(Object.entries(values).map(([key, value]) => [names[key as keyof typeof ENV], value])),
});

const ACCOUNTS: [string, Claims][] = [
  ['cw-1', { role: 'caseworker', jurisdiction: '110105001' }],
  ['sv-1', { role: 'supervisor', jurisdiction: '1101' }],
  ['admin-1', { role: 'admin' }],
  ['filer-1', { role: 'filer', jurisdiction: '110105001', organisation: '北京某某物业' }],
  ['agency-1', { role: 'agency', jurisdiction: '11', agency: 'police-bj' }],
  ['person-1', { role: 'person', idNumber: '11010519491231002X' }],
];

afterEach(() => {
  for (const variable of Object.values(ENV)) delete process.env[variable];
});

describe('claim names', () => {
  it("reads Cognito's custom attributes where no CLAIM_* variable is set", async () => {
    expect(DEFAULT_CLAIMS).toEqual({ role: 'custom:role', jurisdiction: 'custom:jurisdiction', organisation: 'custom:organisation', agency: 'custom:agency', idNumber: 'custom:id_number' });
    const principals = await Promise.all(ACCOUNTS.map(([sub, values]) => call(tokenClaims(sub, values, DEFAULT_CLAIMS))));
    expect(principals).toEqual([
      { status: 200, body: { sub: 'cw-1', role: 'caseworker', jurisdiction: '110105001' } },
      { status: 200, body: { sub: 'sv-1', role: 'supervisor', jurisdiction: '1101' } },
      { status: 200, body: { sub: 'admin-1', role: 'admin' } },
      { status: 200, body: { sub: 'filer-1', role: 'filer', jurisdiction: '110105001', organisation: '北京某某物业' } },
      { status: 200, body: { sub: 'agency-1', role: 'agency', jurisdiction: '11', agency: 'police-bj' } },
      { status: 200, body: { sub: 'person-1', role: 'person', idNumber: '11010519491231002X' } },
    ]);
  });

  it("gives the same principals from another issuer's claim names, and no longer reads Cognito's", async () => {
    const cognito = await Promise.all(ACCOUNTS.map(([sub, values]) => call(tokenClaims(sub, values, DEFAULT_CLAIMS))));
    useIssuerNames();
    const renamed = await Promise.all(ACCOUNTS.map(([sub, values]) => call(tokenClaims(sub, values, ISSUER_NAMES))));
    expect(renamed).toEqual(cognito);
    expect(renamed.every((r) => r.status === 200)).toBe(true);
    // A token carrying only the default names has no role under this deployment's names.
    expect((await call(tokenClaims('cw-1', { role: 'caseworker', jurisdiction: '110105001' }, DEFAULT_CLAIMS))).status).toBe(401);
  });

  it('validates the renamed claims exactly as the default ones', async () => {
    useIssuerNames();
    expect((await call({ sub: 'a', liudong_role: 'superuser' })).status).toBe(401);
    expect((await call({ sub: 'a', liudong_role: 'system' })).status).toBe(401);
    expect((await call({ sub: 'a', liudong_role: 'caseworker' })).status).toBe(403);
    expect((await call({ sub: 'a', liudong_role: 'caseworker', org_code: 'not-a-code' })).status).toBe(403);
    expect((await call({ sub: 'a', liudong_role: 'filer', org_code: '110105001' })).status).toBe(403);
    expect((await call({ sub: 'a', liudong_role: 'agency', org_code: '11' })).status).toBe(403);
    const person = await call({ sub: 'a', liudong_role: 'person', id_card: '110105194912310021' });
    expect(person).toMatchObject({ status: 403, body: { detail: 'A person token must carry the verified ID number (id_card)' } });
    // Only the variables set rename their claim: the rest keep Cognito's names.
    delete process.env.CLAIM_JURISDICTION;
    expect(await call({ sub: 'cw-1', liudong_role: 'caseworker', 'custom:jurisdiction': '110105001' })).toEqual({ status: 200, body: { sub: 'cw-1', role: 'caseworker', jurisdiction: '110105001' } });
  });
});
