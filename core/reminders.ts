// What a deadline does by itself, as policy data: reminders before it, the overdue step at it,
// escalations after it, each one level further up (township → county → prefecture →
// province). The instants are worked out once, when the deadline starts, and kept with it:
// a later policy change leaves a running deadline's reminders alone, as it leaves its period.
import { addCalendarDays, type HolidayCalendar, isWorkingDay, type Period } from './calendar.ts';
import { lineage } from './jurisdiction.ts';
import type { DeadlineKind } from './deadline-kinds.ts';

/** Who a reminder goes to: the person (SMS, and e-mail when known) and the office working the case (its inbox). */
export type Audience = 'person' | 'office';

export interface ReminderRule {
  /** Days before the deadline date, counted in the deadline's own unit (working days for a working-day deadline). */
  before: number[];
  remind: Audience[];
  /** Days after the deadline date; the first escalates one level up, the second two, and so on. */
  escalateAfter: number[];
}

export type ReminderPolicy = Record<DeadlineKind, ReminderRule>;

/** The hours in which no SMS goes to a person (local time, `HH:MM`); a message due then waits for `end`. */
export interface QuietHours {
  start: string;
  end: string;
}

const OWED_BY_PERSON: ReminderRule = { before: [3, 1], remind: ['person', 'office'], escalateAfter: [3, 10] };
const OWED_BY_OFFICE: ReminderRule = { before: [1], remind: ['office'], escalateAfter: [3, 10] };

export const DEFAULT_REMINDERS: ReminderPolicy = {
  registration: OWED_BY_PERSON,
  supplement: OWED_BY_PERSON,
  // A review is announced a week ahead: the person confirms online, or the office visits.
  review: { before: [7, 1], remind: ['person', 'office'], escalateAfter: [3, 10] },
  // The organisation's responsible person files the group.
  groupFiling: OWED_BY_PERSON,
  originCertificateProcessing: OWED_BY_OFFICE,
  verification: OWED_BY_OFFICE,
  assistanceReply: { before: [3, 1], remind: ['office'], escalateAfter: [3, 10] },
  appealDecision: { before: [7, 1], remind: ['office'], escalateAfter: [3, 10] },
  // An unread notice: the office is reminded the day before it turns late; escalations as ever.
  noticeAcknowledgement: { before: [1], remind: ['office'], escalateAfter: [3, 10] },
};

export const DEFAULT_QUIET_HOURS: QuietHours = { start: '21:00', end: '08:00' };

/** Reminders and escalations go out at this local time on their day, in office hours. */
export const SEND_AT = '09:00';

export type Stage =
  | { name: string; type: 'reminder'; at: string; daysBefore: number; audience: Audience[] }
  | { name: 'overdue'; type: 'overdue'; at: string }
  | { name: string; type: 'escalation'; at: string; daysLate: number; level: number };

/** What the sweep queues: a stage of one deadline (`kind@version`), or a held message to release; `asOf` for a run as of an instant. */
export type DeadlineMessage =
  | { type: 'stage'; caseId: string; deadline: string; stage: string; asOf?: string }
  | { type: 'release'; caseId: string; messageId: string; asOf?: string }
  | { type: 'notice'; jurisdiction: string; eventId: string; stage: string; asOf?: string };

const atLocal = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();

/** `date` moved by `days` (negative: back) in the unit of the deadline's period. */
function shift(date: string, days: number, unit: Period['unit'], calendar: HolidayCalendar): string {
  if (unit !== 'working_days') return addCalendarDays(date, days);
  let current = date;
  for (let left = Math.abs(days); left > 0; ) {
    current = addCalendarDays(current, Math.sign(days));
    if (isWorkingDay(current, calendar)) left--;
  }
  return current;
}

/**
 * Every stage of a deadline in time order: reminders still ahead when it starts, the overdue
 * step at the instant it is missed, then the escalations.
 */
export function stagesOf(
  deadline: { date: string; dueAt: string; period: Period },
  rule: ReminderRule,
  calendar: HolidayCalendar,
  startedAt: string,
): Stage[] {
  const reminders = [...new Set(rule.before)]
    .filter((n) => n > 0 && rule.remind.length > 0)
    .map((n): Stage => ({ name: `remind-${n}d`, type: 'reminder', at: atLocal(shift(deadline.date, -n, deadline.period.unit, calendar), SEND_AT), daysBefore: n, audience: rule.remind }))
    .filter((s) => s.at > startedAt);
  const escalations = [...new Set(rule.escalateAfter)]
    .filter((n) => n > 0)
    .sort((a, b) => a - b)
    .map((n, i): Stage => ({ name: `escalate-${i + 1}`, type: 'escalation', at: atLocal(shift(deadline.date, n, deadline.period.unit, calendar), SEND_AT), daysLate: n, level: i + 1 }));
  return [...reminders, { name: 'overdue', type: 'overdue', at: deadline.dueAt } as Stage, ...escalations].sort((a, b) => a.at.localeCompare(b.at));
}

/** What a notice about a stage says of it: how many days before, or how late and how far up. */
export const stageDetail = (stage: Stage): Record<string, number> =>
  stage.type === 'reminder' ? { daysBefore: stage.daysBefore } : stage.type === 'escalation' ? { daysLate: stage.daysLate, level: stage.level } : {};

/** The first stage after `through` (stages at or before it were already sent on their way), if any. */
export const nextStage = (stages: readonly Stage[], through: string | undefined): Stage | undefined =>
  stages.find((s) => through === undefined || s.at > through);

/** The stages that fall in `(through, until]`: what one sweep hands to the queue. */
export const stagesBetween = (stages: readonly Stage[], through: string | undefined, until: string): Stage[] =>
  stages.filter((s) => (through === undefined || s.at > through) && s.at <= until);

/** The office an escalation of `level` goes to: that many levels above the working office, if there is one. */
export function escalationOffice(workingOffice: string, level: number): string | undefined {
  const above = lineage(workingOffice).slice(0, -1);
  return above.at(-level);
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** When an SMS due at `at` may go: at once, or at the end of the quiet hours it falls in. */
export function releaseAt(at: string, quiet: QuietHours | null): string {
  if (!quiet) return at;
  const local = new Date(Date.parse(at) + 8 * 3600_000);
  const date = local.toISOString().slice(0, 10);
  const now = local.getUTCHours() * 60 + local.getUTCMinutes();
  const [start, end] = [minutes(quiet.start), minutes(quiet.end)];
  const wraps = start > end;
  const quietNow = wraps ? now >= start || now < end : now >= start && now < end;
  if (!quietNow) return at;
  // After midnight the quiet period ends today; before it, tomorrow.
  const endDate = wraps && now >= start ? addCalendarDays(date, 1) : date;
  return atLocal(endDate, quiet.end);
}
