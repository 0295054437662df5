// GET a case and its history, for every case type. A case outside the caller's reach is
// reported as not found (route() loads it through the declaration's scope), so its existence
// is not disclosed.
import { availableActions } from '../../../core/workflows/engine.ts';
import { type Case, actionPath, workflowOf } from '../../../core/workflows/index.ts';
import { caseView } from '../../shared/cases.ts';
import { byRoute, json, route } from '../../shared/http.ts';
import { caseHistory } from '../../shared/store/cases.ts';
import { agencyDecisions } from '../../shared/store/certificates.ts';
import { readRoutes } from './routes.ts';

const read = (declaration: (typeof readRoutes)[number]) =>
  route(declaration, async ({ principal, resource }) => {
    const c = resource as Case;
    // Agencies' decisions against the case's certificate (§13) are shown with the case.
    const decisions = await agencyDecisions(c.id);
    const actions = availableActions(workflowOf(c.type), c, principal).map(actionPath);
    return json(200, caseView(c, { availableActions: actions, ...(decisions.length > 0 ? { agencyDecisions: decisions } : {}) }));
  });

const history = (declaration: (typeof readRoutes)[number]) =>
  route(declaration, async ({ resource }) => json(200, { items: await caseHistory((resource as Case).id) }));

// Every case type reads the same way, under its collection's name.
export const handler = byRoute(readRoutes.map((d) => (d.path.endsWith('/history') ? history(d) : read(d))));
