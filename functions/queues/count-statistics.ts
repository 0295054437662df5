// The statistics consumer: every event recounts its case from the case record as it stands
// (core/statistics.ts says which counters it is in, on which day), so a duplicate, a replay or
// an event that arrives after a later one changes nothing that is already right. A change made
// by the office's own accounts is counted once per event id, for its update frequency.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { localDate } from '../../core/calendar.ts';
import { eventSpec } from '../../core/events.ts';
import { membershipsOf } from '../../core/statistics.ts';
import type { HistoryEntry } from '../../core/workflows/engine.ts';
import { logger } from '../shared/observability.ts';
import { caseRows, getCase } from '../shared/store/cases.ts';
import { countOfficeUpdate, recount } from '../shared/store/statistics.ts';

const processor = new BatchProcessor(EventType.SQS);

async function count(record: SQSRecord): Promise<void> {
  const event = JSON.parse(record.body) as { id: string; type: string; time?: string; data?: { caseId?: string } };
  // An event about no case (a published report) counts nothing.
  if (eventSpec(String(event.type))?.caseType === null) return;
  const caseId = event.data?.caseId;
  if (typeof caseId !== 'string' || typeof event.time !== 'string') throw new Error(`not a case event: ${String(event.id)}`);
  const c = await getCase(caseId);
  if (!c) return;
  const moved = await recount({ id: caseId, caseId, caseType: c.type }, membershipsOf(c));
  // Who made the change: the history entry written with the event.
  const [entry] = await caseRows<HistoryEntry>(caseId, `HISTORY#${event.time}`);
  const office = entry?.by.office;
  const own = office !== undefined && (entry!.by.role === 'caseworker' || entry!.by.role === 'supervisor');
  const counted = own ? await countOfficeUpdate(event.id, office.slice(0, 9), localDate(new Date(event.time))) : false;
  logger.info('counted', { eventId: event.id, type: event.type, caseId, countersMoved: moved, officeUpdate: counted });
}

export const handler = async (event: SQSEvent, context: Context) => processPartialResponse(event, count, processor, { context });
