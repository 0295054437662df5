// Where a group and its members' registrations meet: filing a group reports every member's
// arrival, linked to it; a member's verification settles that member on the group.
import type { Policy } from '../policy.ts';
import type { Principal } from '../principal.ts';
import type { Decision, Person } from './engine.ts';
import { type GroupCase, type GroupInput, addMembers, file, memberOf, memberRegistered } from './group.ts';
import { type RegistrationCase, report } from './registration.ts';

export interface MemberInput {
  person: Person;
  expectedStayDays: number;
}

/** One registration per member, reported on the group's arrival date and linked to it. */
function reportMembers(
  group: { id: string; originCode: string; destinationCode: string; arrivalDate: string },
  members: MemberInput[], actor: Principal, policy: Policy, ids: { caseId: string; eventId: string }[], now: Date) {
  return members.map((m, i) =>
    report(
      { person: m.person, originCode: group.originCode, destinationCode: group.destinationCode, arrivalDate: group.arrivalDate, expectedStayDays: m.expectedStayDays, groupId: group.id },
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
  const registrations = reportMembers(group, members, actor, policy, ids.members, now);
  return [addMembers(group, registrations.map((r) => memberOf(r.case.id, r.case.person)), actor, policy, ids.eventId, now), ...registrations];
}

/** A verified registration that came with a group settles its member there. */
export const settleMember = (registration: RegistrationCase, group: GroupCase | undefined, policy: Policy, eventId: string, now: Date): Decision[] =>
  group && group.members.some((m) => m.registrationId === registration.id && m.status === 'pending')
    ? [memberRegistered(group, registration.id, policy, eventId, now)]
    : [];
