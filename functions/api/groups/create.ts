// POST /v1/groups: the destination office files an organised group (§11, §14) with its
// members; each member's arrival is reported and linked to the group, in one transaction.
import { randomUUID } from 'node:crypto';
import { fileGroup as file } from '../../../core/workflows/group-cycle.ts';
import { created, replayCreated, newEventId, requireKnownJurisdictions } from '../../shared/cases.ts';
import { route } from '../../shared/http.ts';
import { commit } from '../../shared/store/case-commit.ts';
import { policyFor } from '../../shared/store/reference.ts';
import { fileGroup } from './routes.ts';

export const handler = route(fileGroup, { idempotent: replayCreated }, async ({ body, principal, now }) => {
  await requireKnownJurisdictions(body, ['originCode', 'destinationCode'] as const);
  const { members, ...group } = body;
  const decisions = file(
    group,
    members,
    principal,
    await policyFor(body.destinationCode),
    { caseId: randomUUID(), eventId: newEventId(), members: members.map(() => ({ caseId: randomUUID(), eventId: newEventId() })) },
    now,
  );
  await commit(decisions);
  return created(decisions[0].case);
});
