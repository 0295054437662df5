// The routes of functions/api/certificates: the public check and agencies' decisions.
import { AgencyDecision, AgencyDecisionRequest, CertificateCheck, CertificateCheckQuery, CertificateParams } from '../../../core/schemas/certificates.ts';
import { declare } from '../../../core/routes.ts';

/** Public: anyone holding a number may check it. The function limits each caller (30 a minute); the throttle is a ceiling on the whole route's cost. */
export const checkCertificate = declare({
  method: 'GET',
  path: '/v1/certificates/{number}',
  function: 'checkCertificate',
  summary: 'Check a certificate: validity only, and with ?idNumber= whether it belongs to that person',
  purpose: 'certificate check',
  public: true,
  roles: {},
  params: CertificateParams,
  query: CertificateCheckQuery,
  answers: { 200: { description: "The certificate's validity", schema: CertificateCheck } },
  errors: [400, 404, 429],
  throttle: { ratePerSecond: 100, burst: 200 },
});

/** An agency, or an office of any jurisdiction on its behalf, records what it decided. */
export const recordDecision = declare({
  method: 'POST',
  path: '/v1/certificates/{number}/decisions',
  function: 'recordAgencyDecision',
  summary: 'Record what an agency decided after checking a certificate',
  purpose: 'agency decision on a certificate',
  roles: { caseworker: 'any', supervisor: 'any', agency: 'any' },
  params: CertificateParams,
  body: AgencyDecisionRequest,
  answers: { 201: { description: 'The recorded decision', schema: AgencyDecision } },
  errors: [400, 401, 403, 404, 415, 422],
  keyed: true,
});

export const routes = [checkCertificate, recordDecision];
