// Organised groups: the filing with its members, the case, and its action bodies.
import { z } from 'zod';
import { GROUP_STATES } from '../workflows/group.ts';
import { JurisdictionCode, LocalDate, Person, Reason, caseCommon, caseHead, text } from './common.ts';
import { RegistrationRequest } from './registrations.ts';

/** A filing carries at most this many members; more are added with `add-members`. One transaction holds them. */
export const MAX_GROUP_MEMBERS_PER_REQUEST = 20;
const GroupMembers = z
  .array(
    z.strictObject({
      person: Person,
      expectedStayDays: RegistrationRequest.shape.expectedStayDays,
      originCode: JurisdictionCode.optional().meta({ description: "The member's origin, when not the group's" }),
      arrivalDate: LocalDate.optional().meta({ description: "The member's arrival, when not the group's (a later batch)" }),
    }),
  )
  .min(1, 'must name at least one member')
  .max(MAX_GROUP_MEMBERS_PER_REQUEST, `must name at most ${MAX_GROUP_MEMBERS_PER_REQUEST} members per request; add more with add-members`)
  .superRefine((members, ctx) => {
    const seen = new Set<string>();
    members.forEach((m, i) => {
      if (seen.has(m.person.idNumber)) ctx.addIssue({ code: 'custom', path: [i, 'person', 'idNumber'], message: 'is listed twice' });
      seen.add(m.person.idNumber);
    });
  });

export const GroupCreate = z
  .strictObject({
    responsiblePerson: Person,
    organisation: z.strictObject({
      name: text(200),
      creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'must be an 18-character unified social credit code').optional(),
    }),
    agreementReference: text(200),
    originCode: JurisdictionCode,
    destinationCode: JurisdictionCode,
    arrivalDate: LocalDate,
    members: GroupMembers,
  })
  .meta({ id: 'GroupCreate' });

export const GROUP_ACTION_BODIES = {
  add_members: z.strictObject({ members: GroupMembers }).meta({ id: 'GroupMembersAdd' }),
  remove_member: z.strictObject({ registrationId: z.uuid({ message: 'must be a registration id (UUID)' }), reason: Reason }).meta({ id: 'GroupMemberRemove' }),
} as const;

export const Group = z
  .object({
    ...caseHead('group', GROUP_STATES),
    ...caseCommon,
    destinationCode: JurisdictionCode,
    arrivalDate: LocalDate,
    organisation: z.object({ name: z.string(), creditCode: z.string().optional() }),
    agreementReference: z.string(),
    members: z.array(
      z.object({
        registrationId: z.uuid(),
        name: z.string(),
        idNumber: z.string().meta({ description: 'Masked' }),
        status: z.enum(['pending', 'registered', 'removed']),
        reason: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'Group', description: 'person is the responsible person' });
