// One chunk of an import: every row becomes a registration report by the importing account
// (or, for a group's import, a member added to the group), brings the person's open case at
// the destination up to date, or is an error row. Rows are idempotent (a row this import
// already wrote counts as created again, never twice over), and a chunk's counts are added
// once however often it is delivered.
import { randomUUID } from 'node:crypto';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { DomainError } from '../../core/errors.ts';
import { type ImportError, type ImportRow, reportFromRow, updateFromRow } from '../../core/imports.ts';
import type { Principal, Role } from '../../core/principal.ts';
import { type MemberInput, addGroupMembers } from '../../core/workflows/group-cycle.ts';
import type { RegistrationCase } from '../../core/workflows/registration.ts';
import { logger } from '../shared/observability.ts';
import { commit } from '../shared/store/case-commit.ts';
import { getCase, openRegistrationAt } from '../shared/store/cases.ts';
import { chunkDone, getImport } from '../shared/store/imports.ts';
import { existingJurisdictions, policyFor } from '../shared/store/reference.ts';
import * as clock from '../shared/clock.ts';

const processor = new BatchProcessor(EventType.SQS);
/** Rows written at once: DynamoDB takes them in parallel; one chunk stays well inside the timeout. */
const PARALLEL_ROWS = 16;
/** Members added to a group per transaction: each brings four items, the group three; 100 is the limit. */
const MEMBERS_PER_WRITE = 20;
/** Tries at a group another chunk is adding members to at the same moment, before the chunk is redelivered. */
const GROUP_TRIES = 10;

type Outcome = 'created' | 'updated' | ImportError[];
interface Pending {
  row: ImportRow;
  reported: RegistrationCase;
}

const isConflict = (error: unknown): error is DomainError => error instanceof DomainError && error.kind === 'conflict';
const pause = () => new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 100));
const memberOf = (r: RegistrationCase): MemberInput => ({
  person: r.person,
  expectedStayDays: r.expectedStayDays,
  originCode: r.originCode,
  arrivalDate: r.arrivalDate,
  premises: r.premises,
  importId: r.importId,
});

async function process(record: SQSRecord): Promise<void> {
  const { importId, chunk, rows } = JSON.parse(record.body) as { importId: string; chunk: number; rows: ImportRow[] };
  const found = await getImport(importId);
  if (!found) return;
  const actor: Principal = {
    sub: found.by.sub,
    role: found.by.role as Role,
    ...(found.by.office ? { jurisdiction: found.by.office } : {}),
    ...(found.by.organisation ? { organisation: found.by.organisation } : {}),
  };
  const context = {
    importId,
    groupId: found.groupId,
    destinationCode: found.destinationCode,
    actor,
    policy: await policyFor(found.destinationCode),
    knownOrigins: new Set(
      (await existingJurisdictions(rows.map((r) => r.values.originCode ?? '').filter((c) => /^\d+$/.test(c)))).keys(),
    ),
  };
  const counts = { created: 0, updated: 0, failed: 0 };
  const errors: ImportError[] = [];
  const tally = (outcome: Outcome) => {
    if (typeof outcome === 'string') counts[outcome]++;
    else {
      counts.failed++;
      errors.push(...outcome);
    }
  };
  const now = clock.now();

  /** The person's case that is already there: brought up to date, retried if it changes meanwhile. */
  async function settle(existing: RegistrationCase, { row, reported }: Pending): Promise<Outcome> {
    for (let current: RegistrationCase | undefined = existing, tries = 0; current; tries++) {
      const outcome = updateFromRow(current, reported, row, context, randomUUID(), now);
      if ('errors' in outcome) return outcome.errors;
      if ('created' in outcome) return 'created';
      if ('unchanged' in outcome) return 'updated';
      try {
        await commit([outcome.decision]);
        return 'updated';
      } catch (error) {
        if (!isConflict(error) || tries >= 3) throw error;
        const again = await getCase(current.id);
        current = again?.type === 'registration' ? again : undefined;
      }
    }
    throw new Error(`registration ${existing.id} disappeared while import ${importId} updated it`);
  }

  /** The case a failed report collided with (the same arrival, reported a moment ago). */
  async function collided(error: unknown): Promise<RegistrationCase | undefined> {
    const id = isConflict(error) ? (error.extensions.caseId as string | undefined) : undefined;
    const c = id ? await getCase(id) : undefined;
    return c?.type === 'registration' ? c : undefined;
  }

  const joining: Pending[] = [];
  async function one(row: ImportRow): Promise<void> {
    const outcome = reportFromRow(row, context, { caseId: randomUUID(), eventId: randomUUID() }, now);
    if ('errors' in outcome) return tally(outcome.errors);
    const pending = { row, reported: outcome.decision.case };
    const existing = await openRegistrationAt(pending.reported.person.idNumber, found!.destinationCode);
    if (existing) return tally(await settle(existing, pending));
    if (context.groupId) {
      joining.push(pending);
      return;
    }
    try {
      await commit([outcome.decision]);
      tally('created');
    } catch (error) {
      const earlier = await collided(error);
      if (!earlier) throw error;
      tally(await settle(earlier, pending));
    }
  }

  /** New members join the group a few at a time; another chunk adding to it meanwhile means read it again and retry. */
  async function join(batch: Pending[]): Promise<void> {
    let pending = batch;
    for (let tries = 0; pending.length > 0; tries++) {
      if (tries === GROUP_TRIES) throw new Error(`group ${context.groupId} kept changing while import ${importId} added members`);
      const group = await getCase(context.groupId!);
      if (group?.type !== 'group') throw new Error(`group ${context.groupId} of import ${importId} is gone`);
      try {
        const ids = { eventId: randomUUID(), members: pending.map(() => ({ caseId: randomUUID(), eventId: randomUUID() })) };
        await commit(addGroupMembers(group, pending.map((p) => memberOf(p.reported)), actor, context.policy, ids, now));
        pending.forEach(() => tally('created'));
        return;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const earlier = await collided(error);
        if (earlier) {
          // One member was reported a moment ago (a chunk delivered twice): settle that row, retry the rest.
          const same = pending.find((p) => p.reported.person.idNumber === earlier.person.idNumber);
          if (!same) throw error;
          tally(await settle(earlier, same));
          pending = pending.filter((p) => p !== same);
        } else if (isConflict(error) && error.extensions.state === undefined) {
          await pause();
        } else {
          // The group no longer takes members (complete, full): each row says why.
          for (const p of pending) tally([{ row: p.row.row, field: 'row', reason: error.message, values: p.row.values }]);
          return;
        }
      }
    }
  }

  for (let i = 0; i < rows.length; i += PARALLEL_ROWS) await Promise.all(rows.slice(i, i + PARALLEL_ROWS).map(one));
  for (let i = 0; i < joining.length; i += MEMBERS_PER_WRITE) await join(joining.slice(i, i + MEMBERS_PER_WRITE));
  const outcome = await chunkDone(importId, chunk, counts, errors, clock.now().toISOString());
  logger.info('import chunk', { importId, chunk, outcome, ...counts });
}

export const handler = async (event: SQSEvent, context: Context) => processPartialResponse(event, process, processor, { context });
