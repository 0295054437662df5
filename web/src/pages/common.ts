import { localDate } from '../../../core/calendar.ts';
import { COLLECTIONS, isCaseType } from '../api.ts';

/** Where the console shows a case (a type it does not know as a registration, as before). */
export const caseHash = (type: string, id: string) => `#/case/${isCaseType(type) ? COLLECTIONS[type] : 'registrations'}/${id}`;

/** Solid tag colours, white text on them at WCAG AA contrast: late red, done green, waiting amber, else blue. */
export const TAG = { late: '#b91c1c', done: '#15803d', waiting: '#a16207', plain: '#1d4ed8' } as const;
export const stateTag = (state: string) => (state === 'overdue' ? TAG.late : ['registered', 'issued', 'completed', 'answered'].includes(state) ? TAG.done : state.startsWith('awaiting') ? TAG.waiting : TAG.plain);

/** An instant as a Shanghai wall-clock time, to the minute. */
export const localTime = (instant: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(instant));

/** Days from today (Asia/Shanghai) to a local date: negative when it has passed. */
export function daysLeft(date: string): number {
  const today = localDate(new Date());
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
