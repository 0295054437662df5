// An import as the API shows it: its counts, and `done` as rows processed so far.
import type { ImportRecord } from '../../../core/imports.ts';

export function importView(r: ImportRecord) {
  return {
    id: r.id,
    state: r.state,
    destinationCode: r.destinationCode,
    ...(r.groupId ? { groupId: r.groupId } : {}),
    by: r.by,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    rows: r.rows,
    done: r.created + r.updated + r.failed,
    created: r.created,
    updated: r.updated,
    failed: r.failed,
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.headings ? { headings: r.headings } : {}),
  };
}
