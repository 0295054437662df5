// The public certificate check and agencies' decisions against a certificate.
import { z } from 'zod';
import { CERTIFICATE_STATUSES } from '../certificates.ts';
import { Actor, CertificateNumber, IdNumber, LocalDate, text } from './common.ts';

export const CertificateParams = z.strictObject({ number: CertificateNumber });
export const CertificateCheckQuery = z.strictObject({ idNumber: IdNumber.optional() });
export const CertificateCheck = z
  .object({
    kind: z.enum(['origin', 'verification']),
    status: z.enum(CERTIFICATE_STATUSES),
    validFrom: LocalDate,
    validUntil: LocalDate,
    holderMatches: z.boolean().optional().meta({ description: 'Present when idNumber was given' }),
  })
  .meta({ id: 'CertificateCheck', description: 'Validity only: nothing about the holder' });

export const AgencyDecisionRequest = z
  .strictObject({
    agency: text(200).meta({ description: 'The agency that decided, e.g. 朝阳分局出入境管理支队' }),
    decision: text(500).meta({ description: 'What it decided, e.g. residence permit issued' }),
    reference: text(200).meta({ description: "The agency's own file reference" }),
  })
  .meta({ id: 'AgencyDecisionRequest' });
export const AgencyDecision = z
  .object({
    id: z.uuid(),
    certificateNumber: z.string(),
    agency: z.string(),
    decision: z.string(),
    reference: z.string(),
    at: z.iso.datetime(),
    by: Actor,
  })
  .meta({ id: 'AgencyDecision' });
export const AgencyDecisions = z.object({ items: z.array(AgencyDecision) }).meta({ id: 'AgencyDecisions' });
