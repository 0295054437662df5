// Each route is declared once, beside its handler (functions/api/<resource>/routes.ts): the
// handlers serve exactly what the wiring routes to them, every relation has a scope to be
// checked against, and no handler writes an access check of its own (route() does).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { declarationProblems, routeKeyOf } from '../../core/routes.ts';
import { ROUTES } from '../../functions/api/registry.ts';
import { PROJECT_ROOT } from '../../local/paths.ts';
import { functions, routes } from '../../wiring/index.ts';

const API = path.join(PROJECT_ROOT, 'functions/api');
const handlerFiles = readdirSync(API, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('routes.ts') && f !== 'registry.ts')
  .map((f) => path.join(API, f));

describe('the route declarations', () => {
  it('declare each route once, with a scope wherever a relation needs one', () => {
    expect(declarationProblems(ROUTES)).toEqual([]);
    expect(declarationProblems([...ROUTES, ROUTES[0]!])).toEqual([`${routeKeyOf(ROUTES[0]!)} is declared twice`]);
  });

  it.each([...new Set(routes.map((r) => r.function))])('%s serves exactly the routes the wiring sends it', async (name) => {
    process.env.IDEMPOTENCY_TABLE ??= 'unused-in-this-test';
    const module = (await import(path.join(PROJECT_ROOT, functions[name].entry))) as {
      handler: { declaration?: { method: string; path: string }; declarations?: { method: string; path: string }[] };
    };
    const served = module.handler.declarations ?? (module.handler.declaration ? [module.handler.declaration] : []);
    const wired = routes.filter((r) => r.function === name).map(routeKeyOf);
    expect(served.map(routeKeyOf).sort()).toEqual(wired.sort());
  });

  it('leave access checks to route(): no handler under functions/api tests a role, a jurisdiction or a relation itself', () => {
    const checks = /\b(officeCovers|adminCovers|filerCovers|agencyCovers|permits|relationHolds|requireNational|mayReadCase|mayReadInbox|mayManageSubscription|isWithin|forbidden)\(|principal\.role\b/;
    const found = handlerFiles.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (checks.test(line) ? [`${path.relative(PROJECT_ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(handlerFiles.length).toBeGreaterThan(30);
    expect(found).toEqual([]);
  });
});
