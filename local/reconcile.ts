// npm run reconcile -- --jurisdiction 110105 --period 2026-11 [--repair] [--api http://127.0.0.1:3000]
// Recounts a period's counters under a jurisdiction from the case records on the running local
// stack and prints every difference (counter, expected, found, the cases involved). With
// --repair it mends them and the repair is recorded; without, it changes nothing.
import { parseArgs } from 'node:util';
import { byHandProblem } from '../core/statistics.ts';
import { failWith, operatorRequest } from './operator-client.ts';
import { DEFAULT_DATA_DIR } from './paths.ts';

const { values } = parseArgs({
  options: {
    jurisdiction: { type: 'string' },
    period: { type: 'string' },
    repair: { type: 'boolean', default: false },
    api: { type: 'string', default: 'http://127.0.0.1:3000' },
    'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
  },
});
const fail = failWith('reconcile');
const problem = byHandProblem(values.jurisdiction, values.period);
if (problem) fail(`--${problem}`);
await operatorRequest('reconcile', { api: values.api, dataDir: values['data-dir'] }, 'POST', '/_local/schedules/reconcileStatistics', {
  jurisdiction: values.jurisdiction,
  period: values.period,
  repair: values.repair,
  by: 'npm run reconcile',
});
