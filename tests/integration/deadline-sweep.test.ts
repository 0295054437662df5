// The deadline sweep at scale on the local stack (DynamoDB Local, fauxqs): among 20,000 cases
// with deadlines, the 200 that are due are the only ones it reads; overlapping sweeps and a
// worker that died between recording its intent and acting still act once.
import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, localDate } from '../../core/calendar.ts';
import { checkCharacter } from '../../core/id-number.ts';
import { DEFAULT_POLICY } from '../../core/policy.ts';
import { report } from '../../core/workflows/registration.ts';
import { invoke } from '../../local/invoke.ts';
import { physicalTableName } from '../../local/tables.ts';
import { useLocalStack } from '../support/local-api.ts';

const local = useLocalStack();
const office = { sub: 'cw', role: 'caseworker' as const, jurisdiction: '110105001' };
const idNumber = (i: number) => {
  const first17 = `11010519850101${String(i).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};
// The fixture's clock: every case is opened and swept as of these instants, whatever day the suite runs.
const NOW = new Date('2026-11-30T02:00:00Z');
const sqsRecord = (body: unknown, id: string) => ({
  messageId: id, receiptHandle: id, body: JSON.stringify(body), attributes: {}, messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn', awsRegion: 'us-east-1',
});

describe('the deadline sweep at scale', () => {
  it('reads only the 200 due among 20,000, queues each once, and moves them on', async () => {
    const { commit } = await import('../../functions/shared/store/case-commit.ts');
    const { getCase } = await import('../../functions/shared/store/cases.ts');
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: local.stack.dynamoEndpoint }));
    // 19,800 cases whose next stage is next summer, straight into the table (their shape matters not: the sweep must not read them).
    const table = physicalTableName('cases');
    const later = (i: number) => ({ pk: `CASE#${randomUUID()}`, sk: 'CASE', entity: 'case', gsi1pk: `DUE#${i % 8}`, gsi1sk: `2027-06-01T01:00:00.000Z#${i}` });
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 19_800; i += 25) {
      const items = Array.from({ length: 25 }, (_, n) => ({ PutRequest: { Item: later(i + n) } }));
      writes.push(documents.send(new BatchWriteCommand({ RequestItems: { [table]: items } })));
      if (writes.length === 16) await Promise.all(writes.splice(0));
    }
    await Promise.all(writes);
    // 200 registrations whose registration deadline ended at midnight today.
    const now = NOW;
    const arrival = addCalendarDays(localDate(now), -11);
    const due = Array.from({ length: 200 }, (_, i) =>
      report(
        { person: { name: `到期${i}`, idNumber: idNumber(i), phone: '13700000000' }, originCode: '511321100', destinationCode: '110105001', arrivalDate: arrival, expectedStayDays: 90 },
        office,
        DEFAULT_POLICY,
        { caseId: randomUUID(), eventId: randomUUID() },
        now,
      ),
    );
    for (let i = 0; i < due.length; i += 20) await Promise.all(due.slice(i, i + 20).map((d) => commit([d])));

    const asOf = now.toISOString();
    const first = (await invoke('sweepDeadlines', { asOf })) as { examined: number; enqueued: number };
    expect(first).toMatchObject({ examined: 200, enqueued: 200 });
    // Swept again at once (two sweeps overlapping): the index already moved them on.
    expect(await invoke('sweepDeadlines', { asOf })).toMatchObject({ examined: 0, enqueued: 0 });
    await local.stack.drained();
    for (const d of due.slice(0, 20)) expect((await getCase(d.case.id))?.state).toBe('overdue');
    // Next in the index for each: its first escalation, three days after the deadline date.
    const escalation = (await getCase(due[0]!.case.id))!.deadline!.stages!.find((s) => s.name === 'escalate-1')!.at;
    expect(await invoke('sweepDeadlines', { asOf: new Date(Date.parse(escalation) - 1000).toISOString() })).toMatchObject({ examined: 0 });
    expect(local.errors).toEqual([]);
  }, 240_000);

  it('acts once when a worker died after recording its intent: the next delivery takes over after the lease', async () => {
    const { commit } = await import('../../functions/shared/store/case-commit.ts');
    const { getCase } = await import('../../functions/shared/store/cases.ts');
    const { claimStage } = await import('../../functions/shared/store/stages.ts');
    const now = NOW;
    const c = report(
      { person: { name: '租约', idNumber: idNumber(900), phone: '13700000001' }, originCode: '511321100', destinationCode: '110105001', arrivalDate: addCalendarDays(localDate(now), -11), expectedStayDays: 90 },
      office,
      DEFAULT_POLICY,
      { caseId: randomUUID(), eventId: randomUUID() },
      now,
    );
    await commit([c]);
    const stage = { type: 'stage', caseId: c.case.id, deadline: `registration@${c.case.version}`, stage: 'overdue' };
    process.env.STAGE_LEASE_SECONDS = '1';
    try {
      // A worker recorded its intent, then died.
      expect(await claimStage(`${c.case.id}#registration@1#overdue`)).toBe('claimed');
      // Delivered while the lease runs: not acted on, handed back to the queue (a batch of one that failed whole).
      await expect(invoke('actOnDeadlines', { Records: [sqsRecord(stage, 'm1')] })).rejects.toThrow('All records failed');
      expect((await getCase(c.case.id))?.state).toBe('reported');
      await new Promise((resolve) => setTimeout(resolve, 2100));
      // After it: the stage is taken over and done, once, however often it comes again.
      for (const id of ['m2', 'm3', 'm4']) expect(await invoke('actOnDeadlines', { Records: [sqsRecord(stage, id)] })).toEqual({ batchItemFailures: [] });
      const after = await getCase(c.case.id);
      expect(after).toMatchObject({ state: 'overdue', version: 2 });
    } finally {
      delete process.env.STAGE_LEASE_SECONDS;
    }
  }, 60_000);

  it('sends a reminder once when a worker died after sending it but before recording the stage done', async () => {
    const { commit } = await import('../../functions/shared/store/case-commit.ts');
    const { claimStage } = await import('../../functions/shared/store/stages.ts');
    const { putMessage, listMessages } = await import('../../functions/shared/store/messages.ts');
    const { listNotices } = await import('../../functions/shared/store/notices.ts');
    const { keyedId } = await import('../../functions/shared/cases.ts');
    const now = NOW;
    const c = report(
      { person: { name: '发送', idNumber: idNumber(901), phone: '13700000002' }, originCode: '511321100', destinationCode: '110105001', arrivalDate: localDate(now), expectedStayDays: 90 },
      office,
      DEFAULT_POLICY,
      { caseId: randomUUID(), eventId: randomUUID() },
      now,
    );
    await commit([c]);
    const reminder = c.case.deadline!.stages!.find((s) => s.name === 'remind-3d')!;
    const key = `${c.case.id}#registration@1#remind-3d`;
    process.env.STAGE_LEASE_SECONDS = '1';
    try {
      // The dead worker: intent recorded, the SMS recorded and sent, the stage never marked done.
      expect(await claimStage(key)).toBe('claimed');
      await putMessage({
        id: keyedId(`${key}#sms`), caseId: c.case.id, stage: 'remind-3d', channel: 'sms', to: '13700000002', language: 'zh', text: '…', state: 'sent', dueAt: reminder.at, sentAt: reminder.at,
      });
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const stage = { type: 'stage', caseId: c.case.id, deadline: 'registration@1', stage: 'remind-3d', asOf: reminder.at };
      for (const id of ['r1', 'r2', 'r3']) expect(await invoke('actOnDeadlines', { Records: [sqsRecord(stage, id)] })).toEqual({ batchItemFailures: [] });
      const messages = (await listMessages(c.case.id, undefined, 10)).items;
      expect(messages.map((m) => [m.channel, m.state])).toEqual([['sms', 'sent']]);
      const notices = (await listNotices('110105001', 100)).items.filter((n) => n.caseId === c.case.id && n.type === 'registration.deadline_reminder');
      expect(notices).toHaveLength(1);
    } finally {
      delete process.env.STAGE_LEASE_SECONDS;
    }
  }, 60_000);
});
