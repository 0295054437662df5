// The routes of functions/api/origin-certificates: applying before leaving and the application's actions.
import { CaseIdParams } from '../../../core/schemas/cases.ts';
import { ORIGIN_CERTIFICATE_ACTION_BODIES, OriginCertificate, OriginCertificateRequest } from '../../../core/schemas/origin-certificates.ts';
import { declare, workflowActionRoutes } from '../../../core/routes.ts';

/** An origin office for people inside it, a person for themself. */
export const applyForCertificate = declare({
  method: 'POST',
  path: '/v1/origin-certificates',
  function: 'createOriginCertificate',
  summary: 'Apply for an origin certificate before leaving',
  purpose: 'origin certificate application',
  roles: { caseworker: 'inside', person: 'own' },
  scope: { request: ({ body }) => ({ codes: [body.originCode], idNumber: body.person.idNumber }) },
  body: OriginCertificateRequest,
  answers: { 201: { description: 'The application with its processing deadline', schema: OriginCertificate } },
  errors: [400, 401, 403, 415, 422],
  keyed: true,
});

export const declaredActions = workflowActionRoutes('origin_certificate', 'originCertificateActions', ORIGIN_CERTIFICATE_ACTION_BODIES, OriginCertificate, CaseIdParams);

export const routes = [applyForCertificate, ...declaredActions];
