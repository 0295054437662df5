// Notices: an office's inbox, its acknowledgement figures, and the national administrators' inbox.
import { z } from 'zod';
import { ROLES } from '../principal.ts';
import { CASE_TYPES } from '../workflows/engine.ts';
import { Cursor, Deadline, JurisdictionCode, Limit, LocalDate } from './common.ts';

export const InboxParams = z.strictObject({ code: JurisdictionCode });
export const InboxQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional().meta({ description: 'true: only notices nobody has acknowledged' }),
  limit: Limit,
  cursor: Cursor,
});
export const FeedbackQuery = z
  .strictObject({
    from: LocalDate.meta({ description: 'Notices filed on or after this day (Asia/Shanghai)' }),
    to: LocalDate.meta({ description: 'and on or before this one' }),
  })
  .refine((q) => q.from <= q.to, { message: 'must not be before from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, { message: 'must be at most 366 days after from', path: ['to'] });
export const FeedbackFigures = z
  .object({
    jurisdiction: JurisdictionCode,
    from: LocalDate,
    to: LocalDate,
    received: z.number().int().meta({ description: 'Notices filed in the period that are owed an acknowledgement' }),
    acknowledged: z.number().int(),
    acknowledgedInTime: z.number().int().meta({ description: 'Acknowledged by their deadline (policy noticeAcknowledgement)' }),
    acknowledgedLate: z.number().int(),
    unread: z.number().int(),
    unreadLate: z.number().int().meta({ description: 'Still unread, past their deadline' }),
    inTimeRate: z.number().nullable().meta({ description: 'acknowledgedInTime / (acknowledged + unreadLate): of those decided, read in time' }),
    medianHoursToAcknowledge: z.number().nullable(),
  })
  .meta({ id: 'FeedbackFigures' });
export const NoticeParams = z.strictObject({ code: JurisdictionCode, eventId: z.string().min(1).max(100) });
export const AdminNoticeParams = z.strictObject({ eventId: z.string().min(1).max(100) });

export const AdminNotice = z
  .object({
    jurisdiction: z.literal('national'),
    eventId: z.string(),
    type: z.enum(['calendar.notice_missing']).meta({ description: '`calendar.notice_missing`: a year\'s holiday notice should be loaded (PUT /v1/calendars/{year}) and is not' }),
    time: z.iso.datetime(),
    data: z.record(z.string(), z.unknown()),
    acknowledged: z.object({ at: z.iso.datetime(), by: z.object({ sub: z.string(), role: z.enum(ROLES) }) }).optional(),
  })
  .meta({ id: 'AdminNotice', description: 'A notice to the national administrators about the deployment itself' });
export const AdminNoticePage = z.object({ items: z.array(AdminNotice), cursor: z.string().optional() }).meta({ id: 'AdminNoticePage' });

export const Notice = z
  .object({
    jurisdiction: JurisdictionCode,
    eventId: z.string(),
    type: z.string(),
    caseId: z.string(),
    caseType: z.enum(CASE_TYPES),
    time: z.iso.datetime(),
    originCode: JurisdictionCode,
    destinationCode: JurisdictionCode.optional(),
    data: z.record(z.string(), z.unknown()),
    acknowledged: z
      .object({ at: z.iso.datetime(), by: z.object({ sub: z.string(), role: z.enum(ROLES), office: JurisdictionCode.optional() }) })
      .optional()
      .meta({ description: 'Read, by whom and when (POST …/ack)' }),
    acknowledgeBy: Deadline.optional().meta({ description: 'Unread past this, the notice is late: reminded, then escalated' }),
    late: z.object({ at: z.iso.datetime() }).optional().meta({ description: 'It passed its acknowledgement deadline unread' }),
  })
  .meta({ id: 'Notice' });

export const NoticePage = z.object({ items: z.array(Notice), cursor: z.string().optional() }).meta({ id: 'NoticePage' });
