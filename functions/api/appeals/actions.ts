// POST /v1/appeals/{id}/decide: the reviewing office decides, upheld or reversed with a
// reason; reversed puts the appealed case back in the state it was in before the decision.
import { randomUUID } from 'node:crypto';
import { APPEAL_ACTION_BODIES as BODIES } from '../../../core/schemas/appeals.ts';
import { type AppealCase, decide } from '../../../core/workflows/appeal.ts';
import { workflowOf } from '../../../core/workflows/index.ts';
import { notFound } from '../../../core/errors.ts';
import { actionRoutes, actionsOf, newEventId, policyOfCase } from '../../shared/cases.ts';
import { getCase } from '../../shared/store/cases.ts';
import { declaredActions } from './routes.ts';

const action = actionsOf<AppealCase>();

/** One entry per client action of the table (a test holds them equal). */
export const actions = {
  decide: action({
    body: BODIES.decide,
    decide: async ({ case: c, body, principal, policy, now }) => {
      const appealed = await getCase(c.appealed.caseId);
      if (!appealed) throw notFound(`the appealed case ${c.appealed.caseId} no longer exists`);
      return decide(
        c,
        {
          case: appealed,
          workflow: workflowOf(appealed.type),
          policy: await policyOfCase(appealed),
          eventId: newEventId(),
          review: { caseId: randomUUID(), eventId: newEventId() },
        },
        body,
        principal,
        policy,
        newEventId(),
        now,
      );
    },
  }),
};

export const handler = actionRoutes(declaredActions, actions);
