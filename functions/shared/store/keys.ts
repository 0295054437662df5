// Every key of every table, and every index key, is built here and nowhere else; KEYS at the end
// describes them, and docs/ARCHITECTURE.md's key tables are generated from it (npm run keys:docs;
// tests/unit/keys.test.ts fails when they are stale, or when a builder no longer makes what its
// row says). Keys hold blind indexes, never an ID number: callers pass the index in.
import { createHash } from 'node:crypto';

type Key = { pk: string; sk: string };

/** A number padded so that sort keys sort in its order. */
const padded = (n: number, width: number) => String(n).padStart(width, '0');

/** The end of a key range that takes in every `<value>#…` key: `~` sorts after the characters keys use. */
export const rangeEnd = (value: string) => `${value}#~`;

// ---- The cases table

export const DEADLINE_SHARDS = 8;
/** The shard of the deadline and retention indexes an id falls in. */
export const shardOf = (id: string) => createHash('sha256').update(id).digest()[0]! % DEADLINE_SHARDS;

export const casePartition = (id: string) => `CASE#${id}`;
export const caseKey = (id: string): Key => ({ pk: casePartition(id), sk: 'CASE' });
/** What a cursor over cases may hold. */
export const CASE_PK = /^CASE#[0-9a-f-]{36}$/;
export const CASE_SK = 'CASE';

/** A case's history entries; `historyPrefix(at)` begins the sort keys of the entries at that instant. */
export const historyPrefix = (at = '') => `HISTORY#${at}` as `HISTORY#${string}`;
export const historyKey = (caseId: string, at: string, version: number): Key => ({ pk: casePartition(caseId), sk: `${historyPrefix(at)}#${padded(version, 6)}` });

/** The outbox row of a case's event: the stream relays it, TTL removes it. */
export const outboxKey = (caseId: string, eventId: string): Key => ({ pk: casePartition(caseId), sk: `EVENT#${eventId}` });
/** The outbox row of a published report's event (its `caseId` is the report's id). */
export const reportOutboxKey = (jurisdiction: string, eventId: string): Key => ({ pk: reportPartition(jurisdiction), sk: `EVENT#${eventId}` });

export const DECISION_PREFIX = 'DECISION#';
export const decisionKey = (caseId: string, at: string, id: string): Key => ({ pk: casePartition(caseId), sk: `${DECISION_PREFIX}${at}#${id}` });

export const MESSAGE_PREFIX = 'MESSAGE#';
export const messageKey = (caseId: string, id: string): Key => ({ pk: casePartition(caseId), sk: `${MESSAGE_PREFIX}${id}` });
export const MESSAGE_SK = /^MESSAGE#[0-9a-f-]+$/;

/** The registration's duplicate guard, by the blind index of person, destination and arrival date. */
export const dedupeKey = (arrivalIndex: string): Key => ({ pk: `DEDUPE#${arrivalIndex}`, sk: 'REGISTRATION' });
export const certificateKey = (number: string): Key => ({ pk: `CERT#${number}`, sk: 'CERTIFICATE' });
/** A guard that lets something happen once. */
export const onceKey = (key: string): Key => ({ pk: `ONCE#${key}`, sk: 'ONCE' });
/** The once-guard's key of an appeal against one decision (the history entry at `at`). */
export const appealOnce = (caseId: string, at: string) => `APPEAL#${caseId}#${at}`;

export const provisionalPartition = (shard: number) => `PROVISIONAL#${shard}`;
export const provisionalKey = (caseId: string): Key => ({ pk: provisionalPartition(shardOf(caseId)), sk: caseId });

export const rateKey = (caller: string, window: number): Key => ({ pk: `RATE#${caller}`, sk: `WINDOW#${window}` });

export const inboxPartition = (code: string) => `INBOX#${code}`;
export const NOTICE_PREFIX = 'NOTICE#';
/** A notice's sort key, or (with only `time`) a bound of a range of them. */
export const noticeSortKey = (time: string, eventId?: string) => `${NOTICE_PREFIX}${time}${eventId === undefined ? '' : `#${eventId}`}`;
export const noticeKey = (code: string, time: string, eventId: string): Key => ({ pk: inboxPartition(code), sk: noticeSortKey(time, eventId) });
/** Beside each notice, a row pointing at it, so it is found by its event id. */
export const noticePointerKey = (code: string, eventId: string): Key => ({ pk: inboxPartition(code), sk: `EVENT#${eventId}` });
export const NOTICE_SK = /^NOTICE#\d{4}-\d{2}-\d{2}T[^#]+#.+$/;

export const jurisdictionKey = (code: string): Key => ({ pk: `JURISDICTION#${code}`, sk: 'JURISDICTION' });
/** A parent's list of children; the provinces are the children of '' (the root). */
export const childrenPartition = (parent: string) => `CHILDREN#${parent}`;
export const childKey = (parent: string, code: string): Key => ({ pk: childrenPartition(parent), sk: code });
export const policyKey = (prefix: string): Key => ({ pk: `POLICY#${prefix}`, sk: 'POLICY' });
export const CALENDAR_PARTITION = 'CALENDAR';
export const calendarKey = (year: number): Key => ({ pk: CALENDAR_PARTITION, sk: String(year) });

const importPartition = (id: string) => `IMPORT#${id}`;
export const importKey = (id: string): Key => ({ pk: importPartition(id), sk: 'IMPORT' });
export const importChunkKey = (id: string, chunk: number): Key => ({ pk: importPartition(id), sk: `CHUNK#${padded(chunk, 6)}` });
export const IMPORT_ERROR_PREFIX = 'ERROR#';
export const importErrorKey = (id: string, row: number): Key => ({ pk: importPartition(id), sk: `${IMPORT_ERROR_PREFIX}${padded(row, 7)}` });
export const importErrorsPartition = importPartition;
export const IMPORT_ERROR_SK = /^ERROR#\d{7}$/;

/** What a deadline stage did, by a key naming the case, the deadline and the stage. */
export const stageKey = (id: string): Key => ({ pk: `STAGE#${id}`, sk: 'STAGE' });

// ---- The cases table's indexes

/** gsi1, the deadline index: an item at the instant it is next due, in its id's shard. */
export const duePartition = (shard: number) => `DUE#${shard}`;
export const dueIndex = (shardId: string, at: string, ...rest: string[]) => ({ gsi1pk: duePartition(shardOf(shardId)), gsi1sk: [at, ...rest].join('#') });

/** The levels that have a list index; a 12-digit community is served by the township's index. */
export const SCOPE_LEVELS = [2, 4, 6, 9] as const;
/** `scope<n>` (and, while overdue, `overdue<n>`): the working office's prefix at each level. */
export function scopeIndexes(office: string, overdue: boolean): Record<string, string> {
  const levels = SCOPE_LEVELS.filter((l) => office.length >= l);
  const scopes = Object.fromEntries(levels.map((l) => [`scope${l}`, office.slice(0, l)]));
  return overdue ? { ...scopes, ...Object.fromEntries(levels.map((l) => [`overdue${l}`, office.slice(0, l)])) } : scopes;
}
/** The sort key of the list indexes (scope, overdue, owner, person): newest activity first. */
export const activity = (updatedAt: string, id: string) => `${updatedAt}#${id}`;
export const ACTIVITY = /^\d{4}-\d{2}-\d{2}T[0-9:.]+Z#[0-9a-f-]{36}$/;

/** owner: a person's own cases, or the requests an office sent. */
export const personOwner = (sub: string) => `SUB#${sub}`;
export const officeOwner = (code: string) => `OFFICE#${code}`;
/** person: every case about a person, by the blind index of the ID number (also their audit partition). */
export const personPartition = (idIndex: string) => `PERSON#${idIndex}`;
/** retention: closed cases still holding personal data, by shard. */
export const retainPartition = (shard: number) => `RETAIN#${shard}`;
export const retainShard = (caseId: string) => retainPartition(shardOf(caseId));

// ---- The deliveries table

export const SUBSCRIPTIONS_PARTITION = 'SUBSCRIPTIONS';
export const subscriptionKey = (id: string): Key => ({ pk: SUBSCRIPTIONS_PARTITION, sk: `SUB#${id}` });
export const SUBSCRIPTION_SK = /^SUB#(sub|peer)_[0-9a-z-]+$/;
export const subscriptionPartition = (id: string) => `SUBSCRIPTION#${id}`;
export const DELIVERY_PREFIX = 'DELIVERY#';
/** A delivery's sort key, or (with only `eventTime`) a bound of a range of them. */
export const deliverySortKey = (eventTime: string, eventId?: string) => `${DELIVERY_PREFIX}${eventTime}${eventId === undefined ? '' : `#${eventId}`}`;
export const deliveryKey = (subscriptionId: string, sk: string): Key => ({ pk: subscriptionPartition(subscriptionId), sk });
export const DELIVERY_SK = /^DELIVERY#[^#]+#[^#]+$/;
export const deliveryPointerKey = (subscriptionId: string, eventId: string): Key => ({ pk: subscriptionPartition(subscriptionId), sk: `EVENT#${eventId}` });
export const LANE_PREFIX = 'LANE#';
export const laneKey = (subscriptionId: string, caseId: string): Key => ({ pk: subscriptionPartition(subscriptionId), sk: `${LANE_PREFIX}${caseId}` });

// ---- The audit table

/** An access to a case about nobody (a group) is filed under the case; one about a person under `personPartition`. */
export const auditCasePartition = casePartition;
export const auditListPartition = (id: string) => `LIST#${id}`;
export const auditSortKey = (at: string, id: string) => `${at}#${id}`;
export const AUDIT_PK = /^(PERSON|CASE|LIST)#[0-9a-zA-Z-]+$/;
export const AUDIT_SK = /^\d{4}-\d{2}-\d{2}T[0-9:.]+Z#[0-9a-f-]{36}$/;
/** actor: what one user accessed. */
export const actorKey = (sub: string) => `SUB#${sub}`;

// ---- The statistics table

/** A township's (or inbox's) counter row, or a county's sum of them. */
export type CounterKind = 'COUNT' | 'ROLLUP';
export const counterKey = (code: string, day: string, kind: CounterKind = 'COUNT'): Key => ({ pk: `${kind}#${code}`, sk: day });
/** A counted subject: a case (its id), or an inbox notice. */
export const noticeSubject = (inbox: string, eventId: string) => `NOTICE#${inbox}#${eventId}`;
/** The inbox and event id of a notice's subject; undefined for a case's. */
export function noticeOfSubject(subject: string): { inbox: string; eventId: string } | undefined {
  const found = /^NOTICE#(\d+)#(.+)$/.exec(subject);
  return found ? { inbox: found[1]!, eventId: found[2]! } : undefined;
}
export const factPartition = (subject: string) => `FACT#${subject}`;
export const factKey = (subject: string, measure: string): Key => ({ pk: factPartition(subject), sk: measure });
export const FACT_PK = /^FACT#.+$/;
/** An event counted once for what it names (`officeUpdates`). */
export const seenKey = (eventId: string, counted: string): Key => ({ pk: `SEEN#${eventId}`, sk: counted });
export const reportPartition = (jurisdiction: string) => `REPORT#${jurisdiction}`;
/** The beginning of the sort keys of one period's reports. */
export const reportPeriodPrefix = (period: string) => `${period}#`;
export const reportKey = (jurisdiction: string, period: string, version: number): Key => ({ pk: reportPartition(jurisdiction), sk: `${reportPeriodPrefix(period)}v${padded(version, 4)}` });
export const REPORT_SK = /^[0-9A-Q-]+#v\d{4}$/;
export const reconciliationKey = (jurisdiction: string, period: string, at: string): Key => ({ pk: `RECONCILIATION#${jurisdiction}`, sk: `${period}#${at}` });

// ---- The statistics table's indexes

export const STATISTICS_LEVELS = [2, 4, 6, 9] as const;
/** The partition of a level index holding a kind of counter row under a prefix: `C#1101`, `R#11`. */
export const counterLevel = (kind: CounterKind, prefix: string) => `${kind === 'COUNT' ? 'C' : 'R'}#${prefix}`;
/** The partition of a level index holding a measure's memberships under a prefix: `M#reported#110105`. */
export const membershipLevel = (measure: string, prefix: string) => `M#${measure}#${prefix}`;
const levels = (partition: (prefix: string) => string, code: string) =>
  Object.fromEntries(STATISTICS_LEVELS.filter((n) => n <= code.length).map((n) => [`level${n}`, partition(code.slice(0, n))]));
/** `level<n>` of a counter row: under every prefix of its code. */
export const counterLevels = (kind: CounterKind, code: string) => levels((prefix) => counterLevel(kind, prefix), code);
/** `level<n>` of a membership: under every prefix of its counter's code. */
export const membershipLevels = (measure: string, code: string) => levels((prefix) => membershipLevel(measure, prefix), code);
/** The level indexes' sort key: the local day, then the counter's code or the subject. */
export const placed = (day: string, what: string) => `${day}#${what}`;
export const PLACED = /^\d{4}-\d{2}-\d{2}#.+$/;

// ---- What is where (docs/ARCHITECTURE.md)

export type KeyTable = 'cases' | 'deliveries' | 'audit' | 'statistics';

export interface KeyRow {
  table: KeyTable;
  /** The index whose key this is; absent for the table's own. */
  index?: string;
  pk: string;
  sk: string;
  item: string;
  /** A key made by this row's builders: tests/unit/keys.test.ts checks it has the row's shape. */
  built: Key;
}

const ID = '0b0a3c1e-6a53-4c1f-9a87-0d1f3a5e7c21';
const AT = '2026-03-02T01:02:03.000Z';
const index = (attributes: Record<string, string>, pk: string, sk: string): Key => ({ pk: attributes[pk]!, sk: attributes[sk]! });

export const KEYS: readonly KeyRow[] = [
  {
    table: 'cases',
    pk: 'CASE#<id>',
    sk: 'CASE',
    item: 'the case, of any `type` (registration, origin certificate, review, assistance request, appeal, group), with the attributes of the indexes that find it; ID and phone numbers masked, the full values in `sealed` (AES-256-GCM, key id and wrapped data key on each)',
    built: caseKey(ID),
  },
  { table: 'cases', pk: 'CASE#<id>', sk: 'HISTORY#<at>#<version>', item: 'one per action: who (sub, role, office), from, to, reason or note', built: historyKey(ID, AT, 3) },
  { table: 'cases', pk: 'CASE#<id>', sk: 'EVENT#<eventId>', item: 'outbox: a structured CloudEvent, removed by TTL after 7 days', built: outboxKey(ID, ID) },
  { table: 'cases', pk: 'CASE#<id>', sk: 'DECISION#<at>#<id>', item: "an agency's decision against the case's certificate", built: decisionKey(ID, AT, ID) },
  { table: 'cases', pk: 'CASE#<id>', sk: 'MESSAGE#<id>', item: 'an SMS or e-mail to the person: recipient masked, sealed (`sealed.to`) and blind-indexed', built: messageKey(ID, ID) },
  {
    table: 'cases',
    pk: 'DEDUPE#<blind index>',
    sk: 'REGISTRATION',
    item: 'guards against reporting the same arrival twice (HMAC of ID number, destination, arrival date)',
    built: dedupeKey('q2Xw'),
  },
  {
    table: 'cases',
    pk: 'CERT#<number>',
    sk: 'CERTIFICATE',
    item: "the public face of a certificate: kind, validity, revocation, replacement, the case id and the blind index of the holder's ID number; what the public check reads",
    built: certificateKey('V1101052026000017'),
  },
  { table: 'cases', pk: 'ONCE#<key>', sk: 'ONCE', item: 'a guard written in a transaction so that something happens once (one appeal per decision: `ONCE#APPEAL#<case id>#<at>`)', built: onceKey(appealOnce(ID, AT)) },
  {
    table: 'cases',
    pk: 'PROVISIONAL#<shard>',
    sk: '<case id>',
    item: 'a case whose working-day deadline (`kind@version` in `deadline`) ran into a year without a notice; written with the case, read when a notice is loaded, dropped once the deadline is final or replaced',
    built: provisionalKey(ID),
  },
  {
    table: 'cases',
    pk: 'RATE#<caller>',
    sk: 'WINDOW#<minute>',
    item: 'a per-caller counter (`check#<address>` for the certificate check, `people#<sub>` for person lookups and reveals; `functions/shared/rate-limit.ts`), removed by TTL',
    built: rateKey('check#203.0.113.9', 29_000_000),
  },
  {
    table: 'cases',
    pk: 'INBOX#<code>',
    sk: 'NOTICE#<time>#<eventId>',
    item: "an office's notice (`INBOX#national`: the national administrators' notices), in the deadline index while its acknowledgement is due",
    built: noticeKey('110105', AT, ID),
  },
  { table: 'cases', pk: 'INBOX#<code>', sk: 'EVENT#<eventId>', item: 'points at the notice filed for that event, so it is found (and acknowledged) by its id', built: noticePointerKey('110105', ID) },
  { table: 'cases', pk: 'JURISDICTION#<code>', sk: 'JURISDICTION', item: 'a jurisdiction', built: jurisdictionKey('110105') },
  { table: 'cases', pk: 'CHILDREN#<parent>', sk: '<code>', item: "the parent's list of children (`CHILDREN#`: the provinces)", built: childKey('1101', '110105') },
  { table: 'cases', pk: 'POLICY#<prefix>', sk: 'POLICY', item: "the policy override for a prefix (`''` = national); reference data is cached per process for 60 s", built: policyKey('11') },
  {
    table: 'cases',
    pk: 'CALENDAR',
    sk: '<year>',
    item: "a year's national holiday notice as a national admin loaded it (`PUT /v1/calendars/{year}`): title, document number, holidays, make-up working days, who and when; the built-in 2025 and 2026 notices are in `core/holidays.ts`, a loaded one replaces them",
    built: calendarKey(2027),
  },
  { table: 'cases', pk: 'IMPORT#<id>', sk: 'IMPORT', item: 'a bulk filing: state, row and chunk counts, created/updated/failed', built: importKey(ID) },
  { table: 'cases', pk: 'IMPORT#<id>', sk: 'CHUNK#<n>', item: 'a chunk that has been counted: a redelivered chunk counts nothing twice', built: importChunkKey(ID, 4) },
  { table: 'cases', pk: 'IMPORT#<id>', sk: 'ERROR#<row>', item: "one bad row: field, reason, the row's values (masked; sealed beside them in `sealed.values`)", built: importErrorKey(ID, 12) },
  {
    table: 'cases',
    pk: 'STAGE#<stage key>',
    sk: 'STAGE',
    item: "what a deadline stage did, so it is done once (`<case id>#<deadline>#<stage>`; `notice#<inbox>#<eventId>#<stage>`; a held message's `release#<id>`): a lease while a worker acts, then the outcome; removed by TTL after 400 days",
    built: stageKey(`${ID}#registration@1#reminder`),
  },
  { table: 'cases', pk: 'REPORT#<code>', sk: 'EVENT#<eventId>', item: "outbox: a published report's `report.published` event, written with the report's record", built: reportOutboxKey('1101', ID) },
  {
    table: 'cases',
    index: 'gsi1',
    pk: 'DUE#<shard 0-7>',
    sk: '<at>#<id>',
    item: "a case at its deadline's next stage not yet queued (absent once all are); a held SMS at its release (`<releaseAt>#<message id>`); an unread notice at its acknowledgement deadline's next stage (`<at>#<inbox>#<eventId>`)",
    built: index(dueIndex(ID, AT, ID), 'gsi1pk', 'gsi1sk'),
  },
  {
    table: 'cases',
    index: 'scope2 … scope9, overdue2 … overdue9',
    pk: '<office prefix>',
    sk: '<updatedAt>#<id>',
    item: "a case under each prefix of its working office (`overdue…` only while it is overdue), newest activity first",
    built: { pk: scopeIndexes('110105001', true).overdue6!, sk: activity(AT, ID) },
  },
  { table: 'cases', index: 'owner', pk: 'SUB#<sub>', sk: '<updatedAt>#<id>', item: "a person's own cases", built: { pk: personOwner('person-1'), sk: activity(AT, ID) } },
  { table: 'cases', index: 'owner', pk: 'OFFICE#<code>', sk: '<updatedAt>#<id>', item: 'the assistance requests an office sent', built: { pk: officeOwner('110105'), sk: activity(AT, ID) } },
  {
    table: 'cases',
    index: 'person',
    pk: 'PERSON#<blind index>',
    sk: '<updatedAt>#<id>',
    item: 'every case about a person (blind index of the ID number), whoever opened it',
    built: { pk: personPartition('q2Xw'), sk: activity(AT, ID) },
  },
  { table: 'cases', index: 'retention', pk: 'RETAIN#<shard 0-7>', sk: '<retainUntil>', item: 'closed cases still holding personal data (sparse)', built: { pk: retainShard(ID), sk: '2046-03-02' } },
  {
    table: 'deliveries',
    pk: 'SUBSCRIPTIONS',
    sk: 'SUB#<id>',
    item: 'an agency subscription: endpoint, event types, prefix, purpose, state, signing secrets (sealed in `sealed`, by path) (the old one with its `expiresAt` during a rotation), `failingSince`, `probeUntil`',
    built: subscriptionKey('sub_1'),
  },
  {
    table: 'deliveries',
    pk: 'SUBSCRIPTION#<id>',
    sk: 'DELIVERY#<eventTime>#<eventId>',
    item: 'one event for one subscription: the CloudEvent as minimised for it, `state` (`pending`, `waiting`, `held`, `delivered`, `exhausted`, `cancelled`), every attempt, the lease of the attempt in flight; removed by TTL after 30 days',
    built: deliveryKey('sub_1', deliverySortKey(AT, ID)),
  },
  { table: 'deliveries', pk: 'SUBSCRIPTION#<id>', sk: 'EVENT#<eventId>', item: 'points at the delivery, so it is found by its id', built: deliveryPointerKey('sub_1', ID) },
  {
    table: 'deliveries',
    pk: 'SUBSCRIPTION#<id>',
    sk: 'LANE#<caseId>',
    item: "the case's deliveries for this subscription in commit order: the one in flight (`active`) and those waiting behind it",
    built: laneKey('sub_1', ID),
  },
  {
    table: 'audit',
    pk: 'PERSON#<blind index>',
    sk: '<at>#<id>',
    item: 'an access to a case about that person: who (sub, role, office, agency), what (`read`, `write`, `reveal` with fields, `lookup`, `sent`), the route, its purpose and the reason',
    built: { pk: personPartition('q2Xw'), sk: auditSortKey(AT, ID) },
  },
  { table: 'audit', pk: 'CASE#<id>', sk: '<at>#<id>', item: 'the same, for a case about nobody (a group)', built: { pk: auditCasePartition(ID), sk: auditSortKey(AT, ID) } },
  { table: 'audit', pk: 'LIST#<id>', sk: '<at>#<id>', item: 'a list read: the case ids listed (masked rows), by its caller', built: { pk: auditListPartition(ID), sk: auditSortKey(AT, ID) } },
  { table: 'audit', index: 'actor', pk: 'SUB#<sub>', sk: '<at>#<id>', item: 'what one user accessed, for `GET /v1/audit`', built: { pk: actorKey('cw-1'), sk: auditSortKey(AT, ID) } },
  {
    table: 'statistics',
    pk: 'COUNT#<code>',
    sk: '<day>',
    item: 'one attribute per counter (`reported`, `registrationsDue`, `registeredOnTime`, …, `officeUpdates`) for a township or an inbox on a local day',
    built: counterKey('110105001', '2026-03-02'),
  },
  { table: 'statistics', pk: 'ROLLUP#<county>', sk: '<day>', item: "the same counters summed over the county's townships and inboxes: what a county and above read", built: counterKey('110105', '2026-03-02', 'ROLLUP') },
  { table: 'statistics', pk: 'FACT#<case id>', sk: '<measure>', item: 'a membership: the counter the case is in, its `code`, `day`, `inNumerator` and `rev`', built: factKey(ID, 'reported') },
  { table: 'statistics', pk: 'FACT#NOTICE#<inbox>#<eventId>', sk: '<measure>', item: "the same for an inbox's notice", built: factKey(noticeSubject('110105', ID), 'noticesAcknowledged') },
  { table: 'statistics', pk: 'SEEN#<eventId>', sk: 'officeUpdates', item: "an event counted for its office's updates (TTL 35 days)", built: seenKey(ID, 'officeUpdates') },
  { table: 'statistics', pk: 'REPORT#<code>', sk: '<period>#v<nnnn>', item: 'a published report: its figures, the S3 keys, `corrects` and `changes` for a correction', built: reportKey('1101', '2026-03', 2) },
  { table: 'statistics', pk: 'RECONCILIATION#<code>', sk: '<period>#<at>', item: 'what a reconciliation found, and its repair', built: reconciliationKey('11', '2026-03', AT) },
  {
    table: 'statistics',
    index: 'level2 … level9',
    pk: 'C#<prefix>',
    sk: '<day>#<code>',
    item: 'a township\'s (or inbox\'s) counter row under each prefix of its code',
    built: { pk: counterLevels('COUNT', '110105001').level4!, sk: placed('2026-03-02', '110105001') },
  },
  { table: 'statistics', index: 'level2 … level9', pk: 'R#<prefix>', sk: '<day>#<county>', item: "a county's sums under each prefix of its code", built: { pk: counterLevels('ROLLUP', '110105').level2!, sk: placed('2026-03-02', '110105') } },
  {
    table: 'statistics',
    index: 'level2 … level9',
    pk: 'M#<measure>#<prefix>',
    sk: '<day>#<subject>',
    item: 'a membership under each prefix of its counter\'s code: the cases behind a figure',
    built: { pk: membershipLevels('reported', '110105001').level6!, sk: placed('2026-03-02', ID) },
  },
];

const cell = (text: string) => `\`${text}\``;

/** One table's rows as docs/ARCHITECTURE.md shows them: its own keys, then its indexes'. */
export function keysMarkdown(table: KeyTable): string {
  const rows = KEYS.filter((k) => k.table === table);
  const own = rows.filter((k) => k.index === undefined);
  const indexed = rows.filter((k) => k.index !== undefined);
  const lines = ['| pk | sk | item |', '|---|---|---|', ...own.map((k) => `| ${cell(k.pk)} | ${cell(k.sk)} | ${k.item} |`)];
  if (indexed.length > 0) {
    lines.push('', '| index | key | sort key | item |', '|---|---|---|---|', ...indexed.map((k) => `| \`${k.index}\` | ${cell(k.pk)} | ${cell(k.sk)} | ${k.item} |`));
  }
  return lines.join('\n');
}

const TABLES: readonly KeyTable[] = ['cases', 'deliveries', 'audit', 'statistics'];
const begin = (table: KeyTable) => `<!-- keys:${table} (generated from functions/shared/store/keys.ts by npm run keys:docs) -->`;
const end = (table: KeyTable) => `<!-- /keys:${table} -->`;

/** The document with each table's generated key tables put between its markers. */
export function withKeyTables(doc: string): string {
  let out = doc;
  for (const table of TABLES) {
    const from = out.indexOf(begin(table));
    const to = out.indexOf(end(table));
    if (from < 0 || to < from) throw new Error(`docs: no ${begin(table)} … ${end(table)} markers`);
    out = `${out.slice(0, from)}${begin(table)}\n${keysMarkdown(table)}\n${out.slice(to)}`;
  }
  return out;
}
