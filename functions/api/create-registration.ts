// POST /v1/registrations: a person, or a destination caseworker for them, reports an arrival.
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../core/errors.ts';
import { RegistrationRequest } from '../../core/schemas.ts';
import { report } from '../../core/workflows/registration.ts';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { json, route } from '../shared/http.ts';
import { metrics } from '../shared/observability.ts';
import { existingJurisdictions, policyFor, saveDecision } from '../shared/store.ts';

export const handler = route({ body: RegistrationRequest, idempotent: true }, async ({ body, principal }) => {
  const found = await existingJurisdictions([body.originCode, body.destinationCode]);
  const unknown = (['originCode', 'destinationCode'] as const)
    .filter((field) => !found.has(body[field]))
    .map((field) => ({ field, reason: `no jurisdiction ${body[field]} is known` }));
  if (unknown.length > 0) throw new DomainError('unprocessable', 'The body names unknown jurisdictions', unknown);

  const policy = await policyFor(body.destinationCode);
  const person = { ...body.person, idNumber: body.person.idNumber.trim().toUpperCase() };
  const decision = report({ ...body, person }, principal, policy, { caseId: randomUUID(), eventId: randomUUID() }, new Date());
  await saveDecision(decision, null);
  metrics.addDimensions({ destinationProvince: decision.case.destinationCode.slice(0, 2) });
  metrics.addMetric('RegistrationsReported', MetricUnit.Count, 1);
  // Published here, not by middleware, so routes without metrics log no empty-metrics warning.
  metrics.publishStoredMetrics();
  return json(201, decision.case, { location: `/v1/registrations/${decision.case.id}` });
});
