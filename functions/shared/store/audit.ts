// The audit table: one entry per access to a person's data, never changed or removed.
//   PERSON#<blind index of ID number> / <at>#<id>   an access to a case about that person
//   CASE#<caseId>                     / <at>#<id>   an access to a case about nobody (a group)
//   LIST#<id>                         / <at>#<id>   a list read (masked rows), by its caller
// Index `actor`: SUB#<sub> / <at>#<id>: what one user accessed, for supervisors.
// Functions may only insert (IAM allows dynamodb:PutItem and nothing else that writes); each
// put is conditional on the key not existing, so an entry cannot be overwritten either.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../env.ts';
import { conditional } from './conditional.ts';
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

const SK = /^\d{4}-\d{2}-\d{2}T[0-9:.]+Z#[0-9a-f-]{36}$/;

/** Appends entries; one whose key exists already is that same entry (a retried delivery's), left as it is. */
export async function appendAudit(entries: { partition: string; entry: AuditEntry }[]): Promise<void> {
  const table = tableName('audit');
  await Promise.all(
    entries.map(({ partition, entry }) =>
      conditional(
        new PutCommand({
          TableName: table,
          Item: { pk: partition, sk: `${entry.at}#${entry.id}`, actor: `SUB#${entry.sub}`, ...entry },
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
    ...(cursor ? { start: decodeCursor(cursor, { pk: partition, sk: SK }) } : {}),
  });
  return { ...page, items: page.items.map(strip) };
}

/** What one user accessed between two instants, newest first. */
export async function auditByActor(sub: string, from: string, to: string, limit: number, cursor?: string): Promise<Page<AuditEntry>> {
  const actor = `SUB#${sub}`;
  const page = await queryPage({
    input: {
      TableName: tableName('audit'),
      IndexName: 'actor',
      KeyConditionExpression: 'actor = :actor AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':actor': actor, ':from': from, ':to': `${to}#~` },
      ScanIndexForward: false,
    },
    keyNames: ['pk', 'sk', 'actor'],
    limit,
    ...(cursor ? { start: decodeCursor(cursor, { pk: /^(PERSON|CASE|LIST)#[0-9a-zA-Z-]+$/, sk: SK, actor }) } : {}),
  });
  return { ...page, items: page.items.map(strip) };
}
