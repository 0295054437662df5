// Issue 20: nothing lost, nothing doubled when the whole local stack is SIGKILLed twice mid-burst
// (API, workers, the queue emulator, DynamoDB Local) and started again on the same data folder,
// with a client that retries every request that got no answer with its Idempotency-Key.
import { describe, expect, it } from 'vitest';
import { type CrashReport, crashScenario } from '../support/crash.ts';
import { FIXTURE_NOW } from '../support/local-api.ts';

const CREATES = 24;

describe('a crash of the whole stack', () => {
  let report: CrashReport;

  it('answers every retried create as it answered first, and creates each once', async () => {
    report = await crashScenario({ creates: CREATES, concurrency: 6, importRows: 120, clock: FIXTURE_NOW, log: (line) => console.log(`[crash] ${new Date().toISOString()} ${line}`) });
    expect(report.kills).toBe(2);
    // The kills hit requests in flight: the scenario is not a calm one.
    expect(report.retriedAfterNoAnswer).toBeGreaterThan(0);
    for (const [key, answers] of report.answers) {
      // Every answer of a key is the first one: 201 and the same case, byte for byte.
      expect(answers.map((a) => a.status), key).toEqual(answers.map(() => 201));
      for (const later of answers.slice(1)) expect(later.body, key).toEqual(answers[0]!.body);
      expect(report.finalAnswers.get(key)!.replayed, key).toBe(true);
    }
    for (let i = 0; i < CREATES; i++) {
      const ids = report.casesByName.get(`崩溃${i}`);
      expect(ids, `崩溃${i}`).toEqual([report.answers.get(`crash-${i}`)![0]!.body.id]);
    }
  }, 600_000);

  it('files every notice once, delivers every event with one webhook-id, and finishes the import', () => {
    const created = [...report.casesByName.entries()].filter(([name]) => /^(崩溃|导入)\d+$/.test(name)).map(([, ids]) => ids[0]!);
    expect(created).toHaveLength(CREATES + (report.importView.created as number));
    for (const id of created) expect(report.originNotices.get(id), id).toBe(1);

    const byEvent = new Map<string, Set<string>>();
    const byWebhook = new Map<string, Set<string>>();
    for (const r of report.received) {
      expect(r.verified).toBe(true);
      const eventId = r.event.id as string;
      byEvent.set(eventId, (byEvent.get(eventId) ?? new Set()).add(r.id));
      byWebhook.set(r.id, (byWebhook.get(r.id) ?? new Set()).add(eventId));
    }
    for (const ids of [...byEvent.values(), ...byWebhook.values()]) expect(ids.size).toBe(1);
    const delivered = new Set(report.received.map((r) => (r.event.data as { caseId: string }).caseId));
    for (const id of created) expect(delivered.has(id), id).toBe(true);

    const v = report.importView as { state: string; rows: number; created: number; updated: number; failed: number };
    expect(v.state).toBe('done');
    expect(v.rows).toBe(report.importRows);
    expect(v.created + v.updated + v.failed).toBe(v.rows);
    expect(v.failed).toBe(0);
  });

  // How long recovery takes is a figure of npm run bench:recovery, not a test's.
  it('leaves no process behind', () => {
    expect(report.leftBehind).toEqual([]);
  });
});
