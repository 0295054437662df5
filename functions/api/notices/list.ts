// An office's inbox: GET /v1/jurisdictions/{code}/notices, newest first (`?unread=true`: only what
// nobody acknowledged); and its feedback figures over a period: how many notices were read, in time or late.
// GET /v1/admin/notices: the national administrators' inbox, the same way.
import { mayReadInbox } from '../../../core/access.ts';
import { addCalendarDays, endOfLocalDate } from '../../../core/calendar.ts';
import { requireNational } from '../../../core/authorisation.ts';
import { notFound } from '../../../core/errors.ts';
import { NATIONAL_INBOX, feedbackFigures } from '../../../core/notices.ts';
import { FeedbackQuery, InboxParams, InboxQuery } from '../../../core/schemas/notices.ts';
import type { Principal } from '../../../core/principal.ts';
import { byRoute, json, route } from '../../shared/http.ts';
import { listNotices, noticesFiledBetween } from '../../shared/store/notices.ts';

/** Another office's inbox is not there for the caller: 404, as for any read out of reach. */
const mayRead = (principal: Principal, code: string) => {
  if (!mayReadInbox(principal, code)) throw notFound(`no inbox ${code} within your reach`);
};

export const handler = byRoute({
  'GET /v1/jurisdictions/{code}/notices': route({ params: InboxParams, query: InboxQuery }, async ({ params, query, principal }) => {
    mayRead(principal, params.code);
    return json(200, await listNotices(params.code, query.limit, query.cursor, query.unread === 'true'));
  }),
  'GET /v1/admin/notices': route({ query: InboxQuery }, async ({ query, principal }) => {
    requireNational(principal, 'the national inbox is for national administrators');
    return json(200, await listNotices(NATIONAL_INBOX, query.limit, query.cursor, query.unread === 'true'));
  }),
  'GET /v1/jurisdictions/{code}/notices/figures': route({ params: InboxParams, query: FeedbackQuery }, async ({ params, query, principal, now }) => {
    mayRead(principal, params.code);
    // Local days: from the start of `from` to the end of `to`, Asia/Shanghai.
    const notices = await noticesFiledBetween(params.code, endOfLocalDate(addCalendarDays(query.from, -1)), endOfLocalDate(query.to));
    return json(200, { jurisdiction: params.code, from: query.from, to: query.to, ...feedbackFigures(notices, now) });
  }),
});
