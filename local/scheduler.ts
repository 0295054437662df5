// Runs the scheduled functions of wiring/ on their cron, in their time zone (Asia/Shanghai),
// as EventBridge Scheduler would, with a ScheduledEvent-shaped payload.
import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import { type ScheduleSpec, schedules } from '../wiring/index.ts';
import { invoke } from './invoke.ts';
import * as clock from '../functions/shared/clock.ts';

export interface Scheduler {
  stop(): void;
}

/** When a schedule next fires after `from`, in its time zone. */
export const nextRun = (schedule: ScheduleSpec, from: Date): Date | null =>
  new Cron(schedule.cron, { timezone: schedule.timeZone, paused: true }).nextRun(from);

export function startScheduler(onError: (e: unknown) => void): Scheduler {
  const jobs = schedules.map(
    (schedule) =>
      new Cron(schedule.cron, { timezone: schedule.timeZone, protect: true }, async () => {
        try {
          await invoke(schedule.function, {
            version: '0',
            id: randomUUID(),
            'detail-type': 'Scheduled Event',
            source: 'aws.scheduler',
            account: '000000000000',
            time: clock.now().toISOString(),
            region: 'us-east-1',
            resources: [],
            detail: {},
          });
        } catch (error) {
          onError(error);
        }
      }),
  );
  return { stop: () => jobs.forEach((job) => job.stop()) };
}
