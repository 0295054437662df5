// Policy through the API: GET/PUT /v1/policies/{prefix} (the override stored for a prefix;
// `national` is the empty prefix) and GET /v1/jurisdictions/{code}/policy (the policy in force
// there, with the prefix each setting came from).
import { forbidden, notFound } from '../../../core/errors.ts';
import { adminCovers } from '../../../core/principal.ts';
import { NATIONAL_PREFIX } from '../../../core/policy.ts';
import { JurisdictionParams, PolicyOverride, PolicyParams } from '../../../core/schemas.ts';
import { byRoute, json, route } from '../../shared/http.ts';
import { existingJurisdictions, getPolicyOverride, putPolicyOverride, resolvedPolicy } from '../../shared/store/reference.ts';
import { requireKnownJurisdictions } from '../../shared/cases.ts';

const storedPrefix = (prefix: string) => (prefix === NATIONAL_PREFIX ? '' : prefix);

export const handler = byRoute({
  'GET /v1/policies/{prefix}': route({ params: PolicyParams }, async ({ params }) => {
    const found = await getPolicyOverride(storedPrefix(params.prefix));
    if (!found) throw notFound(`no policy override for ${params.prefix}`);
    return json(200, { prefix: params.prefix, ...found });
  }),
  'PUT /v1/policies/{prefix}': route({ params: PolicyParams, body: PolicyOverride }, async ({ params, body, principal, now }) => {
    const prefix = storedPrefix(params.prefix);
    // The national policy is for a national administrator (no jurisdiction) alone.
    const allowed = prefix === '' ? principal.role === 'admin' && principal.jurisdiction === undefined : adminCovers(principal, prefix);
    if (!allowed) throw forbidden(`only an administrator covering ${params.prefix} sets its policy`);
    if (prefix !== '') await requireKnownJurisdictions({ prefix }, ['prefix'] as const);
    const existed = (await getPolicyOverride(prefix)) !== undefined;
    const at = now.toISOString();
    await putPolicyOverride(prefix, body, { sub: principal.sub, at });
    return json(existed ? 200 : 201, { prefix: params.prefix, override: body, updatedAt: at, updatedBy: principal.sub });
  }),
  'GET /v1/jurisdictions/{code}/policy': route({ params: JurisdictionParams }, async ({ params }) => {
    if (!(await existingJurisdictions([params.code])).has(params.code)) throw notFound(`no jurisdiction ${params.code}`);
    return json(200, { code: params.code, ...(await resolvedPolicy(params.code)) });
  }),
});
