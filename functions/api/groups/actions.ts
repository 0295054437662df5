// POST /v1/groups/{id}/<action>: add members (each gets a registration) or remove one with a reason.
import { randomUUID } from 'node:crypto';
import { GROUP_ACTION_BODIES as BODIES } from '../../../core/schemas/groups.ts';
import type { GroupCase } from '../../../core/workflows/group.ts';
import { addGroupMembers, removeGroupMember } from '../../../core/workflows/group-cycle.ts';
import { getCase } from '../../shared/store/cases.ts';
import { actionRoutes, actionsOf, newEventId } from '../../shared/cases.ts';
import { declaredActions } from './routes.ts';

const action = actionsOf<GroupCase>();

/** One entry per client action of the table (a test holds them equal). */
export const actions = {
  add_members: action({
    body: BODIES.add_members,
    decide: ({ case: c, body, principal, policy, now }) =>
      addGroupMembers(c, body.members, principal, policy, { eventId: newEventId(), members: body.members.map(() => ({ caseId: randomUUID(), eventId: newEventId() })) }, now),
  }),
  remove_member: action({
    body: BODIES.remove_member,
    decide: async ({ case: c, body, principal, policy, now }) => {
      const registration = await getCase(body.registrationId);
      return removeGroupMember(
        c,
        registration?.type === 'registration' ? registration : undefined,
        body.registrationId,
        body.reason,
        principal,
        policy,
        { eventId: newEventId(), registrationEventId: newEventId() },
        now,
      );
    },
  }),
};

export const handler = actionRoutes(declaredActions, actions);
