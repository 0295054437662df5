// The arrival-registration workflow as a table: each action names the states it may start
// from, the state it leads to, who may take it, the deadline it starts and the event it
// emits. Handlers and the deadline sweep only ever consult this table.
import { deadlineDate, endOfLocalDate, localDate } from '../calendar.ts';
import { conflict, forbidden, validationError } from '../errors.ts';
import type { Policy } from '../policy.ts';
import { type Principal, type Role, officeCovers } from '../principal.ts';

export const REGISTRATION_STATES = [
  'reported', // arrival reported; documents due by the registration deadline
  'awaiting_supplement', // documents incomplete; supplement due
  'registered', // verification certificate issued
  'overdue', // a deadline passed without action
] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

export type DeadlineKind = 'registration' | 'supplement';

export interface ActionRule {
  from: readonly (RegistrationState | null)[];
  to: RegistrationState;
  roles: readonly Role[];
  /** The deadline the new state runs against, taken from policy; null clears it. */
  deadline: DeadlineKind | null;
  event: string;
}

export const REGISTRATION_ACTIONS = {
  report: {
    from: [null],
    to: 'reported',
    roles: ['caseworker', 'person'],
    deadline: 'registration',
    event: 'registration.reported',
  },
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
  expire: {
    from: ['reported', 'awaiting_supplement'],
    to: 'overdue',
    roles: ['system'],
    deadline: null,
    event: 'registration.overdue',
  },
} as const satisfies Record<string, ActionRule>;

export type RegistrationAction = keyof typeof REGISTRATION_ACTIONS;

export interface Person {
  name: string;
  idNumber: string;
  phone: string;
}

export interface Deadline {
  kind: DeadlineKind;
  /** Last local date on which the duty is on time. */
  date: string;
  /** The instant it is missed (end of `date` in Asia/Shanghai), ISO UTC. */
  dueAt: string;
}

export interface RegistrationCase {
  id: string;
  state: RegistrationState;
  person: Person;
  originCode: string;
  destinationCode: string;
  arrivalDate: string;
  deadline: Deadline | null;
  reportedBy: { sub: string; role: Role };
  createdAt: string;
  updatedAt: string;
  /** Optimistic-lock counter: every write must match the version it read. */
  version: number;
}

export interface HistoryEntry {
  caseId: string;
  at: string;
  action: RegistrationAction;
  from: RegistrationState | null;
  to: RegistrationState;
  by: { sub: string; role: Role };
}

export interface DomainEvent {
  id: string;
  type: string;
  caseId: string;
  time: string;
  originCode: string;
  destinationCode: string;
  data: Record<string, unknown>;
}

export interface Decision {
  case: RegistrationCase;
  history: HistoryEntry;
  event: DomainEvent;
}

export interface ReportInput {
  person: Person;
  originCode: string;
  destinationCode: string;
  arrivalDate: string;
}

function startDeadline(kind: DeadlineKind | null, from: string, policy: Policy): Deadline | null {
  if (!kind) return null;
  const period = kind === 'registration' ? policy.registration : policy.supplement;
  const date = deadlineDate(from, period, policy.calendar);
  return { kind, date, dueAt: endOfLocalDate(date) };
}

function assertMayAct(action: RegistrationAction, actor: Principal, destinationCode: string) {
  const rule: ActionRule = REGISTRATION_ACTIONS[action];
  if (!rule.roles.includes(actor.role)) {
    throw forbidden(`role ${actor.role} may not ${action} a registration`);
  }
  if ((actor.role === 'caseworker' || actor.role === 'supervisor') && !officeCovers(actor, destinationCode)) {
    throw forbidden(`destination ${destinationCode} is outside your jurisdiction ${actor.jurisdiction}`);
  }
}

/** Opens a case: the person (or a caseworker for them) reports an arrival. */
export function report(
  input: ReportInput,
  actor: Principal,
  policy: Policy,
  ids: { caseId: string; eventId: string },
  now: Date,
): Decision {
  assertMayAct('report', actor, input.destinationCode);
  const today = localDate(now);
  if (input.arrivalDate > today) {
    throw validationError([{ field: 'arrivalDate', reason: `is in the future (today is ${today} in Asia/Shanghai)` }]);
  }
  if (input.originCode === input.destinationCode) {
    throw validationError([{ field: 'destinationCode', reason: 'must differ from originCode' }]);
  }
  const rule = REGISTRATION_ACTIONS.report;
  const at = now.toISOString();
  const by = { sub: actor.sub, role: actor.role };
  const registration: RegistrationCase = {
    id: ids.caseId,
    state: rule.to,
    person: input.person,
    originCode: input.originCode,
    destinationCode: input.destinationCode,
    arrivalDate: input.arrivalDate,
    deadline: startDeadline(rule.deadline, input.arrivalDate, policy),
    reportedBy: by,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  return {
    case: registration,
    history: { caseId: ids.caseId, at, action: 'report', from: null, to: rule.to, by },
    event: eventFor(registration, rule.event, ids.eventId, at),
  };
}

/** Applies a later action to an existing case, as the table allows. */
export function act(
  current: RegistrationCase,
  action: Exclude<RegistrationAction, 'report'>,
  actor: Principal,
  policy: Policy,
  eventId: string,
  now: Date,
): Decision {
  const rule: ActionRule = REGISTRATION_ACTIONS[action];
  if (actor.role !== 'system') assertMayAct(action, actor, current.destinationCode);
  else if (!rule.roles.includes('system')) throw forbidden(`the system may not ${action} a registration`);
  if (!rule.from.includes(current.state)) {
    throw conflict(`cannot ${action} a registration that is ${current.state}`);
  }
  const at = now.toISOString();
  const next: RegistrationCase = {
    ...current,
    state: rule.to,
    deadline: startDeadline(rule.deadline, localDate(now), policy),
    updatedAt: at,
    version: current.version + 1,
  };
  return {
    case: next,
    history: { caseId: current.id, at, action, from: current.state, to: rule.to, by: { sub: actor.sub, role: actor.role } },
    event: eventFor(next, rule.event, eventId, at),
  };
}

/** True when the case's deadline has passed at `now` and the table says what to do about it. */
export const isOverdue = (c: RegistrationCase, now: Date): boolean =>
  c.deadline !== null && c.deadline.dueAt <= now.toISOString() && (REGISTRATION_ACTIONS.expire.from as readonly string[]).includes(c.state);

function eventFor(c: RegistrationCase, type: string, id: string, time: string): DomainEvent {
  return {
    id,
    type,
    caseId: c.id,
    time,
    originCode: c.originCode,
    destinationCode: c.destinationCode,
    data: {
      caseId: c.id,
      state: c.state,
      person: { name: c.person.name, idNumber: c.person.idNumber },
      originCode: c.originCode,
      destinationCode: c.destinationCode,
      arrivalDate: c.arrivalDate,
      deadline: c.deadline,
    },
  };
}
