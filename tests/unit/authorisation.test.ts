// The authorisation table covers the wiring exactly: a route without a row (or a row without a
// route) fails here, and the table agrees with the workflow tables and the gateway's auth.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { accessMarkdown, permits, relationHolds } from '../../core/authorisation.ts';
import { ROUTES, ROUTE_RULES } from '../../functions/api/registry.ts';
import { WORKFLOWS } from '../../core/workflows/index.ts';
import { routes } from '../../wiring/index.ts';

const keys = routes.map((r) => `${r.method} ${r.path}`);

describe('the authorisation table', () => {
  it('has one row per route of the wiring, and none besides', () => {
    expect(keys.filter((k) => !(k in ROUTE_RULES))).toEqual([]);
    expect(Object.keys(ROUTE_RULES).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('marks public exactly the routes the gateway serves without a token', () => {
    for (const r of routes) expect([`${r.method} ${r.path}`, ROUTE_RULES[`${r.method} ${r.path}`]!.public === true]).toEqual([`${r.method} ${r.path}`, r.auth === 'none']);
  });

  it('opens a workflow action to the roles of its table, and only while the table says', () => {
    expect(ROUTE_RULES['POST /v1/registrations/{id}/verify']!.roles).toEqual({ caseworker: 'inside' });
    expect(ROUTE_RULES['POST /v1/registrations/{id}/supplement']!.roles).toEqual({ caseworker: 'inside', person: 'own' });
    expect(ROUTE_RULES['POST /v1/origin-certificates/{id}/issue']).toMatchObject({
      roles: { caseworker: 'inside', supervisor: 'inside' },
      onlyInStates: { supervisor: ['overdue'] },
    });
    expect(Object.keys(WORKFLOWS.review.actions)).toContain('schedule');
    expect(ROUTE_RULES['POST /v1/reviews/{id}/schedule']).toBeUndefined(); // the system's own
  });

  it('evaluates each relation', () => {
    const scope = { codes: ['110105001', '511321100'], idNumber: '110105199001010011', openedBy: 'f-1', agency: 'police-bj' };
    expect(relationHolds({ sub: 'a', role: 'caseworker', jurisdiction: '110105' }, 'inside', scope)).toBe(true);
    expect(relationHolds({ sub: 'a', role: 'caseworker', jurisdiction: '5113' }, 'inside', scope)).toBe(true); // the origin
    expect(relationHolds({ sub: 'a', role: 'caseworker', jurisdiction: '110105002' }, 'inside', scope)).toBe(false);
    expect(relationHolds({ sub: 'a', role: 'caseworker', jurisdiction: '110105001001' }, 'inside', scope)).toBe(false);
    expect(relationHolds({ sub: 'p', role: 'person', idNumber: '110105199001010011' }, 'own', scope)).toBe(true);
    expect(relationHolds({ sub: 'f-1', role: 'person', idNumber: '11010519900101002X' }, 'own', scope)).toBe(false);
    expect(relationHolds({ sub: 'f-1', role: 'filer', jurisdiction: '110105' }, 'own', scope)).toBe(true);
    expect(relationHolds({ sub: 'f-2', role: 'filer', jurisdiction: '110105' }, 'own', scope)).toBe(false);
    expect(relationHolds({ sub: 'g', role: 'agency', agency: 'police-bj', jurisdiction: '51' }, 'own', scope)).toBe(true);
    expect(relationHolds({ sub: 'g', role: 'agency', agency: 'police-sc', jurisdiction: '11' }, 'own', scope)).toBe(false);
    expect(relationHolds({ sub: 'n', role: 'admin' }, 'national', scope)).toBe(true);
    expect(relationHolds({ sub: 'n', role: 'admin', jurisdiction: '11' }, 'national', scope)).toBe(false);
    // An administrator holds no case data unless also an office role.
    expect(permits({ sub: 'n', role: 'admin' }, ROUTE_RULES['GET /v1/registrations/{id}']!, scope)).toBe(false);
  });

  it('keeps docs/ACCESS.md as the table says (npm run access:docs)', () => {
    expect(readFileSync(new URL('../../docs/ACCESS.md', import.meta.url), 'utf8')).toBe(accessMarkdown(ROUTES));
  });
});
