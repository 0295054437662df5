// Sending a message to a person. In AWS: e-mail through SES v2 (a configuration set records
// deliveries and bounces), SMS through SNS. Locally, and wherever no channel is configured, the
// messages record is the outbox: what would have been sent, to whom and when.
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { Message } from '../../core/messages.ts';

let ses: SESv2Client | undefined;
let sns: SNSClient | undefined;

/** Errors that say the recipient or the message is refused: retrying changes nothing. */
const REFUSALS = new Set(['MessageRejected', 'InvalidParameterException', 'InvalidParameter', 'BadRequestException', 'AccountSuspendedException', 'SendingPausedException', 'MailFromDomainNotVerifiedException', 'OptedOut', 'InvalidParameterValueException']);

export type Delivery = { sent: true } | { sent: false; reason: string };

export async function deliver(m: Message): Promise<Delivery> {
  if (process.env.MESSAGES_DELIVERY !== 'aws') return { sent: true };
  try {
    if (m.channel === 'email') {
      ses ??= new SESv2Client({});
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: process.env.MESSAGES_FROM_ADDRESS,
          Destination: { ToAddresses: [m.to] },
          Content: { Simple: { Subject: { Data: m.subject ?? '', Charset: 'UTF-8' }, Body: { Text: { Data: m.text, Charset: 'UTF-8' } } } },
          ConfigurationSetName: process.env.MESSAGES_EMAIL_CONFIGURATION_SET,
          EmailTags: [{ Name: 'message', Value: m.id }],
        }),
      );
    } else {
      sns ??= new SNSClient({});
      await sns.send(
        new PublishCommand({
          PhoneNumber: m.to,
          Message: m.text,
          MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
        }),
      );
    }
    return { sent: true };
  } catch (error) {
    const name = (error as Error).name;
    if (REFUSALS.has(name)) return { sent: false, reason: `${name}: ${(error as Error).message}` };
    throw error;
  }
}
