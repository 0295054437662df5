// Uploads a filing to a running stack and follows it to the end: what `npm run import` does.
import { readFileSync } from 'node:fs';
import { LOCAL_S3_PATH } from './http-server.ts';
import { CompleteMultipartUploadCommand, CreateMultipartUploadCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3';

/** The local S3 (fauxqs) takes one request body of at most 11 MiB: a larger file goes up in parts. */
const LOCAL_SINGLE_PUT_BYTES = 10 * 1_048_576;
const PART_BYTES = 8 * 1_048_576;

/**
 * PUT to the presigned URL; a file too large for the local S3's single request goes in parts
 * to the same bucket and key (the local S3 takes any credentials). S3 itself takes one PUT of
 * up to 5 GB, so a URL that is not the local stack's always gets the single PUT.
 */
async function uploadTo(url: string, bytes: Buffer): Promise<void> {
  const target = new URL(url);
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname);
  if (!local || bytes.length <= LOCAL_SINGLE_PUT_BYTES) {
    const put = await fetch(url, { method: 'PUT', body: bytes });
    if (!put.ok) throw new Error(`the upload answered ${put.status}`);
    return;
  }
  // The local stack signs for its S3 under a path of its own origin: the endpoint keeps that path.
  const base = target.pathname.startsWith(`${LOCAL_S3_PATH}/`) ? LOCAL_S3_PATH : '';
  const [bucket, ...key] = target.pathname.slice(base.length + 1).split('/').map(decodeURIComponent);
  const s3 = new S3Client({ endpoint: `${target.origin}${base}`, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const where = { Bucket: bucket!, Key: key.join('/') };
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand(where));
  const parts: { ETag: string; PartNumber: number }[] = [];
  for (let start = 0; start < bytes.length; start += PART_BYTES) {
    const PartNumber = parts.length + 1;
    const { ETag } = await s3.send(new UploadPartCommand({ ...where, UploadId, PartNumber, Body: bytes.subarray(start, start + PART_BYTES) }));
    parts.push({ ETag: ETag!, PartNumber });
  }
  await s3.send(new CompleteMultipartUploadCommand({ ...where, UploadId, MultipartUpload: { Parts: parts } }));
  s3.destroy();
}

/** The API refused to start the import (as opposed to not answering at all). */
export class RefusedImport extends Error {}

export interface ImportOutcome {
  state: 'done' | 'failed';
  rows: number;
  created: number;
  updated: number;
  failed: number;
  reason?: string;
  errors: { row: number; field: string; reason: string }[];
  id: string;
}

const bar = (done: number, total: number, width = 30) => {
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
};

export async function importFile(options: {
  apiUrl: string;
  token: string;
  file: string;
  destinationCode?: string | undefined;
  /** The organised group the rows are members of. */
  groupId?: string | undefined;
  /** Where progress goes (a terminal line rewritten in place). */
  progress?: (line: string) => void;
  pollMs?: number;
}): Promise<ImportOutcome> {
  const headers = { authorization: `Bearer ${options.token}` };
  const started = await fetch(`${options.apiUrl}/v1/imports`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ destinationCode: options.destinationCode, groupId: options.groupId }),
  });
  const created = (await started.json()) as { id: string; upload: { url: string }; detail?: string; errors?: { field: string; reason: string }[] };
  if (started.status !== 201) {
    const fields = (created.errors ?? []).map((e) => `${e.field} ${e.reason}`).join('; ');
    throw new RefusedImport(`POST /v1/imports answered ${started.status}: ${created.detail ?? ''}${fields ? ` (${fields})` : ''}`);
  }
  await uploadTo(created.upload.url, readFileSync(options.file));
  for (;;) {
    const status = (await (await fetch(`${options.apiUrl}/v1/imports/${created.id}?limit=1000`, { headers })).json()) as {
      state: string;
      rows: number;
      done: number;
      created: number;
      updated: number;
      failed: number;
      reason?: string;
      errors: { items: { row: number; field: string; reason: string }[] };
    };
    options.progress?.(
      `${bar(status.done, status.rows)} ${status.done}/${status.rows || '?'} rows · created ${status.created} · updated ${status.updated} · failed ${status.failed} (${status.state})`,
    );
    if (status.state === 'done' || status.state === 'failed') {
      return {
        id: created.id,
        state: status.state,
        rows: status.rows,
        created: status.created,
        updated: status.updated,
        failed: status.failed,
        ...(status.reason ? { reason: status.reason } : {}),
        errors: status.errors.items,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 500));
  }
}
