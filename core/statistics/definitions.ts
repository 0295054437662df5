// Each completeness rate's definition: what is counted, which date places a case in a period,
// what counts as on time. Supervisors are judged by these; every figure must be explainable, so
// the definitions are served as they are (GET /v1/statistics/definitions).
import { DEFAULT_POLICY } from '../policy.ts';
import type { Measure } from './measures.ts';

/** One completeness rate: numerator over denominator, judged against a target (policy, default 95%). */
export interface RateDefinition {
  id: string;
  name: string;
  /** The name on the Chinese bulletin. */
  nameZh: string;
  /** What the denominator counts: every case whose placing date falls in the period. */
  denominator: string;
  /** Which of those count as done. */
  numerator: string;
  /** The date that puts a case in a period. */
  placedBy: string;
  /** What "on time" means for it. */
  onTime: string;
  /** The counters it is read from: its numerator and denominator, by measure (MEASURES). */
  counts: { numerator: Measure; denominator: Measure };
}

export const RATE_DEFINITIONS: readonly RateDefinition[] = [
  {
    id: 'registeredOnTime',
    name: 'Registered on time',
    nameZh: '按时登记率',
    denominator: 'every registration whose registration deadline fell in the period, whatever became of it (registered, still open, overdue, refused, departed): the unregistered are never left out; only a group member withdrawn because they never arrived owed nothing',
    numerator: 'those verified on or before their deadline',
    placedBy: 'the registration deadline (arrival + the policy period)',
    onTime: 'verified at or before the end of the deadline day (Asia/Shanghai)',
    counts: { numerator: 'registeredOnTime', denominator: 'registrationsDue' },
  },
  {
    id: 'certificatesProcessedInTime',
    name: 'Origin certificates processed in time',
    nameZh: '原籍证明按时办理率',
    denominator: 'every origin certificate application whose processing deadline fell in the period',
    numerator: 'those issued or rejected on or before the deadline',
    placedBy: 'the processing deadline (application + the policy period)',
    onTime: 'issued or rejected at or before the end of the deadline day',
    counts: { numerator: 'certificatesInTime', denominator: 'certificatesDue' },
  },
  {
    id: 'verificationCertificatesIssued',
    name: 'Verification certificates issued',
    nameZh: '核验证明发放率',
    denominator: 'every registration reported in the period',
    numerator: 'those verified (a verification certificate issued), at any time so far',
    placedBy: 'the day the arrival was reported',
    onTime: 'not a deadline rate: issued at all',
    counts: { numerator: 'reportedVerified', denominator: 'reported' },
  },
  {
    id: 'reviewsOnTime',
    name: 'Residence reviews done on time',
    nameZh: '居住复核按时完成率',
    denominator: 'every residence review that fell due in the period (one cancelled before it was due, because the person left, never fell due)',
    numerator: 'those completed (confirmed by the person or by a visit) on or before they were due',
    placedBy: 'the day the review was due',
    onTime: 'completed at or before the end of the due day',
    counts: { numerator: 'reviewsOnTime', denominator: 'reviewsDue' },
  },
  {
    id: 'noticesAcknowledgedInTime',
    name: 'Notices acknowledged in time',
    nameZh: '通报按时签收率',
    denominator: 'every notice filed in an office inbox in the period that is owed an acknowledgement',
    numerator: 'those acknowledged by their acknowledgement deadline',
    placedBy: 'the day the notice was filed',
    onTime: 'acknowledged at or before the end of the acknowledgement deadline day',
    counts: { numerator: 'noticesAcknowledgedInTime', denominator: 'noticesReceived' },
  },
  {
    id: 'appealsDecidedInTime',
    name: 'Appeals decided in time',
    nameZh: '申诉按时办结率',
    denominator: 'every appeal whose decision deadline fell in the period',
    numerator: 'those decided (upheld or reversed) on or before the deadline',
    placedBy: 'the appeal decision deadline',
    onTime: 'decided at or before the end of the deadline day',
    counts: { numerator: 'appealsDecidedInTime', denominator: 'appealsDue' },
  },
];

/** The target a rate is judged against when policy names none (policy `completenessTarget`). */
export const DEFAULT_TARGET = DEFAULT_POLICY.completenessTarget;
