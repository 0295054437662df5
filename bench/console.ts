// npm run bench:console (and part of npm run bench): the web console's initial load, gzip, as
// the browser fetches it before the first screen: index.html, its entry script and stylesheet and
// the chunks it preloads. The screens are split off (route-level code splitting) and not counted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CONSOLE_DIR, ensureConsoleBuilt } from '../local/console.ts';

await ensureConsoleBuilt((line) => console.log(line));
const html = readFileSync(path.join(CONSOLE_DIR, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
const gz = (file: string) => gzipSync(readFileSync(path.join(CONSOLE_DIR, file))).length;
const js = initial.filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(f), 0);
const css = initial.filter((f) => f.endsWith('.css')).reduce((n, f) => n + gz(f), 0);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`console: initial load ${kb(js + css + gz('index.html'))} gzip (JS ${kb(js)}, CSS ${kb(css)}, ${initial.length} files); budget 400 KB`);
if (js + css > 400 * 1024) process.exitCode = 1;
