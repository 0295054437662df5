// POST /v1/origin-certificates/{id}/<action>: issue, reject, revoke.
import { ORIGIN_CERTIFICATE_ACTION_BODIES as BODIES } from '../../../core/schemas/origin-certificates.ts';
import * as originCertificate from '../../../core/workflows/origin-certificate.ts';
import type { OriginCertificateCase } from '../../../core/workflows/origin-certificate.ts';
import { actionRoutes, actionsOf, newCertificate, newEventId } from '../../shared/cases.ts';
import { declaredActions } from './routes.ts';

const action = actionsOf<OriginCertificateCase>();

/** One entry per client action of the table (a test holds them equal). */
export const actions = {
  issue: action({
    body: BODIES.issue,
    decide: ({ case: c, body, principal, policy, now }) => [
      originCertificate.issue(c, principal, policy, newEventId(), now, { certificateNumber: newCertificate('origin'), ...body }),
    ],
  }),
  reject: action({
    body: BODIES.reject,
    decide: ({ case: c, body, principal, policy, now }) => [originCertificate.reject(c, principal, policy, newEventId(), now, body)],
  }),
  revoke: action({
    body: BODIES.revoke,
    decide: ({ case: c, body, principal, policy, now }) => [originCertificate.revoke(c, principal, policy, newEventId(), now, body)],
  }),
};

export const handler = actionRoutes(declaredActions, actions);
