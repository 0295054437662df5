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
  /** A resource addressed by id (a case, import or subscription): refused as not found, like one that is absent. */
  byId: boolean;
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

export async function loadScope(source: ScopeSource, input: ParsedInput, principal: Principal): Promise<Loaded> {
  if ('request' in source) return { scope: source.request(input), byId: false };
  switch (source.load) {
    case 'case': {
      const c = await readableCase(source.type, caseIdAt(source.id, input), principal);
      return { scope: caseScope(c), resource: c, byId: true };
    }
    case 'import': {
      const record = await getImport(input.params.id);
      if (!record) throw notFound(`no import ${input.params.id} within your reach`);
      // The importing account's own; the offices covering the premises.
      return { scope: { codes: [record.destinationCode], openedBy: record.by.sub }, resource: record, byId: true };
    }
    case 'subscription': {
      const s = await getSubscription(input.params.id);
      if (!s || !mayManageSubscription(principal, s)) throw notFound(`no subscription ${input.params.id}`);
      return { scope: { agency: s.agency, codes: [s.jurisdiction] }, resource: s, byId: true };
    }
    case 'importTarget': {
      // A group's members come to its destination; otherwise the premises named.
      if (!input.body.groupId) return { scope: { codes: [input.body.destinationCode] }, byId: false };
      const group = await readableCase('group', input.body.groupId, principal);
      return { scope: { codes: [(group as Extract<Case, { type: 'group' }>).destinationCode] }, resource: group, byId: false };
    }
  }
}
