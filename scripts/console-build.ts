// npm run console:build: builds web/ into web/dist when its sources changed (npm start and the
// CDK app do the same on their own).
import { ensureConsoleBuilt } from '../local/console.ts';

await ensureConsoleBuilt((line) => console.log(line));
