// GET a case and its history, for both case types. A case outside the caller's reach is
// reported as not found, so its existence is not disclosed.
import { CaseIdParams } from '../../../core/schemas/cases.ts';
import { availableActions } from '../../../core/workflows/engine.ts';
import { CASE_TYPE_NAMES, type Case, actionPath, workflowOf } from '../../../core/workflows/index.ts';
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

// Every case type reads the same way, under its collection's name.
export const handler = byRoute(
  Object.fromEntries(
    (Object.entries(CASE_TYPE_NAMES) as [Case['type'], { collection: string }][]).flatMap(([type, { collection }]) => [
      [`GET /v1/${collection}/{id}`, read(type)],
      [`GET /v1/${collection}/{id}/history`, history(type)],
    ]),
  ),
);
