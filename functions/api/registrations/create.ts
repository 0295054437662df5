// POST /v1/registrations: a person, or a destination caseworker for them, reports an arrival.
// Naming an origin certificate checks it (issued, valid, this person's) and tells the origin.
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { randomUUID } from 'node:crypto';
import { localDate } from '../../../core/calendar.ts';
import { unprocessable } from '../../../core/errors.ts';
import type { Decision } from '../../../core/workflows/engine.ts';
import { certificateProblem, markUsed } from '../../../core/workflows/origin-certificate.ts';
import { assertFirstArrival, report } from '../../../core/workflows/registration.ts';
import { created, replayCreated, newEventId, policyOfCase, requireKnownJurisdictions } from '../../shared/cases.ts';
import { route } from '../../shared/http.ts';
import { metrics } from '../../shared/observability.ts';
import { commit } from '../../shared/store/case-commit.ts';
import { getCase, openRegistrationAt } from '../../shared/store/cases.ts';
import { getCertificateRecord } from '../../shared/store/certificates.ts';
import { policyFor } from '../../shared/store/reference.ts';
import { reportArrival } from './routes.ts';

export const handler = route(reportArrival, { idempotent: replayCreated }, async ({ body, principal, now }) => {
  await requireKnownJurisdictions(body, ['originCode', 'destinationCode'] as const);
  const { person, originCertificateNumber: certificateNumber } = body;
  const decision = report(
    body,
    principal,
    await policyFor(body.destinationCode),
    { caseId: randomUUID(), eventId: newEventId() },
    now,
  );
  // One open registration per person and destination: a later arrival date is a correction of it, not a second case.
  assertFirstArrival(await openRegistrationAt(person.idNumber, body.destinationCode), body.destinationCode);
  const decisions: Decision[] = [decision];
  if (certificateNumber) {
    const record = await getCertificateRecord(certificateNumber);
    const certificateCase = record?.kind === 'origin' ? await getCase(record.caseId) : undefined;
    const origin = certificateCase?.type === 'origin_certificate' ? certificateCase : undefined;
    const problem = certificateProblem(origin, person.idNumber, localDate(now));
    if (problem) throw unprocessable([problem], 'The origin certificate cannot be accepted');
    decisions.push(markUsed(origin!, decision.case.id, decision.case.destinationCode, await policyOfCase(origin!), newEventId(), now));
  }
  await commit(decisions);
  metrics.addDimensions({ destinationProvince: decision.case.destinationCode.slice(0, 2) });
  metrics.addMetric('RegistrationsReported', MetricUnit.Count, 1);
  // Published here, not by middleware, so routes without metrics log no empty-metrics warning.
  metrics.publishStoredMetrics();
  return created(decision.case);
});
