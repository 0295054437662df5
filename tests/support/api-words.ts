// The API's own words: every enum value its OpenAPI document names, every workflow state and
// action (actions as the tables and as the routes spell them), every event type. The console must show none of
// them raw: tests/unit/labels.test.ts requires a label for each, the browser test looks for them
// on every screen it visits.
import { openApiDocument } from '../../functions/api/openapi-document.ts';
import { EVENT_CATALOGUE, EVENT_NAMESPACE } from '../../core/events.ts';
import { WORKFLOWS, actionPath } from '../../core/workflows/index.ts';

/** Every value of every `enum` in the OpenAPI document, with where it stands (the first few places). */
export function openApiEnumValues(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const walk = (node: unknown, at: string) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'enum' && Array.isArray(value)) {
        for (const v of value) found.set(String(v), [...(found.get(String(v)) ?? []), at].slice(0, 3));
      } else walk(value, `${at}/${key}`);
    }
  };
  walk(openApiDocument(), '');
  return found;
}

export const WORKFLOW_STATES: readonly string[] = [...new Set(Object.values(WORKFLOWS).flatMap((w) => w.states as readonly string[]))];
export const WORKFLOW_ACTIONS: readonly string[] = [...new Set(Object.values(WORKFLOWS).flatMap((w) => Object.keys(w.actions)))];

/** What must never stand as visible text on a console screen. */
export function rawApiWords(): Set<string> {
  const events = EVENT_CATALOGUE.flatMap((e) => [e.type, e.type.slice(EVENT_NAMESPACE.length)]);
  return new Set([...openApiEnumValues().keys(), ...WORKFLOW_STATES, ...WORKFLOW_ACTIONS, ...WORKFLOW_ACTIONS.map(actionPath), ...events]);
}
