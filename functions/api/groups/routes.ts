// The routes of functions/api/groups: filing an organised group and changing its members.
import { CaseIdParams } from '../../../core/schemas/cases.ts';
import { GROUP_ACTION_BODIES, Group, GroupCreate } from '../../../core/schemas/groups.ts';
import { declare, jurisdictionAt, workflowActionRoutes } from '../../../core/routes.ts';

/** An office or a filer, for a destination inside its jurisdiction. */
export const fileGroup = declare({
  method: 'POST',
  path: '/v1/groups',
  function: 'createGroup',
  summary: 'File an organised group at the destination: the organisation, its responsible person, the agreement and the members (each gets a registration)',
  purpose: 'group filing',
  roles: { caseworker: 'inside', filer: 'inside' },
  scope: jurisdictionAt('body', 'destinationCode'),
  body: GroupCreate,
  answers: { 201: { description: 'The group with its filing deadline', schema: Group } },
  errors: [400, 401, 403, 409, 415, 422],
  keyed: true,
});

export const declaredActions = workflowActionRoutes('group', 'groupActions', GROUP_ACTION_BODIES, Group, CaseIdParams);

export const routes = [fileGroup, ...declaredActions];
