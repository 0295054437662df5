// Who may read what. Writes are governed by the workflow tables' role columns.
import { officeCovers, type Principal } from './principal.ts';
import { type Case, readingOffices } from './workflows/index.ts';

/** Offices read the inboxes of their jurisdiction and of everything inside it. */
export const mayReadInbox = (principal: Principal, code: string): boolean => officeCovers(principal, code);

/**
 * The office that works a case (the destination's for registrations and reviews, the origin's
 * for origin certificates, the asked office's for assistance requests), any other office the
 * workflow names (the asking office), and the offices above them see it; a person or a filer
 * sees the cases they opened.
 */
export const mayReadCase = (principal: Principal, c: Case): boolean =>
  readingOffices(c).some((code) => officeCovers(principal, code)) ||
  ((principal.role === 'person' || principal.role === 'filer') && principal.sub === c.openedBy.sub);
