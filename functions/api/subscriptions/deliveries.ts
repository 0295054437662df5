// A subscription's deliveries: each with its attempts (time, status, latency, error), newest
// first; replay one, or every one of a time range (oldest first, each behind its case's lane).
import { notFound } from '../../../core/errors.ts';
import { enqueueDelivery } from '../../shared/deliveries.ts';
import { HttpProblem, byRoute, json, route } from '../../shared/http.ts';
import { deliveriesBetween, deliveryView, getDelivery, listDeliveries, replayDelivery } from '../../shared/store/subscriptions.ts';
import * as declared from './routes.ts';

/** Replays cap: a range larger than this is asked for in parts. */
const MAX_REPLAY = 10_000;

export const handler = byRoute([
  route(declared.listDeliveries, async ({ params, query }) => {
    const page = await listDeliveries(params.id, query.state, query.limit, query.cursor);
    return json(200, { items: page.items.map(deliveryView), ...(page.cursor ? { cursor: page.cursor } : {}) });
  }),

  route(declared.replayOne, async ({ params }) => {
    const d = await getDelivery(params.id, params.deliveryId);
    if (!d) throw notFound(`no delivery ${params.deliveryId}`);
    const { replayed, enqueue } = await replayDelivery(d, new Date());
    if (!replayed) throw new HttpProblem(409, `The delivery is ${d.state}: it is still on its way`);
    if (enqueue) await enqueueDelivery(enqueue);
    return json(202, deliveryView(replayed));
  }),

  route(declared.replayRange, { idempotent: 'response' }, async ({ params, body }) => {
    const from = new Date(body.from).toISOString();
    const to = new Date(body.to).toISOString();
    let replayed = 0;
    for await (const d of deliveriesBetween(params.id, from, to)) {
      if (body.onlyExhausted ? d.state !== 'exhausted' : !['delivered', 'exhausted', 'cancelled'].includes(d.state)) continue;
      // Past the cap, the answer says where to go on from (nothing is half done: each replay stands).
      if (replayed === MAX_REPLAY) return json(202, { replayed, continueFrom: d.eventTime });
      const outcome = await replayDelivery(d, new Date());
      if (outcome.enqueue) await enqueueDelivery(outcome.enqueue);
      if (outcome.replayed) replayed++;
    }
    return json(202, { replayed });
  }),
]);
