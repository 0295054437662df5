// A filer's file landed (S3 event notification): read it, refuse it whole if it is not a
// usable CSV, else queue its rows in chunks. The file is streamed three times: once to tell
// UTF-8 from GB18030, once to count and check it (a file with too many rows is refused before
// any row is reported), once to send the chunks.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { Context, S3Event, SQSEvent, SQSRecord } from 'aws-lambda';
import { IMPORT_CHUNK_ROWS, ImportFileError, type ImportHeadings, type ImportRow, checkImportSize, detectEncoding, duplicateMarker, readImportFile } from '../../core/imports.ts';
import { s3Client, sqsClient } from '../shared/clients.ts';
import { queueUrl } from '../shared/env.ts';
import { logger } from '../shared/observability.ts';
import { overfills } from '../../core/workflows/group-cycle.ts';
import { getCase } from '../shared/store/cases.ts';
import { failImport, getImport, markSplit } from '../shared/store/imports.ts';
import * as clock from '../shared/clock.ts';

const processor = new BatchProcessor(EventType.SQS);

const objectBytes = (bucket: string, key: string) => async function* () {
  const object = await s3Client().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  yield* object.Body as AsyncIterable<Uint8Array>;
};

async function sendChunks(importId: string, chunks: { chunk: number; rows: ImportRow[] }[]) {
  const result = await sqsClient().send(
    new SendMessageBatchCommand({
      QueueUrl: queueUrl('importChunks'),
      Entries: chunks.map((c) => ({ Id: String(c.chunk), MessageBody: JSON.stringify({ importId, ...c }) })),
    }),
  );
  if (result.Failed && result.Failed.length > 0) throw new Error(`${result.Failed.length} chunk(s) of import ${importId} were not queued`);
}

/** A group's members fit in one group: a file that would overfill it is refused whole. */
async function checkGroupRoom(groupId: string, rows: number): Promise<void> {
  const group = await getCase(groupId);
  const full = overfills(group?.type === 'group' ? group.members.length : 0, rows);
  if (full) throw new ImportFileError(`group ${groupId}: the file's ${rows} rows ${full}`);
}

async function split(record: SQSRecord): Promise<void> {
  const event = JSON.parse(record.body) as S3Event;
  for (const r of event.Records ?? []) {
    const key = decodeURIComponent(r.s3.object.key.replace(/\+/g, ' '));
    const id = /^uploads\/([0-9a-f-]{36})\.csv$/.exec(key)?.[1];
    const found = id ? await getImport(id) : undefined;
    // An object no import waits for, or one already read (a redelivered notification).
    if (!found || found.state !== 'waiting_for_upload') continue;
    const open = objectBytes(r.s3.bucket.name, key);
    const at = () => clock.now().toISOString();
    try {
      const { ContentLength } = await s3Client().send(new HeadObjectCommand({ Bucket: r.s3.bucket.name, Key: key }));
      checkImportSize(ContentLength ?? 0);
      // The encoding is told once; the two passes below read with it.
      const encoding = await detectEncoding(open());
      let rows = 0;
      // The file's own headings are kept: its error rows go back under them.
      let headings: ImportHeadings = {};
      for await (const _ of readImportFile(open, encoding, (h) => (headings = h))) rows++;
      if (found.groupId) await checkGroupRoom(found.groupId, rows);
      let batch: { chunk: number; rows: ImportRow[] }[] = [];
      let current: ImportRow[] = [];
      let chunk = 0;
      const markDuplicate = duplicateMarker();
      for await (const row of readImportFile(open, encoding)) {
        current.push(markDuplicate(row));
        if (current.length === IMPORT_CHUNK_ROWS) {
          batch.push({ chunk: chunk++, rows: current });
          current = [];
          // Ten messages a batch, each well under SQS's 256 KB.
          if (batch.length === 10) {
            await sendChunks(found.id, batch);
            batch = [];
          }
        }
      }
      if (current.length > 0) batch.push({ chunk: chunk++, rows: current });
      if (batch.length > 0) await sendChunks(found.id, batch);
      await markSplit(found.id, rows, chunk, at(), headings);
      logger.info('import split', { importId: found.id, rows, chunks: chunk });
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      await failImport(found.id, error.message, at());
      logger.info('import refused', { importId: found.id, reason: error.message });
    }
  }
}

export const handler = async (event: SQSEvent, context: Context) => processPartialResponse(event, split, processor, { context });
