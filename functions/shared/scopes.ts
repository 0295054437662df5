// Where route() finds what a route's relation is checked against (core/routes.ts `ScopeSource`):
// one loader per kind of resource. A resource that is absent, or that the caller may not see, is
// not found (404), so a refusal does not confirm that it exists; the handler gets what was loaded.
import { caseScope, mayReadCase } from '../../core/access.ts';
import type { Scope } from '../../core/authorisation.ts';
import { notFound } from '../../core/errors.ts';
import type { ImportRecord } from '../../core/imports.ts';
import type { Principal } from '../../core/principal.ts';
import type { ParsedInput, ScopeSource } from '../../core/routes.ts';
import { type Subscription, mayManageSubscription } from '../../core/subscriptions.ts';
import { CASE_TYPE_NAMES, type Case } from '../../core/workflows/index.ts';
import { noteCase } from './audit.ts';
import { getCase } from './store/cases.ts';
import { getImport } from './store/imports.ts';
import { getSubscription } from './store/subscriptions.ts';

export interface Loaded {
  scope: Scope;
  /** What was loaded to find the scope: the case, import or subscription the handler works on. */
  resource?: Case | ImportRecord | Subscription;
  /** How a relation that does not hold is answered: 404 for a resource addressed by id, else 403. */
  refusal: 403 | 404;
}

/** The case at the declared place, if it is of the declared type and the caller may read it (the read is audited). */
async function readableCase(type: Case['type'] | undefined, id: string, principal: Principal): Promise<Case> {
  const c = await getCase(id);
  if (!c || (type !== undefined && c.type !== type) || !mayReadCase(principal, c)) {
    throw notFound(`no ${type ? CASE_TYPE_NAMES[type].noun : 'case'} ${id} within your reach`);
  }
  noteCase(c);
  return c;
}

const caseIdAt = (place: 'params.id' | 'body.caseId' | 'query.caseId', input: ParsedInput): string =>
  place === 'params.id' ? input.params.id : place === 'body.caseId' ? input.body.caseId : input.query.caseId;

/** A read of one resource (a GET naming it in the path) is refused as not found; anything else as forbidden. */
const refusalOf = (method: string, input: ParsedInput): 403 | 404 =>
  method === 'GET' && Object.keys(input.params ?? {}).length > 0 ? 404 : 403;

export async function loadScope(source: ScopeSource, input: ParsedInput, principal: Principal, method: string): Promise<Loaded> {
  if ('request' in source) return { scope: source.request(input), refusal: refusalOf(method, input) };
  switch (source.load) {
    case 'case': {
      const c = await readableCase(source.type, caseIdAt(source.id, input), principal);
      return { scope: caseScope(c), resource: c, refusal: 404 };
    }
    case 'import': {
      const record = await getImport(input.params.id);
      if (!record) throw notFound(`no import ${input.params.id} within your reach`);
      // The importing account's own; the offices covering the premises.
      return { scope: { codes: [record.destinationCode], openedBy: record.by.sub }, resource: record, refusal: 404 };
    }
    case 'subscription': {
      const s = await getSubscription(input.params.id);
      if (!s || !mayManageSubscription(principal, s)) throw notFound(`no subscription ${input.params.id}`);
      return { scope: { agency: s.agency, codes: [s.jurisdiction] }, resource: s, refusal: 404 };
    }
    case 'importTarget': {
      // A group's members come to its destination; otherwise the premises named.
      if (!input.body.groupId) return { scope: { codes: [input.body.destinationCode] }, refusal: 403 };
      const group = await readableCase('group', input.body.groupId, principal);
      return { scope: { codes: [(group as Extract<Case, { type: 'group' }>).destinationCode] }, resource: group, refusal: 403 };
    }
  }
}
