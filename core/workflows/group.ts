// Organised groups (Measures §11, §14) as a table: an organisation that brought workers files
// the group at the destination (responsible person, organisation, agreement reference,
// members) within the policy period after arrival. Each member gets a registration; the group
// is complete when every member is registered or removed with a reason.
import type { Policy } from '../policy.ts';
import { type Principal, SYSTEM } from '../principal.ts';
import { validationError } from '../errors.ts';
import { maskIdNumber } from '../id-number.ts';
import { type CaseBase, type Decision, type Person, type Workflow, open, transition } from './engine.ts';

export const GROUP_STATES = ['filed', 'complete', 'overdue'] as const;
export type GroupState = (typeof GROUP_STATES)[number];

// Actions on members lead back to where the group was, or to `complete` when no member is left pending.
const UNTIL_COMPLETE = ['filed', 'overdue', 'complete'] as const;

export const GROUP_ACTIONS = {
  // The organisation files its own group (a filer for the destination's premises), or the destination office for it.
  file: { from: [null], to: 'filed', roles: ['caseworker', 'filer'], deadline: 'groupFiling', event: 'group.filed' },
  add_members: { from: ['filed', 'overdue'], to: ['filed', 'overdue'], roles: ['caseworker', 'filer'], deadline: 'keep', event: 'group.members_added' },
  remove_member: {
    from: ['filed', 'overdue'],
    to: UNTIL_COMPLETE,
    roles: ['caseworker'],
    deadline: 'keep',
    event: 'group.member_removed',
    reasonRequired: true,
  },
  member_registered: { from: ['filed', 'overdue'], to: UNTIL_COMPLETE, roles: ['system'], deadline: 'keep', event: 'group.member_registered' },
  expire: { from: ['filed'], to: 'overdue', roles: ['system'], deadline: 'keep', event: 'group.overdue' },
} as const;
export type GroupAction = keyof typeof GROUP_ACTIONS;

export interface GroupMember {
  registrationId: string;
  name: string;
  /** Masked: the member's own registration holds the number. */
  idNumber: string;
  status: 'pending' | 'registered' | 'removed';
  reason?: string;
}

export interface GroupCase extends CaseBase<GroupState> {
  type: 'group';
  /** The responsible person named by the organisation. */
  person: Person;
  destinationCode: string;
  arrivalDate: string;
  organisation: { name: string; creditCode?: string };
  agreementReference: string;
  members: GroupMember[];
}

export const GROUP: Workflow<GroupCase, GroupAction> = {
  type: 'group',
  states: GROUP_STATES,
  actions: GROUP_ACTIONS,
  office: 'destination',
  closed: ['complete'],
  eventData: (c) => ({
    organisation: c.organisation,
    agreementReference: c.agreementReference,
    responsiblePerson: { name: c.person.name },
    arrivalDate: c.arrivalDate,
    deadline: c.deadline,
    members: { total: c.members.length, pending: c.members.filter((m) => m.status === 'pending').length },
  }),
};

export const memberOf = (registrationId: string, person: Person): GroupMember => ({
  registrationId,
  name: person.name,
  idNumber: maskIdNumber(person.idNumber),
  status: 'pending',
});

export interface GroupInput {
  responsiblePerson: Person;
  organisation: { name: string; creditCode?: string };
  agreementReference: string;
  originCode: string;
  destinationCode: string;
  arrivalDate: string;
}

export const file = (input: GroupInput, members: GroupMember[], actor: Principal, policy: Policy, ids: { caseId: string; eventId: string }, now: Date) =>
  open(
    GROUP,
    'file',
    {
      id: ids.caseId,
      person: input.responsiblePerson,
      organisation: input.organisation,
      agreementReference: input.agreementReference,
      originCode: input.originCode,
      destinationCode: input.destinationCode,
      arrivalDate: input.arrivalDate,
      members,
    },
    actor,
    policy,
    { eventId: ids.eventId, deadlineFrom: input.arrivalDate },
    now,
  );

/** Whether the registration is a member the group still waits for. */
export const isPendingMember = (group: GroupCase, registrationId: string) =>
  group.members.some((m) => m.registrationId === registrationId && m.status === 'pending');

/** Where the group stands once its members are `members`: complete when none is pending. */
const standing = (group: GroupCase, members: GroupMember[]): GroupState =>
  members.every((m) => m.status !== 'pending') ? 'complete' : group.state;

export const addMembers = (group: GroupCase, members: GroupMember[], actor: Principal, policy: Policy, eventId: string, now: Date) =>
  transition(GROUP, group, 'add_members', actor, policy, eventId, now, {
    to: group.state,
    detail: { note: `${members.length} member(s) added` },
    changes: (next) => ({ members: [...next.members, ...members] }),
  });

function settle(
  group: GroupCase,
  action: 'remove_member' | 'member_registered',
  registrationId: string,
  status: 'registered' | 'removed',
  actor: Principal,
  policy: Policy,
  eventId: string,
  now: Date,
  reason?: string,
): Decision<GroupCase> {
  if (!isPendingMember(group, registrationId)) {
    throw validationError([{ field: 'registrationId', reason: 'is not a pending member of this group' }]);
  }
  const members = group.members.map((m) => (m.registrationId === registrationId ? { ...m, status, ...(reason ? { reason } : {}) } : m));
  return transition(GROUP, group, action, actor, policy, eventId, now, {
    to: standing(group, members),
    detail: reason ? { reason } : { note: `member ${registrationId} registered` },
    changes: () => ({ members, ...(standing(group, members) === 'complete' ? { deadline: null } : {}) }),
  });
}

/** A member's registration was verified. */
export const memberRegistered = (group: GroupCase, registrationId: string, policy: Policy, eventId: string, now: Date) =>
  settle(group, 'member_registered', registrationId, 'registered', SYSTEM, policy, eventId, now);

/** A member did not come, or left: removed with a reason. */
export const removeMember = (group: GroupCase, registrationId: string, reason: string, actor: Principal, policy: Policy, eventId: string, now: Date) =>
  settle(group, 'remove_member', registrationId, 'removed', actor, policy, eventId, now, reason);
