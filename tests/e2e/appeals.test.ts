// Appeals end to end: a person appeals the rejection of their origin certificate; the county
// above the township reverses it, the application is back with the township, which issues it.
// Also: an upheld appeal, a second appeal of the same decision, and what cannot be appealed.
import { describe, expect, it } from 'vitest';
import { type Json, useLocalStack } from '../support/local-api.ts';

const local = useLocalStack();
const api = local.call.bind(local);
const sign = (claims: { role: 'caseworker' | 'supervisor' | 'person'; jurisdiction?: string; sub?: string; idNumber?: string }) => local.stack.issuer.sign(claims);

async function rejectedApplication(sub: string, idNumber: string) {
  const self = await sign({ role: 'person', sub, idNumber });
  const township = await sign({ role: 'caseworker', jurisdiction: '511321100' });
  const applied = await api('POST', '/v1/origin-certificates', {
    token: self,
    body: { person: { name: '赵敏', idNumber, phone: '13600136000' }, originCode: '511321100' },
  });
  const rejected = await api('POST', `/v1/origin-certificates/${applied.body.id}/reject`, { token: township, body: { reason: '户籍信息待核实' } });
  expect(rejected.body.state).toBe('rejected');
  const history = (await api('GET', `/v1/origin-certificates/${applied.body.id}/history`, { token: self })).body.items as Json[];
  const decision = history.find((h) => h.action === 'reject')!;
  return { self, township, id: applied.body.id as string, decision: { action: decision.action, at: decision.at } };
}

describe('appeals', () => {
  it('reverses a rejected origin certificate: the application goes back to the township, which issues it', async () => {
    const { self, township, id, decision } = await rejectedApplication('zhao-min', '110105198001010016');
    const lodged = await api('POST', '/v1/appeals', { token: self, body: { caseId: id, decision, grounds: '户籍信息已在派出所核实无误' } });
    expect(lodged.status).toBe(201);
    expect(lodged.body).toMatchObject({ type: 'appeal', state: 'lodged', originCode: '511321100', destinationCode: '511321', deadline: { kind: 'appealDecision' } });

    // The person sees the appeal, its deadline; the deciding township sees it but may not decide it.
    const mine = await api('GET', '/v1/me/cases?type=appeal', { token: self });
    expect(mine.body.items.map((c: Json) => c.id)).toContain(lodged.body.id);
    expect((await api('GET', `/v1/appeals/${lodged.body.id}`, { token: township })).body.availableActions).toEqual([]);
    expect((await api('POST', `/v1/appeals/${lodged.body.id}/decide`, { token: township, body: { outcome: 'reversed', reason: 'x' } })).status).toBe(403);
    // Nor can the same decision be appealed twice.
    const again = await api('POST', '/v1/appeals', { token: self, body: { caseId: id, decision, grounds: '再次申请' } });
    expect(again.status).toBe(409);

    const county = await sign({ role: 'supervisor', jurisdiction: '511321' });
    expect((await api('POST', `/v1/appeals/${lodged.body.id}/decide`, { token: county, body: { outcome: 'reversed' } })).status).toBe(400);
    const reversed = await api('POST', `/v1/appeals/${lodged.body.id}/decide`, { token: county, body: { outcome: 'reversed', reason: '户籍信息核实无误，应予办理' } });
    expect(reversed.status).toBe(200);
    expect(reversed.body).toMatchObject({ state: 'reversed', outcome: { decision: 'reversed', reason: '户籍信息核实无误，应予办理' } });

    const back = await api('GET', `/v1/origin-certificates/${id}`, { token: township });
    expect(back.body).toMatchObject({ state: 'applied', deadline: { kind: 'originCertificateProcessing' } });
    expect(back.body).not.toHaveProperty('rejection');
    const history = (await api('GET', `/v1/origin-certificates/${id}/history`, { token: township })).body.items as Json[];
    expect(history.at(-1)).toMatchObject({ action: 'reinstate', from: 'rejected', to: 'applied', note: expect.stringContaining(lodged.body.id) });
    expect((await api('POST', `/v1/origin-certificates/${id}/issue`, { token: township })).body.state).toBe('issued');

    await local.stack.drained();
    const inbox = (await api('GET', '/v1/jurisdictions/511321100/notices?limit=100', { token: township })).body.items as Json[];
    expect(inbox.filter((n) => n.caseId === lodged.body.id).map((n) => n.type).sort()).toEqual(['appeal.decided', 'appeal.lodged']);
  });

  it('reverses a refused registration: the case is back with the office to be checked', async () => {
    const self = await sign({ role: 'person', sub: 'zhou-xun', idNumber: '110105198001010024' });
    const office = await sign({ role: 'caseworker', jurisdiction: '110108001' });
    const reported = await api('POST', '/v1/registrations', {
      token: self,
      body: { person: { name: '周迅', idNumber: '110105198001010024', phone: '13300133000' }, originCode: '511321100', destinationCode: '110108001', arrivalDate: '2026-11-20', expectedStayDays: 45 },
    });
    expect((await api('POST', `/v1/registrations/${reported.body.id}/refuse`, { token: office, body: {} })).status).toBe(400);
    const refused = await api('POST', `/v1/registrations/${reported.body.id}/refuse`, { token: office, body: { reason: '居住证明材料不实' } });
    expect(refused.body.state).toBe('closed');
    const history = (await api('GET', `/v1/registrations/${reported.body.id}/history`, { token: self })).body.items as Json[];
    const decision = history.find((h) => h.action === 'refuse')!;
    const lodged = await api('POST', '/v1/appeals', { token: self, body: { caseId: reported.body.id, decision: { action: 'refuse', at: decision.at }, grounds: '材料真实，可提供租房合同原件' } });
    expect(lodged.body).toMatchObject({ originCode: '110108001', destinationCode: '110108' });
    const county = await sign({ role: 'supervisor', jurisdiction: '110108' });
    await api('POST', `/v1/appeals/${lodged.body.id}/decide`, { token: county, body: { outcome: 'reversed', reason: '材料经核实真实' } });
    const back = await api('GET', `/v1/registrations/${reported.body.id}`, { token: office });
    expect(back.body).toMatchObject({ state: 'reported', deadline: { kind: 'verification' } });
    expect(back.body.availableActions).toContain('verify');
  });

  it('upholds a decision, and refuses what cannot be appealed', async () => {
    const { self, id, decision } = await rejectedApplication('qian-li', '511321199001010025');
    const other = await sign({ role: 'person', sub: 'someone-else', idNumber: '11010519491231002X' });
    expect((await api('POST', '/v1/appeals', { token: other, body: { caseId: id, decision, grounds: 'g' } })).status).toBe(404);
    const office = await sign({ role: 'caseworker', jurisdiction: '511321100' });
    expect((await api('POST', '/v1/appeals', { token: office, body: { caseId: id, decision, grounds: 'g' } })).status).toBe(403);
    const applyEntry = { action: 'apply', at: (await api('GET', `/v1/origin-certificates/${id}/history`, { token: self })).body.items[0].at };
    const notAppealable = await api('POST', '/v1/appeals', { token: self, body: { caseId: id, decision: applyEntry, grounds: 'g' } });
    expect(notAppealable.status).toBe(422);
    const unknown = await api('POST', '/v1/appeals', { token: self, body: { caseId: id, decision: { ...decision, at: '2020-01-01T00:00:00.000Z' }, grounds: 'g' } });
    expect(unknown.body.errors).toEqual([{ field: 'decision', reason: "names no decision in this case's history" }]);

    const lodged = await api('POST', '/v1/appeals', { token: self, body: { caseId: id, decision, grounds: '请求复核' } });
    const county = await sign({ role: 'supervisor', jurisdiction: '511321' });
    const upheld = await api('POST', `/v1/appeals/${lodged.body.id}/decide`, { token: county, body: { outcome: 'upheld', reason: '原决定正确' } });
    expect(upheld.body.state).toBe('upheld');
    expect((await api('GET', `/v1/origin-certificates/${id}`, { token: self })).body.state).toBe('rejected');
    expect(local.errors).toEqual([]);
  });
});
