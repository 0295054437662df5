// The arrival-registration workflow as a table: each action names the states it may start
// from, the state it leads to, who may take it, the deadline it starts and the event it
// emits. Handlers and the deadline sweep only ever consult this table (through engine.ts).
import { maskIdNumber } from '../masking.ts';
import { type Certificate, extendCertificate, issueCertificate } from '../certificates.ts';
import { addMonths, localDate } from '../calendar.ts';
import { type FieldProblem, conflict, unprocessable, validationError } from '../errors.ts';
import { bornByToday, parseIdNumber } from '../id-number.ts';
import type { Policy } from '../policy.ts';
import { type Principal, SYSTEM } from '../principal.ts';
import { type CaseBase, type Decision, type Person, type Workflow, open, transition } from './engine.ts';
import { REVIEW_ACTIONS, type ReviewCase, cancelReview, scheduleReview } from './review.ts';

export const REGISTRATION_STATES = [
  'reported', // arrival reported; documents due by the registration deadline
  'awaiting_supplement', // documents incomplete; supplement due
  'registered', // verification certificate issued
  'overdue', // a deadline passed without action
  'departed', // the person left; the certificate ends on the departure date
  'closed', // the certificate was revoked
] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

/** The states in which the person is at the destination and the case is still worked or held. */
export const OPEN_STATES = ['reported', 'awaiting_supplement', 'registered', 'overdue'] as const;

export const REGISTRATION_ACTIONS = {
  // Employers and landlords (filers) report the people at their premises (§16, §17).
  report: { from: [null], to: 'reported', roles: ['caseworker', 'person', 'filer'], deadline: 'registration', event: 'registration.reported' },
  // Opened by the system at the next destination when a person departs towards it.
  transfer: { from: [null], to: 'reported', roles: ['system'], deadline: 'registration', event: 'registration.transferred' },
  verify: {
    from: ['reported', 'awaiting_supplement', 'overdue'],
    to: 'registered',
    roles: ['caseworker'],
    deadline: null,
    event: 'registration.verified',
  },
  request_supplement: {
    from: ['reported', 'overdue'],
    to: 'awaiting_supplement',
    roles: ['caseworker'],
    deadline: 'supplement',
    event: 'registration.supplement_requested',
  },
  // Back to the office for checking, which now owes a decision within the verification period.
  // Only a requested supplement: an overdue case is the office's to decide (verify or ask again).
  supplement: {
    from: ['awaiting_supplement'],
    to: 'reported',
    roles: ['caseworker', 'person'],
    deadline: 'verification',
    event: 'registration.supplemented',
  },
  // The office will not register the person (the rules are not met, the documents are false).
  refuse: {
    from: ['reported', 'awaiting_supplement', 'overdue'],
    to: 'closed',
    roles: ['caseworker'],
    deadline: null,
    event: 'registration.refused',
    reasonRequired: true,
    appealable: true,
  },
  // New contact details, expected stay or premises (an employer's later list, a person who moved
  // rooms): a correction of the case, not a step in it, so the state and deadline stay.
  update_details: {
    from: OPEN_STATES,
    to: OPEN_STATES,
    stays: true,
    roles: ['caseworker', 'filer', 'person'],
    deadline: 'keep',
    event: 'registration.details_updated',
  },
  renew: { from: ['registered'], to: 'registered', roles: ['caseworker'], deadline: null, event: 'registration.renewed' },
  revoke: {
    from: ['registered'],
    to: 'closed',
    roles: ['caseworker'],
    deadline: null,
    event: 'registration.revoked',
    reasonRequired: true,
    appealable: true,
  },
  // A group member who never arrived was removed from the group: the case closes, nothing is owed.
  withdraw: {
    from: ['reported', 'awaiting_supplement', 'overdue'],
    to: 'closed',
    roles: ['system'],
    deadline: null,
    event: 'registration.withdrawn',
  },
  // An appeal reversed the revocation or refusal: the case returns to the state before it.
  reinstate: {
    from: ['closed'],
    to: ['registered', 'reported', 'awaiting_supplement', 'overdue'],
    roles: ['system'],
    deadline: null,
    event: 'registration.reinstated',
  },
  depart: {
    from: ['reported', 'awaiting_supplement', 'registered', 'overdue'],
    to: 'departed',
    roles: ['caseworker', 'person'],
    deadline: null,
    event: 'registration.departed',
  },
  expire: { from: ['reported', 'awaiting_supplement'], to: 'overdue', roles: ['system'], deadline: 'keep', event: 'registration.overdue' },
  // The next residence review was scheduled (after verification, and after each review).
  schedule_review: {
    from: ['registered'],
    to: 'registered',
    roles: ['system'],
    deadline: null,
    event: 'registration.review_scheduled',
  },
  // The person registered at the next destination: this case's certificate is replaced.
  supersede: {
    from: ['departed'],
    to: 'departed',
    roles: ['system'],
    deadline: null,
    event: 'registration.certificate_superseded',
  },
} as const;

export type RegistrationAction = keyof typeof REGISTRATION_ACTIONS;

export interface RegistrationCase extends CaseBase<RegistrationState> {
  type: 'registration';
  person: Person;
  destinationCode: string;
  arrivalDate: string;
  expectedStayDays: number;
  originCertificateNumber?: string;
  verificationCertificate?: Certificate;
  supplementRequest?: { items: string[]; reason: string; requestedAt: string };
  departure?: { date: string; nextDestinationCode?: string };
  /** The case this one continues (the person departed from there towards here). */
  previousCaseId?: string;
  /** The case opened at the next destination when the person departed. */
  nextCaseId?: string;
  /** The residence review that is due, or was last due. */
  reviewId?: string;
  /** The organised group the person came with (§14). */
  groupId?: string;
  /** Where the person lives, as an employer's or landlord's filing gives it. */
  premises?: string;
  /** The bulk filing that reported it. */
  importId?: string;
}

export const REGISTRATION: Workflow<RegistrationCase, RegistrationAction> = {
  type: 'registration',
  states: REGISTRATION_STATES,
  actions: REGISTRATION_ACTIONS,
  office: 'destination',
  closed: ['departed', 'closed'],
  eventData: (c) => ({
    // Events carry the masked number: a receiving office reads the case (audited) for more.
    person: { name: c.person.name, idNumber: maskIdNumber(c.person.idNumber) },
    originCode: c.originCode,
    destinationCode: c.destinationCode,
    arrivalDate: c.arrivalDate,
    deadline: c.deadline,
    ...(c.originCertificateNumber ? { originCertificateNumber: c.originCertificateNumber } : {}),
    ...(c.verificationCertificate ? { verificationCertificate: c.verificationCertificate } : {}),
    ...(c.departure ? { departure: c.departure } : {}),
    ...(c.previousCaseId ? { previousCaseId: c.previousCaseId } : {}),
    ...(c.nextCaseId ? { nextCaseId: c.nextCaseId } : {}),
    ...(c.reviewId ? { reviewId: c.reviewId } : {}),
    ...(c.groupId ? { groupId: c.groupId } : {}),
  }),
};

export interface ReportInput {
  person: Person;
  originCode: string;
  destinationCode: string;
  arrivalDate: string;
  expectedStayDays: number;
  originCertificateNumber?: string;
  groupId?: string;
  premises?: string;
  importId?: string;
}

/** Measures §2 as policy: adults who stay long enough. Either rule is off when its setting is null. */
export function eligibilityProblems(input: Pick<ReportInput, 'person' | 'arrivalDate' | 'expectedStayDays'>, policy: Policy): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (policy.minimumStayDays !== null && input.expectedStayDays < policy.minimumStayDays) {
    problems.push({
      field: 'expectedStayDays',
      reason: `is below the minimum stay of ${policy.minimumStayDays} days (policy minimumStayDays, Measures §2)`,
    });
  }
  // The schema has checked the number against today; here only its birth date matters.
  const parsed = parseIdNumber(input.person.idNumber, '9999-12-31');
  if (policy.minimumAge !== null && !('error' in parsed)) {
    if (addMonths(parsed.birthDate, 12 * policy.minimumAge) > input.arrivalDate) {
      problems.push({
        field: 'person.idNumber',
        reason: `belongs to a person under ${policy.minimumAge} on the arrival date (policy minimumAge, Measures §2)`,
      });
    }
  }
  return problems;
}

/**
 * One open registration per person and destination: a later report of the same person there is
 * a correction of the open one (`update-details`; a bulk import updates it from the row), not a
 * second case. Refuses the report when `open` is that registration.
 */
export function assertFirstArrival(open: { id: string } | undefined, destinationCode: string): void {
  if (open) throw conflict(`this person already has an open registration at ${destinationCode} (${open.id}); correct it with update-details`, { caseId: open.id });
}

/** Opens a case: the person (or a caseworker for them) reports an arrival. */
export function report(
  input: ReportInput,
  actor: Principal,
  policy: Policy,
  ids: { caseId: string; eventId: string },
  now: Date,
): Decision<RegistrationCase> {
  // Who may act comes first: a caller outside the destination learns nothing from validation.
  const decision = open(
    REGISTRATION,
    'report',
    { id: ids.caseId, ...input },
    actor,
    policy,
    { eventId: ids.eventId, deadlineFrom: input.arrivalDate },
    now,
  );
  const today = localDate(now);
  const unborn = bornByToday(input.person.idNumber, today, 'person.idNumber');
  if (unborn.length > 0) throw validationError(unborn);
  if (input.arrivalDate > today) {
    throw validationError([{ field: 'arrivalDate', reason: `is in the future (today is ${today} in Asia/Shanghai)` }]);
  }
  if (input.originCode === input.destinationCode) {
    throw validationError([{ field: 'destinationCode', reason: 'must differ from originCode' }]);
  }
  const problems = eligibilityProblems(input, policy);
  if (problems.length > 0) throw unprocessable(problems, 'The person is not within the registration rules of this jurisdiction');
  return decision;
}

/**
 * Documents complete: registered, with a verification certificate, and the first residence
 * review scheduled. A person who came from another destination has that destination's
 * certificate replaced.
 */
export function verify(
  current: RegistrationCase,
  actor: Principal,
  policy: Policy,
  ids: { eventId: string; review: { caseId: string; eventId: string }; previous?: { case: RegistrationCase; policy: Policy; eventId: string } },
  now: Date,
  detail: { certificateNumber: string; note?: string },
): Decision[] {
  const verified = transition(REGISTRATION, current, 'verify', actor, policy, ids.eventId, now, {
    detail: detail.note ? { note: detail.note } : {},
    changes: () => ({
      verificationCertificate: issueCertificate(detail.certificateNumber, localDate(now), policy.verificationCertificateValidityMonths),
      supplementRequest: undefined,
      reviewId: ids.review.caseId,
    }),
  });
  const review = scheduleReview(verified.case, 1, localDate(now), policy, ids.review, now);
  const previous = ids.previous;
  const replaced =
    previous && previous.case.state === 'departed' && previous.case.verificationCertificate
      ? [supersede(previous.case, detail.certificateNumber, previous.policy, previous.eventId, now)]
      : [];
  return [verified, review, ...replaced];
}

/** The registration's current review, once another has been scheduled after it. */
export const reviewScheduled = (current: RegistrationCase, reviewId: string, policy: Policy, eventId: string, now: Date) =>
  transition(REGISTRATION, current, 'schedule_review', SYSTEM, policy, eventId, now, { changes: () => ({ reviewId }) });

/** A registration that ends (departure, revocation) has no further reviews: its open one is cancelled. */
const endReview = (review: { case: ReviewCase; eventId: string } | undefined, policy: Policy, now: Date, reason: string): Decision[] =>
  review && (REVIEW_ACTIONS.cancel.from as readonly string[]).includes(review.case.state) ? [cancelReview(review.case, policy, review.eventId, now, reason)] : [];

export function requestSupplement(
  current: RegistrationCase,
  actor: Principal,
  policy: Policy,
  eventId: string,
  now: Date,
  detail: { items: string[]; reason: string },
): Decision<RegistrationCase> {
  return transition(REGISTRATION, current, 'request_supplement', actor, policy, eventId, now, {
    detail: { reason: detail.reason },
    changes: () => ({ supplementRequest: { items: detail.items, reason: detail.reason, requestedAt: now.toISOString() } }),
  });
}

export const supplement = (
  current: RegistrationCase,
  actor: Principal,
  policy: Policy,
  eventId: string,
  now: Date,
  detail: { note?: string },
): Decision<RegistrationCase> =>
  transition(REGISTRATION, current, 'supplement', actor, policy, eventId, now, { detail: detail.note ? { note: detail.note } : {} });

/** Extends the verification certificate by the policy's validity, from its end or from today if it has lapsed. */
export function renew(
  current: RegistrationCase,
  actor: Principal,
  policy: Policy,
  eventId: string,
  now: Date,
  detail: { note?: string } = {},
): Decision<RegistrationCase> {
  return transition(REGISTRATION, current, 'renew', actor, policy, eventId, now, {
    detail: detail.note ? { note: detail.note } : {},
    changes: (next) => ({
      verificationCertificate: extendCertificate(next.verificationCertificate!, localDate(now), policy.verificationCertificateValidityMonths),
    }),
  });
}

export function revoke(
  current: RegistrationCase,
  actor: Principal,
  policy: Policy,
  ids: { eventId: string; review?: { case: ReviewCase; eventId: string } },
  now: Date,
  detail: { reason: string },
): Decision[] {
  const revoked = transition(REGISTRATION, current, 'revoke', actor, policy, ids.eventId, now, {
    detail,
    changes: (next) => ({ verificationCertificate: { ...next.verificationCertificate!, revoked: { at: now.toISOString(), reason: detail.reason } } }),
  });
  return [revoked, ...endReview(ids.review, policy, now, 'the registration was revoked')];
}

/** The office refuses to register the person, with a reason the person can read (and appeal). */
export const refuse = (current: RegistrationCase, actor: Principal, policy: Policy, eventId: string, now: Date, detail: { reason: string }) =>
  transition(REGISTRATION, current, 'refuse', actor, policy, eventId, now, { detail });

export interface DetailsInput {
  phone?: string | undefined;
  expectedStayDays?: number | undefined;
  premises?: string | undefined;
}

/** The fields of `changes` that differ from the case; none means there is nothing to write. */
export function changedDetails(current: RegistrationCase, changes: DetailsInput): (keyof DetailsInput)[] {
  const now: Record<keyof DetailsInput, string | number | undefined> = { phone: current.person.phone, expectedStayDays: current.expectedStayDays, premises: current.premises };
  return (Object.keys(now) as (keyof DetailsInput)[]).filter((k) => changes[k] !== undefined && changes[k] !== now[k]);
}

/** New contact details, expected stay or premises; the history names the fields, not their values. */
export function updateDetails(
  current: RegistrationCase,
  actor: Principal,
  policy: Policy,
  eventId: string,
  now: Date,
  detail: DetailsInput & { note?: string | undefined },
): Decision<RegistrationCase> {
  const changed = changedDetails(current, detail);
  if (changed.length === 0) throw validationError([{ field: 'body', reason: 'changes nothing: give a phone, expectedStayDays or premises that differs from the case' }]);
  return transition(REGISTRATION, current, 'update_details', actor, policy, eventId, now, {
    detail: { note: [`updated ${changed.join(', ')}`, detail.note].filter(Boolean).join(': ') },
    changes: (next) => ({
      person: { ...next.person, ...(detail.phone !== undefined ? { phone: detail.phone } : {}) },
      ...(detail.expectedStayDays !== undefined ? { expectedStayDays: detail.expectedStayDays } : {}),
      ...(detail.premises !== undefined ? { premises: detail.premises } : {}),
    }),
  });
}

/** What a departure towards another deployment carries so the next destination can open the case there. */
export interface HandOff {
  person: Person;
  expectedStayDays: number;
}

export interface DepartInput {
  departureDate: string;
  nextDestinationCode?: string;
  note?: string;
}

/**
 * The person left. The certificate ends on the departure date. With a next destination known
 * to this deployment, a case is opened there in `reported` (arrival = departure date), owned
 * by whoever owned this one, and the two are linked both ways.
 */
export function depart(
  current: RegistrationCase,
  input: DepartInput,
  actor: Principal,
  policy: Policy,
  ids: {
    eventId: string;
    next?: { caseId: string; eventId: string; policy: Policy };
    review?: { case: ReviewCase; eventId: string };
    /** The next destination is another deployment's: the event carries what it needs to open the case there. */
    handOff?: boolean;
  },
  now: Date,
): Decision[] {
  // A person going home (next destination = origin) is recorded, and no case opens there.
  const nextCaseId = input.nextDestinationCode && input.nextDestinationCode !== current.originCode && ids.next ? ids.next.caseId : undefined;
  const leaving = transition(REGISTRATION, current, 'depart', actor, policy, ids.eventId, now, {
    detail: input.note ? { note: input.note } : {},
    changes: (next) => ({
      departure: { date: input.departureDate, ...(input.nextDestinationCode ? { nextDestinationCode: input.nextDestinationCode } : {}) },
      ...(nextCaseId ? { nextCaseId } : {}),
      ...(next.verificationCertificate && next.verificationCertificate.validUntil > input.departureDate
        ? { verificationCertificate: { ...next.verificationCertificate, validUntil: input.departureDate } }
        : {}),
    }),
  });
  // Checked after the table has said the caller may depart this case from its state.
  const today = localDate(now);
  const problems: FieldProblem[] = [];
  if (input.departureDate > today) problems.push({ field: 'departureDate', reason: `is in the future (today is ${today} in Asia/Shanghai)` });
  if (input.departureDate < current.arrivalDate) problems.push({ field: 'departureDate', reason: `is before the arrival on ${current.arrivalDate}` });
  if (input.nextDestinationCode === current.destinationCode) problems.push({ field: 'nextDestinationCode', reason: 'is where the person lives now' });
  if (problems.length > 0) throw validationError(problems);
  const ended = endReview(ids.review, policy, now, 'the person departed');
  if (ids.handOff && input.nextDestinationCode && input.nextDestinationCode !== current.originCode) {
    const handOff: HandOff = { person: current.person, expectedStayDays: current.expectedStayDays };
    return [{ ...leaving, event: { ...leaving.event, data: { ...leaving.event.data, handOff } } }, ...ended];
  }
  if (!nextCaseId || !ids.next || !input.nextDestinationCode) return [leaving, ...ended];
  const arriving = open(
    REGISTRATION,
    'transfer',
    {
      id: nextCaseId,
      person: current.person,
      originCode: current.originCode,
      destinationCode: input.nextDestinationCode,
      arrivalDate: input.departureDate,
      expectedStayDays: current.expectedStayDays,
      previousCaseId: current.id,
    },
    SYSTEM,
    ids.next.policy,
    { eventId: ids.next.eventId, deadlineFrom: input.departureDate },
    now,
    { openedBy: current.openedBy },
  );
  return [leaving, ...ended, arriving];
}

/**
 * A peer deployment's person departed towards one of our jurisdictions: the case opens here in
 * `reported` (arrival = departure date), as a transfer inside one deployment would, linked to the
 * peer's case by `previousCaseId`.
 */
export function arriveFromPeer(
  departed: { caseId: string; originCode: string; nextDestinationCode: string; departureDate: string; handOff: HandOff },
  peer: string,
  policy: Policy,
  ids: { caseId: string; eventId: string },
  now: Date,
): Decision<RegistrationCase> {
  return open(
    REGISTRATION,
    'transfer',
    {
      id: ids.caseId,
      person: departed.handOff.person,
      originCode: departed.originCode,
      destinationCode: departed.nextDestinationCode,
      arrivalDate: departed.departureDate,
      expectedStayDays: departed.handOff.expectedStayDays,
      previousCaseId: departed.caseId,
    },
    SYSTEM,
    policy,
    { eventId: ids.eventId, deadlineFrom: departed.departureDate },
    now,
    { openedBy: { sub: `peer:${peer}`, role: 'system' } },
  );
}

/** The next destination verified the person: the previous destination's certificate is replaced. */
export const supersede = (previous: RegistrationCase, replacement: string, policy: Policy, eventId: string, now: Date) =>
  transition(REGISTRATION, previous, 'supersede', SYSTEM, policy, eventId, now, {
    detail: { note: `replaced by verification certificate ${replacement}` },
    changes: (next) =>
      next.verificationCertificate ? { verificationCertificate: { ...next.verificationCertificate, supersededBy: replacement } } : {},
  });

/** The arrival is withdrawn (a group member removed before registering): the case closes. */
export const withdraw = (current: RegistrationCase, reason: string, policy: Policy, eventId: string, now: Date) =>
  transition(REGISTRATION, current, 'withdraw', SYSTEM, policy, eventId, now, { detail: { reason } });
