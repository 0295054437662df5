// npm run access:docs: writes docs/ACCESS.md from the authorisation table (core/authorisation.ts).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { accessMarkdown } from '../core/authorisation.ts';
import { routes } from '../wiring/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(root, 'docs/ACCESS.md');
writeFileSync(file, accessMarkdown(routes.map((r) => `${r.method} ${r.path}`)));
console.log(`wrote ${path.relative(root, file)}`);
