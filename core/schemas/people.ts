// Personal data: lookups by ID number, reveals of the full numbers, and the audit of both.
import { z } from 'zod';
import { Cursor, IdNumber, Limit, LocalDate, text } from './common.ts';

export const PeopleSearch = z
  .strictObject({
    idNumber: IdNumber,
    reason: text(500).min(4, 'must say why, in at least 4 characters').meta({ description: 'Why the office looks the person up: recorded in the audit the person reads' }),
  })
  .meta({ id: 'PeopleSearch' });
export const RevealRequest = z
  .strictObject({
    reason: text(500).min(4, 'must say why, in at least 4 characters').meta({ description: 'Why the full numbers are needed: recorded in the audit the person reads' }),
    fields: z.array(z.enum(['idNumber', 'phone'])).min(1).max(2).optional().meta({ description: 'Which numbers (default both)' }),
  })
  .meta({ id: 'RevealRequest' });
export const Revealed = z
  .object({ caseId: z.uuid(), idNumber: z.string().optional(), phone: z.string().optional() })
  .meta({ id: 'Revealed' });
const AuditAction = z.enum(['read', 'write', 'reveal', 'lookup', 'list', 'sent']).meta({ description: 'sent: personal fields an agency received through its subscription' });
export const AccessLogEntry = z
  .object({
    at: z.iso.datetime(),
    action: AuditAction,
    caseId: z.uuid().optional(),
    caseType: z.string().optional(),
    purpose: z.string(),
    reason: z.string().optional(),
    by: z
      .object({ role: z.string(), office: z.string().optional(), agency: z.string().optional(), sub: z.string().optional() })
      .meta({ description: "The office or agency; the staff account (`sub`) only where the office's policy accessLogNamesStaff says so" }),
  })
  .meta({ id: 'AccessLogEntry' });
export const AccessLogPage = z.object({ items: z.array(AccessLogEntry), cursor: z.string().optional() }).meta({ id: 'AccessLogPage' });
export const AccessLogQuery = z.strictObject({ limit: Limit, cursor: Cursor });
export const AuditRecord = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime(),
    sub: z.string(),
    role: z.string(),
    office: z.string().optional(),
    agency: z.string().optional(),
    action: AuditAction,
    caseId: z.uuid().optional(),
    caseType: z.string().optional(),
    caseIds: z.array(z.uuid()).optional(),
    fields: z.array(z.string()).optional(),
    route: z.string(),
    purpose: z.string(),
    reason: z.string().optional(),
  })
  .meta({ id: 'AuditRecord' });
export const AuditPage = z.object({ items: z.array(AuditRecord), cursor: z.string().optional() }).meta({ id: 'AuditPage' });
export const AuditQuery = z
  .strictObject({
    sub: z.string().min(1).max(200).meta({ description: 'The user (token subject) whose accesses to list' }),
    from: LocalDate.meta({ description: 'First day (Asia/Shanghai)' }),
    to: LocalDate.meta({ description: 'Last day (Asia/Shanghai)' }),
    limit: Limit,
    cursor: Cursor,
  })
  .refine((q) => q.from <= q.to, { message: 'must not be after to', path: ['from'] });
