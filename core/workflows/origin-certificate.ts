// The origin-certificate workflow (Measures §8, §9) as a table: a person applies at the
// origin before leaving; the origin office issues or rejects within the processing deadline,
// or the case turns overdue and the county above it is told and may decide it instead.
import { bornByToday } from '../id-number.ts';
import { maskIdNumber } from '../masking.ts';
import { type Certificate, certificateStatus, issueCertificate } from '../certificates.ts';
import { localDate } from '../calendar.ts';
import { type FieldProblem, validationError } from '../errors.ts';
import type { Policy } from '../policy.ts';
import { type Principal, SYSTEM } from '../principal.ts';
import { type CaseBase, type Decision, type Person, type Workflow, open, transition } from './engine.ts';

export const ORIGIN_CERTIFICATE_STATES = [
  'applied', // waiting for the origin office
  'issued', // certificate issued
  'rejected', // refused, with a reason the person can read
  'revoked', // an issued certificate withdrawn (fraud, error), with a reason
  'overdue', // the processing deadline passed; escalated to the county
] as const;
export type OriginCertificateState = (typeof ORIGIN_CERTIFICATE_STATES)[number];

export const ORIGIN_CERTIFICATE_ACTIONS = {
  apply: {
    from: [null],
    to: 'applied',
    roles: ['caseworker', 'person'],
    deadline: 'originCertificateProcessing',
    event: 'origin_certificate.applied',
  },
  // The origin office decides; once the case is overdue, the county's supervisors may too
  // (a supervisor covers the townships below it).
  issue: {
    from: ['applied', 'overdue'],
    to: 'issued',
    roles: ['caseworker'],
    rolesFrom: { overdue: ['caseworker', 'supervisor'] },
    deadline: null,
    event: 'origin_certificate.issued',
  },
  reject: {
    from: ['applied', 'overdue'],
    to: 'rejected',
    roles: ['caseworker'],
    rolesFrom: { overdue: ['caseworker', 'supervisor'] },
    deadline: null,
    event: 'origin_certificate.rejected',
    reasonRequired: true,
    appealable: true,
  },
  revoke: {
    from: ['issued'],
    to: 'revoked',
    roles: ['caseworker', 'supervisor'],
    deadline: null,
    event: 'origin_certificate.revoked',
    reasonRequired: true,
    appealable: true,
  },
  // An appeal reversed the rejection or revocation: the case returns to the state before it.
  reinstate: {
    from: ['rejected', 'revoked'],
    to: ['applied', 'overdue', 'issued'],
    roles: ['system'],
    deadline: null,
    event: 'origin_certificate.reinstated',
  },
  expire: { from: ['applied'], to: 'overdue', roles: ['system'], deadline: 'keep', event: 'origin_certificate.overdue' },
  // A destination accepted the certificate with a registration: the origin hears of it.
  use: { from: ['issued'], to: 'issued', roles: ['system'], deadline: null, event: 'origin_certificate.used' },
} as const;

export type OriginCertificateAction = keyof typeof ORIGIN_CERTIFICATE_ACTIONS;

export interface OriginCertificateCase extends CaseBase<OriginCertificateState> {
  type: 'origin_certificate';
  person: Person;
  intendedDestinationCode?: string;
  plannedDeparture?: string;
  certificate?: Certificate;
  rejection?: { reason: string };
  /** Registrations that named this certificate. */
  usedBy?: string[];
}

export const ORIGIN_CERTIFICATE: Workflow<OriginCertificateCase, OriginCertificateAction> = {
  type: 'origin_certificate',
  states: ORIGIN_CERTIFICATE_STATES,
  actions: ORIGIN_CERTIFICATE_ACTIONS,
  office: 'origin',
  closed: ['rejected', 'revoked'],
  eventData: (c) => ({
    // Events carry the masked number: a receiving office reads the case (audited) for more.
    person: { name: c.person.name, idNumber: maskIdNumber(c.person.idNumber) },
    originCode: c.originCode,
    ...(c.intendedDestinationCode ? { intendedDestinationCode: c.intendedDestinationCode } : {}),
    ...(c.plannedDeparture ? { plannedDeparture: c.plannedDeparture } : {}),
    deadline: c.deadline,
    ...(c.certificate ? { certificate: c.certificate } : {}),
    ...(c.usedBy ? { usedBy: c.usedBy } : {}),
  }),
};

export interface ApplyInput {
  person: Person;
  originCode: string;
  intendedDestinationCode?: string;
  plannedDeparture?: string;
}

export function apply(
  input: ApplyInput,
  actor: Principal,
  policy: Policy,
  ids: { caseId: string; eventId: string },
  now: Date,
): Decision<OriginCertificateCase> {
  if (input.intendedDestinationCode === input.originCode) {
    throw validationError([{ field: 'intendedDestinationCode', reason: 'must differ from originCode' }]);
  }
  const unborn = bornByToday(input.person.idNumber, localDate(now), 'person.idNumber');
  if (unborn.length > 0) throw validationError(unborn);
  return open(
    ORIGIN_CERTIFICATE,
    'apply',
    { id: ids.caseId, ...input },
    actor,
    policy,
    { eventId: ids.eventId, deadlineFrom: localDate(now) },
    now,
  );
}

export const issue = (
  current: OriginCertificateCase,
  actor: Principal,
  policy: Policy,
  eventId: string,
  now: Date,
  detail: { certificateNumber: string; note?: string },
) =>
  transition(ORIGIN_CERTIFICATE, current, 'issue', actor, policy, eventId, now, {
    detail: detail.note ? { note: detail.note } : {},
    changes: () => ({
      certificate: issueCertificate(detail.certificateNumber, localDate(now), policy.originCertificateValidityMonths),
    }),
  });

export const reject = (current: OriginCertificateCase, actor: Principal, policy: Policy, eventId: string, now: Date, detail: { reason: string }) =>
  transition(ORIGIN_CERTIFICATE, current, 'reject', actor, policy, eventId, now, {
    detail,
    changes: () => ({ rejection: { reason: detail.reason } }),
  });

export const revoke = (current: OriginCertificateCase, actor: Principal, policy: Policy, eventId: string, now: Date, detail: { reason: string }) =>
  transition(ORIGIN_CERTIFICATE, current, 'revoke', actor, policy, eventId, now, {
    detail,
    changes: (next) => ({ certificate: { ...next.certificate!, revoked: { at: now.toISOString(), reason: detail.reason } } }),
  });

/** Why a certificate named at registration cannot be accepted for this person, if it cannot. */
export function certificateProblem(c: OriginCertificateCase | undefined, idNumber: string, today: string): FieldProblem | null {
  const field = 'originCertificateNumber';
  if (!c?.certificate) return { field, reason: 'names no origin certificate that was issued' };
  const status = certificateStatus(c.certificate, today);
  if (status !== 'valid') return { field, reason: `names an origin certificate that is ${status}` };
  if (c.person.idNumber !== idNumber) return { field, reason: 'names an origin certificate issued to another ID number' };
  return null;
}

/** Records, on the certificate, the registration that used it (the origin is notified). */
export const markUsed = (c: OriginCertificateCase, registrationId: string, destinationCode: string, policy: Policy, eventId: string, now: Date) =>
  transition(ORIGIN_CERTIFICATE, c, 'use', SYSTEM, policy, eventId, now, {
    detail: { note: `presented at ${destinationCode} with registration ${registrationId}` },
    changes: (next) => ({ usedBy: [...(next.usedBy ?? []), registrationId] }),
  });
