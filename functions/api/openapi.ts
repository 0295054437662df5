// GET /v1/openapi.json: public, so clients and the console can discover the API.
import { json, route } from '../shared/http.ts';
import { openApiDocument } from './openapi-document.ts';

let document: ReturnType<typeof openApiDocument> | undefined;

export const handler = route({ public: true }, async () => json(200, (document ??= openApiDocument())));
