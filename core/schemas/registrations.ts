// Registrations: reporting an arrival, the case, and its action bodies.
import { z } from 'zod';
import { REGISTRATION_STATES } from '../workflows/registration.ts';
import { AgencyDecision } from './certificates.ts';
import { Certificate, CertificateNumber, JurisdictionCode, LocalDate, Note, NoteBody, Person, Reason, ReasonBody, caseCommon, caseHead, text } from './common.ts';

export const RegistrationRequest = z
  .strictObject({
    person: Person,
    originCode: JurisdictionCode,
    destinationCode: JurisdictionCode,
    arrivalDate: LocalDate,
    expectedStayDays: z
      .number()
      .int('must be a whole number of days')
      .min(1, 'must be at least 1')
      .max(36500, 'must be at most 36500')
      .meta({ description: 'How long the person expects to stay; policy sets the minimum (Measures §2: 30 days)' }),
    originCertificateNumber: CertificateNumber.optional(),
  })
  .meta({ id: 'RegistrationRequest' });
export type RegistrationRequest = z.infer<typeof RegistrationRequest>;

export const Registration = z
  .object({
    ...caseHead('registration', REGISTRATION_STATES),
    ...caseCommon,
    destinationCode: JurisdictionCode,
    arrivalDate: LocalDate,
    expectedStayDays: z.number().int(),
    originCertificateNumber: z.string().optional(),
    verificationCertificate: Certificate.optional(),
    supplementRequest: z.object({ items: z.array(z.string()), reason: z.string(), requestedAt: z.iso.datetime() }).optional(),
    departure: z.object({ date: LocalDate, nextDestinationCode: JurisdictionCode.optional() }).optional(),
    previousCaseId: z.uuid().optional(),
    nextCaseId: z.uuid().optional(),
    reviewId: z.uuid().optional().meta({ description: 'The residence review that is due, or was last due' }),
    groupId: z.uuid().optional().meta({ description: 'The organised group the person came with' }),
    premises: z.string().optional().meta({ description: "Where the person lives, from an employer's or landlord's filing" }),
    importId: z.uuid().optional().meta({ description: 'The bulk filing that reported it' }),
    agencyDecisions: z.array(AgencyDecision).optional().meta({ description: "Agencies' decisions against the certificate (reading one case)" }),
  })
  .meta({ id: 'Registration' });

/** The body of each action route, by action. */
export const REGISTRATION_ACTION_BODIES = {
  verify: NoteBody.meta({ id: 'VerifyRequest' }),
  request_supplement: z
    .strictObject({
      items: z.array(text(200)).min(1, 'must name at least one missing document').max(20, 'must name at most 20 documents'),
      reason: Reason,
    })
    .meta({ id: 'SupplementRequest' }),
  supplement: NoteBody.meta({ id: 'SupplementBody' }),
  renew: NoteBody.meta({ id: 'RenewRequest' }),
  revoke: ReasonBody.meta({ id: 'RevokeRequest' }),
  refuse: ReasonBody.meta({ id: 'RefuseRequest' }),
  update_details: z
    .strictObject({
      phone: Person.shape.phone.optional(),
      expectedStayDays: RegistrationRequest.shape.expectedStayDays.optional(),
      premises: text(300).optional(),
      note: Note.optional(),
    })
    .refine((b) => b.phone !== undefined || b.expectedStayDays !== undefined || b.premises !== undefined, {
      message: 'must give at least one of phone, expectedStayDays, premises',
    })
    .meta({ id: 'UpdateDetailsRequest' }),
  depart: z
    .strictObject({ departureDate: LocalDate, nextDestinationCode: JurisdictionCode.optional(), note: Note.optional() })
    .meta({ id: 'DepartRequest' }),
} as const;
