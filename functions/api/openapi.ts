// What describes the API, public so clients, agencies and the console can discover it:
// GET /v1/openapi.json, and the event catalogue's data schemas at GET /v1/events/schemas
// (and /{type}), which every CloudEvent's `dataschema` points at. Also the API's `$default`
// route: a request no route matches is told so as problem details (404, or 405 with Allow).
import { catalogueDocument, eventSpec } from '../../core/events.ts';
import { notFound } from '../../core/errors.ts';
import { type HttpEvent, byRoute, json, problem, route } from '../shared/http.ts';
import { routePatterns } from '../../wiring/index.ts';
import { openApiDocument } from './openapi-document.ts';
import { eventCatalogue, eventSchema, openApi } from './openapi-routes.ts';

let document: ReturnType<typeof openApiDocument> | undefined;
let catalogue: ReturnType<typeof catalogueDocument> | undefined;

let patterns: ReturnType<typeof routePatterns> | undefined;

/** A request no route matches (the API's `$default` route): 404, or 405 with Allow where the path answers other methods. */
const unmatched = async (event: HttpEvent) => {
  const { method, path } = event.requestContext.http;
  const allowed = (patterns ??= routePatterns()).filter((r) => r.pattern.test(path)).map((r) => r.method);
  if (allowed.length === 0) return problem(404, `no route ${method} ${path}: see GET /v1/openapi.json`, path);
  const answer = problem(405, `${path} answers ${allowed.join(', ')}, not ${method}`, path);
  return { ...answer, headers: { ...answer.headers, allow: allowed.join(', ') } };
};

export const handler = byRoute(
  [
    route(openApi, async () => json(200, (document ??= openApiDocument()))),
    route(eventCatalogue, async () => json(200, { items: (catalogue ??= catalogueDocument()) })),
    route(eventSchema, async ({ params }) => {
      const spec = eventSpec(params.type);
      if (!spec) throw notFound(`no event type ${params.type}`);
      return json(200, (catalogue ??= catalogueDocument()).find((e) => e.type === spec.type));
    }),
  ],
  unmatched,
);
