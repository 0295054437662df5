// The event catalogue: every event type and the JSON Schema of its data.
import { z } from 'zod';
import { CASE_TYPES } from '../workflows/engine.ts';

export const EventCatalogueEntry = z
  .object({
    type: z.string(),
    version: z.number().int(),
    caseType: z.enum(CASE_TYPES),
    description: z.string(),
    notifies: z.array(z.string()),
    personal: z.array(z.string()),
    schema: z.record(z.string(), z.unknown()).meta({ description: 'JSON Schema of the event data' }),
  })
  .meta({ id: 'EventType' });
export const EventCatalogue = z.object({ items: z.array(EventCatalogueEntry) }).meta({ id: 'EventCatalogue' });
export const EventSchemaParams = z.strictObject({ type: z.string().min(1).max(120) });
