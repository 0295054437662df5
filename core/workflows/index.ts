// Every case workflow, by case type: what handlers, the sweep and the wiring look up.
import type { ActionRule, Workflow } from './engine.ts';
import { ORIGIN_CERTIFICATE, type OriginCertificateCase } from './origin-certificate.ts';
import { REGISTRATION, type RegistrationCase } from './registration.ts';

export type Case = RegistrationCase | OriginCertificateCase;

export const WORKFLOWS = {
  registration: REGISTRATION,
  origin_certificate: ORIGIN_CERTIFICATE,
} as const;

export const workflowOf = (type: Case['type']): Workflow<Case, string> => WORKFLOWS[type] as unknown as Workflow<Case, string>;

/** Actions a client takes on an existing case: not opening, not the system's own. */
export const clientActions = (workflow: { actions: Record<string, ActionRule<string>> }): string[] =>
  Object.entries(workflow.actions)
    .filter(([, rule]) => !rule.from.includes(null) && rule.roles.some((r) => r !== 'system'))
    .map(([action]) => action);

/** An action as it appears in a route: `request_supplement` → `request-supplement`. */
export const actionPath = (action: string) => action.replace(/_/g, '-');
