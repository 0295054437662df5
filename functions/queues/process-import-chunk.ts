// One chunk of an import: every row becomes a registration report by the importing account,
// or an error row. A row the same arrival was already reported for (the same file uploaded
// again) creates nothing and counts as updated; a chunk delivered twice is counted once.
import { randomUUID } from 'node:crypto';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { DomainError } from '../../core/errors.ts';
import { type ImportError, type ImportRow, reportFromRow } from '../../core/imports.ts';
import type { Principal, Role } from '../../core/principal.ts';
import { logger } from '../shared/observability.ts';
import { commit, getCase } from '../shared/store/cases.ts';
import { chunkDone, getImport } from '../shared/store/imports.ts';
import { existingJurisdictions, policyFor } from '../shared/store/reference.ts';

const processor = new BatchProcessor(EventType.SQS);
/** Rows written at once: DynamoDB takes them in parallel; one chunk stays well inside the timeout. */
const PARALLEL_ROWS = 8;

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
    destinationCode: found.destinationCode,
    actor,
    policy: await policyFor(found.destinationCode),
    knownOrigins: new Set(
      (await existingJurisdictions(rows.map((r) => r.values.originCode ?? '').filter((c) => /^\d+$/.test(c)))).keys(),
    ),
  };
  const counts = { created: 0, updated: 0, failed: 0 };
  const errors: ImportError[] = [];
  const now = new Date();
  async function one(row: ImportRow) {
    const outcome = reportFromRow(row, context, { caseId: randomUUID(), eventId: randomUUID() }, now);
    if ('errors' in outcome) {
      counts.failed++;
      errors.push(...outcome.errors);
      return;
    }
    try {
      await commit([outcome.decision]);
      counts.created++;
    } catch (error) {
      const existing = error instanceof DomainError && error.kind === 'conflict' ? (error.extensions.caseId as string | undefined) : undefined;
      if (!existing) throw error;
      // Reported before: by this import (a chunk delivered again) it was created here; otherwise it is an update.
      const earlier = await getCase(existing);
      if (earlier?.type === 'registration' && earlier.importId === importId) counts.created++;
      else counts.updated++;
    }
  }
  for (let i = 0; i < rows.length; i += PARALLEL_ROWS) await Promise.all(rows.slice(i, i + PARALLEL_ROWS).map(one));
  const outcome = await chunkDone(importId, chunk, counts, errors, new Date().toISOString());
  logger.info('import chunk', { importId, chunk, outcome, ...counts });
}

export const handler = async (event: SQSEvent, context: Context) => processPartialResponse(event, process, processor, { context });
