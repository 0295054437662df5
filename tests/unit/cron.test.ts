import { describe, expect, it } from 'vitest';
import { toAwsCron } from '../../lib/cron.ts';

describe('cron for EventBridge Scheduler', () => {
  it('converts steps and puts ? in the unused day field', () => {
    expect(toAwsCron('*/15 * * * *')).toBe('cron(0/15 * * * ? *)');
    expect(toAwsCron('0 8 1 * *')).toBe('cron(0 8 1 * ? *)');
  });

  it('shifts day-of-week numbers to Sunday = 1', () => {
    expect(toAwsCron('30 9 * * 1-5')).toBe('cron(30 9 ? * 2-6 *)');
    expect(toAwsCron('0 0 * * 0')).toBe('cron(0 0 ? * 1 *)');
  });

  it('refuses what EventBridge cannot express', () => {
    expect(() => toAwsCron('0 0 1 * 1')).toThrow(/cannot combine/);
    expect(() => toAwsCron('0 0 * *')).toThrow(/five cron fields/);
  });
});
