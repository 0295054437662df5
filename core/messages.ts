// What a person is sent: a template per channel and language, filled from the case. No
// message carries an ID number; a short case reference stands in, which the person can quote.
import type { DeadlineKind } from './policy.ts';
import type { Case } from './workflows/index.ts';
import { type QuietHours, type Skip, releaseAt } from './reminders.ts';

export type Channel = 'sms' | 'email';
export type Language = 'zh' | 'en';
export const MESSAGE_STATES = ['held', 'queued', 'sent', 'failed', 'skipped'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

export interface Message {
  id: string;
  caseId: string;
  /** The stage of the deadline that sent it (`remind-3d` …). */
  stage: string;
  channel: Channel;
  /** The phone number or e-mail address. */
  to: string;
  language: Language;
  subject?: string;
  text: string;
  state: MessageState;
  /** When it was due; a held SMS goes at `releaseAt`, after the quiet hours. */
  dueAt: string;
  releaseAt?: string;
  sentAt?: string;
  /** Why the channel refused it (a number or address that bounces). */
  failure?: string;
  /** Why it was recorded and not sent (`skipped`): a sweep caught up, or the deadline passed. */
  reason?: string;
  /** The later reminder that went instead of a skipped one. */
  supersededBy?: string;
  /** The deadline a reminder is about (`kind@version`): released from the quiet hours only while it still runs. */
  deadline?: string;
}

/** What the person has to do by the deadline, in each language. */
const DUTIES: Partial<Record<DeadlineKind, Record<Language, string>>> = {
  registration: { zh: '办理居住登记', en: 'register your residence' },
  supplement: { zh: '补齐登记材料', en: 'supplement your registration documents' },
  review: { zh: '确认居住核查', en: 'confirm your residence review' },
  groupFiling: { zh: '为团体成员办理登记', en: 'have the members of your group registered' },
};
const DUTY: Record<Language, string> = { zh: '办理相关事项', en: 'complete your application' };

interface Fill {
  name: string;
  duty: string;
  date: string;
  days: number;
  ref: string;
}

/** How much time is left, said as the message goes: on the deadline date itself, that it is the last day. */
const LEFT: Record<Language, (f: Fill) => string> = {
  zh: (f) => (f.days > 0 ? `还剩${f.days}天` : '今天是最后一天'),
  en: (f) => (f.days > 0 ? `${f.days} day${f.days === 1 ? '' : 's'} left` : 'today is the last day'),
};

const TEMPLATES: Record<Channel, Record<Language, { subject?: (f: Fill) => string; text: (f: Fill) => string }>> = {
  sms: {
    zh: { text: (f) => `【流动人口服务】${f.name}，请于${f.date}前${f.duty}（${LEFT.zh(f)}），业务编号${f.ref}。` },
    en: { text: (f) => `liudong: ${f.name}, please ${f.duty} by ${f.date} (${LEFT.en(f)}), ref ${f.ref}.` },
  },
  email: {
    zh: {
      subject: (f) => `提醒：请于${f.date}前${f.duty}`,
      text: (f) => `${f.name}：\n\n请于${f.date}前${f.duty}，${LEFT.zh(f)}。业务编号：${f.ref}。\n如已办理，请忽略本提醒。`,
    },
    en: {
      subject: (f) => `Reminder: ${f.duty} by ${f.date}`,
      text: (f) => `Dear ${f.name},\n\nPlease ${f.duty} by ${f.date}; ${LEFT.en(f)}. Your reference: ${f.ref}.\nIf you have done so already, please ignore this reminder.`,
    },
  },
};

/** The person a case's messages go to: its person, when a phone number is known. */
export const recipientOf = (c: Case) => ('person' in c && c.person?.phone ? c.person : undefined);

/** A case's short reference: what a person quotes at the window. */
export const caseReference = (caseId: string) => caseId.slice(0, 8).toUpperCase();

/**
 * The messages one reminder sends the person: an SMS, and an e-mail when an address is known.
 * Each goes when the reminder is acted on (`dueAt`), but an SMS due in the quiet hours is held
 * until they end (e-mail waits for nobody), and each text says how many days are left on the
 * local date it goes. An SMS the quiet hours would hold past the deadline is skipped, and so is
 * every message of a reminder `skipped` when a sweep caught up: recorded, with the reason, not sent.
 */
export function reminderMessages(
  input: {
    caseId: string;
    stage: string;
    kind: DeadlineKind;
    person: { name: string; phone: string; email?: string | undefined; language?: Language | undefined };
    /** The deadline (`kind@version`), its date (the text names it) and the instant it is missed. */
    deadline: { id?: string; date: string; dueAt: string };
    /** When the reminder goes: the instant it is acted on (a skipped one: the instant it was due). */
    dueAt: string;
    /** The days left on the local date of an instant, in the deadline's unit. */
    daysLeft: (at: string) => number;
    skipped?: Skip | undefined;
  },
  quiet: QuietHours | null,
  ids: (channel: Channel) => string,
): Message[] {
  const language = input.person.language ?? 'zh';
  const fill = (at: string): Fill => ({
    name: input.person.name,
    duty: (DUTIES[input.kind] ?? DUTY)[language] ?? DUTY[language],
    date: input.deadline.date,
    days: input.daysLeft(at),
    ref: caseReference(input.caseId),
  });
  const make = (channel: Channel, to: string): Message => {
    const template = TEMPLATES[channel][language];
    const release = channel === 'sms' && !input.skipped ? releaseAt(input.dueAt, quiet) : input.dueAt;
    const held = release > input.dueAt;
    const skipped = input.skipped ?? (release >= input.deadline.dueAt ? { reason: 'the quiet hours end after the deadline' } : undefined);
    const f = fill(skipped ? input.dueAt : release);
    return {
      id: ids(channel),
      caseId: input.caseId,
      stage: input.stage,
      channel,
      to,
      language,
      ...(template.subject ? { subject: template.subject(f) } : {}),
      text: template.text(f),
      dueAt: input.dueAt,
      ...(input.deadline.id ? { deadline: input.deadline.id } : {}),
      ...(skipped
        ? { state: 'skipped' as const, reason: skipped.reason, ...(skipped.supersededBy ? { supersededBy: skipped.supersededBy } : {}) }
        : { state: held ? ('held' as const) : ('queued' as const), ...(held ? { releaseAt: release } : {}) }),
    };
  };
  return [make('sms', input.person.phone), ...(input.person.email ? [make('email', input.person.email)] : [])];
}

const RESCHEDULED: Record<Language, { subject: (f: Moved) => string; text: (f: Moved) => string; sms: (f: Moved) => string }> = {
  zh: {
    sms: (f) => `【流动人口服务】${f.name}，根据${f.notice}，您的业务（编号${f.ref}）期限由${f.from}调整为${f.to}。`,
    subject: (f) => `期限调整：${f.from} → ${f.to}`,
    text: (f) => `${f.name}：\n\n根据${f.notice}，您的业务（编号${f.ref}）期限由${f.from}调整为${f.to}。\n此前的提醒以本通知为准。`,
  },
  en: {
    sms: (f) => `liudong: ${f.name}, under ${f.notice} the deadline of your case ${f.ref} moved from ${f.from} to ${f.to}.`,
    subject: (f) => `Deadline moved: ${f.from} → ${f.to}`,
    text: (f) => `Dear ${f.name},\n\nUnder ${f.notice} the deadline of your case ${f.ref} moved from ${f.from} to ${f.to}.\nThis replaces the date in earlier reminders.`,
  },
};

interface Moved {
  name: string;
  notice: string;
  ref: string;
  from: string;
  to: string;
}

/**
 * What tells a person that a holiday notice moved their case's deadline (stage `rescheduled`):
 * an SMS, held through the quiet hours like any other, and an e-mail when an address is known.
 * Both are `held` for the deadline worker to send, so they can be written with the case's change
 * and sent only while `deadline` (`kind@version`, the new one) still runs.
 */
export function rescheduledMessages(
  input: {
    caseId: string;
    person: { name: string; phone: string; email?: string | undefined; language?: Language | undefined };
    /** The notices that moved it, by document number. */
    notice: string;
    from: string;
    to: string;
    at: string;
    deadline: string;
  },
  quiet: QuietHours | null,
  ids: (channel: Channel) => string,
): Message[] {
  const language = input.person.language ?? 'zh';
  const words = RESCHEDULED[language];
  const f: Moved = { name: input.person.name, notice: input.notice, ref: caseReference(input.caseId), from: input.from, to: input.to };
  const make = (channel: Channel, to: string): Message => ({
    id: ids(channel),
    caseId: input.caseId,
    stage: 'rescheduled',
    channel,
    to,
    language,
    ...(channel === 'email' ? { subject: words.subject(f) } : {}),
    text: channel === 'sms' ? words.sms(f) : words.text(f),
    dueAt: input.at,
    state: 'held',
    releaseAt: channel === 'sms' ? releaseAt(input.at, quiet) : input.at,
    deadline: input.deadline,
  });
  return [make('sms', input.person.phone), ...(input.person.email ? [make('email', input.person.email)] : [])];
}
