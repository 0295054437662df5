// What a deadline stage did, so it is done once, by a key that names the case, the deadline
// and the stage. The worker records its intent first (a lease), acts, then
// records it done; a worker that died mid-way leaves a lease that runs out, and the next
// delivery takes over, finding what was already filed or sent by its key.
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../clients.ts';
import { tableName } from '../env.ts';
import { conditionFailed } from './conditional.ts';
import { stageKey as key } from './keys.ts';

/** Long enough for one stage's work; a worker that died frees it after this (tests shorten it). */
const leaseSeconds = () => Number(process.env.STAGE_LEASE_SECONDS ?? 60);
const KEEP_SECONDS = 400 * 24 * 3600;

/** Leases run on the wall clock (they are about a worker being alive), whatever clock the stage is acted on with. */
export async function claimStage(id: string): Promise<'claimed' | 'done' | 'busy'> {
  const at = Math.floor(Date.now() / 1000);
  try {
    await documentClient().send(
      new PutCommand({
        TableName: tableName('cases'),
        Item: { ...key(id), entity: 'stage', state: 'pending', leaseUntil: at + leaseSeconds(), expiresAt: at + KEEP_SECONDS },
        ConditionExpression: 'attribute_not_exists(pk) OR (#state = :pending AND leaseUntil < :now)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':pending': 'pending', ':now': at },
      }),
    );
    return 'claimed';
  } catch (error) {
    if (!conditionFailed(error)) throw error;
    const found = await documentClient().send(new GetCommand({ TableName: tableName('cases'), Key: key(id), ConsistentRead: true }));
    return found.Item?.state === 'done' ? 'done' : 'busy';
  }
}

/** Done, with the instant it was meant for and the wall-clock instant it was done (how late the queue delivered it). */
export async function stageDone(id: string, outcome: string, intendedAt: string): Promise<void> {
  await documentClient().send(
    new UpdateCommand({
      TableName: tableName('cases'),
      Key: key(id),
      UpdateExpression: 'SET #state = :done, outcome = :outcome, intendedAt = :intended, doneAt = :at REMOVE leaseUntil',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':done': 'done', ':outcome': outcome, ':intended': intendedAt, ':at': new Date().toISOString() },
    }),
  );
}

/** What a stage's record says, for the bench and for operators. */
export async function stageRecord(id: string): Promise<{ state: string; outcome?: string; intendedAt?: string; doneAt?: string } | undefined> {
  const found = await documentClient().send(new GetCommand({ TableName: tableName('cases'), Key: key(id), ConsistentRead: true }));
  return found.Item as { state: string; outcome?: string; intendedAt?: string; doneAt?: string } | undefined;
}
