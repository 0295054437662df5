// npm run schedule -- sweepDeadlines [--at 2026-12-20T09:00:00+08:00] [--data-dir .data | --api http://127.0.0.1:3000]
// Runs a schedule of wiring/ once in the running local stack (npm start) as of an instant, so a
// case can be walked through its reminders, overdue step and escalations without waiting days.
// The queue consumers it feeds act with the same clock. The stack is the one npm start runs for
// the data folder (whatever its --port); --api names one instead.
import { STACK_OPTIONS, failWith, operatorRequest, parseCli } from './operator-client.ts';

const { values, positionals } = parseCli('schedule', {
  allowPositionals: true,
  options: {
    at: { type: 'string' },
    ...STACK_OPTIONS,
  },
});
const fail = failWith('schedule');
const name = positionals[0];
if (!name) fail('name the scheduled function: npm run schedule -- sweepDeadlines [--at 2026-12-20T09:00:00+08:00]');
if (values.at !== undefined && Number.isNaN(Date.parse(values.at))) fail('--at must be an instant such as 2026-12-20T09:00:00+08:00');
const at = values.at ? `?at=${encodeURIComponent(new Date(values.at).toISOString())}` : '';
await operatorRequest('schedule', values, 'POST', `/_local/schedules/${name}${at}`);
