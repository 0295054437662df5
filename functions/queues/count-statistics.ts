// The statistics consumer: every event recounts its case from the case record as it stands
// (core/statistics/measures.ts says which counters it is in, on which day), so a duplicate, a replay or
// an event that arrives after a later one changes nothing that is already right. A change made
// by the office's own accounts is counted once per event id, for its update frequency.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { localDate } from '../../core/calendar.ts';
import { eventSpec } from '../../core/events.ts';
import { membershipsOf } from '../../core/statistics/measures.ts';
import { logger } from '../shared/observability.ts';
import type { Case } from '../../core/workflows/index.ts';
import { caseHistoryAt, getCase, getCases } from '../shared/store/cases.ts';
import { countOfficeUpdate, recount } from '../shared/store/statistics.ts';

const processor = new BatchProcessor(EventType.SQS);

interface Counted {
  id: string;
  type: string;
  time?: string;
  data?: { caseId?: string };
}

/** Who acted: the relay's message attributes, or (a message from before them) the history entry written with the event. */
async function actor(record: SQSRecord, caseId: string, time: string): Promise<{ role?: string; office?: string }> {
  const attributes = record.messageAttributes ?? {};
  if (attributes.actedByRole?.stringValue) return { role: attributes.actedByRole.stringValue, office: attributes.actedByOffice?.stringValue };
  const [entry] = await caseHistoryAt(caseId, time);
  return entry ? { role: entry.by.role, office: entry.by.office } : {};
}

async function count(record: SQSRecord, cases: Map<string, Case>): Promise<void> {
  const event = JSON.parse(record.body) as Counted;
  // An event about no case (a published report) counts nothing.
  if (eventSpec(String(event.type))?.caseType === null) return;
  const caseId = event.data?.caseId;
  if (typeof caseId !== 'string' || typeof event.time !== 'string') throw new Error(`not a case event: ${String(event.id)}`);
  const c = cases.get(caseId) ?? (await getCase(caseId));
  if (!c) return;
  const moved = await recount({ id: caseId, caseId, caseType: c.type }, membershipsOf(c));
  const { role, office } = await actor(record, caseId, event.time);
  const own = office !== undefined && (role === 'caseworker' || role === 'supervisor');
  const counted = own ? await countOfficeUpdate(event.id, office.slice(0, 9), localDate(new Date(event.time))) : false;
  logger.info('counted', { eventId: event.id, type: event.type, caseId, countersMoved: moved, officeUpdate: counted });
}

/** The batch's cases read at once (one BatchGetItem); each record is then recounted from them. */
async function casesOf(event: SQSEvent): Promise<Map<string, Case>> {
  const ids = event.Records.flatMap((r) => {
    try {
      const id = (JSON.parse(r.body) as Counted).data?.caseId;
      return typeof id === 'string' ? [id] : [];
    } catch {
      return []; // the record's own handling reports it
    }
  });
  return new Map((await getCases(ids)).map((c) => [c.id, c]));
}

export const handler = async (event: SQSEvent, context: Context) => {
  const cases = await casesOf(event);
  return processPartialResponse(event, (record: SQSRecord) => count(record, cases), processor, { context });
};
