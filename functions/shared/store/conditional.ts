// One way to make a conditional write whose failed condition is an answer, not an error.
import { DeleteCommand, PutCommand, type TransactWriteCommandInput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../clients.ts';

/** One item of a transaction (a put, update, delete or condition check). */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A cancelled transaction's reason for an item whose condition did not hold. */
export const CONDITION_FAILED = 'ConditionalCheckFailed';

/**
 * The reason DynamoDB gives for each item of a cancelled transaction, in the order of its items
 * (`None`, `ConditionalCheckFailed`, `TransactionConflict`, `ThrottlingError`…); undefined when
 * `error` is not a cancelled transaction.
 */
export function cancellationCodes(error: unknown): string[] | undefined {
  const e = error as { name?: string; CancellationReasons?: { Code?: string }[] } | undefined;
  return e?.name === 'TransactionCanceledException' ? (e.CancellationReasons ?? []).map((r) => r.Code ?? '') : undefined;
}

/** Whether a write failed only because its condition did not hold. */
export const conditionFailed = (error: unknown) => (error as Error).name === 'ConditionalCheckFailedException';

/** Sends a conditional put, update or delete: true when it was made, false when its condition did not hold. */
export async function conditional(command: PutCommand | UpdateCommand | DeleteCommand): Promise<boolean> {
  try {
    await (command instanceof PutCommand ? documentClient().send(command) : command instanceof UpdateCommand ? documentClient().send(command) : documentClient().send(command));
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}
