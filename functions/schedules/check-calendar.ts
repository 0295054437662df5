// Daily: is the national holiday notice of this year, and from 1 November of the next, loaded?
// While it is not, working-day deadlines counted into that year are provisional: the check
// files a notice in the national administrators' inbox (one a day: a reminder until it is
// loaded), logs it and publishes the HolidayNoticeMissing metric, which an alarm in AWS watches.
// It also queues a recount of the provisional deadlines the loaded notices now settle.
import type { ScheduledEvent } from 'aws-lambda';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { localDate } from '../../core/calendar.ts';
import { missingNotices, nationalCalendar } from '../../core/holidays.ts';
import { holidayNoticeMissing } from '../../core/notices.ts';
import { queueRecount } from '../shared/calendars.ts';
import { keyedId } from '../shared/cases.ts';
import { logger, metrics } from '../shared/observability.ts';
import { fileNotice } from '../shared/store/notices.ts';
import { loadedNotices } from '../shared/store/reference.ts';
import * as clock from '../shared/clock.ts';

export interface CalendarCheck {
  today: string;
  missing: number[];
}

/** `asOf` runs it as of that instant (npm run schedule -- checkCalendar --at …). */
export const handler = async (event: Partial<ScheduledEvent> & { asOf?: string } = {}): Promise<CalendarCheck> => {
  const now = clock.scheduledAt(event);
  const today = localDate(now);
  const missing = missingNotices(today, nationalCalendar(await loadedNotices()).noticeYears ?? []);
  for (const year of missing) {
    await fileNotice(holidayNoticeMissing(year, today, keyedId(`calendar#${year}#${today}`), now.toISOString()));
    logger.warn('holiday notice not loaded: load it with PUT /v1/calendars/{year}', { today, year });
  }
  // Published first: a failure below must not leave the alarm without its data point.
  metrics.addMetric('HolidayNoticeMissing', MetricUnit.Count, missing.length);
  metrics.publishStoredMetrics();
  // Deadlines a stale cache counted provisionally after a notice was loaded are found here.
  await queueRecount();
  return { today, missing };
};
