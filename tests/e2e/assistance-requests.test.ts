// Assistance requests between offices end to end: asked, noticed, answered and declined,
// listed on both sides, and one left unanswered until it turns overdue and escalates.
import { describe, expect, it } from 'vitest';
import { type Json, useLocalStack } from '../support/local-api.ts';

const local = useLocalStack();
const api = local.call.bind(local);
const sign = (claims: { role: 'caseworker' | 'supervisor' | 'person'; jurisdiction?: string; sub?: string; idNumber?: string }) => local.stack.issuer.sign(claims);
const noticesOf = async (code: string) => {
  await local.stack.drained();
  const token = await sign({ role: 'supervisor', jurisdiction: code });
  return (await api('GET', `/v1/jurisdictions/${code}/notices?limit=100`, { token })).body.items as Json[];
};

describe('assistance requests', () => {
  it('is asked, answered and declined, with notices both ways and lists on both sides', async () => {
    const origin = await sign({ role: 'caseworker', jurisdiction: '511321100' });
    const destination = await sign({ role: 'caseworker', jurisdiction: '110105001' });
    const asked = await api('POST', '/v1/assistance-requests', {
      token: origin,
      body: { toCode: '110105001', subject: { idNumber: '11010519491231002x' }, question: '请协查张三是否仍在贵辖区居住' },
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ type: 'assistance_request', state: 'open', originCode: '511321100', destinationCode: '110105001', subject: { idNumber: '110105********002X' } });

    const received = await noticesOf('110105001');
    expect(received.find((n) => n.caseId === asked.body.id)).toMatchObject({ type: 'assistance_request.sent' });
    // Both offices see it; an office elsewhere does not.
    expect((await api('GET', `/v1/assistance-requests/${asked.body.id}`, { token: origin })).body.availableActions).toEqual([]);
    expect((await api('GET', `/v1/assistance-requests/${asked.body.id}`, { token: destination })).body.availableActions).toEqual(['answer', 'decline']);
    expect((await api('GET', `/v1/assistance-requests/${asked.body.id}`, { token: await sign({ role: 'caseworker', jurisdiction: '510104001' }) })).status).toBe(404);
    // The asking office cannot answer its own question.
    expect((await api('POST', `/v1/assistance-requests/${asked.body.id}/answer`, { token: origin, body: { answer: 'x' } })).status).toBe(403);

    const answered = await api('POST', `/v1/assistance-requests/${asked.body.id}/answer`, { token: destination, body: { answer: '经核查，此人仍居住在建外街道' } });
    expect(answered.body).toMatchObject({ state: 'answered', answer: { text: '经核查，此人仍居住在建外街道' } });
    expect((await noticesOf('511321100')).find((n) => n.caseId === asked.body.id)).toMatchObject({ type: 'assistance_request.answered' });

    const second = await api('POST', '/v1/assistance-requests', {
      token: origin,
      body: { toCode: '110105001', subject: { caseId: asked.body.id }, question: '请提供租房合同复印件', dueDays: 5 },
    });
    expect(second.status).toBe(201);
    expect((await api('POST', `/v1/assistance-requests/${second.body.id}/decline`, { token: destination, body: {} })).status).toBe(400);
    const declined = await api('POST', `/v1/assistance-requests/${second.body.id}/decline`, { token: destination, body: { reason: '不属于本所职责' } });
    expect(declined.body).toMatchObject({ state: 'declined', declined: { reason: '不属于本所职责' } });

    const sent = await api('GET', '/v1/assistance-requests?jurisdiction=511321100&direction=sent', { token: origin });
    expect(sent.body.items.map((r: Json) => [r.id, r.state])).toEqual([
      [second.body.id, 'declined'],
      [asked.body.id, 'answered'],
    ]);
    const inbox = await api('GET', '/v1/assistance-requests?jurisdiction=110105&state=answered', { token: await sign({ role: 'supervisor', jurisdiction: '110105' }) });
    expect(inbox.body.items.map((r: Json) => r.id)).toEqual([asked.body.id]);
  });

  it('refuses what cannot be asked, and writes nothing for it', async () => {
    const origin = await sign({ role: 'caseworker', jurisdiction: '511321100' });
    const base = { toCode: '110105001', subject: { idNumber: '11010519491231002X' }, question: 'q' };
    const cases = [
      [{ ...base, toCode: '999999999' }, 422, 'toCode'],
      [{ ...base, subject: { caseId: '7d4b3f3e-4c5a-4b0e-9a51-2f0e8d1c6a10' } }, 422, 'subject.caseId'],
      [{ ...base, dueDays: 90 }, 400, 'dueDays'],
      [{ ...base, toCode: '511321100' }, 400, 'toCode'],
      [{ ...base, subject: { name: '张三' } }, 400, 'subject'],
    ] as const;
    for (const [body, status, field] of cases) {
      const refused = await api('POST', '/v1/assistance-requests', { token: origin, body });
      expect(refused.status, field).toBe(status);
      expect(refused.body.errors[0].field, field).toBe(field);
    }
    expect((await api('POST', '/v1/assistance-requests', { token: await sign({ role: 'person', sub: 'p', idNumber: '511321199001010025' }), body: base })).status).toBe(403);
    const sent = await api('GET', '/v1/assistance-requests?jurisdiction=511321100&direction=sent', { token: origin });
    expect(sent.body.items.every((r: Json) => r.question !== 'q')).toBe(true);
  });

  it('turns overdue past its reply deadline and escalates to the county of the office asked', async () => {
    const origin = await sign({ role: 'caseworker', jurisdiction: '110108001' });
    const asked = await api('POST', '/v1/assistance-requests', {
      token: origin,
      body: { toCode: '511321101', subject: { idNumber: '511321199001010025' }, question: '请协查此人户籍情况', dueDays: 2 },
    });
    await local.sweep(asked.body.deadline.dueAt);
    expect((await api('GET', `/v1/assistance-requests/${asked.body.id}`, { token: origin })).body.state).toBe('overdue');
    const county = await noticesOf('511321');
    expect(county.find((n) => n.caseId === asked.body.id)).toMatchObject({ type: 'assistance_request.overdue' });
    expect((await noticesOf('110108001')).find((n) => n.caseId === asked.body.id)).toMatchObject({ type: 'assistance_request.overdue' });
    // Late, it can still be answered.
    const late = await api('POST', `/v1/assistance-requests/${asked.body.id}/answer`, {
      token: await sign({ role: 'caseworker', jurisdiction: '511321101' }),
      body: { answer: '户籍在大桥镇' },
    });
    expect(late.body.state).toBe('answered');
    expect(local.errors).toEqual([]);
  });
});
