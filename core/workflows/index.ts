// Every case workflow, by case type: what handlers, the sweep and the wiring look up.
import type { Principal } from '../principal.ts';
import { type ActionRule, type Actor, type DomainEvent, type Workflow, actorOf, officeCode } from './engine.ts';
import { ORIGIN_CERTIFICATE, type OriginCertificateCase } from './origin-certificate.ts';
import { REGISTRATION, type RegistrationCase } from './registration.ts';
import { REVIEW, type ReviewCase } from './review.ts';
import { ASSISTANCE_REQUEST, type AssistanceRequestCase } from './assistance-request.ts';
import { APPEAL, type AppealCase } from './appeal.ts';
import { GROUP, type GroupCase } from './group.ts';

export type Case = RegistrationCase | OriginCertificateCase | ReviewCase | AssistanceRequestCase | AppealCase | GroupCase;

export const WORKFLOWS = {
  registration: REGISTRATION,
  origin_certificate: ORIGIN_CERTIFICATE,
  review: REVIEW,
  assistance_request: ASSISTANCE_REQUEST,
  appeal: APPEAL,
  group: GROUP,
} as const;

export const workflowOf = (type: Case['type']): Workflow<Case, string> => WORKFLOWS[type] as unknown as Workflow<Case, string>;

/** Where each case type lives in the API, and what to call it in a sentence. */
export const CASE_TYPE_NAMES: Record<Case['type'], { collection: string; noun: string }> = {
  registration: { collection: 'registrations', noun: 'registration' },
  origin_certificate: { collection: 'origin-certificates', noun: 'origin certificate' },
  review: { collection: 'reviews', noun: 'residence review' },
  assistance_request: { collection: 'assistance-requests', noun: 'assistance request' },
  appeal: { collection: 'appeals', noun: 'appeal' },
  group: { collection: 'groups', noun: 'group' },
};

/** Every office that may read the case: the one working it, and any the workflow adds. */
export const readingOffices = (c: Case): string[] => [workingOffice(c), ...(workflowOf(c.type).alsoReadBy?.(c) ?? [])];

/** The jurisdiction whose office works the case: the destination's, or the origin's for certificates. */
export const workingOffice = (c: { type: Case['type']; originCode: string; destinationCode?: string }) => officeCode(workflowOf(c.type), c);

/** Actions a client takes on an existing case: not opening, not the system's own. */
export const clientActions = (workflow: { actions: Record<string, ActionRule<string>> }): string[] =>
  Object.entries(workflow.actions)
    .filter(([, rule]) => !rule.from.includes(null) && rule.roles.some((r) => r !== 'system'))
    .map(([action]) => action);

/** An action as it appears in a route: `request_supplement` → `request-supplement`. */
export const actionPath = (action: string) => action.replace(/_/g, '-');

export interface AgencyDecisionInput {
  agency: string;
  decision: string;
  reference: string;
}

export interface AgencyDecision extends AgencyDecisionInput {
  id: string;
  certificateNumber: string;
  at: string;
  by: Actor;
}

/**
 * An agency's decision against a certificate (§13): recorded on the case behind it, and an
 * event that tells the office working the case. It changes no state.
 */
export function agencyDecision(
  c: Case,
  certificateNumber: string,
  input: AgencyDecisionInput,
  actor: Principal,
  ids: { id: string; eventId: string },
  now: Date,
): { decision: AgencyDecision; event: DomainEvent } {
  const at = now.toISOString();
  const decision: AgencyDecision = { id: ids.id, certificateNumber, ...input, at, by: actorOf(actor) };
  const event: DomainEvent = {
    id: ids.eventId,
    type: `${c.type}.agency_decision`,
    caseId: c.id,
    caseType: c.type,
    time: at,
    originCode: c.originCode,
    ...(c.destinationCode ? { destinationCode: c.destinationCode } : {}),
    data: { caseId: c.id, certificateNumber, ...input },
  };
  return { decision, event };
}
