// npm run report -- --jurisdiction 1101 --period 2026-11 [--data-dir .data | --api http://127.0.0.1:3000]
// Publishes one completeness report on the running local stack (npm start), as the schedule does
// after each period: JSON and CSV in the local S3, listed at GET /v1/reports. Unchanged figures
// publish nothing new; changed ones publish a correction (a new version saying what changed).
import { byHandProblem } from '../core/statistics/reports.ts';
import { STACK_OPTIONS, failWith, operatorRequest, parseCli } from './operator-client.ts';

const { values } = parseCli('report', {
  options: {
    jurisdiction: { type: 'string' },
    period: { type: 'string' },
    ...STACK_OPTIONS,
  },
});
const fail = failWith('report');
const problem = byHandProblem(values.jurisdiction, values.period);
if (problem) fail(`--${problem}`);
await operatorRequest('report', values, 'POST', '/_local/schedules/publishReports', {
  jurisdiction: values.jurisdiction,
  period: values.period,
});
