// The deadline sweep: every case whose deadline has passed takes its workflow's `expire`
// action, which records history and emits an event (and so an escalation notice).
import type { ScheduledEvent } from 'aws-lambda';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { DomainError } from '../../core/errors.ts';
import { SYSTEM } from '../../core/principal.ts';
import { isOverdue, transition } from '../../core/workflows/engine.ts';
import { workflowOf } from '../../core/workflows/index.ts';
import { newEventId, policyOfCase } from '../shared/cases.ts';
import { logger, metrics } from '../shared/observability.ts';
import { casesDueBy, commit } from '../shared/store/cases.ts';

export interface SweepResult {
  examined: number;
  expired: number;
  skipped: number;
}

export const handler = async (event: Partial<ScheduledEvent> = {}): Promise<SweepResult> => {
  const now = event.time ? new Date(event.time) : new Date();
  const result: SweepResult = { examined: 0, expired: 0, skipped: 0 };
  for await (const c of casesDueBy(now.toISOString())) {
    result.examined++;
    const workflow = workflowOf(c.type);
    if (!isOverdue(workflow, c, now)) continue;
    try {
      await commit([transition(workflow, c, 'expire', SYSTEM, await policyOfCase(c), newEventId(), now)]);
      result.expired++;
    } catch (error) {
      // A case acted on since it was read is left for the next sweep to look at again.
      if (error instanceof DomainError && error.kind === 'conflict') result.skipped++;
      else throw error;
    }
  }
  logger.info('deadline sweep', { ...result, at: now.toISOString() });
  metrics.addMetric('CasesOverdue', MetricUnit.Count, result.expired);
  metrics.publishStoredMetrics();
  return result;
};
