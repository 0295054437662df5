// What every case workflow shares. A workflow is a table of actions (from-states, to-state,
// roles, the deadline it starts, the event it emits, whether a reason is required), in the
// manner of OpenCRVS's availableActions.ts; `open` and `transition` are the only places a
// case changes state, so every workflow gets the same checks, history and events.
import { addMonths, countPeriod, endOfLocalDate, localDate, type Period } from '../calendar.ts';
import { conflict, forbidden, validationError } from '../errors.ts';
import { type DeadlineKind, type Policy, periodFor } from '../policy.ts';
import { type Principal, type Role, SYSTEM, filerCovers, officeCovers } from '../principal.ts';
import { type Stage, stagesOf } from '../reminders.ts';

export const CASE_TYPES = ['registration', 'origin_certificate', 'review', 'assistance_request', 'appeal', 'group'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export interface Person {
  name: string;
  idNumber: string;
  phone: string;
  /** Where reminders are e-mailed as well as texted, when the person gives one. */
  email?: string;
  /** The language of the person's reminders: Chinese unless they ask for English. */
  language?: 'zh' | 'en';
}

/** Who did something: the account, its role and, for office accounts, the office. */
export interface Actor {
  sub: string;
  role: Role;
  office?: string;
  /** A filer's organisation. */
  organisation?: string;
}

export interface Deadline {
  kind: DeadlineKind;
  /** Last local date on which the duty is on time. */
  date: string;
  /** The instant it is missed (end of `date` in Asia/Shanghai), ISO UTC. */
  dueAt: string;
  /** The policy figure it started with: a later policy change leaves a running deadline alone. */
  period: Period;
  /** When it started, and the case version that started it: with `kind`, what tells this deadline from a later one. */
  startedAt?: string;
  version?: number;
  /** Its reminders, overdue step and escalations, worked out from policy when it started. */
  stages?: Stage[];
  /** Stages at or before this instant have been handed to the deadline queue. */
  scheduledThrough?: string;
  /** The local date the period counts from. */
  from?: string;
  /** A working-day count ran into a year whose holiday notice is not loaded: loading it may move the date. */
  provisional?: true;
  /** The years whose notice a provisional deadline awaits. */
  awaiting?: number[];
}

/** Which deadline this is: a reminder queued for one never fires for another that replaced it. */
export const deadlineId = (d: Deadline): string => `${d.kind}@${d.version ?? d.dueAt}`;

/** The stages of a deadline (one started before stages were recorded has only its overdue step). */
export const stagesOfDeadline = (d: Deadline): Stage[] => d.stages ?? [{ name: 'overdue', type: 'overdue', at: d.dueAt }];

export interface CaseBase<S extends string = string> {
  id: string;
  type: CaseType;
  state: S;
  /** The person the case is about (an assistance request may name only a case or an ID number). */
  person?: Person;
  originCode: string;
  destinationCode?: string;
  deadline: Deadline | null;
  openedBy: Actor;
  createdAt: string;
  updatedAt: string;
  /** Optimistic-lock counter: every write must match the version it read. */
  version: number;
  /** Closed: its personal data is kept until this local date (policy retentionYears), then removed. */
  retainUntil?: string;
  /** When the personal data was removed (minimised); the case stays for statistics. */
  minimisedAt?: string;
  /**
   * The first date each kind of deadline fell due and the first instant each action was taken:
   * what places the case in a reporting period and says whether it was on time (core/statistics/measures.ts).
   * Later deadlines of the same kind (a reinstated case) do not move it.
   */
  marks?: Marks;
}

export interface Marks {
  due: Partial<Record<DeadlineKind, string>>;
  taken: Partial<Record<string, string>>;
}

/** The case's marks with this action's: a first deadline of its kind, a first time for the action. */
function marked<C extends CaseBase>(next: C, action: string): C {
  const marks: Marks = { due: { ...next.marks?.due }, taken: { ...next.marks?.taken } };
  if (next.deadline && marks.due[next.deadline.kind] === undefined) marks.due[next.deadline.kind] = next.deadline.date;
  marks.taken[action] ??= next.updatedAt;
  return { ...next, marks };
}

export interface ActionRule<S extends string> {
  from: readonly (S | null)[];
  /** The state it leads to; a list where the action's outcome chooses (an appeal upheld or reversed). */
  to: S | readonly S[];
  /** The case stays in the state it is in (`to` lists those states): a correction, not a step. */
  stays?: true;
  roles: readonly Role[];
  /** Whose office acts, when not the workflow's (the asking office sends an assistance request). */
  actingOffice?: 'origin' | 'destination';
  /** An office covering this side may not act, even if it covers the acting side (no one answers their own question). */
  notByOffice?: 'origin' | 'destination';
  /** Roles that replace `roles` from particular states (an overdue case escalates to supervisors). */
  rolesFrom?: Partial<Record<S, readonly Role[]>>;
  /** The deadline the new state runs against, taken from policy; null clears it; `keep` leaves it running. */
  deadline: DeadlineKind | null | 'keep';
  event: string;
  /** The action must say why, in words the person can read. */
  reasonRequired?: boolean;
  /** The person may appeal this decision (Measures §31). */
  appealable?: boolean;
}

/** The states an action may lead to (from `from`, when given: an action that stays leads back to it). */
export const targets = <S extends string>(rule: ActionRule<S>, from?: S): readonly S[] =>
  rule.stays && from !== undefined ? [from] : ((typeof rule.to === 'string' ? [rule.to] : rule.to) as readonly S[]);

/** The one state the action leads to: the table's, the outcome chosen among the table's, or where it stays. */
function target<S extends string>(rule: ActionRule<S>, action: string, chosen: S | undefined, from?: S): S {
  if (rule.stays && from !== undefined) return from;
  const allowed = targets(rule);
  const to = chosen ?? (allowed.length === 1 ? allowed[0] : undefined);
  if (to === undefined || !allowed.includes(to)) throw new Error(`${action} leads to one of ${allowed.join(', ')}; chose ${String(chosen)}`);
  return to;
}

export interface Workflow<C extends CaseBase, A extends string> {
  type: C['type'];
  states: readonly C['state'][];
  actions: Record<A, ActionRule<C['state']>>;
  /** Which of the case's two jurisdictions works it: its office accounts act on it. */
  office: 'origin' | 'destination';
  /** States in which the case's life is over (an appeal may still reopen it): the retention period runs from entering one. */
  closed: readonly C['state'][];
  /** What the case's events carry (office notices read it). */
  eventData(c: C): Record<string, unknown>;
  /** Offices besides the working one that may read the case (the office that asked). */
  alsoReadBy?(c: C): string[];
}

export interface HistoryEntry {
  caseId: string;
  at: string;
  action: string;
  from: string | null;
  to: string;
  by: Actor;
  reason?: string;
  note?: string;
}

export interface DomainEvent {
  id: string;
  type: string;
  caseId: string;
  caseType: CaseType;
  time: string;
  originCode: string;
  destinationCode?: string;
  data: Record<string, unknown>;
}

/** One case's change: written with its history entry and event in one transaction. */
export interface Decision<C extends CaseBase = CaseBase> {
  case: C;
  /** The version the change was decided on; null when it opens the case. */
  previousVersion: number | null;
  history: HistoryEntry;
  event: DomainEvent;
}

export interface Detail {
  reason?: string;
  note?: string;
}

export const actorOf = (p: Principal): Actor => ({
  sub: p.sub,
  role: p.role,
  ...(p.jurisdiction ? { office: p.jurisdiction } : {}),
  ...(p.organisation ? { organisation: p.organisation } : {}),
});

export const officeCode = (workflow: { office: 'origin' | 'destination' }, c: { originCode: string; destinationCode?: string }) =>
  (workflow.office === 'origin' ? c.originCode : c.destinationCode) ?? c.originCode;

/** The table's role column, the office's jurisdiction, and a person only on their own case. */
export function assertMayAct<C extends CaseBase, A extends string>(
  workflow: Workflow<C, A>,
  action: A,
  actor: Principal,
  c: { originCode: string; destinationCode?: string; openedBy?: Actor; state?: C['state']; person?: { idNumber?: string } },
): void {
  const rule: ActionRule<C['state']> = workflow.actions[action];
  const noun = workflow.type.replace(/_/g, ' ');
  const roles = (c.state !== undefined && rule.rolesFrom?.[c.state as C['state']]) || rule.roles;
  if (!roles.includes(actor.role)) {
    throw forbidden(`role ${actor.role} may not ${action} this ${noun}${c.state ? ` while it is ${c.state}` : ''}`);
  }
  if (actor.role === 'caseworker' || actor.role === 'supervisor') {
    const code = officeCode(rule.actingOffice ? { office: rule.actingOffice } : workflow, c);
    if (!officeCovers(actor, code)) throw forbidden(`${workflow.office} ${code} is outside your jurisdiction ${actor.jurisdiction}`);
    if (rule.notByOffice && officeCovers(actor, officeCode({ office: rule.notByOffice }, c))) {
      throw forbidden(`the ${rule.notByOffice} office may not ${action} this ${noun}`);
    }
  }
  if (actor.role === 'filer') {
    const code = officeCode(rule.actingOffice ? { office: rule.actingOffice } : workflow, c);
    if (!filerCovers(actor, code)) throw forbidden(`${code} is outside the premises ${actor.jurisdiction} you file for`);
  }
  // A person acts for the ID number their identity provider verified, whoever opened the case.
  if (actor.role === 'person' && c.person?.idNumber !== undefined && c.person.idNumber !== actor.idNumber) {
    throw forbidden(`this ${noun} is about another person than the one your account is verified as`);
  }
  if (((actor.role === 'person' && c.person?.idNumber === undefined) || actor.role === 'filer') && c.openedBy && c.openedBy.sub !== actor.sub) {
    throw forbidden(`this ${noun} is not yours`);
  }
}

/** Who may act (403), then whether the case's state allows the action (409): what a transition checks first. */
export function assertMayTake<C extends CaseBase, A extends string>(workflow: Workflow<C, A>, action: A, actor: Principal, current: C): void {
  const rule: ActionRule<C['state']> = workflow.actions[action];
  if (actor.role === 'system') {
    if (!rule.roles.includes('system')) throw forbidden(`the system may not ${action} a ${workflow.type}`);
  } else {
    assertMayAct(workflow, action, actor, current);
  }
  if (!rule.from.includes(current.state)) {
    throw conflict(`cannot ${action} a ${workflow.type.replace(/_/g, ' ')} that is ${current.state}`, { state: current.state, action });
  }
}

export function startDeadline(
  kind: DeadlineKind | null | 'keep',
  from: string,
  policy: Policy,
  started: { at: string; version: number },
): Deadline | null {
  if (!kind || kind === 'keep') return null;
  return deadlineFrom(kind, from, periodFor(policy, kind), policy, started);
}

/** A deadline of `kind` counting `period` from the local date `from`, with its stages. */
function deadlineFrom(kind: DeadlineKind, from: string, period: Period, policy: Policy, started: { at: string; version: number }): Deadline {
  const { date, provisional, awaiting } = countPeriod(from, period, policy.calendar);
  const deadline = { kind, date, dueAt: endOfLocalDate(date), period };
  return {
    ...deadline,
    startedAt: started.at,
    version: started.version,
    from,
    ...(provisional ? { provisional, awaiting } : {}),
    stages: stagesOf(deadline, policy.reminders[kind], policy.calendar, started.at),
  };
}

/**
 * A provisional deadline counted again with the holiday notices now loaded (`policy` has them):
 * the same period from the same date; one already due stands as it fell due. Null when nothing changes; otherwise the case with the new
 * deadline (a new version, so stages queued for the old one do nothing), its history entry
 * naming the notice, and a `<case type>.deadline_rescheduled` event.
 */
export function recountDeadline<C extends CaseBase>(
  workflow: { type: C['type']; eventData(c: C): Record<string, unknown> },
  current: C,
  policy: Policy,
  notices: readonly { year: number; title: string; documentNumber: string }[],
  eventId: string,
  now: Date,
): Decision<C> | null {
  const old = current.deadline;
  if (!old?.provisional || !old.from || !old.period) return null;
  const at = now.toISOString();
  const version = current.version + 1;
  let deadline: Deadline;
  if (old.dueAt <= at) {
    // Already due when the notice came: it stands as it fell due (its stages went), final now.
    const { provisional: _p, awaiting: _a, ...settled } = old;
    deadline = { ...settled, version };
  } else {
    const counted = deadlineFrom(old.kind, old.from, old.period, policy, { at, version });
    if (counted.date === old.date && counted.provisional === old.provisional && String(counted.awaiting) === String(old.awaiting)) return null;
    // What was already queued for the old deadline is not queued again; the overdue step always is.
    const through = [old.scheduledThrough ?? '', at].sort().at(-1)!;
    const beforeDue = new Date(Date.parse(counted.dueAt) - 1).toISOString();
    deadline = { ...counted, scheduledThrough: through < beforeDue ? through : beforeDue };
  }
  // The notices it awaited (those now loaded) are what settled it.
  const named = notices.filter((n) => old.awaiting?.includes(n.year));
  const by = named.map((n) => `${n.title}（${n.documentNumber}）`).join('、') || 'the holiday calendar';
  // A deadline moved before it fell due moves the case's reporting mark with it.
  const due = current.marks?.due[old.kind] === old.date ? { ...current.marks!.due, [old.kind]: deadline.date } : current.marks?.due;
  const next = { ...current, deadline, updatedAt: at, version: current.version + 1, ...(current.marks ? { marks: { ...current.marks, due: due ?? {} } } : {}) } as C;
  const note = deadline.date === old.date ? `${by}: ${old.date} stands` : `${by}: ${old.date} → ${deadline.date}`;
  return {
    case: next,
    previousVersion: current.version,
    history: { caseId: next.id, at, action: 'reschedule', from: current.state, to: current.state, by: actorOf(SYSTEM), note },
    event: {
      id: eventId,
      type: `${workflow.type}.deadline_rescheduled`,
      caseId: next.id,
      caseType: workflow.type,
      time: at,
      originCode: next.originCode,
      ...(next.destinationCode ? { destinationCode: next.destinationCode } : {}),
      data: { caseId: next.id, state: next.state, ...workflow.eventData(next), rescheduled: { kind: old.kind, from: old.date, to: deadline.date, notices: named.map((n) => n.documentNumber) } },
    },
  };
}

function requireReason(rule: { reasonRequired?: boolean }, detail: Detail) {
  if (rule.reasonRequired && !detail.reason?.trim()) {
    throw validationError([{ field: 'reason', reason: 'is required for this action' }]);
  }
}

function decision<C extends CaseBase, A extends string>(
  workflow: Workflow<C, A>,
  next: C,
  previous: C | null,
  action: A,
  actor: Principal,
  eventId: string,
  detail: Detail,
): Decision<C> {
  next = marked(next, action);
  const at = next.updatedAt;
  return {
    case: next,
    previousVersion: previous?.version ?? null,
    history: {
      caseId: next.id,
      at,
      action,
      from: previous?.state ?? null,
      to: next.state,
      by: actorOf(actor),
      ...(detail.reason ? { reason: detail.reason } : {}),
      ...(detail.note ? { note: detail.note } : {}),
    },
    event: {
      id: eventId,
      type: workflow.actions[action].event,
      caseId: next.id,
      caseType: workflow.type,
      time: at,
      originCode: next.originCode,
      ...(next.destinationCode ? { destinationCode: next.destinationCode } : {}),
      data: { caseId: next.id, state: next.state, ...workflow.eventData(next), ...(detail.reason ? { reason: detail.reason } : {}) },
    },
  };
}

/** Opens a case with the table's opening action (the one allowed from no state). */
export function open<C extends CaseBase, A extends string>(
  workflow: Workflow<C, A>,
  action: A,
  draft: Omit<C, 'state' | 'deadline' | 'version' | 'createdAt' | 'updatedAt' | 'openedBy' | 'type'>,
  actor: Principal,
  policy: Policy,
  ids: { eventId: string; deadlineFrom: string },
  now: Date,
  options: { openedBy?: Actor } = {},
): Decision<C> {
  const rule: ActionRule<C['state']> = workflow.actions[action];
  if (!rule.from.includes(null)) throw new Error(`${action} does not open a ${workflow.type}`);
  assertMayAct(workflow, action, actor, draft);
  const at = now.toISOString();
  const created = {
    ...draft,
    type: workflow.type,
    state: target(rule, action, undefined),
    deadline: startDeadline(rule.deadline, ids.deadlineFrom, policy, { at, version: 1 }),
    openedBy: options.openedBy ?? actorOf(actor),
    createdAt: at,
    updatedAt: at,
    version: 1,
  } as C;
  return decision(workflow, created, null, action, actor, ids.eventId, {});
}

/**
 * Applies an action to an existing case, as the table allows: role, office, state (409
 * naming the state), the reason where one is required; `changes` adds what the action does
 * beyond the state and deadline (a certificate, a departure).
 */
export function transition<C extends CaseBase, A extends string>(
  workflow: Workflow<C, A>,
  current: C,
  action: A,
  actor: Principal,
  policy: Policy,
  eventId: string,
  now: Date,
  options: {
    detail?: Detail;
    /** Local date the new deadline counts from; today by default. */
    deadlineFrom?: string;
    changes?: (next: C) => Partial<C>;
    /** Where the table lists several states the action may lead to, the one it leads to. */
    to?: C['state'];
  } = {},
): Decision<C> {
  const rule: ActionRule<C['state']> = workflow.actions[action];
  assertMayTake(workflow, action, actor, current);
  const detail = options.detail ?? {};
  requireReason(rule, detail);
  const at = now.toISOString();
  let next = {
    ...current,
    state: target(rule, action, options.to, current.state),
    deadline:
      rule.deadline === 'keep'
        ? current.deadline
        : startDeadline(rule.deadline, options.deadlineFrom ?? localDate(now), policy, { at, version: current.version + 1 }),
    updatedAt: at,
    version: current.version + 1,
  } as C;
  if (options.changes) next = { ...next, ...options.changes(next) };
  return decision(workflow, retained(workflow, next, policy, now), current, action, actor, eventId, detail);
}

/** A case entering a closed state keeps its personal data for the policy's years; one reopened (an appeal) loses the date. */
function retained<C extends CaseBase, A extends string>(workflow: Workflow<C, A>, next: C, policy: Policy, now: Date): C {
  const { retainUntil: _previous, ...rest } = next;
  return workflow.closed.includes(next.state) ? ({ ...rest, retainUntil: addMonths(localDate(now), 12 * policy.retentionYears) } as C) : (rest as C);
}

/** True when the case's deadline has passed at `now` and its table has an `expire` action for the state. */
export function isOverdue<C extends CaseBase, A extends string>(workflow: Workflow<C, A>, c: C, now: Date): boolean {
  const expire = (workflow.actions as Record<string, ActionRule<C['state']> | undefined>).expire;
  return c.deadline !== null && c.deadline.dueAt <= now.toISOString() && expire !== undefined && expire.from.includes(c.state);
}

/** The actions a principal could take on the case now: what a console shows as buttons. */
export function availableActions<C extends CaseBase, A extends string>(workflow: Workflow<C, A>, c: C, actor: Principal): A[] {
  return (Object.keys(workflow.actions) as A[]).filter((action) => {
    const rule: ActionRule<C['state']> = workflow.actions[action];
    if (!rule.from.includes(c.state) || actor.role === 'system') return false;
    try {
      assertMayAct(workflow, action, actor, c);
      return true;
    } catch {
      return false;
    }
  });
}
