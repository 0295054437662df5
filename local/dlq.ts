// npm run dlq -- list | replay <queue> [--api http://127.0.0.1:3000]
// Dead letters of the running local stack (npm start): how many wait in each queue's DLQ, and
// moving a queue's dead letters back to it once the cause is fixed. In AWS the same is SQS's
// dead-letter redrive (README: "Dead letters").
import { parseArgs } from 'node:util';
import { devIssuer } from './dev-issuer.ts';
import { DEFAULT_DATA_DIR } from './paths.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { api: { type: 'string', default: 'http://127.0.0.1:3000' }, 'data-dir': { type: 'string', default: DEFAULT_DATA_DIR } },
});
const fail = (message: string): never => {
  console.error(`dlq: ${message}`);
  process.exit(2);
};
const [command, queue] = positionals;
if (command !== 'list' && command !== 'replay') fail('say what to do: npm run dlq -- list | replay <queue>');
if (command === 'replay' && !queue) fail('name the queue whose dead letters go back: npm run dlq -- replay deadlines');
const token = await (await devIssuer(values['data-dir'])).sign({ role: 'admin' });
const url = command === 'list' ? `${values.api}/_local/dead-letters` : `${values.api}/_local/dead-letters/${queue}/replay`;
const response = await fetch(url, { method: command === 'list' ? 'GET' : 'POST', headers: { authorization: `Bearer ${token}` } }).catch((error: Error) =>
  fail(`${error.message} (is npm start running?)`),
);
const body = await response.text();
if (!response.ok) fail(`${response.status}: ${body}`);
console.log(body);
