// Who may read what. Writes are governed by the workflow tables' role columns.
import { officeCovers, type Principal } from './principal.ts';
import type { RegistrationCase } from './workflows/registration.ts';

/** Offices read the inboxes of their jurisdiction and of everything inside it. */
export const mayReadInbox = (principal: Principal, code: string): boolean => officeCovers(principal, code);

/** Destination offices see cases they handle; a person sees the case they reported. */
export const mayReadRegistration = (principal: Principal, c: RegistrationCase): boolean =>
  officeCovers(principal, c.destinationCode) || (principal.role === 'person' && principal.sub === c.reportedBy.sub);
