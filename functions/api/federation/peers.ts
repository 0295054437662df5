// Peer deployments (federation), registered by a national administrator on both sides: the
// peer's base URL, the jurisdiction prefixes it serves, and the shared signing key. The first
// side leaves `secret` out and is shown the new key once; the second side gives the same key.
// A peer is a subscriber of every event whose other side lies in its prefixes.
import { notFound, unprocessable } from '../../../core/errors.ts';
import { federationEventsUrl, isOurs, peerId } from '../../../core/federation.ts';
import { type Subscription, newSubscription } from '../../../core/subscriptions.ts';
import { HttpProblem, type Replay, byRoute, json, route } from '../../shared/http.ts';
import { deploymentPrefixes } from '../../shared/notices.ts';
import { allSubscriptions, deleteSubscription, getSubscription, putSubscription } from '../../shared/store/subscriptions.ts';
import { endpointProblem, newSigningSecret } from '../../shared/webhooks.ts';
import * as declared from './routes.ts';

const peerView = (s: Subscription) => ({
  id: s.id,
  name: s.id.slice('peer_'.length),
  baseUrl: s.url.replace(/\/v1\/federation\/events$/, ''),
  prefixes: s.prefixes ?? [],
  state: s.state,
  ...(s.failingSince ? { failingSince: s.failingSince } : {}),
  createdAt: s.createdAt,
});

/** A retry of a registration: the peer as it stands, with the key it was given if it was made here. */
const replayPeer: Replay = async (outcome, body) => {
  const peer = await getSubscription(outcome.id);
  if (!peer) throw notFound(`no peer ${outcome.id}`);
  const given = (body as { secret?: string }).secret !== undefined;
  return json(201, { ...peerView(peer), ...(given ? {} : { secret: peer.secrets.at(-1)!.secret }) }, { location: `/v1/federation/peers/${peerView(peer).name}` });
};

export const handler = byRoute([
  route(declared.listPeers, async () => json(200, { items: (await allSubscriptions()).filter((s) => s.kind === 'peer').map(peerView) })),

  route(declared.registerPeer, { idempotent: replayPeer }, async ({ body, principal }) => {
    const ours = deploymentPrefixes();
    const overlapping = body.prefixes.filter((p) => ours.length === 0 || isOurs(p, ours) || ours.some((o) => o.startsWith(p)));
    if (overlapping.length > 0) {
      throw unprocessable([{ field: 'prefixes', reason: `overlap this deployment's own (${ours.join(', ') || 'all: set DEPLOYMENT_PREFIXES'}): ${overlapping.join(', ')}` }]);
    }
    const url = federationEventsUrl(body.baseUrl);
    const problem = await endpointProblem(url);
    if (problem) throw unprocessable([{ field: 'baseUrl', reason: problem }], 'The peer cannot be reached there');
    const id = peerId(body.name);
    if (await getSubscription(id)) throw new HttpProblem(409, `A peer ${body.name} is registered already; delete it first to change it`);
    const secret = body.secret ?? newSigningSecret();
    const peer = newSubscription(
      // A peer is an office: its purpose minimises nothing (see the fan-out).
      { id, kind: 'peer', agency: id, createdBy: principal.sub, url, eventTypes: ['*'], jurisdiction: body.prefixes[0]!, prefixes: body.prefixes, purpose: 'law_enforcement' },
      secret,
      new Date().toISOString(),
    );
    await putSubscription(peer);
    return json(201, { ...peerView(peer), ...(body.secret ? {} : { secret }) }, { location: `/v1/federation/peers/${body.name}` });
  }),

  route(declared.removePeer, async ({ params }) => {
    const peer = await getSubscription(peerId(params.name));
    if (!peer || peer.kind !== 'peer') throw notFound(`no peer ${params.name}`);
    await deleteSubscription(peer.id);
    return { statusCode: 204, body: '' };
  }),
]);
