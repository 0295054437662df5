// npm run reconcile -- --jurisdiction 110105 --period 2026-11 [--repair] [--api http://127.0.0.1:3000]
// Recounts a period's counters under a jurisdiction from the case records on the running local
// stack and prints every difference (counter, expected, found, the cases involved). With
// --repair it mends them and the repair is recorded; without, it changes nothing.
import { parseArgs } from 'node:util';
import { isJurisdictionCode } from '../core/jurisdiction.ts';
import { parsePeriodKey } from '../core/statistics.ts';
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
if (!values.jurisdiction || !isJurisdictionCode(values.jurisdiction) || values.jurisdiction.length > 9) fail('--jurisdiction must be a province, prefecture, county or township code, e.g. 110105');
if (!values.period || !parsePeriodKey(values.period)) fail('--period must be a period key: 2026-11 (month), 2026-11-2 (days 11–20) or 2026-Q4');
await operatorRequest('reconcile', { api: values.api, dataDir: values['data-dir'] }, 'POST', '/_local/schedules/reconcileStatistics', {
  jurisdiction: values.jurisdiction,
  period: values.period,
  repair: values.repair,
  by: 'npm run reconcile',
});
