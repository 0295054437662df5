// npm run access:docs: writes docs/ACCESS.md from the authorisation table, read off the route declarations (functions/api/registry.ts).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { accessMarkdown } from '../core/authorisation.ts';
import { ROUTES } from '../functions/api/registry.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(root, 'docs/ACCESS.md');
writeFileSync(file, accessMarkdown(ROUTES));
console.log(`wrote ${path.relative(root, file)}`);
