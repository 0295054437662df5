// Office inboxes: INBOX#<code> / NOTICE#<time>#<eventId>.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Notice } from '../../../core/notices.ts';
import { documentClient } from '../clients.ts';
import { tableName } from '../env.ts';
import { type Page, decodeCursor, queryPage, withoutKeys } from './paging.ts';

/** Files a notice once: a redelivered event finds it there and changes nothing. */
export async function fileNotice(notice: Notice): Promise<'filed' | 'duplicate'> {
  try {
    await documentClient().send(
      new PutCommand({
        TableName: tableName('cases'),
        Item: { pk: `INBOX#${notice.jurisdiction}`, sk: `NOTICE#${notice.time}#${notice.eventId}`, entity: 'notice', ...notice },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return 'filed';
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return 'duplicate';
    throw error;
  }
}

/** Newest notices first. */
export async function listNotices(code: string, limit: number, cursor?: string): Promise<Page<Notice>> {
  const keyNames = ['pk', 'sk'];
  const start = cursor === undefined ? undefined : decodeCursor(cursor, { pk: `INBOX#${code}`, sk: /^NOTICE#\d{4}-\d{2}-\d{2}T[^#]+#.+$/ });
  const page = await queryPage({
    input: {
      TableName: tableName('cases'),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :notice)',
      ExpressionAttributeValues: { ':pk': `INBOX#${code}`, ':notice': 'NOTICE#' },
      ScanIndexForward: false,
    },
    keyNames,
    limit,
    ...(start ? { start } : {}),
  });
  return { ...page, items: page.items.map((item) => withoutKeys<Notice>(item)) };
}
