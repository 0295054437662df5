// Filing an event's notices in the inboxes it concerns, each to be acknowledged by the receiving
// office's deadline (policy noticeAcknowledgement). Only this deployment's inboxes: a peer files
// its own. Idempotent (one notice per event and inbox), so redelivery is harmless.
import { localDate } from '../../core/calendar.ts';
import { isOurs, parsePrefixes } from '../../core/federation.ts';
import { type Notice, noticesFor } from '../../core/notices.ts';
import { membershipsOf } from '../../core/statistics/measures.ts';
import { type Deadline, type DomainEvent, startDeadline } from '../../core/workflows/engine.ts';
import { logger } from './observability.ts';
import { noticeSubject } from './store/keys.ts';
import { fileNotice, getNotice } from './store/notices.ts';
import { countingItems, recount } from './store/statistics.ts';
import { policyFor } from './store/reference.ts';

/** This deployment's jurisdiction prefixes (`DEPLOYMENT_PREFIXES`, e.g. `11`); none: all of them. */
export const deploymentPrefixes = () => parsePrefixes(process.env.DEPLOYMENT_PREFIXES);

/** What the statistics count a notice as, and the counters it belongs in as it stands. */
const noticeCounting = (notice: Notice) =>
  [{ id: noticeSubject(notice.jurisdiction, notice.eventId), caseType: 'notice', caseId: notice.caseId }, membershipsOf({ ...notice, type: 'notice' })] as const;

/** A deadline without its provisional mark. */
const final = ({ provisional: _provisional, awaiting: _awaiting, ...deadline }: Deadline): Deadline => deadline;

/** Counts an inbox notice for the statistics as it stands (received; acknowledged in time). */
export async function countNotice(notice: Notice | undefined): Promise<void> {
  if (!notice) return;
  await recount(...noticeCounting(notice));
}

/** Files an event's notices in this deployment's inboxes; how many it has here (filed now or by an earlier delivery). */
export async function fileEventNotices(event: DomainEvent): Promise<number> {
  let filed = 0;
  for (const notice of noticesFor(event).filter((n) => isOurs(n.jurisdiction, deploymentPrefixes()))) {
    // Each inbox acknowledges by its own policy's deadline, counted from the event.
    const started = startDeadline('noticeAcknowledgement', localDate(new Date(event.time)), await policyFor(notice.jurisdiction), { at: event.time, version: 1 });
    // An inbox's few working days are not counted again when a holiday notice comes: never provisional.
    const filing = { ...notice, ...(started ? { acknowledgeBy: final(started) } : {}) };
    // Filed and counted in one transaction; a redelivered event recounts the notice as stored (it may have been acknowledged since).
    const [subject, memberships] = noticeCounting(filing);
    const outcome = await fileNotice(filing, countingItems(subject, new Map(), memberships).items);
    filed++;
    if (outcome !== 'filed') await countNotice(await getNotice(notice.jurisdiction, notice.eventId));
    logger.info('notice', { outcome, eventId: event.id, type: event.type, jurisdiction: notice.jurisdiction });
  }
  return filed;
}
