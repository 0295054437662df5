// What a deadline does by itself, as policy data: reminders before it, the overdue step at it,
// escalations after it, each one level further up (township → county → prefecture →
// province). The instants are worked out once, when the deadline starts, and kept with it:
// a later policy change leaves a running deadline's reminders alone, as it leaves its period.
import { addCalendarDays, type HolidayCalendar, isWorkingDay, localDate, type Period } from './calendar.ts';
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

// ---- Catching up: a sweep that was missed queues every stage it left behind at once

/** Why a stage that came late is recorded instead of acted on. */
export interface Skip {
  reason: string;
  /** The later stage of the same deadline that goes instead. */
  supersededBy?: string;
}

const localDateOf = (at: string) => localDate(new Date(at));

/**
 * The catch-up rule: whether a stage acted on at `now` is skipped. A sweep that was missed
 * queues every stage it left behind at once, and each is acted on as of the same instant, so
 * each can decide alone:
 * - a reminder is skipped once the deadline has passed, and when a later reminder of the same
 *   deadline falls due by the local day this one would go out (at once, or for an SMS in the
 *   quiet hours when they end): only the latest reminder goes, and a person is not reminded
 *   twice within hours;
 * - an escalation is skipped when a further level with an office to go to (above `office`, the
 *   one working the case) has fallen due by the local day of `now`: only the furthest is filed.
 * The overdue step is never skipped. Stages acted on in time supersede nothing.
 */
export function skipOf(
  stage: Stage,
  deadline: { dueAt: string; stages: readonly Stage[] },
  now: string,
  context: { office: string; quiet?: QuietHours | null },
): Skip | undefined {
  if (stage.type === 'overdue') return undefined;
  if (stage.type === 'reminder') {
    if (now >= deadline.dueAt) return { reason: 'the deadline had passed when a sweep caught up' };
    const by = localDateOf(releaseAt(now, context.quiet ?? null));
    const later = deadline.stages.filter((s) => s.type === 'reminder' && s.at > stage.at && s.at < deadline.dueAt && localDateOf(s.at) <= by).at(-1);
    return later ? { reason: `superseded by ${later.name}: a sweep caught up, and only the latest reminder due goes`, supersededBy: later.name } : undefined;
  }
  const today = localDateOf(now);
  const further = deadline.stages
    .filter((s) => s.type === 'escalation' && s.level > stage.level && localDateOf(s.at) <= today && escalationOffice(context.office, s.level) !== undefined)
    .at(-1);
  return further ? { reason: `superseded by ${further.name}: a sweep caught up, and only the furthest level due is filed`, supersededBy: further.name } : undefined;
}

/**
 * The earlier stages `stage` would supersede at `now` (of the same type): candidates only, for
 * the notice to name; one of them already acted on in its own time was not skipped.
 */
export const supersedes = (stage: Stage, deadline: { dueAt: string; stages: readonly Stage[] }, now: string, context: { office: string; quiet?: QuietHours | null }): Stage[] =>
  deadline.stages.filter((s) => s.type === stage.type && s.at < stage.at && skipOf(s, deadline, now, context)?.supersededBy === stage.name);

/**
 * Days left on the local date `from` until the deadline date, in the deadline's unit (working
 * days counted after `from` up to the deadline date): what a reminder sent that day says.
 */
export function daysLeft(from: string, deadline: { date: string; period?: Period | undefined }, calendar: HolidayCalendar): number {
  if (from >= deadline.date) return from === deadline.date ? 0 : -daysLeft(deadline.date, { date: from, period: deadline.period }, calendar);
  if (deadline.period?.unit !== 'working_days') return Math.round((Date.parse(deadline.date) - Date.parse(from)) / 86_400_000);
  let days = 0;
  for (let d = addCalendarDays(from, 1); d <= deadline.date; d = addCalendarDays(d, 1)) if (isWorkingDay(d, calendar)) days++;
  return days;
}
