// Sending a person's recorded message: once, whatever the retries, and settled with the outcome.
import type { Message } from '../../core/messages.ts';
import { deliver } from './channels.ts';
import { getMessage, markSending, putMessage, settleMessage, unmarkSending } from './store/messages.ts';

/**
 * Sends a recorded message once and settles it; a refusal (a number or address that bounces) is
 * recorded, not thrown. One an earlier attempt handed to the channel is settled, not sent again.
 */
export async function sendMessage(m: Message, from: 'queued' | 'held', at: string): Promise<void> {
  const mark = await markSending(m, from, at);
  if (mark === 'moved') return;
  if (mark === 'handed') {
    await settleMessage(m, from, 'sent', at);
    return;
  }
  let delivery;
  try {
    delivery = await deliver(m);
  } catch (error) {
    // The channel took nothing (throttled past the SDK's retries, unreachable): the retry sends it.
    await unmarkSending(m, from);
    throw error;
  }
  await settleMessage(m, from, delivery.sent ? 'sent' : 'failed', at, delivery.sent ? undefined : delivery.reason);
}

/** Records a message (a retry finds the one recorded before) and sends it now unless it is held or skipped. */
export async function recordAndSend(m: Message, at: string): Promise<void> {
  await putMessage(m);
  const recorded = await getMessage(m.caseId, m.id);
  if (recorded?.state === 'queued') await sendMessage(recorded, 'queued', at);
}
