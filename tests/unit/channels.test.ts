// Sending to people through SES and SNS (mocked: no AWS here). A refused address or number
// is a recorded failure, not a retry; throttling is retried.
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../core/messages.ts';
import { deliver } from '../../functions/shared/channels.ts';

const ses = mockClient(SESv2Client);
const sns = mockClient(SNSClient);
const message = (channel: 'sms' | 'email'): Message => ({
  id: 'm-1',
  caseId: 'c-1',
  stage: 'remind-3d',
  channel,
  to: channel === 'sms' ? '+8613800138000' : 'zhang@example.cn',
  language: 'zh',
  ...(channel === 'email' ? { subject: '提醒' } : {}),
  text: '请于2026-12-10前办理居住登记',
  state: 'queued',
  dueAt: '2026-12-07T01:00:00.000Z',
});
const refusal = (name: string) => Object.assign(new Error('refused'), { name });

describe('message channels', () => {
  afterEach(() => {
    delete process.env.MESSAGES_DELIVERY;
    ses.reset();
    sns.reset();
  });

  it('only records, sending nothing, where no channel is configured (the local stack)', async () => {
    expect(await deliver(message('sms'))).toEqual({ sent: true });
    expect(sns.calls()).toHaveLength(0);
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
});
