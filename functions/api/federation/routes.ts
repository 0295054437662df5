// The routes of functions/api/federation: peer deployments (national administrators) and a peer's signed events.
import { z } from 'zod';
import { PEER_MANAGERS } from '../../../core/authorisation.ts';
import * as federation from '../../../core/federation.ts';
import { declare } from '../../../core/routes.ts';

/** The Standard Webhooks headers a peer signs its events with. */
const PeerSignatureHeaders = z.object({
  'webhook-id': z.string().min(1).meta({ description: 'The event delivery\'s id, the same on every redelivery: a redelivery answers what the first did' }),
  'webhook-timestamp': z.string().regex(/^\d+$/).meta({ description: 'Seconds since the epoch; more than five minutes off is refused' }),
  'webhook-signature': z.string().min(1).meta({ description: 'v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>"> with the key shared when the peer was registered; several, space-separated, during a rotation' }),
});

export const listPeers = declare({
  ...PEER_MANAGERS,
  method: 'GET',
  path: '/v1/federation/peers',
  function: 'federationPeers',
  summary: 'The peer deployments this one sends events to and takes events from (national administrators)',
  answers: { 200: { description: 'The peers', schema: federation.PeerList } },
  errors: [401, 403],
});

export const registerPeer = declare({
  ...PEER_MANAGERS,
  method: 'POST',
  path: '/v1/federation/peers',
  function: 'federationPeers',
  summary: 'Register a peer deployment: its base URL, its prefixes, the shared signing key (made here and shown once when left out)',
  body: federation.PeerCreate,
  answers: { 201: { description: 'The peer', schema: federation.PeerWithSecret } },
  errors: [400, 401, 403, 409, 415, 422],
  keyed: true,
});

export const removePeer = declare({
  ...PEER_MANAGERS,
  method: 'DELETE',
  path: '/v1/federation/peers/{name}',
  function: 'federationPeers',
  summary: 'Remove a peer: nothing more is sent to it or taken from it',
  params: federation.PeerParams,
  answers: { 204: { description: 'Removed' } },
  errors: [400, 401, 403, 404],
});

/** Public at the gateway: a peer proves itself by the signature, which the function verifies. */
export const receiveEvent = declare({
  method: 'POST',
  path: '/v1/federation/events',
  function: 'receiveFederatedEvents',
  summary: "A peer deployment's event, signed with the shared key (Standard Webhooks headers): its notices are filed here, and a departure towards us opens the case",
  purpose: 'federation',
  public: true,
  roles: {},
  headers: PeerSignatureHeaders,
  signedByPeer: true,
  answers: { 202: { description: 'Filed (a repeated event id changes nothing)' } },
  errors: [400, 401],
  throttle: { ratePerSecond: 200, burst: 400 },
});

export const routes = [listPeers, registerPeer, removePeer, receiveEvent];
