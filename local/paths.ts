// Where the local stack keeps its state: a git-ignored folder, removed by `npm start -- --reset`.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DATA_DIR = path.join(PROJECT_ROOT, '.data');
