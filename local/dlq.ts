// npm run dlq -- list | replay <queue> [--data-dir .data | --api http://127.0.0.1:3000]
// Dead letters of the running local stack (npm start): how many wait in each queue's DLQ, and
// moving a queue's dead letters back to it once the cause is fixed. In AWS the same is SQS's
// dead-letter redrive (README: "Dead letters").
import { STACK_OPTIONS, failWith, operatorRequest, parseCli } from './operator-client.ts';

const { values, positionals } = parseCli('dlq', { allowPositionals: true, options: { ...STACK_OPTIONS } });
const fail = failWith('dlq');
const [command, queue] = positionals;
if (command !== 'list' && command !== 'replay') fail('say what to do: npm run dlq -- list | replay <queue>');
if (command === 'replay' && !queue) fail('name the queue whose dead letters go back: npm run dlq -- replay deadlines');
if (command === 'list') await operatorRequest('dlq', values, 'GET', '/_local/dead-letters');
else await operatorRequest('dlq', values, 'POST', `/_local/dead-letters/${queue}/replay`);
