// npm run schedule -- sweepDeadlines [--at 2026-12-20T09:00:00+08:00] [--api http://127.0.0.1:3000]
// Runs a schedule of wiring/ once in the running local stack (npm start) as of an instant, so a
// case can be walked through its reminders, overdue step and escalations without waiting days.
// The queue consumers it feeds act with the same clock.
import { parseArgs } from 'node:util';
import { failWith, operatorRequest } from './operator-client.ts';
import { DEFAULT_DATA_DIR } from './paths.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    at: { type: 'string' },
    api: { type: 'string', default: 'http://127.0.0.1:3000' },
    'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
  },
});
const fail = failWith('schedule');
const name = positionals[0];
if (!name) fail('name the scheduled function: npm run schedule -- sweepDeadlines [--at 2026-12-20T09:00:00+08:00]');
if (values.at !== undefined && Number.isNaN(Date.parse(values.at))) fail('--at must be an instant such as 2026-12-20T09:00:00+08:00');
const at = values.at ? `?at=${encodeURIComponent(new Date(values.at).toISOString())}` : '';
await operatorRequest('schedule', { api: values.api, dataDir: values['data-dir'] }, 'POST', `/_local/schedules/${name}${at}`);
