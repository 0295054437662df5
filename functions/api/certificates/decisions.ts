// POST /v1/certificates/{number}/decisions: an agency (its own account, or an office account
// of any jurisdiction on its behalf: the authorisation table) records what it decided after
// checking a certificate (§13); the office that works the case sees it on the case and in its inbox.
import { randomUUID } from 'node:crypto';
import { notFound } from '../../../core/errors.ts';
import { agencyDecision } from '../../../core/workflows/index.ts';
import { type Replay, json, route } from '../../shared/http.ts';
import { getCase } from '../../shared/store/cases.ts';
import { getAgencyDecision, getCertificateRecord, recordAgencyDecision } from '../../shared/store/certificates.ts';
import { recordDecision } from './routes.ts';

/** A retry answers the decision the first request recorded. */
const replayDecision: Replay = async (outcome) => {
  const [caseId, sk] = outcome.id.split('/') as [string, string];
  const decision = await getAgencyDecision(caseId, sk);
  if (!decision) throw notFound(`no decision ${outcome.id}`);
  return json(201, decision);
};

export const handler = route(recordDecision, { idempotent: replayDecision }, async ({ params, body, principal, now }) => {
  const { number } = params;
  const record = await getCertificateRecord(number);
  const c = record ? await getCase(record.caseId) : undefined;
  if (!record || !c) throw notFound(`no certificate ${number}`);
  const { decision, event } = agencyDecision(c, number, body, principal, { id: randomUUID(), eventId: randomUUID() }, now);
  await recordAgencyDecision(c.id, decision, event);
  return json(201, decision);
});
