// The authorisation matrix, generated from the wiring's routes: every route × every role ×
// {own, inside, parent, child, sibling, other province}, on the local stack. What each cell
// should answer is read off the authorisation table (core/authorisation.ts) with the resource's
// scope stated here; a route without a target here fails the test. An allowed call may still
// be refused for its state or its body (409, 422), never with 401, 403 or 404; a refused one
// answers 403, or 404 where it reads one resource, so a refusal does not confirm existence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RouteRule, type Scope, permits } from '../../core/authorisation.ts';
import { ROUTE_RULES } from '../../functions/api/registry.ts';
import { localDate } from '../../core/calendar.ts';
import type { Principal, Role } from '../../core/principal.ts';
import { type WebhookReceiver, startWebhookReceiver } from '../../local/webhook-receiver.ts';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../functions/shared/clients.ts';
import { invoke } from '../../local/invoke.ts';
import { physicalTableName } from '../../local/tables.ts';
import { routes } from '../../wiring/index.ts';
import { statutoryHolidays } from '../../core/statutory-holidays.ts';
import { idNumberFor } from '../support/ids.ts';
import { clockNow, FIXTURE_NOW, type Json, useLocalStack } from '../support/local-api.ts';
import { eventually } from '../support/wait.ts';

// This deployment serves Beijing and Sichuan, so a peer can serve Guangdong.
process.env.DEPLOYMENT_PREFIXES = '11,51';
// Every log line the functions write, at the most talkative level: the redaction check reads them.
const logLines: string[] = [];
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream);
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.includes('"level"')) {
      logLines.push(text);
      return true;
    }
    return write(chunk, ...(rest as []));
  }) as typeof stream.write;
}
// Each function logs the whole incoming event (bodies with real numbers): the redaction must mask them.
process.env.POWERTOOLS_LOGGER_LOG_EVENT = 'true';
const local = useLocalStack({ logLevel: 'DEBUG' });
/** Every answer that was not a success, as the client read it. */
const errorBodies: string[] = [];
/** Every successful answer but the reveal's, whose purpose is the full numbers. */
const answers: string[] = [];
const api = local.call.bind(local);
let receiver: WebhookReceiver;
afterAll(async () => receiver?.stop());

const idNumber = (i: number) => idNumberFor('11010519900101', i);
const OWN_ID = idNumber(101);
const STRANGER_ID = idNumber(202);
/** The person of the verified registration (one open registration per person and destination). */
const SECOND_ID = idNumber(102);
const OWN_PERSON = 'person-own';
const OWN_FILER = 'filer-own';
const OWN_AGENCY = 'police-own';
const today = localDate(new Date(FIXTURE_NOW));
const person = (id = OWN_ID) => ({ name: '王五', idNumber: id, phone: '13800138000' });

type Role6 = Exclude<Role, 'system'>;
const ROLES: Role6[] = ['caseworker', 'supervisor', 'person', 'admin', 'filer', 'agency'];
const RELATIONS = ['own', 'inside', 'parent', 'child', 'sibling', 'other province'] as const;
type Column = (typeof RELATIONS)[number];

/** A code standing in `relation` to `code`. */
function related(code: string, relation: Exclude<Column, 'own' | 'inside'>): string {
  const step = code.length === 9 || code.length === 12 ? 3 : 2;
  switch (relation) {
    case 'parent':
      return code.slice(0, code.length === 9 ? 6 : code.length - 2);
    case 'child':
      return code + (code.length >= 6 ? '001' : '01');
    case 'sibling': {
      const last = Number(code.slice(-step));
      return code.slice(0, -step) + String((last + 1) % 10 ** step).padStart(step, '0');
    }
    case 'other province':
      return (code.startsWith('44') ? '45' : '44') + code.slice(2);
  }
}

/** The caller in one cell: a principal (what the table is read with) and its token's claims. */
function caller(role: Role6, column: Column, target: Target): Principal {
  const code = column === 'own' || column === 'inside' ? target.code : related(target.code, column);
  const own = column === 'own';
  switch (role) {
    case 'person':
      return { sub: own ? (target.scope.idNumber ? OWN_PERSON : (target.scope.openedBy ?? OWN_PERSON)) : 'person-stranger', role, idNumber: own ? (target.scope.idNumber ?? OWN_ID) : STRANGER_ID };
    case 'filer':
      return { sub: own ? OWN_FILER : 'filer-other', role, jurisdiction: code, organisation: '某物业公司' };
    case 'agency':
      return { sub: `agency-${column}`, role, agency: own ? OWN_AGENCY : 'police-other', jurisdiction: code };
    case 'admin':
      // An administrator's own is the whole deployment: a national administrator.
      return own ? { sub: 'admin-national', role } : { sub: `admin-${code}`, role, jurisdiction: code };
    default:
      return { sub: `${role}-${code}`, role, jurisdiction: code };
  }
}

interface Target {
  /** The jurisdiction the relations are taken from. */
  code: string;
  /** The resource as the relations see it. */
  scope: Scope;
  path: string;
  body?: unknown;
  /** The case whose state decides a role allowed only in some states. */
  caseId?: string;
  /** A fresh resource for each allowed call of a route that removes it; returns the path. */
  fresh?: () => Promise<string>;
}

const fixtures: Record<string, Json> = {};
const tokens = new Map<string, string>();
async function token(p: Principal): Promise<string> {
  const key = JSON.stringify(p);
  if (!tokens.has(key)) {
    tokens.set(
      key,
      await local.stack.issuer.sign({
        role: p.role as Role6,
        sub: p.sub,
        ...(p.jurisdiction ? { jurisdiction: p.jurisdiction } : {}),
        ...(p.organisation ? { organisation: p.organisation } : {}),
        ...(p.agency ? { agency: p.agency } : {}),
        ...(p.idNumber ? { idNumber: p.idNumber } : {}),
      }),
    );
  }
  return tokens.get(key)!;
}
const as = (p: Principal) => token(p);
const office = (jurisdiction: string) => as({ sub: `caseworker-${jurisdiction}`, role: 'caseworker', jurisdiction });
const ownPerson = () => as({ sub: OWN_PERSON, role: 'person', idNumber: OWN_ID });
const ownFiler = () => as({ sub: OWN_FILER, role: 'filer', jurisdiction: '110105001', organisation: '某物业公司' });
const ownAgency = () => as({ sub: 'agency-own', role: 'agency', agency: OWN_AGENCY, jurisdiction: '11' });
const national = () => as({ sub: 'admin-national', role: 'admin' });

async function ok(method: string, path: string, tokenValue: string, body?: unknown): Promise<Json> {
  const r = await api(method, path, { token: tokenValue, ...(body !== undefined ? { body } : {}) });
  expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
  return r.body;
}

async function rejected(idNumberOf: string, originCode: string): Promise<{ id: string; decision: { action: string; at: string } }> {
  const applied = await ok('POST', '/v1/origin-certificates', await ownPerson(), { person: person(idNumberOf), originCode });
  await ok('POST', `/v1/origin-certificates/${applied.id}/reject`, await office(originCode), { reason: '材料不全' });
  const history = (await ok('GET', `/v1/origin-certificates/${applied.id}/history`, await office(originCode))).items as Json[];
  const decision = history.find((h) => h.action === 'reject')!;
  return { id: applied.id, decision: { action: 'reject', at: decision.at } };
}

/** A group filed at 110105001: its responsible person is idNumber(base), its members the next ones. */
const groupFiling = (base: number, members: number) => ({
  responsiblePerson: person(idNumber(base)),
  organisation: { name: '某劳务公司' },
  agreementReference: `协议${base}号`,
  originCode: '511321100',
  destinationCode: '110105001',
  arrivalDate: today,
  members: Array.from({ length: members }, (_, i) => ({ person: person(idNumber(base + 1 + i)), expectedStayDays: 100 })),
});

const newSubscription = async () =>
  (await ok('POST', '/v1/subscriptions', await ownAgency(), { url: receiver.url, eventTypes: ['registration.*'], jurisdiction: '110105', purpose: 'statistics' })).id as string;

beforeAll(async () => {
  // Takes every delivery, so nothing is left retrying when the stack drains.
  receiver = await startWebhookReceiver({ secrets: [], respond: (_r, res) => void res.writeHead(204).end() });
  fixtures.subscription = { id: await newSubscription() };
  // A registration the person reported, and one an office verified (its review and certificate).
  fixtures.registration = await ok('POST', '/v1/registrations', await ownPerson(), {
    person: person(),
    originCode: '511321100',
    destinationCode: '110105001',
    arrivalDate: today,
    expectedStayDays: 90,
  });
  const second = await ok('POST', '/v1/registrations', await office('110105001'), {
    person: person(SECOND_ID),
    originCode: '511321100',
    destinationCode: '110105001',
    arrivalDate: localDate(new Date(clockNow().getTime() - 86_400_000)),
    expectedStayDays: 200,
  });
  fixtures.verified = await ok('POST', `/v1/registrations/${second.id}/verify`, await office('110105001'), {});
  fixtures.originCertificate = await ok('POST', '/v1/origin-certificates', await ownPerson(), { person: person(), originCode: '511321100' });
  const appealed = await rejected(OWN_ID, '511321100');
  fixtures.appeal = await ok('POST', '/v1/appeals', await ownPerson(), { caseId: appealed.id, decision: appealed.decision, grounds: '材料已补齐' });
  fixtures.toAppeal = await rejected(OWN_ID, '511321101');
  fixtures.assistance = await ok('POST', '/v1/assistance-requests', await office('511321100'), {
    toCode: '110105001',
    subject: { caseId: fixtures.registration.id },
    question: '此人是否在辖区居住？',
  });
  fixtures.group = await ok('POST', '/v1/groups', await ownFiler(), groupFiling(300, 2));
  fixtures.import = await ok('POST', '/v1/imports', await ownFiler(), { destinationCode: '110105001' });
  fixtures.peer = await ok('POST', '/v1/federation/peers', await national(), { name: 'guangdong', baseUrl: new URL(receiver.url).origin, prefixes: ['44'] });
  await local.stack.drained();
  fixtures.notice = ((await ok('GET', '/v1/jurisdictions/110105001/notices?limit=1', await office('110105001'))).items as Json[])[0]!;
  // The fixture's day is past 1 November and 2027's holiday notice is not loaded: the daily check files a notice.
  await invoke('checkCalendar', { asOf: FIXTURE_NOW });
  fixtures.adminNotice = ((await ok('GET', '/v1/admin/notices', await national())).items as Json[])[0]!;
  fixtures.delivery = await eventually(async () => ((await ok('GET', `/v1/subscriptions/${fixtures.subscription!.id}/deliveries`, await ownAgency())).items as Json[])[0]);
  // A published report of the county, for this month.
  fixtures.report = ((await invoke('publishReports', { jurisdiction: '110105', period: today.slice(0, 7) })) as Json).publications[0].report;
}, 120_000);

/** Every route's target: where it is called, with what, and the scope of what it touches. */
function targets(): Record<string, Target> {
  const reg = fixtures.registration!;
  const regScope: Scope = { codes: ['110105001'], idNumber: OWN_ID, openedBy: OWN_PERSON };
  const caseTargets: [string, string, Target][] = [
    ['registrations', reg.id, { code: '110105001', scope: regScope, path: '' }],
    ['origin-certificates', fixtures.originCertificate!.id, { code: '511321100', scope: { codes: ['511321100'], idNumber: OWN_ID, openedBy: OWN_PERSON }, path: '' }],
    ['reviews', fixtures.verified!.reviewId, { code: '110105001', scope: { codes: ['110105001'], idNumber: SECOND_ID, openedBy: 'liudong' }, path: '' }],
    ['assistance-requests', fixtures.assistance!.id, { code: '110105001', scope: { codes: ['110105001', '511321100'], openedBy: 'caseworker-511321100' }, path: '' }],
    ['appeals', fixtures.appeal!.id, { code: '511321', scope: { codes: ['511321', '511321100'], idNumber: OWN_ID, openedBy: OWN_PERSON }, path: '' }],
    ['groups', fixtures.group!.id, { code: '110105001', scope: { codes: ['110105001'], openedBy: OWN_FILER }, path: '' }],
  ];
  const bodies: Record<string, unknown> = {
    verify: {},
    'request-supplement': { items: ['租房合同'], reason: '缺少租房合同' },
    supplement: {},
    refuse: { reason: '材料不实' },
    'update-details': { expectedStayDays: 120 },
    renew: {},
    revoke: { reason: '已离开' },
    depart: { departureDate: today },
    issue: {},
    reject: { reason: '材料不全' },
    confirm: { outcome: 'unchanged' },
    'record-visit': { outcome: 'unchanged' },
    answer: { answer: '在辖区居住' },
    decline: { reason: '不在辖区' },
    decide: { outcome: 'upheld', reason: '原决定正确' },
    'add-members': { members: [{ person: person(idNumber(310)), expectedStayDays: 100 }] },
    'remove-member': { registrationId: (fixtures.group!.members as Json[])[0]!.registrationId, reason: '未到岗' },
  };
  const out: Record<string, Target> = {};
  for (const [collection, id, t] of caseTargets) {
    out[`GET /v1/${collection}/{id}`] = { ...t, path: `/v1/${collection}/${id}` };
    out[`GET /v1/${collection}/{id}/history`] = { ...t, path: `/v1/${collection}/${id}/history` };
    for (const key of Object.keys(ROUTE_RULES).filter((k) => k.startsWith(`POST /v1/${collection}/{id}/`))) {
      const action = key.split('/').at(-1)!;
      out[key] = { ...t, path: `/v1/${collection}/${id}/${action}`, body: bodies[action], caseId: id };
    }
  }
  const sub = fixtures.subscription!.id;
  const subScope: Scope = { agency: OWN_AGENCY, codes: ['110105'] };
  const subTarget = (suffix: string, body?: unknown): Target => ({ code: '110105', scope: subScope, path: `/v1/subscriptions/${sub}${suffix}`, ...(body !== undefined ? { body } : {}) });
  return {
    ...out,
    'POST /v1/registrations': {
      code: '110105001',
      scope: { codes: ['110105001'], idNumber: OWN_ID },
      path: '/v1/registrations',
      body: { person: person(), originCode: '511321100', destinationCode: '110105001', arrivalDate: localDate(new Date(clockNow().getTime() - 2 * 86_400_000)), expectedStayDays: 30 },
    },
    'POST /v1/origin-certificates': { code: '511321100', scope: { codes: ['511321100'], idNumber: OWN_ID }, path: '/v1/origin-certificates', body: { person: person(), originCode: '511321100' } },
    'POST /v1/assistance-requests': {
      code: '110105001',
      scope: {},
      path: '/v1/assistance-requests',
      body: { toCode: '511321100', subject: { idNumber: OWN_ID }, question: '此人户籍是否在辖区？' },
    },
    'POST /v1/appeals': {
      code: '511321',
      scope: { codes: ['511321', '511321101'], idNumber: OWN_ID, openedBy: OWN_PERSON },
      path: '/v1/appeals',
      body: { caseId: fixtures.toAppeal!.id, decision: fixtures.toAppeal!.decision, grounds: '材料已补齐' },
    },
    'POST /v1/groups': {
      code: '110105001',
      scope: { codes: ['110105001'] },
      path: '/v1/groups',
      body: groupFiling(400, 1),
    },
    'POST /v1/imports': { code: '110105001', scope: { codes: ['110105001'] }, path: '/v1/imports', body: { destinationCode: '110105001' } },
    'GET /v1/imports/{id}': { code: '110105001', scope: { codes: ['110105001'], openedBy: OWN_FILER }, path: `/v1/imports/${fixtures.import!.id}` },
    'GET /v1/cases': { code: '110105001', scope: { codes: ['110105001'] }, path: '/v1/cases?jurisdiction=110105001' },
    'GET /v1/assistance-requests': { code: '110105001', scope: { codes: ['110105001'] }, path: '/v1/assistance-requests?jurisdiction=110105001' },
    'GET /v1/me/cases': { code: '110105001', scope: {}, path: '/v1/me/cases' },
    'GET /v1/me/access-log': { code: '110105001', scope: {}, path: '/v1/me/access-log' },
    'GET /v1/audit': { code: '110105001', scope: {}, path: `/v1/audit?sub=caseworker-110105001&from=${today}&to=${today}` },
    'POST /v1/people/search': { code: '110105001', scope: {}, path: '/v1/people/search', body: { idNumber: OWN_ID, reason: '核实身份信息' } },
    'POST /v1/cases/{id}/reveal': { code: '110105001', scope: regScope, path: `/v1/cases/${reg.id}/reveal`, body: { reason: '电话联系本人' } },
    'GET /v1/messages': { code: '110105001', scope: regScope, path: `/v1/messages?caseId=${reg.id}` },
    'GET /v1/certificates/{number}': { code: '110105001', scope: {}, path: `/v1/certificates/${fixtures.verified!.verificationCertificate.number}` },
    'POST /v1/certificates/{number}/decisions': {
      code: '110105001',
      scope: {},
      path: `/v1/certificates/${fixtures.verified!.verificationCertificate.number}/decisions`,
      body: { agency: '朝阳分局', decision: '已核发居住证', reference: '朝居〔2026〕1号' },
    },
    'GET /v1/jurisdictions': { code: '110105', scope: {}, path: '/v1/jurisdictions' },
    'GET /v1/jurisdictions/{code}': { code: '110105', scope: { codes: ['110105'] }, path: '/v1/jurisdictions/110105' },
    'PUT /v1/jurisdictions/{code}': { code: '110105', scope: { codes: ['110105'] }, path: '/v1/jurisdictions/110105', body: { name: '朝阳区' } },
    'GET /v1/jurisdictions/{code}/policy': { code: '110105', scope: { codes: ['110105'] }, path: '/v1/jurisdictions/110105/policy' },
    'GET /v1/policies/{prefix}': { code: '110105', scope: {}, path: '/v1/policies/national' },
    'GET /v1/calendars/{year}': { code: '1101', scope: {}, path: '/v1/calendars/2027' },
    'GET /v1/admin/notices': { code: '1101', scope: {}, path: '/v1/admin/notices' },
    'POST /v1/admin/notices/{eventId}/ack': { code: '1101', scope: {}, path: `/v1/admin/notices/${fixtures.adminNotice!.eventId}/ack` },
    'PUT /v1/calendars/{year}': {
      code: '1101',
      scope: {},
      path: '/v1/calendars/2030',
      body: { title: '国务院办公厅关于2030年部分节假日安排的通知（测试用）', documentNumber: '国办发明电〔2029〕99号', issued: '2029-11-01', holidays: statutoryHolidays(2030).holidays, workdays: [] },
    },
    'PUT /v1/policies/{prefix}': { code: '110105', scope: { codes: ['110105'] }, path: '/v1/policies/110105', body: {} },
    'GET /v1/jurisdictions/{code}/notices': { code: '110105001', scope: { codes: ['110105001'] }, path: '/v1/jurisdictions/110105001/notices' },
    'GET /v1/jurisdictions/{code}/notices/figures': {
      code: '110105001',
      scope: { codes: ['110105001'] },
      path: `/v1/jurisdictions/110105001/notices/figures?from=${today}&to=${today}`,
    },
    'POST /v1/jurisdictions/{code}/notices/{eventId}/ack': {
      code: '110105001',
      scope: { codes: ['110105001'] },
      path: `/v1/jurisdictions/110105001/notices/${fixtures.notice!.eventId}/ack`,
    },
    'POST /v1/subscriptions': {
      code: '110105',
      scope: {},
      path: '/v1/subscriptions',
      body: { url: receiver.url, eventTypes: ['registration.verified'], jurisdiction: '110105', purpose: 'statistics' },
    },
    'GET /v1/subscriptions': { code: '110105', scope: {}, path: '/v1/subscriptions' },
    'GET /v1/subscriptions/{id}': subTarget(''),
    'DELETE /v1/subscriptions/{id}': { ...subTarget(''), fresh: async () => `/v1/subscriptions/${await newSubscription()}` },
    'POST /v1/subscriptions/{id}/pause': subTarget('/pause'),
    'POST /v1/subscriptions/{id}/resume': subTarget('/resume'),
    'POST /v1/subscriptions/{id}/rotate-secret': subTarget('/rotate-secret'),
    'GET /v1/subscriptions/{id}/deliveries': subTarget('/deliveries'),
    'POST /v1/subscriptions/{id}/deliveries/replay': subTarget('/deliveries/replay', { from: new Date(clockNow().getTime() - 3_600_000).toISOString(), to: clockNow().toISOString() }),
    'POST /v1/subscriptions/{id}/deliveries/{deliveryId}/replay': subTarget(`/deliveries/${fixtures.delivery!.id}/replay`),
    'GET /v1/federation/peers': { code: '1101', scope: {}, path: '/v1/federation/peers' },
    'POST /v1/federation/peers': { code: '1101', scope: {}, path: '/v1/federation/peers', body: { name: 'guangxi', baseUrl: new URL(receiver.url).origin, prefixes: ['45'] } },
    'DELETE /v1/federation/peers/{name}': { code: '1101', scope: {}, path: '/v1/federation/peers/guangdong' },
    'POST /v1/federation/events': { code: '1101', scope: {}, path: '/v1/federation/events', body: { specversion: '1.0' } },
    'GET /v1/statistics/definitions': { code: '110105', scope: {}, path: '/v1/statistics/definitions' },
    'GET /v1/statistics': { code: '110105', scope: { codes: ['110105'] }, path: `/v1/statistics?jurisdiction=110105&from=${today}&to=${today}&period=dekad` },
    'GET /v1/statistics/cases': { code: '110105', scope: { codes: ['110105'] }, path: `/v1/statistics/cases?jurisdiction=110105&rate=registeredOnTime&period=${today.slice(0, 7)}` },
    'GET /v1/statistics/quality': { code: '110105001', scope: { codes: ['110105001'] }, path: '/v1/statistics/quality?jurisdiction=110105001' },
    'GET /v1/reports': { code: '110105', scope: { codes: ['110105'] }, path: '/v1/reports?jurisdiction=110105' },
    'GET /v1/reports/{id}': { code: '110105', scope: { codes: ['110105'] }, path: `/v1/reports/${fixtures.report!.id}` },
    'GET /v1/openapi.json': { code: '1101', scope: {}, path: '/v1/openapi.json' },
    'GET /v1/events/schemas': { code: '1101', scope: {}, path: '/v1/events/schemas' },
    'GET /v1/events/schemas/{type}': { code: '1101', scope: {}, path: '/v1/events/schemas/registration.verified' },
  };
}

const keys = routes.map((r) => `${r.method} ${r.path}`);

/** Whether the table lets `p` call the route on the target (and, for a role allowed in some states only, in the case's state now). */
async function expectedAllowed(rule: RouteRule, p: Principal, target: Target): Promise<boolean> {
  if (!permits(p, rule, target.scope)) return false;
  const states = p.role === 'system' ? undefined : rule.onlyInStates?.[p.role];
  if (!states) return true;
  const c = await ok('GET', target.path.split('/').slice(0, 4).join('/'), await office(target.code));
  return states.includes(c.state);
}

describe('the authorisation matrix', () => {
  it('has a target for every route of the wiring', () => {
    const t = targets();
    expect(keys.filter((k) => !(k in t))).toEqual([]);
  });

  it.each(keys.map((k) => [k]))('%s: every role × relation answers as the table says', async (key) => {
    const rule = ROUTE_RULES[key]!;
    const target = targets()[key]!;
    const method = key.split(' ')[0]!;
    const readsOne = method === 'GET' && key.includes('{');
    const cells = ROLES.flatMap((role) => RELATIONS.map((column) => ({ role, column, principal: caller(role, column, target) })));
    if (rule.public) {
      // The answer does not depend on who asks.
      const anonymous = (await api(method, target.path, target.body !== undefined ? { body: target.body } : {})).status;
      for (const { principal } of cells.slice(0, 12)) {
        expect((await api(method, target.path, { token: await token(principal), ...(target.body !== undefined ? { body: target.body } : {}) })).status).toBe(anonymous);
      }
      return;
    }
    // A throttled route (people lookups) is called at its rate, as a well-behaved client would.
    const throttle = routes.find((r) => `${r.method} ${r.path}` === key)!.throttle;
    const pace = () => (throttle ? new Promise((resolve) => setTimeout(resolve, 1000 / throttle.ratePerSecond + 20)) : Promise.resolve());
    const outcomes: string[] = [];
    const mismatches: string[] = [];
    // Refusals first: they must not depend on what the allowed calls change.
    const judged = await Promise.all(cells.map(async (cell) => ({ ...cell, allowed: await expectedAllowed(rule, cell.principal, target) })));
    for (const cell of [...judged.filter((c) => !c.allowed), ...judged.filter((c) => c.allowed)]) {
      const allowed = cell.allowed && (await expectedAllowed(rule, cell.principal, target));
      const path = allowed && target.fresh ? await target.fresh() : target.path;
      await pace();
      const r = await api(method, path, { token: await token(cell.principal), ...(target.body !== undefined ? { body: target.body } : {}) });
      if (r.status >= 400) errorBodies.push(JSON.stringify(r.body));
      else if (key !== 'POST /v1/cases/{id}/reveal') answers.push(JSON.stringify(r.body));
      const fine = allowed ? ![401, 403, 404].includes(r.status) && r.status < 500 : readsOne ? r.status === 404 : [403, 404].includes(r.status);
      outcomes.push(`${cell.role}/${cell.column}: ${r.status}`);
      if (!fine) mismatches.push(`${cell.role}/${cell.column} expected ${allowed ? 'allowed' : 'refused'}, got ${r.status} ${r.body.detail ?? ''}`);
    }
    expect(mismatches, outcomes.join(', ')).toEqual([]);
  });

  it('leaves no ID or phone number in any log line, stored notice, event, delivery, audit entry or error message, and no signing secret in the clear', async () => {
    await local.stack.drained();
    const numbers = [OWN_ID, SECOND_ID, STRANGER_ID, ...[300, 301, 302, 310, 400, 401].map(idNumber), '13800138000'];
    expect(logLines.length).toBeGreaterThan(50);
    expect(errorBodies.length).toBeGreaterThan(500);
    expect(answers.length).toBeGreaterThan(300);
    const scan = async (table: string) => {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await documentClient().send(new ScanCommand({ TableName: physicalTableName(table as never), ExclusiveStartKey: start }));
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    };
    const cases = await scan('cases');
    const notices = cases.filter((i) => i.entity === 'notice');
    const events = cases.filter((i) => i.entity === 'event');
    expect(notices.length).toBeGreaterThan(10);
    expect(events.length).toBeGreaterThan(10);
    const places: [string, string][] = [
      ['log lines', logLines.join('\n')],
      ['error messages', errorBodies.join('\n')],
      ['responses (masked on every route)', answers.join('\n')],
      ['notices', JSON.stringify(notices)],
      ['events', JSON.stringify(events)],
      ['the whole cases table', JSON.stringify(cases)],
      ['deliveries', JSON.stringify(await scan('deliveries'))],
      ['audit', JSON.stringify(await scan('audit'))],
    ];
    for (const [place, text] of places) for (const n of numbers) expect(text.includes(n), `${n} in ${place}`).toBe(false);
    // Signing secrets are sealed too: no whsec_ in the deliveries table.
    expect(JSON.stringify(await scan('deliveries'))).not.toContain('whsec_');
    // The masked forms are what is there instead.
    expect(JSON.stringify(notices)).toContain(`${OWN_ID.slice(0, 6)}********${OWN_ID.slice(14)}`);
  });
});
