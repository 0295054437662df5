// The routes of functions/api/appeals: lodging an appeal and deciding it.
import { APPEAL_ACTION_BODIES, Appeal, AppealCreate } from '../../../core/schemas/appeals.ts';
import { CaseIdParams } from '../../../core/schemas/cases.ts';
import { declare, workflowActionRoutes } from '../../../core/routes.ts';

/** The person whose case it is: the appealed case must be theirs (any other is not found, as when reading it). */
export const lodgeAppeal = declare({
  method: 'POST',
  path: '/v1/appeals',
  function: 'createAppeal',
  summary: 'Appeal a decision on your case (a rejection or revocation) within the policy window',
  purpose: 'appeal',
  roles: { person: 'own' },
  scope: { load: 'case', id: 'body.caseId' },
  body: AppealCreate,
  answers: { 201: { description: 'The appeal with its decision deadline', schema: Appeal } },
  errors: [400, 401, 403, 404, 409, 415, 422],
  keyed: true,
});

export const declaredActions = workflowActionRoutes('appeal', 'appealActions', APPEAL_ACTION_BODIES, Appeal, CaseIdParams);

export const routes = [lodgeAppeal, ...declaredActions];
