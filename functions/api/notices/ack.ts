// POST /v1/jurisdictions/{code}/notices/{eventId}/ack: an office covering the inbox marks a
// notice read. The first acknowledgement stands (who and when); acknowledging again changes
// nothing and answers the same. A read notice is no longer reminded or escalated.
// POST /v1/admin/notices/{eventId}/ack: the same for the national administrators' inbox.
import { notFound } from '../../../core/errors.ts';
import { NATIONAL_INBOX } from '../../../core/notices.ts';
import { actorOf } from '../../../core/workflows/engine.ts';
import { byRoute, json, route } from '../../shared/http.ts';
import { countNotice } from '../../shared/notices.ts';
import { acknowledgeNotice } from '../../shared/store/notices.ts';
import { acknowledge, acknowledgeAdmin } from './routes.ts';

export const handler = byRoute([
  route(acknowledge, async ({ params, principal, now }) => {
    const notice = await acknowledgeNotice(params.code, params.eventId, actorOf(principal), now.toISOString());
    if (!notice) throw notFound(`no notice ${params.eventId} in the inbox of ${params.code}`);
    // Acknowledging again recounts nothing new; a recount that failed before is made good here.
    await countNotice(notice);
    return json(200, notice);
  }),
  // Not an office's feedback: nothing to count.
  route(acknowledgeAdmin, async ({ params, principal, now }) => {
    const notice = await acknowledgeNotice(NATIONAL_INBOX, params.eventId, actorOf(principal), now.toISOString());
    if (!notice) throw notFound(`no notice ${params.eventId} in the national inbox`);
    return json(200, notice);
  }),
]);
