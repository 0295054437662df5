// The routes of functions/api/cases: reading any case and its history, and the lists.
import { AssistanceRequestsQuery } from '../../../core/schemas/assistance-requests.ts';
import { CASE_VIEWS, CaseIdParams, CasePage, CasesQuery, History, MyCasesQuery } from '../../../core/schemas/cases.ts';
import { OFFICES } from '../../../core/authorisation.ts';
import { caseReadRoutes, declare, jurisdictionAt } from '../../../core/routes.ts';
import type { Case } from '../../../core/workflows/index.ts';

/** A list of an office's jurisdiction: the `jurisdiction` query. */
const queriedJurisdiction = jurisdictionAt('query', 'jurisdiction');

/** Every case type is read, with its history, under its collection's name. */
export const readRoutes = (Object.keys(CASE_VIEWS) as Case['type'][]).flatMap((type) => caseReadRoutes(type, 'readCases', CASE_VIEWS[type], History, CaseIdParams));

export const listAssistanceRequests = declare({
  method: 'GET',
  path: '/v1/assistance-requests',
  function: 'listCases',
  summary: 'Assistance requests received inside a jurisdiction, or sent by an office, newest activity first',
  purpose: 'assistance between offices',
  roles: OFFICES,
  scope: queriedJurisdiction,
  query: AssistanceRequestsQuery,
  answers: { 200: { description: 'A page of requests', schema: CasePage } },
  errors: [400, 401, 403],
});

export const listCases = declare({
  method: 'GET',
  path: '/v1/cases',
  function: 'listCases',
  summary: 'Cases worked inside a jurisdiction (by the office that works each: destination, origin, the office asked, the reviewing office), newest activity first',
  purpose: 'case work',
  roles: OFFICES,
  scope: queriedJurisdiction,
  query: CasesQuery,
  answers: { 200: { description: 'A page of cases', schema: CasePage } },
  errors: [400, 401, 403],
});

export const listMyCases = declare({
  method: 'GET',
  path: '/v1/me/cases',
  function: 'listCases',
  summary: "The signed-in person's own cases, newest activity first",
  purpose: "the person's own cases",
  roles: { person: 'self' },
  query: MyCasesQuery,
  answers: { 200: { description: 'A page of cases', schema: CasePage } },
  errors: [400, 401, 403],
});

export const routes = [...readRoutes, listAssistanceRequests, listCases, listMyCases];
