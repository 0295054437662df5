// The routes of functions/api/reference: jurisdictions, policy and the national holiday calendar.
// Names and rules are not personal: every account reads them; administrators maintain them.
import { CalendarNoticeRequest, CalendarParams, CalendarYear } from '../../../core/schemas/calendars.ts';
import { Jurisdiction, JurisdictionParams, JurisdictionRequest, PolicyOverride, PolicyOverrideDocument, PolicyParams, Provinces, ResolvedPolicy } from '../../../core/schemas/reference.ts';
import { NATIONAL_PREFIX } from '../../../core/policy.ts';
import { EVERY_ROLE } from '../../../core/authorisation.ts';
import { declare, jurisdictionAt } from '../../../core/routes.ts';

export const listProvinces = declare({
  method: 'GET',
  path: '/v1/jurisdictions',
  function: 'jurisdictions',
  summary: 'The provinces (where a jurisdiction picker starts; each one lists its children)',
  purpose: 'reference data',
  roles: EVERY_ROLE,
  answers: { 200: { description: 'The provinces', schema: Provinces } },
  errors: [401],
});

export const readJurisdiction = declare({
  method: 'GET',
  path: '/v1/jurisdictions/{code}',
  function: 'jurisdictions',
  summary: 'A jurisdiction with its children',
  purpose: 'reference data',
  roles: EVERY_ROLE,
  params: JurisdictionParams,
  answers: { 200: { description: 'The jurisdiction', schema: Jurisdiction } },
  errors: [400, 401, 404],
});

/** An administrator covering the code. */
export const putJurisdiction = declare({
  method: 'PUT',
  path: '/v1/jurisdictions/{code}',
  function: 'jurisdictions',
  summary: 'Add or rename a jurisdiction (administrators)',
  purpose: 'reference data',
  roles: { admin: 'inside' },
  scope: jurisdictionAt('params', 'code'),
  params: JurisdictionParams,
  body: JurisdictionRequest,
  answers: { 200: { description: 'Renamed', schema: Jurisdiction }, 201: { description: 'Added', schema: Jurisdiction } },
  errors: [400, 401, 403, 415, 422],
});

export const policyInForce = declare({
  method: 'GET',
  path: '/v1/jurisdictions/{code}/policy',
  function: 'policies',
  summary: 'The policy in force at a jurisdiction, and the prefix each setting came from',
  purpose: 'reference data',
  roles: EVERY_ROLE,
  params: JurisdictionParams,
  answers: { 200: { description: 'The resolved policy', schema: ResolvedPolicy } },
  errors: [400, 401, 404],
});

export const readPolicy = declare({
  method: 'GET',
  path: '/v1/policies/{prefix}',
  function: 'policies',
  summary: 'The policy override stored for a prefix (`national` for every jurisdiction)',
  purpose: 'reference data',
  roles: EVERY_ROLE,
  params: PolicyParams,
  answers: { 200: { description: 'The override', schema: PolicyOverrideDocument } },
  errors: [400, 401, 404],
});

/** An administrator covering the prefix; the national policy (the empty prefix) a national administrator alone. */
export const putPolicy = declare({
  method: 'PUT',
  path: '/v1/policies/{prefix}',
  function: 'policies',
  summary: 'Set the policy override for a prefix (administrators); running deadlines keep their period',
  purpose: 'policy',
  roles: { admin: 'inside' },
  scope: { request: ({ params }) => ({ codes: [params.prefix === NATIONAL_PREFIX ? '' : params.prefix] }) },
  params: PolicyParams,
  body: PolicyOverride,
  answers: { 200: { description: 'Replaced', schema: PolicyOverrideDocument }, 201: { description: 'Created', schema: PolicyOverrideDocument } },
  errors: [400, 401, 403, 415, 422],
});

export const readCalendar = declare({
  method: 'GET',
  path: '/v1/calendars/{year}',
  function: 'policies',
  summary: "A year's national holidays: its State Council notice where loaded (`source: notice`), else the statutory holidays computed from the law (`source: statutory`)",
  purpose: 'reference data',
  roles: EVERY_ROLE,
  params: CalendarParams,
  answers: { 200: { description: 'The year', schema: CalendarYear } },
  errors: [400, 401],
});

export const loadCalendar = declare({
  method: 'PUT',
  path: '/v1/calendars/{year}',
  function: 'policies',
  summary: "Load a year's holiday notice (national administrators): every statutory day inside a holiday period, make-up days on weekends; provisional deadlines are counted again with it",
  purpose: 'policy',
  roles: { admin: 'national' },
  params: CalendarParams,
  body: CalendarNoticeRequest,
  answers: { 200: { description: 'Replaced', schema: CalendarYear }, 201: { description: 'Loaded', schema: CalendarYear } },
  errors: [400, 401, 403, 415, 422],
});

export const routes = [listProvinces, readJurisdiction, putJurisdiction, policyInForce, readPolicy, putPolicy, readCalendar, loadCalendar];
