// Which office inboxes an event lands in. One row per event type; a type not listed
// notifies nobody (the person-facing events of later workflows).
import { countyOf } from './jurisdiction.ts';
import type { DomainEvent } from './workflows/registration.ts';

export type Recipient = 'origin' | 'destination' | 'destination_county';

export const NOTICE_ROUTES: Record<string, readonly Recipient[]> = {
  // The origin keeps track of its outflow (County plan) and learns of each registration.
  'registration.reported': ['origin'],
  'registration.verified': ['origin'],
  // A missed deadline escalates to the county above the destination office.
  'registration.overdue': ['destination', 'destination_county'],
};

/** An event as filed in one jurisdiction's inbox. */
export type Notice = Omit<DomainEvent, 'id'> & { jurisdiction: string; eventId: string };

export function noticesFor(event: DomainEvent): Notice[] {
  const codes = (NOTICE_ROUTES[event.type] ?? []).map((recipient) => {
    switch (recipient) {
      case 'origin':
        return event.originCode;
      case 'destination':
        return event.destinationCode;
      case 'destination_county':
        return countyOf(event.destinationCode);
    }
  });
  const { id: eventId, ...rest } = event;
  return [...new Set(codes.filter((c): c is string => c !== undefined))].map((jurisdiction) => ({
    jurisdiction,
    eventId,
    ...rest,
  }));
}
