// The crash scenario of issue 20, shared by the crash test (small) and `npm run bench:recovery`
// (larger): `npm start` on a data folder, an agency subscribed over webhooks, an import and a
// burst of registrations in flight, the whole process group SIGKILLed twice mid-burst and started
// again on the same folder, and a client that retries every request that got no answer with its
// key, as the Idempotency-Key contract asks. It returns what was observed; callers assert.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localDate } from '../../core/calendar.ts';
import { checkCharacter } from '../../core/id-number.ts';
import { devIssuer } from '../../local/dev-issuer.ts';
import { freePort } from '../../local/net.ts';
import { type Received, startWebhookReceiver } from '../../local/webhook-receiver.ts';
import { type StartedStack, ctrlC, groupMembers, javaWith, killGroup, npmStart } from './processes.ts';
import { eventually } from './wait.ts';

export interface CrashOptions {
  /** Registrations in the burst, and how many are sent at once. */
  creates: number;
  concurrency: number;
  /** Rows of the import started just before the burst. */
  importRows: number;
  /** The stack's clock at the start (`npm start -- --clock`). */
  clock: string;
  log?: (line: string) => void;
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  replayed: boolean;
}

export interface CrashReport {
  /** Every answer each key got, in order (the first is the one that created, or replays of it). */
  answers: Map<string, Answer[]>;
  /** One more request per key after everything settled. */
  finalAnswers: Map<string, Answer>;
  /** Requests that got no answer (the process died under them) and were sent again. */
  retriedAfterNoAnswer: number;
  /** 409s with Retry-After the client waited out. */
  waitedOut: number;
  /** Registrations at the destination, by the person's name. */
  casesByName: Map<string, string[]>;
  /** `registration.reported` notices in the origin's inbox, by case. */
  originNotices: Map<string, number>;
  received: Received[];
  importRows: number;
  importView: Record<string, unknown>;
  /** From the last restart until the last first-delivery of an event, and until the import was done. */
  restartToLastDeliveryMs: number;
  restartToImportDoneMs: number;
  /** Processes of the stack's groups, and DynamoDB Local JVMs of its folder, once it was stopped. */
  leftBehind: number[];
  kills: number;
}

/** A valid ID number, distinct for every `n` below 1,000,000 within one `year`. */
function idNumber(year: number, n: number): string {
  const first17 = `110105${year + Math.floor(n / 1000)}0101${String(n % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function crashScenario(options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? (() => {});
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'liudong-crash-'));
  const dataDir = path.join(scratch, 'data');
  const port = await freePort();
  const started = Date.now();
  // The clock runs on from the fixture across restarts, as it would have without them.
  const clockNow = () => new Date(Date.parse(options.clock) + (Date.now() - started)).toISOString();
  const start = () => npmStart(['--port', String(port), '--data-dir', dataDir, '--clock', clockNow()]);
  const groups: number[] = [];
  let stack: StartedStack = await start();
  groups.push(stack.group);
  const base = stack.apiUrl;
  const receiver = await startWebhookReceiver({ secrets: [] });
  try {
    const issuer = await devIssuer(dataDir);
    const office = await issuer.sign({ role: 'caseworker', jurisdiction: '110105001' });
    const origin = await issuer.sign({ role: 'caseworker', jurisdiction: '511321100' });
    const agency = await issuer.sign({ role: 'agency', jurisdiction: '110105', agency: 'crash-agency' });
    const today = localDate(new Date(options.clock));

    /** One request, sent again with the same key until it is answered: no answer, 409 + Retry-After, 503. */
    let retriedAfterNoAnswer = 0;
    let waitedOut = 0;
    async function send(method: string, url: string, token: string, body: unknown, key?: string): Promise<Answer> {
      for (;;) {
        let response: Response;
        try {
          response = await fetch(`${base}${url}`, {
            method,
            headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(key ? { 'idempotency-key': key } : {}) },
            ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
            signal: AbortSignal.timeout(30_000),
          });
        } catch {
          // The stack died under the request, or is not up again yet.
          retriedAfterNoAnswer++;
          await wait(250);
          continue;
        }
        const text = await response.text();
        const retryAfter = Number(response.headers.get('retry-after') ?? 0);
        if (key && (response.status === 409 || response.status === 503) && retryAfter > 0) {
          waitedOut++;
          await wait(retryAfter * 1000);
          continue;
        }
        return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, replayed: response.headers.get('idempotent-replayed') === 'true' };
      }
    }

    const subscribed = await send('POST', '/v1/subscriptions', agency, { url: receiver.url, eventTypes: ['registration.reported'], jurisdiction: '110105', purpose: 'statistics' }, 'crash-subscription');
    if (subscribed.status !== 201) throw new Error(`subscribing: ${subscribed.status} ${JSON.stringify(subscribed.body)}`);
    receiver.secrets.push(subscribed.body.secret as string);

    // The import, its file uploaded before the burst: its chunks are processed while the stack is killed.
    const imported = await send('POST', '/v1/imports', office, { destinationCode: '110105001' }, 'crash-import');
    if (imported.status !== 201) throw new Error(`starting the import: ${imported.status} ${JSON.stringify(imported.body)}`);
    const rows = Array.from({ length: options.importRows }, (_, i) => [`导入${i}`, idNumber(1982, i), `1390000${String(i % 10000).padStart(4, '0')}`, '511321100', today, '180', `建外街道${i}号`].join(','));
    const csv = ['name,idNumber,phone,originCode,arrivalDate,expectedStayDays,premises', ...rows].join('\n');
    const upload = (imported.body.upload as { url: string }).url;
    for (;;) {
      const put = await fetch(upload, { method: 'PUT', body: csv }).catch(() => undefined);
      if (put?.ok) break;
      await wait(250);
    }

    // The burst: `concurrency` clients, each request with its own key.
    const answers = new Map<string, Answer[]>();
    const registration = (i: number) => ({
      person: { name: `崩溃${i}`, idNumber: idNumber(1981, i), phone: `1380000${String(i).padStart(4, '0')}` },
      originCode: '511321100',
      destinationCode: '110105001',
      arrivalDate: today,
      expectedStayDays: 180,
    });
    let next = 0;
    let answered = 0;
    const clients = Array.from({ length: options.concurrency }, async () => {
      while (next < options.creates) {
        const i = next++;
        const key = `crash-${i}`;
        const answer = await send('POST', '/v1/registrations', office, registration(i), key);
        answers.set(key, [answer]);
        answered++;
      }
    });

    // Two kills mid-burst, each followed by a start on the same folder and port.
    let kills = 0;
    let lastRestart = Date.now();
    const killer = (async () => {
      for (const share of [1 / 3, 2 / 3]) {
        await eventually(() => (answered >= Math.floor(options.creates * share) ? true : undefined), 300_000);
        log(`SIGKILL after ${answered} answers`);
        await killGroup(stack, dataDir);
        kills++;
        stack = await start();
        groups.push(stack.group);
        lastRestart = Date.now();
        log(`started again (${kills})`);
      }
    })();
    await Promise.all([...clients, killer]);

    // Each key once more: the answer a client that lost the first would get.
    const finalAnswers = new Map<string, Answer>();
    for (let i = 0; i < options.creates; i++) {
      const key = `crash-${i}`;
      const again = await send('POST', '/v1/registrations', office, registration(i), key);
      answers.get(key)!.push(again);
      finalAnswers.set(key, again);
    }

    log('every key answered once more');
    const importId = imported.body.id as string;
    const importView = await eventually(async () => {
      const r = await send('GET', `/v1/imports/${importId}`, office, undefined);
      return r.body.state === 'done' || r.body.state === 'failed' ? r.body : undefined;
    }, 300_000);
    const restartToImportDoneMs = Date.now() - lastRestart;
    log(`import ${String(importView.state)}`);

    // Every registration, by name, at the destination.
    const casesByName = new Map<string, string[]>();
    for (let cursor: string | undefined, first = true; first || cursor; first = false) {
      const page = await send('GET', `/v1/cases?jurisdiction=110105001&type=registration&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, office, undefined);
      for (const c of page.body.items as { id: string; person: { name: string } }[]) casesByName.set(c.person.name, [...(casesByName.get(c.person.name) ?? []), c.id]);
      cursor = page.body.cursor as string | undefined;
    }
    const expected = new Set([...casesByName.entries()].filter(([name]) => /^(崩溃|导入)\d+$/.test(name)).flatMap(([, ids]) => ids));

    // Each of them reached the agency, at least once; then the origin's inbox is read.
    const firstDelivery = new Map<string, number>();
    await eventually(() => {
      for (const r of receiver.received) {
        const caseId = (r.event.data as { caseId?: string } | undefined)?.caseId;
        if (caseId && !firstDelivery.has(caseId)) firstDelivery.set(caseId, r.at);
      }
      return [...expected].every((id) => firstDelivery.has(id)) ? true : undefined;
    }, 300_000).catch(() => undefined);
    const restartToLastDeliveryMs = Math.max(0, ...[...firstDelivery.values()].map((at) => at - lastRestart));
    log(`${firstDelivery.size} of ${expected.size} cases delivered`);

    const originNotices = new Map<string, number>();
    for (let cursor: string | undefined, first = true; first || cursor; first = false) {
      const page = await send('GET', `/v1/jurisdictions/511321100/notices?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, origin, undefined);
      for (const n of page.body.items as { caseId: string; type: string }[]) {
        if (n.type === 'registration.reported') originNotices.set(n.caseId, (originNotices.get(n.caseId) ?? 0) + 1);
      }
      cursor = page.body.cursor as string | undefined;
    }

    await ctrlC(stack, dataDir);
    const leftBehind = [...groups.flatMap(groupMembers), ...javaWith(dataDir)];
    return {
      answers,
      finalAnswers,
      retriedAfterNoAnswer,
      waitedOut,
      casesByName,
      originNotices,
      received: receiver.received,
      importRows: options.importRows,
      importView,
      restartToLastDeliveryMs,
      restartToImportDoneMs,
      leftBehind,
      kills,
    };
  } finally {
    await receiver.stop();
    for (const group of groups) {
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // stopped already
      }
    }
    rmSync(scratch, { recursive: true, force: true });
  }
}
