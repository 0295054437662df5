// The API's schemas, in zod. Handlers validate with them and the OpenAPI document is
// generated from them (functions/api/openapi.ts), so the two cannot disagree.
import { z } from 'zod';
import { isRealDate, localDate } from './calendar.ts';
import { parseIdNumber } from './id-number.ts';
import { isJurisdictionCode } from './jurisdiction.ts';
import { REGISTRATION_STATES } from './workflows/registration.ts';

export const JurisdictionCode = z
  .string()
  .refine(isJurisdictionCode, { message: 'must be a jurisdiction code of 2, 4, 6, 9 or 12 digits' })
  .meta({ id: 'JurisdictionCode', example: '110105001' });

export const LocalDate = z
  .string()
  .refine(isRealDate, { message: 'must be a real date written YYYY-MM-DD' })
  .meta({ id: 'LocalDate', description: 'A date in Asia/Shanghai, YYYY-MM-DD', example: '2026-11-20' });

export const IdNumber = z
  .string()
  .superRefine((value, ctx) => {
    const parsed = parseIdNumber(value, localDate(new Date()));
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
  })
  .meta({ id: 'IdNumber', description: '18-character citizen ID number', example: '11010519491231002X' });

export const Person = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
    idNumber: IdNumber,
    phone: z.string().regex(/^\+?[0-9][0-9 -]{4,19}$/, 'must be a phone number of 5 to 20 digits'),
  })
  .meta({ id: 'Person' });

export const RegistrationRequest = z
  .strictObject({
    person: Person,
    originCode: JurisdictionCode,
    destinationCode: JurisdictionCode,
    arrivalDate: LocalDate,
  })
  .meta({ id: 'RegistrationRequest' });
export type RegistrationRequest = z.infer<typeof RegistrationRequest>;

export const Deadline = z
  .object({
    kind: z.enum(['registration', 'supplement']),
    date: LocalDate,
    dueAt: z.iso.datetime(),
  })
  .meta({ id: 'Deadline' });

export const Registration = z
  .object({
    id: z.string(),
    state: z.enum(REGISTRATION_STATES),
    person: z.object({ name: z.string(), idNumber: z.string(), phone: z.string() }),
    originCode: JurisdictionCode,
    destinationCode: JurisdictionCode,
    arrivalDate: LocalDate,
    deadline: Deadline.nullable(),
    reportedBy: z.object({ sub: z.string(), role: z.string() }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    version: z.number().int(),
  })
  .meta({ id: 'Registration' });

export const CaseIdParams = z.strictObject({ id: z.uuid({ message: 'must be a registration id (UUID)' }) });

export const InboxParams = z.strictObject({ code: JurisdictionCode });
export const InboxQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).optional(),
});

export const Notice = z
  .object({
    jurisdiction: JurisdictionCode,
    eventId: z.string(),
    type: z.string(),
    caseId: z.string(),
    time: z.iso.datetime(),
    originCode: JurisdictionCode,
    destinationCode: JurisdictionCode,
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Notice' });

export const NoticePage = z
  .object({ items: z.array(Notice), cursor: z.string().optional() })
  .meta({ id: 'NoticePage' });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });
