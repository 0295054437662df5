// Writing cases: every decision's case, history entry, outbox event, duplicate guard and
// certificate record in one transaction (`commit`), and the few updates made outside it.
import { DeleteCommand, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { conflict } from '../../../core/errors.ts';
import { personOf } from '../../../core/access.ts';
import type { Case } from '../../../core/workflows/index.ts';
import { type CaseBase, type Decision, type HistoryEntry, deadlineId } from '../../../core/workflows/engine.ts';
import { lostKey, recordItems, unrecord } from '../idempotency.ts';
import { documentClient } from '../clients.ts';
import { tableName } from '../env.ts';
import { arrivalIndex, caseItem, certificateOf, deadlineIndex, holderHash, outboxItem, personKey, sealHandOff } from './case-codec.ts';
import { CONDITION_FAILED, cancellationCodes, type TransactItem, conditional, conditionFailed } from './conditional.ts';
import { caseKey, certificateKey, dedupeKey, historyKey, onceKey, provisionalKey } from './keys.ts';

/** The case, guarded by the version it was decided on (or by not existing yet, when it opens). */
const casePut = async (table: string, c: Case, previousVersion: number | null): Promise<TransactItem> => ({
  Put: {
    TableName: table,
    Item: await caseItem(c),
    ...(previousVersion === null
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'version = :previous', ExpressionAttributeValues: { ':previous': previousVersion } }),
  },
});

/** The history entry of the case's new version, written once. */
const historyPut = (table: string, c: Case, history: HistoryEntry): TransactItem => ({
  Put: {
    TableName: table,
    Item: { ...historyKey(c.id, history.at, c.version), entity: 'history', ...history },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** What each transact item stands for, to say which one a cancelled transaction tripped on. */
type Purpose =
  | { kind: 'case'; id: string }
  | { kind: 'dedupe'; key: string }
  | { kind: 'certificate'; number: string }
  | { kind: 'key' }
  | { kind: 'other'; conflict?: string };

/**
 * Writes decisions atomically: each case (guarded by the version it was decided on, or by
 * not existing yet), its history entry, its event in the outbox, the duplicate guard of a new
 * registration and the public record of its certificate; `extra` items (guards) join the same
 * transaction, each with what to say when its condition fails. A failed condition becomes 409
 * and nothing is written.
 */
export async function commit(decisions: Decision<Case | CaseBase>[], extra: { item: TransactItem; conflict: string }[] = []): Promise<void> {
  const table = tableName('cases');
  const items: TransactItem[] = [];
  const purposes: Purpose[] = [];
  const add = (item: TransactItem, purpose: Purpose = { kind: 'other' }) => {
    items.push(item);
    purposes.push(purpose);
  };
  for (const d of decisions as Decision<Case>[]) {
    const c = d.case;
    add(await casePut(table, c, d.previousVersion), { kind: 'case', id: c.id });
    add(historyPut(table, c, d.history));
    // The event row also names whose audit partition it concerns (what an agency receives of the
    // person is recorded there) and which office's account acted (its update frequency): neither
    // is part of the CloudEvent.
    const subject = personOf(c);
    const by = d.history.by;
    add({
      Put: {
        TableName: table,
        Item: {
          ...outboxItem(await sealHandOff(d.event)),
          ...(subject ? { auditPartition: await personKey(subject) } : {}),
          actedBy: { role: by.role, ...(by.office ? { office: by.office } : {}) },
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
    const dedupe = d.previousVersion === null ? await arrivalIndex(c) : undefined;
    if (dedupe) {
      add(
        {
          Put: {
            TableName: table,
            Item: { ...dedupeKey(dedupe), entity: 'dedupe', caseId: c.id },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        { kind: 'dedupe', key: dedupe },
      );
    }
    // Found again when the notice is loaded; a marker outlived by its deadline is dropped then.
    if (c.deadline?.provisional) {
      add({ Put: { TableName: table, Item: { ...provisionalKey(c.id), entity: 'provisional', caseId: c.id, deadline: deadlineId(c.deadline) } } });
    }
    const held = certificateOf(c);
    if (held) {
      add(
        {
          Put: {
            TableName: table,
            Item: {
              ...certificateKey(held.certificate.number),
              entity: 'certificate',
              kind: held.kind,
              caseId: c.id,
              holder: await holderHash(held.holder),
              ...held.certificate,
            },
            // A number belongs to one case for ever.
            ConditionExpression: 'attribute_not_exists(pk) OR caseId = :caseId',
            ExpressionAttributeValues: { ':caseId': c.id },
          },
        },
        { kind: 'certificate', number: held.certificate.number },
      );
    }
  }
  for (const { item, conflict: message } of extra) add(item, { kind: 'other', conflict: message });
  // A request's Idempotency-Key is completed with the case it answers with, in the same transaction.
  for (const item of recordItems({ kind: 'case', id: decisions[0]!.case.id })) add(item, { kind: 'key' });
  try {
    await documentClient().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (purposes.some((p) => p.kind === 'key')) unrecord();
    const codes = cancellationCodes(error);
    if (!codes) throw error;
    const failed = codes
      .map((code, i) => (code === CONDITION_FAILED ? purposes[i] : undefined))
      .filter((p): p is Purpose => p !== undefined);
    // Another attempt with this key holds it: its answer is the one a retry gets.
    if (failed.some((p) => p.kind === 'key')) throw lostKey();
    const dedupe = failed.find((p) => p.kind === 'dedupe');
    if (dedupe?.kind === 'dedupe') {
      const existing = await documentClient().send(new GetCommand({ TableName: table, Key: dedupeKey(dedupe.key) }));
      throw conflict(`this arrival is already reported as registration ${existing.Item?.caseId as string}`, {
        caseId: existing.Item?.caseId,
      });
    }
    const stale = failed.find((p) => p.kind === 'case');
    if (stale?.kind === 'case') throw conflict(`case ${stale.id} changed while this request was processed; read it again and retry`);
    const taken = failed.find((p) => p.kind === 'certificate');
    if (taken?.kind === 'certificate') throw conflict(`certificate number ${taken.number} is taken; retry`);
    const other = failed.find((p) => p.kind === 'other');
    if (other?.kind === 'other' && other.conflict) throw conflict(other.conflict);
    if (failed.length > 0) throw conflict('a concurrent change interfered with this request; retry');
    throw error;
  }
}

/** A guard that lets `key` happen once: a second transaction carrying it fails with `conflict`. */
export const once = (key: string, message: string) => ({
  item: {
    Put: { TableName: tableName('cases'), Item: { ...onceKey(key), entity: 'guard' }, ConditionExpression: 'attribute_not_exists(pk)' },
  },
  conflict: message,
});

/** Drops a case's provisional marker, unless a newer provisional deadline has replaced the one it names. */
export async function dropProvisional(caseId: string, deadline: string): Promise<void> {
  await conditional(
    new DeleteCommand({
      TableName: tableName('cases'),
      Key: provisionalKey(caseId),
      ConditionExpression: 'deadline = :deadline',
      ExpressionAttributeValues: { ':deadline': deadline },
    }),
  );
}

/**
 * The stages up to `through` were queued: the case moves on to its next stage in the index (or
 * leaves it). Only if nothing changed the case meanwhile; a changed case is read again next time.
 */
export async function markScheduled(c: Case, through: string): Promise<boolean> {
  if (!c.deadline) return false;
  const after = { ...c, deadline: { ...c.deadline, scheduledThrough: through } } as Case;
  const index = deadlineIndex(after);
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName('cases'),
        Key: caseKey(c.id),
        UpdateExpression: index.gsi1sk
          ? 'SET #deadline.scheduledThrough = :through, gsi1pk = :pk, gsi1sk = :sk'
          : 'SET #deadline.scheduledThrough = :through REMOVE gsi1pk, gsi1sk',
        ConditionExpression: 'version = :version',
        ExpressionAttributeNames: { '#deadline': 'deadline' },
        ExpressionAttributeValues: { ':through': through, ':version': c.version, ...(index.gsi1sk ? { ':pk': index.gsi1pk, ':sk': index.gsi1sk } : {}) },
      }),
    );
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

/** Writes a minimised case (only if nothing changed it meanwhile: 409 otherwise) with its history entry. */
export async function replaceMinimised(next: Case, previousVersion: number, history: HistoryEntry): Promise<void> {
  const table = tableName('cases');
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [await casePut(table, next, previousVersion), historyPut(table, next, history)],
      }),
    );
  } catch (error) {
    if (cancellationCodes(error)) throw conflict(`case ${next.id} changed while it was minimised; it is tried again next time`);
    throw error;
  }
}
