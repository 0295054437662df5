// Policy: every deadline, interval and eligibility rule is a setting per jurisdiction.
// Overrides are keyed by a code prefix; for each setting the longest matching prefix wins.
// The holiday calendar is the exception: the national calendar always applies, and each
// enclosing prefix may add local holidays and make-up working days to it.
import type { HolidayCalendar, Period } from './calendar.ts';
import { NATIONAL_CALENDAR } from './holidays.ts';
import { lineage } from './jurisdiction.ts';
import type { DeadlineKind } from './deadline-kinds.ts';
import { DEFAULT_QUIET_HOURS, DEFAULT_REMINDERS, type QuietHours, type ReminderPolicy } from './reminders.ts';

export interface Policy {
  /** Origin office must process an origin-certificate application within this (Measures §8). */
  originCertificateProcessing: Period;
  /** How long an issued origin certificate is valid. */
  originCertificateValidityMonths: number;
  /** A person registers at the destination within this of arrival (Measures §12). */
  registration: Period;
  /** Incomplete documents must be supplemented within this. */
  supplement: Period;
  /** After a supplement, the destination office checks the documents within this. */
  verification: Period;
  /** How long a verification certificate is valid, and how far `renew` extends it. */
  verificationCertificateValidityMonths: number;
  /** Measures §2: adults only; null turns the rule off. */
  minimumAge: number | null;
  /** Measures §2: stays of at least this many days; null turns the rule off. */
  minimumStayDays: number | null;
  /** An office asked for assistance replies within this (County plan: 协查). */
  assistanceReply: Period;
  /** The longest reply period an asking office may set itself, in calendar days. */
  assistanceReplyMaxDays: number;
  /** An organisation files its group at the destination within this of arrival (Measures §14). */
  groupFiling: Period;
  /** A person may appeal a decision within this many calendar days of it (Measures §31). */
  appealWindowDays: number;
  /** The reviewing office decides an appeal within this. */
  appealDecision: Period;
  /** An office acknowledges a notice in its inbox within this (as the German Rückmeldung); later, it is late. */
  noticeAcknowledgement: Period;
  /** Residence review interval in months. */
  reviewIntervalMonths: number;
  /** A closed case keeps its personal data this many years, then is minimised (kept for statistics). */
  retentionYears: number;
  /** Whether a person's access log names this office's staff (by account), or only the office and role. */
  accessLogNamesStaff: boolean;
  /** The share each completeness rate must reach (0.95: 95%). */
  completenessTarget: number;
  /** An open case nothing is waiting on (no running deadline, no review scheduled) is stale after this many days unchanged. */
  staleAfterDays: number;
  /** How many days a year an office must update its cases (the county work plan: at least 4). */
  updatesPerYear: number;
  /** A review can be completed from this many days before it is due (not straight after the last). */
  reviewWindowDays: number;
  /** Per deadline kind: reminders before it, escalations after it (an override replaces kind by kind). */
  reminders: ReminderPolicy;
  /** No SMS to a person in these local hours; null sends at any hour. */
  quietHours: QuietHours | null;
  /** Local holidays and make-up working days, added to the national calendar. */
  calendar: HolidayCalendar;
}

export type PolicySetting = keyof Policy;
/** Settings for a prefix; reminder rules may be given for some deadline kinds only. */
export type PolicyOverride = Partial<Omit<Policy, 'reminders'>> & { reminders?: Partial<ReminderPolicy> };

export { DEADLINE_KINDS, type DeadlineKind } from './deadline-kinds.ts';

export const periodFor = (policy: Policy, kind: DeadlineKind): Period =>
  kind === 'review' ? { count: policy.reviewIntervalMonths, unit: 'months' } : policy[kind];

export const DEFAULT_POLICY: Policy = {
  originCertificateProcessing: { count: 5, unit: 'calendar_days' },
  originCertificateValidityMonths: 6,
  registration: { count: 10, unit: 'calendar_days' },
  supplement: { count: 15, unit: 'calendar_days' },
  // An office's own processing time, counted in working days as administrative deadlines are.
  verification: { count: 5, unit: 'working_days' },
  verificationCertificateValidityMonths: 12,
  minimumAge: 18,
  minimumStayDays: 30,
  assistanceReply: { count: 10, unit: 'calendar_days' },
  assistanceReplyMaxDays: 30,
  groupFiling: { count: 10, unit: 'calendar_days' },
  appealWindowDays: 60,
  appealDecision: { count: 60, unit: 'calendar_days' },
  noticeAcknowledgement: { count: 3, unit: 'working_days' },
  reviewIntervalMonths: 6,
  retentionYears: 5,
  accessLogNamesStaff: false,
  completenessTarget: 0.95,
  staleAfterDays: 90,
  updatesPerYear: 4,
  reviewWindowDays: 30,
  reminders: DEFAULT_REMINDERS,
  quietHours: DEFAULT_QUIET_HOURS,
  calendar: { holidays: [], workdays: [] },
};

export const POLICY_SETTINGS = Object.keys(DEFAULT_POLICY) as PolicySetting[];

/** How the API names the empty prefix: settings for every jurisdiction. */
export const NATIONAL_PREFIX = 'national';
/** How a resolved policy names a setting nobody overrode. */
export const BUILT_IN = 'default';

/** Where each setting of a resolved policy came from: `default`, `national` or a code prefix. */
export type PolicySources = Record<Exclude<PolicySetting, 'calendar'>, string> & { calendar: string[] };

export interface ResolvedPolicy {
  policy: Policy;
  sources: PolicySources;
}

/**
 * The policy in force at `code` and where each setting came from: defaults, then each
 * override from the shortest matching prefix to the longest, so the most specific jurisdiction
 * wins setting by setting; calendars add up.
 */
export function resolvePolicyWithSources(
  code: string,
  overrides: Record<string, PolicyOverride>,
  national: HolidayCalendar = NATIONAL_CALENDAR,
): ResolvedPolicy {
  const policy: Policy = { ...DEFAULT_POLICY };
  const sources = Object.fromEntries(POLICY_SETTINGS.map((s) => [s, BUILT_IN])) as unknown as PolicySources;
  const holidays = new Set(national.holidays);
  const workdays = new Set(national.workdays);
  sources.calendar = [BUILT_IN];
  for (const prefix of policyKeysFor(code)) {
    const override = overrides[prefix];
    if (!override) continue;
    const source = prefix === '' ? NATIONAL_PREFIX : prefix;
    for (const setting of Object.keys(override) as PolicySetting[]) {
      if (setting === 'calendar') {
        // A more specific prefix has the last word on a day: a local holiday may fall on a
        // national make-up working day, and the other way round.
        const local = override.calendar!;
        for (const d of local.holidays) {
          holidays.add(d);
          workdays.delete(d);
        }
        for (const d of local.workdays) {
          workdays.add(d);
          holidays.delete(d);
        }
        if (local.holidays.length + local.workdays.length > 0) sources.calendar.push(source);
        continue;
      }
      // Reminder rules are set kind by kind: a county may change the review's and keep the rest.
      if (setting === 'reminders') policy.reminders = { ...policy.reminders, ...override.reminders };
      else (policy as unknown as Record<string, unknown>)[setting] = override[setting];
      (sources as Record<string, unknown>)[setting] = source;
    }
  }
  policy.calendar = { holidays: [...holidays].sort(), workdays: [...workdays].sort(), ...(national.noticeYears ? { noticeYears: national.noticeYears } : {}) };
  return { policy, sources };
}

export const resolvePolicy = (code: string, overrides: Record<string, PolicyOverride>, national?: HolidayCalendar): Policy =>
  resolvePolicyWithSources(code, overrides, national).policy;

/**
 * The prefixes whose overrides can apply to `code`, shortest first: what a store must load to
 * resolve it. The empty prefix holds settings for every jurisdiction.
 */
export const policyKeysFor = (code: string): string[] => ['', ...lineage(code)];
