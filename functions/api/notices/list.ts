// An office's inbox: GET /v1/jurisdictions/{code}/notices, newest first (`?unread=true`: only what
// nobody acknowledged); and its feedback figures over a period: how many notices were read, in time or late.
// GET /v1/admin/notices: the national administrators' inbox, the same way.
import { addCalendarDays, endOfLocalDate } from '../../../core/calendar.ts';
import { NATIONAL_INBOX, feedbackFigures } from '../../../core/notices.ts';
import { byRoute, json, route } from '../../shared/http.ts';
import { listNotices, noticesFiledBetween } from '../../shared/store/notices.ts';
import * as declared from './routes.ts';

// Another office's inbox is not there for the caller: 404, as for any read out of reach (route()).
export const handler = byRoute([
  route(declared.listInbox, async ({ params, query }) => json(200, await listNotices(params.code, query.limit, query.cursor, query.unread === 'true'))),
  route(declared.listAdminInbox, async ({ query }) => json(200, await listNotices(NATIONAL_INBOX, query.limit, query.cursor, query.unread === 'true'))),
  route(declared.inboxFigures, async ({ params, query, now }) => {
    // Local days: from the start of `from` to the end of `to`, Asia/Shanghai.
    const notices = await noticesFiledBetween(params.code, endOfLocalDate(addCalendarDays(query.from, -1)), endOfLocalDate(query.to));
    return json(200, { jurisdiction: params.code, from: query.from, to: query.to, ...feedbackFigures(notices, now) });
  }),
]);
