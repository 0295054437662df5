// Events leave liudong as CloudEvents 1.0 (structured JSON). The outbox stores them in this
// form, so every later consumer (inboxes, agency webhooks, peer deployments) reads one shape.
import { CloudEvent } from 'cloudevents';
import { EVENT_NAMESPACE, EVENT_VERSION } from '../../core/events.ts';
import { CASE_TYPES, type CaseType, type DomainEvent } from '../../core/workflows/engine.ts';
import { CASE_TYPE_NAMES, workingOffice } from '../../core/workflows/index.ts';

export const EVENT_TYPE_PREFIX = EVENT_NAMESPACE;

/** Where an event type's data schema is described: this API's catalogue (a URN where no API URL is known). */
const dataschema = (type: string) =>
  process.env.API_URL ? `${process.env.API_URL}/v1/events/schemas/${type}` : `urn:liudong:event-schema:${type}:${EVENT_VERSION}`;

export interface LiudongEventData {
  caseId: string;
  caseType: CaseType;
  originCode: string;
  destinationCode?: string;
  [key: string]: unknown;
}

export function toCloudEvent(event: DomainEvent): Record<string, unknown> {
  const cloudEvent = new CloudEvent<LiudongEventData>({
    specversion: '1.0',
    id: event.id,
    // The source is the deployment and the office that works the case.
    source: `/liudong/${process.env.DEPLOYMENT_NAME ?? 'local'}/jurisdictions/${workingOffice({ ...event, type: event.caseType })}`,
    type: `${EVENT_TYPE_PREFIX}${event.type}`,
    dataschema: dataschema(`${EVENT_TYPE_PREFIX}${event.type}`),
    subject: `${CASE_TYPE_NAMES[event.caseType].collection}/${event.caseId}`,
    time: event.time,
    datacontenttype: 'application/json',
    data: {
      ...event.data,
      caseId: event.caseId,
      caseType: event.caseType,
      originCode: event.originCode,
      ...(event.destinationCode ? { destinationCode: event.destinationCode } : {}),
    },
  });
  return cloudEvent.toJSON() as Record<string, unknown>;
}

/** Validates a structured CloudEvent and returns it as the core's event. */
export function fromCloudEvent(json: unknown): DomainEvent {
  const cloudEvent = new CloudEvent<LiudongEventData>(json as CloudEvent<LiudongEventData>, true);
  const data = cloudEvent.data;
  // Events from before case types existed were all about registrations.
  if (data && data.caseType === undefined) data.caseType = 'registration';
  if (!cloudEvent.type.startsWith(EVENT_TYPE_PREFIX) || !data || !cloudEvent.time || !(CASE_TYPES as readonly string[]).includes(data.caseType)) {
    throw new Error(`not a liudong event: ${cloudEvent.id}`);
  }
  return {
    id: cloudEvent.id,
    type: cloudEvent.type.slice(EVENT_TYPE_PREFIX.length),
    caseId: data.caseId,
    caseType: data.caseType,
    time: cloudEvent.time,
    originCode: data.originCode,
    ...(data.destinationCode ? { destinationCode: data.destinationCode } : {}),
    data,
  };
}

/** The CloudEvent announcing a published report: about a jurisdiction, not a case. */
export function reportCloudEvent(report: { id: string; jurisdiction: string; period: string; version: number; corrects?: number; provisional: boolean; rates: unknown[]; publishedAt: string }, eventId: string) {
  const type = `${EVENT_TYPE_PREFIX}report.published`;
  return new CloudEvent({
    specversion: '1.0',
    id: eventId,
    source: `/liudong/${process.env.DEPLOYMENT_NAME ?? 'local'}/jurisdictions/${report.jurisdiction}`,
    type,
    dataschema: dataschema(type),
    subject: `reports/${report.id}`,
    time: report.publishedAt,
    datacontenttype: 'application/json',
    data: {
      reportId: report.id,
      jurisdiction: report.jurisdiction,
      originCode: report.jurisdiction,
      period: report.period,
      version: report.version,
      ...(report.corrects !== undefined ? { corrects: report.corrects } : {}),
      provisional: report.provisional,
      rates: report.rates,
      links: { json: `/v1/reports/${report.id}`, csv: `/v1/reports/${report.id}?format=csv` },
    },
  }).toJSON() as Record<string, unknown>;
}
