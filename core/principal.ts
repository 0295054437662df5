// Who is calling, from the JWT claims API Gateway (or the local stack) has verified.
import { isWithin } from './jurisdiction.ts';

export type Role = 'caseworker' | 'supervisor' | 'person' | 'admin' | 'filer' | 'agency' | 'system';
export const ROLES: readonly Role[] = ['caseworker', 'supervisor', 'person', 'admin', 'filer', 'agency', 'system'];

export interface Principal {
  sub: string;
  role: Role;
  /** The jurisdiction an office account works in (an admin's is optional: none means everywhere); a filer's premises; absent for people. */
  jurisdiction?: string;
  /** A filer's organisation (the employer or landlord it files for). */
  organisation?: string;
  /** A partner agency's id (`police-bj`): its subscriptions are its own. */
  agency?: string;
  /** A person's ID number, as the identity provider verified it (real-name verification): they act and read for it alone. */
  idNumber?: string;
}

export const SYSTEM: Principal = { sub: 'liudong', role: 'system' };

/** Office accounts act inside their jurisdiction code, and only there. */
export const officeCovers = (principal: Principal, code: string): boolean =>
  (principal.role === 'caseworker' || principal.role === 'supervisor') &&
  principal.jurisdiction !== undefined &&
  isWithin(code, principal.jurisdiction);

/** Administrators maintain reference data and policy inside their jurisdiction, or everywhere without one. */
export const adminCovers = (principal: Principal, code: string): boolean =>
  principal.role === 'admin' && (principal.jurisdiction === undefined || isWithin(code, principal.jurisdiction));

/** An employer's or landlord's account files for premises inside its jurisdiction. */
export const filerCovers = (principal: Principal, code: string): boolean =>
  principal.role === 'filer' && principal.jurisdiction !== undefined && isWithin(code, principal.jurisdiction);

/** A partner agency's account works with events inside its jurisdiction prefix. */
export const agencyCovers = (principal: Principal, code: string): boolean =>
  principal.role === 'agency' && principal.jurisdiction !== undefined && isWithin(code, principal.jurisdiction);
