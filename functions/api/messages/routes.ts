// The routes of functions/api/messages: what a case's person was sent.
import { MessagePage, MessagesQuery } from '../../../core/schemas/messages.ts';
import { declare } from '../../../core/routes.ts';
import { CASE_READ } from '../../../core/authorisation.ts';

/** The offices that may read the case, and the person on their own case (its filer likewise). */
export const listMessages = declare({
  method: 'GET',
  path: '/v1/messages',
  function: 'listMessages',
  summary: "What a case's person was sent by SMS and e-mail, or will be (held in the quiet hours), oldest first",
  purpose: 'case work',
  roles: CASE_READ.roles,
  scope: { load: 'case', id: 'query.caseId' },
  query: MessagesQuery,
  answers: { 200: { description: 'A page of messages', schema: MessagePage } },
  errors: [400, 401, 403, 404],
});

export const routes = [listMessages];
