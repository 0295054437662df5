// GET /v1/jurisdictions/{code}/notices: an office's inbox, newest first.
import { mayReadInbox } from '../../core/access.ts';
import { forbidden, validationError } from '../../core/errors.ts';
import { InboxParams, InboxQuery } from '../../core/schemas.ts';
import { json, route } from '../shared/http.ts';
import { decodeInboxCursor, listNotices } from '../shared/store.ts';

export const handler = route({ params: InboxParams, query: InboxQuery }, async ({ params, query, principal }) => {
  if (!mayReadInbox(principal, params.code)) {
    throw forbidden(`the inbox of ${params.code} is outside your jurisdiction`);
  }
  const start = query.cursor === undefined ? undefined : decodeInboxCursor(query.cursor, params.code);
  if (start === null) throw validationError([{ field: 'query.cursor', reason: 'is not a cursor issued for this inbox' }]);
  return json(200, await listNotices(params.code, query.limit, start));
});
