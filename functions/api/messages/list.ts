// GET /v1/messages?caseId=&to=: the SMS and e-mail a case's person was sent, or will be, for the
// offices that may read the case and for the person on their own case.
import { mayReadCase } from '../../../core/access.ts';
import { notFound } from '../../../core/errors.ts';
import { MessagesQuery } from '../../../core/schemas.ts';
import { json, route } from '../../shared/http.ts';
import { getCase } from '../../shared/store/cases.ts';
import { listMessages } from '../../shared/store/messages.ts';

export const handler = route({ query: MessagesQuery }, async ({ query, principal }) => {
  const c = await getCase(query.caseId);
  if (!c || !mayReadCase(principal, c)) throw notFound(`no case ${query.caseId} within your reach`);
  return json(200, await listMessages(c.id, query.to, query.limit, query.cursor));
});
