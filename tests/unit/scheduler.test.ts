import { SWEEP_WINDOW_SECONDS } from '../../functions/schedules/sweep-deadlines.ts';
import { describe, expect, it } from 'vitest';
import { nextRun } from '../../local/scheduler.ts';
import { schedules } from '../../wiring/index.ts';

describe('local schedules', () => {
  it('reads cron in Asia/Shanghai time', () => {
    const daily = { function: 'sweepDeadlines' as const, cron: '0 8 * * *', timeZone: 'Asia/Shanghai' as const };
    // 08:00 in Shanghai is 00:00 UTC.
    expect(nextRun(daily, new Date('2026-11-28T12:00:00Z'))?.toISOString()).toBe('2026-11-29T00:00:00.000Z');
  });

  it('runs the deadline sweep every five minutes, as long as the window it looks ahead', () => {
    const sweep = schedules.find((s) => s.function === 'sweepDeadlines')!;
    expect(nextRun(sweep, new Date('2026-11-28T12:07:00Z'))?.toISOString()).toBe('2026-11-28T12:10:00.000Z');
    expect(nextRun(sweep, new Date('2026-11-28T12:10:00Z'))?.toISOString()).toBe('2026-11-28T12:15:00.000Z');
    expect(SWEEP_WINDOW_SECONDS).toBe(5 * 60);
  });
});
