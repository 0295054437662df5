// Who may read what: the authorisation table's relations (core/authorisation.ts) applied to
// cases and inboxes. Writes are governed by the workflow tables' role columns, which the same
// table's action rows are read from.
import { CASE_READ, INBOX_READ, type Scope, permits } from './authorisation.ts';
import { isWithin } from './jurisdiction.ts';
import type { Principal } from './principal.ts';
import { type Case, readingOffices } from './workflows/index.ts';

/** Offices read the inboxes of their jurisdiction and of everything inside it. */
export const mayReadInbox = (principal: Principal, code: string): boolean =>
  permits(principal, INBOX_READ, { codes: [code] });

/** A case as the relations see it: the offices it names, its person, who opened it. */
export const caseScope = (c: Case): Scope => ({ codes: readingOffices(c), idNumber: personOf(c), openedBy: c.openedBy.sub });

/**
 * The office that works a case (the destination's for registrations and reviews, the origin's
 * for origin certificates, the asked office's for assistance requests), any other office the
 * workflow names (the asking office), and the offices above them see it; a person sees the
 * cases about their verified ID number, whoever opened them; a filer sees the cases it opened.
 */
export const mayReadCase = (principal: Principal, c: Case): boolean => permits(principal, CASE_READ, caseScope(c));

/** The ID number a case is about (every type but groups). */
export const personOf = (c: Case): string | undefined => (c.type !== 'group' && 'person' in c && c.person?.idNumber ? c.person.idNumber : undefined);

/** The cases of a list the caller may read (a lookup by ID number answers only these). */
export const reachableCases = <C extends Case>(principal: Principal, items: readonly C[]): C[] => items.filter((c) => mayReadCase(principal, c));

/** The audit records a supervisor may read: those of the users of their own jurisdiction. */
export const auditWithinReach = <E extends { office?: string | undefined }>(principal: Principal, items: readonly E[]): E[] =>
  items.filter((e) => e.office !== undefined && principal.jurisdiction !== undefined && isWithin(e.office, principal.jurisdiction));
