// Messages to people, in the case's partition. A held SMS sits in
// the deadline index (gsi1) at its release instant, so the sweep that reaches it sends it.
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Message, MessageState } from '../../../core/messages.ts';
import { maskEmail, maskPhone } from '../../../core/masking.ts';
import { documentClient } from '../clients.ts';
import { blindIndex } from '../protection.ts';
import { openFields, sealFields } from './sealing.ts';
import { tableName } from '../env.ts';
import { conditional, conditionFailed } from './conditional.ts';
import { MESSAGE_PREFIX, MESSAGE_SK, casePartition, dueIndex, messageKey as key } from './keys.ts';
import { type Page, decodeCursor, queryAll, queryPage, withoutKeys } from './paging.ts';

/** A phone number or address as it may be shown. */
export const maskRecipient = (m: Pick<Message, 'channel' | 'to'>) => (m.channel === 'email' ? maskEmail(m.to) : maskPhone(m.to));

/** The recipient is stored masked, sealed beside it (store/sealing.ts), and found by its blind index. */
const messageItem = async (m: Message) => ({
  ...key(m.caseId, m.id),
  entity: 'message',
  ...(await sealFields(m, ['to'], () => maskRecipient(m))),
  toIndex: await blindIndex('recipient', m.to),
  ...(m.state === 'held' && m.releaseAt ? dueIndex(m.id, m.releaseAt, m.id) : {}),
});

export const fromMessageItem = async (raw: Record<string, unknown>): Promise<Message> => {
  // `sendingAt` is the worker's mark (markSending), not part of the message.
  const { gsi1pk: _pk, gsi1sk: _sk, toIndex: _index, sendingAt: _sending, ...rest } = withoutKeys<Record<string, unknown>>(raw);
  return openFields<Message>(rest);
};

/** The write that records a message once (its id is derived from what sends it): alone, or in the transaction of the change that sends it. */
export const messagePut = async (m: Message) => ({ Put: { TableName: tableName('cases'), Item: await messageItem(m), ConditionExpression: 'attribute_not_exists(pk)' } });

/** Records a message once: a second try finds it. */
export async function putMessage(m: Message): Promise<'recorded' | 'exists'> {
  try {
    await documentClient().send(new PutCommand((await messagePut(m)).Put));
    return 'recorded';
  } catch (error) {
    if (conditionFailed(error)) return 'exists';
    throw error;
  }
}

export async function getMessage(caseId: string, id: string): Promise<Message | undefined> {
  const result = await documentClient().send(new GetCommand({ TableName: tableName('cases'), Key: key(caseId, id), ConsistentRead: true }));
  return result.Item ? await fromMessageItem(result.Item) : undefined;
}

/**
 * Marks a message as being handed to its channel, just before the call. SES and SNS take no
 * idempotency key, so this is what keeps a message from going twice: a worker that reached the
 * channel and then could not settle the message (throttled, killed) leaves the mark, and the
 * redelivery settles it as sent instead of sending it again. `send`: this worker sends it;
 * `handed`: an earlier attempt did; `moved`: it is no longer in `from`.
 */
export async function markSending(m: Message, from: MessageState, at: string): Promise<'send' | 'handed' | 'moved'> {
  const marked = await conditional(
    new UpdateCommand({
      TableName: tableName('cases'),
      Key: key(m.caseId, m.id),
      UpdateExpression: 'SET sendingAt = :at',
      ConditionExpression: '#state = :from AND attribute_not_exists(sendingAt)',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':from': from, ':at': at },
    }),
  );
  if (marked) return 'send';
  const now = await getMessage(m.caseId, m.id);
  return now?.state === from ? 'handed' : 'moved';
}

/** The channel refused the call (throttled, unreachable): nothing went, so the next attempt sends. */
export async function unmarkSending(m: Message, from: MessageState): Promise<void> {
  await conditional(
    new UpdateCommand({
      TableName: tableName('cases'),
      Key: key(m.caseId, m.id),
      UpdateExpression: 'REMOVE sendingAt',
      ConditionExpression: '#state = :from',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':from': from },
    }),
  );
}

/** Moves a message on from one state (sent, or failed with the channel's reason); false if it had moved already. */
/** Settles a message: sent, failed (with the channel's reason) or skipped (with why it was not sent). */
export async function settleMessage(m: Message, from: MessageState, to: 'sent' | 'failed' | 'skipped', at: string, why?: string): Promise<boolean> {
  const set = { sent: 'sentAt = :at', failed: 'failure = :why, failedAt = :at', skipped: 'reason = :why, skippedAt = :at' }[to];
  return conditional(
    new UpdateCommand({
      TableName: tableName('cases'),
      Key: key(m.caseId, m.id),
      UpdateExpression: `SET #state = :to, ${set} REMOVE gsi1pk, gsi1sk, sendingAt`,
      ConditionExpression: '#state = :from',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':to': to, ':from': from, ':at': at, ...(to === 'sent' ? {} : { ':why': why ?? 'refused' }) },
    }),
  );
}

/** A case's messages, oldest first, optionally only those to one recipient. */
export async function listMessages(caseId: string, to: string | undefined, limit: number, cursor?: string): Promise<Page<Message>> {
  const start = cursor === undefined ? undefined : decodeCursor(cursor, { pk: casePartition(caseId), sk: MESSAGE_SK });
  const page = await queryPage({
    input: {
      TableName: tableName('cases'),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :message)',
      ...(to ? { FilterExpression: 'toIndex = :to' } : {}),
      ExpressionAttributeValues: { ':pk': casePartition(caseId), ':message': MESSAGE_PREFIX, ...(to ? { ':to': await blindIndex('recipient', to) } : {}) },
    },
    keyNames: ['pk', 'sk'],
    limit,
    ...(start ? { start } : {}),
    ...(to ? { maxRead: 1000 } : {}),
  });
  return { ...page, items: await Promise.all(page.items.map(fromMessageItem)) };
}

/** Forgets the recipients of a case's messages (retention): the sealed value and its index go, the masked one too. */
export async function forgetRecipients(caseId: string): Promise<number> {
  let forgotten = 0;
  for await (const m of queryAll({
    TableName: tableName('cases'),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :message)',
    ExpressionAttributeValues: { ':pk': casePartition(caseId), ':message': MESSAGE_PREFIX },
  })) {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName('cases'),
        Key: { pk: m.pk, sk: m.sk },
        UpdateExpression: 'SET #to = :removed, #text = :removed REMOVE sealed, sealedTo, toIndex',
        ExpressionAttributeNames: { '#to': 'to', '#text': 'text' },
        ExpressionAttributeValues: { ':removed': '' },
      }),
    );
    forgotten++;
  }
  return forgotten;
}
