// Which office inboxes an event lands in. One row per event type; a type not listed
// notifies no office (person-facing events, and what an office did itself).
import { maskProtected } from './masking.ts';
import { countyOf, parentOf } from './jurisdiction.ts';
import { type Stage, stageDetail } from './reminders.ts';
import type { Actor, CaseType, Deadline, DomainEvent } from './workflows/engine.ts';

export type Recipient = 'origin' | 'origin_county' | 'destination' | 'destination_county' | 'destination_parent';

export const NOTICE_ROUTES: Record<string, readonly Recipient[]> = {
  // The origin keeps track of its outflow (County plan) and learns of each registration.
  'registration.reported': ['origin'],
  // A person who moved on arrives at the next destination: it and the origin hear of it.
  'registration.transferred': ['origin', 'destination'],
  'registration.verified': ['origin'],
  // The office now owes a check of the supplemented documents.
  'registration.supplemented': ['destination'],
  'registration.revoked': ['origin'],
  'registration.refused': ['origin'],
  'registration.departed': ['origin'],
  // A missed deadline escalates to the county above the destination office.
  'registration.overdue': ['destination', 'destination_county'],
  'registration.agency_decision': ['destination'],
  // A new application waits at the origin; a late one escalates to its county (Measures §8).
  'origin_certificate.applied': ['origin'],
  'origin_certificate.overdue': ['origin', 'origin_county'],
  'origin_certificate.used': ['origin'],
  'origin_certificate.agency_decision': ['origin'],
  // The review's result is notified to the origin (§18); a missed review escalates like any deadline.
  'review.completed': ['origin'],
  'review.overdue': ['destination', 'destination_county'],
  // An assistance request's origin is the asking office, its destination the office asked.
  'assistance_request.sent': ['destination'],
  'assistance_request.answered': ['origin'],
  'assistance_request.declined': ['origin'],
  'assistance_request.overdue': ['destination', 'destination_county', 'origin'],
  // An appeal's origin is the deciding office, its destination the reviewing office above it.
  'appeal.lodged': ['destination', 'origin'],
  'appeal.decided': ['origin'],
  // A reviewing office that misses its deadline is answerable to the level above it.
  'appeal.overdue': ['destination', 'destination_parent'],
  // The origin keeps track of organised departures (§11); a late filing escalates.
  'group.filed': ['origin'],
  'group.overdue': ['destination', 'destination_county'],
  // A reversed decision put the case back: the origin of a registration hears of it.
  'registration.reinstated': ['origin'],
  // A holiday notice moved a provisional deadline: the office working the case hears of it.
  'registration.deadline_rescheduled': ['destination'],
  'origin_certificate.deadline_rescheduled': ['origin'],
  'review.deadline_rescheduled': ['destination'],
  'assistance_request.deadline_rescheduled': ['destination'],
  'appeal.deadline_rescheduled': ['destination'],
  'group.deadline_rescheduled': ['destination'],
};

/** The inbox of the national administrators: notices about the deployment itself, not about a case. */
export const NATIONAL_INBOX = 'national';

/** A notice to the national administrators (no case, no deadline): what the deployment needs of them. */
export interface AdminNotice {
  jurisdiction: typeof NATIONAL_INBOX;
  eventId: string;
  type: string;
  time: string;
  data: Record<string, unknown>;
  acknowledged?: { at: string; by: Actor };
}

/** The daily check's notice: a year's holiday notice should be loaded and is not. */
export const holidayNoticeMissing = (year: number, today: string, eventId: string, at: string): AdminNotice => ({
  jurisdiction: NATIONAL_INBOX,
  eventId,
  type: 'calendar.notice_missing',
  time: at,
  data: { year, today, load: `PUT /v1/calendars/${year}`, detail: `The State Council's ${year} holiday notice is not loaded: working-day deadlines into ${year} are provisional` },
});

/** An event as filed in one jurisdiction's inbox; an event notice is to be acknowledged by a deadline. */
export type Notice = Omit<DomainEvent, 'id'> & {
  jurisdiction: string;
  eventId: string;
  acknowledged?: { at: string; by: Actor };
  acknowledgeBy?: Deadline;
  late?: { at: string };
};

export function noticesFor(event: DomainEvent): Notice[] {
  const codes = (NOTICE_ROUTES[event.type] ?? []).map((recipient) => {
    switch (recipient) {
      case 'origin':
        return event.originCode;
      case 'origin_county':
        return countyOf(event.originCode);
      case 'destination':
        return event.destinationCode;
      case 'destination_county':
        return event.destinationCode ? countyOf(event.destinationCode) : undefined;
      case 'destination_parent':
        return event.destinationCode ? parentOf(event.destinationCode) : undefined;
    }
  });
  // An inbox gets the case id and the masked number, without names or a hand-off (that is for
  // the peer): the office opens the case, audited, when it needs more.
  const { id: eventId, data, ...rest } = event;
  const { handOff: _handOff, responsiblePerson: _responsible, ...kept } = (data ?? {}) as Record<string, unknown>;
  const masked = maskProtected(kept) as Record<string, unknown> & { person?: { idNumber?: string } };
  // Of the person, only the masked number: no name, no phone.
  if (masked.person) masked.person = masked.person.idNumber ? { idNumber: masked.person.idNumber } : {};
  return [...new Set(codes.filter((c): c is string => c !== undefined))].map((jurisdiction) => ({ jurisdiction, eventId, ...rest, data: masked }));
}

/**
 * A deadline's reminder to the office working the case, or its escalation to an office above:
 * the case, its deadline and how near or late it is. No personal data: the office opens the case.
 * `supersedes` names the earlier stages a sweep that caught up skipped for this one.
 */
export function stageNotice(
  c: { id: string; type: CaseType; state: string; originCode: string; destinationCode?: string | undefined; deadline: Deadline },
  stage: Stage,
  jurisdiction: string,
  eventId: string,
  supersedes: readonly string[] = [],
): Notice {
  return {
    jurisdiction,
    eventId,
    type: `${c.type}.${stage.type === 'escalation' ? 'deadline_escalated' : 'deadline_reminder'}`,
    caseId: c.id,
    caseType: c.type,
    time: stage.at,
    originCode: c.originCode,
    ...(c.destinationCode ? { destinationCode: c.destinationCode } : {}),
    data: {
      caseId: c.id,
      state: c.state,
      deadline: { kind: c.deadline.kind, date: c.deadline.date, dueAt: c.deadline.dueAt },
      stage: stage.name,
      ...stageDetail(stage),
      ...(supersedes.length > 0 ? { supersedes: [...supersedes] } : {}),
    },
  };
}

/**
 * A notice about a notice nobody acknowledged: reminded to the inbox it waits in, escalated to
 * the offices above. These are not themselves to be acknowledged, so no chain of reminders grows.
 */
export function acknowledgementNotice(notice: Notice, stage: Stage, jurisdiction: string, eventId: string, supersedes: readonly string[] = []): Notice {
  return {
    jurisdiction,
    eventId,
    type: `notice.${stage.type === 'escalation' ? 'acknowledgement_escalated' : 'acknowledgement_reminder'}`,
    caseId: notice.caseId,
    caseType: notice.caseType,
    time: stage.at,
    originCode: notice.originCode,
    ...(notice.destinationCode ? { destinationCode: notice.destinationCode } : {}),
    data: {
      noticeEventId: notice.eventId,
      noticeType: notice.type,
      inbox: notice.jurisdiction,
      acknowledgeBy: notice.acknowledgeBy?.dueAt,
      stage: stage.name,
      ...stageDetail(stage),
      ...(supersedes.length > 0 ? { supersedes: [...supersedes] } : {}),
    },
  };
}

/** An inbox's feedback figures: of the notices owed an acknowledgement, how many were read, in time or late. */
export function feedbackFigures(notices: readonly Notice[], now: Date) {
  const owed = notices.filter((n) => n.acknowledgeBy);
  // Late once the deadline machinery marked it so, or once its deadline passed unread.
  const late = (n: Notice) => n.late !== undefined || (n.acknowledged ? n.acknowledged.at : now.toISOString()) > n.acknowledgeBy!.dueAt;
  const acknowledged = owed.filter((n) => n.acknowledged).length;
  const inTime = owed.filter((n) => n.acknowledged && !late(n)).length;
  const unreadLate = owed.filter((n) => !n.acknowledged && late(n)).length;
  const hours = owed
    .filter((n) => n.acknowledged)
    .map((n) => (Date.parse(n.acknowledged!.at) - Date.parse(n.time)) / 3_600_000)
    .sort((a, b) => a - b);
  return {
    received: owed.length,
    acknowledged,
    acknowledgedInTime: inTime,
    acknowledgedLate: acknowledged - inTime,
    unread: owed.length - acknowledged,
    // Unread past the deadline: late already, whatever happens next.
    unreadLate,
    // The notices already decided (read, or past their deadline) that were read in time.
    inTimeRate: acknowledged + unreadLate === 0 ? null : inTime / (acknowledged + unreadLate),
    medianHoursToAcknowledge: hours.length === 0 ? null : Math.round(hours[Math.floor((hours.length - 1) / 2)]! * 10) / 10,
  };
}
