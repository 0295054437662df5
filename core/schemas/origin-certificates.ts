// Origin certificates: the application before leaving, the case, and its action bodies.
import { z } from 'zod';
import { ORIGIN_CERTIFICATE_STATES } from '../workflows/origin-certificate.ts';
import { Certificate, JurisdictionCode, LocalDate, NoteBody, Person, ReasonBody, caseCommon, caseHead } from './common.ts';

export const OriginCertificateRequest = z
  .strictObject({
    person: Person,
    originCode: JurisdictionCode,
    intendedDestinationCode: JurisdictionCode.optional(),
    plannedDeparture: LocalDate.optional(),
  })
  .meta({ id: 'OriginCertificateRequest' });

export const OriginCertificate = z
  .object({
    ...caseHead('origin_certificate', ORIGIN_CERTIFICATE_STATES),
    ...caseCommon,
    intendedDestinationCode: JurisdictionCode.optional(),
    plannedDeparture: LocalDate.optional(),
    certificate: Certificate.optional(),
    rejection: z.object({ reason: z.string() }).optional(),
    usedBy: z.array(z.uuid()).optional(),
  })
  .meta({ id: 'OriginCertificate' });

export const ORIGIN_CERTIFICATE_ACTION_BODIES = {
  issue: NoteBody.meta({ id: 'IssueRequest' }),
  reject: ReasonBody.meta({ id: 'RejectRequest' }),
  revoke: ReasonBody,
} as const;
