// Assistance requests between offices: asking, the case, its action bodies and its list.
import { z } from 'zod';
import { ASSISTANCE_REQUEST_STATES } from '../workflows/assistance-request.ts';
import { IdNumber, JurisdictionCode, Reason, caseCommon, caseHead, text } from './common.ts';

export const AssistanceRequestCreate = z
  .strictObject({
    toCode: JurisdictionCode.meta({ description: 'The office asked: any jurisdiction of this deployment' }),
    subject: z
      .union([z.strictObject({ caseId: z.uuid({ message: 'must be a case id (UUID)' }) }), z.strictObject({ idNumber: IdNumber })], {
        message: 'must be {"caseId": …} or {"idNumber": …}',
      })
      .meta({ description: 'A case of this deployment, or a person by ID number' }),
    question: text(2000),
    dueDays: z.number().int('must be a whole number of days').min(1, 'must be at least 1').max(365, 'must be at most 365').optional().meta({
      description: 'Calendar days to reply, up to the policy maximum (assistanceReplyMaxDays); the policy period otherwise',
    }),
  })
  .meta({ id: 'AssistanceRequestCreate' });

export const ASSISTANCE_REQUEST_ACTION_BODIES = {
  answer: z.strictObject({ answer: text(4000) }).meta({ id: 'AssistanceAnswer' }),
  decline: z.strictObject({ reason: Reason }).meta({ id: 'AssistanceDecline' }),
} as const;

export const AssistanceRequest = z
  .object({
    ...caseHead('assistance_request', ASSISTANCE_REQUEST_STATES),
    originCode: JurisdictionCode.meta({ description: 'The asking office' }),
    destinationCode: JurisdictionCode.meta({ description: 'The office asked' }),
    subject: z.union([z.object({ caseId: z.uuid() }), z.object({ idNumber: z.string() })]),
    question: z.string(),
    answer: z.object({ text: z.string(), at: z.iso.datetime() }).optional(),
    declined: z.object({ reason: z.string(), at: z.iso.datetime() }).optional(),
    deadline: caseCommon.deadline,
    openedBy: caseCommon.openedBy,
    createdAt: caseCommon.createdAt,
    updatedAt: caseCommon.updatedAt,
    version: caseCommon.version,
    availableActions: caseCommon.availableActions,
  })
  .meta({ id: 'AssistanceRequest' });

export const AssistanceRequestsQuery = z.strictObject({
  jurisdiction: JurisdictionCode,
  direction: z.enum(['received', 'sent']).default('received').meta({ description: 'received: asked of offices inside jurisdiction; sent: asked by exactly that office' }),
  state: z.enum(ASSISTANCE_REQUEST_STATES).optional(),
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(20),
  cursor: z.string().min(1).max(2000).optional(),
});
