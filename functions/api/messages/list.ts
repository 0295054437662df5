// GET /v1/messages?caseId=&to=: the SMS and e-mail a case's person was sent, or will be, for the
// offices that may read the case and for the person on their own case.
import { json, route } from '../../shared/http.ts';
import { listMessages as messagesOf, maskRecipient } from '../../shared/store/messages.ts';
import { listMessages } from './routes.ts';

export const handler = route(listMessages, async ({ query, resource: c }) => {
  const page = await messagesOf(c.id, query.to, query.limit, query.cursor);
  // Recipients are shown masked, as everywhere; `?to=` still finds them by the full number.
  return json(200, { ...page, items: page.items.map((m) => ({ ...m, to: maskRecipient(m) })) });
});
