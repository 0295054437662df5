// What describes the API, public so clients, agencies and the console can discover it:
// GET /v1/openapi.json, and the event catalogue's data schemas at GET /v1/events/schemas
// (and /{type}), which every CloudEvent's `dataschema` points at.
import { catalogueDocument, eventSpec } from '../../core/events.ts';
import { notFound } from '../../core/errors.ts';
import { EventSchemaParams } from '../../core/schemas.ts';
import { byRoute, json, route } from '../shared/http.ts';
import { openApiDocument } from './openapi-document.ts';

let document: ReturnType<typeof openApiDocument> | undefined;
let catalogue: ReturnType<typeof catalogueDocument> | undefined;

export const handler = byRoute({
  'GET /v1/openapi.json': route({ public: true }, async () => json(200, (document ??= openApiDocument()))),
  'GET /v1/events/schemas': route({ public: true }, async () => json(200, { items: (catalogue ??= catalogueDocument()) })),
  'GET /v1/events/schemas/{type}': route({ public: true, params: EventSchemaParams }, async ({ params }) => {
    const spec = eventSpec(params.type);
    if (!spec) throw notFound(`no event type ${params.type}`);
    return json(200, (catalogue ??= catalogueDocument()).find((e) => e.type === spec.type));
  }),
});
