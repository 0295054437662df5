import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.ts';
import { DEFAULT_POLICY, resolvePolicy } from '../../core/policy.ts';
import { SYSTEM, type Principal } from '../../core/principal.ts';
import {
  REGISTRATION_ACTIONS,
  REGISTRATION_STATES,
  act,
  isOverdue,
  report,
  type ReportInput,
} from '../../core/workflows/registration.ts';

const caseworker: Principal = { sub: 'cw-1', role: 'caseworker', jurisdiction: '110105001' };
const now = new Date('2026-11-29T02:00:00Z'); // 10:00 in Shanghai
const input: ReportInput = {
  person: { name: '张三', idNumber: '11010519491231002X', phone: '13800138000' },
  originCode: '511321100',
  destinationCode: '110105001',
  arrivalDate: '2026-11-25',
};
const ids = { caseId: 'case-1', eventId: 'event-1' };

const domainError = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('the registration workflow table', () => {
  it('only names states that exist, and each action leads somewhere', () => {
    for (const rule of Object.values(REGISTRATION_ACTIONS)) {
      expect(REGISTRATION_STATES).toContain(rule.to);
      for (const from of rule.from) if (from !== null) expect(REGISTRATION_STATES).toContain(from);
    }
  });

  it('opens a case in reported with the registration deadline: arrival + 10 days by default', () => {
    const decision = report(input, caseworker, DEFAULT_POLICY, ids, now);
    expect(decision.case).toMatchObject({
      id: 'case-1',
      state: 'reported',
      version: 1,
      deadline: { kind: 'registration', date: '2026-12-05', dueAt: '2026-12-05T16:00:00.000Z' },
    });
    expect(decision.history).toMatchObject({ action: 'report', from: null, to: 'reported', by: { sub: 'cw-1' } });
    expect(decision.event).toMatchObject({ id: 'event-1', type: 'registration.reported', originCode: '511321100' });
  });

  it('takes the deadline from the policy in force', () => {
    const policy = resolvePolicy('110105001', { '11': { registration: { count: 5, unit: 'working_days' } } });
    // Wednesday 2026-11-25 + 5 working days = Wednesday 2026-12-02.
    expect(report(input, caseworker, policy, ids, now).case.deadline?.date).toBe('2026-12-02');
  });

  it('lets the person report their own arrival', () => {
    const person: Principal = { sub: 'person-9', role: 'person' };
    expect(report(input, person, DEFAULT_POLICY, ids, now).case.reportedBy).toEqual({ sub: 'person-9', role: 'person' });
  });

  it('refuses a caseworker outside the destination', () => {
    const elsewhere: Principal = { sub: 'cw-2', role: 'caseworker', jurisdiction: '110108' };
    expect(domainError(() => report(input, elsewhere, DEFAULT_POLICY, ids, now)).kind).toBe('forbidden');
  });

  it('refuses roles the table does not list', () => {
    const supervisor: Principal = { sub: 's', role: 'supervisor', jurisdiction: '11' };
    expect(domainError(() => report(input, supervisor, DEFAULT_POLICY, ids, now)).kind).toBe('forbidden');
  });

  it('refuses an arrival in the future, judged by the Shanghai date', () => {
    // 2026-11-28T17:00Z is already 2026-11-29 in Shanghai.
    const late = new Date('2026-11-28T17:00:00Z');
    expect(() => report({ ...input, arrivalDate: '2026-11-29' }, caseworker, DEFAULT_POLICY, ids, late)).not.toThrow();
    const error = domainError(() => report({ ...input, arrivalDate: '2026-11-30' }, caseworker, DEFAULT_POLICY, ids, late));
    expect(error.fields[0]?.field).toBe('arrivalDate');
  });

  it('refuses an origin equal to the destination', () => {
    const error = domainError(() => report({ ...input, originCode: '110105001' }, caseworker, DEFAULT_POLICY, ids, now));
    expect(error.fields[0]?.field).toBe('destinationCode');
  });

  it('expires a case after its deadline, by the system only', () => {
    const opened = report(input, caseworker, DEFAULT_POLICY, ids, now).case;
    const after = new Date('2026-12-05T16:00:00Z');
    expect(isOverdue(opened, new Date('2026-12-05T15:59:59Z'))).toBe(false);
    expect(isOverdue(opened, after)).toBe(true);
    const expired = act(opened, 'expire', SYSTEM, DEFAULT_POLICY, 'event-2', after);
    expect(expired.case).toMatchObject({ state: 'overdue', deadline: null, version: 2 });
    expect(expired.event.type).toBe('registration.overdue');
    expect(domainError(() => act(opened, 'expire', caseworker, DEFAULT_POLICY, 'e', after)).kind).toBe('forbidden');
  });

  it('starts the supplement deadline when documents are incomplete', () => {
    const opened = report(input, caseworker, DEFAULT_POLICY, ids, now).case;
    const next = act(opened, 'request_supplement', caseworker, DEFAULT_POLICY, 'event-3', now);
    expect(next.case).toMatchObject({ state: 'awaiting_supplement', deadline: { kind: 'supplement', date: '2026-12-14' } });
  });

  it('refuses an action from a state the table does not allow', () => {
    const opened = report(input, caseworker, DEFAULT_POLICY, ids, now).case;
    const registered = act(opened, 'verify', caseworker, DEFAULT_POLICY, 'e', now).case;
    expect(isOverdue(registered, new Date('2030-01-01T00:00:00Z'))).toBe(false);
    expect(domainError(() => act(registered, 'expire', SYSTEM, DEFAULT_POLICY, 'e', now)).kind).toBe('conflict');
  });
});
