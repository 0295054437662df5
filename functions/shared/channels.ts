// Sending a message to a person, through the channel the deployment names for its kind:
// e-mail through SES v2 (a configuration set records deliveries and bounces) or an SMTP relay
// (`EMAIL_CHANNEL=ses|smtp`), SMS through SNS or an HTTP gateway (`SMS_CHANNEL=sns|http`).
// AWS's China regions have no SES and no SNS SMS: there the relay and the gateway carry them.
// Locally, and wherever no channel is named, the messages record is the outbox: what would have
// been sent, to whom and when. Each channel's client is loaded only when it first sends.
//
// Every channel splits failures the same way: a refusal of this recipient or this message (SES's
// MessageRejected, an SMTP 5xx reply, a gateway's 4xx) is answered `{ sent: false }` and recorded;
// anything that may pass on another try (throttling, a 4xx SMTP reply, a gateway's 5xx, a lost
// connection, a timeout) is thrown, so the queue delivers the message again.
import { maskEmail, redactText } from '../../core/masking.ts';
import type { Message } from '../../core/messages.ts';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { SNSClient } from '@aws-sdk/client-sns';

export type Delivery = { sent: true } | { sent: false; reason: string };

const EMAIL_CHANNELS = ['ses', 'smtp'] as const;
const SMS_CHANNELS = ['sns', 'http'] as const;
export type Channel = (typeof EMAIL_CHANNELS)[number] | (typeof SMS_CHANNELS)[number];

/**
 * The channel that carries a message of this kind; undefined: only recorded. A deployment from
 * before the channels were named (`MESSAGES_DELIVERY=aws`, neither variable set) means SES and SNS.
 */
export function channelFor(kind: Message['channel'], env: NodeJS.ProcessEnv = process.env): Channel | undefined {
  const legacy = env.MESSAGES_DELIVERY === 'aws' && !env.EMAIL_CHANNEL && !env.SMS_CHANNEL;
  const [variable, allowed, fallback] = kind === 'email' ? (['EMAIL_CHANNEL', EMAIL_CHANNELS, 'ses'] as const) : (['SMS_CHANNEL', SMS_CHANNELS, 'sns'] as const);
  const named = legacy ? fallback : env[variable];
  if (!named) return undefined;
  // A misspelt channel must not pass for "only recorded": the message waits (retried) until it is fixed.
  if (!(allowed as readonly string[]).includes(named)) throw new Error(`${variable} must be ${allowed.join(' or ')}, not ${named}`);
  return named as Channel;
}

export async function deliver(m: Message): Promise<Delivery> {
  switch (channelFor(m.channel)) {
    case undefined:
      return { sent: true };
    case 'ses':
      return viaSes(m);
    case 'smtp':
      return viaSmtp(m);
    case 'sns':
      return viaSns(m);
    case 'http':
      return viaHttp(m);
  }
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

const EMAIL_ADDRESS = /[^\s<>"'@]+@[^\s<>"'@]+\.[^\s<>"'@]+/g;

/** A far side's words, fit to be recorded beside the message: short, with no address or number in clear. */
const sanitise = (text: string) => redactText(text.replace(/\s+/g, ' ').trim().replace(EMAIL_ADDRESS, maskEmail)).slice(0, 200);

// --- SES and SNS -------------------------------------------------------------------------------

let ses: SESv2Client | undefined;
let sns: SNSClient | undefined;

/** Errors that say the recipient or the message is refused: retrying changes nothing. */
const REFUSALS = new Set(['MessageRejected', 'InvalidParameterException', 'InvalidParameter', 'BadRequestException', 'AccountSuspendedException', 'SendingPausedException', 'MailFromDomainNotVerifiedException', 'OptedOut', 'InvalidParameterValueException']);

async function refusedByAws(send: () => Promise<unknown>): Promise<Delivery> {
  try {
    await send();
    return { sent: true };
  } catch (error) {
    const name = (error as Error).name;
    if (REFUSALS.has(name)) return { sent: false, reason: `${name}: ${(error as Error).message}` };
    throw error;
  }
}

async function viaSes(m: Message): Promise<Delivery> {
  const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
  ses ??= new SESv2Client({});
  const client = ses;
  return refusedByAws(() =>
    client.send(
      new SendEmailCommand({
        FromEmailAddress: process.env.MESSAGES_FROM_ADDRESS,
        Destination: { ToAddresses: [m.to] },
        Content: { Simple: { Subject: { Data: m.subject ?? '', Charset: 'UTF-8' }, Body: { Text: { Data: m.text, Charset: 'UTF-8' } } } },
        ConfigurationSetName: process.env.MESSAGES_EMAIL_CONFIGURATION_SET,
        EmailTags: [{ Name: 'message', Value: m.id }],
      }),
    ),
  );
}

async function viaSns(m: Message): Promise<Delivery> {
  const { PublishCommand, SNSClient } = await import('@aws-sdk/client-sns');
  sns ??= new SNSClient({});
  const client = sns;
  return refusedByAws(() =>
    client.send(
      new PublishCommand({
        PhoneNumber: m.to,
        Message: m.text,
        MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
      }),
    ),
  );
}

// --- SMTP relay --------------------------------------------------------------------------------

/** A host that is this machine: a relay beside the function, or a test's server. */
export const isLoopback = (host: string) => /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i.test(host);

/**
 * How nodemailer reaches the relay: port 465 is TLS from the first byte; any other port must
 * upgrade with STARTTLS before anything is said (a relay that does not offer it is not used).
 * On loopback only, STARTTLS is used when offered and not required. Certificates are always verified.
 */
export function smtpOptions(host: string, port: number, auth: { user: string; pass: string }) {
  const implicitTls = port === 465;
  return {
    host,
    port,
    secure: implicitTls,
    requireTLS: !implicitTls && !isLoopback(host),
    auth,
    tls: { minVersion: 'TLSv1.2' as const },
    // Inside the workers' 30 s: a relay that does not answer is a retry, not a hung function.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 15_000,
    // A message is plain text: nothing in it may make the client read files or fetch URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** The relay's account: `SMTP_SECRET_ARN`'s JSON `{"username","password"}`, or locally `SMTP_USERNAME`/`SMTP_PASSWORD`. */
async function smtpCredentials(): Promise<{ user: string; pass: string }> {
  const arn = process.env.SMTP_SECRET_ARN;
  if (arn) {
    const { secretString } = await import('./secrets.ts');
    const raw = await secretString(arn);
    let parsed: { username?: unknown; password?: unknown } | undefined;
    try {
      parsed = JSON.parse(raw) as typeof parsed;
    } catch {
      parsed = undefined;
    }
    if (typeof parsed?.username !== 'string' || typeof parsed.password !== 'string' || !parsed.username || !parsed.password) {
      throw new Error(`secret ${arn} must be JSON {"username":"…","password":"…"}`);
    }
    return { user: parsed.username, pass: parsed.password };
  }
  const user = process.env.SMTP_USERNAME;
  const pass = process.env.SMTP_PASSWORD;
  if (user && pass) return { user, pass };
  throw new Error('SMTP_SECRET_ARN (or, for local use, SMTP_USERNAME and SMTP_PASSWORD) must be set');
}

/** Replies about the account, not the message: the credentials are wrong or were rotated. Retried. */
const SMTP_AUTH_REPLIES = new Set([530, 534, 535, 538]);

/** A permanent refusal of this message (a 5xx reply to its envelope or its content); undefined: retry. */
function smtpRefusal(error: unknown): string | undefined {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  if (e.code !== 'EENVELOPE' && e.code !== 'EMESSAGE') return undefined;
  if (typeof e.responseCode !== 'number' || e.responseCode < 500 || e.responseCode > 599 || SMTP_AUTH_REPLIES.has(e.responseCode)) return undefined;
  return `SMTP ${sanitise(e.response ?? `${e.responseCode} ${e.message ?? ''}`)}`;
}

async function viaSmtp(m: Message): Promise<Delivery> {
  const host = required('SMTP_HOST');
  const port = Number(process.env.SMTP_PORT || 465);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`SMTP_PORT must be a port number, not ${process.env.SMTP_PORT}`);
  const from = required('MESSAGES_FROM_ADDRESS');
  const auth = await smtpCredentials();
  const { createTransport } = await import('nodemailer');
  // One connection per message: a socket kept across invocations would be frozen with the function.
  const transport = createTransport(smtpOptions(host, port, auth));
  try {
    await transport.sendMail({
      from,
      to: m.to,
      subject: m.subject ?? '',
      text: m.text,
      // The same id on a retry: a relay or a mailbox can tell a resend from a second message.
      messageId: `<${m.id}@${from.slice(from.lastIndexOf('@') + 1)}>`,
      headers: { 'X-Liudong-Message': m.id },
    });
    return { sent: true };
  } catch (error) {
    const refusal = smtpRefusal(error);
    if (refusal) return { sent: false, reason: refusal };
    const code = (error as { code?: string; responseCode?: number }).code;
    if (code === 'EAUTH' || code === 'ENOAUTH' || SMTP_AUTH_REPLIES.has((error as { responseCode?: number }).responseCode ?? 0)) {
      // Read the credentials again on the next try: they may have been rotated.
      if (process.env.SMTP_SECRET_ARN) (await import('./secrets.ts')).forgetSecret(process.env.SMTP_SECRET_ARN);
    }
    throw error;
  } finally {
    transport.close();
  }
}

// --- HTTP SMS gateway --------------------------------------------------------------------------

/** How long the gateway has to answer, body included. */
export const SMS_TIMEOUT_MS = 10_000;

/** 4xx statuses that mean "not now" rather than "not this": retried like a 5xx. */
const SMS_RETRY_STATUSES = new Set([408, 425, 429]);

/** The gateway's URL: https, or http to loopback (a local gateway, the tests'). */
function smsUrl(): URL {
  const raw = required('SMS_URL');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SMS_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) throw new Error(`SMS_URL must be an https URL, not ${url.protocol}`);
  return url;
}

/** The Standard Webhooks signing secret (`whsec_…`): `SMS_SECRET_ARN`, or locally `SMS_SECRET`. */
async function smsSecret(): Promise<string> {
  const arn = process.env.SMS_SECRET_ARN;
  if (arn) return (await (await import('./secrets.ts')).secretString(arn)).trim();
  return required('SMS_SECRET');
}

/**
 * POSTs `{"id","to","text"}` as JSON, signed as our agency webhooks are (Standard Webhooks:
 * `webhook-id` = the message id, so a gateway can drop a resend; `webhook-timestamp`;
 * `webhook-signature`), so the gateway verifies it with any Standard Webhooks library.
 */
async function viaHttp(m: Message): Promise<Delivery> {
  const url = smsUrl();
  const secret = await smsSecret();
  const { Webhook } = await import('standardwebhooks');
  const body = JSON.stringify({ id: m.id, to: m.to, text: m.text });
  // Signatures carry the wall clock: the gateway checks them against its own.
  const at = new Date();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'liudong-sms/1',
      'webhook-id': m.id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(m.id, at, body),
    },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(SMS_TIMEOUT_MS),
  });
  const said = sanitise(await response.text());
  if (response.status >= 200 && response.status < 300) return { sent: true };
  const status = `HTTP ${response.status}${said ? `: ${said}` : ''}`;
  if (response.status >= 400 && response.status < 500 && !SMS_RETRY_STATUSES.has(response.status)) {
    // A gateway refusing our signature may hold a rotated secret: read it again for the next message.
    if ((response.status === 401 || response.status === 403) && process.env.SMS_SECRET_ARN) (await import('./secrets.ts')).forgetSecret(process.env.SMS_SECRET_ARN);
    return { sent: false, reason: status };
  }
  throw new Error(`SMS gateway answered ${status}`);
}
