// The routes of functions/api/assistance-requests: asking another office and answering (the list is served by functions/api/cases).
import { ASSISTANCE_REQUEST_ACTION_BODIES, AssistanceRequest, AssistanceRequestCreate } from '../../../core/schemas/assistance-requests.ts';
import { CaseIdParams } from '../../../core/schemas/cases.ts';
import { declare, workflowActionRoutes } from '../../../core/routes.ts';

/** An office asks as itself (its own jurisdiction is the asking office), any office of the deployment. */
export const ask = declare({
  method: 'POST',
  path: '/v1/assistance-requests',
  function: 'createAssistanceRequest',
  summary: 'Ask another office of this deployment about a person or a case (协查)',
  purpose: 'assistance between offices',
  roles: { caseworker: 'self', supervisor: 'self' },
  body: AssistanceRequestCreate,
  answers: { 201: { description: 'The request with its reply deadline', schema: AssistanceRequest } },
  errors: [400, 401, 403, 415, 422],
  keyed: true,
});

export const declaredActions = workflowActionRoutes('assistance_request', 'assistanceRequestActions', ASSISTANCE_REQUEST_ACTION_BODIES, AssistanceRequest, CaseIdParams);

export const routes = [ask, ...declaredActions];
