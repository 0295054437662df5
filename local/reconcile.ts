// npm run reconcile -- --jurisdiction 110105 --period 2026-11 [--repair] [--data-dir .data | --api http://127.0.0.1:3000]
// Recounts a period's counters under a jurisdiction from the case records on the running local
// stack and prints every difference (counter, expected, found, the cases involved). With
// --repair it mends them and the repair is recorded; without, it changes nothing.
import { byHandProblem } from '../core/statistics/reports.ts';
import { STACK_OPTIONS, failWith, operatorRequest, parseCli } from './operator-client.ts';

const { values } = parseCli('reconcile', {
  options: {
    jurisdiction: { type: 'string' },
    period: { type: 'string' },
    repair: { type: 'boolean', default: false },
    ...STACK_OPTIONS,
  },
});
const fail = failWith('reconcile');
const problem = byHandProblem(values.jurisdiction, values.period);
if (problem) fail(`--${problem}`);
await operatorRequest('reconcile', values, 'POST', '/_local/schedules/reconcileStatistics', {
  jurisdiction: values.jurisdiction,
  period: values.period,
  repair: values.repair,
  by: 'npm run reconcile',
});
