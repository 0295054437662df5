// The pure rules of agency subscriptions: the retry schedule and Retry-After, SQS delay hops,
// which events a subscription wants, minimisation by purpose, and endpoint address checks.
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import {
  joinLane,
  leaveLane,
  MAX_ATTEMPTS,
  RETRY_SCHEDULE_SECONDS,
  SubscriptionCreate,
  addressProblem,
  agencyEvent,
  hopDelaySeconds,
  parseRetryAfter,
  retryDelaySeconds,
  signingSecrets,
  urlProblem,
  wants,
} from '../../core/subscriptions.ts';
import { useMockedAwsEnvironment } from '../support/events.ts';

useMockedAwsEnvironment({ DELIVERIES_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/deliveries' });

describe("a case's lane to one subscriber", () => {
  it('sends one delivery at a time in order: the first at the head, the rest behind, each next when the head settles', () => {
    const first = joinLane(undefined, 'a');
    expect(first).toEqual({ lane: { active: 'a', waiting: [] }, head: true });
    const second = joinLane(first.lane, 'b');
    expect(second).toEqual({ lane: { active: 'a', waiting: ['b'] }, head: false });
    const third = joinLane(second.lane, 'c');
    expect(leaveLane(third.lane, 'a')).toEqual({ lane: { active: 'b', waiting: ['c'] }, next: 'b' });
    // One cancelled while waiting only leaves the queue; the head goes on.
    expect(leaveLane(third.lane, 'c')).toEqual({ lane: { active: 'a', waiting: ['b'] } });
    // The last one settled empties the lane; one not in it changes nothing.
    expect(leaveLane(first.lane, 'a')).toEqual({ lane: { waiting: [] } });
    expect(leaveLane(first.lane, 'z')).toEqual({});
    // A replay after the lane emptied goes at once.
    expect(joinLane({ waiting: [] }, 'a').head).toBe(true);
  });
});

describe('the retry schedule', () => {
  it('is the leading providers’ schedule: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then exhausted', () => {
    expect(RETRY_SCHEDULE_SECONDS).toEqual([0, 5, 300, 1800, 7200, 18000, 36000, 36000]);
    expect(Array.from({ length: MAX_ATTEMPTS }, (_, i) => retryDelaySeconds(i + 1))).toEqual([5, 300, 1800, 7200, 18000, 36000, 36000, undefined]);
  });

  it("takes the endpoint's Retry-After instead of the step, up to the longest step", () => {
    expect(retryDelaySeconds(1, 60)).toBe(60);
    expect(retryDelaySeconds(3, 0)).toBe(0);
    expect(retryDelaySeconds(2, 10 ** 9)).toBe(36000);
    expect(retryDelaySeconds(2, -5)).toBe(300);
    expect(retryDelaySeconds(8, 1)).toBeUndefined();
    const now = new Date('2026-11-29T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Sun, 29 Nov 2026 10:02:00 GMT', now)).toBe(120);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('waits longer than SQS allows in hops of at most 15 minutes', async () => {
    const now = new Date('2026-11-29T10:00:00Z');
    expect(hopDelaySeconds('2026-11-29T10:00:05Z', now)).toBe(5);
    expect(hopDelaySeconds('2026-11-29T15:00:00Z', now)).toBe(900);
    expect(hopDelaySeconds('2026-11-29T09:00:00Z', now)).toBe(0);
    const sqs = mockClient(SQSClient);
    const { enqueueDelivery } = await import('../../functions/shared/deliveries.ts');
    await enqueueDelivery({ subscriptionId: 'sub_1', sk: 'DELIVERY#t#e', attempt: 6, notBefore: '2026-11-29T15:00:00Z' }, now);
    const sent = sqs.commandCalls(SendMessageCommand)[0]!.args[0].input;
    expect(sent.DelaySeconds).toBe(900);
    expect(JSON.parse(sent.MessageBody!)).toEqual({ subscriptionId: 'sub_1', sk: 'DELIVERY#t#e', attempt: 6, notBefore: '2026-11-29T15:00:00Z' });
    sqs.restore();
  });
});

describe('what a subscription receives', () => {
  const event = (type: string, data: Record<string, unknown>) => ({ type: `cn.liudong.${type}`, data });
  const s = { eventTypes: ['registration.*', 'cn.liudong.origin_certificate.issued'], jurisdiction: '1101' };

  it('wants the types it names (namespaced or not, with a wildcard) on either side of its prefix', () => {
    expect(wants(s, event('registration.reported', { originCode: '511321100', destinationCode: '110105001' }))).toBe(true);
    expect(wants(s, event('registration.reported', { originCode: '110105001', destinationCode: '510104001' }))).toBe(true);
    expect(wants(s, event('registration.departed', { originCode: '511321100', destinationCode: '510104001', departure: { nextDestinationCode: '110108001' } }))).toBe(true);
    expect(wants(s, event('registration.reported', { originCode: '511321100', destinationCode: '510104001' }))).toBe(false);
    expect(wants(s, event('origin_certificate.issued', { originCode: '110105001' }))).toBe(true);
    expect(wants(s, event('origin_certificate.applied', { originCode: '110105001' }))).toBe(false);
    expect(wants({ eventTypes: ['*'], jurisdiction: '11' }, event('appeal.decided', { originCode: '110105001' }))).toBe(true);
  });

  it('carries personal fields only where the purpose allows them', () => {
    const cloudEvent = { id: 'e1', type: 'cn.liudong.registration.reported', data: { caseId: 'c1', arrivalDate: '2026-11-20', person: { name: '张三', idNumber: '11010519491231002X' } } };
    expect(agencyEvent(cloudEvent, 'statistics').data).toEqual({ caseId: 'c1', arrivalDate: '2026-11-20' });
    expect(agencyEvent(cloudEvent, 'health').data).toEqual({ caseId: 'c1', arrivalDate: '2026-11-20', person: { name: '张三' } });
    expect(agencyEvent(cloudEvent, 'law_enforcement').data).toEqual(cloudEvent.data);
    expect(agencyEvent(cloudEvent, 'statistics')).toMatchObject({ id: 'e1', type: 'cn.liudong.registration.reported' });
  });

  it('refuses event types the catalogue does not have', () => {
    const base = { url: 'https://example.org/hook', jurisdiction: '11', purpose: 'statistics' };
    expect(SubscriptionCreate.safeParse({ ...base, eventTypes: ['registration.reported', 'cn.liudong.review.*', '*'] }).success).toBe(true);
    expect(SubscriptionCreate.safeParse({ ...base, eventTypes: ['registration.teleported'] }).success).toBe(false);
    expect(SubscriptionCreate.safeParse({ ...base, eventTypes: ['births.*'] }).success).toBe(false);
    expect(SubscriptionCreate.safeParse({ ...base, eventTypes: [] }).success).toBe(false);
  });

  it('signs with the current secret, and the old one until its overlap ends', () => {
    const secrets = [
      { secret: 'whsec_old', createdAt: '2026-11-28T00:00:00Z', expiresAt: '2026-11-29T12:00:00Z' },
      { secret: 'whsec_new', createdAt: '2026-11-29T00:00:00Z' },
    ];
    expect(signingSecrets({ secrets }, new Date('2026-11-29T11:59:59Z'))).toEqual(['whsec_old', 'whsec_new']);
    expect(signingSecrets({ secrets }, new Date('2026-11-29T12:00:00Z'))).toEqual(['whsec_new']);
  });
});

describe('endpoint addresses (SSRF)', () => {
  it('allows only global unicast in the cloud', () => {
    for (const address of ['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:10.0.0.1', '::ffff:127.0.0.1', '224.0.0.1']) {
      expect(addressProblem(address, 'cloud'), address).toMatch(/which endpoints may not use/);
    }
    for (const address of ['8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(addressProblem(address, 'cloud'), address).toBeUndefined();
  });

  it('takes loopback locally, and nothing else private', () => {
    expect(addressProblem('127.0.0.1', 'local')).toBeUndefined();
    expect(addressProblem('::1', 'local')).toBeUndefined();
    expect(addressProblem('10.0.0.1', 'local')).toMatch(/private/);
  });

  it('wants https in the cloud, no credentials, and http only to loopback locally', () => {
    expect(urlProblem('https://hooks.example.org/liudong', 'cloud')).toBeUndefined();
    expect(urlProblem('http://hooks.example.org/liudong', 'cloud')).toBe('must use https');
    expect(urlProblem('https://user:pw@hooks.example.org/', 'cloud')).toBe('must not carry credentials');
    expect(urlProblem('ftp://hooks.example.org/', 'local')).toMatch(/https/);
    expect(urlProblem('http://127.0.0.1:4100/hooks', 'local')).toBeUndefined();
    expect(urlProblem('http://localhost:4100/hooks', 'local')).toBeUndefined();
    expect(urlProblem('http://hooks.example.org/', 'local')).toMatch(/only for 127\.0\.0\.1/);
    expect(urlProblem('https://[::1]/', 'cloud')).toMatch(/loopback/);
  });
});
