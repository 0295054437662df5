// A case's actions, chosen at run time: the case says which actions the account may take on it now
// (`availableActions`), the OpenAPI document what each one's body holds. The one corner of the
// console the typed client cannot name (which route is known only once the case is read), kept
// here rather than as casts in the page.
import { useQuery } from '@tanstack/react-query';
import { type Case, type Collection, send } from './api.ts';

/** What the console reads of the OpenAPI document: a POST route's JSON body schema. */
interface BodySchema {
  $ref?: string;
  required?: string[];
  properties?: Record<string, { enum?: unknown[] }>;
}
interface OpenApiDocument {
  paths?: Record<string, { post?: { requestBody?: { content?: Record<string, { schema?: BodySchema }> } } } | undefined>;
  components?: { schemas?: Record<string, BodySchema | undefined> };
}

/** A field of an action's form: its body field, whether the API requires it, and its choices if it has any. */
export interface ActionField {
  name: string;
  required: boolean;
  choices?: string[];
}

/** The body fields of an action's route, from the OpenAPI document: what the action's form asks for. */
function bodyFields(doc: OpenApiDocument | undefined, path: string): ActionField[] {
  const schema = doc?.paths?.[path]?.post?.requestBody?.content?.['application/json']?.schema;
  const body = schema?.$ref ? doc?.components?.schemas?.[schema.$ref.split('/').at(-1)!] : schema;
  const required = body?.required ?? [];
  return Object.entries(body?.properties ?? {}).map(([name, p]) => ({
    name,
    required: required.includes(name),
    ...(Array.isArray(p.enum) ? { choices: p.enum.map(String) } : {}),
  }));
}

/** The fields of the form for `action` on a case of `collection` (none until the document is read, or with no action). */
export function useActionFields(collection: Collection, action: string | undefined): ActionField[] {
  const doc = useQuery({
    queryKey: ['openapi'],
    // The document as JSON: the shape above is all the console reads of it.
    queryFn: async (): Promise<OpenApiDocument> => (await fetch('/v1/openapi.json')).json(),
    staleTime: Infinity,
  });
  return action ? bodyFields(doc.data, `/v1/${collection}/{id}/${action}`) : [];
}

/**
 * Takes `action` on a case (POST /v1/{collection}/{id}/{action}) with the form's body and the
 * submission's Idempotency-Key; answered as the typed client answers (for `unwrap`), the case after it.
 */
export async function caseAction(
  collection: Collection,
  id: string,
  action: string,
  body: Record<string, unknown>,
  idempotencyKey: string,
): Promise<{ data?: Case; error?: unknown; response: Response }> {
  const response = await send(`/v1/${collection}/${id}/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(body),
  });
  // JSON as the route answers it: the case after the action, or its problem details.
  const answer = await response.json().catch(() => undefined);
  return response.ok ? { data: answer, response } : { error: answer, response };
}
