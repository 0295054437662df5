// POST /v1/assistance-requests: an office asks another office of this deployment about a
// person or a case; the asked office gets a notice and a reply deadline runs.
import { randomUUID } from 'node:crypto';
import { unprocessable } from '../../../core/errors.ts';
import { ask as askOffice } from '../../../core/workflows/assistance-request.ts';
import { created, replayCreated, newEventId, requireKnownJurisdictions } from '../../shared/cases.ts';
import { route } from '../../shared/http.ts';
import { commit } from '../../shared/store/case-commit.ts';
import { getCase } from '../../shared/store/cases.ts';
import { policyFor } from '../../shared/store/reference.ts';
import { ask } from './routes.ts';

export const handler = route(ask, { idempotent: replayCreated }, async ({ body, principal, now }) => {
  await requireKnownJurisdictions(body, ['toCode'] as const);
  const policy = await policyFor(principal.jurisdiction ?? body.toCode);
  // Who may ask is settled first: only an office learns whether a case id exists.
  const decision = askOffice(body, principal, policy, { caseId: randomUUID(), eventId: newEventId() }, now);
  // The asking office may not be able to read the case it asks about; it only learns that it exists.
  if ('caseId' in body.subject && !(await getCase(body.subject.caseId))) {
    throw unprocessable([{ field: 'subject.caseId', reason: 'names no case of this deployment' }]);
  }
  await commit([decision]);
  return created(decision.case);
});
