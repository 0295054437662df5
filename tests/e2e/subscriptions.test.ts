// Agency subscriptions over signed webhooks, end to end on the local stack: a receiver that
// verifies Standard Webhooks signatures, retries, order per case, timeouts, rotation, SSRF, 410.
import { afterAll, describe, expect, it } from 'vitest';
import { type Received, type WebhookReceiver, startWebhookReceiver } from '../../local/webhook-receiver.ts';
import { clockNow, type Json, today, useLocalStack } from '../support/local-api.ts';
import { eventually, until } from '../support/wait.ts';

const local = useLocalStack();
const api = local.call.bind(local);
const receivers: WebhookReceiver[] = [];
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.stop()));
});

const agency = (agencyId = 'police-bj', jurisdiction = '11') => local.stack.issuer.sign({ role: 'agency', agency: agencyId, jurisdiction });
const caseworker = () => local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '110105001' });

let idSequence = 100;
/** A valid ID number (MOD 11-2 check character) for a new person in each test. */
function nextIdNumber(): string {
  const body = `11010519850101${String(idSequence++).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

async function report(token: string, idNumber = nextIdNumber()) {
  const r = await api('POST', '/v1/registrations', {
    token,
    body: { person: { name: '订阅', idNumber, phone: '13500000000' }, originCode: '511321100', destinationCode: '110105001', arrivalDate: today(), expectedStayDays: 90 },
  });
  expect(r.status).toBe(201);
  return r.body;
}

async function subscribe(token: string, url: string, extra: Json = {}) {
  const r = await api('POST', '/v1/subscriptions', {
    token,
    body: { url, eventTypes: ['registration.*'], jurisdiction: '110105', purpose: 'statistics', ...extra },
  });
  return r;
}

/** A receiver, with its subscription made for it (the secret comes back once, from the API). */
async function receiverWithSubscription(respond?: Parameters<typeof startWebhookReceiver>[0]['respond'], extra: Json = {}) {
  const receiver = await startWebhookReceiver({ secrets: [], ...(respond ? { respond } : {}) });
  receivers.push(receiver);
  const token = await agency();
  const created = await subscribe(token, receiver.url, extra);
  expect(created.status).toBe(201);
  receiver.secrets.push(created.body.secret as string);
  return { receiver, subscription: created.body, token };
}

const deliveries = async (token: string, id: string, query = '') => (await api('GET', `/v1/subscriptions/${id}/deliveries${query}`, { token })).body.items as Json[];

describe('agency subscriptions', () => {
  it('creates a subscription with its secret shown once; only its agency sees it; bad input names the field', async () => {
    const receiver = await startWebhookReceiver({ secrets: [] });
    receivers.push(receiver);
    const token = await agency();
    const created = await subscribe(token, receiver.url, { purpose: 'law_enforcement', contactEmail: 'ops@police.example' });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created.body).toMatchObject({ agency: 'police-bj', state: 'active', jurisdiction: '110105', purpose: 'law_enforcement' });
    const read = await api('GET', `/v1/subscriptions/${created.body.id}`, { token });
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain(created.body.secret);
    expect((await api('GET', '/v1/subscriptions', { token })).body.items.map((s: Json) => s.id)).toContain(created.body.id);

    // Another agency: not found, and not in its list.
    const other = await agency('labour-bj');
    expect((await api('GET', `/v1/subscriptions/${created.body.id}`, { token: other })).status).toBe(404);
    expect((await api('GET', '/v1/subscriptions', { token: other })).body.items).toEqual([]);
    // Offices do not subscribe.
    expect((await subscribe(await caseworker(), receiver.url)).status).toBe(403);

    const problems = async (body: Json) => {
      const r = await subscribe(token, receiver.url, body);
      return { status: r.status, fields: (r.body.errors as Json[] | undefined)?.map((e) => e.field) };
    };
    expect(await problems({ jurisdiction: '51' })).toEqual({ status: 422, fields: ['jurisdiction'] });
    expect(await problems({ eventTypes: ['registration.teleported'] })).toEqual({ status: 400, fields: ['eventTypes.0'] });
    expect(await problems({ purpose: 'curiosity' })).toEqual({ status: 400, fields: ['purpose'] });
    expect(await problems({ url: 'not a url' })).toEqual({ status: 422, fields: ['url'] });
    expect(local.errors).toEqual([]);
  });

  it('delivers signed CloudEvents in structured mode, minimised by purpose, once per event id', async () => {
    const { receiver, subscription } = await receiverWithSubscription();
    const c = await report(await caseworker());
    const got = await eventually(() => receiver.received.find((r) => (r.event.data as Json)?.caseId === c.id));
    expect(got.verified).toBe(true);
    expect(got.contentType).toMatch(/^application\/cloudevents\+json/);
    expect(got.id).toBe(got.event.id);
    expect(got.event).toMatchObject({ specversion: '1.0', type: 'cn.liudong.registration.reported', subject: `registrations/${c.id}`, source: '/liudong/local/jurisdictions/110105001' });
    // Purpose statistics: no personal field at all.
    expect(got.event.data).not.toHaveProperty('person');
    expect(JSON.stringify(got.event)).not.toContain(c.person.idNumber);
    expect(got.event.data).toMatchObject({ caseId: c.id, originCode: '511321100', destinationCode: '110105001', arrivalDate: c.arrivalDate });

    await until(async () => (await deliveries(await agency(), subscription.id)).some((d) => d.id === got.id && d.state === 'delivered'));
    const [delivery] = (await deliveries(await agency(), subscription.id)).filter((d) => d.id === got.id);
    expect(delivery).toMatchObject({ eventType: 'cn.liudong.registration.reported', caseId: c.id, attempts: [{ attempt: 1, status: 204, latencyMs: expect.any(Number) }] });
    expect(receiver.received.filter((r) => r.id === got.id)).toHaveLength(1);
  });

  it('retries a receiver that answers 500 twice, then 200: three attempts, on its Retry-After', async () => {
    let calls = 0;
    const { receiver, subscription, token } = await receiverWithSubscription((_r, res) => {
      calls++;
      res.writeHead(calls <= 2 ? 500 : 200, calls <= 2 ? { 'retry-after': '1' } : {}).end();
    });
    const c = await report(await caseworker());
    await until(async () => (await deliveries(token, subscription.id)).some((d) => d.caseId === c.id && d.state === 'delivered'), 30_000);
    const [d] = await deliveries(token, subscription.id);
    expect(d!.attempts.map((a: Json) => [a.attempt, a.status])).toEqual([[1, 500], [2, 500], [3, 200]]);
    expect(d!.attempts[0].error).toBe('HTTP 500');
    expect(new Set(receiver.received.map((r) => r.id))).toEqual(new Set([d!.id]));
  });

  it('delivers every event once and in order per case when the receiver was down for a while', async () => {
    const { receiver, subscription, token } = await receiverWithSubscription();
    const port = receiver.port;
    await receiver.stop();
    const office = await caseworker();
    const cases = [await report(office), await report(office)];
    // Each case moves on twice while the receiver is down: reported → awaiting_supplement → registered.
    for (const c of cases) {
      expect((await api('POST', `/v1/registrations/${c.id}/request-supplement`, { token: office, body: { items: ['lease'], reason: 'no lease' } })).status).toBe(200);
      expect((await api('POST', `/v1/registrations/${c.id}/supplement`, { token: office, body: { note: 'lease brought' } })).status).toBe(200);
    }
    await until(async () => (await deliveries(token, subscription.id)).some((d) => d.attempts.length > 0 && d.attempts[0].error), 20_000);
    // Up again, on the same port.
    const back = await startWebhookReceiver({ port, secrets: receiver.secrets });
    receivers.push(back);
    await until(() => back.received.length >= 6 && (new Set(back.received.map((r) => r.id)).size === 6), 60_000);
    const ids = back.received.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(back.received.every((r) => r.verified)).toBe(true);
    for (const c of cases) {
      const types = back.received.filter((r) => (r.event.data as Json).caseId === c.id).map((r) => String(r.event.type).split('.').at(-1));
      expect(types).toEqual(['reported', 'supplement_requested', 'supplemented']);
    }
  }, 90_000);

  it('cuts a receiver that hangs at the timeout, and keeps delivering to the others meanwhile', async () => {
    process.env.WEBHOOK_TIMEOUT_MS = '2000';
    try {
      const hanging = await receiverWithSubscription(() => undefined);
      const healthy = await receiverWithSubscription();
      const c = await report(await caseworker());
      const fast = await eventually(() => healthy.receiver.received.find((r) => (r.event.data as Json)?.caseId === c.id));
      expect(fast.verified).toBe(true);
      const failed = await eventually(async () => (await deliveries(hanging.token, hanging.subscription.id)).find((d) => d.caseId === c.id && d.attempts.length > 0), 20_000);
      expect(failed.attempts[0]).toMatchObject({ attempt: 1, error: 'timed out after 2 s' });
      expect(failed.attempts[0].status).toBeUndefined();
      expect(failed.attempts[0].latencyMs).toBeGreaterThanOrEqual(1900);
      expect(fast.at).toBeLessThan(Date.parse(failed.attempts[0].at) + 1900);
    } finally {
      delete process.env.WEBHOOK_TIMEOUT_MS;
    }
  });

  it('signs with both secrets during a rotation overlap', async () => {
    const { receiver, subscription, token } = await receiverWithSubscription();
    const oldSecret = receiver.secrets[0]!;
    const rotated = await api('POST', `/v1/subscriptions/${subscription.id}/rotate-secret`, { token });
    expect(rotated.status).toBe(200);
    const newSecret = rotated.body.secret as string;
    expect(newSecret).not.toBe(oldSecret);
    expect(rotated.body.secrets).toEqual([
      { createdAt: expect.any(String), expiresAt: expect.any(String) },
      { createdAt: expect.any(String) },
    ]);
    expect(Date.parse(rotated.body.secrets[0].expiresAt) - Date.now()).toBeGreaterThan(23.9 * 3600 * 1000);
    const c = await report(await caseworker());
    const got = await eventually(() => receiver.received.find((r) => (r.event.data as Json)?.caseId === c.id));
    expect(got.signature.split(' ')).toHaveLength(2);
    // Each secret alone verifies it.
    const { Webhook } = await import('standardwebhooks');
    const payload = JSON.stringify(got.event);
    const headers = { 'webhook-id': got.id, 'webhook-timestamp': got.timestamp, 'webhook-signature': got.signature };
    expect(() => new Webhook(oldSecret).verify(payload, headers)).not.toThrow();
    expect(() => new Webhook(newSecret).verify(payload, headers)).not.toThrow();
  });

  it('disables an endpoint that answers 410 Gone, holds its deliveries, and sends them when resumed', async () => {
    let gone = true;
    const { receiver, subscription, token } = await receiverWithSubscription((_r, res) => void res.writeHead(gone ? 410 : 204).end());
    const c = await report(await caseworker());
    await until(async () => (await api('GET', `/v1/subscriptions/${subscription.id}`, { token })).body.state === 'disabled', 20_000);
    const s = (await api('GET', `/v1/subscriptions/${subscription.id}`, { token })).body;
    expect(s.disabled).toEqual({ at: expect.any(String), reason: 'the endpoint answered 410 Gone' });
    expect((await deliveries(token, subscription.id)).find((d) => d.caseId === c.id)).toMatchObject({ state: 'held', attempts: [{ status: 410 }] });
    // A disabled endpoint records no new deliveries (a healthy subscriber hearing of the case shows the fan-out has passed it).
    const witness = await receiverWithSubscription();
    const later = await report(await caseworker());
    await eventually(() => witness.receiver.received.find((r) => (r.event.data as Json).caseId === later.id));
    expect((await deliveries(token, subscription.id)).some((d) => d.caseId === later.id)).toBe(false);

    gone = false;
    expect((await api('POST', `/v1/subscriptions/${subscription.id}/resume`, { token })).body.state).toBe('active');
    await until(async () => (await deliveries(token, subscription.id)).find((d) => d.caseId === c.id)?.state === 'delivered', 20_000);
    expect(receiver.received.filter((r) => (r.event.data as Json).caseId === c.id).map((r) => r.verified)).toEqual([true, true]);
  });

  it('gives up after the eighth attempt (exhausted, counted for the owner), and disables an endpoint failing for five days', async () => {
    const { subscription, token } = await receiverWithSubscription((_r, res) => void res.writeHead(503, { 'retry-after': '0' }).end());
    const c = await report(await caseworker());
    await until(async () => (await deliveries(token, subscription.id)).find((d) => d.caseId === c.id)?.state === 'exhausted', 40_000);
    const d = (await deliveries(token, subscription.id)).find((x) => x.caseId === c.id)!;
    expect(d.attempts.map((a: Json) => a.status)).toEqual(Array(8).fill(503));
    const s = (await api('GET', `/v1/subscriptions/${subscription.id}`, { token })).body;
    expect(s).toMatchObject({ state: 'active', exhaustedCount: 1, lastExhausted: { deliveryId: d.id }, failingSince: d.attempts[0].at });

    // Failing since six days ago: the next failure disables it.
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const { documentClient } = await import('../../functions/shared/clients.ts');
    await documentClient().send(
      new UpdateCommand({ TableName: process.env.DELIVERIES_TABLE, Key: { pk: 'SUBSCRIPTIONS', sk: `SUB#${subscription.id}` }, UpdateExpression: 'SET failingSince = :at', ExpressionAttributeValues: { ':at': new Date(Date.now() - 6 * 86400_000).toISOString() } }),
    );
    await report(await caseworker());
    await until(async () => (await api('GET', `/v1/subscriptions/${subscription.id}`, { token })).body.state === 'disabled', 20_000);
    expect((await api('GET', `/v1/subscriptions/${subscription.id}`, { token })).body.disabled.reason).toBe('every attempt failed for five days');
  }, 60_000);

  it('makes one attempt of three copies of the same queue message', async () => {
    let calls = 0;
    const { subscription } = await receiverWithSubscription(async (_r, res) => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 300));
      res.writeHead(204).end();
    });
    const { recordDelivery, getDelivery } = await import('../../functions/shared/store/subscriptions.ts');
    const { invoke } = await import('../../local/invoke.ts');
    const eventId = crypto.randomUUID();
    const time = new Date().toISOString();
    const { enqueue } = await recordDelivery(
      { id: eventId, subscriptionId: subscription.id, eventType: 'cn.liudong.registration.reported', eventTime: time, caseId: crypto.randomUUID(), event: { specversion: '1.0', id: eventId, type: 'cn.liudong.registration.reported', source: '/test', data: {} } },
      new Date(),
    );
    expect(enqueue).toEqual({ subscriptionId: subscription.id, sk: `DELIVERY#${time}#${eventId}`, attempt: 1 });
    const record = (n: number) => ({ messageId: `copy-${n}`, receiptHandle: `copy-${n}`, body: JSON.stringify(enqueue), attributes: {}, messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn', awsRegion: 'us-east-1' });
    // Two copies at once, one after.
    await Promise.all([invoke('deliverEvents', { Records: [record(1)] }), invoke('deliverEvents', { Records: [record(2)] })]);
    await invoke('deliverEvents', { Records: [record(3)] });
    expect(calls).toBe(1);
    expect(await getDelivery(subscription.id, eventId)).toMatchObject({ state: 'delivered', attempts: [{ attempt: 1, status: 204 }] });
  });

  it('pauses (deliveries held), resumes (sent in order), replays one delivery and a time range', async () => {
    const { receiver, subscription, token } = await receiverWithSubscription();
    expect((await api('POST', `/v1/subscriptions/${subscription.id}/pause`, { token })).body.state).toBe('paused');
    expect((await api('POST', `/v1/subscriptions/${subscription.id}/pause`, { token })).status).toBe(409);
    const from = clockNow().toISOString();
    const c = await report(await caseworker());
    await until(async () => (await deliveries(token, subscription.id)).some((d) => d.caseId === c.id && d.state === 'held'));
    expect(receiver.received).toEqual([]);
    await api('POST', `/v1/subscriptions/${subscription.id}/resume`, { token });
    const first = await eventually(() => receiver.received.find((r) => (r.event.data as Json).caseId === c.id));
    await until(async () => (await deliveries(token, subscription.id)).every((d) => d.state === 'delivered'));

    const replay = await api('POST', `/v1/subscriptions/${subscription.id}/deliveries/${first.id}/replay`, { token });
    expect(replay.status).toBe(202);
    await until(() => receiver.received.filter((r) => r.id === first.id).length === 2);
    await until(async () => (await deliveries(token, subscription.id)).every((d) => d.state === 'delivered'));
    expect((await api('POST', `/v1/subscriptions/${subscription.id}/deliveries/no-such/replay`, { token })).status).toBe(404);

    const range = await api('POST', `/v1/subscriptions/${subscription.id}/deliveries/replay`, { token, body: { from, to: clockNow().toISOString() } });
    expect(range).toMatchObject({ status: 202, body: { replayed: 1 } });
    await until(() => receiver.received.filter((r) => r.id === first.id).length === 3);
    const bad = await api('POST', `/v1/subscriptions/${subscription.id}/deliveries/replay`, { token, body: { from: clockNow().toISOString(), to: from } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Json) => e.field)).toEqual(['to']);
    expect((await api('DELETE', `/v1/subscriptions/${subscription.id}`, { token })).status).toBe(204);
    expect((await api('GET', `/v1/subscriptions/${subscription.id}`, { token })).status).toBe(404);
  });

  it('refuses endpoints that point inside (SSRF): loopback in cloud mode, metadata, private, IPv6 loopback, a name resolving inside', async () => {
    const token = await agency();
    const refused = async (url: string) => {
      const r = await subscribe(token, url);
      expect(r.status, url).toBe(422);
      return (r.body.errors as Json[])[0]!.reason as string;
    };
    process.env.WEBHOOK_ENDPOINTS = 'cloud';
    try {
      expect(await refused('http://127.0.0.1:4100/hook')).toBe('must use https');
      expect(await refused('https://127.0.0.1/hook')).toMatch(/loopback/);
      expect(await refused('https://169.254.169.254/latest/meta-data')).toMatch(/linkLocal/);
      expect(await refused('https://10.0.0.1/hook')).toMatch(/private/);
      expect(await refused('https://[::1]/hook')).toMatch(/loopback/);
      expect(await refused('https://[::ffff:10.0.0.1]/hook')).toMatch(/private/);
      expect(await refused('https://localhost/hook')).toMatch(/^localhost .*loopback/);
    } finally {
      process.env.WEBHOOK_ENDPOINTS = 'local';
    }
    // Locally, loopback over http is allowed; other private addresses still are not.
    expect(await refused('http://10.0.0.1/hook')).toMatch(/only for 127\.0\.0\.1/);
    expect(await refused('https://192.168.1.10/hook')).toMatch(/private/);
  });
});

export type { Received };
