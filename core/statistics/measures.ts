// The counters kept per jurisdiction (township) and local day, and which of them a case or an
// inbox notice is in.
import { localDate } from '../calendar.ts';
import type { Notice } from '../notices.ts';
import { type Case, workingOffice } from '../workflows/index.ts';
import { RATE_DEFINITIONS } from './definitions.ts';

/** Every counter, with the cases it counts and the date that places a case in it. */
export const MEASURE_IDS = [
  'reported',
  'registrationsDue',
  'registeredOnTime',
  'registered',
  'reportedVerified',
  'departures',
  'certificatesApplied',
  'certificatesDue',
  'certificatesInTime',
  'certificatesOverdue',
  'reviewsDue',
  'reviewsOnTime',
  'noticesReceived',
  'noticesAcknowledgedInTime',
  'appealsOpened',
  'appealsDue',
  'appealsDecidedInTime',
] as const;
export type Measure = (typeof MEASURE_IDS)[number];

/** What a case is counted from: its type, dates and marks (the first due date of each deadline kind, the first time of each action). */
type Subject = Case | ({ type: 'notice' } & Notice);

interface MeasureSpec {
  id: Measure;
  caseType: Case['type'] | 'notice';
  counts: string;
  placedBy: string;
  /** The local day that places the subject in this counter, or undefined when it is not counted. */
  place(s: never): string | undefined;
}

const dayOf = (instant: string | undefined) => (instant ? localDate(new Date(instant)) : undefined);
/** The first date a deadline of this kind fell due (a case from before marks were kept: its running deadline). */
const dueOf = (c: Case, kind: string): string | undefined =>
  (c.marks?.due as Record<string, string> | undefined)?.[kind] ?? (c.deadline?.kind === kind ? c.deadline.date : undefined);
/** The local day an action (any of several) was first taken. */
const takenOn = (c: Case, ...actions: string[]): string | undefined =>
  actions.map((a) => dayOf(c.marks?.taken[a])).filter((d): d is string => d !== undefined).sort()[0];
/** The day a registration was verified (a case from before marks: its certificate's first day). */
const verifiedOn = (c: Case & { type: 'registration' }) => takenOn(c, 'verify') ?? c.verificationCertificate?.validFrom;
const inTime = (done: string | undefined, due: string | undefined) => done !== undefined && due !== undefined && done <= due;
/** A group member withdrawn because they never arrived owed no registration. */
const owed = (c: Case) => takenOn(c, 'withdraw') === undefined;

type Reg = Case & { type: 'registration' };
type Cert = Case & { type: 'origin_certificate' };
type Rev = Case & { type: 'review' };
type App = Case & { type: 'appeal' };
type Note = { type: 'notice' } & Notice;

export const MEASURES: readonly MeasureSpec[] = [
  { id: 'reported', caseType: 'registration', counts: 'arrivals reported (and transfers opened)', placedBy: 'the day reported', place: (c: Reg) => dayOf(c.createdAt) },
  {
    id: 'registrationsDue',
    caseType: 'registration',
    counts: 'registrations owed, whatever became of them',
    placedBy: 'the registration deadline',
    place: (c: Reg) => (owed(c) ? dueOf(c, 'registration') : undefined),
  },
  {
    id: 'registeredOnTime',
    caseType: 'registration',
    counts: 'registrations verified on or before their deadline',
    placedBy: 'the registration deadline',
    place: (c: Reg) => (owed(c) && inTime(verifiedOn(c), dueOf(c, 'registration')) ? dueOf(c, 'registration') : undefined),
  },
  { id: 'registered', caseType: 'registration', counts: 'registrations verified (a verification certificate issued)', placedBy: 'the day verified', place: (c: Reg) => verifiedOn(c) },
  {
    id: 'reportedVerified',
    caseType: 'registration',
    counts: 'arrivals reported that were verified, at any time so far',
    placedBy: 'the day reported',
    place: (c: Reg) => (verifiedOn(c) ? dayOf(c.createdAt) : undefined),
  },
  { id: 'departures', caseType: 'registration', counts: 'departures', placedBy: 'the departure date', place: (c: Reg) => c.departure?.date },
  { id: 'certificatesApplied', caseType: 'origin_certificate', counts: 'origin certificate applications', placedBy: 'the day applied', place: (c: Cert) => dayOf(c.createdAt) },
  {
    id: 'certificatesDue',
    caseType: 'origin_certificate',
    counts: 'applications owed a decision',
    placedBy: 'the processing deadline',
    place: (c: Cert) => dueOf(c, 'originCertificateProcessing'),
  },
  {
    id: 'certificatesInTime',
    caseType: 'origin_certificate',
    counts: 'applications issued or rejected on or before the deadline',
    placedBy: 'the processing deadline',
    place: (c: Cert) => (inTime(takenOn(c, 'issue', 'reject'), dueOf(c, 'originCertificateProcessing')) ? dueOf(c, 'originCertificateProcessing') : undefined),
  },
  {
    id: 'certificatesOverdue',
    caseType: 'origin_certificate',
    counts: 'applications that passed their deadline undecided (decided late, or not yet)',
    placedBy: 'the processing deadline',
    place: (c: Cert) => {
      const due = dueOf(c, 'originCertificateProcessing');
      const decided = takenOn(c, 'issue', 'reject');
      return due !== undefined && (takenOn(c, 'expire') !== undefined || (decided !== undefined && decided > due)) ? due : undefined;
    },
  },
  {
    id: 'reviewsDue',
    caseType: 'review',
    counts: 'residence reviews that fell due (not those cancelled before, when the person left)',
    placedBy: 'the day due',
    place: (c: Rev) => {
      const due = dueOf(c, 'review');
      const cancelled = takenOn(c, 'cancel');
      return due !== undefined && !(cancelled !== undefined && cancelled <= due) ? due : undefined;
    },
  },
  {
    id: 'reviewsOnTime',
    caseType: 'review',
    counts: 'reviews completed (confirmed or visited) on or before the day due',
    placedBy: 'the day due',
    place: (c: Rev) => (inTime(takenOn(c, 'confirm', 'record_visit'), dueOf(c, 'review')) ? dueOf(c, 'review') : undefined),
  },
  {
    id: 'noticesReceived',
    caseType: 'notice',
    counts: 'notices filed in an inbox that are owed an acknowledgement',
    placedBy: 'the day filed',
    place: (n: Note) => (n.acknowledgeBy ? dayOf(n.time) : undefined),
  },
  {
    id: 'noticesAcknowledgedInTime',
    caseType: 'notice',
    counts: 'those acknowledged by their acknowledgement deadline',
    placedBy: 'the day filed',
    place: (n: Note) => (n.acknowledgeBy && n.acknowledged && n.acknowledged.at <= n.acknowledgeBy.dueAt ? dayOf(n.time) : undefined),
  },
  { id: 'appealsOpened', caseType: 'appeal', counts: 'appeals lodged', placedBy: 'the day lodged', place: (c: App) => dayOf(c.createdAt) },
  { id: 'appealsDue', caseType: 'appeal', counts: 'appeals owed a decision', placedBy: 'the decision deadline', place: (c: App) => dueOf(c, 'appealDecision') },
  {
    id: 'appealsDecidedInTime',
    caseType: 'appeal',
    counts: 'appeals decided (upheld or reversed) on or before the deadline',
    placedBy: 'the decision deadline',
    place: (c: App) => (inTime(takenOn(c, 'decide'), dueOf(c, 'appealDecision')) ? dueOf(c, 'appealDecision') : undefined),
  },
];

/** Changes an office's own accounts made to its cases, one per event: its update frequency. Counted from the events, not from a case. */
export const OFFICE_UPDATES = 'officeUpdates';

/** The township a subject is counted under: the working office's (a community's township), or the inbox's. */
export const countedUnder = (s: Subject): string => (s.type === 'notice' ? s.jurisdiction : workingOffice(s)).slice(0, 9);

/**
 * Counter rows are kept per township (or inbox) and, summed, per county: a county, prefecture or
 * province reads the county rows (at most a few hundred a day), a township its own.
 */
export const ROLLUP_LENGTH = 6;
export const rollupOf = (code: string) => code.slice(0, ROLLUP_LENGTH);
/** Which rows a query of `jurisdiction` reads: the county sums above a township, the township's own at it. */
export const readsRollups = (jurisdiction: string) => jurisdiction.length <= ROLLUP_LENGTH;

/** One subject's place in one counter; a denominator's also says whether it is in the rate's numerator. */
export interface Membership {
  measure: Measure;
  code: string;
  day: string;
  inNumerator?: boolean;
}

const NUMERATOR_OF = new Map(RATE_DEFINITIONS.map((r) => [r.counts.denominator, r.counts.numerator]));

/** Every counter a case (or an inbox notice) is in now: what the counters must hold for it. */
export function membershipsOf(s: Subject): Membership[] {
  const code = countedUnder(s);
  const placed = new Map<Measure, string>();
  for (const m of MEASURES) {
    if (m.caseType !== s.type) continue;
    const day = (m.place as (x: Subject) => string | undefined)(s);
    if (day !== undefined) placed.set(m.id, day);
  }
  return [...placed].map(([measure, day]) => {
    const numerator = NUMERATOR_OF.get(measure);
    return { measure, code, day, ...(numerator ? { inNumerator: placed.has(numerator) } : {}) };
  });
}
