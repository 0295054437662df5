// Policy: every deadline and interval is a number set per jurisdiction. Overrides are keyed
// by a code prefix; for each setting the longest matching prefix wins.
import type { HolidayCalendar, Period } from './calendar.ts';
import { lineage } from './jurisdiction.ts';

export interface Policy {
  /** Origin office must process an origin-certificate application within this (Measures §8). */
  originCertificateProcessing: Period;
  /** A person registers at the destination within this of arrival (Measures §12). */
  registration: Period;
  /** Incomplete documents must be supplemented within this. */
  supplement: Period;
  /** Residence review interval in months. */
  reviewIntervalMonths: number;
  /** Reminders go out this many days before a deadline. */
  reminderDaysBefore: number;
  calendar: HolidayCalendar;
}

export type PolicyOverride = Partial<Policy>;

export const DEFAULT_POLICY: Policy = {
  originCertificateProcessing: { count: 5, unit: 'calendar_days' },
  registration: { count: 10, unit: 'calendar_days' },
  supplement: { count: 15, unit: 'calendar_days' },
  reviewIntervalMonths: 6,
  reminderDaysBefore: 2,
  calendar: { holidays: [], workdays: [] },
};

/**
 * The policy in force at `code`: defaults, then each override from the shortest matching
 * prefix to the longest, so the most specific jurisdiction wins setting by setting.
 */
export function resolvePolicy(code: string, overrides: Record<string, PolicyOverride>): Policy {
  return policyKeysFor(code).reduce<Policy>((policy, prefix) => ({ ...policy, ...overrides[prefix] }), {
    ...DEFAULT_POLICY,
  });
}

/**
 * The prefixes whose overrides can apply to `code`, shortest first: what a store must load to
 * resolve it. The empty prefix holds settings for every jurisdiction.
 */
export const policyKeysFor = (code: string): string[] => ['', ...lineage(code)];
