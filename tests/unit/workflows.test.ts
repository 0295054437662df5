// The workflow tables: every transition they allow and refuse (generated from the tables, so a
// new row or state is covered), and what each action does beyond its state.
import { describe, expect, it } from 'vitest';
import { certificateStatus, parseCertificateNumber } from '../../core/certificates.ts';
import { DomainError } from '../../core/errors.ts';
import { checkCharacter } from '../../core/id-number.ts';
import { DEFAULT_POLICY, resolvePolicy } from '../../core/policy.ts';
import { type Principal, type Role, ROLES, SYSTEM } from '../../core/principal.ts';
import { type ActionRule, type CaseBase, type Workflow, availableActions, isOverdue, recountDeadline, targets, transition } from '../../core/workflows/engine.ts';
import { nationalCalendar } from '../../core/holidays.ts';
import { statutoryHolidays } from '../../core/statutory-holidays.ts';
import { WORKFLOWS, clientActions } from '../../core/workflows/index.ts';
import * as certificates from '../../core/workflows/origin-certificate.ts';
import * as registrations from '../../core/workflows/registration.ts';
import { type ReviewCase, scheduleReview } from '../../core/workflows/review.ts';
import { completeReview } from '../../core/workflows/review-cycle.ts';
import { answer, ask } from '../../core/workflows/assistance-request.ts';
import { decide as decideAppeal, lodge } from '../../core/workflows/appeal.ts';
import { MAX_GROUP_SIZE, fileGroup, overfills, settleMember, settleRefusedMember } from '../../core/workflows/group-cycle.ts';
import { type GroupCase, removeMember } from '../../core/workflows/group.ts';

const now = new Date('2026-11-29T02:00:00Z'); // 10:00 in Shanghai
const destinationWorker: Principal = { sub: 'cw-1', role: 'caseworker', jurisdiction: '110105001' };
const originWorker: Principal = { sub: 'cw-o', role: 'caseworker', jurisdiction: '511321100' };
const self: Principal = { sub: 'person-1', role: 'person', idNumber: '11010519491231002X' };
const person = { name: '张三', idNumber: '11010519491231002X', phone: '13800138000' };
const reportInput: registrations.ReportInput = {
  person,
  originCode: '511321100',
  destinationCode: '110105001',
  arrivalDate: '2026-11-25',
  expectedStayDays: 180,
};
const ids = { caseId: 'case-1', eventId: 'event-1' };
const idWithCheck = (first17: string) => first17 + checkCharacter(first17);
const VC = 'VC-0000-0000-0000';
const ownCase = () => registrations.report(reportInput, self, DEFAULT_POLICY, ids, now).case;
/** A group of two filed at 110105001 by its caseworker. */
const filedGroup = () =>
  fileGroup(
    {
      responsiblePerson: { name: '刘强', idNumber: '110105198001010016', phone: '13500135000' },
      organisation: { name: '南部县劳务输出公司' },
      agreementReference: '南劳协〔2026〕12号',
      originCode: '511321100',
      destinationCode: '110105001',
      arrivalDate: '2026-11-25',
    },
    [
      { person, expectedStayDays: 180 },
      { person: { ...person, name: '李四', idNumber: '511321199001010025' }, expectedStayDays: 180 },
    ],
    destinationWorker,
    DEFAULT_POLICY,
    { caseId: 'group-1', eventId: 'e', members: [{ caseId: 'm-1', eventId: 'e1' }, { caseId: 'm-2', eventId: 'e2' }] },
    now,
  );

/** An appeal by `self` against the origin office's rejection of their certificate application. */
const lodgedAppeal = () => {
  const applied = certificates.apply({ person, originCode: '511321100' }, self, DEFAULT_POLICY, ids, now).case;
  const rejected = certificates.reject(applied, originWorker, DEFAULT_POLICY, 'e', now, { reason: '材料不全' });
  return { rejected, ...lodge(rejected.case, rejected.history, { appealable: true, workingOffice: '511321100' }, '材料已齐全', self, DEFAULT_POLICY, { caseId: 'appeal-1', eventId: 'e' }, now) };
};
const verifyIds = { eventId: 'e', review: { caseId: 'review-1', eventId: 'e-review' } };
const verifiedWithReview = (c: registrations.RegistrationCase) =>
  registrations.verify(c, destinationWorker, DEFAULT_POLICY, verifyIds, now, { certificateNumber: VC });
const verifiedCase = (c: registrations.RegistrationCase) => verifiedWithReview(c)[0]!.case as registrations.RegistrationCase;

const domainError = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
};

/** A case of each type in any state, opened by `self`, with what later states carry. */
const caseIn = (type: keyof typeof WORKFLOWS, state: string): CaseBase => {
  const registration = registrations.report(reportInput, self, DEFAULT_POLICY, ids, now).case;
  const base = {
    registration: () => registration,
    origin_certificate: () => certificates.apply({ person, originCode: '511321100' }, self, DEFAULT_POLICY, ids, now).case,
    review: () => scheduleReview(registration, 1, '2026-11-29', DEFAULT_POLICY, ids, now).case,
    assistance_request: () =>
      ask({ toCode: '110105001', subject: { caseId: 'case-1' }, question: '此人是否在贵辖区居住？' }, originWorker, DEFAULT_POLICY, ids, now).case,
    appeal: () => lodgedAppeal().case,
    group: () => filedGroup()[0].case,
  }[type]();
  const certificate = { number: VC, validFrom: '2026-11-29', validUntil: '2027-11-28' };
  return { ...base, state, ...(type === 'registration' ? { verificationCertificate: certificate } : { certificate }) } as CaseBase;
};

/** Someone the table allows to take the action on that case. */
const allowedActor = (type: keyof typeof WORKFLOWS, rule: ActionRule<string>): Principal => {
  const role = rule.roles[0]!;
  if (role === 'system') return SYSTEM;
  if (role === 'person') return self;
  // The asking office sends an assistance request; the asked office (its destination) works it.
  // An appeal against the township 511321100 is decided by its county.
  if (type === 'appeal') return { sub: 'office', role, jurisdiction: '511321' };
  const origin = type === 'origin_certificate' || (type === 'assistance_request' && rule.actingOffice === 'origin');
  return { sub: 'office', role, jurisdiction: origin ? '511321100' : '110105001' };
};

for (const [type, workflow] of Object.entries(WORKFLOWS) as [keyof typeof WORKFLOWS, Workflow<CaseBase, string>][]) {
  describe(`the ${type} table`, () => {
    const actions = Object.entries(workflow.actions as Record<string, ActionRule<string>>).filter(([, r]) => !r.from.includes(null));

    it('names only states that exist', () => {
      for (const rule of Object.values(workflow.actions as Record<string, ActionRule<string>>)) {
        for (const to of targets(rule)) expect(workflow.states).toContain(to);
        for (const from of rule.from) if (from !== null) expect(workflow.states).toContain(from);
      }
    });

    for (const [action, rule] of actions) {
      for (const state of workflow.states) {
        const allowed = rule.from.includes(state);
        // Every state the action may lead to, where its outcome chooses among several.
        for (const to of allowed ? targets(rule, state) : [targets(rule)[0]!]) {
          it(`${allowed ? 'allows' : 'refuses (409)'} ${action} from ${state}${targets(rule, state).length > 1 ? ` to ${to}` : ''}`, () => {
            const c = caseIn(type, state);
            const take = () =>
              transition(workflow, c, action, allowedActor(type, rule), DEFAULT_POLICY, 'e', now, { detail: { reason: 'stated reason' }, to });
            if (allowed) {
              const decision = take();
              expect(decision.case).toMatchObject({ state: to, version: c.version + 1 });
              expect(decision.history).toMatchObject({ action, from: state, to });
              expect(decision.event.type).toBe(rule.event);
              expect(decision.case.deadline?.kind ?? null).toBe(rule.deadline === 'keep' ? (c.deadline?.kind ?? null) : rule.deadline);
            } else {
              const error = domainError(take);
              expect(error.kind).toBe('conflict');
              expect(error.extensions).toEqual({ state, action });
            }
          });
        }
      }

      const refusedRoles = ROLES.filter((r) => !rule.roles.includes(r));
      it(`refuses ${action} to ${refusedRoles.join(', ') || 'nobody'} (403)`, () => {
        const state = rule.from[0] as string;
        for (const role of refusedRoles) {
          const actor: Principal = role === 'system' ? SYSTEM : { sub: 'x', role, jurisdiction: '11' };
          const error = domainError(() =>
            transition(workflow, caseIn(type, state), action, actor, DEFAULT_POLICY, 'e', now, { detail: { reason: 'r' }, to: targets(rule)[0] }),
          );
          expect(error.kind).toBe('forbidden');
        }
      });

      if (rule.reasonRequired) {
        it(`requires a reason to ${action} (400)`, () => {
          const error = domainError(() =>
            transition(workflow, caseIn(type, rule.from[0] as string), action, allowedActor(type, rule), DEFAULT_POLICY, 'e', now, { to: targets(rule)[0] }),
          );
          expect(error).toMatchObject({ kind: 'validation', fields: [{ field: 'reason', reason: 'is required for this action' }] });
        });
      }
    }

    it('lets an office outside the case, or another person, take none of its client actions', () => {
      const outsider: Principal = { sub: 'o', role: 'caseworker', jurisdiction: '510104001' };
      const stranger: Principal = { sub: 'person-2', role: 'person', idNumber: '511321199001010025' };
      for (const state of workflow.states) {
        expect(availableActions(workflow, caseIn(type, state), outsider)).toEqual([]);
        expect(availableActions(workflow, caseIn(type, state), stranger)).toEqual([]);
      }
      expect(clientActions(workflow).length).toBeGreaterThan(0);
    });
  });
}

describe('reporting an arrival', () => {
  it('refuses a second open registration of one person at one destination, naming the open one', () => {
    expect(() => registrations.assertFirstArrival(undefined, '110105001')).not.toThrow();
    expect(() => registrations.assertFirstArrival({ id: 'c-open' }, '110105001')).toThrow(expect.objectContaining({ kind: 'conflict', extensions: { caseId: 'c-open' } }));
  });

  it('opens a case in reported with the registration deadline (arrival + 10 days) and its period', () => {
    const decision = registrations.report(reportInput, destinationWorker, DEFAULT_POLICY, ids, now);
    expect(decision.case).toMatchObject({
      id: 'case-1',
      type: 'registration',
      state: 'reported',
      version: 1,
      openedBy: { sub: 'cw-1', role: 'caseworker', office: '110105001' },
      deadline: { kind: 'registration', date: '2026-12-05', dueAt: '2026-12-05T16:00:00.000Z', period: { count: 10, unit: 'calendar_days' } },
    });
    expect(decision.history).toMatchObject({ action: 'report', from: null, to: 'reported', by: { sub: 'cw-1', office: '110105001' } });
    expect(decision.event).toMatchObject({ id: 'event-1', type: 'registration.reported', originCode: '511321100', caseType: 'registration' });
  });

  it('takes the deadline from the policy in force, in working days across the 2026 National Day holiday', () => {
    const policy = resolvePolicy('110105001', { '11': { registration: { count: 5, unit: 'working_days' } } });
    // Arrival Wed 2026-09-30; 10-01..10-07 are holidays, 10-08 Thu, 10-09 Fri, 10-10 the make-up Saturday, 10-12 Mon, 10-13 Tue.
    const at = new Date('2026-10-14T02:00:00Z');
    expect(registrations.report({ ...reportInput, arrivalDate: '2026-09-30' }, destinationWorker, policy, ids, at).case.deadline).toMatchObject({
      date: '2026-10-13',
      period: { count: 5, unit: 'working_days' },
    });
  });

  it('refuses a caseworker outside the destination, and roles the table does not list', () => {
    expect(domainError(() => registrations.report(reportInput, { sub: 'c', role: 'caseworker', jurisdiction: '110108' }, DEFAULT_POLICY, ids, now)).kind).toBe('forbidden');
    expect(domainError(() => registrations.report(reportInput, { sub: 's', role: 'supervisor', jurisdiction: '11' }, DEFAULT_POLICY, ids, now)).kind).toBe('forbidden');
  });

  it('refuses an arrival in the future, judged by the Shanghai date, and an origin equal to the destination', () => {
    const late = new Date('2026-11-28T17:00:00Z'); // already 2026-11-29 in Shanghai
    expect(() => registrations.report({ ...reportInput, arrivalDate: '2026-11-29' }, destinationWorker, DEFAULT_POLICY, ids, late)).not.toThrow();
    expect(domainError(() => registrations.report({ ...reportInput, arrivalDate: '2026-11-30' }, destinationWorker, DEFAULT_POLICY, ids, late)).fields[0]?.field).toBe('arrivalDate');
    expect(domainError(() => registrations.report({ ...reportInput, originCode: '110105001' }, destinationWorker, DEFAULT_POLICY, ids, now)).fields[0]?.field).toBe('destinationCode');
  });

  it('refuses an ID number born after the day of the report, judged by the time it is given, never the wall clock', () => {
    // Born 2026-12-01: a typing error on 2026-11-29, a real number once that day has come.
    const person = { ...reportInput.person, idNumber: idWithCheck('11010520261201001') };
    const refused = domainError(() => registrations.report({ ...reportInput, person }, destinationWorker, DEFAULT_POLICY, ids, now));
    expect(refused.fields).toEqual([{ field: 'person.idNumber', reason: expect.stringContaining('birth date in the future (2026-12-01)') }]);
    const later = new Date('2026-12-02T02:00:00Z');
    const judged = domainError(() => registrations.report({ ...reportInput, arrivalDate: '2026-12-02', person }, destinationWorker, DEFAULT_POLICY, ids, later));
    // Then it is the person's age that the policy refuses, not the number.
    expect(judged.fields[0]).toMatchObject({ field: 'person.idNumber', reason: expect.stringContaining(`under ${DEFAULT_POLICY.minimumAge}`) });
  });
});

describe('eligibility (Measures §2, as policy)', () => {
  // Born 2008-11-30: 17 on 2026-11-25, 18 from 2026-11-30.
  const minor = { ...person, idNumber: '110105200811300015' };
  const leap = idWithCheck('11010520080229001');

  it('refuses a stay below the minimum with 422 naming the rule', () => {
    const error = domainError(() => registrations.report({ ...reportInput, expectedStayDays: 29 }, destinationWorker, DEFAULT_POLICY, ids, now));
    expect(error.kind).toBe('unprocessable');
    expect(error.fields).toEqual([{ field: 'expectedStayDays', reason: expect.stringContaining('minimumStayDays') }]);
    expect(() => registrations.report({ ...reportInput, expectedStayDays: 30 }, destinationWorker, DEFAULT_POLICY, ids, now)).not.toThrow();
  });

  it('refuses a person under the minimum age on the arrival date', () => {
    const error = domainError(() => registrations.report({ ...reportInput, person: minor }, destinationWorker, DEFAULT_POLICY, ids, now));
    expect(error.fields).toEqual([{ field: 'person.idNumber', reason: expect.stringContaining('under 18') }]);
    const later = new Date('2026-12-01T02:00:00Z');
    expect(() => registrations.report({ ...reportInput, person: minor, arrivalDate: '2026-11-30' }, destinationWorker, DEFAULT_POLICY, ids, later)).not.toThrow();
  });

  it('counts a 29 February birthday as coming of age on 28 February in a common year, and never skips a back-dated arrival', () => {
    const leapling = { ...person, idNumber: leap };
    const at = new Date('2026-03-02T02:00:00Z');
    expect(() => registrations.report({ ...reportInput, person: leapling, arrivalDate: '2026-02-28' }, destinationWorker, DEFAULT_POLICY, ids, at)).not.toThrow();
    expect(domainError(() => registrations.report({ ...reportInput, person: leapling, arrivalDate: '2026-02-27' }, destinationWorker, DEFAULT_POLICY, ids, at)).kind).toBe('unprocessable');
    // An arrival dated before the birth is still judged by age.
    expect(domainError(() => registrations.report({ ...reportInput, person: minor, arrivalDate: '2008-01-01' }, destinationWorker, DEFAULT_POLICY, ids, now)).kind).toBe('unprocessable');
  });

  it('lets policy turn either rule off', () => {
    const off = { ...DEFAULT_POLICY, minimumAge: null, minimumStayDays: null };
    expect(() => registrations.report({ ...reportInput, person: minor, expectedStayDays: 3 }, destinationWorker, off, ids, now)).not.toThrow();
  });
});

describe('registration actions', () => {
  const opened = () => registrations.report(reportInput, destinationWorker, DEFAULT_POLICY, ids, now).case;

  it('verifies with a certificate valid for the policy period (Civil Code art. 202: the corresponding day)', () => {
    const [verified, review] = registrations.verify(opened(), destinationWorker, DEFAULT_POLICY, verifyIds, now, { certificateNumber: VC });
    // The first residence review is due after the policy interval (6 months), and the registration points at it.
    expect(review!.case).toMatchObject({ id: 'review-1', type: 'review', state: 'due', registrationId: 'case-1', round: 1, deadline: { kind: 'review', date: '2027-05-29' } });
    expect(verified!.case).toMatchObject({ state: 'registered', deadline: null, verificationCertificate: { number: VC, validFrom: '2026-11-29', validUntil: '2027-11-29' } });
    expect(verified!.case).toMatchObject({ reviewId: 'review-1' });
    const certificate = (verified!.case as registrations.RegistrationCase).verificationCertificate!;
    expect(certificateStatus(certificate, '2027-11-29')).toBe('valid');
    expect(certificateStatus(certificate, '2027-11-30')).toBe('expired');
  });

  it('requests a supplement with its deadline, and a supplement hands the check back to the office in working days', () => {
    const requested = registrations.requestSupplement(ownCase(), destinationWorker, DEFAULT_POLICY, 'e', now, { items: ['租房合同'], reason: '缺少住所证明' });
    expect(requested.case).toMatchObject({ state: 'awaiting_supplement', deadline: { kind: 'supplement', date: '2026-12-14' }, supplementRequest: { items: ['租房合同'] } });
    // Tuesday 2026-12-01: five working days later is Tuesday 2026-12-08.
    const back = registrations.supplement(requested.case, self, DEFAULT_POLICY, 'e', new Date('2026-12-01T02:00:00Z'), { note: '已补交' });
    expect(back.case).toMatchObject({ state: 'reported', deadline: { kind: 'verification', date: '2026-12-08' } });
    expect(back.history).toMatchObject({ by: { sub: 'person-1', role: 'person' }, note: '已补交' });
  });

  it('renews from the end of the certificate, and revokes with a reason', () => {
    const verified = verifiedCase(opened());
    const renewed = registrations.renew(verified, destinationWorker, DEFAULT_POLICY, 'e', now).case;
    expect(renewed.verificationCertificate).toMatchObject({ number: VC, validUntil: '2028-11-29' });
    // A lapsed certificate is renewed from today.
    const lapsed = { ...verified, verificationCertificate: { ...verified.verificationCertificate!, validUntil: '2026-10-31' } };
    expect(registrations.renew(lapsed, destinationWorker, DEFAULT_POLICY, 'e', now, { note: '续签' })).toMatchObject({
      case: { verificationCertificate: { validUntil: '2027-11-29' } },
      history: { note: '续签' },
    });
    const review = verifiedWithReview(opened())[1]!.case as ReviewCase;
    const [revoked, cancelled] = registrations.revoke(renewed, destinationWorker, DEFAULT_POLICY, { eventId: 'e', review: { case: review, eventId: 'e2' } }, now, { reason: '材料虚假' });
    expect(revoked!.case.state).toBe('closed');
    expect(certificateStatus((revoked!.case as registrations.RegistrationCase).verificationCertificate!, '2026-11-29')).toBe('revoked');
    // A revoked registration has no further reviews.
    expect(cancelled!.case).toMatchObject({ type: 'review', state: 'cancelled' });
  });

  it('departs: the certificate ends that day; a next destination gets a linked case in reported', () => {
    const verified = verifiedCase(ownCase());
    const [leaving, arriving] = registrations.depart(
      verified,
      { departureDate: '2026-11-29', nextDestinationCode: '510104001' },
      self,
      DEFAULT_POLICY,
      { eventId: 'e1', next: { caseId: 'case-2', eventId: 'e2', policy: DEFAULT_POLICY } },
      now,
    );
    expect(leaving!.case).toMatchObject({ state: 'departed', nextCaseId: 'case-2', verificationCertificate: { validUntil: '2026-11-29' } });
    expect(arriving!.case).toMatchObject({
      id: 'case-2',
      state: 'reported',
      destinationCode: '510104001',
      arrivalDate: '2026-11-29',
      previousCaseId: verified.id,
      openedBy: verified.openedBy,
      deadline: { date: '2026-12-09' },
    });
    expect(arriving!.event.type).toBe('registration.transferred');
    expect(arriving!.history.by.role).toBe('system');
  });

  it('refuses a departure before the arrival or in the future', () => {
    const error = domainError(() => registrations.depart(ownCase(), { departureDate: '2026-11-01' }, self, DEFAULT_POLICY, { eventId: 'e' }, now));
    expect(error.fields).toEqual([{ field: 'departureDate', reason: 'is before the arrival on 2026-11-25' }]);
  });

  it('expires a case after its deadline, by the system only', () => {
    const c = opened();
    expect(isOverdue(registrations.REGISTRATION, c, new Date('2026-12-05T15:59:59Z'))).toBe(false);
    expect(isOverdue(registrations.REGISTRATION, c, new Date('2026-12-05T16:00:00Z'))).toBe(true);
    const registered = verifiedCase(c);
    expect(isOverdue(registrations.REGISTRATION, registered, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('residence reviews', () => {
  const registered = () => verifiedWithReview(ownCase()) as unknown as [{ case: registrations.RegistrationCase }, { case: ReviewCase }];

  it('completes a review online and schedules the next from the completion; the registration points at it', () => {
    const [registration, review] = registered();
    const later = new Date('2027-05-20T02:00:00Z');
    const [done, next, pointed] = completeReview(
      review.case,
      'confirm',
      { outcome: 'changed_address', address: '建外街道永安里 3 号' },
      self,
      DEFAULT_POLICY,
      registration.case,
      { eventId: 'e1', next: { caseId: 'review-2', eventId: 'e2' }, registrationEventId: 'e3' },
      later,
    );
    expect(done!.case).toMatchObject({ state: 'completed', result: { outcome: 'changed_address', by: 'person' } });
    expect(done!.event.type).toBe('review.completed');
    expect(next!.case).toMatchObject({ id: 'review-2', round: 2, state: 'due', deadline: { date: '2027-11-20' } });
    expect(pointed!.case).toMatchObject({ id: registration.case.id, state: 'registered', reviewId: 'review-2' });
  });

  it('schedules nothing more once the person has left, and lets an office record a visit whenever it happens', () => {
    const [registration, review] = registered();
    const office: Principal = { sub: 'cw', role: 'caseworker', jurisdiction: '110105001' };
    const visit = (at: Date) =>
      completeReview(review.case, 'record_visit', { outcome: 'left', note: '已搬离' }, office, DEFAULT_POLICY, registration.case, {
        eventId: 'e1',
        next: { caseId: 'review-2', eventId: 'e2' },
        registrationEventId: 'e3',
      }, at);
    // The person's window opens 30 days before the review is due (2027-05-29); an office's visit needs none.
    const decisions = visit(now);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.case).toMatchObject({ state: 'completed', result: { outcome: 'left', by: 'visit' } });
  });

  it("keeps the person's window: confirming before it opens is refused, a visit the same day completes the review", () => {
    const [registration, review] = registered();
    const ids = { eventId: 'e1', next: { caseId: 'review-2', eventId: 'e2' }, registrationEventId: 'e3' };
    // Mid-January, months before the window opens (2027-04-29).
    const january = new Date('2027-01-15T02:00:00Z');
    const confirm = () => completeReview(review.case, 'confirm', { outcome: 'unchanged' }, self, DEFAULT_POLICY, registration.case, ids, january);
    expect(domainError(confirm)).toMatchObject({ kind: 'conflict', extensions: { opens: '2027-04-29' } });
    const office: Principal = { sub: 'cw', role: 'caseworker', jurisdiction: '110105001' };
    const [done, next] = completeReview(review.case, 'record_visit', { outcome: 'unchanged', note: '入户核查' }, office, DEFAULT_POLICY, registration.case, ids, january);
    expect(done!.case).toMatchObject({ state: 'completed', result: { by: 'visit', at: january.toISOString() } });
    // The next review counts from the visit, not from the date the first was due (2027-05-29).
    expect(next!.case).toMatchObject({ round: 2, state: 'due', deadline: { date: '2027-07-15' } });
  });

  it('cancels the open review when the person departs', () => {
    const [registration, review] = registered();
    const decisions = registrations.depart(registration.case, { departureDate: '2026-11-29' }, self, DEFAULT_POLICY, { eventId: 'e', review: { case: review.case, eventId: 'e2' } }, now);
    expect(decisions.map((d) => [d.case.type, d.case.state])).toEqual([
      ['registration', 'departed'],
      ['review', 'cancelled'],
    ]);
  });
});

describe('assistance requests', () => {
  const question = { toCode: '110105001', subject: { idNumber: person.idNumber }, question: '请协查此人现居住地址' };

  it('is sent by the asking office with the policy reply deadline, or the days it sets within the maximum', () => {
    const sent = ask(question, originWorker, DEFAULT_POLICY, ids, now);
    expect(sent.case).toMatchObject({ state: 'open', originCode: '511321100', destinationCode: '110105001', deadline: { kind: 'assistanceReply', date: '2026-12-09' } });
    expect(sent.event.data).not.toHaveProperty('subject');
    expect(JSON.stringify(sent.event)).not.toContain(person.idNumber);
    expect(ask({ ...question, dueDays: 3 }, originWorker, DEFAULT_POLICY, ids, now).case.deadline?.date).toBe('2026-12-02');
    expect(domainError(() => ask({ ...question, dueDays: 31 }, originWorker, DEFAULT_POLICY, ids, now)).fields).toEqual([
      { field: 'dueDays', reason: 'must be at most 30 days (policy assistanceReplyMaxDays)' },
    ]);
    expect(domainError(() => ask({ ...question, toCode: '511321100' }, originWorker, DEFAULT_POLICY, ids, now)).fields[0]?.field).toBe('toCode');
    expect(domainError(() => ask(question, self, DEFAULT_POLICY, ids, now)).kind).toBe('forbidden');
  });

  it('is never answered by the office that asked, even when it covers the office asked', () => {
    const county: Principal = { sub: 'c', role: 'supervisor', jurisdiction: '110105' };
    const sent = ask({ ...question, toCode: '110105001' }, county, DEFAULT_POLICY, ids, now).case;
    expect(domainError(() => answer(sent, county, DEFAULT_POLICY, 'e', now, { answer: 'x' })).message).toContain('origin office may not answer');
    expect(answer(sent, destinationWorker, DEFAULT_POLICY, 'e', now, { answer: 'y' }).case.state).toBe('answered');
  });

  it('is answered or declined by the office asked, not by the one that asked', () => {
    const sent = ask(question, originWorker, DEFAULT_POLICY, ids, now).case;
    expect(domainError(() => answer(sent, originWorker, DEFAULT_POLICY, 'e', now, { answer: 'x' })).kind).toBe('forbidden');
    expect(answer(sent, destinationWorker, DEFAULT_POLICY, 'e', now, { answer: '此人现居建外街道永安里' }).case).toMatchObject({
      state: 'answered',
      deadline: null,
      answer: { text: '此人现居建外街道永安里' },
    });
  });
});

describe('appeals', () => {
  it('goes to the office above the deciding one, with the decision deadline from policy', () => {
    const { case: appeal } = lodgedAppeal();
    expect(appeal).toMatchObject({
      type: 'appeal',
      state: 'lodged',
      originCode: '511321100',
      destinationCode: '511321',
      appealed: { caseType: 'origin_certificate', decision: { action: 'reject', from: 'applied', to: 'rejected', reason: '材料不全' } },
      deadline: { kind: 'appealDecision', date: '2027-01-28' },
    });
  });

  it('is refused outside the window, for a decision that cannot be appealed, and once the case has moved on', () => {
    const { rejected } = lodgedAppeal();
    const lodgeAt = (at: Date, appealable = true, c = rejected.case) =>
      lodge(c, rejected.history, { appealable, workingOffice: '511321100' }, 'g', self, DEFAULT_POLICY, { caseId: 'a', eventId: 'e' }, at);
    // The day of the decision does not count (Civil Code art. 201): day 60 is 2027-01-28.
    expect(() => lodgeAt(new Date('2027-01-28T15:59:00Z'))).not.toThrow();
    expect(domainError(() => lodgeAt(new Date('2027-01-28T16:00:00Z'))).fields).toEqual([
      { field: 'decision', reason: 'was made on 2026-11-29; appeals are accepted for 60 days (policy appealWindowDays), until 2027-01-28' },
    ]);
    expect(domainError(() => lodgeAt(now, false)).kind).toBe('unprocessable');
    expect(domainError(() => lodgeAt(now, true, { ...rejected.case, state: 'issued' } as typeof rejected.case)).kind).toBe('conflict');
  });

  it('is refused against a provincial decision, which has no reviewing office here', () => {
    const { rejected } = lodgedAppeal();
    const byProvince = { ...rejected.history, by: { sub: 'p', role: 'supervisor' as const, office: '51' } };
    expect(domainError(() => lodge(rejected.case, byProvince, { appealable: true, workingOffice: '511321100' }, 'g', self, DEFAULT_POLICY, { caseId: 'a', eventId: 'e' }, now)).fields[0]?.reason).toContain('provincial office');
  });

  it('reversing a refused registration puts it back to be checked, with the office owing a decision', () => {
    const refused = registrations.refuse(ownCase(), destinationWorker, DEFAULT_POLICY, 'e', now, { reason: '未满30天' });
    expect(refused.case).toMatchObject({ state: 'closed', deadline: null });
    const appeal = lodge(refused.case, refused.history, { appealable: true, workingOffice: '110105001' }, '实际将居住一年', self, DEFAULT_POLICY, { caseId: 'appeal-3', eventId: 'e' }, now).case;
    const [, reinstated] = decideAppeal(
      appeal,
      { case: refused.case, workflow: registrations.REGISTRATION as never, policy: DEFAULT_POLICY, eventId: 'e2', review: { caseId: 'r', eventId: 'e3' } },
      { outcome: 'reversed', reason: '应予登记' },
      { sub: 'c', role: 'supervisor', jurisdiction: '110105' },
      DEFAULT_POLICY,
      'e1',
      new Date('2026-12-01T02:00:00Z'),
    );
    expect(reinstated!.case).toMatchObject({ state: 'reported', deadline: { kind: 'verification', date: '2026-12-08' } });
  });

  it('reversing a revoked registration registers it again and resumes its reviews', () => {
    const registered = verifiedCase(ownCase());
    const [revoked] = registrations.revoke(registered, destinationWorker, DEFAULT_POLICY, { eventId: 'e' }, now, { reason: '材料虚假' });
    const appeal = lodge(revoked!.case, revoked!.history, { appealable: true, workingOffice: '110105001' }, '材料真实', self, DEFAULT_POLICY, { caseId: 'appeal-2', eventId: 'e' }, now).case;
    expect(appeal.destinationCode).toBe('110105');
    const [, reinstated, review] = decideAppeal(
      appeal,
      { case: revoked!.case, workflow: registrations.REGISTRATION as never, policy: DEFAULT_POLICY, eventId: 'e2', review: { caseId: 'review-9', eventId: 'e3' } },
      { outcome: 'reversed', reason: '撤销依据不足' },
      { sub: 'c', role: 'supervisor', jurisdiction: '110105' },
      DEFAULT_POLICY,
      'e1',
      now,
    );
    expect(reinstated!.case).toMatchObject({ state: 'registered', reviewId: 'review-9' });
    expect((reinstated!.case as registrations.RegistrationCase).verificationCertificate?.revoked).toBeUndefined();
    expect(review!.case).toMatchObject({ id: 'review-9', type: 'review', state: 'due' });
  });

  it('reversed, puts the case back in the state before the decision, with a new processing deadline', () => {
    const { rejected, case: appeal } = lodgedAppeal();
    const county: Principal = { sub: 'sup', role: 'supervisor', jurisdiction: '511321' };
    const later = new Date('2026-12-10T02:00:00Z');
    const [decided, reinstated] = decideAppeal(
      appeal,
      { case: rejected.case, workflow: certificates.ORIGIN_CERTIFICATE as never, policy: DEFAULT_POLICY, eventId: 'e2', review: { caseId: 'r', eventId: 'er' } },
      { outcome: 'reversed', reason: '申请材料齐全，应予受理' },
      county,
      DEFAULT_POLICY,
      'e1',
      later,
    );
    expect(decided!.case).toMatchObject({ state: 'reversed', outcome: { decision: 'reversed' } });
    expect(reinstated!.case).toMatchObject({ state: 'applied', deadline: { kind: 'originCertificateProcessing', date: '2026-12-15' } });
    expect((reinstated!.case as certificates.OriginCertificateCase).rejection).toBeUndefined();
    expect(reinstated!.history).toMatchObject({ action: 'reinstate', from: 'rejected', to: 'applied', note: expect.stringContaining('appeal-1') });
    // The township itself may not decide an appeal against its own decision.
    expect(domainError(() => decideAppeal(appeal, { case: rejected.case, workflow: certificates.ORIGIN_CERTIFICATE as never, policy: DEFAULT_POLICY, eventId: 'e', review: { caseId: 'r', eventId: 'er' } }, { outcome: 'upheld', reason: 'r' }, originWorker, DEFAULT_POLICY, 'e', later)).kind).toBe('forbidden');
  });
});

describe('organised groups', () => {
  it('holds at most a thousand members, whether added in a request or from a file', () => {
    expect(overfills(990, 10)).toBeUndefined();
    expect(overfills(990, 11)).toBe(`would make 1001 members; a group holds at most ${MAX_GROUP_SIZE}`);
  });

  it('files the group with a registration per member, linked both ways, and a filing deadline from arrival', () => {
    const [group, ...members] = filedGroup();
    expect(group.case).toMatchObject({ type: 'group', state: 'filed', deadline: { kind: 'groupFiling', date: '2026-12-05' } });
    expect(group.case.members).toEqual([
      { registrationId: 'm-1', name: '张三', idNumber: '110105********002X', status: 'pending' },
      { registrationId: 'm-2', name: '李四', idNumber: '511321********0025', status: 'pending' },
    ]);
    expect(members.map((m) => [m.case.state, m.case.groupId])).toEqual([
      ['reported', 'group-1'],
      ['reported', 'group-1'],
    ]);
  });

  it('is complete once every member is registered or removed with a reason, and keeps its deadline until then', () => {
    const [group, first] = filedGroup();
    const registered = settleMember(first!.case, group.case, DEFAULT_POLICY, 'e', now)[0]!.case as GroupCase;
    expect(registered).toMatchObject({ state: 'filed', deadline: { kind: 'groupFiling' } });
    expect(domainError(() => removeMember(registered, 'm-1', '未到岗', destinationWorker, DEFAULT_POLICY, 'e', now)).fields[0]?.field).toBe('registrationId');
    const done = removeMember(registered, 'm-2', '未随团到达', destinationWorker, DEFAULT_POLICY, 'e', now);
    expect(done.case).toMatchObject({ state: 'complete', deadline: null });
    expect(done.case.members.map((m) => m.status)).toEqual(['registered', 'removed']);
    expect(done.history).toMatchObject({ action: 'remove_member', reason: '未随团到达' });
  });

  it('lets a refused member leave the group with the refusal as the reason', () => {
    const [group, , second] = filedGroup();
    const [left] = settleRefusedMember(second!.case, group.case, '年龄未满18周岁', destinationWorker, DEFAULT_POLICY, 'e', now);
    expect((left!.case as GroupCase).members[1]).toMatchObject({ registrationId: 'm-2', status: 'removed', reason: 'refused: 年龄未满18周岁' });
  });
});

describe('origin certificates', () => {
  const applied = () => certificates.apply({ person, originCode: '511321100', intendedDestinationCode: '110105001' }, self, DEFAULT_POLICY, ids, now).case;

  it('opens with the processing deadline from policy (5 calendar days)', () => {
    expect(applied()).toMatchObject({ state: 'applied', deadline: { kind: 'originCertificateProcessing', date: '2026-12-04' } });
  });

  it('issues a certificate valid for the policy months, which the right person can present', () => {
    const issued = certificates.issue(applied(), originWorker, DEFAULT_POLICY, 'e', now, { certificateNumber: 'OC-0000-0000-0000' }).case;
    expect(issued.certificate).toEqual({ number: 'OC-0000-0000-0000', validFrom: '2026-11-29', validUntil: '2027-05-29' });
    expect(certificates.certificateProblem(issued, person.idNumber, '2026-12-01')).toBeNull();
    expect(certificates.certificateProblem(issued, '110105198001010016', '2026-12-01')?.reason).toContain('another ID number');
    expect(certificates.certificateProblem(issued, person.idNumber, '2027-05-29')).toBeNull();
    expect(certificates.certificateProblem(issued, person.idNumber, '2027-05-30')?.reason).toContain('expired');
    expect(certificates.certificateProblem(applied(), person.idNumber, '2026-12-01')?.reason).toContain('no origin certificate');
    const used = certificates.markUsed(issued, 'reg-1', '110105001', DEFAULT_POLICY, 'e', now);
    expect(used.case.usedBy).toEqual(['reg-1']);
    expect(used.event.type).toBe('origin_certificate.used');
  });

  it('lets the county above decide an overdue application, and no other county', () => {
    const overdue = transition(certificates.ORIGIN_CERTIFICATE, applied(), 'expire', SYSTEM, DEFAULT_POLICY, 'e', new Date('2026-12-05T00:00:00Z')).case;
    const county: Principal = { sub: 'sup', role: 'supervisor', jurisdiction: '511321' };
    // Before the deadline it is the township office's to decide.
    expect(domainError(() => certificates.issue(applied(), county, DEFAULT_POLICY, 'e', now, { certificateNumber: 'OC-0000-0000-0000' })).kind).toBe('forbidden');
    expect(certificates.reject(overdue, county, DEFAULT_POLICY, 'e', now, { reason: '材料不全' }).case).toMatchObject({ state: 'rejected', rejection: { reason: '材料不全' } });
    const other: Principal = { sub: 'sup', role: 'supervisor', jurisdiction: '510104' };
    expect(domainError(() => certificates.issue(overdue, other, DEFAULT_POLICY, 'e', now, { certificateNumber: 'OC-0000-0000-0000' })).kind).toBe('forbidden');
  });
});

describe('certificate numbers', () => {
  let draw = 0;
  const random = (seed: number) => (n: number) => Uint8Array.from({ length: n }, (_, i) => (seed * 31 + i * 7 + draw++ * 13) & 255);

  it('are short, grouped, prefixed by kind and carry a check character', async () => {
    const { newCertificateNumber } = await import('../../core/certificates.ts');
    const number = newCertificateNumber('verification', random(1));
    expect(number).toMatch(/^VC-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(parseCertificateNumber(number)).toEqual({ number, kind: 'verification' });
    // Read back as typed: lower case, no hyphens, O for 0.
    expect(parseCertificateNumber(number.toLowerCase().replace(/-/g, ' '))).toEqual({ number, kind: 'verification' });
  });

  it.each([3, 7, 11, 19])('catch every single mistyped character and every adjacent swap (seed %i)', async (seed) => {
    const { newCertificateNumber } = await import('../../core/certificates.ts');
    const number = newCertificateNumber('origin', random(seed)).replace(/-/g, '');
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let i = 2; i < number.length; i++) {
      for (const c of alphabet) {
        if (c === number[i]) continue;
        expect('error' in parseCertificateNumber(number.slice(0, i) + c + number.slice(i + 1))).toBe(true);
      }
      if (i + 1 < number.length && number[i] !== number[i + 1]) {
        const swapped = number.slice(0, i) + number[i + 1] + number[i] + number.slice(i + 2);
        expect('error' in parseCertificateNumber(swapped)).toBe(true);
      }
    }
    expect(parseCertificateNumber('XX-1234')).toEqual({ error: expect.stringContaining('must start with') });
  });

  it.each([
    ['2026-11-29', 12, '2027-11-29'],
    ['2026-08-28', 6, '2027-02-28'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-01-31', 1, '2027-02-28'],
    ['2027-12-31', 2, '2028-02-29'],
    ['2026-03-31', 6, '2026-09-30'],
  ] as const)('end a certificate issued %s for %i months on %s (the corresponding day, or the month end)', async (from, months, until) => {
    const { issueCertificate } = await import('../../core/certificates.ts');
    expect(issueCertificate('n', from, months).validUntil).toBe(until);
  });
});

describe('roles', () => {
  it('knows every role the tables use', () => {
    const used = new Set<Role>();
    for (const workflow of Object.values(WORKFLOWS)) {
      for (const rule of Object.values(workflow.actions as Record<string, ActionRule<string>>)) rule.roles.forEach((r) => used.add(r));
    }
    for (const role of used) expect(ROLES).toContain(role);
  });
});

describe('a provisional deadline counted again when a holiday notice is loaded', () => {
  const at = new Date('2026-12-28T02:00:00Z'); // Monday 10:00 in Shanghai; 2027 has no notice
  const fiveWorkingDays = resolvePolicy('110105001', { '': { supplement: { count: 5, unit: 'working_days' } } });
  const notice2027 = { year: 2027, title: '2027年通知', documentNumber: '国办发明电〔2026〕99号', holidays: statutoryHolidays(2027).holidays, workdays: ['2027-01-02'] };
  const loaded = resolvePolicy('110105001', { '': { supplement: { count: 5, unit: 'working_days' } } }, nationalCalendar([notice2027]));
  const asked = () => {
    const reported = registrations.report({ ...reportInput, arrivalDate: '2026-12-27' }, destinationWorker, fiveWorkingDays, ids, at).case;
    return transition(registrations.REGISTRATION, reported, 'request_supplement', destinationWorker, fiveWorkingDays, 'e2', at, { detail: { reason: '缺少租房合同' } }).case;
  };

  it('moves the date, keeps what was already queued, and names the notice', () => {
    const c = asked();
    expect(c.deadline).toMatchObject({ date: '2027-01-05', provisional: true, awaiting: [2027] });
    const later = new Date('2026-12-29T02:00:00Z');
    const d = recountDeadline(registrations.REGISTRATION, c, loaded, [notice2027], 'e3', later)!;
    expect(d.case.deadline).toMatchObject({ date: '2027-01-04', version: c.version + 1, scheduledThrough: later.toISOString() });
    expect(d.case.deadline!.provisional).toBeUndefined();
    expect(d.history).toMatchObject({ action: 'reschedule', note: '2027年通知（国办发明电〔2026〕99号）: 2027-01-05 → 2027-01-04' });
    expect(d.event).toMatchObject({ type: 'registration.deadline_rescheduled', data: { rescheduled: { from: '2027-01-05', to: '2027-01-04', notices: ['国办发明电〔2026〕99号'] } } });
    // Counted again with the same calendar: nothing to do.
    expect(recountDeadline(registrations.REGISTRATION, d.case, loaded, [notice2027], 'e4', later)).toBeNull();
  });

  it('lets a deadline already due stand as it fell due', () => {
    const c = asked();
    const d = recountDeadline(registrations.REGISTRATION, c, loaded, [notice2027], 'e3', new Date('2027-01-06T02:00:00Z'))!;
    expect(d.case.deadline).toMatchObject({ date: '2027-01-05', stages: c.deadline!.stages });
    expect(d.case.deadline!.provisional).toBeUndefined();
    expect(d.history.note).toContain('2027-01-05 stands');
  });
});
