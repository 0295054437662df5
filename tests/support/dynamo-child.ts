// Run as a child process by tests/e2e/processes.test.ts: starts DynamoDB Local, prints the
// guard's pid, then waits to be killed.
import { startDynamoDbLocal } from '../../local/dynamodb.ts';

const dynamo = await startDynamoDbLocal();
console.log(`guard ${dynamo.pid}`);
setInterval(() => undefined, 60_000);
