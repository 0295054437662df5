// The audit table: one entry per access to a person's data, never changed or removed, filed
// under the person, the case (about nobody) or the list read, and by actor (keys.ts).
// Functions may only insert (IAM allows dynamodb:PutItem and nothing else that writes); each
// put is conditional on the key not existing, so an entry cannot be overwritten either.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../env.ts';
import { conditional } from './conditional.ts';
import { AUDIT_PK, AUDIT_SK, actorKey, auditSortKey, rangeEnd } from './keys.ts';
import { type Page, decodeCursor, queryPage } from './paging.ts';

export interface AuditEntry {
  id: string;
  at: string;
  /** Who: the caller's sub, role, office (jurisdiction) and agency. */
  sub: string;
  role: string;
  office?: string;
  agency?: string;
  /** What: read, write, reveal (full numbers), lookup (by ID number), list, sent (to an agency, by its subscription). */
  action: 'read' | 'write' | 'reveal' | 'lookup' | 'list' | 'sent';
  caseId?: string;
  caseType?: string;
  caseIds?: string[];
  fields?: string[];
  /** Why: the route's declared purpose, and the reason the caller gave. */
  route: string;
  purpose: string;
  reason?: string;
}

/** Appends entries; one whose key exists already is that same entry (a retried delivery's), left as it is. */
export async function appendAudit(entries: { partition: string; entry: AuditEntry }[]): Promise<void> {
  const table = tableName('audit');
  await Promise.all(
    entries.map(({ partition, entry }) =>
      conditional(
        new PutCommand({
          TableName: table,
          Item: { pk: partition, sk: auditSortKey(entry.at, entry.id), actor: actorKey(entry.sub), ...entry },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    ),
  );
}

const strip = ({ pk: _p, sk: _s, actor: _a, ...entry }: Record<string, unknown>) => entry as unknown as AuditEntry;

/** Entries in one partition (a person's), newest first. */
export async function auditOf(partition: string, limit: number, cursor?: string): Promise<Page<AuditEntry>> {
  const page = await queryPage({
    input: { TableName: tableName('audit'), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': partition }, ScanIndexForward: false },
    keyNames: ['pk', 'sk'],
    limit,
    ...(cursor ? { start: decodeCursor(cursor, { pk: partition, sk: AUDIT_SK }) } : {}),
  });
  return { ...page, items: page.items.map(strip) };
}

/** What one user accessed between two instants, newest first. */
export async function auditByActor(sub: string, from: string, to: string, limit: number, cursor?: string): Promise<Page<AuditEntry>> {
  const actor = actorKey(sub);
  const page = await queryPage({
    input: {
      TableName: tableName('audit'),
      IndexName: 'actor',
      KeyConditionExpression: 'actor = :actor AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':actor': actor, ':from': from, ':to': rangeEnd(to) },
      ScanIndexForward: false,
    },
    keyNames: ['pk', 'sk', 'actor'],
    limit,
    ...(cursor ? { start: decodeCursor(cursor, { pk: AUDIT_PK, sk: AUDIT_SK, actor }) } : {}),
  });
  return { ...page, items: page.items.map(strip) };
}
