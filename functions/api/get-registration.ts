// GET /v1/registrations/{id}. A case outside the caller's reach is reported as not found,
// so its existence is not disclosed.
import { mayReadRegistration } from '../../core/access.ts';
import { notFound } from '../../core/errors.ts';
import { CaseIdParams } from '../../core/schemas.ts';
import { json, route } from '../shared/http.ts';
import { getRegistration } from '../shared/store.ts';

export const handler = route({ params: CaseIdParams }, async ({ params, principal }) => {
  const registration = await getRegistration(params.id);
  if (!registration || !mayReadRegistration(principal, registration)) {
    throw notFound(`no registration ${params.id} within your reach`);
  }
  return json(200, registration);
});
