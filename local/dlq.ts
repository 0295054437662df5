// npm run dlq -- list | replay <queue> [--api http://127.0.0.1:3000]
// Dead letters of the running local stack (npm start): how many wait in each queue's DLQ, and
// moving a queue's dead letters back to it once the cause is fixed. In AWS the same is SQS's
// dead-letter redrive (README: "Dead letters").
import { parseArgs } from 'node:util';
import { failWith, operatorRequest } from './operator-client.ts';
import { DEFAULT_DATA_DIR } from './paths.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { api: { type: 'string', default: 'http://127.0.0.1:3000' }, 'data-dir': { type: 'string', default: DEFAULT_DATA_DIR } },
});
const fail = failWith('dlq');
const [command, queue] = positionals;
if (command !== 'list' && command !== 'replay') fail('say what to do: npm run dlq -- list | replay <queue>');
if (command === 'replay' && !queue) fail('name the queue whose dead letters go back: npm run dlq -- replay deadlines');
const options = { api: values.api, dataDir: values['data-dir'] };
if (command === 'list') await operatorRequest('dlq', options, 'GET', '/_local/dead-letters');
else await operatorRequest('dlq', options, 'POST', `/_local/dead-letters/${queue}/replay`);
