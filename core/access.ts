// Who may read what. Writes are governed by the workflow tables' role columns.
import { officeCovers, type Principal } from './principal.ts';
import { type Case, readingOffices } from './workflows/index.ts';

/** Offices read the inboxes of their jurisdiction and of everything inside it. */
export const mayReadInbox = (principal: Principal, code: string): boolean => officeCovers(principal, code);

/**
 * The office that works a case (the destination's for registrations and reviews, the origin's
 * for origin certificates, the asked office's for assistance requests), any other office the
 * workflow names (the asking office), and the offices above them see it; a person sees the
 * cases about their verified ID number, whoever opened them; a filer sees the cases it opened.
 */
export const mayReadCase = (principal: Principal, c: Case): boolean =>
  readingOffices(c).some((code) => officeCovers(principal, code)) ||
  (principal.role === 'person' && (personOf(c) !== undefined ? personOf(c) === principal.idNumber : principal.sub === c.openedBy.sub)) ||
  (principal.role === 'filer' && principal.sub === c.openedBy.sub);

/** The ID number a case is about (every type but groups). */
export const personOf = (c: Case): string | undefined => (c.type !== 'group' && 'person' in c && c.person?.idNumber ? c.person.idNumber : undefined);
