// npm run openapi: prints the OpenAPI document generated from the zod schemas.
import { openApiDocument } from '../functions/api/openapi-document.ts';

process.stdout.write(`${JSON.stringify(openApiDocument(), null, 2)}\n`);
