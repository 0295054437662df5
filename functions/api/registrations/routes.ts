// The routes of functions/api/registrations: reporting an arrival and the registration's actions.
import { CaseIdParams } from '../../../core/schemas/cases.ts';
import { REGISTRATION_ACTION_BODIES, Registration, RegistrationRequest } from '../../../core/schemas/registrations.ts';
import { declare, workflowActionRoutes } from '../../../core/routes.ts';

/** An office for people inside it, a person for themself, a filer for its premises. */
export const reportArrival = declare({
  method: 'POST',
  path: '/v1/registrations',
  function: 'createRegistration',
  summary: 'Report an arrival and open a registration case',
  purpose: 'registration',
  roles: { caseworker: 'inside', person: 'own', filer: 'inside' },
  scope: { request: ({ body }) => ({ codes: [body.destinationCode], idNumber: body.person.idNumber }) },
  body: RegistrationRequest,
  answers: { 201: { description: 'The new case with its registration deadline', schema: Registration } },
  errors: [400, 401, 403, 409, 415, 422],
  keyed: true,
});

export const declaredActions = workflowActionRoutes('registration', 'registrationActions', REGISTRATION_ACTION_BODIES, Registration, CaseIdParams);

export const routes = [reportArrival, ...declaredActions];
