// Who may call what: one table, route × role → the relation the caller must stand in to the
// resource. Every API handler goes through it (functions/shared/http.ts checks the role column
// before anything is parsed; the resource checks below evaluate the relation), the matrix test
// drives every route × role × relation against the local stack, and the README's API table is
// read off it. The workflow routes' rows come from the workflow tables' role columns, so an
// action a workflow opens to a role is open to it here and nowhere else.
import { forbidden } from './errors.ts';
import { type Principal, type Role, adminCovers, agencyCovers, filerCovers, officeCovers } from './principal.ts';
import { type ActionRule } from './workflows/engine.ts';
import { CASE_TYPE_NAMES, WORKFLOWS, actionPath, clientActions } from './workflows/index.ts';

/**
 * How a caller must stand to the resource:
 * - `inside`: the resource's jurisdiction (a case's working office or another office the case
 *   names, such as its origin or the asking office) lies inside the caller's jurisdiction code;
 * - `own`: it is the caller's own: a person's verified ID number (or, for a case about nobody
 *   yet, one they opened), a filer's own filing, an agency's own subscription;
 * - `national`: an administrator without a jurisdiction (the whole deployment);
 * - `self`: the route is about the caller alone (their cases, their access log), any caller of the role;
 * - `any`: any caller of the role, whatever the resource (reference data, certificate decisions).
 */
export type Relation = 'inside' | 'own' | 'national' | 'self' | 'any';

export interface RouteRule {
  /** Why the route reads or writes what it does: the purpose the audit records for it. */
  purpose: string;
  /** No token: anyone may call it (the function limits or verifies the caller itself). */
  public?: true;
  /** The roles that may call it, each with the relation it needs. A role not named is refused. */
  roles: Partial<Record<Exclude<Role, 'system'>, Relation>>;
  /** A role allowed only while the case is in one of these states (the workflow's `rolesFrom`). */
  onlyInStates?: Partial<Record<Exclude<Role, 'system'>, string[]>>;
}

const OFFICES = { caseworker: 'inside', supervisor: 'inside' } as const;
const EVERY_ROLE = { caseworker: 'any', supervisor: 'any', person: 'any', admin: 'any', filer: 'any', agency: 'any' } as const;
const SUBSCRIPTION_OWNERS = { agency: 'own', admin: 'inside' } as const;

/** Reading a case and its history: the offices it names and those above them, its person, its filer. */
export const CASE_READ: RouteRule = { purpose: 'case work', roles: { ...OFFICES, person: 'own', filer: 'own' } };

/** The relation each role needs to act on a case: offices inside, people and filers on their own. */
const ACTING: Record<Exclude<Role, 'system' | 'admin' | 'agency'>, Relation> = { caseworker: 'inside', supervisor: 'inside', person: 'own', filer: 'own' };

/** One row per client action of a workflow, from its role column. */
function actionRules(collection: string, workflow: { actions: Record<string, ActionRule<string>> }): Record<string, RouteRule> {
  return Object.fromEntries(
    clientActions(workflow).map((action) => {
      const rule = workflow.actions[action]!;
      const always = rule.roles.filter((r) => r !== 'system') as (keyof typeof ACTING)[];
      const conditional = new Map<keyof typeof ACTING, string[]>();
      for (const [state, roles] of Object.entries(rule.rolesFrom ?? {}) as [string, Role[]][]) {
        for (const r of roles) if (r !== 'system' && !always.includes(r as keyof typeof ACTING)) conditional.set(r as keyof typeof ACTING, [...(conditional.get(r as keyof typeof ACTING) ?? []), state]);
      }
      const roles = Object.fromEntries([...always, ...conditional.keys()].map((r) => [r, ACTING[r]]));
      return [
        `POST /v1/${collection}/{id}/${actionPath(action)}`,
        { purpose: 'case work', roles, ...(conditional.size > 0 ? { onlyInStates: Object.fromEntries(conditional) } : {}) } satisfies RouteRule,
      ];
    }),
  );
}

const caseRoutes = (): Record<string, RouteRule> =>
  Object.fromEntries(
    (Object.keys(WORKFLOWS) as (keyof typeof WORKFLOWS)[]).flatMap((type) => {
      const { collection } = CASE_TYPE_NAMES[type];
      return [
        [`GET /v1/${collection}/{id}`, CASE_READ],
        [`GET /v1/${collection}/{id}/history`, CASE_READ],
        ...Object.entries(actionRules(collection, WORKFLOWS[type])),
      ];
    }),
  );

/** The table. A route the wiring serves without a row here fails the tests, and is refused. */
export const ROUTE_RULES: Readonly<Record<string, RouteRule>> = {
  ...caseRoutes(),
  // Opening cases: an office for people inside it, a person for themself, a filer for its premises.
  'POST /v1/registrations': { purpose: 'registration', roles: { caseworker: 'inside', person: 'own', filer: 'inside' } },
  'POST /v1/origin-certificates': { purpose: 'origin certificate application', roles: { caseworker: 'inside', person: 'own' } },
  // An office asks as itself (its own jurisdiction is the asking office), any office of the deployment.
  'POST /v1/assistance-requests': { purpose: 'assistance between offices', roles: { caseworker: 'self', supervisor: 'self' } },
  'POST /v1/appeals': { purpose: 'appeal', roles: { person: 'own' } },
  'POST /v1/groups': { purpose: 'group filing', roles: { caseworker: 'inside', filer: 'inside' } },
  'POST /v1/imports': { purpose: 'bulk filing', roles: { caseworker: 'inside', filer: 'inside' } },
  'GET /v1/imports/{id}': { purpose: 'bulk filing', roles: { caseworker: 'inside', supervisor: 'inside', filer: 'own' } },
  // Lists: an office's jurisdiction (the `jurisdiction` query), a person's own.
  'GET /v1/cases': { purpose: 'case work', roles: OFFICES },
  'GET /v1/assistance-requests': { purpose: 'assistance between offices', roles: OFFICES },
  'GET /v1/me/cases': { purpose: "the person's own cases", roles: { person: 'self' } },
  // Personal data: who read mine (the person); what one user read (supervisors, for their subtree).
  'GET /v1/me/access-log': { purpose: "the person's access log", roles: { person: 'self' } },
  'GET /v1/audit': { purpose: 'audit of access', roles: { supervisor: 'self' } },
  // An office finds a person's cases within its reach by ID number, or reveals a case's full numbers: with a reason.
  'POST /v1/people/search': { purpose: 'lookup by ID number', roles: { caseworker: 'self', supervisor: 'self' } },
  'POST /v1/cases/{id}/reveal': { purpose: 'full ID and phone number', roles: OFFICES },
  'GET /v1/messages': { purpose: 'case work', roles: { ...OFFICES, person: 'own', filer: 'own' } },
  // Certificates: anyone checks a number; an agency (or an office on its behalf) records what it decided.
  'GET /v1/certificates/{number}': { purpose: 'certificate check', public: true, roles: {} },
  'POST /v1/certificates/{number}/decisions': { purpose: 'agency decision on a certificate', roles: { caseworker: 'any', supervisor: 'any', agency: 'any' } },
  // Reference data and policy: names and rules are not personal; administrators maintain them.
  'GET /v1/jurisdictions': { purpose: 'reference data', roles: EVERY_ROLE },
  'GET /v1/jurisdictions/{code}': { purpose: 'reference data', roles: EVERY_ROLE },
  'PUT /v1/jurisdictions/{code}': { purpose: 'reference data', roles: { admin: 'inside' } },
  'GET /v1/jurisdictions/{code}/policy': { purpose: 'reference data', roles: EVERY_ROLE },
  'GET /v1/policies/{prefix}': { purpose: 'reference data', roles: EVERY_ROLE },
  'PUT /v1/policies/{prefix}': { purpose: 'policy', roles: { admin: 'inside' } },
  'GET /v1/calendars/{year}': { purpose: 'reference data', roles: EVERY_ROLE },
  'PUT /v1/calendars/{year}': { purpose: 'policy', roles: { admin: 'national' } },
  // Office inboxes.
  'GET /v1/jurisdictions/{code}/notices': { purpose: 'notices between offices', roles: OFFICES },
  'GET /v1/jurisdictions/{code}/notices/figures': { purpose: 'notices between offices', roles: OFFICES },
  'POST /v1/jurisdictions/{code}/notices/{eventId}/ack': { purpose: 'notices between offices', roles: OFFICES },
  'GET /v1/admin/notices': { purpose: 'administration', roles: { admin: 'national' } },
  'POST /v1/admin/notices/{eventId}/ack': { purpose: 'administration', roles: { admin: 'national' } },
  // Agency subscriptions: the agency's own; administrators look after those inside their jurisdiction.
  // An agency subscribes for itself; the subscription's jurisdiction must lie inside its own (422 otherwise).
  'POST /v1/subscriptions': { purpose: 'event subscription', roles: { agency: 'self' } },
  'GET /v1/subscriptions': { purpose: 'event subscription', roles: { agency: 'self', admin: 'self' } },
  'GET /v1/subscriptions/{id}': { purpose: 'event subscription', roles: SUBSCRIPTION_OWNERS },
  'DELETE /v1/subscriptions/{id}': { purpose: 'event subscription', roles: SUBSCRIPTION_OWNERS },
  'POST /v1/subscriptions/{id}/pause': { purpose: 'event subscription', roles: SUBSCRIPTION_OWNERS },
  'POST /v1/subscriptions/{id}/resume': { purpose: 'event subscription', roles: SUBSCRIPTION_OWNERS },
  'POST /v1/subscriptions/{id}/rotate-secret': { purpose: 'event subscription', roles: SUBSCRIPTION_OWNERS },
  'GET /v1/subscriptions/{id}/deliveries': { purpose: 'event subscription', roles: SUBSCRIPTION_OWNERS },
  'POST /v1/subscriptions/{id}/deliveries/replay': { purpose: 'event subscription', roles: SUBSCRIPTION_OWNERS },
  'POST /v1/subscriptions/{id}/deliveries/{deliveryId}/replay': { purpose: 'event subscription', roles: SUBSCRIPTION_OWNERS },
  // Peer deployments: national administrators; a peer's events prove themselves by signature.
  'GET /v1/federation/peers': { purpose: 'federation', roles: { admin: 'national' } },
  'POST /v1/federation/peers': { purpose: 'federation', roles: { admin: 'national' } },
  'DELETE /v1/federation/peers/{name}': { purpose: 'federation', roles: { admin: 'national' } },
  'POST /v1/federation/events': { purpose: 'federation', public: true, roles: {} },
  // What each completeness rate counts: not personal, for every account.
  'GET /v1/statistics/definitions': { purpose: 'statistics', roles: EVERY_ROLE },
  // The rates and the cases behind them: supervisors of the jurisdiction or above (administrators likewise).
  'GET /v1/statistics': { purpose: 'statistics', roles: { supervisor: 'inside', admin: 'inside' } },
  'GET /v1/statistics/cases': { purpose: 'statistics', roles: { supervisor: 'inside', admin: 'inside' } },
  // An office's data-quality list: its own caseworkers fix what it names.
  'GET /v1/statistics/quality': { purpose: 'data quality', roles: { caseworker: 'inside', supervisor: 'inside', admin: 'inside' } },
  // Published reports hold figures only: agencies of the jurisdiction read them too (they are told by report.published).
  'GET /v1/reports': { purpose: 'statistics', roles: { supervisor: 'inside', admin: 'inside', agency: 'inside' } },
  'GET /v1/reports/{id}': { purpose: 'statistics', roles: { supervisor: 'inside', admin: 'inside', agency: 'inside' } },
  // The API and event descriptions.
  'GET /v1/openapi.json': { purpose: 'API description', public: true, roles: {} },
  'GET /v1/events/schemas': { purpose: 'API description', public: true, roles: {} },
  'GET /v1/events/schemas/{type}': { purpose: 'API description', public: true, roles: {} },
};

export const ruleFor = (routeKey: string): RouteRule | undefined => ROUTE_RULES[routeKey];

/** What a resource is, as far as the relations care. */
export interface Scope {
  /** Jurisdictions the resource lies in (a case: the offices it names). */
  codes?: readonly string[];
  /** The person it is about (their verified ID number). */
  idNumber?: string | undefined;
  /** Who opened or filed it. */
  openedBy?: string | undefined;
  /** The agency it belongs to. */
  agency?: string | undefined;
}

const covers = (p: Principal, code: string): boolean =>
  officeCovers(p, code) || adminCovers(p, code) || filerCovers(p, code) || agencyCovers(p, code);

/** Whether the caller stands in `relation` to the resource. */
export function relationHolds(p: Principal, relation: Relation, scope: Scope): boolean {
  switch (relation) {
    case 'any':
    case 'self':
      return true;
    case 'national':
      return p.role === 'admin' && p.jurisdiction === undefined;
    case 'inside':
      return (scope.codes ?? []).some((code) => covers(p, code));
    case 'own':
      if (p.role === 'person') return scope.idNumber !== undefined ? scope.idNumber === p.idNumber : scope.openedBy !== undefined && scope.openedBy === p.sub;
      if (p.role === 'agency') return scope.agency !== undefined && scope.agency === p.agency;
      // A filer's own filing: opened by this account (its premises are where it filed).
      if (p.role === 'filer') return scope.openedBy !== undefined && scope.openedBy === p.sub;
      return false;
  }
}

/** Refuses (403, saying why) anyone but a national administrator: the `national` relation, which has no resource to load. */
export function requireNational(p: Principal, why: string): void {
  if (!relationHolds(p, 'national', {})) throw forbidden(why);
}

/** The role column, then the relation: may this caller do what `rule` governs to the resource? */
export function permits(p: Principal, rule: RouteRule, scope: Scope): boolean {
  if (rule.public) return true;
  const relation = p.role === 'system' ? undefined : rule.roles[p.role];
  return relation !== undefined && relationHolds(p, relation, scope);
}

/** Whether the role column names the caller's role at all (checked before a request is parsed). */
export const roleAllowed = (p: Principal, rule: RouteRule): boolean => rule.public === true || (p.role !== 'system' && rule.roles[p.role] !== undefined);

const ROLE_ORDER = ['person', 'caseworker', 'supervisor', 'filer', 'agency', 'admin'] as const;

/** docs/ACCESS.md: every route with the relation each role needs (npm run access:docs). */
export function accessMarkdown(routeKeys: readonly string[]): string {
  const cell = (rule: RouteRule, role: (typeof ROLE_ORDER)[number]) => {
    if (rule.public) return 'anyone';
    const relation = rule.roles[role];
    if (!relation) return '';
    const states = rule.onlyInStates?.[role];
    return states ? `${relation} (when ${states.join(', ')})` : relation;
  };
  const rows = routeKeys.map((key) => {
    const rule = ROUTE_RULES[key]!;
    return `| \`${key}\` | ${ROLE_ORDER.map((role) => cell(rule, role)).join(' | ')} | ${rule.purpose} |`;
  });
  return [
    '# Who may call what',
    '',
    '<!-- Generated from core/authorisation.ts by `npm run access:docs`; a test fails when it is stale. -->',
    '',
    'Each cell is the relation the role must stand in to what the route touches; an empty cell is refused',
    '(`403`, or `404` for a read of one resource). `inside`: the resource lies inside the caller\'s jurisdiction;',
    '`own`: the caller\'s own (a person\'s verified ID number, a filer\'s filing, an agency\'s subscription);',
    '`national`: an administrator without a jurisdiction; `self`: about the caller alone; `any`: whatever the',
    'resource. The purpose is what the audit records. See [SECURITY.md](SECURITY.md).',
    '',
    `| route | ${ROLE_ORDER.join(' | ')} | purpose |`,
    `|---|${ROLE_ORDER.map(() => '---').join('|')}|---|`,
    ...rows,
    '',
  ].join('\n');
}
