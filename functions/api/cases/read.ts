// GET a case and its history, for both case types. A case outside the caller's reach is
// reported as not found, so its existence is not disclosed.
import { CaseIdParams } from '../../../core/schemas.ts';
import { availableActions } from '../../../core/workflows/engine.ts';
import { type Case, actionPath, workflowOf } from '../../../core/workflows/index.ts';
import { caseView, readableCase } from '../../shared/cases.ts';
import { byRoute, json, route } from '../../shared/http.ts';
import { caseHistory } from '../../shared/store/cases.ts';
import { agencyDecisions } from '../../shared/store/certificates.ts';

const read = (type: Case['type']) =>
  route({ params: CaseIdParams }, async ({ params, principal }) => {
    const c = await readableCase(type, params.id, principal);
    // Agencies' decisions against the case's certificate (§13) are shown with the case.
    const decisions = await agencyDecisions(c.id);
    const actions = availableActions(workflowOf(c.type), c, principal).map(actionPath);
    return json(200, caseView(c, { availableActions: actions, ...(decisions.length > 0 ? { agencyDecisions: decisions } : {}) }));
  });

const history = (type: Case['type']) =>
  route({ params: CaseIdParams }, async ({ params, principal }) => {
    const c = await readableCase(type, params.id, principal);
    return json(200, { items: await caseHistory(c.id) });
  });

export const handler = byRoute({
  'GET /v1/registrations/{id}': read('registration'),
  'GET /v1/registrations/{id}/history': history('registration'),
  'GET /v1/origin-certificates/{id}': read('origin_certificate'),
  'GET /v1/origin-certificates/{id}/history': history('origin_certificate'),
  'GET /v1/reviews/{id}': read('review'),
  'GET /v1/reviews/{id}/history': history('review'),
  'GET /v1/assistance-requests/{id}': read('assistance_request'),
  'GET /v1/assistance-requests/{id}/history': history('assistance_request'),
  'GET /v1/appeals/{id}': read('appeal'),
  'GET /v1/appeals/{id}/history': history('appeal'),
  'GET /v1/groups/{id}': read('group'),
  'GET /v1/groups/{id}/history': history('group'),
});
