// Bulk filings in the `cases` table: the import, each chunk once counted (a redelivery counts
// nothing twice), and each bad row.
import { BatchWriteCommand, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type ImportError, type ImportHeadings, type ImportRecord, maskedErrorRow } from '../../../core/imports.ts';
import { documentClient } from '../clients.ts';
import { writeRecorded } from '../idempotency.ts';
import { openFields, sealFields } from './sealing.ts';
import { tableName } from '../env.ts';
import { CONDITION_FAILED, cancellationCodes, conditionFailed } from './conditional.ts';
import { IMPORT_ERROR_PREFIX, IMPORT_ERROR_SK, importChunkKey, importErrorKey, importErrorsPartition, importKey as key } from './keys.ts';
import { type Page, decodeCursor, queryAll, queryPage, withoutKeys } from './paging.ts';

/** A new import; a request's Idempotency-Key is completed with it, in one transaction. */
export async function putImport(record: ImportRecord): Promise<void> {
  await writeRecorded(
    [{ Put: { TableName: tableName('cases'), Item: { ...key(record.id), entity: 'import', ...record }, ConditionExpression: 'attribute_not_exists(pk)' } }],
    { kind: 'import', id: record.id },
  );
}

export async function getImport(id: string): Promise<ImportRecord | undefined> {
  const result = await documentClient().send(new GetCommand({ TableName: tableName('cases'), Key: key(id), ConsistentRead: true }));
  return result.Item ? withoutKeys<ImportRecord>(result.Item) : undefined;
}

/** The file was read: how many rows and chunks it holds, and its headings. A file read twice (redelivery) keeps its first figures. */
export async function markSplit(id: string, rows: number, chunks: number, at: string, headings: ImportHeadings = {}): Promise<void> {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName('cases'),
        Key: key(id),
        UpdateExpression: 'SET #state = :processing, #rows = :rows, chunks = :chunks, headings = :headings, updatedAt = :at',
        ConditionExpression: '#state = :waiting',
        ExpressionAttributeNames: { '#state': 'state', '#rows': 'rows' },
        ExpressionAttributeValues: { ':processing': 'processing', ':waiting': 'waiting_for_upload', ':rows': rows, ':chunks': chunks, ':headings': headings, ':at': at },
      }),
    );
  } catch (error) {
    if (!conditionFailed(error)) throw error;
  }
  await completeIfFinished(id, at);
}

export async function failImport(id: string, reason: string, at: string): Promise<void> {
  await documentClient().send(
    new UpdateCommand({
      TableName: tableName('cases'),
      Key: key(id),
      UpdateExpression: 'SET #state = :failed, reason = :reason, updatedAt = :at',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':failed': 'failed', ':reason': reason, ':at': at },
    }),
  );
}

/** A bad row: its values hold ID and phone numbers, so they are stored masked, sealed beside them (opened for the importer). */
const errorItem = async (id: string, e: ImportError) => ({
  ...importErrorKey(id, e.row),
  entity: 'import_error',
  ...(await sealFields(e, ['values'], () => maskedErrorRow(e).values)),
});

/** A chunk was processed: its errors are kept, its counts added once, however often it is delivered. */
export async function chunkDone(id: string, chunk: number, counts: { created: number; updated: number; failed: number }, errors: ImportError[], at: string): Promise<'counted' | 'already counted'> {
  const table = tableName('cases');
  const marker = importChunkKey(id, chunk);
  if ((await documentClient().send(new GetCommand({ TableName: table, Key: marker, ConsistentRead: true }))).Item) return 'already counted';
  for (let i = 0; i < errors.length; i += 25) {
    let pending: Record<string, unknown>[] | undefined = await Promise.all(errors.slice(i, i + 25).map(async (e) => ({ PutRequest: { Item: await errorItem(id, e) } })));
    while (pending && pending.length > 0) {
      const result = await documentClient().send(new BatchWriteCommand({ RequestItems: { [table]: pending as never } }));
      pending = result.UnprocessedItems?.[table] as Record<string, unknown>[] | undefined;
    }
  }
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table, Item: { ...marker, entity: 'import_chunk', ...counts }, ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Update: {
              TableName: table,
              Key: key(id),
              UpdateExpression: 'ADD doneChunks :one, created :created, updated :updated, failed :failed SET updatedAt = :at',
              ExpressionAttributeValues: { ':one': 1, ':created': counts.created, ':updated': counts.updated, ':failed': counts.failed, ':at': at },
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (cancellationCodes(error)?.[0] === CONDITION_FAILED) return 'already counted';
    throw error;
  }
  await completeIfFinished(id, at);
  return 'counted';
}

/** `done` once every chunk is counted; whichever of the reader and the last chunk comes second says so. */
async function completeIfFinished(id: string, at: string): Promise<void> {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName('cases'),
        Key: key(id),
        UpdateExpression: 'SET #state = :done, updatedAt = :at',
        ConditionExpression: '#state = :processing AND doneChunks = chunks',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':done': 'done', ':processing': 'processing', ':at': at },
      }),
    );
  } catch (error) {
    if (!conditionFailed(error)) throw error;
  }
}

/** Error rows in file order, a page at a time. */
export async function listImportErrors(id: string, limit: number, cursor?: string): Promise<Page<ImportError>> {
  const start = cursor === undefined ? undefined : decodeCursor(cursor, { pk: importErrorsPartition(id), sk: IMPORT_ERROR_SK });
  const page = await queryPage({
    input: {
      TableName: tableName('cases'),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :error)',
      ExpressionAttributeValues: { ':pk': importErrorsPartition(id), ':error': IMPORT_ERROR_PREFIX },
    },
    keyNames: ['pk', 'sk'],
    limit,
    ...(start ? { start } : {}),
  });
  return { ...page, items: await Promise.all(page.items.map(importError)) };
}

export async function allImportErrors(id: string): Promise<ImportError[]> {
  const errors: ImportError[] = [];
  for await (const item of queryAll({
    TableName: tableName('cases'),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :error)',
    ExpressionAttributeValues: { ':pk': importErrorsPartition(id), ':error': IMPORT_ERROR_PREFIX },
  })) {
    errors.push(await importError(item));
  }
  return errors;
}

/** An error row with its values opened (rows written before sealing are read as they stand). */
async function importError(item: Record<string, unknown>): Promise<ImportError> {
  return openFields<ImportError>(withoutKeys<Record<string, unknown>>(item));
}
