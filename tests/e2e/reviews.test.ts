// Residence reviews end to end on the local stack: verification schedules one; the person
// confirms online, an office records a visit, each schedules the next and tells the origin;
// a missed review escalates; a departure ends the reviews.
import { describe, expect, it } from 'vitest';
import { type Json, today, useLocalStack } from '../support/local-api.ts';

const local = useLocalStack();
const api = local.call.bind(local);
const sign = (claims: { role: 'caseworker' | 'supervisor' | 'person'; jurisdiction?: string; sub?: string; idNumber?: string }) => local.stack.issuer.sign(claims);

async function registeredBySelf(sub: string, idNumber: string, destinationCode = '110105001') {
  const self = await sign({ role: 'person', sub, idNumber });
  const office = await sign({ role: 'caseworker', jurisdiction: destinationCode });
  const reported = await api('POST', '/v1/registrations', {
    token: self,
    body: { person: { name: '王芳', idNumber, phone: '13700137000' }, originCode: '511321100', destinationCode, arrivalDate: today(), expectedStayDays: 365 },
  });
  expect(reported.status).toBe(201);
  const verified = await api('POST', `/v1/registrations/${reported.body.id}/verify`, { token: office });
  expect(verified.body.reviewId).toEqual(expect.any(String));
  return { self, office, registration: verified.body };
}

describe('residence reviews', () => {
  it("opens a person's confirmation only shortly before the review is due; an office's visit completes it at any time", async () => {
    const { self, office, registration } = await registeredBySelf('sun-li', '110105198001010016', '110108001');
    const early = await api('POST', `/v1/reviews/${registration.reviewId}/confirm`, { token: self, body: { outcome: 'unchanged' } });
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('policy reviewWindowDays');
    // The office inspects the premises the day it verified: the visit completes the review.
    const visited = await api('POST', `/v1/reviews/${registration.reviewId}/record-visit`, { token: office, body: { outcome: 'unchanged', note: '清理清查入户核查' } });
    expect(visited.status).toBe(200);
    expect(visited.body).toMatchObject({ state: 'completed', result: { by: 'visit' } });
    const next = (await api('GET', `/v1/registrations/${registration.id}`, { token: office })).body.reviewId;
    expect((await api('GET', `/v1/reviews/${next}`, { token: office })).body).toMatchObject({ round: 2, state: 'due' });
  });

  // The rest confirms at once: the test jurisdiction opens its reviews for the whole interval.
  it('sets a wide review window for 110105 (an administrator)', async () => {
    const admin = await local.stack.issuer.sign({ role: 'admin' });
    expect((await api('PUT', '/v1/policies/110105', { token: admin, body: { reviewWindowDays: 366 } })).status).toBe(201);
  });

  it('confirms online, then by visit, each scheduling the next and notifying the origin', async () => {
    const { self, office, registration } = await registeredBySelf('wang-fang', '110105198001010024');
    const first = await api('GET', `/v1/reviews/${registration.reviewId}`, { token: self });
    expect(first.body).toMatchObject({ type: 'review', state: 'due', round: 1, registrationId: registration.id, deadline: { kind: 'review' } });
    expect(first.body.availableActions).toEqual(['confirm']);

    const incomplete = await api('POST', `/v1/reviews/${first.body.id}/confirm`, { token: self, body: { outcome: 'changed_employer' } });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.errors).toEqual([{ field: 'employer', reason: 'is required when the employer changed' }]);
    const declined = await api('POST', `/v1/reviews/${first.body.id}/confirm`, { token: self, body: { outcome: 'unchanged', pregnancyCheck: 'no' } });
    expect(declined.status).toBe(422);

    const confirmed = await api('POST', `/v1/reviews/${first.body.id}/confirm`, { token: self, body: { outcome: 'changed_employer', employer: '北京某某科技有限公司' } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ state: 'completed', result: { outcome: 'changed_employer', by: 'person' } });

    const afterFirst = await api('GET', `/v1/registrations/${registration.id}`, { token: office });
    expect(afterFirst.body.reviewId).not.toBe(first.body.id);
    const second = await api('GET', `/v1/reviews/${afterFirst.body.reviewId}`, { token: office });
    expect(second.body).toMatchObject({ state: 'due', round: 2 });
    expect(second.body.availableActions).toEqual(['record-visit']);

    const visited = await api('POST', `/v1/reviews/${second.body.id}/record-visit`, { token: office, body: { outcome: 'unchanged', note: '入户核查，仍在原址居住' } });
    expect(visited.body).toMatchObject({ state: 'completed', result: { by: 'visit' } });
    const third = (await api('GET', `/v1/registrations/${registration.id}`, { token: office })).body.reviewId;
    expect((await api('GET', `/v1/reviews/${third}`, { token: office })).body.round).toBe(3);

    // The person sees their reviews among their cases; the origin has both results.
    const mine = await api('GET', '/v1/me/cases?type=review', { token: self });
    expect(mine.body.items.map((c: Json) => c.round).sort()).toEqual([1, 2, 3]);
    await local.stack.drained();
    const origin = await sign({ role: 'caseworker', jurisdiction: '511321100' });
    const inbox = await api('GET', '/v1/jurisdictions/511321100/notices?limit=100', { token: origin });
    const results = (inbox.body.items as Json[]).filter((n) => n.type === 'review.completed' && n.data.registrationId === registration.id);
    expect(results.map((n) => n.data.result.by).sort()).toEqual(['person', 'visit']);
  });

  it('escalates a missed review, and ends the reviews when the person departs', async () => {
    const { self, office, registration } = await registeredBySelf('li-lei', '511321199001010025', '110105002');
    const review = (await api('GET', `/v1/reviews/${registration.reviewId}`, { token: office })).body;
    await local.sweep(review.deadline.dueAt);
    expect((await api('GET', `/v1/reviews/${review.id}`, { token: office })).body.state).toBe('overdue');
    const county = await sign({ role: 'supervisor', jurisdiction: '110105' });
    const inbox = await api('GET', '/v1/jurisdictions/110105/notices?limit=100', { token: county });
    expect((inbox.body.items as Json[]).some((n) => n.type === 'review.overdue' && n.caseId === review.id)).toBe(true);

    const departed = await api('POST', `/v1/registrations/${registration.id}/depart`, { token: self, body: { departureDate: today() } });
    expect(departed.status).toBe(200);
    expect((await api('GET', `/v1/reviews/${review.id}`, { token: office })).body.state).toBe('cancelled');
    // A cancelled review takes no confirmation.
    const late = await api('POST', `/v1/reviews/${review.id}/confirm`, { token: self, body: { outcome: 'unchanged' } });
    expect(late.status).toBe(409);
    expect(local.errors).toEqual([]);
  });
});
