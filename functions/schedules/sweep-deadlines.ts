// The deadline sweep: every case whose deadline has passed takes the workflow's `expire`
// action, which records history and emits an event (and so an escalation notice).
import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { DomainError } from '../../core/errors.ts';
import { act, isOverdue } from '../../core/workflows/registration.ts';
import { SYSTEM } from '../../core/principal.ts';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger, metrics } from '../shared/observability.ts';
import { casesDueBy, policyFor, saveDecision } from '../shared/store.ts';

export interface SweepResult {
  examined: number;
  expired: number;
  skipped: number;
}

export const handler = async (event: Partial<ScheduledEvent> = {}): Promise<SweepResult> => {
  const now = event.time ? new Date(event.time) : new Date();
  const result: SweepResult = { examined: 0, expired: 0, skipped: 0 };
  for await (const registration of casesDueBy(now.toISOString())) {
    result.examined++;
    if (!isOverdue(registration, now)) continue;
    try {
      const policy = await policyFor(registration.destinationCode);
      const decision = act(registration, 'expire', SYSTEM, policy, randomUUID(), now);
      await saveDecision(decision, registration.version);
      result.expired++;
    } catch (error) {
      // A case acted on since it was read is left for the next sweep to look at again.
      if (error instanceof DomainError && error.kind === 'conflict') result.skipped++;
      else throw error;
    }
  }
  logger.info('deadline sweep', { ...result, at: now.toISOString() });
  metrics.addMetric('RegistrationsOverdue', MetricUnit.Count, result.expired);
  metrics.publishStoredMetrics();
  return result;
};
