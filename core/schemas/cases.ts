// Every case type at once: reading a case and its history, and the case lists.
import { z } from 'zod';
import { APPEAL_STATES } from '../workflows/appeal.ts';
import { ASSISTANCE_REQUEST_STATES } from '../workflows/assistance-request.ts';
import { CASE_TYPES } from '../workflows/engine.ts';
import { GROUP_STATES } from '../workflows/group.ts';
import { ORIGIN_CERTIFICATE_STATES } from '../workflows/origin-certificate.ts';
import { REGISTRATION_STATES } from '../workflows/registration.ts';
import { REVIEW_STATES } from '../workflows/review.ts';
import { Appeal } from './appeals.ts';
import { AssistanceRequest } from './assistance-requests.ts';
import { Actor, Cursor, JurisdictionCode, Limit } from './common.ts';
import { Group } from './groups.ts';
import { OriginCertificate } from './origin-certificates.ts';
import { Registration } from './registrations.ts';
import { Review } from './reviews.ts';

/** Each case type's response schema: what a read answers, and what lists carry. */
export const CASE_VIEWS = {
  registration: Registration,
  origin_certificate: OriginCertificate,
  review: Review,
  assistance_request: AssistanceRequest,
  appeal: Appeal,
  group: Group,
} as const;

export const CaseIdParams = z.strictObject({ id: z.uuid({ message: 'must be a case id (UUID)' }) });

export const HistoryEntry = z
  .object({
    caseId: z.uuid(),
    at: z.iso.datetime(),
    action: z.string(),
    from: z.string().nullable(),
    to: z.string(),
    by: Actor,
    reason: z.string().optional(),
    note: z.string().optional(),
  })
  .meta({ id: 'HistoryEntry' });
export const History = z.object({ items: z.array(HistoryEntry) }).meta({ id: 'History' });

// ---- Lists

const ALL_STATES = [
  ...new Set([...REGISTRATION_STATES, ...ORIGIN_CERTIFICATE_STATES, ...REVIEW_STATES, ...ASSISTANCE_REQUEST_STATES, ...APPEAL_STATES, ...GROUP_STATES]),
] as [string, ...string[]];

const caseFilters = {
  type: z.enum(CASE_TYPES).optional(),
  state: z.enum(ALL_STATES).optional(),
  overdue: z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true').optional(),
  dueBefore: z.iso.datetime({ message: 'must be an ISO date-time, e.g. 2026-12-01T00:00:00Z' }).optional(),
  limit: Limit,
  cursor: Cursor,
};
const noContradiction = (q: { state?: string | undefined; overdue?: boolean | undefined }, ctx: z.RefinementCtx) => {
  if (q.overdue && q.state && q.state !== 'overdue') {
    ctx.addIssue({ code: 'custom', path: ['state'], message: 'contradicts overdue=true' });
  }
};
export const CasesQuery = z.strictObject({ jurisdiction: JurisdictionCode, ...caseFilters }).superRefine(noContradiction);
export const MyCasesQuery = z.strictObject(caseFilters).superRefine(noContradiction);
export const CasePage = z
  .object({
    items: z.array(z.discriminatedUnion('type', Object.values(CASE_VIEWS) as unknown as [typeof Registration, typeof OriginCertificate])),
    cursor: z.string().optional(),
  })
  .meta({ id: 'CasePage' });
