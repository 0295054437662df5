// POST /v1/imports: an office or a filer starts a bulk filing for premises in its jurisdiction,
// or of an organised group's members. The file does not pass through the API: the answer
// carries a presigned URL to PUT it to, and its landing starts the processing.
import { randomUUID } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { notFound, unprocessable } from '../../../core/errors.ts';
import type { ImportRecord } from '../../../core/imports.ts';
import { actorOf, assertMayTake } from '../../../core/workflows/engine.ts';
import { GROUP, type GroupCase } from '../../../core/workflows/group.ts';
import type { Principal } from '../../../core/principal.ts';
import { requireKnownJurisdictions } from '../../shared/cases.ts';
import { uploadSigner } from '../../shared/clients.ts';
import { bucketName } from '../../shared/env.ts';
import { type Replay, json, route } from '../../shared/http.ts';
import { getImport, putImport } from '../../shared/store/imports.ts';
import { importView } from './view.ts';
import { startImport } from './routes.ts';

const UPLOAD_SECONDS = 15 * 60;

/** A group's members come to its destination; whoever may add members to it now may import them. */
function groupDestination(group: GroupCase, destinationCode: string | undefined, principal: Principal): string {
  assertMayTake(GROUP, 'add_members', principal, group);
  if (destinationCode !== undefined && destinationCode !== group.destinationCode) {
    throw unprocessable([{ field: 'destinationCode', reason: `must be the group's destination ${group.destinationCode}, or left out` }]);
  }
  return group.destinationCode;
}

/** `201` with the import and a URL to PUT its file to, valid for 15 minutes from `now`. */
async function answer(record: ImportRecord, now: Date) {
  const url = await getSignedUrl(uploadSigner(), new PutObjectCommand({ Bucket: bucketName('imports'), Key: record.key }), { expiresIn: UPLOAD_SECONDS });
  return json(
    201,
    { ...importView(record), upload: { method: 'PUT', url, expiresAt: new Date(now.getTime() + UPLOAD_SECONDS * 1000).toISOString() } },
    { location: `/v1/imports/${record.id}` },
  );
}

/** A retry answers the same import as it stands, with an upload URL signed afresh (the first may have lapsed). */
const replayImport: Replay = async (outcome) => {
  const record = await getImport(outcome.id);
  if (!record) throw notFound(`no import ${outcome.id}`);
  return answer(record, new Date());
};

export const handler = route(startImport, { idempotent: replayImport }, async ({ body, principal, resource: group, now }) => {
  const destinationCode = group ? groupDestination(group as GroupCase, body.destinationCode, principal) : body.destinationCode!;
  await requireKnownJurisdictions({ destinationCode }, ['destinationCode'] as const);
  const id = randomUUID();
  const record: ImportRecord = {
    id,
    state: 'waiting_for_upload',
    destinationCode,
    ...(body.groupId ? { groupId: body.groupId } : {}),
    by: actorOf(principal),
    key: `uploads/${id}.csv`,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    rows: 0,
    chunks: 0,
    doneChunks: 0,
    created: 0,
    updated: 0,
    failed: 0,
  };
  await putImport(record);
  return answer(record, now);
});
