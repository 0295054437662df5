// POST /v1/origin-certificates: a person, or an origin caseworker for them, applies before leaving.
import { randomUUID } from 'node:crypto';
import { apply } from '../../../core/workflows/origin-certificate.ts';
import { created, replayCreated, newEventId, requireKnownJurisdictions } from '../../shared/cases.ts';
import { route } from '../../shared/http.ts';
import { commit } from '../../shared/store/case-commit.ts';
import { policyFor } from '../../shared/store/reference.ts';
import { applyForCertificate } from './routes.ts';

export const handler = route(applyForCertificate, { idempotent: replayCreated }, async ({ body, principal, now }) => {
  await requireKnownJurisdictions(body, ['originCode', 'intendedDestinationCode'] as const);
  const decision = apply(body, principal, await policyFor(body.originCode), { caseId: randomUUID(), eventId: newEventId() }, now);
  await commit([decision]);
  return created(decision.case);
});
