// The API's schemas, in zod. Handlers validate with them and the OpenAPI document is
// generated from them (functions/api/openapi-document.ts), so the two cannot disagree.
import { z } from 'zod';
import { isRealDate } from './calendar.ts';
import { FESTIVALS, STATUTORY_YEARS } from './statutory-holidays.ts';
import { CERTIFICATE_STATUSES, parseCertificateNumber } from './certificates.ts';
import { parseIdNumber } from './id-number.ts';
import { LEVELS, isJurisdictionCode } from './jurisdiction.ts';
import { DEADLINE_KINDS, NATIONAL_PREFIX } from './policy.ts';
import { MESSAGE_STATES } from './messages.ts';
import { ROLES } from './principal.ts';
import { CASE_TYPES } from './workflows/engine.ts';
import { ORIGIN_CERTIFICATE_STATES } from './workflows/origin-certificate.ts';
import { REGISTRATION_STATES } from './workflows/registration.ts';
import { REVIEW_OUTCOMES, REVIEW_STATES } from './workflows/review.ts';
import { ASSISTANCE_REQUEST_STATES } from './workflows/assistance-request.ts';
import { APPEAL_STATES } from './workflows/appeal.ts';
import { GROUP_STATES } from './workflows/group.ts';

// ---- Building blocks

export const JurisdictionCode = z
  .string()
  .refine(isJurisdictionCode, { message: 'must be a jurisdiction code of 2, 4, 6, 9 or 12 digits' })
  .meta({ id: 'JurisdictionCode', example: '110105001' });

export const LocalDate = z
  .string()
  .refine(isRealDate, { message: 'must be a real date written YYYY-MM-DD' })
  .meta({ id: 'LocalDate', description: 'A date in Asia/Shanghai, YYYY-MM-DD', example: '2026-11-20' });

export const IdNumber = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    // The schema has no clock (the core never reads one): a birth date after today is refused where
    // a case is opened with the request's time (bornByToday in the workflows).
    const parsed = parseIdNumber(value, '9999-12-31');
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
  })
  .meta({ id: 'IdNumber', description: '18-character citizen ID number', example: '11010519491231002X' });

/** Read as typed, answered in its printed form (`vc 7k2m 9qd3 hx8p` → `VC-7K2M-9QD3-HX8P`). */
export const CertificateNumber = z
  .string()
  .max(40, 'must be at most 40 characters')
  .overwrite((value) => {
    const parsed = parseCertificateNumber(value);
    return 'error' in parsed ? value : parsed.number;
  })
  .superRefine((value, ctx) => {
    const parsed = parseCertificateNumber(value);
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
  })
  .meta({
    id: 'CertificateNumber',
    description: 'OC- (origin) or VC- (verification) and 12 characters; case, spaces and hyphens do not matter',
    example: 'VC-7K2M-9QD3-HX8P',
  });

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const Reason = text(500).meta({ description: 'Why, in words the person can read' });
const Note = text(1000);

export const Person = z
  .strictObject({
    name: text(100),
    idNumber: IdNumber,
    phone: z.string().regex(/^\+?[0-9][0-9 -]{4,19}$/, 'must be a phone number of 5 to 20 digits'),
    email: z.email('must be an e-mail address').max(254).optional().meta({ description: 'Reminders are e-mailed here as well as texted' }),
    language: z.enum(['zh', 'en']).optional().meta({ description: 'The language of reminders (default zh)' }),
  })
  .meta({ id: 'Person' });

export const Period = z
  .strictObject({
    count: z.number().int('must be a whole number').min(1, 'must be at least 1').max(365, 'must be at most 365'),
    unit: z.enum(['calendar_days', 'working_days', 'months']),
  })
  .meta({ id: 'Period' });

export const Deadline = z
  .object({
    kind: z.enum(DEADLINE_KINDS),
    date: LocalDate,
    dueAt: z.iso.datetime(),
    period: Period.optional().meta({ description: 'Absent on deadlines started before periods were recorded' }),
    startedAt: z.iso.datetime().optional(),
    from: LocalDate.optional().meta({ description: 'The local date the period counts from' }),
    provisional: z.literal(true).optional().meta({
      description: 'A working-day count ran into a year whose holiday notice is not loaded: the date may move when it is (the person is told)',
    }),
    awaiting: z.array(z.number().int()).optional().meta({ description: 'On a provisional deadline: the years whose holiday notice it awaits' }),
    stages: z
      .array(z.object({ name: z.string(), type: z.enum(['reminder', 'overdue', 'escalation']), at: z.iso.datetime() }))
      .optional()
      .meta({ description: 'What the deadline does by itself: reminders before it, the overdue step at it, escalations after it' }),
  })
  .meta({ id: 'Deadline', description: 'The last local date on time, the instant it is missed, and the policy period it started with' });

export const Actor = z
  .object({ sub: z.string(), role: z.enum(ROLES), office: JurisdictionCode.optional(), organisation: z.string().optional() })
  .meta({ id: 'Actor', description: 'Who acted: the account, its role and, for office accounts, the office' });

export const Certificate = z
  .object({
    number: z.string(),
    validFrom: LocalDate,
    validUntil: LocalDate,
    revoked: z.object({ at: z.iso.datetime(), reason: z.string() }).optional(),
    supersededBy: z.string().optional(),
  })
  .meta({ id: 'Certificate' });

/** id, type and state lead every case, in that order. */
const caseHead = <T extends string, S extends readonly [string, ...string[]]>(type: T, states: S) => ({
  id: z.uuid(),
  type: z.literal(type),
  state: z.enum(states),
});
const caseCommon = {
  person: z.object({
    name: z.string(),
    idNumber: z.string().meta({ description: 'Masked (110105********002X): the full number through POST /v1/cases/{id}/reveal' }),
    phone: z.string().meta({ description: 'Masked (138****8000)' }),
    email: z.string().optional(),
    language: z.enum(['zh', 'en']).optional(),
  }),
  retainUntil: LocalDate.optional().meta({ description: 'A closed case keeps its personal data until this day (policy retentionYears), then is minimised' }),
  minimisedAt: z.iso.datetime().optional().meta({ description: 'When the personal data was removed; the case stays for statistics' }),
  marks: z
    .object({ due: z.record(z.string(), LocalDate), taken: z.record(z.string(), z.iso.datetime()) })
    .optional()
    .meta({ description: 'The first day each kind of deadline fell due and the first time each action was taken: what places the case in a reporting period (GET /v1/statistics/definitions)' }),
  originCode: JurisdictionCode,
  deadline: Deadline.nullable(),
  openedBy: Actor,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
  availableActions: z
    .array(z.string())
    .optional()
    .meta({ description: 'Reading one case: the action routes the caller may take on it now' }),
};

// ---- Registrations

export const RegistrationRequest = z
  .strictObject({
    person: Person,
    originCode: JurisdictionCode,
    destinationCode: JurisdictionCode,
    arrivalDate: LocalDate,
    expectedStayDays: z
      .number()
      .int('must be a whole number of days')
      .min(1, 'must be at least 1')
      .max(36500, 'must be at most 36500')
      .meta({ description: 'How long the person expects to stay; policy sets the minimum (Measures §2: 30 days)' }),
    originCertificateNumber: CertificateNumber.optional(),
  })
  .meta({ id: 'RegistrationRequest' });
export type RegistrationRequest = z.infer<typeof RegistrationRequest>;

export const Registration = z
  .object({
    ...caseHead('registration', REGISTRATION_STATES),
    ...caseCommon,
    destinationCode: JurisdictionCode,
    arrivalDate: LocalDate,
    expectedStayDays: z.number().int(),
    originCertificateNumber: z.string().optional(),
    verificationCertificate: Certificate.optional(),
    supplementRequest: z.object({ items: z.array(z.string()), reason: z.string(), requestedAt: z.iso.datetime() }).optional(),
    departure: z.object({ date: LocalDate, nextDestinationCode: JurisdictionCode.optional() }).optional(),
    previousCaseId: z.uuid().optional(),
    nextCaseId: z.uuid().optional(),
    reviewId: z.uuid().optional().meta({ description: 'The residence review that is due, or was last due' }),
    groupId: z.uuid().optional().meta({ description: 'The organised group the person came with' }),
    premises: z.string().optional().meta({ description: "Where the person lives, from an employer's or landlord's filing" }),
    importId: z.uuid().optional().meta({ description: 'The bulk filing that reported it' }),
    get agencyDecisions() {
      return z.array(AgencyDecision).optional().meta({ description: "Agencies' decisions against the certificate (reading one case)" });
    },
  })
  .meta({ id: 'Registration' });

const NoteBody = z.strictObject({ note: Note.optional() });
const ReasonBody = z.strictObject({ reason: Reason, note: Note.optional() });

/** The body of each action route, by action. */
export const REGISTRATION_ACTION_BODIES = {
  verify: NoteBody.meta({ id: 'VerifyRequest' }),
  request_supplement: z
    .strictObject({
      items: z.array(text(200)).min(1, 'must name at least one missing document').max(20, 'must name at most 20 documents'),
      reason: Reason,
    })
    .meta({ id: 'SupplementRequest' }),
  supplement: NoteBody.meta({ id: 'SupplementBody' }),
  renew: NoteBody.meta({ id: 'RenewRequest' }),
  revoke: ReasonBody.meta({ id: 'RevokeRequest' }),
  refuse: ReasonBody.meta({ id: 'RefuseRequest' }),
  update_details: z
    .strictObject({
      phone: Person.shape.phone.optional(),
      expectedStayDays: RegistrationRequest.shape.expectedStayDays.optional(),
      premises: text(300).optional(),
      note: Note.optional(),
    })
    .refine((b) => b.phone !== undefined || b.expectedStayDays !== undefined || b.premises !== undefined, {
      message: 'must give at least one of phone, expectedStayDays, premises',
    })
    .meta({ id: 'UpdateDetailsRequest' }),
  depart: z
    .strictObject({ departureDate: LocalDate, nextDestinationCode: JurisdictionCode.optional(), note: Note.optional() })
    .meta({ id: 'DepartRequest' }),
} as const;

// ---- Origin certificates

export const OriginCertificateRequest = z
  .strictObject({
    person: Person,
    originCode: JurisdictionCode,
    intendedDestinationCode: JurisdictionCode.optional(),
    plannedDeparture: LocalDate.optional(),
  })
  .meta({ id: 'OriginCertificateRequest' });

export const OriginCertificate = z
  .object({
    ...caseHead('origin_certificate', ORIGIN_CERTIFICATE_STATES),
    ...caseCommon,
    intendedDestinationCode: JurisdictionCode.optional(),
    plannedDeparture: LocalDate.optional(),
    certificate: Certificate.optional(),
    rejection: z.object({ reason: z.string() }).optional(),
    usedBy: z.array(z.uuid()).optional(),
  })
  .meta({ id: 'OriginCertificate' });

export const ORIGIN_CERTIFICATE_ACTION_BODIES = {
  issue: NoteBody.meta({ id: 'IssueRequest' }),
  reject: ReasonBody.meta({ id: 'RejectRequest' }),
  revoke: ReasonBody,
} as const;

// ---- Residence reviews

const ReviewResultFields = {
  outcome: z.enum(REVIEW_OUTCOMES).meta({ description: 'unchanged; changed_address (give address); changed_employer (give employer); left' }),
  address: text(300).optional(),
  employer: text(200).optional(),
  note: Note.optional(),
};
const reviewResultComplete = (r: { outcome: string; address?: string | undefined; employer?: string | undefined }, ctx: z.RefinementCtx) => {
  if (r.outcome === 'changed_address' && !r.address) ctx.addIssue({ code: 'custom', path: ['address'], message: 'is required when the address changed' });
  if (r.outcome === 'changed_employer' && !r.employer) ctx.addIssue({ code: 'custom', path: ['employer'], message: 'is required when the employer changed' });
};

export const REVIEW_ACTION_BODIES = {
  confirm: z.strictObject(ReviewResultFields).superRefine(reviewResultComplete).meta({ id: 'ReviewConfirmation' }),
  record_visit: z.strictObject(ReviewResultFields).superRefine(reviewResultComplete).meta({ id: 'ReviewVisit' }),
} as const;

export const Review = z
  .object({
    ...caseHead('review', REVIEW_STATES),
    ...caseCommon,
    destinationCode: JurisdictionCode,
    registrationId: z.uuid(),
    round: z.number().int(),
    result: z
      .object({ ...ReviewResultFields, by: z.enum(['person', 'visit']), at: z.iso.datetime() })
      .optional(),
  })
  .meta({ id: 'Review' });

// ---- Assistance requests between offices

export const AssistanceRequestCreate = z
  .strictObject({
    toCode: JurisdictionCode.meta({ description: 'The office asked: any jurisdiction of this deployment' }),
    subject: z
      .union([z.strictObject({ caseId: z.uuid({ message: 'must be a case id (UUID)' }) }), z.strictObject({ idNumber: IdNumber })], {
        message: 'must be {"caseId": …} or {"idNumber": …}',
      })
      .meta({ description: 'A case of this deployment, or a person by ID number' }),
    question: text(2000),
    dueDays: z.number().int('must be a whole number of days').min(1, 'must be at least 1').max(365, 'must be at most 365').optional().meta({
      description: 'Calendar days to reply, up to the policy maximum (assistanceReplyMaxDays); the policy period otherwise',
    }),
  })
  .meta({ id: 'AssistanceRequestCreate' });

export const ASSISTANCE_REQUEST_ACTION_BODIES = {
  answer: z.strictObject({ answer: text(4000) }).meta({ id: 'AssistanceAnswer' }),
  decline: z.strictObject({ reason: Reason }).meta({ id: 'AssistanceDecline' }),
} as const;

export const AssistanceRequest = z
  .object({
    ...caseHead('assistance_request', ASSISTANCE_REQUEST_STATES),
    originCode: JurisdictionCode.meta({ description: 'The asking office' }),
    destinationCode: JurisdictionCode.meta({ description: 'The office asked' }),
    subject: z.union([z.object({ caseId: z.uuid() }), z.object({ idNumber: z.string() })]),
    question: z.string(),
    answer: z.object({ text: z.string(), at: z.iso.datetime() }).optional(),
    declined: z.object({ reason: z.string(), at: z.iso.datetime() }).optional(),
    deadline: caseCommon.deadline,
    openedBy: caseCommon.openedBy,
    createdAt: caseCommon.createdAt,
    updatedAt: caseCommon.updatedAt,
    version: caseCommon.version,
    availableActions: caseCommon.availableActions,
  })
  .meta({ id: 'AssistanceRequest' });

export const AssistanceRequestsQuery = z.strictObject({
  jurisdiction: JurisdictionCode,
  direction: z.enum(['received', 'sent']).default('received').meta({ description: 'received: asked of offices inside jurisdiction; sent: asked by exactly that office' }),
  state: z.enum(ASSISTANCE_REQUEST_STATES).optional(),
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(20),
  cursor: z.string().min(1).max(2000).optional(),
});

// ---- Appeals

export const AppealCreate = z
  .strictObject({
    caseId: z.uuid({ message: 'must be a case id (UUID)' }),
    decision: z
      .strictObject({ action: z.string().min(1).max(50), at: z.iso.datetime({ message: 'must be the decision\'s time, as in the case history' }) })
      .meta({ description: 'The decision appealed: its action and time, as the case history shows them' }),
    grounds: text(4000),
  })
  .meta({ id: 'AppealCreate' });

export const APPEAL_ACTION_BODIES = {
  decide: z.strictObject({ outcome: z.enum(['upheld', 'reversed']), reason: Reason }).meta({ id: 'AppealDecision' }),
} as const;

export const Appeal = z
  .object({
    ...caseHead('appeal', APPEAL_STATES),
    ...caseCommon,
    person: caseCommon.person.optional(),
    originCode: JurisdictionCode.meta({ description: 'The deciding office' }),
    destinationCode: JurisdictionCode.meta({ description: 'The reviewing office: the level above' }),
    appealed: z.object({
      caseId: z.uuid(),
      caseType: z.enum(CASE_TYPES),
      decision: z.object({ action: z.string(), at: z.iso.datetime(), by: Actor, from: z.string().nullable(), to: z.string(), reason: z.string().optional() }),
    }),
    grounds: z.string(),
    outcome: z.object({ decision: z.enum(['upheld', 'reversed']), reason: z.string(), at: z.iso.datetime() }).optional(),
  })
  .meta({ id: 'Appeal' });

// ---- Organised groups

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

/** Each case type's response schema: what a read answers, and what lists carry. */
export const CASE_VIEWS = {
  registration: Registration,
  origin_certificate: OriginCertificate,
  review: Review,
  assistance_request: AssistanceRequest,
  appeal: Appeal,
  group: Group,
} as const;

export const CaseIdParams = z.strictObject({ id: z.uuid({ message: 'must be a case id (UUID)' }) });

export const HistoryEntry = z
  .object({
    caseId: z.uuid(),
    at: z.iso.datetime(),
    action: z.string(),
    from: z.string().nullable(),
    to: z.string(),
    by: Actor,
    reason: z.string().optional(),
    note: z.string().optional(),
  })
  .meta({ id: 'HistoryEntry' });
export const History = z.object({ items: z.array(HistoryEntry) }).meta({ id: 'History' });

// ---- The public certificate check and agencies' decisions

export const CertificateParams = z.strictObject({ number: CertificateNumber });
export const CertificateCheckQuery = z.strictObject({ idNumber: IdNumber.optional() });
export const CertificateCheck = z
  .object({
    kind: z.enum(['origin', 'verification']),
    status: z.enum(CERTIFICATE_STATUSES),
    validFrom: LocalDate,
    validUntil: LocalDate,
    holderMatches: z.boolean().optional().meta({ description: 'Present when idNumber was given' }),
  })
  .meta({ id: 'CertificateCheck', description: 'Validity only: nothing about the holder' });

export const AgencyDecisionRequest = z
  .strictObject({
    agency: text(200).meta({ description: 'The agency that decided, e.g. 朝阳分局出入境管理支队' }),
    decision: text(500).meta({ description: 'What it decided, e.g. residence permit issued' }),
    reference: text(200).meta({ description: "The agency's own file reference" }),
  })
  .meta({ id: 'AgencyDecisionRequest' });
export const AgencyDecision = z
  .object({
    id: z.uuid(),
    certificateNumber: z.string(),
    agency: z.string(),
    decision: z.string(),
    reference: z.string(),
    at: z.iso.datetime(),
    by: Actor,
  })
  .meta({ id: 'AgencyDecision' });
export const AgencyDecisions = z.object({ items: z.array(AgencyDecision) }).meta({ id: 'AgencyDecisions' });

// ---- Lists

export const Limit = z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(20);
export const Cursor = z.string().min(1).max(2000).optional();
const ALL_STATES = [
  ...new Set([...REGISTRATION_STATES, ...ORIGIN_CERTIFICATE_STATES, ...REVIEW_STATES, ...ASSISTANCE_REQUEST_STATES, ...APPEAL_STATES, ...GROUP_STATES]),
] as [string, ...string[]];

const caseFilters = {
  type: z.enum(CASE_TYPES).optional(),
  state: z.enum(ALL_STATES).optional(),
  overdue: z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true').optional(),
  dueBefore: z.iso.datetime({ message: 'must be an ISO date-time, e.g. 2026-12-01T00:00:00Z' }).optional(),
  limit: Limit,
  cursor: Cursor,
};
const noContradiction = (q: { state?: string | undefined; overdue?: boolean | undefined }, ctx: z.RefinementCtx) => {
  if (q.overdue && q.state && q.state !== 'overdue') {
    ctx.addIssue({ code: 'custom', path: ['state'], message: 'contradicts overdue=true' });
  }
};
export const CasesQuery = z.strictObject({ jurisdiction: JurisdictionCode, ...caseFilters }).superRefine(noContradiction);
export const MyCasesQuery = z.strictObject(caseFilters).superRefine(noContradiction);
export const CasePage = z
  .object({
    items: z.array(z.discriminatedUnion('type', Object.values(CASE_VIEWS) as unknown as [typeof Registration, typeof OriginCertificate])),
    cursor: z.string().optional(),
  })
  .meta({ id: 'CasePage' });

export const InboxParams = z.strictObject({ code: JurisdictionCode });
export const InboxQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional().meta({ description: 'true: only notices nobody has acknowledged' }),
  limit: Limit,
  cursor: Cursor,
});
export const FeedbackQuery = z
  .strictObject({
    from: LocalDate.meta({ description: 'Notices filed on or after this day (Asia/Shanghai)' }),
    to: LocalDate.meta({ description: 'and on or before this one' }),
  })
  .refine((q) => q.from <= q.to, { message: 'must not be before from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, { message: 'must be at most 366 days after from', path: ['to'] });
export const FeedbackFigures = z
  .object({
    jurisdiction: JurisdictionCode,
    from: LocalDate,
    to: LocalDate,
    received: z.number().int().meta({ description: 'Notices filed in the period that are owed an acknowledgement' }),
    acknowledged: z.number().int(),
    acknowledgedInTime: z.number().int().meta({ description: 'Acknowledged by their deadline (policy noticeAcknowledgement)' }),
    acknowledgedLate: z.number().int(),
    unread: z.number().int(),
    unreadLate: z.number().int().meta({ description: 'Still unread, past their deadline' }),
    inTimeRate: z.number().nullable().meta({ description: 'acknowledgedInTime / (acknowledged + unreadLate): of those decided, read in time' }),
    medianHoursToAcknowledge: z.number().nullable(),
  })
  .meta({ id: 'FeedbackFigures' });
export const EventCatalogueEntry = z
  .object({
    type: z.string(),
    version: z.number().int(),
    caseType: z.enum(CASE_TYPES),
    description: z.string(),
    notifies: z.array(z.string()),
    personal: z.array(z.string()),
    schema: z.record(z.string(), z.unknown()).meta({ description: 'JSON Schema of the event data' }),
  })
  .meta({ id: 'EventType' });
export const EventCatalogue = z.object({ items: z.array(EventCatalogueEntry) }).meta({ id: 'EventCatalogue' });
export const EventSchemaParams = z.strictObject({ type: z.string().min(1).max(120) });
export const NoticeParams = z.strictObject({ code: JurisdictionCode, eventId: z.string().min(1).max(100) });
export const AdminNoticeParams = z.strictObject({ eventId: z.string().min(1).max(100) });

export const AdminNotice = z
  .object({
    jurisdiction: z.literal('national'),
    eventId: z.string(),
    type: z.enum(['calendar.notice_missing']).meta({ description: '`calendar.notice_missing`: a year\'s holiday notice should be loaded (PUT /v1/calendars/{year}) and is not' }),
    time: z.iso.datetime(),
    data: z.record(z.string(), z.unknown()),
    acknowledged: z.object({ at: z.iso.datetime(), by: z.object({ sub: z.string(), role: z.enum(ROLES) }) }).optional(),
  })
  .meta({ id: 'AdminNotice', description: 'A notice to the national administrators about the deployment itself' });
export const AdminNoticePage = z.object({ items: z.array(AdminNotice), cursor: z.string().optional() }).meta({ id: 'AdminNoticePage' });

export const Notice = z
  .object({
    jurisdiction: JurisdictionCode,
    eventId: z.string(),
    type: z.string(),
    caseId: z.string(),
    caseType: z.enum(CASE_TYPES),
    time: z.iso.datetime(),
    originCode: JurisdictionCode,
    destinationCode: JurisdictionCode.optional(),
    data: z.record(z.string(), z.unknown()),
    acknowledged: z
      .object({ at: z.iso.datetime(), by: z.object({ sub: z.string(), role: z.enum(ROLES), office: JurisdictionCode.optional() }) })
      .optional()
      .meta({ description: 'Read, by whom and when (POST …/ack)' }),
    acknowledgeBy: Deadline.optional().meta({ description: 'Unread past this, the notice is late: reminded, then escalated' }),
    late: z.object({ at: z.iso.datetime() }).optional().meta({ description: 'It passed its acknowledgement deadline unread' }),
  })
  .meta({ id: 'Notice' });

export const NoticePage = z.object({ items: z.array(Notice), cursor: z.string().optional() }).meta({ id: 'NoticePage' });

export const MessagesQuery = z.strictObject({
  caseId: z.uuid('must be a case id'),
  to: z.string().min(3).max(254).optional().meta({ description: 'Only messages to this phone number or e-mail address' }),
  limit: Limit,
  cursor: Cursor,
});
export const MessageView = z
  .object({
    id: z.string(),
    caseId: z.string(),
    stage: z.string(),
    channel: z.enum(['sms', 'email']),
    to: z.string(),
    language: z.enum(['zh', 'en']),
    subject: z.string().optional(),
    text: z.string(),
    state: z.enum(MESSAGE_STATES).meta({
      description: 'held: waiting for the quiet hours to end (goes at releaseAt); queued; sent; failed (see failure); skipped: recorded, not sent (see reason)',
    }),
    dueAt: z.iso.datetime(),
    releaseAt: z.iso.datetime().optional(),
    sentAt: z.iso.datetime().optional(),
    failure: z.string().optional(),
    reason: z.string().optional().meta({ description: 'Why a skipped message was not sent: a sweep that caught up sends only the latest reminder due, none once the deadline has passed' }),
    supersededBy: z.string().optional().meta({ description: 'The later reminder (stage) that went instead of a skipped one' }),
  })
  .meta({ id: 'Message' });
export const MessagePage = z.object({ items: z.array(MessageView), cursor: z.string().optional() }).meta({ id: 'MessagePage' });

// ---- Reference data and policy

export const JurisdictionParams = z.strictObject({ code: JurisdictionCode });
export const JurisdictionRequest = z
  .strictObject({
    name: text(100),
    level: z.enum(Object.values(LEVELS) as [string, ...string[]]).optional().meta({ description: 'Implied by the code; when given it must agree' }),
  })
  .meta({ id: 'JurisdictionRequest' });
const JurisdictionFields = { code: JurisdictionCode, name: z.string(), level: z.enum(Object.values(LEVELS) as [string, ...string[]]) };
export const Jurisdiction = z
  .object({ ...JurisdictionFields, parentCode: JurisdictionCode.optional(), children: z.array(z.object(JurisdictionFields)) })
  .meta({ id: 'Jurisdiction' });
export const Provinces = z.object({ items: z.array(z.object(JurisdictionFields)) }).meta({ id: 'Provinces' });

export const PolicyParams = z.strictObject({
  prefix: z.union([z.literal(NATIONAL_PREFIX), JurisdictionCode], { message: `must be ${NATIONAL_PREFIX} or a jurisdiction code` }),
});

const Months = z.number().int('must be a whole number of months').min(1, 'must be at least 1').max(120, 'must be at most 120');
const HolidayCalendar = z
  .strictObject({ holidays: z.array(LocalDate).max(366), workdays: z.array(LocalDate).max(366) })
  .superRefine((c, ctx) => {
    const both = c.holidays.filter((d) => c.workdays.includes(d));
    if (both.length > 0) ctx.addIssue({ code: 'custom', path: ['workdays'], message: `lists holidays too: ${both.join(', ')}` });
  })
  .meta({ id: 'HolidayCalendar', description: 'Local holidays and make-up working days, added to the national calendar' });

const Days = z.array(z.number().int().min(1, 'must be at least 1').max(365, 'must be at most 365')).max(5, 'must list at most 5');
const ReminderRule = z
  .strictObject({ before: Days, remind: z.array(z.enum(['person', 'office'])).max(2), escalateAfter: Days })
  .meta({ id: 'ReminderRule' });
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');
const QuietHours = z.strictObject({ start: ClockTime, end: ClockTime }).meta({ id: 'QuietHours', description: 'Local hours (Asia/Shanghai) in which no SMS goes to a person' });

export const PolicyOverride = z
  .strictObject({
    originCertificateProcessing: Period,
    originCertificateValidityMonths: Months,
    registration: Period,
    supplement: Period,
    verification: Period,
    verificationCertificateValidityMonths: Months,
    minimumAge: z.number().int().min(0).max(100, 'must be at most 100').nullable(),
    minimumStayDays: z.number().int().min(1).max(3650, 'must be at most 3650').nullable(),
    assistanceReply: Period,
    appealWindowDays: z.number().int().min(1, 'must be at least 1').max(3650, 'must be at most 3650'),
    appealDecision: Period,
    groupFiling: Period,
    assistanceReplyMaxDays: z.number().int().min(1, 'must be at least 1').max(365, 'must be at most 365'),
    noticeAcknowledgement: Period,
    reviewIntervalMonths: Months,
    retentionYears: z.number().int('must be a whole number of years').min(1, 'must be at least 1').max(30, 'must be at most 30'),
    accessLogNamesStaff: z.boolean(),
    completenessTarget: z.number().min(0, 'must be at least 0').max(1, 'must be at most 1 (100%)'),
    staleAfterDays: z.number().int().min(1, 'must be at least 1').max(3650, 'must be at most 3650'),
    updatesPerYear: z.number().int().min(0).max(366, 'must be at most 366'),
    reviewWindowDays: z.number().int().min(0).max(366, 'must be at most 366'),
    reminders: z.partialRecord(z.enum(DEADLINE_KINDS), ReminderRule).meta({
      description: 'By deadline kind: reminders `before` (days, in the deadline\'s unit) to `remind` (person, office), escalations `escalateAfter` (days; each one level further up)',
    }),
    quietHours: QuietHours.nullable(),
    calendar: HolidayCalendar,
  })
  .partial()
  .meta({ id: 'PolicyOverride', description: 'Settings for a prefix; an absent setting comes from a shorter prefix' });

const ResolvedCalendar = z
  .object({
    holidays: z.array(LocalDate),
    workdays: z.array(LocalDate),
    noticeYears: z.array(z.number().int()).meta({ description: 'Years whose national notice is loaded; other years count the statutory holidays computed from the law' }),
  })
  .meta({ id: 'ResolvedCalendar' });

export const PolicyOverrideDocument = z
  .object({ prefix: z.string(), override: PolicyOverride, updatedAt: z.iso.datetime().optional(), updatedBy: z.string().optional() })
  .meta({ id: 'PolicyOverrideDocument' });

export const ResolvedPolicy = z
  .object({
    code: JurisdictionCode,
    policy: PolicyOverride.required().extend({ calendar: ResolvedCalendar }),
    sources: z.record(z.string(), z.union([z.string(), z.array(z.string())])).meta({
      description: 'For each setting, where it came from: `default` (built in), `national` or a code prefix; calendar lists every contributor',
    }),
  })
  .meta({ id: 'ResolvedPolicy' });

// ---- The national holiday calendar, year by year

export const CalendarParams = z.strictObject({
  year: z.coerce
    .number({ message: 'must be a year' })
    .int('must be a year')
    .min(STATUTORY_YEARS.first, `must be from ${STATUTORY_YEARS.first}`)
    .max(STATUTORY_YEARS.last, `must be at most ${STATUTORY_YEARS.last}`),
});

export const CalendarNoticeRequest = z
  .strictObject({
    title: text(200).meta({ example: '国务院办公厅关于2027年部分节假日安排的通知' }),
    documentNumber: text(100).meta({ example: '国办发明电〔2026〕9号' }),
    issued: LocalDate.meta({ description: 'The date the notice was issued' }),
    url: z.url('must be a URL').max(500).optional(),
    holidays: z.array(LocalDate).min(1, 'must list the days off').max(100).meta({ description: 'Every day off in the holiday periods, weekends inside them included' }),
    workdays: z.array(LocalDate).max(30).meta({ description: 'The weekend days worked instead (调休)' }),
  })
  .meta({ id: 'CalendarNoticeRequest', description: "A year's State Council notice on its holiday arrangements" });

export const CalendarYear = z
  .object({
    year: z.number().int(),
    source: z.enum(['notice', 'statutory']).meta({
      description: '`notice`: the State Council notice for the year is loaded; `statutory`: computed from the law (its make-up working days are not known yet)',
    }),
    notice: z
      .object({ title: z.string(), documentNumber: z.string(), issued: LocalDate, url: z.string().optional(), builtIn: z.boolean(), loadedAt: z.iso.datetime().optional(), loadedBy: z.string().optional() })
      .optional(),
    holidays: z.array(LocalDate),
    workdays: z.array(LocalDate),
    statutory: z.array(z.object({ date: LocalDate, festival: z.enum(FESTIVALS) })).meta({ description: 'The statutory days off of the year, by festival' }),
    moved: z.number().int().optional().meta({ description: 'On PUT: open provisional deadlines queued to be counted again with the notice' }),
  })
  .meta({ id: 'CalendarYear' });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    state: z.string().optional().meta({ description: 'On 409: the state the refused action met' }),
    errors: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

// ---- Personal data: lookups, reveals and the audit

export const PeopleSearch = z
  .strictObject({
    idNumber: IdNumber,
    reason: text(500).min(4, 'must say why, in at least 4 characters').meta({ description: 'Why the office looks the person up: recorded in the audit the person reads' }),
  })
  .meta({ id: 'PeopleSearch' });
export const RevealRequest = z
  .strictObject({
    reason: text(500).min(4, 'must say why, in at least 4 characters').meta({ description: 'Why the full numbers are needed: recorded in the audit the person reads' }),
    fields: z.array(z.enum(['idNumber', 'phone'])).min(1).max(2).optional().meta({ description: 'Which numbers (default both)' }),
  })
  .meta({ id: 'RevealRequest' });
export const Revealed = z
  .object({ caseId: z.uuid(), idNumber: z.string().optional(), phone: z.string().optional() })
  .meta({ id: 'Revealed' });
const AuditAction = z.enum(['read', 'write', 'reveal', 'lookup', 'list', 'sent']).meta({ description: 'sent: personal fields an agency received through its subscription' });
export const AccessLogEntry = z
  .object({
    at: z.iso.datetime(),
    action: AuditAction,
    caseId: z.uuid().optional(),
    caseType: z.string().optional(),
    purpose: z.string(),
    reason: z.string().optional(),
    by: z
      .object({ role: z.string(), office: z.string().optional(), agency: z.string().optional(), sub: z.string().optional() })
      .meta({ description: "The office or agency; the staff account (`sub`) only where the office's policy accessLogNamesStaff says so" }),
  })
  .meta({ id: 'AccessLogEntry' });
export const AccessLogPage = z.object({ items: z.array(AccessLogEntry), cursor: z.string().optional() }).meta({ id: 'AccessLogPage' });
export const AccessLogQuery = z.strictObject({ limit: Limit, cursor: Cursor });
export const AuditRecord = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime(),
    sub: z.string(),
    role: z.string(),
    office: z.string().optional(),
    agency: z.string().optional(),
    action: AuditAction,
    caseId: z.uuid().optional(),
    caseType: z.string().optional(),
    caseIds: z.array(z.uuid()).optional(),
    fields: z.array(z.string()).optional(),
    route: z.string(),
    purpose: z.string(),
    reason: z.string().optional(),
  })
  .meta({ id: 'AuditRecord' });
export const AuditPage = z.object({ items: z.array(AuditRecord), cursor: z.string().optional() }).meta({ id: 'AuditPage' });
export const AuditQuery = z
  .strictObject({
    sub: z.string().min(1).max(200).meta({ description: 'The user (token subject) whose accesses to list' }),
    from: LocalDate.meta({ description: 'First day (Asia/Shanghai)' }),
    to: LocalDate.meta({ description: 'Last day (Asia/Shanghai)' }),
    limit: Limit,
    cursor: Cursor,
  })
  .refine((q) => q.from <= q.to, { message: 'must not be after to', path: ['from'] });
