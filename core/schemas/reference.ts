// Reference data and policy: jurisdictions, and the policy settings by code prefix.
import { z } from 'zod';
import { LEVELS } from '../jurisdiction.ts';
import { DEADLINE_KINDS, NATIONAL_PREFIX } from '../policy.ts';
import { JurisdictionCode, LocalDate, Period, text } from './common.ts';

export const JurisdictionParams = z.strictObject({ code: JurisdictionCode });
export const JurisdictionRequest = z
  .strictObject({
    name: text(100),
    level: z.enum(Object.values(LEVELS) as [string, ...string[]]).optional().meta({ description: 'Implied by the code; when given it must agree' }),
  })
  .meta({ id: 'JurisdictionRequest' });
const JurisdictionFields = { code: JurisdictionCode, name: z.string(), level: z.enum(Object.values(LEVELS) as [string, ...string[]]) };
export const Jurisdiction = z
  .object({ ...JurisdictionFields, parentCode: JurisdictionCode.optional(), children: z.array(z.object(JurisdictionFields)) })
  .meta({ id: 'Jurisdiction' });
export const Provinces = z.object({ items: z.array(z.object(JurisdictionFields)) }).meta({ id: 'Provinces' });

export const PolicyParams = z.strictObject({
  prefix: z.union([z.literal(NATIONAL_PREFIX), JurisdictionCode], { message: `must be ${NATIONAL_PREFIX} or a jurisdiction code` }),
});

const Months = z.number().int('must be a whole number of months').min(1, 'must be at least 1').max(120, 'must be at most 120');
const HolidayCalendar = z
  .strictObject({ holidays: z.array(LocalDate).max(366), workdays: z.array(LocalDate).max(366) })
  .superRefine((c, ctx) => {
    const both = c.holidays.filter((d) => c.workdays.includes(d));
    if (both.length > 0) ctx.addIssue({ code: 'custom', path: ['workdays'], message: `lists holidays too: ${both.join(', ')}` });
  })
  .meta({ id: 'HolidayCalendar', description: 'Local holidays and make-up working days, added to the national calendar' });

const Days = z.array(z.number().int().min(1, 'must be at least 1').max(365, 'must be at most 365')).max(5, 'must list at most 5');
const ReminderRule = z
  .strictObject({ before: Days, remind: z.array(z.enum(['person', 'office'])).max(2), escalateAfter: Days })
  .meta({ id: 'ReminderRule' });
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');
const QuietHours = z.strictObject({ start: ClockTime, end: ClockTime }).meta({ id: 'QuietHours', description: 'Local hours (Asia/Shanghai) in which no SMS goes to a person' });

export const PolicyOverride = z
  .strictObject({
    originCertificateProcessing: Period,
    originCertificateValidityMonths: Months,
    registration: Period,
    supplement: Period,
    verification: Period,
    verificationCertificateValidityMonths: Months,
    minimumAge: z.number().int().min(0).max(100, 'must be at most 100').nullable(),
    minimumStayDays: z.number().int().min(1).max(3650, 'must be at most 3650').nullable(),
    assistanceReply: Period,
    appealWindowDays: z.number().int().min(1, 'must be at least 1').max(3650, 'must be at most 3650'),
    appealDecision: Period,
    groupFiling: Period,
    assistanceReplyMaxDays: z.number().int().min(1, 'must be at least 1').max(365, 'must be at most 365'),
    noticeAcknowledgement: Period,
    reviewIntervalMonths: Months,
    retentionYears: z.number().int('must be a whole number of years').min(1, 'must be at least 1').max(30, 'must be at most 30'),
    accessLogNamesStaff: z.boolean(),
    completenessTarget: z.number().min(0, 'must be at least 0').max(1, 'must be at most 1 (100%)'),
    staleAfterDays: z.number().int().min(1, 'must be at least 1').max(3650, 'must be at most 3650'),
    updatesPerYear: z.number().int().min(0).max(366, 'must be at most 366'),
    reviewWindowDays: z.number().int().min(0).max(366, 'must be at most 366'),
    reminders: z.partialRecord(z.enum(DEADLINE_KINDS), ReminderRule).meta({
      description: 'By deadline kind: reminders `before` (days, in the deadline\'s unit) to `remind` (person, office), escalations `escalateAfter` (days; each one level further up)',
    }),
    quietHours: QuietHours.nullable(),
    calendar: HolidayCalendar,
  })
  .partial()
  .meta({ id: 'PolicyOverride', description: 'Settings for a prefix; an absent setting comes from a shorter prefix' });

const ResolvedCalendar = z
  .object({
    holidays: z.array(LocalDate),
    workdays: z.array(LocalDate),
    noticeYears: z.array(z.number().int()).meta({ description: 'Years whose national notice is loaded; other years count the statutory holidays computed from the law' }),
  })
  .meta({ id: 'ResolvedCalendar' });

export const PolicyOverrideDocument = z
  .object({ prefix: z.string(), override: PolicyOverride, updatedAt: z.iso.datetime().optional(), updatedBy: z.string().optional() })
  .meta({ id: 'PolicyOverrideDocument' });

export const ResolvedPolicy = z
  .object({
    code: JurisdictionCode,
    policy: PolicyOverride.required().extend({ calendar: ResolvedCalendar }),
    sources: z.record(z.string(), z.union([z.string(), z.array(z.string())])).meta({
      description: 'For each setting, where it came from: `default` (built in), `national` or a code prefix; calendar lists every contributor',
    }),
  })
  .meta({ id: 'ResolvedPolicy' });
