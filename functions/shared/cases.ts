// The steps every case route repeats: find a case the caller may see, load the policy of the
// office that works it, and answer with a case. One helper each, shared by every workflow.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { type CertificateKind, newCertificateNumber } from '../../core/certificates.ts';
import { notFound, unprocessable } from '../../core/errors.ts';
import { maskProtected } from '../../core/masking.ts';
import type { Policy } from '../../core/policy.ts';
import type { Principal } from '../../core/principal.ts';
import type { RouteDeclaration } from '../../core/routes.ts';
import { CASE_VIEWS } from '../../core/schemas/cases.ts';
import type { Decision } from '../../core/workflows/engine.ts';
import { CASE_TYPE_NAMES, type Case, workingOffice } from '../../core/workflows/index.ts';
import { noteCase } from './audit.ts';
import { type HttpEvent, type Replay, byRoute, json, route } from './http.ts';
import { commit } from './store/case-commit.ts';
import { getCase } from './store/cases.ts';
import { existingJurisdictions, policyFor } from './store/reference.ts';


export const policyOfCase = (c: Case): Promise<Policy> => policyFor(workingOffice(c));

/**
 * A case as the API answers it: through its response schema, so only documented fields leave
 * and they come in the documented order; ID and phone numbers masked (the full values only
 * through the audited reveal route).
 */
export const caseView = (c: Case, extra: Record<string, unknown> = {}) => CASE_VIEWS[c.type].parse(maskProtected({ ...c, ...extra }));

export const newEventId = () => randomUUID();

/** A stable UUID derived from a key: a retry finds the same notice, message or case. */
export function keyedId(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
export const newCertificate = (kind: CertificateKind) => newCertificateNumber(kind, randomBytes);

export interface ActionContext<C, B> {
  case: C;
  body: B;
  principal: Principal;
  policy: Policy;
  now: Date;
  event: HttpEvent;
}

export interface ActionHandler<C, B extends z.ZodType> {
  /** The action's body schema: the same one its declaration names (checked), here for its type. */
  body: B;
  /** The decisions to write; the first is the case the route answers with. */
  decide(ctx: ActionContext<C, z.output<B>>): Promise<Decision[]> | Decision[];
}

/** Types one action of a workflow against its case type, inferring the body from its schema. */
export const actionsOf =
  <C>() =>
  <B extends z.ZodType>(spec: ActionHandler<C, B>): ActionHandler<C, z.ZodType> =>
    spec as unknown as ActionHandler<C, z.ZodType>;

/**
 * Every declared action route of a workflow (core/routes.ts `workflowActionRoutes`): route()
 * parses the body and admits the caller to the case; here its office's policy is loaded, the core
 * decides, every decision is written in one transaction (version-checked), and the answer is 200
 * with the case.
 */
export function actionRoutes<T extends Case['type']>(
  declarations: readonly RouteDeclaration[],
  actions: Record<string, ActionHandler<Extract<Case, { type: T }>, z.ZodType>>,
) {
  const handlers = declarations.map((declaration) => {
    const action = declaration.path.split('/').at(-1)!.replace(/-/g, '_');
    const spec = actions[action];
    if (!spec || spec.body !== declaration.body) throw new Error(`${declaration.path}: no handler for the action, or one with another body schema`);
    return route(declaration, { idempotent: replayAction }, async ({ body, principal, resource, event, now }) => {
      const current = resource as Extract<Case, { type: T }>;
      const decisions = await spec.decide({ case: current, body, principal, policy: await policyOfCase(current), now, event });
      await commit(decisions);
      return json(200, caseView(decisions[0]!.case as Case));
    });
  });
  return byRoute(handlers);
}

/** 422 naming each field whose jurisdiction code is not known to this deployment. */
export async function requireKnownJurisdictions<F extends string>(body: Partial<Record<F, string>>, fields: readonly F[]): Promise<void> {
  const named = fields.filter((f) => body[f] !== undefined);
  const found = await existingJurisdictions(named.map((f) => body[f]!));
  const unknown = named.filter((f) => !found.has(body[f]!)).map((field) => ({ field, reason: `no jurisdiction ${body[field]} is known` }));
  if (unknown.length > 0) throw unprocessable(unknown, 'The body names unknown jurisdictions');
}

/** `201` with the new case and where to find it. */
export const created = (c: Case) => {
  noteCase(c);
  return json(201, caseView(c), { location: `/v1/${CASE_TYPE_NAMES[c.type].collection}/${c.id}` });
};

/** The case a keyed request wrote: it was written with the key's record, so it exists. */
async function recordedCase(id: string): Promise<Case> {
  const c = await getCase(id);
  if (!c) throw notFound(`no case ${id}`);
  return c;
}

/** A retry of a create: `201` and the case it created, as it stands. */
export const replayCreated: Replay = async (outcome) => created(await recordedCase(outcome.id));

/** A retry of an action: `200` and the case it acted on, as it stands. */
export const replayAction: Replay = async (outcome) => {
  const c = await recordedCase(outcome.id);
  noteCase(c);
  return json(200, caseView(c));
};
