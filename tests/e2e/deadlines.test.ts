// Deadlines that act by themselves, walked through on the local stack with the sweep run as of
// chosen instants (as `npm run schedule -- sweepDeadlines --at` does): reminders to the person
// and the office before, overdue at the deadline, escalations after; nothing for a deadline met.
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../local/invoke.ts';
import { type Json, today, useLocalStack } from '../support/local-api.ts';

const local = useLocalStack();
const api = local.call.bind(local);
const sign = (claims: { role: 'caseworker' | 'supervisor' | 'person' | 'admin'; jurisdiction?: string; sub?: string; idNumber?: string }) => local.stack.issuer.sign(claims);
const stageAt = (c: Json, name: string) => (c.deadline.stages as Json[]).find((s) => s.name === name)!.at as string;
const report = (token: string, destinationCode: string, person: Json) =>
  api('POST', '/v1/registrations', {
    token,
    body: { person, originCode: '511321100', destinationCode, arrivalDate: today(), expectedStayDays: 180 },
  }).then((r) => {
    expect(r.status).toBe(201);
    return r.body;
  });

describe('deadlines that act by themselves', () => {
  it('reminds the person and the office before, turns overdue at the deadline, escalates to the county after, each once', async () => {
    const office = await sign({ role: 'caseworker', jurisdiction: '110105001' });
    const county = await sign({ role: 'supervisor', jurisdiction: '110105' });
    const person = { name: '王五', idNumber: '110105198001010059', phone: '13600136000', email: 'wangwu@example.cn' };
    const late = await report(office, '110105001', person);
    const met = await report(office, '110105001', { name: '赵六', idNumber: '110105198001010075', phone: '13600136001' });
    expect((late.deadline.stages as Json[]).map((s) => s.name)).toEqual(['remind-3d', 'remind-1d', 'overdue', 'escalate-1', 'escalate-2']);
    // The second person's documents are complete at once: their deadline is met.
    expect((await api('POST', `/v1/registrations/${met.id}/verify`, { token: office })).status).toBe(200);

    // Two days before the deadline date: the 3-day reminder has gone out.
    const twoDaysBefore = new Date(Date.parse(stageAt(late, 'remind-3d')) + 24 * 3600_000).toISOString();
    const first = await local.sweep(twoDaysBefore);
    expect(first.enqueued).toBeGreaterThanOrEqual(1);
    const messages = (await api('GET', `/v1/messages?caseId=${late.id}`, { token: office })).body.items as Json[];
    expect(messages.map((m) => [m.channel, m.to, m.state, m.stage]).sort()).toEqual([
      ['email', 'w***@example.cn', 'sent', 'remind-3d'],
      ['sms', '136****6000', 'sent', 'remind-3d'],
    ]);
    const sms = messages.find((m) => m.channel === 'sms')!;
    expect(sms.text).toContain('王五');
    expect(sms.text).not.toContain(person.idNumber);
    const inbox = (await api('GET', '/v1/jurisdictions/110105001/notices?limit=100', { token: office })).body.items as Json[];
    expect(inbox.filter((n) => n.caseId === late.id && n.type === 'registration.deadline_reminder')).toHaveLength(1);
    expect(inbox.find((n) => n.caseId === late.id && n.type === 'registration.deadline_reminder')!.data).toMatchObject({ stage: 'remind-3d', daysBefore: 3 });

    // The same instant swept again (two sweeps overlapping), and the stage delivered three times more: nothing twice.
    await local.sweep(twoDaysBefore);
    const stage = { type: 'stage', caseId: late.id, deadline: `registration@${late.version}`, stage: 'remind-3d', asOf: twoDaysBefore };
    const record = (id: string) => ({ messageId: id, receiptHandle: id, body: JSON.stringify(stage), attributes: {}, messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn', awsRegion: 'us-east-1' });
    expect(await invoke('actOnDeadlines', { Records: [record('a'), record('b'), record('c')] })).toEqual({ batchItemFailures: [] });
    expect((await api('GET', `/v1/messages?caseId=${late.id}`, { token: office })).body.items).toHaveLength(2);

    // At the deadline: overdue, with its event and the county's notice.
    await local.sweep(late.deadline.dueAt);
    const overdue = (await api('GET', `/v1/registrations/${late.id}`, { token: office })).body;
    expect(overdue).toMatchObject({ state: 'overdue', deadline: { dueAt: late.deadline.dueAt } });
    const countyInbox = async () => (await api('GET', '/v1/jurisdictions/110105/notices?limit=100', { token: county })).body.items as Json[];
    expect((await countyInbox()).filter((n) => n.caseId === late.id).map((n) => n.type)).toEqual(['registration.overdue']);
    // The 1-day reminder fell due in the same sweep: a reminder of a deadline already missed is not sent, only recorded.
    const afterDeadline = (await api('GET', `/v1/messages?caseId=${late.id}`, { token: office })).body.items as Json[];
    expect(afterDeadline.map((m) => [m.channel, m.state, m.stage]).sort()).toEqual([
      ['email', 'sent', 'remind-3d'],
      ['email', 'skipped', 'remind-1d'],
      ['sms', 'sent', 'remind-3d'],
      ['sms', 'skipped', 'remind-1d'],
    ]);
    expect(afterDeadline.find((m) => m.state === 'skipped')).toMatchObject({ reason: 'the deadline had passed when a sweep caught up' });

    // Three days late: the first escalation, to the county, saying how late.
    await local.sweep(stageAt(late, 'escalate-1'));
    const escalated = (await countyInbox()).find((n) => n.caseId === late.id && n.type === 'registration.deadline_escalated');
    expect(escalated?.data).toMatchObject({ stage: 'escalate-1', daysLate: 3, level: 1, deadline: { date: late.deadline.date } });
    expect(escalated?.data).not.toHaveProperty('person');

    // Ten days late, to the prefecture; the case met in time had nothing at all.
    await local.sweep(stageAt(late, 'escalate-2'));
    const prefecture = (await api('GET', '/v1/jurisdictions/1101/notices?limit=100', { token: await sign({ role: 'supervisor', jurisdiction: '1101' }) })).body.items as Json[];
    expect(prefecture.find((n) => n.caseId === late.id)).toMatchObject({ type: 'registration.deadline_escalated', data: { level: 2, daysLate: 10 } });
    expect((await api('GET', `/v1/messages?caseId=${met.id}`, { token: office })).body.items).toEqual([]);
    const all = [...inbox, ...(await countyInbox()), ...prefecture];
    expect(all.filter((n) => n.caseId === met.id && /deadline_|overdue/.test(n.type))).toEqual([]);
    expect(local.errors).toEqual([]);
  });

  it('holds an SMS due in the quiet hours and sends it when they end; the person reads their own messages', async () => {
    const admin = await sign({ role: 'admin', jurisdiction: '11' });
    // Quiet hours that cover the 09:00 reminders, here only.
    const set = await api('PUT', '/v1/policies/110108', { token: admin, body: { quietHours: { start: '08:30', end: '10:00' } } });
    expect(set.status).toBe(201);
    const self = await sign({ role: 'person', sub: 'person-quiet', idNumber: '110105198001010032' });
    const c = await report(self, '110108001', { name: '钱七', idNumber: '110105198001010032', phone: '13600136002' });
    const reminderAt = stageAt(c, 'remind-3d');
    await local.sweep(reminderAt);
    const held = (await api('GET', `/v1/messages?caseId=${c.id}`, { token: self })).body.items as Json[];
    expect(held).toEqual([expect.objectContaining({ channel: 'sms', state: 'held', releaseAt: reminderAt.replace('T01:00', 'T02:00') })]);
    await local.sweep(held[0]!.releaseAt);
    const sent = (await api('GET', `/v1/messages?caseId=${c.id}&to=13600136002`, { token: self })).body.items as Json[];
    expect(sent).toEqual([expect.objectContaining({ state: 'sent', sentAt: expect.any(String) })]);
    // Nobody else's: another person, or an office elsewhere, learns nothing of the case.
    expect((await api('GET', `/v1/messages?caseId=${c.id}`, { token: await sign({ role: 'person', sub: 'someone-else', idNumber: '511321199001010025' }) })).status).toBe(404);
    expect((await api('GET', `/v1/messages?caseId=${c.id}`, { token: await sign({ role: 'caseworker', jurisdiction: '510104001' }) })).status).toBe(404);
    expect((await api('GET', '/v1/messages', { token: self })).status).toBe(400);
  });

  it('lets an administrator run a schedule as of an instant and replay dead letters, locally only', async () => {
    const admin = await sign({ role: 'admin', jurisdiction: '11' });
    const post = (path: string, token: string) => fetch(`${local.stack.apiUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect((await post('/_local/schedules/sweepDeadlines', await sign({ role: 'caseworker', jurisdiction: '110105001' }))).status).toBe(403);
    expect((await post('/_local/schedules/nothing', admin)).status).toBe(404);
    expect((await post('/_local/schedules/sweepDeadlines?at=yesterday', admin)).status).toBe(400);
    const ran = await post('/_local/schedules/sweepDeadlines?at=2026-12-20T09:00:00%2B08:00', admin);
    expect(await ran.json()).toMatchObject({ until: '2026-12-20T01:00:00.000Z' });
    await local.stack.drained();

    // A message that failed its deliveries waits in the DLQ until an operator moves it back.
    const sqs = new SQSClient({ endpoint: local.stack.sqsEndpoint });
    const { deadLetterUrl } = local.stack.queueUrls.deadlines;
    const stranded = { type: 'stage', caseId: '00000000-0000-4000-8000-000000000000', deadline: 'registration@1', stage: 'overdue' };
    await sqs.send(new SendMessageCommand({ QueueUrl: deadLetterUrl, MessageBody: JSON.stringify(stranded) }));
    const listed = await fetch(`${local.stack.apiUrl}/_local/dead-letters`, { headers: { authorization: `Bearer ${admin}` } });
    expect(await listed.json()).toMatchObject({ deadlines: 1, notifications: 0 });
    expect(await (await post('/_local/dead-letters/deadlines/replay', admin)).json()).toEqual({ queue: 'deadlines', replayed: 1 });
    await local.stack.drained();
    // Replayed and consumed: a stage of a case that does not exist sends nothing and leaves nothing behind.
    expect(await (await fetch(`${local.stack.apiUrl}/_local/dead-letters`, { headers: { authorization: `Bearer ${admin}` } })).json()).toMatchObject({ deadlines: 0 });
    sqs.destroy();
    expect(local.errors).toEqual([]);
  });

  it("records a number that SMS refuses as failed, and the office's reminder still lands", async () => {
    const sns = mockClient(SNSClient);
    sns.on(PublishCommand).rejects(Object.assign(new Error('Invalid parameter: PhoneNumber'), { name: 'InvalidParameterException' }));
    process.env.MESSAGES_DELIVERY = 'aws';
    try {
      const office = await sign({ role: 'caseworker', jurisdiction: '110105002' });
      const c = await report(office, '110105002', { name: '孙八', idNumber: '11010519491231002X', phone: '10000' });
      await local.sweep(stageAt(c, 'remind-3d'));
      const [sms] = (await api('GET', `/v1/messages?caseId=${c.id}`, { token: office })).body.items as Json[];
      expect(sms).toMatchObject({ channel: 'sms', state: 'failed', failure: 'InvalidParameterException: Invalid parameter: PhoneNumber' });
      const inbox = (await api('GET', '/v1/jurisdictions/110105002/notices?limit=100', { token: office })).body.items as Json[];
      expect(inbox.find((n) => n.caseId === c.id && n.type === 'registration.deadline_reminder')).toBeDefined();
      expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
    } finally {
      delete process.env.MESSAGES_DELIVERY;
      sns.restore();
    }
  });
});
