// POST /v1/registrations/{id}/<action>: verify, request-supplement, supplement, refuse, renew, revoke, update-details, depart.
import { randomUUID } from 'node:crypto';
import { departureTowards } from '../../../core/federation.ts';
import { REGISTRATION_ACTION_BODIES as BODIES } from '../../../core/schemas/registrations.ts';
import * as registration from '../../../core/workflows/registration.ts';
import type { RegistrationCase } from '../../../core/workflows/registration.ts';
import { type ArrivalGroup, refuseArrival, verifyArrival } from '../../../core/workflows/group-cycle.ts';
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

/** The organised group a person came with, if any: its member is settled when the arrival is decided. */
async function arrivalGroup(c: RegistrationCase): Promise<ArrivalGroup | undefined> {
  const group = c.groupId ? await getCase(c.groupId) : undefined;
  return group?.type === 'group' ? { case: group, policy: await policyFor(group.destinationCode), eventId: newEventId() } : undefined;
}

/** One entry per client action of the table (a test holds them equal). */
export const actions = {
  verify: action({
    body: BODIES.verify,
    decide: async ({ case: c, body, principal, policy, now }) => {
      // A person who moved here from another destination: that destination's certificate is replaced.
      const previous = c.previousCaseId ? await getCase(c.previousCaseId) : undefined;
      return verifyArrival(
        c,
        principal,
        policy,
        {
          eventId: newEventId(),
          review: { caseId: randomUUID(), eventId: newEventId() },
          ...(previous?.type === 'registration'
            ? { previous: { case: previous, policy: await policyFor(previous.destinationCode), eventId: newEventId() } }
            : {}),
          group: await arrivalGroup(c),
        },
        now,
        { certificateNumber: newCertificate('verification'), ...body },
      );
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
    decide: async ({ case: c, body, principal, policy, now }) => refuseArrival(c, principal, policy, { eventId: newEventId(), group: await arrivalGroup(c) }, now, body),
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
      const towards = departureTowards(code, deploymentPrefixes());
      const known = towards === 'here' && (await existingJurisdictions([code!])).has(code!);
      const next = known ? { caseId: randomUUID(), eventId: newEventId(), policy: await policyFor(code!) } : undefined;
      const handOff = towards === 'peer';
      return registration.depart(c, body, principal, policy, { eventId: newEventId(), ...(next ? { next } : {}), ...(handOff ? { handOff } : {}), ...(await openReview(c)) }, now);
    },
  }),
};

export const handler = actionRoutes(declaredActions, actions);
