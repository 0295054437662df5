// Retention end to end on the local stack: a case closed today keeps its personal data until
// retainUntil (policy retentionYears, 5 by default); the nightly job run as of a day after that
// minimises it: the person's fields go, the person finds it no longer, offices still count it.
// An open case, and one closed later, are left alone; a second run changes nothing.
import { describe, expect, it } from 'vitest';
import { addCalendarDays, addMonths, localDate } from '../../core/calendar.ts';
import { invoke } from '../../local/invoke.ts';
import { idNumberFor } from '../support/ids.ts';
import { FIXTURE_NOW, type Json, useLocalStack } from '../support/local-api.ts';

const local = useLocalStack();
const api = local.call.bind(local);
const idNumber = (i: number) => idNumberFor('11010519770303', i);
const today = localDate(new Date(FIXTURE_NOW));
/** The default retention: five years from the day the case closed. */
const retainUntil = addMonths(today, 60);

async function report(person: string, destinationCode: string) {
  const self = await local.stack.issuer.sign({ role: 'person', sub: `p${person.slice(-4)}`, idNumber: person });
  const r = await api('POST', '/v1/registrations', {
    token: self,
    body: { person: { name: '保存期', idNumber: person, phone: '13711112222' }, originCode: '511321100', destinationCode, arrivalDate: today, expectedStayDays: 60 },
  });
  expect(r.status).toBe(201);
  return { self, id: r.body.id as string };
}

describe('retention', () => {
  it('minimises a closed case once its retention has run out, and keeps it for statistics', async () => {
    const office = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '110105001' });
    const closed = await report(idNumber(1), '110105001');
    const refused = await api('POST', `/v1/registrations/${closed.id}/refuse`, { token: office, body: { reason: '材料不实' } });
    expect(refused.body).toMatchObject({ state: 'closed', retainUntil });
    const open = await report(idNumber(2), '110105001');
    expect((await api('GET', `/v1/registrations/${open.id}`, { token: office })).body).not.toHaveProperty('retainUntil');

    // The day the retention runs out it is still kept; the day after, it goes.
    expect(await invoke('minimiseCases', { asOf: `${retainUntil}T12:00:00+08:00` })).toEqual({ minimised: 0, skipped: 0 });
    const after = `${addCalendarDays(retainUntil, 1)}T03:30:00+08:00`;
    expect(await invoke('minimiseCases', { asOf: after })).toMatchObject({ minimised: 1 });

    const minimised = (await api('GET', `/v1/registrations/${closed.id}`, { token: office })).body;
    expect(minimised).toMatchObject({ state: 'closed', person: { name: '（已删除）', idNumber: '', phone: '' }, destinationCode: '110105001', arrivalDate: today, minimisedAt: expect.any(String) });
    expect(minimised).not.toHaveProperty('retainUntil');
    const history = (await api('GET', `/v1/registrations/${closed.id}/history`, { token: office })).body.items as Json[];
    expect(history.at(-1)).toMatchObject({ action: 'minimise', from: 'closed', to: 'closed', by: { role: 'system' } });
    // The person index forgot it: neither the person nor a lookup by the number finds it.
    expect(((await api('GET', '/v1/me/cases', { token: closed.self })).body.items as Json[]).map((c) => c.id)).not.toContain(closed.id);
    expect((await api('POST', '/v1/people/search', { token: office, body: { idNumber: idNumber(1), reason: '核对历史记录' } })).body.items).toEqual([]);
    // Offices still count it.
    expect(((await api('GET', '/v1/cases?jurisdiction=110105001&state=closed&limit=100', { token: office })).body.items as Json[]).map((c) => c.id)).toContain(closed.id);
    // The open case is untouched; a second run has nothing to do.
    expect((await api('GET', `/v1/registrations/${open.id}`, { token: office })).body.person.name).toBe('保存期');
    expect(await invoke('minimiseCases', { asOf: after })).toEqual({ minimised: 0, skipped: 0 });
  });
});
