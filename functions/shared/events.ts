// Events leave liudong as CloudEvents 1.0 (structured JSON). The outbox stores them in this
// form, so every later consumer (inboxes, agency webhooks, peer deployments) reads one shape.
import { CloudEvent } from 'cloudevents';
import type { DomainEvent } from '../../core/workflows/registration.ts';

export const EVENT_TYPE_PREFIX = 'cn.liudong.';

export interface LiudongEventData {
  caseId: string;
  originCode: string;
  destinationCode: string;
  [key: string]: unknown;
}

export function toCloudEvent(event: DomainEvent): Record<string, unknown> {
  const cloudEvent = new CloudEvent<LiudongEventData>({
    specversion: '1.0',
    id: event.id,
    source: `/liudong/jurisdictions/${event.destinationCode}`,
    type: `${EVENT_TYPE_PREFIX}${event.type}`,
    subject: `registrations/${event.caseId}`,
    time: event.time,
    datacontenttype: 'application/json',
    data: { ...event.data, caseId: event.caseId, originCode: event.originCode, destinationCode: event.destinationCode },
  });
  return cloudEvent.toJSON() as Record<string, unknown>;
}

/** Validates a structured CloudEvent and returns it as the core's event. */
export function fromCloudEvent(json: unknown): DomainEvent {
  const cloudEvent = new CloudEvent<LiudongEventData>(json as CloudEvent<LiudongEventData>, true);
  const data = cloudEvent.data;
  if (!cloudEvent.type.startsWith(EVENT_TYPE_PREFIX) || !data || !cloudEvent.time) {
    throw new Error(`not a liudong event: ${cloudEvent.id}`);
  }
  return {
    id: cloudEvent.id,
    type: cloudEvent.type.slice(EVENT_TYPE_PREFIX.length),
    caseId: data.caseId,
    time: cloudEvent.time,
    originCode: data.originCode,
    destinationCode: data.destinationCode,
    data,
  };
}
