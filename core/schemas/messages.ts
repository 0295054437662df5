// The messages sent to a person about a case (SMS, e-mail).
import { z } from 'zod';
import { MESSAGE_STATES } from '../messages.ts';
import { Cursor, Limit } from './common.ts';

export const MessagesQuery = z.strictObject({
  caseId: z.uuid('must be a case id'),
  to: z.string().min(3).max(254).optional().meta({ description: 'Only messages to this phone number or e-mail address' }),
  limit: Limit,
  cursor: Cursor,
});
export const MessageView = z
  .object({
    id: z.string(),
    caseId: z.string(),
    stage: z.string(),
    channel: z.enum(['sms', 'email']),
    to: z.string(),
    language: z.enum(['zh', 'en']),
    subject: z.string().optional(),
    text: z.string(),
    state: z.enum(MESSAGE_STATES).meta({
      description: 'held: waiting for the quiet hours to end (goes at releaseAt); queued; sent; failed (see failure); skipped: recorded, not sent (see reason)',
    }),
    dueAt: z.iso.datetime(),
    releaseAt: z.iso.datetime().optional(),
    sentAt: z.iso.datetime().optional(),
    failure: z.string().optional(),
    reason: z.string().optional().meta({ description: 'Why a skipped message was not sent: a sweep that caught up sends only the latest reminder due, none once the deadline has passed' }),
    supersededBy: z.string().optional().meta({ description: 'The later reminder (stage) that went instead of a skipped one' }),
  })
  .meta({ id: 'Message' });
export const MessagePage = z.object({ items: z.array(MessageView), cursor: z.string().optional() }).meta({ id: 'MessagePage' });
