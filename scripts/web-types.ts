// npm run web:types: writes the console's API types (web/src/api/schema.d.ts) from the OpenAPI
// document the zod schemas generate. A test fails when the file is stale, so the console cannot
// drift from the API. `consoleTypes()` is what the test compares against.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from '../functions/api/openapi-document.ts';

export const TYPES_FILE = path.join(import.meta.dirname, '..', 'web', 'src', 'api', 'schema.d.ts');

export async function consoleTypes(): Promise<string> {
  const ast = await openapiTS(openApiDocument() as never);
  return `// Generated from the OpenAPI document by \`npm run web:types\`; a test fails when it is stale.\n${astToString(ast)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  writeFileSync(TYPES_FILE, await consoleTypes());
  console.log(`wrote ${path.relative(process.cwd(), TYPES_FILE)}`);
}
