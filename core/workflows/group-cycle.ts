// Where a group and its members' registrations meet: filing a group reports every member's
// arrival, linked to it; a member's verification settles that member on the group.
import type { Policy } from '../policy.ts';
import type { Principal } from '../principal.ts';
import type { Decision, Person } from './engine.ts';
import { validationError } from '../errors.ts';
import { type GroupCase, type GroupInput, addMembers, file, isPendingMember, memberOf, memberRegistered, removeMember } from './group.ts';
import { REGISTRATION_ACTIONS, type RegistrationCase, refuse, report, verify, withdraw } from './registration.ts';

export interface MemberInput {
  person: Person;
  expectedStayDays: number;
  /** Where the member comes from and when they arrived, when not the group's. */
  originCode?: string | undefined;
  arrivalDate?: string | undefined;
  /** Where the member lives, and the bulk filing that named them, when they came in a file. */
  premises?: string | undefined;
  importId?: string | undefined;
}

/** One item holds the group: members beyond this are filed as another group. */
export const MAX_GROUP_SIZE = 1000;

/** Why adding `adding` members to a group of `current` is refused, if it is. */
export const overfills = (current: number, adding: number): string | undefined =>
  current + adding > MAX_GROUP_SIZE ? `would make ${current + adding} members; a group holds at most ${MAX_GROUP_SIZE}` : undefined;

/** One registration per member, reported on the group's arrival date and linked to it. */
function reportMembers(
  group: { id: string; originCode: string; destinationCode: string; arrivalDate: string },
  members: MemberInput[], actor: Principal, policy: Policy, ids: { caseId: string; eventId: string }[], now: Date) {
  return members.map((m, i) =>
    report(
      {
        person: m.person,
        originCode: m.originCode ?? group.originCode,
        destinationCode: group.destinationCode,
        arrivalDate: m.arrivalDate ?? group.arrivalDate,
        expectedStayDays: m.expectedStayDays,
        groupId: group.id,
        ...(m.premises ? { premises: m.premises } : {}),
        ...(m.importId ? { importId: m.importId } : {}),
      },
      actor,
      policy,
      ids[i]!,
      now,
    ),
  );
}

export function fileGroup(
  input: GroupInput,
  members: MemberInput[],
  actor: Principal,
  policy: Policy,
  ids: { caseId: string; eventId: string; members: { caseId: string; eventId: string }[] },
  now: Date,
): [Decision<GroupCase>, ...Decision<RegistrationCase>[]] {
  const registrations = reportMembers({ id: ids.caseId, ...input }, members, actor, policy, ids.members, now);
  const group = file(input, registrations.map((r) => memberOf(r.case.id, r.case.person)), actor, policy, ids, now);
  return [group, ...registrations];
}

export function addGroupMembers(
  group: GroupCase,
  members: MemberInput[],
  actor: Principal,
  policy: Policy,
  ids: { eventId: string; members: { caseId: string; eventId: string }[] },
  now: Date,
): Decision[] {
  const full = overfills(group.members.length, members.length);
  if (full) throw validationError([{ field: 'members', reason: full }]);
  const registrations = reportMembers(group, members, actor, policy, ids.members, now);
  return [addMembers(group, registrations.map((r) => memberOf(r.case.id, r.case.person)), actor, policy, ids.eventId, now), ...registrations];
}

/** A verified registration that came with a group settles its member there. */
export const settleMember = (registration: RegistrationCase, group: GroupCase | undefined, policy: Policy, eventId: string, now: Date): Decision[] =>
  group && isPendingMember(group, registration.id)
    ? [memberRegistered(group, registration.id, policy, eventId, now)]
    : [];

/** A member removed before registering: the group settles them, and their arrival is withdrawn. */
export function removeGroupMember(
  group: GroupCase,
  registration: RegistrationCase | undefined,
  registrationId: string,
  reason: string,
  actor: Principal,
  policy: Policy,
  ids: { eventId: string; registrationEventId: string },
  now: Date,
): Decision[] {
  const removed = removeMember(group, registrationId, reason, actor, policy, ids.eventId, now);
  // Withdrawn only from a state the registration table allows it from.
  const open = registration && (REGISTRATION_ACTIONS.withdraw.from as readonly string[]).includes(registration.state);
  return open ? [removed, withdraw(registration, `removed from group ${group.id}: ${reason}`, policy, ids.registrationEventId, now)] : [removed];
}

/** A member's arrival the office refused: the member leaves the group with that reason. */
export const settleRefusedMember = (registration: RegistrationCase, group: GroupCase | undefined, reason: string, actor: Principal, policy: Policy, eventId: string, now: Date): Decision[] =>
  group && isPendingMember(group, registration.id)
    ? [removeMember(group, registration.id, `refused: ${reason}`, actor, policy, eventId, now)]
    : [];

/** The group an arrival came with, as a decision about it needs it: the case and its office's policy. */
export interface ArrivalGroup {
  case: GroupCase;
  policy: Policy;
  eventId: string;
}

/**
 * Verifying an arrival, with everything it settles across cases: the certificate and the first
 * review; the certificate it replaces (a person who moved here from another destination); the
 * member settled on the group the person came with.
 */
export function verifyArrival(
  registration: RegistrationCase,
  actor: Principal,
  policy: Policy,
  ids: Parameters<typeof verify>[3] & { group?: ArrivalGroup | undefined },
  now: Date,
  detail: Parameters<typeof verify>[5],
): Decision[] {
  const { group, ...verifyIds } = ids;
  return [...verify(registration, actor, policy, verifyIds, now, detail), ...(group ? settleMember(registration, group.case, group.policy, group.eventId, now) : [])];
}

/** Refusing an arrival: the member it was leaves the group it came with, with that reason. */
export function refuseArrival(registration: RegistrationCase, actor: Principal, policy: Policy, ids: { eventId: string; group?: ArrivalGroup | undefined }, now: Date, detail: { reason: string }): Decision[] {
  return [
    refuse(registration, actor, policy, ids.eventId, now, detail),
    ...(ids.group ? settleRefusedMember(registration, ids.group.case, detail.reason, actor, ids.group.policy, ids.group.eventId, now) : []),
  ];
}
