// Federation between two deployments on one machine: this file's local stack serves Beijing
// (prefix 11); a second, started as `npm start -- --port 0 --data <dir> --prefixes 51`, serves
// Sichuan. Each registers the other as a peer; registration notices and a transfer cross in
// both directions, signed, once per event id.
process.env.DEPLOYMENT_PREFIXES = '11';
import { maskIdNumber } from '../../core/masking.ts';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '../../core/id-number.ts';
import { type DevIssuer, devIssuer } from '../../local/dev-issuer.ts';
import { type Json, today, useLocalStack } from '../support/local-api.ts';
import { eventually } from '../support/wait.ts';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const a = useLocalStack();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'liudong-peer-'));
let b: { url: string; issuer: DevIssuer; process: ChildProcess; output: () => string };

beforeAll(async () => {
  const dataDir = path.join(scratch, 'data-b');
  const child = spawn('npm', ['start', '--', '--port', '0', '--data', dataDir, '--prefixes', '51', '--name', 'sichuan'], {
    cwd: PROJECT_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DEPLOYMENT_PREFIXES: '', POWERTOOLS_LOG_LEVEL: 'WARN' },
  });
  let text = '';
  child.stdout!.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  await eventually(() => (text.includes('Ctrl-C stops everything') ? true : undefined), 90_000).catch((error: Error) => {
    throw new Error(`${error.message}; the second stack printed:\n${text.slice(-3000)}`);
  });
  b = { url: /API\s+(http:\/\/\S+)/.exec(text)![1]!, issuer: await devIssuer(dataDir), process: child, output: () => text };
}, 120_000);

afterAll(async () => {
  if (b?.process.pid) {
    process.kill(-b.process.pid, 'SIGINT');
    await new Promise((resolve) => b.process.once('exit', resolve));
  }
  rmSync(scratch, { recursive: true, force: true });
});

async function call(base: string, method: string, route: string, token?: string, body?: unknown) {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Json };
}

const idNumber = (i: number) => {
  const first17 = `51132119900101${String(i).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};
const inbox = async (base: string, token: string, code: string) => (await call(base, 'GET', `/v1/jurisdictions/${code}/notices?limit=100`, token)).body.items as Json[];

describe('federation between two deployments', () => {
  it('registers each other as peers, sends notices and a transfer both ways, once per event id', async () => {
    const adminA = await a.stack.issuer.sign({ role: 'admin' });
    const adminB = await b.issuer.sign({ role: 'admin' });
    // Only a national administrator registers peers; prefixes must not overlap our own.
    expect((await call(a.stack.apiUrl, 'POST', '/v1/federation/peers', await a.stack.issuer.sign({ role: 'admin', jurisdiction: '11' }), { name: 'sichuan', baseUrl: b.url, prefixes: ['51'] })).status).toBe(403);
    const overlap = await call(a.stack.apiUrl, 'POST', '/v1/federation/peers', adminA, { name: 'beijing', baseUrl: b.url, prefixes: ['1101'] });
    expect(overlap.status).toBe(422);
    expect(overlap.body.errors[0].field).toBe('prefixes');

    const first = await call(a.stack.apiUrl, 'POST', '/v1/federation/peers', adminA, { name: 'sichuan', baseUrl: b.url, prefixes: ['51'] });
    expect(first.status).toBe(201);
    expect(first.body.secret).toMatch(/^whsec_/);
    const second = await call(b.url, 'POST', '/v1/federation/peers', adminB, { name: 'beijing', baseUrl: a.stack.apiUrl, prefixes: ['11'], secret: first.body.secret });
    expect(second.status).toBe(201);
    expect(second.body).not.toHaveProperty('secret');
    expect((await call(a.stack.apiUrl, 'GET', '/v1/federation/peers', adminA)).body.items).toEqual([expect.objectContaining({ id: 'peer_sichuan', prefixes: ['51'], state: 'active' })]);

    // A → B: an arrival in Beijing from 南隆镇 lands in the Sichuan origin's inbox, over there.
    const beijing = await a.stack.issuer.sign({ role: 'caseworker', jurisdiction: '110105001' });
    const person = { name: '联邦', idNumber: idNumber(1), phone: '13900000001' };
    const reported = await call(a.stack.apiUrl, 'POST', '/v1/registrations', beijing, {
      person, originCode: '511321100', destinationCode: '110105001', arrivalDate: today(), expectedStayDays: 120,
    });
    expect(reported.status).toBe(201);
    const originB = await b.issuer.sign({ role: 'caseworker', jurisdiction: '511321100' });
    const notice = await eventually(async () => (await inbox(b.url, originB, '511321100')).find((n) => n.caseId === reported.body.id && n.type === 'registration.reported'), 30_000);
    expect(notice.acknowledgeBy).toMatchObject({ kind: 'noticeAcknowledgement' });
    // Beijing files no notice for Sichuan's inbox in its own table.
    expect((await inbox(a.stack.apiUrl, await a.stack.issuer.sign({ role: 'caseworker', jurisdiction: '511321100' }), '511321100')).some((n) => n.caseId === reported.body.id)).toBe(false);

    // A → B: the person moves on to 成都 (510104001): the case opens there, not here.
    const departed = await call(a.stack.apiUrl, 'POST', `/v1/registrations/${reported.body.id}/depart`, beijing, { departureDate: today(), nextDestinationCode: '510104001' });
    expect(departed.status).toBe(200);
    expect(departed.body).not.toHaveProperty('nextCaseId');
    const chengdu = await b.issuer.sign({ role: 'caseworker', jurisdiction: '510104001' });
    const opened = await eventually(async () => ((await call(b.url, 'GET', '/v1/cases?jurisdiction=510104001&type=registration', chengdu)).body.items as Json[]).find((c) => c.previousCaseId === reported.body.id), 30_000);
    expect(opened).toMatchObject({ state: 'reported', person: { name: '联邦', idNumber: maskIdNumber(person.idNumber) }, originCode: '511321100', destinationCode: '510104001', expectedStayDays: 120, deadline: { kind: 'registration' } });

    // B → A: an arrival in 成都 from Beijing's 建外街道 reaches Beijing's inbox.
    const back = await call(b.url, 'POST', '/v1/registrations', chengdu, {
      person: { name: '回程', idNumber: idNumber(2), phone: '13900000002' }, originCode: '110105001', destinationCode: '510104001', arrivalDate: today(), expectedStayDays: 60,
    });
    expect(back.status).toBe(201);
    const atA = await eventually(async () => (await inbox(a.stack.apiUrl, beijing, '110105001')).find((n) => n.caseId === back.body.id), 30_000);
    expect(atA).toMatchObject({ type: 'registration.reported', data: expect.objectContaining({ destinationCode: '510104001' }) });
    expect(atA.eventId).toBeTruthy();

    // Delivered again (a replay): no second notice, no second case.
    const deliveries = (await call(a.stack.apiUrl, 'GET', '/v1/subscriptions/peer_sichuan/deliveries', adminA)).body.items as Json[];
    const departure = deliveries.find((d) => d.eventType === 'cn.liudong.registration.departed')!;
    expect(departure).toMatchObject({ state: 'delivered', attempts: [expect.objectContaining({ status: 202 })] });
    expect((await call(a.stack.apiUrl, 'POST', `/v1/subscriptions/peer_sichuan/deliveries/${departure.id}/replay`, adminA)).status).toBe(202);
    await eventually(async () => {
      const again = ((await call(a.stack.apiUrl, 'GET', '/v1/subscriptions/peer_sichuan/deliveries', adminA)).body.items as Json[]).find((d) => d.id === departure.id)!;
      return again.state === 'delivered' && again.attempts.length === 2 ? again : undefined;
    }, 30_000);
    const transfers = ((await call(b.url, 'GET', '/v1/cases?jurisdiction=510104001&type=registration', chengdu)).body.items as Json[]).filter((c) => c.previousCaseId === reported.body.id);
    expect(transfers).toHaveLength(1);
    const departedNotices = (await inbox(b.url, originB, '511321100')).filter((n) => n.eventId === departure.id);
    expect(departedNotices).toHaveLength(1);
  }, 120_000);

  it('refuses an event no peer signed', async () => {
    const body = JSON.stringify({ specversion: '1.0', id: 'forged', type: 'cn.liudong.registration.reported', source: '/x', time: new Date().toISOString(), data: {} });
    const response = await fetch(`${b.url}/v1/federation/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents+json', 'webhook-id': 'forged', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': 'v1,AAAA' },
      body,
    });
    expect(response.status).toBe(401);
  });
});
