// Every access to a person's data is recorded: the request's handler notes each case it read
// or wrote (route() loading a case through its scope, and created(), do it for every case route), and when the request
// succeeds the notes are appended to the audit table with who, what, when and why (the route's
// declared purpose from the authorisation table, and the reason the caller gave). A request
// that fails disclosed nothing and records nothing.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { personOf } from '../../core/access.ts';
import type { Principal } from '../../core/principal.ts';
import type { Case } from '../../core/workflows/index.ts';
import { personKey } from './store/case-codec.ts';
import { type AuditEntry, appendAudit } from './store/audit.ts';
import { auditCasePartition, auditListPartition } from './store/keys.ts';
import * as clock from './clock.ts';

interface Scope {
  principal: Principal;
  route: string;
  purpose: string;
  /** Writes are recorded as writes; reads as reads. */
  writes: boolean;
  reason?: string | undefined;
  notes: { partition: Promise<string>; entry: Omit<AuditEntry, 'id' | 'at' | 'sub' | 'role' | 'route' | 'purpose'> }[];
}

const current = new AsyncLocalStorage<Scope>();

/** The partition of a case's entries: its person's (the person index's key), or its own. */
const partitionOf = (c: Case) => {
  const person = personOf(c);
  return person ? personKey(person) : Promise.resolve(auditCasePartition(c.id));
};

/** Notes that the request touched `c` (read, or wrote on a write route; or `action` as given). */
export function noteCase(c: Case, detail: { action?: AuditEntry['action']; fields?: string[]; reason?: string } = {}): void {
  const scope = current.getStore();
  if (!scope) return;
  // A named action (reveal, lookup) stands for the plain read of the same case noted before it.
  if (detail.action) scope.notes = scope.notes.filter((n) => n.entry.caseId !== c.id);
  scope.notes.push({
    partition: partitionOf(c),
    entry: {
      action: detail.action ?? (scope.writes ? 'write' : 'read'),
      caseId: c.id,
      caseType: c.type,
      ...(detail.fields ? { fields: detail.fields } : {}),
      ...(detail.reason ? { reason: detail.reason } : {}),
    },
  });
}

/** Notes a lookup by ID number that found nothing within reach: the person still sees that it happened. */
export function noteLookup(idNumber: string, reason: string): void {
  current.getStore()?.notes.push({ partition: personKey(idNumber), entry: { action: 'lookup', reason } });
}

/** Notes a list read: one entry naming the cases listed (masked rows), under the caller. */
export function noteList(caseIds: string[]): void {
  if (caseIds.length === 0) return;
  current.getStore()?.notes.push({ partition: Promise.resolve(auditListPartition(randomUUID())), entry: { action: 'list', caseIds } });
}

/** Runs a request with a recorder; appends what it noted when the answer is a success. */
export async function audited<R extends { statusCode: number }>(
  scope: Omit<Scope, 'notes'>,
  run: () => Promise<R>,
): Promise<R> {
  const recorder: Scope = { ...scope, notes: [] };
  const result = await current.run(recorder, run);
  const { principal } = scope;
  // A person may read only their own record: those reads would only bury, in their access log,
  // the offices' reads they look for. What they change is still recorded.
  if (principal.role === 'person') recorder.notes = recorder.notes.filter((n) => n.entry.action !== 'read');
  if (result.statusCode < 400 && recorder.notes.length > 0) {
    const at = clock.now().toISOString();
    await appendAudit(
      await Promise.all(
        recorder.notes.map(async (note) => ({
          partition: await note.partition,
          entry: {
            id: randomUUID(),
            at,
            sub: principal.sub,
            role: principal.role,
            ...(principal.jurisdiction ? { office: principal.jurisdiction } : {}),
            ...(principal.agency ? { agency: principal.agency } : {}),
            route: scope.route,
            purpose: scope.purpose,
            ...(scope.reason ? { reason: scope.reason } : {}),
            ...note.entry,
          },
        })),
      ),
    );
  }
  return result;
}
