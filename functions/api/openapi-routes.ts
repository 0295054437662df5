// The routes of functions/api/openapi.ts: what describes the API, public so clients, agencies and the console can discover it.
import { EventCatalogue, EventCatalogueEntry, EventSchemaParams } from '../../core/schemas/event-catalogue.ts';
import { declare } from '../../core/routes.ts';

const DESCRIPTION = { purpose: 'API description', public: true, roles: {}, function: 'openapi' } as const;

export const openApi = declare({
  ...DESCRIPTION,
  method: 'GET',
  path: '/v1/openapi.json',
  summary: 'This document',
  answers: { 200: { description: 'OpenAPI 3.1 document' } },
  errors: [],
});

export const eventCatalogue = declare({
  ...DESCRIPTION,
  method: 'GET',
  path: '/v1/events/schemas',
  summary: 'The event catalogue: every CloudEvents type with its version, the offices it notifies, its personal fields and the JSON Schema of its data',
  answers: { 200: { description: 'The catalogue', schema: EventCatalogue } },
  errors: [],
});

export const eventSchema = declare({
  ...DESCRIPTION,
  method: 'GET',
  path: '/v1/events/schemas/{type}',
  summary: "One event type's entry in the catalogue (what a CloudEvent's `dataschema` points at)",
  params: EventSchemaParams,
  answers: { 200: { description: 'The event type', schema: EventCatalogueEntry } },
  errors: [404],
});

export const routes = [openApi, eventCatalogue, eventSchema];
