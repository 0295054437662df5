// GET /v1/messages?caseId=&to=: the SMS and e-mail a case's person was sent, or will be, for the
// offices that may read the case and for the person on their own case.
import { MessagesQuery } from '../../../core/schemas/messages.ts';
import { readableCase } from '../../shared/cases.ts';
import { json, route } from '../../shared/http.ts';
import { listMessages, maskRecipient } from '../../shared/store/messages.ts';

export const handler = route({ query: MessagesQuery }, async ({ query, principal }) => {
  const c = await readableCase(undefined, query.caseId, principal);
  const page = await listMessages(c.id, query.to, query.limit, query.cursor);
  // Recipients are shown masked, as everywhere; `?to=` still finds them by the full number.
  return json(200, { ...page, items: page.items.map((m) => ({ ...m, to: maskRecipient(m) })) });
});
