// Per-caller request counts: one item per caller and window in the cases table, removed by TTL.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../clients.ts';
import { tableName } from '../env.ts';
import { rateKey } from './keys.ts';

/**
 * Counts a caller's requests in the current window; true while within `limit`. The counter
 * is one item per caller and window, removed by TTL.
 */
export async function withinRateLimit(caller: string, limit: number, windowSeconds: number, now: Date): Promise<{ allowed: boolean; retryAfter: number }> {
  const epoch = Math.floor(now.getTime() / 1000);
  const window = Math.floor(epoch / windowSeconds);
  const result = await documentClient().send(
    new UpdateCommand({
      TableName: tableName('cases'),
      Key: rateKey(caller, window),
      UpdateExpression: 'ADD hits :one SET entity = :entity, expiresAt = :expires',
      ExpressionAttributeValues: { ':one': 1, ':entity': 'rate', ':expires': (window + 2) * windowSeconds },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  const hits = Number(result.Attributes?.hits ?? 0);
  return { allowed: hits <= limit, retryAfter: (window + 1) * windowSeconds - epoch };
}
