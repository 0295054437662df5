// Who may call what: route × role → the relation the caller must stand in to the resource, and
// how a relation is evaluated. Each route declares its row beside its handler
// (functions/api/<resource>/routes.ts, typed by core/routes.ts); functions/api/registry.ts gathers
// them into the table; functions/shared/http.ts's route() checks the role column before anything
// is parsed and the relation against the resource's scope before the handler runs. The matrix
// test drives every route × role × relation against the local stack, and docs/ACCESS.md is read
// off the table. The workflow routes' rows come from the workflow tables' role columns.
import { type Principal, type Role, adminCovers, agencyCovers, filerCovers, officeCovers } from './principal.ts';

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

/** The offices of a jurisdiction and those above it. */
export const OFFICES = { caseworker: 'inside', supervisor: 'inside' } as const;

/** Every account, whatever the resource (reference data, definitions: nothing personal). */
export const EVERY_ROLE = { caseworker: 'any', supervisor: 'any', person: 'any', admin: 'any', filer: 'any', agency: 'any' } as const;

/** Reading a case and its history: the offices it names and those above them, its person, its filer. */
export const CASE_READ: RouteRule = { purpose: 'case work', roles: { caseworker: 'inside', supervisor: 'inside', person: 'own', filer: 'own' } };

/** An office's inbox: the offices of its jurisdiction and those above it. */
export const INBOX_READ = { purpose: 'notices between offices', roles: OFFICES } as const satisfies RouteRule;

/** A subscription: the agency's own; administrators look after those inside their jurisdiction. */
export const SUBSCRIPTION_OWNERS = { purpose: 'event subscription', roles: { agency: 'own', admin: 'inside' } } as const satisfies RouteRule;

/** Peer deployments: national administrators. */
export const PEER_MANAGERS = { purpose: 'federation', roles: { admin: 'national' } } as const satisfies RouteRule;

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
export function accessMarkdown(rules: readonly (RouteRule & { method: string; path: string })[]): string {
  const cell = (rule: RouteRule, role: (typeof ROLE_ORDER)[number]) => {
    if (rule.public) return 'anyone';
    const relation = rule.roles[role];
    if (!relation) return '';
    const states = rule.onlyInStates?.[role];
    return states ? `${relation} (when ${states.join(', ')})` : relation;
  };
  const rows = rules.map((rule) => {
    return `| \`${rule.method} ${rule.path}\` | ${ROLE_ORDER.map((role) => cell(rule, role)).join(' | ')} | ${rule.purpose} |`;
  });
  return [
    '# Who may call what',
    '',
    '<!-- Generated from the route declarations (functions/api/*/routes.ts) by `npm run access:docs`; a test fails when it is stale. -->',
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
