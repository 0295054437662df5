// The seed's main path end to end on the local stack, over HTTP: an origin certificate applied
// for and issued in 511321100, an arrival registered in 110105001 naming it, a supplement
// requested and made, the case verified, the public certificate check, a departure to the
// next destination, and every notice in the origin's inbox, in order. Also: lists, history,
// agencies' decisions, reference data and policy through the API, and refusals that write nothing.
import { ORIGIN_VERIFY_HEADER, VIEWER_ADDRESS_HEADER } from '../../wiring/console.ts';
import { describe, expect, it } from 'vitest';
import { type Json, today, useLocalStack } from '../support/local-api.ts';

const local = useLocalStack();
const api = local.call.bind(local);
const zhang = { name: '张三', idNumber: '11010519491231002X', phone: '13800138000' };
const li = { name: '李四', idNumber: '511321199001010025', phone: '13900139000' };
const sign = (claims: { role: 'caseworker' | 'supervisor' | 'person' | 'admin'; jurisdiction?: string; sub?: string; idNumber?: string }) => local.stack.issuer.sign(claims);

describe('the main path', () => {
  const state: Json = {};

  it('applies for an origin certificate and issues it at the origin', async () => {
    const self = await sign({ role: 'person', sub: 'zhang-san', idNumber: zhang.idNumber });
    const applied = await api('POST', '/v1/origin-certificates', {
      token: self,
      body: { person: zhang, originCode: '511321100', intendedDestinationCode: '110105001', plannedDeparture: today() },
    });
    expect(applied.status).toBe(201);
    expect(applied.headers.get('location')).toBe(`/v1/origin-certificates/${applied.body.id}`);
    expect(applied.body).toMatchObject({ type: 'origin_certificate', state: 'applied', deadline: { kind: 'originCertificateProcessing', period: { count: 5 } } });

    // The person may not issue their own certificate; another township's office may not see it.
    expect((await api('POST', `/v1/origin-certificates/${applied.body.id}/issue`, { token: self })).status).toBe(403);
    const stranger = await sign({ role: 'caseworker', jurisdiction: '511321101' });
    expect((await api('POST', `/v1/origin-certificates/${applied.body.id}/issue`, { token: stranger })).status).toBe(404);

    const origin = await sign({ role: 'caseworker', jurisdiction: '511321100' });
    const issued = await api('POST', `/v1/origin-certificates/${applied.body.id}/issue`, { token: origin });
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ state: 'issued', deadline: null, certificate: { validFrom: today() } });
    expect(issued.body.certificate.number).toMatch(/^OC-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    state.originCertificate = issued.body;
    // The person sees it among their own cases.
    const mine = await api('GET', '/v1/me/cases', { token: self });
    expect(mine.body.items.map((c: Json) => c.id)).toContain(applied.body.id);
  });

  it('refuses a registration naming a certificate that is unknown or someone else’s, and writes nothing', async () => {
    const destination = await sign({ role: 'caseworker', jurisdiction: '110105001' });
    const base = { originCode: '511321100', destinationCode: '110105001', arrivalDate: today(), expectedStayDays: 180 };
    const other = await api('POST', '/v1/registrations', {
      token: destination,
      body: { ...base, person: li, originCertificateNumber: state.originCertificate.certificate.number },
    });
    expect(other.status).toBe(422);
    expect(other.body.errors).toEqual([{ field: 'originCertificateNumber', reason: 'names an origin certificate issued to another ID number' }]);
    const typo = await api('POST', '/v1/registrations', { token: destination, body: { ...base, person: li, originCertificateNumber: 'OC-0000-0000-0001' } });
    expect(typo.status).toBe(400);
    expect(typo.body.errors[0].field).toBe('originCertificateNumber');
    // Nothing was opened for 李四: the same arrival can still be reported.
    expect((await api('POST', '/v1/registrations', { token: destination, body: { ...base, person: li } })).status).toBe(201);
  });

  it('registers the arrival naming the certificate, through supplement and verification', async () => {
    const destination = await sign({ role: 'caseworker', jurisdiction: '110105001' });
    const reported = await api('POST', '/v1/registrations', {
      token: destination,
      body: {
        person: zhang,
        originCode: '511321100',
        destinationCode: '110105001',
        arrivalDate: today(),
        expectedStayDays: 365,
        originCertificateNumber: state.originCertificate.certificate.number.toLowerCase(),
      },
    });
    expect(reported.status).toBe(201);
    expect(reported.body).toMatchObject({ state: 'reported', originCertificateNumber: state.originCertificate.certificate.number });
    const id = reported.body.id as string;
    state.registration = reported.body;
    // Answers carry the documented fields only, never the store's index attributes.
    expect(Object.keys(reported.body).slice(0, 3)).toEqual(['id', 'type', 'state']);
    for (const internal of ['pk', 'office', 'activity', 'scope9', 'owner', 'gsi1pk']) expect(reported.body).not.toHaveProperty(internal);

    // Reading it shows what this caller may do next: the console's buttons.
    const read = await api('GET', `/v1/registrations/${id}`, { token: destination });
    expect(read.body.availableActions).toEqual(['verify', 'request-supplement', 'refuse', 'update-details', 'depart']);
    const mine = await api('GET', `/v1/registrations/${id}`, { token: await sign({ role: 'supervisor', jurisdiction: '110105' }) });
    expect(mine.body.availableActions).toEqual([]);

    const missingItems = await api('POST', `/v1/registrations/${id}/request-supplement`, { token: destination, body: { reason: '缺少住所证明' } });
    expect(missingItems.status).toBe(400);
    expect(missingItems.body.errors[0].field).toBe('items');

    const requested = await api('POST', `/v1/registrations/${id}/request-supplement`, {
      token: destination,
      body: { items: ['租房合同'], reason: '缺少住所证明' },
    });
    expect(requested.status).toBe(200);
    expect(requested.body).toMatchObject({ state: 'awaiting_supplement', deadline: { kind: 'supplement' }, version: 2 });

    const supplemented = await api('POST', `/v1/registrations/${id}/supplement`, { token: destination, body: { note: '已补交租房合同' } });
    expect(supplemented.status).toBe(200);
    expect(supplemented.body).toMatchObject({ state: 'reported', deadline: { kind: 'verification', period: { unit: 'working_days' } } });

    const verified = await api('POST', `/v1/registrations/${id}/verify`, { token: destination });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ state: 'registered', deadline: null, verificationCertificate: { validFrom: today() } });
    state.verificationCertificate = verified.body.verificationCertificate;

    // Verifying twice is refused by the table, naming the state.
    const again = await api('POST', `/v1/registrations/${id}/verify`, { token: destination });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ state: 'registered' });
  });

  it('answers the public certificate check with validity only', async () => {
    const number = state.verificationCertificate.number as string;
    const plain = await api('GET', `/v1/certificates/${number}`);
    expect(plain.status).toBe(200);
    expect(plain.body).toEqual({
      kind: 'verification',
      status: 'valid',
      validFrom: state.verificationCertificate.validFrom,
      validUntil: state.verificationCertificate.validUntil,
    });
    const right = await api('GET', `/v1/certificates/${number.replace(/-/g, '').toLowerCase()}?idNumber=${zhang.idNumber}`);
    expect(right.body).toEqual({ ...plain.body, holderMatches: true });
    const wrong = await api('GET', `/v1/certificates/${number}?idNumber=${li.idNumber}`);
    expect(wrong.body).toEqual({ ...plain.body, holderMatches: false });
    expect((await api('GET', '/v1/certificates/VC-0000-0000-0000')).status).toBe(404);
    expect((await api('GET', '/v1/certificates/12345')).status).toBe(400);
    expect((await api('GET', `/v1/certificates/${number}?idNumber=123`)).status).toBe(400);
  });

  it('records an agency decision, which the destination sees on the case', async () => {
    const agency = await sign({ role: 'caseworker', jurisdiction: '110105' });
    const recorded = await api('POST', `/v1/certificates/${state.verificationCertificate.number}/decisions`, {
      token: agency,
      body: { agency: '朝阳分局出入境管理支队', decision: '居住证已签发', reference: '朝公居〔2026〕118号' },
    });
    expect(recorded.status).toBe(201);
    const destination = await sign({ role: 'caseworker', jurisdiction: '110105001' });
    const read = await api('GET', `/v1/registrations/${state.registration.id}`, { token: destination });
    expect(read.body.agencyDecisions).toEqual([expect.objectContaining({ agency: '朝阳分局出入境管理支队', decision: '居住证已签发' })]);
    const person = await sign({ role: 'person', sub: 'nobody', idNumber: '511321199001010025' });
    const decision = { agency: 'x', decision: 'y', reference: 'z' };
    expect((await api('POST', `/v1/certificates/${state.verificationCertificate.number}/decisions`, { token: person, body: decision })).status).toBe(403);
  });

  it('departs towards a next destination, which gets a linked case', async () => {
    const destination = await sign({ role: 'caseworker', jurisdiction: '110105001' });
    const departed = await api('POST', `/v1/registrations/${state.registration.id}/depart`, {
      token: destination,
      body: { departureDate: today(), nextDestinationCode: '510104001' },
    });
    expect(departed.status).toBe(200);
    expect(departed.body).toMatchObject({ state: 'departed', departure: { date: today(), nextDestinationCode: '510104001' } });
    const next = await api('GET', `/v1/registrations/${departed.body.nextCaseId}`, { token: await sign({ role: 'caseworker', jurisdiction: '510104001' }) });
    expect(next.body).toMatchObject({ state: 'reported', destinationCode: '510104001', previousCaseId: state.registration.id, arrivalDate: today() });
    state.nextCaseId = departed.body.nextCaseId;
  });

  it('supersedes the old certificate when the next destination verifies the person', async () => {
    const next = await sign({ role: 'caseworker', jurisdiction: '510104001' });
    const verified = await api('POST', `/v1/registrations/${state.nextCaseId}/verify`, { token: next, body: {} });
    expect(verified.status).toBe(200);
    const old = await api('GET', `/v1/certificates/${state.verificationCertificate.number}`);
    expect(old.body).toMatchObject({ status: 'superseded', validUntil: today() });
    expect((await api('GET', `/v1/certificates/${verified.body.verificationCertificate.number}`)).body.status).toBe('valid');
  });

  it('keeps the full history with who, when, from and to, and why', async () => {
    const destination = await sign({ role: 'caseworker', jurisdiction: '110105001' });
    const history = await api('GET', `/v1/registrations/${state.registration.id}/history`, { token: destination });
    expect(history.body.items.map((h: Json) => [h.action, h.from, h.to])).toEqual([
      ['report', null, 'reported'],
      ['request_supplement', 'reported', 'awaiting_supplement'],
      ['supplement', 'awaiting_supplement', 'reported'],
      ['verify', 'reported', 'registered'],
      ['depart', 'registered', 'departed'],
      ['supersede', 'departed', 'departed'],
    ]);
    expect(history.body.items[1]).toMatchObject({ reason: '缺少住所证明', by: { role: 'caseworker', office: '110105001' } });
    const certificateHistory = await api('GET', `/v1/origin-certificates/${state.originCertificate.id}/history`, {
      token: await sign({ role: 'caseworker', jurisdiction: '511321100' }),
    });
    expect(certificateHistory.body.items.map((h: Json) => h.action)).toEqual(['apply', 'issue', 'use']);
  });

  it('files every notice in the origin inbox, in order', async () => {
    await local.stack.drained();
    const origin = await sign({ role: 'caseworker', jurisdiction: '511321100' });
    const inbox = await api('GET', '/v1/jurisdictions/511321100/notices?limit=100', { token: origin });
    const ours = (inbox.body.items as Json[])
      .filter((n) => [state.originCertificate.id, state.registration.id, state.nextCaseId].includes(n.caseId))
      .reverse();
    // Oldest first; events written in one transaction share their instant, so their order is not defined.
    const byInstant = [...new Set(ours.map((n) => n.time))].map((time) =>
      ours
        .filter((n) => n.time === time)
        .map((n) => n.type)
        .sort(),
    );
    expect(byInstant).toEqual([
      ['origin_certificate.applied'],
      ['origin_certificate.used', 'registration.reported'],
      ['registration.verified'],
      ['registration.departed', 'registration.transferred'],
      // The next destination verified the person, which the origin hears of too.
      ['registration.verified'],
    ]);
    expect(local.errors).toEqual([]);
  });
});

describe('deadlines and the remaining actions', () => {
  it('turns an unprocessed origin certificate overdue and escalates it to the origin county, which decides it', async () => {
    const origin = await sign({ role: 'caseworker', jurisdiction: '511321101' });
    const applied = await api('POST', '/v1/origin-certificates', { token: origin, body: { person: li, originCode: '511321101' } });
    expect(applied.status).toBe(201);
    const result = await local.sweep(applied.body.deadline.dueAt);
    expect(result.enqueued).toBeGreaterThanOrEqual(1);
    const county = await sign({ role: 'supervisor', jurisdiction: '511321' });
    const read = await api('GET', `/v1/origin-certificates/${applied.body.id}`, { token: county });
    // The missed deadline stays on the case: its escalations run from it.
    expect(read.body).toMatchObject({ state: 'overdue', deadline: { kind: 'originCertificateProcessing', dueAt: applied.body.deadline.dueAt } });
    const inbox = await api('GET', '/v1/jurisdictions/511321/notices', { token: county });
    expect(inbox.body.items.find((n: Json) => n.caseId === applied.body.id)).toMatchObject({ type: 'origin_certificate.overdue', jurisdiction: '511321' });
    const rejected = await api('POST', `/v1/origin-certificates/${applied.body.id}/reject`, { token: county, body: { reason: '户籍信息不符' } });
    expect(rejected.body).toMatchObject({ state: 'rejected', rejection: { reason: '户籍信息不符' } });
    const noReason = await api('POST', `/v1/origin-certificates/${applied.body.id}/revoke`, { token: county, body: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([{ field: 'reason', reason: 'is required' }]);
  });

  it('renews and revokes a verification certificate; the public check then says revoked', async () => {
    const destination = await sign({ role: 'caseworker', jurisdiction: '110105002' });
    const reported = await api('POST', '/v1/registrations', {
      token: destination,
      body: { person: zhang, originCode: '511321100', destinationCode: '110105002', arrivalDate: today(), expectedStayDays: 400 },
    });
    const id = reported.body.id as string;
    const verified = await api('POST', `/v1/registrations/${id}/verify`, { token: destination });
    const renewed = await api('POST', `/v1/registrations/${id}/renew`, { token: destination });
    expect(renewed.status).toBe(200);
    expect(renewed.body.verificationCertificate.number).toBe(verified.body.verificationCertificate.number);
    expect(renewed.body.verificationCertificate.validUntil > verified.body.verificationCertificate.validUntil).toBe(true);
    const revoked = await api('POST', `/v1/registrations/${id}/revoke`, { token: destination, body: { reason: '提供虚假材料' } });
    expect(revoked.body).toMatchObject({ state: 'closed', verificationCertificate: { revoked: { reason: '提供虚假材料' } } });
    expect((await api('GET', `/v1/certificates/${verified.body.verificationCertificate.number}`)).body.status).toBe('revoked');
  });
});

describe('lists', () => {
  it('lists a county’s cases from its townships, filtered, newest activity first, paged', async () => {
    const county = await sign({ role: 'supervisor', jurisdiction: '110105' });
    const all = await api('GET', '/v1/cases?jurisdiction=110105&limit=2', { token: county });
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(2);
    expect(all.body.cursor).toEqual(expect.any(String));
    const activity = all.body.items.map((c: Json) => c.updatedAt);
    expect([...activity].sort().reverse()).toEqual(activity);
    const next = await api('GET', `/v1/cases?jurisdiction=110105&limit=2&cursor=${all.body.cursor}`, { token: county });
    expect(next.body.items.map((c: Json) => c.id)).not.toContain(all.body.items[0].id);

    const departed = await api('GET', '/v1/cases?jurisdiction=110105&state=departed', { token: county });
    expect(departed.body.items.every((c: Json) => c.state === 'departed')).toBe(true);
    expect(departed.body.items.length).toBeGreaterThan(0);
    const certificates = await api('GET', '/v1/cases?jurisdiction=5113&type=origin_certificate', {
      token: await sign({ role: 'supervisor', jurisdiction: '5113' }),
    });
    expect(certificates.body.items.length).toBeGreaterThan(0);
    expect(certificates.body.items.every((c: Json) => c.type === 'origin_certificate')).toBe(true);
  });

  it('refuses lists outside the caller’s jurisdiction, bad filters and foreign cursors', async () => {
    const township = await sign({ role: 'caseworker', jurisdiction: '110105001' });
    expect((await api('GET', '/v1/cases?jurisdiction=110105', { token: township })).status).toBe(403);
    const bad = await api('GET', '/v1/cases?jurisdiction=110105001&state=lost&overdue=maybe', { token: township });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Json) => e.field).sort()).toEqual(['query.overdue', 'query.state']);
    const first = await api('GET', '/v1/cases?jurisdiction=110105001&limit=1', { token: township });
    const foreign = await api('GET', `/v1/cases?jurisdiction=110105002&limit=1&cursor=${first.body.cursor}`, {
      token: await sign({ role: 'caseworker', jurisdiction: '110105002' }),
    });
    expect(foreign.status).toBe(400);
    expect((await api('GET', '/v1/me/cases', { token: township })).status).toBe(403);
  });
});

describe('reference data and policy', () => {
  it('adds a jurisdiction under an existing parent, as an administrator only', async () => {
    const admin = await sign({ role: 'admin' });
    const added = await api('PUT', '/v1/jurisdictions/110108002', { token: admin, body: { name: '羊坊店街道' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ code: '110108002', level: 'township', parentCode: '110108', children: [] });
    const county = await api('GET', '/v1/jurisdictions/110108', { token: await sign({ role: 'person', sub: 'p', idNumber: '511321199001010025' }) });
    expect(county.body.children.map((c: Json) => c.code)).toEqual(['110108001', '110108002']);
    expect((await api('PUT', '/v1/jurisdictions/110108002', { token: admin, body: { name: '羊坊店' } })).status).toBe(200);
    const orphan = await api('PUT', '/v1/jurisdictions/110199001', { token: admin, body: { name: 'x' } });
    expect(orphan.status).toBe(422);
    const wrongLevel = await api('PUT', '/v1/jurisdictions/110108003', { token: admin, body: { name: 'x', level: 'county' } });
    expect(wrongLevel.status).toBe(400);
    const caseworker = await sign({ role: 'caseworker', jurisdiction: '110108' });
    expect((await api('PUT', '/v1/jurisdictions/110108003', { token: caseworker, body: { name: 'x' } })).status).toBe(403);
    expect((await api('GET', '/v1/jurisdictions/110108003', { token: caseworker })).status).toBe(404);
  });

  it('sets a policy override; new deadlines use it, running ones keep their period', async () => {
    const destination = await sign({ role: 'caseworker', jurisdiction: '110108001' });
    const body = (idNumber: string) => ({
      person: { ...zhang, idNumber },
      originCode: '511321100',
      destinationCode: '110108001',
      arrivalDate: today(),
      expectedStayDays: 60,
    });
    const before = await api('POST', '/v1/registrations', { token: destination, body: body('110105198001010016') });
    expect(before.body.deadline.period).toEqual({ count: 10, unit: 'calendar_days' });

    const admin = await sign({ role: 'admin', jurisdiction: '11' });
    const unknown = await api('PUT', '/v1/policies/110108', { token: admin, body: { registrationDays: 3 } });
    expect(unknown.status).toBe(400);
    const impossible = await api('PUT', '/v1/policies/110108', { token: admin, body: { registration: { count: 0, unit: 'weeks' } } });
    expect(impossible.body.errors.map((e: Json) => e.field).sort()).toEqual(['registration.count', 'registration.unit']);
    expect((await api('PUT', '/v1/policies/national', { token: admin, body: {} })).status).toBe(403);
    expect((await api('PUT', '/v1/policies/51', { token: admin, body: {} })).status).toBe(403);

    const set = await api('PUT', '/v1/policies/110108', { token: admin, body: { registration: { count: 3, unit: 'calendar_days' }, minimumStayDays: null } });
    expect(set.status).toBe(201);
    expect((await api('GET', '/v1/policies/110108', { token: admin })).body.override).toEqual({
      registration: { count: 3, unit: 'calendar_days' },
      minimumStayDays: null,
    });
    const resolved = await api('GET', '/v1/jurisdictions/110108001/policy', { token: destination });
    expect(resolved.body.sources).toMatchObject({ registration: '110108', minimumStayDays: '110108', supplement: 'national' });
    expect(resolved.body.policy.registration).toEqual({ count: 3, unit: 'calendar_days' });

    // The API process caches policy for a minute; this test's handlers share the process, and
    // the PUT cleared that cache.
    const after = await api('POST', '/v1/registrations', { token: destination, body: { ...body('511321199001010025'), expectedStayDays: 5 } });
    expect(after.status).toBe(201);
    expect(after.body.deadline.period).toEqual({ count: 3, unit: 'calendar_days' });
    // A sweep past the new, shorter deadline but before the old one expires only the new case:
    // the running deadline kept the period it started with.
    const between = new Date(Date.parse(after.body.deadline.dueAt) + 1000).toISOString();
    expect(between < before.body.deadline.dueAt).toBe(true);
    await local.sweep(between);
    expect((await api('GET', `/v1/registrations/${before.body.id}`, { token: destination })).body).toMatchObject({
      state: 'reported',
      deadline: { ...before.body.deadline, stages: expect.any(Array) },
    });
    expect((await api('GET', `/v1/registrations/${after.body.id}`, { token: destination })).body.state).toBe('overdue');
  });
});

describe('refusals write nothing', () => {
  it('leaves the case and its history as they were after a 400, 403 or 409', async () => {
    const destination = await sign({ role: 'caseworker', jurisdiction: '110105002' });
    const reported = await api('POST', '/v1/registrations', {
      token: destination,
      body: { person: { ...li, name: '王五' }, originCode: '510104001', destinationCode: '110105002', arrivalDate: today(), expectedStayDays: 90 },
    });
    const id = reported.body.id as string;
    const snapshot = async () => [
      (await api('GET', `/v1/registrations/${id}`, { token: destination })).body,
      (await api('GET', `/v1/registrations/${id}/history`, { token: destination })).body,
    ];
    const before = await snapshot();
    expect((await api('POST', `/v1/registrations/${id}/revoke`, { token: destination, body: { reason: 'x' } })).status).toBe(409);
    expect((await api('POST', `/v1/registrations/${id}/request-supplement`, { token: destination, body: { items: ['x'] } })).status).toBe(400);
    expect((await api('POST', `/v1/registrations/${id}/verify`, { token: destination, body: { note: 'x', pregnant: true } })).status).toBe(422);
    expect((await api('POST', `/v1/registrations/${id}/depart`, { token: destination, body: { departureDate: '2099-01-01' } })).status).toBe(400);
    expect((await api('POST', `/v1/registrations/${id}/verify`, { token: await sign({ role: 'person', sub: 'someone', idNumber: zhang.idNumber }) })).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('rate-limits repeated certificate checks from one caller with 429 and Retry-After', async () => {
    // Counts are per minute: start well inside one, so the window does not reset mid-test.
    const second = new Date().getUTCSeconds();
    if (second > 45) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    let limited: Response | undefined;
    for (let i = 0; i < 100 && !limited; i++) {
      const response = await fetch(`${local.stack.apiUrl}/v1/certificates/VC-0000-0000-0000`);
      await response.arrayBuffer();
      if (response.status === 429) limited = response;
      else expect(response.status).toBe(404);
    }
    expect(limited?.status).toBe(429);
    // The function's per-caller limit, not the route's throttle (which answers API Gateway's plain message).
    expect(limited!.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    // Behind the console's distribution every caller arrives from an edge: the viewer's address
    // the edge sets is the caller, so another viewer is not limited by the first one's checks;
    // but only beside the distribution's secret, or anybody could claim any address.
    process.env.ORIGIN_VERIFY = 'the-distribution-secret';
    try {
      const check = (headers: Record<string, string>) => fetch(`${local.stack.apiUrl}/v1/certificates/VC-0000-0000-0000`, { headers }).then((r) => r.status);
      expect(await check({ [VIEWER_ADDRESS_HEADER]: '203.0.113.7', [ORIGIN_VERIFY_HEADER]: 'the-distribution-secret' })).toBe(404);
      expect(await check({ [VIEWER_ADDRESS_HEADER]: '203.0.113.8' })).toBe(429);
      expect(await check({ [VIEWER_ADDRESS_HEADER]: '203.0.113.9', [ORIGIN_VERIFY_HEADER]: 'a-guess' })).toBe(429);
    } finally {
      delete process.env.ORIGIN_VERIFY;
    }
  });
});
