// POST /v1/registrations/{id}/<action>: verify, request-supplement, supplement, refuse, renew, revoke, update-details, depart.
import { randomUUID } from 'node:crypto';
import { isOurs } from '../../../core/federation.ts';
import { REGISTRATION_ACTION_BODIES as BODIES } from '../../../core/schemas/registrations.ts';
import * as registration from '../../../core/workflows/registration.ts';
import type { RegistrationCase } from '../../../core/workflows/registration.ts';
import { settleMember, settleRefusedMember } from '../../../core/workflows/group-cycle.ts';
import { actionRoutes, actionsOf, newCertificate, newEventId } from '../../shared/cases.ts';
import { deploymentPrefixes } from '../../shared/notices.ts';
import { getCase } from '../../shared/store/cases.ts';
import { existingJurisdictions, policyFor } from '../../shared/store/reference.ts';
import { declaredActions } from './routes.ts';

const action = actionsOf<RegistrationCase>();

/** The registration's current review, for the actions that end it. */
async function openReview(c: RegistrationCase) {
  const review = c.reviewId ? await getCase(c.reviewId) : undefined;
  return review?.type === 'review' ? { review: { case: review, eventId: newEventId() } } : {};
}

/** One entry per client action of the table (a test holds them equal). */
export const actions = {
  verify: action({
    body: BODIES.verify,
    decide: async ({ case: c, body, principal, policy, now }) => {
      // A person who moved here from another destination: that destination's certificate is replaced.
      const previous = c.previousCaseId ? await getCase(c.previousCaseId) : undefined;
      // A person who came with an organised group: the member is settled on the group.
      const group = c.groupId ? await getCase(c.groupId) : undefined;
      const settled = group?.type === 'group' ? settleMember(c, group, await policyFor(group.destinationCode), newEventId(), now) : [];
      const verified = registration.verify(
        c,
        principal,
        policy,
        {
          eventId: newEventId(),
          review: { caseId: randomUUID(), eventId: newEventId() },
          ...(previous?.type === 'registration'
            ? { previous: { case: previous, policy: await policyFor(previous.destinationCode), eventId: newEventId() } }
            : {}),
        },
        now,
        { certificateNumber: newCertificate('verification'), ...body },
      );
      return [...verified, ...settled];
    },
  }),
  request_supplement: action({
    body: BODIES.request_supplement,
    decide: ({ case: c, body, principal, policy, now }) => [registration.requestSupplement(c, principal, policy, newEventId(), now, body)],
  }),
  supplement: action({
    body: BODIES.supplement,
    decide: ({ case: c, body, principal, policy, now }) => [registration.supplement(c, principal, policy, newEventId(), now, body)],
  }),
  refuse: action({
    body: BODIES.refuse,
    decide: async ({ case: c, body, principal, policy, now }) => {
      const group = c.groupId ? await getCase(c.groupId) : undefined;
      return [
        registration.refuse(c, principal, policy, newEventId(), now, body),
        ...(group?.type === 'group' ? settleRefusedMember(c, group, body.reason, principal, await policyFor(group.destinationCode), newEventId(), now) : []),
      ];
    },
  }),
  renew: action({
    body: BODIES.renew,
    decide: ({ case: c, body, principal, policy, now }) => [registration.renew(c, principal, policy, newEventId(), now, body)],
  }),
  revoke: action({
    body: BODIES.revoke,
    decide: async ({ case: c, body, principal, policy, now }) =>
      registration.revoke(c, principal, policy, { eventId: newEventId(), ...(await openReview(c)) }, now, body),
  }),
  update_details: action({
    body: BODIES.update_details,
    decide: ({ case: c, body, principal, policy, now }) => [registration.updateDetails(c, principal, policy, newEventId(), now, body)],
  }),
  depart: action({
    body: BODIES.depart,
    decide: async ({ case: c, body, principal, policy, now }) => {
      // A next destination of this deployment gets a case of its own; one of a peer deployment's
      // gets the hand-off in the event (the peer opens it); any other is only recorded.
      const code = body.nextDestinationCode;
      const ours = code !== undefined && isOurs(code, deploymentPrefixes());
      const known = ours ? (await existingJurisdictions([code])).has(code) : false;
      const next = known ? { caseId: randomUUID(), eventId: newEventId(), policy: await policyFor(code!) } : undefined;
      const handOff = code !== undefined && !ours;
      return registration.depart(c, body, principal, policy, { eventId: newEventId(), ...(next ? { next } : {}), ...(handOff ? { handOff } : {}), ...(await openReview(c)) }, now);
    },
  }),
};

export const handler = actionRoutes(declaredActions, actions);
