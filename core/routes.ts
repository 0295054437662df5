// What a route is, declared once beside its handler (functions/api/<resource>/routes.ts): its
// method and path, the function that serves it, who may call it and how they must stand to what
// it touches, where that resource's scope comes from, its schemas, its answers and errors, its
// audit purpose and throttle. The wiring's routes, the authorisation table (docs/ACCESS.md), the
// OpenAPI document and route()'s checks are all read off these declarations (functions/api/routes.ts
// gathers them). Plain data: no AWS imports.
import type { z } from 'zod';
import { CASE_READ, type Relation, type RouteRule, type Scope } from './authorisation.ts';
import type { Role } from './principal.ts';
import type { ActionRule } from './workflows/engine.ts';
import { CASE_TYPE_NAMES, type Case, actionPath, clientActions, WORKFLOWS } from './workflows/index.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What the request says, parsed: what a scope is read from. */
export interface ParsedInput {
  body: any;
  params: any;
  query: any;
}

/**
 * Where route() finds what the relation is checked against, before the handler runs:
 * - `case`: the case whose id is at `id` (of `type`, when named). Absent, of another type or out of
 *   the caller's reach to read, it is not found (404, disclosing nothing); the handler gets it.
 * - `import`, `subscription`: the bulk filing or the subscription at `params.id`, likewise.
 * - `importTarget`: where a bulk filing's rows go: the group's destination (the group at
 *   `body.groupId`, which must be readable) or `body.destinationCode`.
 * - `request`: read off the request itself (a jurisdiction in the path, query or body). Refused
 *   with 404 for a read of one resource (a GET with path parameters), else 403.
 * A route whose relations are all `self`, `any` or `national` needs none.
 */
export type ScopeSource =
  | { load: 'case'; type?: Case['type']; id: 'params.id' | 'body.caseId' | 'query.caseId' }
  | { load: 'import' | 'subscription' | 'importTarget' }
  | { request: (input: ParsedInput) => Scope };

/** The scope of a route about a jurisdiction named in the request: `jurisdictionAt('query', 'jurisdiction')`. */
export const jurisdictionAt = (place: 'query' | 'params' | 'body', field: string): ScopeSource => ({ request: (input) => ({ codes: [input[place][field]] }) });

export interface Answer {
  description: string;
  schema?: z.ZodType;
}

export interface RouteDeclaration extends RouteRule {
  method: Method;
  /** API Gateway path syntax, `{name}` for parameters. */
  path: string;
  /** The function that serves it (wiring/index.ts `functions`). */
  function: string;
  /** What it does, for the OpenAPI document. */
  summary: string;
  scope?: ScopeSource;
  body?: z.ZodType;
  params?: z.ZodObject;
  query?: z.ZodObject | z.ZodPipe;
  /** An empty body is read as `{}` (actions whose fields are all optional). */
  optionalBody?: boolean;
  /** The successful answers by status. */
  answers: Record<number, Answer>;
  /** The problem-details statuses it documents (a keyed route adds 409 and 422). */
  errors: readonly number[];
  /** Honours Idempotency-Key: the handler says how a retry is answered. */
  keyed?: boolean;
  /** Route-level throttling (API Gateway in AWS; the local server emulates it). */
  throttle?: { ratePerSecond: number; burst: number };
  /** Request headers it reads besides the token (a peer's signature). */
  headers?: z.ZodObject;
  /** Authenticated by a peer's Standard Webhooks signature rather than a bearer token. */
  signedByPeer?: true;
}

export const routeKeyOf = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

/** Types a declaration (its literal method and path kept). */
export const declare = <const D extends RouteDeclaration>(d: D): D => d;

/** The relation each role needs to act on a case: offices inside, people and filers on their own. */
const ACTING: Record<Exclude<Role, 'system' | 'admin' | 'agency'>, Relation> = { caseworker: 'inside', supervisor: 'inside', person: 'own', filer: 'own' };

/** The roles a workflow action opens to clients, from its role column (and those it opens only from some states). */
export function actionRoles(rule: ActionRule<string>): Pick<RouteRule, 'roles' | 'onlyInStates'> {
  const always = rule.roles.filter((r) => r !== 'system') as (keyof typeof ACTING)[];
  const conditional = new Map<keyof typeof ACTING, string[]>();
  for (const [state, roles] of Object.entries(rule.rolesFrom ?? {}) as [string, Role[]][]) {
    for (const r of roles) if (r !== 'system' && !always.includes(r as keyof typeof ACTING)) conditional.set(r as keyof typeof ACTING, [...(conditional.get(r as keyof typeof ACTING) ?? []), state]);
  }
  const roles = Object.fromEntries([...always, ...conditional.keys()].map((r) => [r, ACTING[r]]));
  return { roles, ...(conditional.size > 0 ? { onlyInStates: Object.fromEntries(conditional) } : {}) };
}

const noun = (type: Case['type']) => CASE_TYPE_NAMES[type].noun;

/**
 * `POST /v1/<collection>/{id}/<action>` for every client action of a workflow, served by `fn`:
 * the roles from the table's role column, the case as the scope, the action's body, the case back.
 */
export function workflowActionRoutes(
  type: keyof typeof WORKFLOWS,
  fn: string,
  bodies: Record<string, z.ZodType>,
  answer: z.ZodType,
  params: z.ZodObject,
): RouteDeclaration[] {
  const workflow = WORKFLOWS[type] as { actions: Record<string, ActionRule<string>> };
  const { collection } = CASE_TYPE_NAMES[type];
  return clientActions(workflow).map((action) => {
    const body = bodies[action];
    if (!body) throw new Error(`no body schema for the ${type} action ${action}`);
    return {
      method: 'POST',
      path: `/v1/${collection}/{id}/${actionPath(action)}`,
      function: fn,
      summary: `${action.replace(/_/g, ' ')} the ${noun(type)} (409 when its state does not allow it)`,
      purpose: 'case work',
      ...actionRoles(workflow.actions[action]!),
      scope: { load: 'case', type, id: 'params.id' },
      params,
      body,
      // An action whose fields are all optional takes an empty request as `{}`.
      ...(body.safeParse({}).success ? { optionalBody: true } : {}),
      answers: { 200: { description: `The ${noun(type)} after the action`, schema: answer } },
      errors: [400, 401, 403, 404, 409, 415, 422],
      keyed: true,
    };
  });
}

/** Reading a case of `type` and its history, served by `fn`. */
export function caseReadRoutes(type: Case['type'], fn: string, view: z.ZodType, history: z.ZodType, params: z.ZodObject): RouteDeclaration[] {
  const { collection } = CASE_TYPE_NAMES[type];
  const read = { ...CASE_READ, function: fn, scope: { load: 'case', type, id: 'params.id' }, params, errors: [400, 401, 404] } as const;
  return [
    {
      ...read,
      method: 'GET',
      path: `/v1/${collection}/{id}`,
      summary: `Read a ${noun(type)}, with the actions the caller may take on it now`,
      answers: { 200: { description: `The ${noun(type)}`, schema: view } },
    },
    {
      ...read,
      method: 'GET',
      path: `/v1/${collection}/{id}/history`,
      summary: `Every action on a ${noun(type)}: who, when, from and to which state, why`,
      answers: { 200: { description: 'The history, oldest first', schema: history } },
    },
  ];
}

/** Names what is wrong with a set of declarations: repeats, relations without a scope, public routes with roles. Empty when sound. */
export function declarationProblems(declarations: readonly RouteDeclaration[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const d of declarations) {
    const key = routeKeyOf(d);
    if (seen.has(key)) problems.push(`${key} is declared twice`);
    seen.add(key);
    const relations = Object.values(d.roles);
    if (!d.scope && relations.some((r) => r === 'inside' || r === 'own')) problems.push(`${key} needs a scope for its ${relations.join(', ')} relations`);
    if (d.public && relations.length > 0) problems.push(`${key} is public and names roles`);
  }
  return problems;
}
