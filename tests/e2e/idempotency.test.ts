// Every route that creates something honours Idempotency-Key through the one shared piece
// (functions/shared/idempotency.ts): a retry with the same key and body answers what the first
// answered, marked as a replay, and creates nothing more; the same key with another body is 422.
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../core/id-number.ts';
import { startWebhookReceiver } from '../../local/webhook-receiver.ts';
import { type Json, today, useLocalStack } from '../support/local-api.ts';

// This deployment serves Beijing and Sichuan: a peer may serve another province.
process.env.DEPLOYMENT_PREFIXES = '11,51';
const local = useLocalStack();
const api = local.call.bind(local);
const sign = (claims: Parameters<typeof local.stack.issuer.sign>[0]) => local.stack.issuer.sign(claims);
const idNumber = (i: number) => {
  const first17 = `11010519900101${String(i).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};
const person = (i: number, name: string) => ({ name, idNumber: idNumber(i), phone: '13800138000' });

interface Create {
  path: string;
  token: () => Promise<string>;
  body: Json | (() => Promise<Json>);
  /** A body that differs in one field. */
  other: (body: Json) => Json;
  status: number;
}

/** Sends `create` twice with one key, then with another body: the three answers. */
async function keyed(name: string, create: Create) {
  const token = await create.token();
  const body = typeof create.body === 'function' ? await create.body() : create.body;
  const headers = { 'idempotency-key': `key-${name}` };
  const first = await api('POST', create.path, { token, body, headers });
  const retry = await api('POST', create.path, { token, body, headers });
  const other = await api('POST', create.path, { token, body: create.other(body), headers });
  return { first, retry, other };
}

describe('Idempotency-Key on every create', () => {
  const office = () => sign({ role: 'caseworker', jurisdiction: '110105001' });
  const originOffice = () => sign({ role: 'caseworker', jurisdiction: '511321100' });
  const creates: Record<string, Create> = {
    registration: {
      path: '/v1/registrations',
      token: office,
      body: async () => ({ person: person(1, '陈一'), originCode: '511321100', destinationCode: '110105001', arrivalDate: today(), expectedStayDays: 180 }),
      other: (b) => ({ ...b, expectedStayDays: 90 }),
      status: 201,
    },
    originCertificate: {
      path: '/v1/origin-certificates',
      token: originOffice,
      body: { person: person(2, '陈二'), originCode: '511321100' },
      other: (b) => ({ ...b, person: { ...b.person, phone: '13900139000' } }),
      status: 201,
    },
    assistanceRequest: {
      path: '/v1/assistance-requests',
      token: originOffice,
      body: { toCode: '110105001', subject: { idNumber: idNumber(3) }, question: '请协查此人是否在贵辖区居住' },
      other: (b) => ({ ...b, question: '另一个问题' }),
      status: 201,
    },
    group: {
      path: '/v1/groups',
      token: office,
      body: async () => ({
        responsiblePerson: person(4, '陈四'),
        organisation: { name: '南部县劳务输出有限公司', creditCode: '91511321MA62K0XX1B' },
        agreementReference: '南劳协〔2026〕20号',
        originCode: '511321100',
        destinationCode: '110105001',
        arrivalDate: today(),
        members: [{ person: person(5, '陈五'), expectedStayDays: 300 }],
      }),
      other: (b) => ({ ...b, agreementReference: '南劳协〔2026〕21号' }),
      status: 201,
    },
    appeal: {
      path: '/v1/appeals',
      token: () => sign({ role: 'person', sub: 'chen-six', idNumber: idNumber(6) }),
      body: async () => {
        // A rejected application of the person's own: the decision they appeal.
        const self = await sign({ role: 'person', sub: 'chen-six', idNumber: idNumber(6) });
        const applied = await api('POST', '/v1/origin-certificates', { token: self, body: { person: person(6, '陈六'), originCode: '511321100' } });
        await api('POST', `/v1/origin-certificates/${applied.body.id}/reject`, { token: await originOffice(), body: { reason: '户籍信息待核实' } });
        const history = (await api('GET', `/v1/origin-certificates/${applied.body.id}/history`, { token: self })).body.items as Json[];
        const decision = history.find((h) => h.action === 'reject')!;
        return { caseId: applied.body.id, decision: { action: 'reject', at: decision.at }, grounds: '户籍信息已核实' };
      },
      other: (b) => ({ ...b, grounds: '另一理由' }),
      status: 201,
    },
    import: {
      path: '/v1/imports',
      token: office,
      body: { destinationCode: '110105001' },
      other: () => ({ destinationCode: '110105002' }),
      status: 201,
    },
    agencyDecision: {
      path: '',
      token: () => sign({ role: 'agency', jurisdiction: '110105', agency: 'police' }),
      body: { agency: '朝阳分局', decision: '已核发居住证', reference: '朝居〔2026〕9号' },
      other: (b) => ({ ...b, reference: '朝居〔2026〕10号' }),
      status: 201,
    },
  };

  it.each(Object.keys(creates))('%s: a retry answers the first answer, another body is 422', async (name) => {
    const create = creates[name]!;
    if (name === 'agencyDecision') {
      // A verified registration's certificate, which the agency records its decision against.
      const token = await office();
      const reported = await api('POST', '/v1/registrations', { token, body: { person: person(7, '陈七'), originCode: '511321100', destinationCode: '110105001', arrivalDate: today(), expectedStayDays: 180 } });
      const verified = await api('POST', `/v1/registrations/${reported.body.id}/verify`, { token });
      create.path = `/v1/certificates/${verified.body.verificationCertificate.number}/decisions`;
    }
    const { first, retry, other } = await keyed(name, create);
    expect(first.status, JSON.stringify(first.body)).toBe(create.status);
    expect(retry.status).toBe(create.status);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));
    if (name === 'import') {
      // The same import, with an upload URL signed afresh.
      expect({ ...retry.body, upload: undefined }).toEqual({ ...first.body, upload: undefined });
    } else {
      expect(retry.body).toEqual(first.body);
    }
    expect(other.status).toBe(422);
    expect(other.body.errors).toEqual([{ field: 'Idempotency-Key', reason: 'was used with a different body' }]);
  });

  it('subscriptions and peers: a retry answers the same one with its secret; an action answers the case', async () => {
    const receiver = await startWebhookReceiver({ secrets: [] });
    try {
      const agency = await sign({ role: 'agency', jurisdiction: '110105', agency: 'statistics-bureau' });
      const body = { url: receiver.url, eventTypes: ['registration.*'], jurisdiction: '110105', purpose: 'statistics' };
      const headers = { 'idempotency-key': 'subscribe-once' };
      const first = await api('POST', '/v1/subscriptions', { token: agency, body, headers });
      const retry = await api('POST', '/v1/subscriptions', { token: agency, body, headers });
      expect(first.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.body.secret).toMatch(/^whsec_/);
      const listed = await api('GET', '/v1/subscriptions', { token: agency });
      expect((listed.body.items as Json[]).filter((s) => s.url === receiver.url)).toHaveLength(1);

      const national = await sign({ role: 'admin' });
      const peer = { name: 'hainan', baseUrl: new URL(receiver.url).origin, prefixes: ['46'] };
      const registered = await api('POST', '/v1/federation/peers', { token: national, body: peer, headers: { 'idempotency-key': 'peer-once' } });
      const again = await api('POST', '/v1/federation/peers', { token: national, body: peer, headers: { 'idempotency-key': 'peer-once' } });
      expect(registered.status).toBe(201);
      expect(again.body).toEqual(registered.body);
      // Without the key, a second registration of the same peer is a conflict, as before.
      expect((await api('POST', '/v1/federation/peers', { token: national, body: peer })).status).toBe(409);
    } finally {
      await receiver.stop();
    }

    const token = await office();
    const reported = await api('POST', '/v1/registrations', { token, body: { person: person(8, '陈八'), originCode: '511321100', destinationCode: '110105001', arrivalDate: today(), expectedStayDays: 180 } });
    const verify = (key: string) => api('POST', `/v1/registrations/${reported.body.id}/verify`, { token, headers: { 'idempotency-key': key } });
    const verified = await verify('verify-once');
    const retried = await verify('verify-once');
    expect(verified.status).toBe(200);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(verified.body);
    // Without the replay the second verify would be refused: the case is verified already.
    expect((await verify('verify-twice')).status).toBe(409);
  });
});
