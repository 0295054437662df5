// Appeals against a decision: filing, the case, and the decision on it.
import { z } from 'zod';
import { APPEAL_STATES } from '../workflows/appeal.ts';
import { CASE_TYPES } from '../workflows/engine.ts';
import { Actor, JurisdictionCode, Reason, caseCommon, caseHead, text } from './common.ts';

export const AppealCreate = z
  .strictObject({
    caseId: z.uuid({ message: 'must be a case id (UUID)' }),
    decision: z
      .strictObject({ action: z.string().min(1).max(50), at: z.iso.datetime({ message: 'must be the decision\'s time, as in the case history' }) })
      .meta({ description: 'The decision appealed: its action and time, as the case history shows them' }),
    grounds: text(4000),
  })
  .meta({ id: 'AppealCreate' });

export const APPEAL_ACTION_BODIES = {
  decide: z.strictObject({ outcome: z.enum(['upheld', 'reversed']), reason: Reason }).meta({ id: 'AppealDecision' }),
} as const;

export const Appeal = z
  .object({
    ...caseHead('appeal', APPEAL_STATES),
    ...caseCommon,
    person: caseCommon.person.optional(),
    originCode: JurisdictionCode.meta({ description: 'The deciding office' }),
    destinationCode: JurisdictionCode.meta({ description: 'The reviewing office: the level above' }),
    appealed: z.object({
      caseId: z.uuid(),
      caseType: z.enum(CASE_TYPES),
      decision: z.object({ action: z.string(), at: z.iso.datetime(), by: Actor, from: z.string().nullable(), to: z.string(), reason: z.string().optional() }),
    }),
    grounds: z.string(),
    outcome: z.object({ decision: z.enum(['upheld', 'reversed']), reason: z.string(), at: z.iso.datetime() }).optional(),
  })
  .meta({ id: 'Appeal' });
