// Residence reviews: the case and the result a person or a visit records.
import { z } from 'zod';
import { REVIEW_OUTCOMES, REVIEW_STATES } from '../workflows/review.ts';
import { JurisdictionCode, Note, caseCommon, caseHead, text } from './common.ts';

const ReviewResultFields = {
  outcome: z.enum(REVIEW_OUTCOMES).meta({ description: 'unchanged; changed_address (give address); changed_employer (give employer); left' }),
  address: text(300).optional(),
  employer: text(200).optional(),
  note: Note.optional(),
};
const reviewResultComplete = (r: { outcome: string; address?: string | undefined; employer?: string | undefined }, ctx: z.RefinementCtx) => {
  if (r.outcome === 'changed_address' && !r.address) ctx.addIssue({ code: 'custom', path: ['address'], message: 'is required when the address changed' });
  if (r.outcome === 'changed_employer' && !r.employer) ctx.addIssue({ code: 'custom', path: ['employer'], message: 'is required when the employer changed' });
};

export const REVIEW_ACTION_BODIES = {
  confirm: z.strictObject(ReviewResultFields).superRefine(reviewResultComplete).meta({ id: 'ReviewConfirmation' }),
  record_visit: z.strictObject(ReviewResultFields).superRefine(reviewResultComplete).meta({ id: 'ReviewVisit' }),
} as const;

export const Review = z
  .object({
    ...caseHead('review', REVIEW_STATES),
    ...caseCommon,
    destinationCode: JurisdictionCode,
    registrationId: z.uuid(),
    round: z.number().int(),
    result: z
      .object({ ...ReviewResultFields, by: z.enum(['person', 'visit']), at: z.iso.datetime() })
      .optional(),
  })
  .meta({ id: 'Review' });
