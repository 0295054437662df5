// An organised group end to end: filed with three members, each with a registration; two
// verified and one removed with a reason, and the group is complete.
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../core/id-number.ts';
import { type Json, today, useLocalStack } from '../support/local-api.ts';

const local = useLocalStack();
const api = local.call.bind(local);
const sign = (claims: { role: 'caseworker' | 'supervisor' | 'person'; jurisdiction?: string; sub?: string }) => local.stack.issuer.sign(claims);
const idNumber = (i: number) => {
  const first17 = `51132119950101${String(i).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};
const member = (i: number, name: string) => ({ person: { name, idNumber: idNumber(i), phone: '13400134000' }, expectedStayDays: 300 });
const filing = (members: unknown[]) => ({
  responsiblePerson: { name: '刘强', idNumber: '110105198001010016', phone: '13500135000' },
  organisation: { name: '南部县劳务输出有限公司', creditCode: '91511321MA62K0XX1B' },
  agreementReference: '南劳协〔2026〕12号',
  originCode: '511321100',
  destinationCode: '110105001',
  arrivalDate: today(),
  members,
});

describe('organised groups', () => {
  it('files a group of three, registers two, removes one, and completes', async () => {
    const office = await sign({ role: 'caseworker', jurisdiction: '110105001' });
    const filed = await api('POST', '/v1/groups', { token: office, body: filing([member(1, '甲'), member(2, '乙'), member(3, '丙')]) });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ type: 'group', state: 'filed', deadline: { kind: 'groupFiling' } });
    const [a, b, c] = (filed.body.members as Json[]).map((m) => m.registrationId as string);
    const first = await api('GET', `/v1/registrations/${a}`, { token: office });
    expect(first.body).toMatchObject({ state: 'reported', groupId: filed.body.id, person: { name: '甲' } });

    expect((await api('POST', `/v1/registrations/${a}/verify`, { token: office })).status).toBe(200);
    expect((await api('POST', `/v1/registrations/${b}/verify`, { token: office })).status).toBe(200);
    expect((await api('GET', `/v1/groups/${filed.body.id}`, { token: office })).body.state).toBe('filed');
    expect((await api('POST', `/v1/groups/${filed.body.id}/remove-member`, { token: office, body: { registrationId: c } })).status).toBe(400);
    const removed = await api('POST', `/v1/groups/${filed.body.id}/remove-member`, { token: office, body: { registrationId: c, reason: '未随团到达' } });
    expect(removed.body).toMatchObject({ state: 'complete', deadline: null });
    expect((removed.body.members as Json[]).map((m) => m.status)).toEqual(['registered', 'registered', 'removed']);
    // The member who never came owes nothing: their arrival is withdrawn and will not go overdue.
    const withdrawn = await api('GET', `/v1/registrations/${c}`, { token: office });
    expect(withdrawn.body).toMatchObject({ state: 'closed', deadline: null });

    const county = await sign({ role: 'supervisor', jurisdiction: '110105' });
    const groups = await api('GET', '/v1/cases?jurisdiction=110105&type=group', { token: county });
    expect(groups.body.items.map((g: Json) => g.id)).toContain(filed.body.id);
    await local.stack.drained();
    const origin = await sign({ role: 'caseworker', jurisdiction: '511321100' });
    const inbox = (await api('GET', '/v1/jurisdictions/511321100/notices?limit=100', { token: origin })).body.items as Json[];
    expect(inbox.find((n) => n.caseId === filed.body.id)).toMatchObject({ type: 'group.filed', data: { members: { total: 3 } } });
    expect(local.errors).toEqual([]);
  });

  it('refuses too many members at once, a member listed twice, and writes nothing then', async () => {
    const office = await sign({ role: 'caseworker', jurisdiction: '110105002' });
    const many = await api('POST', '/v1/groups', { token: office, body: { ...filing(Array.from({ length: 21 }, (_, i) => member(100 + i, `员${i}`))), destinationCode: '110105002' } });
    expect(many.status).toBe(400);
    expect(many.body.errors[0]).toMatchObject({ field: 'members', reason: expect.stringContaining('add-members') });
    const twice = await api('POST', '/v1/groups', { token: office, body: { ...filing([member(200, '丁'), member(200, '丁')]), destinationCode: '110105002' } });
    expect(twice.body.errors).toEqual([{ field: 'members.1.person.idNumber', reason: 'is listed twice' }]);
    const listed = await api('GET', '/v1/cases?jurisdiction=110105002', { token: office });
    expect(listed.body.items).toEqual([]);
    // Then more members are added to a group in batches.
    const filed = await api('POST', '/v1/groups', { token: office, body: { ...filing([member(300, '戊')]), destinationCode: '110105002' } });
    const later = { ...member(302, '庚'), arrivalDate: '2026-11-01', originCode: '510104001' };
    const added = await api('POST', `/v1/groups/${filed.body.id}/add-members`, { token: office, body: { members: [member(301, '己'), later] } });
    expect(added.body.members).toHaveLength(3);
    expect(added.body.deadline).toEqual(filed.body.deadline);
    const third = await api('GET', `/v1/registrations/${added.body.members[2].registrationId}`, { token: office });
    expect(third.body).toMatchObject({ arrivalDate: '2026-11-01', originCode: '510104001', groupId: filed.body.id });
  });
});
