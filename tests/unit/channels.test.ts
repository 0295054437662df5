// Sending to people, through each channel a deployment may name. SES and SNS are mocked (no AWS
// here); the SMTP relay is a real SMTP server on loopback, the SMS gateway a real HTTP server on
// loopback; Secrets Manager is mocked. A refused address or number is a recorded failure, not a
// retry; throttling, a transient reply, a lost connection are retried (thrown).
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../core/messages.ts';
import { channelFor, deliver, smtpOptions } from '../../functions/shared/channels.ts';
import { forgetSecret } from '../../functions/shared/secrets.ts';

const ses = mockClient(SESv2Client);
const sns = mockClient(SNSClient);
const secrets = mockClient(SecretsManagerClient);
const message = (channel: 'sms' | 'email', to?: string): Message => ({
  id: 'm-1',
  caseId: 'c-1',
  stage: 'remind-3d',
  channel,
  to: to ?? (channel === 'sms' ? '+8613800138000' : 'zhang@example.cn'),
  language: 'zh',
  ...(channel === 'email' ? { subject: '居住登记提醒' } : {}),
  text: '请于2026-12-10前办理居住登记',
  state: 'queued',
  dueAt: '2026-12-07T01:00:00.000Z',
});
const refusal = (name: string) => Object.assign(new Error('refused'), { name });

const CHANNEL_ENV = [
  'MESSAGES_DELIVERY',
  'EMAIL_CHANNEL',
  'SMS_CHANNEL',
  'MESSAGES_FROM_ADDRESS',
  'MESSAGES_EMAIL_CONFIGURATION_SET',
  'SMTP_HOST',
  'SMTP_PORT',
  'SMTP_SECRET_ARN',
  'SMTP_USERNAME',
  'SMTP_PASSWORD',
  'SMS_URL',
  'SMS_SECRET_ARN',
  'SMS_SECRET',
];

afterEach(() => {
  for (const name of CHANNEL_ENV) delete process.env[name];
  ses.reset();
  sns.reset();
  secrets.reset();
  forgetSecret();
});

describe('message channels', () => {
  it('only records, sending nothing, where no channel is configured (the local stack)', async () => {
    expect(await deliver(message('sms'))).toEqual({ sent: true });
    expect(await deliver(message('email'))).toEqual({ sent: true });
    expect(sns.calls()).toHaveLength(0);
    expect(ses.calls()).toHaveLength(0);
  });

  it('e-mails through SES with the configuration set, and texts through SNS as transactional SMS', async () => {
    process.env.MESSAGES_DELIVERY = 'aws';
    process.env.MESSAGES_EMAIL_CONFIGURATION_SET = 'liudong-messages';
    ses.on(SendEmailCommand).resolves({ MessageId: 'x' });
    sns.on(PublishCommand).resolves({ MessageId: 'y' });
    expect(await deliver(message('email'))).toEqual({ sent: true });
    expect(ses.commandCalls(SendEmailCommand)[0]!.args[0].input).toMatchObject({ Destination: { ToAddresses: ['zhang@example.cn'] }, ConfigurationSetName: 'liudong-messages' });
    expect(await deliver(message('sms'))).toEqual({ sent: true });
    expect(sns.commandCalls(PublishCommand)[0]!.args[0].input).toMatchObject({ PhoneNumber: '+8613800138000', MessageAttributes: { 'AWS.SNS.SMS.SMSType': { StringValue: 'Transactional' } } });
  });

  it('records a refused address or number as a failure, and lets throttling be retried', async () => {
    process.env.MESSAGES_DELIVERY = 'aws';
    ses.on(SendEmailCommand).rejects(refusal('MessageRejected'));
    expect(await deliver(message('email'))).toEqual({ sent: false, reason: 'MessageRejected: refused' });
    sns.on(PublishCommand).rejects(refusal('ThrottlingException'));
    await expect(deliver(message('sms'))).rejects.toThrow('refused');
  });

  it('names each kind its own channel: SES and SNS by name, one kind configured and the other only recorded', async () => {
    process.env.EMAIL_CHANNEL = 'ses';
    ses.on(SendEmailCommand).resolves({ MessageId: 'x' });
    expect(await deliver(message('email'))).toEqual({ sent: true });
    expect(await deliver(message('sms'))).toEqual({ sent: true });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    expect(sns.calls()).toHaveLength(0);
    delete process.env.EMAIL_CHANNEL;
    process.env.SMS_CHANNEL = 'sns';
    sns.on(PublishCommand).resolves({ MessageId: 'y' });
    expect(await deliver(message('sms'))).toEqual({ sent: true });
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
    expect(channelFor('email')).toBeUndefined();
    // The old switch means SES and SNS only while neither channel is named.
    process.env.MESSAGES_DELIVERY = 'aws';
    expect([channelFor('email'), channelFor('sms')]).toEqual([undefined, 'sns']);
    delete process.env.SMS_CHANNEL;
    expect([channelFor('email'), channelFor('sms')]).toEqual(['ses', 'sns']);
  });

  it('refuses to guess a misspelt channel: the message is retried, not passed off as recorded', async () => {
    process.env.EMAIL_CHANNEL = 'sendgrid';
    await expect(deliver(message('email'))).rejects.toThrow('EMAIL_CHANNEL must be ses or smtp, not sendgrid');
    process.env.SMS_CHANNEL = 'smpp';
    await expect(deliver(message('sms'))).rejects.toThrow('SMS_CHANNEL must be sns or http, not smpp');
    expect(ses.calls()).toHaveLength(0);
  });
});

// --- SMTP ----------------------------------------------------------------------------------------

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A relay on loopback: plain SMTP with AUTH (no STARTTLS), replies chosen per recipient. */
const relay = {
  accounts: new Map<string, string>([['relay-user', 'relay-pass']]),
  logins: [] as { username: string; password: string }[],
  received: [] as Received[],
  /** Recipient address → reply to its RCPT TO. */
  replies: new Map<string, { code: number; text: string }>(),
  port: 0,
  server: undefined as SMTPServer | undefined,
};

beforeAll(async () => {
  relay.server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      relay.logins.push({ username: auth.username ?? '', password: auth.password ?? '' });
      if (auth.username && relay.accounts.get(auth.username) === auth.password) return callback(null, { user: auth.username });
      callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      const reply = relay.replies.get(address.address);
      if (reply) return callback(Object.assign(new Error(reply.text), { responseCode: reply.code }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom;
        relay.received.push({ from: mailFrom ? mailFrom.address : '', to: session.envelope.rcptTo.map((a) => a.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => relay.server!.listen(0, '127.0.0.1', resolve));
  relay.port = (relay.server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => relay.server?.close(() => resolve()));
});

afterEach(() => {
  relay.logins = [];
  relay.received = [];
  relay.replies.clear();
  relay.accounts = new Map([['relay-user', 'relay-pass']]);
});

/** The bytes of an RFC 2047 encoded word's text. */
const wordBytes = (encoding: string, text: string) =>
  encoding.toLowerCase() === 'b' ? Buffer.from(text, 'base64') : quotedPrintable(text.replace(/_/g, ' '));

/** Quoted-printable (soft line breaks removed) to bytes. */
function quotedPrintable(text: string): Buffer {
  const t = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const hex = t.slice(i + 1, i + 3);
    if (t[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(t[i]!, 'utf8'));
  }
  return Buffer.from(bytes);
}

/** A received single-part message: its headers (encoded words decoded) and its decoded text. */
function parseMail(raw: string) {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    const value = line
      .slice(colon + 1)
      .trim()
      // Adjacent encoded words join without the space between them; their bytes decode together.
      .replace(/((?:=\?utf-8\?[bq]\?[^?]*\?=\s*)+)/gi, (run) =>
        Buffer.concat([...run.matchAll(/=\?utf-8\?([bq])\?([^?]*)\?=/gi)].map((w) => wordBytes(w[1]!, w[2]!))).toString('utf8'),
      );
    headers.set(line.slice(0, colon).toLowerCase(), value);
  }
  const body = raw.slice(split + 4).replace(/\r\n$/, '');
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const text = encoding === 'base64' ? Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8') : encoding === 'quoted-printable' ? quotedPrintable(body).toString('utf8') : body;
  return { headers, text };
}

const useRelay = (credentials: 'secret' | 'env' = 'env') => {
  process.env.EMAIL_CHANNEL = 'smtp';
  process.env.SMTP_HOST = '127.0.0.1';
  process.env.SMTP_PORT = String(relay.port);
  process.env.MESSAGES_FROM_ADDRESS = 'noreply@liudong.example.cn';
  if (credentials === 'secret') {
    process.env.SMTP_SECRET_ARN = 'arn:aws-cn:secretsmanager:cn-north-1:000000000000:secret:liudong-smtp-AbCdEf';
  } else {
    process.env.SMTP_USERNAME = 'relay-user';
    process.env.SMTP_PASSWORD = 'relay-pass';
  }
};

describe('e-mail through an SMTP relay', () => {
  it('sends from the configured address with the subject and Chinese text in UTF-8, logging in with the secret\'s account', async () => {
    useRelay('secret');
    secrets.on(GetSecretValueCommand, { SecretId: process.env.SMTP_SECRET_ARN }).resolves({ SecretString: JSON.stringify({ username: 'relay-user', password: 'relay-pass' }) });
    expect(await deliver(message('email'))).toEqual({ sent: true });
    expect(relay.logins).toEqual([{ username: 'relay-user', password: 'relay-pass' }]);
    expect(relay.received).toHaveLength(1);
    const [mail] = relay.received;
    expect(mail!.from).toBe('noreply@liudong.example.cn');
    expect(mail!.to).toEqual(['zhang@example.cn']);
    const { headers, text } = parseMail(mail!.raw);
    expect(headers.get('from')).toBe('noreply@liudong.example.cn');
    expect(headers.get('to')).toBe('zhang@example.cn');
    expect(headers.get('subject')).toBe('居住登记提醒');
    expect(headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8$/i);
    expect(headers.get('message-id')).toBe('<m-1@liudong.example.cn>');
    expect(text).toBe('请于2026-12-10前办理居住登记');
    // The secret is read once per container, not once per message.
    expect(await deliver(message('email', 'li@example.cn'))).toEqual({ sent: true });
    expect(relay.received.map((r) => r.to)).toEqual([['zhang@example.cn'], ['li@example.cn']]);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('logs in with SMTP_USERNAME and SMTP_PASSWORD where no secret is named (local use)', async () => {
    useRelay('env');
    expect(await deliver(message('email'))).toEqual({ sent: true });
    expect(relay.logins).toEqual([{ username: 'relay-user', password: 'relay-pass' }]);
    expect(secrets.calls()).toHaveLength(0);
  });

  it('records a permanent refusal (550) as a failure, the address masked in the reason', async () => {
    useRelay();
    relay.replies.set('gone@example.cn', { code: 550, text: 'Mailbox unavailable: gone@example.cn' });
    expect(await deliver(message('email', 'gone@example.cn'))).toEqual({ sent: false, reason: 'SMTP 550 Mailbox unavailable: g***@example.cn' });
    expect(relay.received).toEqual([]);
  });

  it('throws on a transient refusal (451) and on a relay that cannot be reached, so the queue retries', async () => {
    useRelay();
    relay.replies.set('busy@example.cn', { code: 451, text: 'Try again later' });
    await expect(deliver(message('email', 'busy@example.cn'))).rejects.toMatchObject({ responseCode: 451 });
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    process.env.SMTP_PORT = String(port);
    await expect(deliver(message('email'))).rejects.toThrow(/ECONNREFUSED/);
    expect(relay.received).toEqual([]);
  });

  it('throws when the relay refuses the account, and reads a rotated secret on the next try', async () => {
    useRelay('secret');
    const arn = process.env.SMTP_SECRET_ARN;
    secrets.on(GetSecretValueCommand, { SecretId: arn }).resolves({ SecretString: JSON.stringify({ username: 'relay-user', password: 'old-pass' }) });
    await expect(deliver(message('email'))).rejects.toMatchObject({ code: 'EAUTH', responseCode: 535 });
    secrets.on(GetSecretValueCommand, { SecretId: arn }).resolves({ SecretString: JSON.stringify({ username: 'relay-user', password: 'relay-pass' }) });
    expect(await deliver(message('email'))).toEqual({ sent: true });
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(2);
    expect(relay.received).toHaveLength(1);
  });

  it('throws, sending nothing, for a secret that is not {"username","password"} or when no account is named', async () => {
    useRelay('secret');
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'relay-pass' });
    await expect(deliver(message('email'))).rejects.toThrow(/must be JSON \{"username":"…","password":"…"\}/);
    delete process.env.SMTP_SECRET_ARN;
    await expect(deliver(message('email'))).rejects.toThrow('SMTP_SECRET_ARN (or, for local use, SMTP_USERNAME and SMTP_PASSWORD) must be set');
    expect(relay.logins).toEqual([]);
  });

  it('uses TLS from the first byte on 465 and requires STARTTLS on any other port of a real host; only loopback may skip it', async () => {
    const auth = { user: 'u', pass: 'p' };
    expect(smtpOptions('smtp.gov.example.cn', 465, auth)).toMatchObject({ secure: true, requireTLS: false });
    expect(smtpOptions('smtp.gov.example.cn', 587, auth)).toMatchObject({ secure: false, requireTLS: true });
    expect(smtpOptions('smtp.gov.example.cn', 25, auth)).toMatchObject({ secure: false, requireTLS: true });
    expect(smtpOptions('127.0.0.1', 2525, auth)).toMatchObject({ secure: false, requireTLS: false });
    expect(smtpOptions('localhost', 2525, auth)).toMatchObject({ secure: false, requireTLS: false });
    for (const host of ['smtp.gov.example.cn', '127.0.0.1']) expect(JSON.stringify(smtpOptions(host, 587, auth))).not.toMatch(/rejectUnauthorized|ignoreTLS/);
    // What a real host's options do against a relay that offers no STARTTLS: nothing is sent, not even the login.
    const transport = createTransport({ ...smtpOptions('smtp.gov.example.cn', relay.port, { user: 'relay-user', pass: 'relay-pass' }), host: '127.0.0.1' });
    const error = await transport.sendMail({ from: 'noreply@liudong.example.cn', to: 'zhang@example.cn', text: 'x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ETLS', command: 'STARTTLS' });
    transport.close();
    expect(relay.logins).toEqual([]);
    expect(relay.received).toEqual([]);
  });
});

// --- HTTP SMS gateway ----------------------------------------------------------------------------

interface GatewayRequest {
  method: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const gateway = {
  requests: [] as GatewayRequest[],
  answer: { status: 200, body: '{"accepted":true}' },
  server: undefined as http.Server | undefined,
  url: '',
};

beforeAll(async () => {
  gateway.server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      gateway.requests.push({ method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(gateway.answer.status, { 'content-type': 'text/plain; charset=utf-8' }).end(gateway.answer.body);
    });
  });
  await new Promise<void>((resolve) => gateway.server!.listen(0, '127.0.0.1', resolve));
  gateway.url = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}/sms`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => gateway.server?.close(() => resolve()));
});

afterEach(() => {
  gateway.requests = [];
  gateway.answer = { status: 200, body: '{"accepted":true}' };
});

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
const signed = (r: GatewayRequest) => ({
  'webhook-id': String(r.headers['webhook-id']),
  'webhook-timestamp': String(r.headers['webhook-timestamp']),
  'webhook-signature': String(r.headers['webhook-signature']),
});

describe('SMS through an HTTP gateway', () => {
  it('POSTs {id,to,text} as JSON, signed with Standard Webhooks headers under the secret from Secrets Manager', async () => {
    const secret = newSecret();
    process.env.SMS_CHANNEL = 'http';
    process.env.SMS_URL = gateway.url;
    process.env.SMS_SECRET_ARN = 'arn:aws-cn:secretsmanager:cn-north-1:000000000000:secret:liudong-sms-AbCdEf';
    secrets.on(GetSecretValueCommand, { SecretId: process.env.SMS_SECRET_ARN }).resolves({ SecretString: `${secret}\n` });
    expect(await deliver(message('sms'))).toEqual({ sent: true });
    expect(gateway.requests).toHaveLength(1);
    const [request] = gateway.requests;
    expect(request!.method).toBe('POST');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['webhook-id']).toBe('m-1');
    expect(request!.body).toBe(JSON.stringify({ id: 'm-1', to: '+8613800138000', text: '请于2026-12-10前办理居住登记' }));
    // Any Standard Webhooks library verifies it with the shared secret, and no other secret does.
    expect(new Webhook(secret).verify(request!.body, signed(request!))).toEqual({ id: 'm-1', to: '+8613800138000', text: '请于2026-12-10前办理居住登记' });
    expect(() => new Webhook(newSecret()).verify(request!.body, signed(request!))).toThrow();
    expect(() => new Webhook(secret).verify(request!.body.replace('m-1', 'm-2'), signed(request!))).toThrow();
    expect(await deliver(message('sms', '+8613900139000'))).toEqual({ sent: true });
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('records a 4xx as a refusal with the status and the gateway\'s words (numbers masked); retries a 5xx, a 429 and a lost connection', async () => {
    process.env.SMS_CHANNEL = 'http';
    process.env.SMS_URL = gateway.url;
    process.env.SMS_SECRET = newSecret();
    gateway.answer = { status: 400, body: 'invalid number +8613800138000\n' };
    expect(await deliver(message('sms'))).toEqual({ sent: false, reason: 'HTTP 400: invalid number 138****8000' });
    gateway.answer = { status: 503, body: 'maintenance' };
    await expect(deliver(message('sms'))).rejects.toThrow('SMS gateway answered HTTP 503: maintenance');
    gateway.answer = { status: 429, body: '' };
    await expect(deliver(message('sms'))).rejects.toThrow('SMS gateway answered HTTP 429');
    expect(gateway.requests).toHaveLength(3);
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    process.env.SMS_URL = `http://127.0.0.1:${port}/sms`;
    await expect(deliver(message('sms'))).rejects.toThrow();
  });

  it('sends only to an https gateway (http only on loopback), and throws without a secret', async () => {
    process.env.SMS_CHANNEL = 'http';
    process.env.SMS_SECRET = newSecret();
    process.env.SMS_URL = 'http://sms.gateway.example.cn/send';
    await expect(deliver(message('sms'))).rejects.toThrow('SMS_URL must be an https URL, not http:');
    process.env.SMS_URL = gateway.url;
    delete process.env.SMS_SECRET;
    await expect(deliver(message('sms'))).rejects.toThrow('environment variable SMS_SECRET is not set');
    expect(gateway.requests).toEqual([]);
  });
});
