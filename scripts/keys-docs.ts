// npm run keys:docs: writes the key tables in docs/ARCHITECTURE.md from the keys module (functions/shared/store/keys.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withKeyTables } from '../functions/shared/store/keys.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(root, 'docs/ARCHITECTURE.md');
writeFileSync(file, withKeyTables(readFileSync(file, 'utf8')));
console.log(`wrote the key tables in ${path.relative(root, file)}`);
