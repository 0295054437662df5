// The routes of functions/api/people: finding a person's cases by ID number, revealing full numbers.
import { CaseIdParams, CasePage } from '../../../core/schemas/cases.ts';
import { PeopleSearch, RevealRequest, Revealed } from '../../../core/schemas/people.ts';
import { declare } from '../../../core/routes.ts';
import { OFFICES } from '../../../core/authorisation.ts';

/**
 * A ceiling on the routes' whole cost. Each account is held to PERSON_LOOKUPS_PER_MINUTE by the
 * function itself, which answers problem details with Retry-After; API Gateway's own 429 here
 * would be a plain message.
 */
const PERSON_LOOKUPS = { ratePerSecond: 50, burst: 100 } as const;

/** A POST, so the number is in no access log; only the cases within the office's reach are answered. */
export const searchPeople = declare({
  method: 'POST',
  path: '/v1/people/search',
  function: 'people',
  summary: "An office finds a person's cases within its reach by ID number (in the body, so in no access log), with a reason; audited",
  purpose: 'lookup by ID number',
  roles: { caseworker: 'self', supervisor: 'self' },
  body: PeopleSearch,
  answers: { 200: { description: 'The cases, masked', schema: CasePage } },
  errors: [400, 401, 403, 415, 429],
  throttle: PERSON_LOOKUPS,
});

export const revealNumbers = declare({
  method: 'POST',
  path: '/v1/cases/{id}/reveal',
  function: 'people',
  summary: "A case's full ID and phone numbers, for an office that works it, with a reason; audited",
  purpose: 'full ID and phone number',
  roles: OFFICES,
  scope: { load: 'case', id: 'params.id' },
  params: CaseIdParams,
  body: RevealRequest,
  answers: { 200: { description: 'The full numbers', schema: Revealed } },
  errors: [400, 401, 403, 404, 415, 429],
  throttle: PERSON_LOOKUPS,
});

export const routes = [searchPeople, revealNumbers];
