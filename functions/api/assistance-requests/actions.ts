// POST /v1/assistance-requests/{id}/<action>: the asked office answers or declines.
import { ASSISTANCE_REQUEST_ACTION_BODIES as BODIES } from '../../../core/schemas/assistance-requests.ts';
import * as assistance from '../../../core/workflows/assistance-request.ts';
import type { AssistanceRequestCase } from '../../../core/workflows/assistance-request.ts';
import { actionRoutes, actionsOf, newEventId } from '../../shared/cases.ts';
import { declaredActions } from './routes.ts';

const action = actionsOf<AssistanceRequestCase>();

/** One entry per client action of the table (a test holds them equal). */
export const actions = {
  answer: action({
    body: BODIES.answer,
    decide: ({ case: c, body, principal, policy, now }) => [assistance.answer(c, principal, policy, newEventId(), now, body)],
  }),
  decline: action({
    body: BODIES.decline,
    decide: ({ case: c, body, principal, policy, now }) => [assistance.decline(c, principal, policy, newEventId(), now, body)],
  }),
};

export const handler = actionRoutes(declaredActions, actions);
