// What a person is sent: a template per channel and language, filled from the case. No
// message carries an ID number; a short case reference stands in, which the person can quote.
import type { DeadlineKind } from './policy.ts';
import { type QuietHours, releaseAt } from './reminders.ts';

export type Channel = 'sms' | 'email';
export type Language = 'zh' | 'en';
export const MESSAGE_STATES = ['held', 'queued', 'sent', 'failed'] as const;
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

const TEMPLATES: Record<Channel, Record<Language, { subject?: (f: Fill) => string; text: (f: Fill) => string }>> = {
  sms: {
    zh: { text: (f) => `【流动人口服务】${f.name}，请于${f.date}前${f.duty}（还剩${f.days}天），业务编号${f.ref}。` },
    en: { text: (f) => `liudong: ${f.name}, please ${f.duty} by ${f.date} (${f.days} day${f.days === 1 ? '' : 's'} left), ref ${f.ref}.` },
  },
  email: {
    zh: {
      subject: (f) => `提醒：请于${f.date}前${f.duty}`,
      text: (f) => `${f.name}：\n\n请于${f.date}前${f.duty}，还剩${f.days}天。业务编号：${f.ref}。\n如已办理，请忽略本提醒。`,
    },
    en: {
      subject: (f) => `Reminder: ${f.duty} by ${f.date}`,
      text: (f) => `Dear ${f.name},\n\nPlease ${f.duty} by ${f.date}; ${f.days} day${f.days === 1 ? '' : 's'} left. Your reference: ${f.ref}.\nIf you have done so already, please ignore this reminder.`,
    },
  },
};

/** A case's short reference: what a person quotes at the window. */
export const caseReference = (caseId: string) => caseId.slice(0, 8).toUpperCase();

/**
 * The messages one reminder sends the person: an SMS, and an e-mail when an address is known.
 * An SMS due in the quiet hours is held until they end; e-mail waits for nobody.
 */
export function reminderMessages(
  input: {
    caseId: string;
    stage: string;
    kind: DeadlineKind;
    person: { name: string; phone: string; email?: string | undefined; language?: Language | undefined };
    date: string;
    daysBefore: number;
    dueAt: string;
  },
  quiet: QuietHours | null,
  ids: (channel: Channel) => string,
): Message[] {
  const language = input.person.language ?? 'zh';
  const fill: Fill = {
    name: input.person.name,
    duty: (DUTIES[input.kind] ?? DUTY)[language] ?? DUTY[language],
    date: input.date,
    days: input.daysBefore,
    ref: caseReference(input.caseId),
  };
  const make = (channel: Channel, to: string): Message => {
    const template = TEMPLATES[channel][language];
    const release = channel === 'sms' ? releaseAt(input.dueAt, quiet) : input.dueAt;
    return {
      id: ids(channel),
      caseId: input.caseId,
      stage: input.stage,
      channel,
      to,
      language,
      ...(template.subject ? { subject: template.subject(fill) } : {}),
      text: template.text(fill),
      state: release > input.dueAt ? 'held' : 'queued',
      dueAt: input.dueAt,
      ...(release > input.dueAt ? { releaseAt: release } : {}),
    };
  };
  return [make('sms', input.person.phone), ...(input.person.email ? [make('email', input.person.email)] : [])];
}
