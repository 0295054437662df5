// POST /v1/federation/events: a peer deployment delivers an event (the same signed webhook an
// agency receives). The signature must verify against a registered peer's key, or 401. The
// event's notices are filed in this deployment's inboxes; a departure towards one of our
// jurisdictions opens the case here. Both are keyed by the event id, so a redelivered event
// changes nothing.
import { Webhook } from 'standardwebhooks';
import { peerDeparture } from '../../../core/federation.ts';
import { signingSecrets } from '../../../core/subscriptions.ts';
import { type HandOff, arriveFromPeer } from '../../../core/workflows/registration.ts';
import { fromCloudEvent } from '../../shared/events.ts';
import { HttpProblem, json, keyed, route } from '../../shared/http.ts';
import { keyedId } from '../../shared/cases.ts';
import { logger } from '../../shared/observability.ts';
import { deploymentPrefixes, fileEventNotices } from '../../shared/notices.ts';
import { commit } from '../../shared/store/case-commit.ts';
import { getCase } from '../../shared/store/cases.ts';
import { existingJurisdictions, policyFor } from '../../shared/store/reference.ts';
import { allSubscriptions } from '../../shared/store/subscriptions.ts';
import { receiveEvent } from './routes.ts';

/** The peer whose key verifies the request, or undefined. */
async function sender(payload: string, headers: Record<string, string>) {
  const now = new Date();
  for (const peer of (await allSubscriptions()).filter((s) => s.kind === 'peer')) {
    for (const secret of signingSecrets(peer, now)) {
      try {
        new Webhook(secret).verify(payload, headers);
        return peer;
      } catch {
        // not this key
      }
    }
  }
  return undefined;
}

export const handler = route(receiveEvent, async ({ event, now, context }) => {
  const payload = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  const headers = { 'webhook-id': event.headers['webhook-id'] ?? '', 'webhook-timestamp': event.headers['webhook-timestamp'] ?? '', 'webhook-signature': event.headers['webhook-signature'] ?? '' };
  const peer = await sender(payload, headers);
  if (!peer) throw new HttpProblem(401, 'The signature does not verify against any registered peer (or its timestamp is more than five minutes off)');
  let domainEvent: ReturnType<typeof fromCloudEvent>;
  let body: unknown;
  try {
    body = JSON.parse(payload);
    domainEvent = fromCloudEvent(body);
  } catch (error) {
    throw new HttpProblem(400, `Not a liudong CloudEvent: ${(error as Error).message}`, [{ field: 'body', reason: 'is not a liudong CloudEvent' }]);
  }
  // The webhook-id (signed, the same on every redelivery) is the peer's Idempotency-Key: a
  // redelivery answers what the first delivery did. Filing and opening are keyed by the event id
  // as well, so a crash between them and the answer is harmless.
  return keyed({ scope: `peer:${peer.id}`, key: headers['webhook-id'], body, event, context, idempotent: 'response' }, () => receive(domainEvent, peer.id, now));
});

async function receive(domainEvent: ReturnType<typeof fromCloudEvent>, peerId: string, now: Date) {
  const filed = await fileEventNotices(domainEvent);
  let opened: string | undefined;
  const departed = peerDeparture<HandOff>(domainEvent, deploymentPrefixes());
  if (departed) {
    const next = departed.nextDestinationCode;
    if (!(await existingJurisdictions([next])).has(next)) {
      logger.warn('a peer sent a departure towards a jurisdiction we do not have', { eventId: domainEvent.id, next });
    } else {
      const ids = { caseId: keyedId(`transfer#${domainEvent.id}`), eventId: keyedId(`transfer-event#${domainEvent.id}`) };
      // Already opened by an earlier delivery of the same event: nothing more to do.
      if (!(await getCase(ids.caseId))) await commit([arriveFromPeer(departed, peerId, await policyFor(next), ids, now)]);
      opened = ids.caseId;
    }
  }
  logger.info('federated event', { eventId: domainEvent.id, type: domainEvent.type, peer: peerId, filed, opened });
  return json(202, { eventId: domainEvent.id, filed, ...(opened ? { opened } : {}) });
}
