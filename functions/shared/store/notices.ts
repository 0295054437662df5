// Office inboxes: a partition per inbox holding its notices by time, and beside each a row
// pointing at it, so a notice is found by its event id (to acknowledge it). The national
// administrators' inbox is `national`, in the same shape.
// An unacknowledged event notice sits in the deadline index (gsi1) at the next stage of its
// acknowledgement deadline, like a case; acknowledging it takes it out.
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AdminNotice, Notice } from '../../../core/notices.ts';
import { nextStage } from '../../../core/reminders.ts';
import { type Actor, stagesOfDeadline } from '../../../core/workflows/engine.ts';
import { documentClient } from '../clients.ts';
import { tableName } from '../env.ts';
import { CONDITION_FAILED, cancellationCodes, type TransactItem, conditional, conditionFailed } from './conditional.ts';
import { NOTICE_PREFIX, NOTICE_SK, dueIndex, inboxPartition, noticeKey as keyOf, noticePointerKey as pointerKey, noticeSortKey } from './keys.ts';
import { type Page, decodeCursor, queryAll, queryPage, withoutKeys } from './paging.ts';

const noticeKey = (n: { jurisdiction: string; time: string; eventId: string }) => keyOf(n.jurisdiction, n.time, n.eventId);

/** Where the notice waits in the deadline index: its acknowledgement deadline's next stage, while unread. */
function noticeIndex(n: Notice | AdminNotice): { gsi1pk?: string; gsi1sk?: string } {
  if (!('acknowledgeBy' in n)) return {};
  const next = n.acknowledgeBy && !n.acknowledged ? nextStage(stagesOfDeadline(n.acknowledgeBy), n.acknowledgeBy.scheduledThrough) : undefined;
  return next ? dueIndex(n.eventId, next.at, n.jurisdiction, n.eventId) : {};
}

const fromItem = (item: Record<string, unknown>): Notice => {
  const { gsi1pk: _pk, gsi1sk: _sk, ...rest } = withoutKeys<Record<string, unknown>>(item);
  return rest as unknown as Notice;
};

/**
 * Files a notice once: a redelivered event finds it there and changes nothing. `alongside` is
 * written in the same transaction (its first count for the statistics).
 */
export async function fileNotice(notice: Notice | AdminNotice, alongside: TransactItem[] = []): Promise<'filed' | 'duplicate'> {
  const table = tableName('cases');
  const key = noticeKey(notice);
  const items = [
    { Put: { TableName: table, Item: { ...key, entity: 'notice', ...notice, ...noticeIndex(notice) }, ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: table, Item: { ...pointerKey(notice.jurisdiction, notice.eventId), entity: 'notice_pointer', sk_notice: key.sk }, ConditionExpression: 'attribute_not_exists(pk)' } },
  ];
  try {
    await documentClient().send(new TransactWriteCommand({ TransactItems: [...items, ...alongside] }));
    return 'filed';
  } catch (error) {
    const codes = cancellationCodes(error);
    if (!codes) throw error;
    if (codes.slice(0, 2).includes(CONDITION_FAILED)) return 'duplicate';
    // What went alongside could not be written (counted already): file the notice alone.
    if (alongside.length > 0 && codes.includes(CONDITION_FAILED)) return fileNotice(notice);
    throw error;
  }
}

async function filedSortKey(code: string, eventId: string): Promise<string | undefined> {
  const pointer = await documentClient().send(new GetCommand({ TableName: tableName('cases'), Key: pointerKey(code, eventId), ConsistentRead: true }));
  return pointer.Item?.sk_notice as string | undefined;
}

export async function getNotice(code: string, eventId: string): Promise<Notice | undefined> {
  const sk = await filedSortKey(code, eventId);
  if (!sk) return undefined;
  const found = await documentClient().send(new GetCommand({ TableName: tableName('cases'), Key: { pk: inboxPartition(code), sk }, ConsistentRead: true }));
  return found.Item ? fromItem(found.Item) : undefined;
}

/** Marks a notice read, by whom and when; the first acknowledgement stands. Undefined when there is no such notice. */
export async function acknowledgeNotice(code: string, eventId: string, by: Actor, at: string): Promise<Notice | undefined> {
  const sk = await filedSortKey(code, eventId);
  if (!sk) return undefined;
  try {
    const result = await documentClient().send(
      new UpdateCommand({
        TableName: tableName('cases'),
        Key: { pk: inboxPartition(code), sk },
        UpdateExpression: 'SET acknowledged = :ack REMOVE gsi1pk, gsi1sk',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(acknowledged)',
        ExpressionAttributeValues: { ':ack': { at, by } },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromItem(result.Attributes!);
  } catch (error) {
    if (!conditionFailed(error)) throw error;
    return getNotice(code, eventId);
  }
}

/** The acknowledgement deadline's stages up to `through` were queued: on to the next, while still unread. */
export async function markNoticeScheduled(n: Notice, through: string): Promise<boolean> {
  if (!n.acknowledgeBy) return false;
  const index = noticeIndex({ ...n, acknowledgeBy: { ...n.acknowledgeBy, scheduledThrough: through } });
  return conditional(
    new UpdateCommand({
      TableName: tableName('cases'),
      Key: noticeKey(n),
      UpdateExpression: index.gsi1sk
        ? 'SET acknowledgeBy.scheduledThrough = :through, gsi1pk = :pk, gsi1sk = :sk'
        : 'SET acknowledgeBy.scheduledThrough = :through REMOVE gsi1pk, gsi1sk',
      ConditionExpression: 'attribute_not_exists(acknowledged)',
      ExpressionAttributeValues: { ':through': through, ...(index.gsi1sk ? { ':pk': index.gsi1pk, ':sk': index.gsi1sk } : {}) },
    }),
  );
}

/** The notice passed its acknowledgement deadline unread. */
export async function markNoticeLate(n: Notice, at: string): Promise<void> {
  await conditional(
    new UpdateCommand({
      TableName: tableName('cases'),
      Key: noticeKey(n),
      UpdateExpression: 'SET late = :late',
      ConditionExpression: 'attribute_not_exists(acknowledged) AND attribute_not_exists(late)',
      ExpressionAttributeValues: { ':late': { at } },
    }),
  );
}

export const fromNoticeItem = fromItem;

/** An inbox's notices filed between two instants (its own partition, a key range: no scan). */
export async function noticesFiledBetween(code: string, from: string, to: string): Promise<Notice[]> {
  const out: Notice[] = [];
  for await (const item of queryAll({
    TableName: tableName('cases'),
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': inboxPartition(code), ':from': noticeSortKey(from), ':to': noticeSortKey(to) },
  })) {
    out.push(fromItem(item));
  }
  return out;
}

/** Newest notices first; `unread` leaves out what was acknowledged. */
export async function listNotices(code: string, limit: number, cursor?: string, unread = false): Promise<Page<Notice>> {
  const keyNames = ['pk', 'sk'];
  const start = cursor === undefined ? undefined : decodeCursor(cursor, { pk: inboxPartition(code), sk: NOTICE_SK });
  const page = await queryPage({
    input: {
      TableName: tableName('cases'),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :notice)',
      ...(unread ? { FilterExpression: 'attribute_not_exists(acknowledged)' } : {}),
      ExpressionAttributeValues: { ':pk': inboxPartition(code), ':notice': NOTICE_PREFIX },
      ScanIndexForward: false,
    },
    keyNames,
    limit,
    ...(start ? { start } : {}),
    ...(unread ? { maxRead: 1000 } : {}),
  });
  return { ...page, items: page.items.map(fromItem) };
}
