// npm run events:docs: writes docs/EVENTS.md from the event catalogue (core/events.ts).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { eventsMarkdown } from '../core/events.ts';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(root, 'docs/EVENTS.md');
writeFileSync(file, eventsMarkdown());
console.log(`wrote ${path.relative(root, file)}`);
