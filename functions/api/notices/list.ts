// GET /v1/jurisdictions/{code}/notices: an office's inbox, newest first (`?unread=true`: only what nobody acknowledged).
import { mayReadInbox } from '../../../core/access.ts';
import { forbidden } from '../../../core/errors.ts';
import { InboxParams, InboxQuery } from '../../../core/schemas.ts';
import { json, route } from '../../shared/http.ts';
import { listNotices } from '../../shared/store/notices.ts';

export const handler = route({ params: InboxParams, query: InboxQuery }, async ({ params, query, principal }) => {
  if (!mayReadInbox(principal, params.code)) throw forbidden(`the inbox of ${params.code} is outside your jurisdiction`);
  return json(200, await listNotices(params.code, query.limit, query.cursor, query.unread === 'true'));
});
