// Federation between deployments (province ↔ province): which jurisdictions are this
// deployment's, which peer holds the other side of an event, and what a peer's event asks of us
// (notices for our inboxes; for a departure towards us, a case opened here). Pure.
import { z } from 'zod';
import { isWithin } from './jurisdiction.ts';
import { JurisdictionCode } from './schemas/common.ts';

/** This deployment's jurisdiction prefixes; none means everything is ours (no federation). */
export const isOurs = (code: string, prefixes: readonly string[]): boolean => prefixes.length === 0 || prefixes.some((p) => isWithin(code, p));

/** The provinces a deployment serves: those of its prefixes, or every province code (11 to 82) when it names none. */
export const provincesServed = (prefixes: readonly string[]): string[] =>
  prefixes.length > 0 ? [...new Set(prefixes.map((p) => p.slice(0, 2)))] : Array.from({ length: 82 - 11 + 1 }, (_, i) => String(11 + i));

/** Parses `DEPLOYMENT_PREFIXES` (`11,12`). */
export const parsePrefixes = (raw: string | undefined): string[] => (raw ?? '').split(',').map((p) => p.trim()).filter(Boolean);

const PeerName = z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'must be 2 to 40 lower-case letters, digits and hyphens');

export const PeerCreate = z
  .strictObject({
    name: PeerName.meta({ description: 'What this deployment calls the peer (sichuan); its id is peer_<name>' }),
    baseUrl: z.string().max(2000).meta({ description: "The peer's API, e.g. https://liudong.sc.gov.example (events go to its /v1/federation/events)" }),
    prefixes: z.array(JurisdictionCode).min(1).max(50).meta({ description: 'The jurisdiction prefixes the peer serves' }),
    secret: z
      .string()
      .regex(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/, 'must be a Standard Webhooks secret (whsec_ and base64)')
      .optional()
      .meta({ description: 'The shared signing key. Leave out on the first side (one is made and shown once); give it on the second' }),
  })
  .meta({ id: 'PeerCreate' });
export type PeerCreate = z.infer<typeof PeerCreate>;

export const PeerParams = z.strictObject({ name: PeerName });

export const PeerView = z
  .object({
    id: z.string(),
    name: z.string(),
    baseUrl: z.string(),
    prefixes: z.array(z.string()),
    state: z.string(),
    failingSince: z.string().optional(),
    createdAt: z.string(),
  })
  .meta({ id: 'Peer' });
export const PeerWithSecret = PeerView.extend({ secret: z.string().optional().meta({ description: 'The shared key, when this side made it: shown this once' }) }).meta({ id: 'PeerWithSecret' });
export const PeerList = z.object({ items: z.array(PeerView) }).meta({ id: 'PeerList' });

export const peerId = (name: string) => `peer_${name}`;
export const federationEventsUrl = (baseUrl: string) => `${baseUrl.replace(/\/+$/, '')}/v1/federation/events`;

/**
 * Where a departure towards `code` goes: `here`, a jurisdiction of this deployment (a case opens
 * here, if the code is known); `peer`, another deployment's (the departure event carries the
 * hand-off and the peer opens the case); undefined, no next destination (only recorded).
 */
export const departureTowards = (code: string | undefined, ours: readonly string[]): 'here' | 'peer' | undefined =>
  code === undefined ? undefined : isOurs(code, ours) ? 'here' : 'peer';

/** What a peer's departure event asks of this deployment: the arrival to open here, or nothing. */
export function peerDeparture<H>(
  event: { type: string; data: unknown },
  ours: readonly string[],
): { caseId: string; originCode: string; nextDestinationCode: string; departureDate: string; handOff: H } | undefined {
  const data = event.data as { departure?: { date: string; nextDestinationCode?: string }; handOff?: H; caseId: string; originCode: string };
  const next = data.departure?.nextDestinationCode;
  if (event.type !== 'registration.departed' || !next || !data.handOff || departureTowards(next, ours) !== 'here') return undefined;
  return { caseId: data.caseId, originCode: data.originCode, nextDestinationCode: next, departureDate: data.departure!.date, handOff: data.handOff };
}
