// Field schemas every resource shares: codes, dates, ID and certificate numbers, a person, a
// deadline, who acted, the fields every case view leads with, paging. Handlers validate with the
// schemas in this folder and the OpenAPI document is generated from them
// (functions/api/openapi-document.ts), so the two cannot disagree.
import { z } from 'zod';
import { isRealDate } from '../calendar.ts';
import { parseCertificateNumber } from '../certificates.ts';
import { parseIdNumber } from '../id-number.ts';
import { isJurisdictionCode } from '../jurisdiction.ts';
import { DEADLINE_KINDS } from '../policy.ts';
import { ROLES } from '../principal.ts';

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
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    // The schema has no clock (the core never reads one): a birth date after today is refused where
    // a case is opened with the request's time (bornByToday in the workflows).
    const parsed = parseIdNumber(value, '9999-12-31');
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
  })
  .meta({ id: 'IdNumber', description: '18-character citizen ID number', example: '11010519491231002X' });

/** Read as typed, answered in its printed form (`vc 7k2m 9qd3 hx8p` → `VC-7K2M-9QD3-HX8P`). */
export const CertificateNumber = z
  .string()
  .max(40, 'must be at most 40 characters')
  .overwrite((value) => {
    const parsed = parseCertificateNumber(value);
    return 'error' in parsed ? value : parsed.number;
  })
  .superRefine((value, ctx) => {
    const parsed = parseCertificateNumber(value);
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
  })
  .meta({
    id: 'CertificateNumber',
    description: 'OC- (origin) or VC- (verification) and 12 characters; case, spaces and hyphens do not matter',
    example: 'VC-7K2M-9QD3-HX8P',
  });

export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
export const Reason = text(500).meta({ description: 'Why, in words the person can read' });
export const Note = text(1000);
/** Action bodies that carry only a note, or a reason and a note. */
export const NoteBody = z.strictObject({ note: Note.optional() });
export const ReasonBody = z.strictObject({ reason: Reason, note: Note.optional() });

export const Person = z
  .strictObject({
    name: text(100),
    idNumber: IdNumber,
    phone: z.string().regex(/^\+?[0-9][0-9 -]{4,19}$/, 'must be a phone number of 5 to 20 digits'),
    email: z.email('must be an e-mail address').max(254).optional().meta({ description: 'Reminders are e-mailed here as well as texted' }),
    language: z.enum(['zh', 'en']).optional().meta({ description: 'The language of reminders (default zh)' }),
  })
  .meta({ id: 'Person' });

export const Period = z
  .strictObject({
    count: z.number().int('must be a whole number').min(1, 'must be at least 1').max(365, 'must be at most 365'),
    unit: z.enum(['calendar_days', 'working_days', 'months']),
  })
  .meta({ id: 'Period' });

export const Deadline = z
  .object({
    kind: z.enum(DEADLINE_KINDS),
    date: LocalDate,
    dueAt: z.iso.datetime(),
    period: Period.optional().meta({ description: 'Absent on deadlines started before periods were recorded' }),
    startedAt: z.iso.datetime().optional(),
    from: LocalDate.optional().meta({ description: 'The local date the period counts from' }),
    provisional: z.literal(true).optional().meta({
      description: 'A working-day count ran into a year whose holiday notice is not loaded: the date may move when it is (the person is told)',
    }),
    awaiting: z.array(z.number().int()).optional().meta({ description: 'On a provisional deadline: the years whose holiday notice it awaits' }),
    stages: z
      .array(z.object({ name: z.string(), type: z.enum(['reminder', 'overdue', 'escalation']), at: z.iso.datetime() }))
      .optional()
      .meta({ description: 'What the deadline does by itself: reminders before it, the overdue step at it, escalations after it' }),
  })
  .meta({ id: 'Deadline', description: 'The last local date on time, the instant it is missed, and the policy period it started with' });

export const Actor = z
  .object({ sub: z.string(), role: z.enum(ROLES), office: JurisdictionCode.optional(), organisation: z.string().optional() })
  .meta({ id: 'Actor', description: 'Who acted: the account, its role and, for office accounts, the office' });

export const Certificate = z
  .object({
    number: z.string(),
    validFrom: LocalDate,
    validUntil: LocalDate,
    revoked: z.object({ at: z.iso.datetime(), reason: z.string() }).optional(),
    supersededBy: z.string().optional(),
  })
  .meta({ id: 'Certificate' });

/** id, type and state lead every case, in that order. */
export const caseHead = <T extends string, S extends readonly [string, ...string[]]>(type: T, states: S) => ({
  id: z.uuid(),
  type: z.literal(type),
  state: z.enum(states),
});
export const caseCommon = {
  person: z.object({
    name: z.string(),
    idNumber: z.string().meta({ description: 'Masked (110105********002X): the full number through POST /v1/cases/{id}/reveal' }),
    phone: z.string().meta({ description: 'Masked (138****8000)' }),
    email: z.string().optional(),
    language: z.enum(['zh', 'en']).optional(),
  }),
  retainUntil: LocalDate.optional().meta({ description: 'A closed case keeps its personal data until this day (policy retentionYears), then is minimised' }),
  minimisedAt: z.iso.datetime().optional().meta({ description: 'When the personal data was removed; the case stays for statistics' }),
  marks: z
    .object({ due: z.record(z.string(), LocalDate), taken: z.record(z.string(), z.iso.datetime()) })
    .optional()
    .meta({ description: 'The first day each kind of deadline fell due and the first time each action was taken: what places the case in a reporting period (GET /v1/statistics/definitions)' }),
  originCode: JurisdictionCode,
  deadline: Deadline.nullable(),
  openedBy: Actor,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
  availableActions: z
    .array(z.string())
    .optional()
    .meta({ description: 'Reading one case: the action routes the caller may take on it now' }),
};

// ---- Paging

export const Limit = z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(20);
export const Cursor = z.string().min(1).max(2000).optional();
