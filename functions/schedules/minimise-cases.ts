// The retention job, daily: every closed case whose retention period (policy retentionYears from
// the day it closed) ran out is minimised (core/retention.ts): personal fields removed, the
// person index and the recipients of its messages forgotten, a history entry written; the case
// stays for statistics. A case changed meanwhile is left for the next run.
import type { ScheduledEvent } from 'aws-lambda';
import { localDate } from '../../core/calendar.ts';
import { DomainError } from '../../core/errors.ts';
import { dueForMinimising, minimise } from '../../core/retention.ts';
import { logger } from '../shared/observability.ts';
import { replaceMinimised } from '../shared/store/case-commit.ts';
import { retentionExpired } from '../shared/store/cases.ts';
import { forgetRecipients } from '../shared/store/messages.ts';
import * as clock from '../shared/clock.ts';

export interface MinimiseResult {
  minimised: number;
  skipped: number;
}

/** `asOf` runs it as of that instant (npm run schedule -- minimiseCases --at …). */
export const handler = async (event: Partial<ScheduledEvent> & { asOf?: string } = {}): Promise<MinimiseResult> => {
  const now = clock.scheduledAt(event);
  const today = localDate(now);
  const result: MinimiseResult = { minimised: 0, skipped: 0 };
  for await (const c of retentionExpired(today)) {
    if (!dueForMinimising(c, today)) continue;
    const { case: next, history } = minimise(c, now);
    try {
      await replaceMinimised(next, c.version, history);
      await forgetRecipients(c.id);
      result.minimised++;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      result.skipped++;
    }
  }
  logger.info('retention', { ...result, today });
  return result;
};
