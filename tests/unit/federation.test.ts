// Federation rules: which jurisdictions are this deployment's, what a departure towards a peer
// carries, and the case the peer opens from it.
import { describe, expect, it } from 'vitest';
import { departureTowards, isOurs, parsePrefixes, peerDeparture } from '../../core/federation.ts';
import { DEFAULT_POLICY } from '../../core/policy.ts';
import { wants } from '../../core/subscriptions.ts';
import * as registrations from '../../core/workflows/registration.ts';

const now = new Date('2026-11-29T02:00:00Z');
const office = { sub: 'cw', role: 'caseworker' as const, jurisdiction: '110105001' };
const reported = registrations.report(
  { person: { name: '联邦', idNumber: '11010519491231002X', phone: '13800138000' }, originCode: '511321100', destinationCode: '110105001', arrivalDate: '2026-11-20', expectedStayDays: 120 },
  office,
  DEFAULT_POLICY,
  { caseId: 'c1', eventId: 'e1' },
  now,
).case;

describe('federation', () => {
  it('knows its own jurisdictions by prefix; none configured means all', () => {
    expect(parsePrefixes(' 11, 12 ,')).toEqual(['11', '12']);
    expect(parsePrefixes(undefined)).toEqual([]);
    expect(isOurs('110105001', ['11'])).toBe(true);
    expect(isOurs('511321100', ['11', '12'])).toBe(false);
    expect(isOurs('511321100', [])).toBe(true);
  });

  it('routes a departure: a case here, a hand-off to a peer, or only recorded; and opens a peer\'s departure towards us', () => {
    expect(departureTowards('110105002', ['11'])).toBe('here');
    expect(departureTowards('510104001', ['11'])).toBe('peer');
    expect(departureTowards(undefined, ['11'])).toBeUndefined();
    const departed = { type: 'registration.departed', data: { caseId: 'c1', originCode: '511321100', departure: { date: '2026-11-28', nextDestinationCode: '110105001' }, handOff: { person: 'p' } } };
    expect(peerDeparture(departed, ['11'])).toEqual({ caseId: 'c1', originCode: '511321100', nextDestinationCode: '110105001', departureDate: '2026-11-28', handOff: { person: 'p' } });
    // Towards a third deployment, without a hand-off, or another event: nothing opens here.
    expect(peerDeparture(departed, ['12'])).toBeUndefined();
    expect(peerDeparture({ ...departed, data: { ...departed.data, handOff: undefined } }, ['11'])).toBeUndefined();
    expect(peerDeparture({ ...departed, type: 'registration.verified' }, ['11'])).toBeUndefined();
  });

  it("sends a peer the events whose side lies in the peer's prefixes", () => {
    const peer = { eventTypes: ['*'], jurisdiction: '51', prefixes: ['51', '50'] };
    expect(wants(peer, { type: 'cn.liudong.registration.reported', data: { originCode: '500101001', destinationCode: '110105001' } })).toBe(true);
    expect(wants(peer, { type: 'cn.liudong.registration.reported', data: { originCode: '120101001', destinationCode: '110105001' } })).toBe(false);
  });

  it('hands off a departure towards a peer in its event, and the peer opens the case from it', () => {
    const [leaving, ...rest] = registrations.depart(reported, { departureDate: '2026-11-28', nextDestinationCode: '510104001' }, office, DEFAULT_POLICY, { eventId: 'e2', handOff: true }, now);
    expect(rest).toEqual([]);
    expect(leaving!.case).not.toHaveProperty('nextCaseId');
    expect(leaving!.event.data.handOff).toEqual({ person: reported.person, expectedStayDays: 120 });
    // Going home (to the origin) hands nothing off.
    const [home] = registrations.depart(reported, { departureDate: '2026-11-28', nextDestinationCode: '511321100' }, office, DEFAULT_POLICY, { eventId: 'e3', handOff: true }, now);
    expect(home!.event.data).not.toHaveProperty('handOff');

    const arriving = registrations.arriveFromPeer(
      { caseId: 'c1', originCode: '511321100', nextDestinationCode: '510104001', departureDate: '2026-11-28', handOff: { person: reported.person, expectedStayDays: 120 } },
      'peer_beijing',
      DEFAULT_POLICY,
      { caseId: 'c2', eventId: 'e4' },
      now,
    );
    expect(arriving.case).toMatchObject({ id: 'c2', state: 'reported', destinationCode: '510104001', arrivalDate: '2026-11-28', previousCaseId: 'c1', openedBy: { sub: 'peer:peer_beijing', role: 'system' } });
    expect(arriving.event.type).toBe('registration.transferred');
    expect(arriving.case.deadline).toMatchObject({ kind: 'registration', date: '2026-12-08' });
  });
});
