// Who may read what. Writes are governed by the workflow tables' role columns.
import { officeCovers, type Principal } from './principal.ts';
import { type Case, workingOffice } from './workflows/index.ts';

/** Offices read the inboxes of their jurisdiction and of everything inside it. */
export const mayReadInbox = (principal: Principal, code: string): boolean => officeCovers(principal, code);

/**
 * The office that works a case (the destination's for registrations, the origin's for origin
 * certificates) and the offices above it see it; a person sees the cases they opened.
 */
export const mayReadCase = (principal: Principal, c: Case): boolean =>
  officeCovers(principal, workingOffice(c)) || (principal.role === 'person' && principal.sub === c.openedBy.sub);
