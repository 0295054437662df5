// POST /v1/appeals: the person appeals a decision on their own case (Measures §31), within
// the policy window; the office above the deciding office reviews it.
import { randomUUID } from 'node:crypto';
import { unprocessable } from '../../../core/errors.ts';
import { lodge } from '../../../core/workflows/appeal.ts';
import type { ActionRule } from '../../../core/workflows/engine.ts';
import { workflowOf, workingOffice } from '../../../core/workflows/index.ts';
import { created, replayCreated, newEventId, policyOfCase } from '../../shared/cases.ts';
import { route } from '../../shared/http.ts';
import { commit, once } from '../../shared/store/case-commit.ts';
import { caseHistory } from '../../shared/store/cases.ts';
import { appealOnce } from '../../shared/store/keys.ts';
import { lodgeAppeal } from './routes.ts';

export const handler = route(lodgeAppeal, { idempotent: replayCreated }, async ({ body, principal, resource: appealed, now }) => {
  const entry = (await caseHistory(appealed.id)).find((h) => h.at === body.decision.at && h.action === body.decision.action);
  if (!entry) throw unprocessable([{ field: 'decision', reason: "names no decision in this case's history" }]);
  const rule = (workflowOf(appealed.type).actions as Record<string, ActionRule<string>>)[entry.action];
  const decision = lodge(
    appealed,
    entry,
    { appealable: rule?.appealable === true, workingOffice: workingOffice(appealed) },
    body.grounds,
    principal,
    await policyOfCase(appealed),
    { caseId: randomUUID(), eventId: newEventId() },
    now,
  );
  await commit([decision], [once(appealOnce(appealed.id, entry.at), 'this decision has already been appealed')]);
  return created(decision.case);
});
