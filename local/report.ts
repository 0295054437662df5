// npm run report -- --jurisdiction 1101 --period 2026-11 [--api http://127.0.0.1:3000]
// Publishes one completeness report on the running local stack (npm start), as the schedule does
// after each period: JSON and CSV in the local S3, listed at GET /v1/reports. Unchanged figures
// publish nothing new; changed ones publish a correction (a new version saying what changed).
import { parseArgs } from 'node:util';
import { byHandProblem } from '../core/statistics.ts';
import { failWith, operatorRequest } from './operator-client.ts';
import { DEFAULT_DATA_DIR } from './paths.ts';

const { values } = parseArgs({
  options: {
    jurisdiction: { type: 'string' },
    period: { type: 'string' },
    api: { type: 'string', default: 'http://127.0.0.1:3000' },
    'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
  },
});
const fail = failWith('report');
const problem = byHandProblem(values.jurisdiction, values.period);
if (problem) fail(`--${problem}`);
await operatorRequest('report', { api: values.api, dataDir: values['data-dir'] }, 'POST', '/_local/schedules/publishReports', {
  jurisdiction: values.jurisdiction,
  period: values.period,
});
