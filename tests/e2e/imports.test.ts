// Bulk filings end to end on the local stack: an import id and a presigned URL, the file PUT to
// S3 (fauxqs), the upload notification, the reader splitting it into chunks, the chunks
// reporting arrivals. A 5,000-row file with 50 planted bad rows gives 4,950 registrations and
// 50 errors naming the row and field; the same file again adds nothing; a chunk delivered
// twice is counted once; a file that is not a usable CSV fails at once.
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../core/calendar.ts';
import { checkCharacter } from '../../core/id-number.ts';
import { type ImportRow, readImportFile } from '../../core/imports.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFile } from '../../local/import-file.ts';
import { invoke } from '../../local/invoke.ts';
import { type Json, useLocalStack } from '../support/local-api.ts';
import { eventually } from '../support/wait.ts';

const local = useLocalStack();
const api = local.call.bind(local);

const idNumber = (i: number) => {
  const first17 = `110105${addCalendarDays('1975-01-01', Math.floor(i / 500)).replace(/-/g, '')}${String(i % 500).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};
const HEADER = '姓名,身份证号,手机号,户籍地代码,到达日期,预计居住天数,住所';
const good = (i: number) => `工人${i},${idNumber(i)},13800${String(i).padStart(6, '0')},511321100,2026-11-20,180,"厂区宿舍${i % 40}号楼, ${i % 8}层"`;

/** 5,000 rows; 50 bad ones at known rows (the header is row 1, so data row i is row i + 2). */
function fileWithPlantedErrors() {
  const lines: string[] = [];
  const planted = new Map<number, string>();
  for (let i = 0; i < 5000; i++) {
    let line = good(i);
    if (i % 100 === 7 && planted.size < 15) {
      const wrong = idNumber(i).slice(0, 17) + (idNumber(i).endsWith('0') ? '1' : '0');
      line = line.replace(idNumber(i), wrong);
      planted.set(i + 2, '身份证号');
    } else if (i % 100 === 31 && planted.size < 30) {
      line = line.replace(',511321100,', ',999999999,');
      planted.set(i + 2, 'originCode');
    } else if (i % 100 === 55 && planted.size < 40) {
      line = line.replace(',2026-11-20,', ',2099-01-01,');
      planted.set(i + 2, 'arrivalDate');
    } else if (i % 100 === 89 && planted.size < 50) {
      line = good(i - 1);
      planted.set(i + 2, 'idNumber');
    }
    lines.push(line);
  }
  return { text: `${HEADER}\r\n${lines.join('\r\n')}\r\n`, planted };
}

async function upload(token: string, body: string | Uint8Array, target: string | { destinationCode?: string; groupId?: string } = '110105001') {
  const started = await api('POST', '/v1/imports', { token, body: typeof target === 'string' ? { destinationCode: target } : target });
  expect(started.status).toBe(201);
  expect(started.body).toMatchObject({ state: 'waiting_for_upload', upload: { method: 'PUT' } });
  const put = await fetch(started.body.upload.url, { method: 'PUT', body });
  expect(put.status).toBe(200);
  return (await eventually(
    async () => {
      const status = await api('GET', `/v1/imports/${started.body.id}?limit=1000`, { token });
      return ['done', 'failed'].includes(status.body.state) ? status.body : undefined;
    },
    420_000,
  )) as Json;
}

/** Chunk 0 of an import delivered once more, as SQS may. */
const deliverAgain = (importId: string, rows: ImportRow[]) =>
  invoke('processImportChunk', {
    Records: [
      {
        messageId: 'again',
        receiptHandle: 'r',
        body: JSON.stringify({ importId, chunk: 0, rows }),
        attributes: {},
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn',
        awsRegion: 'us-east-1',
      },
    ],
  });

async function rowsOf(text: string): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  const bytes = new TextEncoder().encode(text);
  for await (const row of readImportFile(() => (async function* () { yield bytes; })())) rows.push(row);
  return rows;
}

describe('bulk filings', () => {
  const state: { token?: string; first?: Json; planted?: Map<number, string> } = {};

  it('reports 4,950 arrivals from a 5,000-row file and names the 50 bad rows', async () => {
    const token = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '110105001' });
    const { text, planted } = fileWithPlantedErrors();
    expect(planted.size).toBe(50);
    const done = await upload(token, text);
    expect(done).toMatchObject({ state: 'done', rows: 5000, done: 5000, created: 4950, updated: 0, failed: 50 });
    const errors = done.errors.items as Json[];
    expect(errors).toHaveLength(50);
    expect(new Map(errors.map((e) => [e.row, e.field]))).toEqual(
      new Map([...planted].map(([row, field]) => [row, field === '身份证号' ? 'idNumber' : field])),
    );
    expect(errors.find((e) => e.field === 'originCode')).toMatchObject({ reason: 'no jurisdiction 999999999 is known', values: { name: expect.any(String) } });
    // The error rows as a file to fix and upload again.
    const csv = await fetch(`${local.stack.apiUrl}/v1/imports/${done.id}?format=csv`, { headers: { authorization: `Bearer ${token}` } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // A BOM first, so spreadsheet software here opens the UTF-8 file with its Chinese intact.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(lines).toHaveLength(51);
    // Under the headings the file came with (kept when it was read), the field named as the file heads it.
    expect(done.headings).toEqual({ name: '姓名', idNumber: '身份证号', phone: '手机号', originCode: '户籍地代码', arrivalDate: '到达日期', expectedStayDays: '预计居住天数', premises: '住所' });
    expect(lines[0]).toBe(`${HEADER},行号,出错字段,出错原因`);
    expect(new Set(lines.slice(1).map((line) => /,(\d+),([^,]+),("(?:[^"]|"")*"|[^,"]*)$/.exec(line)?.[2]))).toEqual(new Set(['身份证号', '户籍地代码', '到达日期']));
    // The arrivals are registrations at the premises' jurisdiction, linked to the import.
    const listed = await api('GET', '/v1/cases?jurisdiction=110105001&type=registration&limit=5', { token });
    expect(listed.body.items[0]).toMatchObject({ importId: done.id, destinationCode: '110105001', premises: expect.stringContaining('厂区宿舍') });
    Object.assign(state, { token, first: done, planted });
  }, 480_000);

  it('adds nothing when the same file is uploaded again, and counts a redelivered chunk once', async () => {
    const again = await upload(state.token!, fileWithPlantedErrors().text);
    expect(again).toMatchObject({ state: 'done', rows: 5000, created: 0, updated: 4950, failed: 50 });

    // Chunk 0 of the first import as the reader sent it: its first 250 rows.
    const rows: ImportRow[] = [];
    const bytes = new TextEncoder().encode(fileWithPlantedErrors().text);
    for await (const row of readImportFile(() => (async function* () { yield bytes; })())) {
      if (rows.length === 250) break;
      rows.push(row);
    }
    expect(await deliverAgain(state.first!.id, rows)).toEqual({ batchItemFailures: [] });
    const after = await api('GET', `/v1/imports/${state.first!.id}`, { token: state.token });
    expect(after.body).toMatchObject({ created: 4950, updated: 0, failed: 50 });
  }, 480_000);

  it('fails a file at once when it is not CSV or lacks a column, and reads GB18030', async () => {
    state.token ??= await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '110105001' });
    const notCsv = await upload(state.token!, Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    expect(notCsv).toMatchObject({ state: 'failed', reason: expect.stringContaining('not CSV'), created: 0 });
    const missing = await upload(state.token!, 'name,idNumber\n张三,11010519491231002X\n');
    expect(missing).toMatchObject({ state: 'failed', reason: expect.stringContaining('required column(s) missing') });
    // GB18030: 张三 and 姓名 as spreadsheet software here writes them.
    const gb = Uint8Array.from([
      0xd0, 0xd5, 0xc3, 0xfb, ...new TextEncoder().encode(',idNumber,phone,originCode,arrivalDate,expectedStayDays,premises\n'),
      0xd5, 0xc5, 0xc8, 0xfd, ...new TextEncoder().encode(',51132119900101002X,13900139000,511321100,2026-11-21,90,Room 1\n'),
    ]);
    const read = await upload(state.token!, gb);
    // The row's ID number is wrong on purpose: its error row shows the name read back from GB18030.
    expect(read).toMatchObject({ state: 'done', rows: 1, failed: 1 });
    expect(read.errors.items[0]).toMatchObject({ row: 2, field: 'idNumber', values: { name: '张三', idNumber: '51132119900101002X', phone: '13900139000' } });
    // The importer gets its row back as sent, to fix it; an office above sees the numbers masked.
    const county = await local.stack.issuer.sign({ role: 'supervisor', jurisdiction: '110105' });
    const seen = (await api('GET', `/v1/imports/${read.id}`, { token: county })).body;
    expect(seen.errors.items[0].values).toMatchObject({ name: '张三', idNumber: '511321********002X', phone: '139****9000' });
    expect(local.errors).toEqual([]);
  }, 300_000);

  it('lets a landlord file for its own premises, following the file to the end with a progress bar, as npm run import does', async () => {
    const landlord = await local.stack.issuer.sign({ role: 'filer', jurisdiction: '110105002', organisation: '91110105MA01XXXX0X', sub: 'landlord-1' });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'liudong-import-'));
    const file = path.join(dir, 'tenants.csv');
    writeFileSync(file, `${HEADER}\n${good(9001)}\n${good(9002).replace(',511321100,', ',999999999,')}\n`);
    const lines: string[] = [];
    const outcome = await importFile({
      apiUrl: local.stack.apiUrl,
      token: landlord,
      file,
      destinationCode: '110105002',
      progress: (line) => lines.push(line),
      pollMs: 100,
    });
    rmSync(dir, { recursive: true, force: true });
    expect(outcome).toMatchObject({ state: 'done', rows: 2, created: 1, failed: 1, errors: [{ row: 3, field: 'originCode' }] });
    expect(lines.at(-1)).toBe('[##############################] 2/2 rows · created 1 · updated 0 · failed 1 (done)');
    // The landlord sees what it filed, and nothing of other premises.
    const mine = await api('GET', `/v1/imports/${outcome.id}`, { token: landlord });
    expect(mine.status).toBe(200);
    const office = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '110105002' });
    const reported = (await api('GET', '/v1/cases?jurisdiction=110105002&type=registration', { token: office })).body.items as Json[];
    const filed = reported.find((c) => c.importId === outcome.id)!;
    expect(filed.openedBy).toEqual({ sub: 'landlord-1', role: 'filer', office: '110105002', organisation: '91110105MA01XXXX0X' });
    expect((await api('GET', `/v1/registrations/${filed.id}`, { token: landlord })).status).toBe(200);
    expect((await api('POST', '/v1/imports', { token: landlord, body: { destinationCode: '110105001' } })).status).toBe(403);
    const noOrganisation = await local.stack.issuer.sign({ role: 'filer', jurisdiction: '110105002' });
    expect((await api('POST', '/v1/imports', { token: noOrganisation, body: { destinationCode: '110105002' } })).status).toBe(403);
  }, 120_000);

  it('is started only by an office covering the premises, and read only by it or the importer', async () => {
    const elsewhere = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '510104001' });
    expect((await api('POST', '/v1/imports', { token: elsewhere, body: { destinationCode: '110105001' } })).status).toBe(403);
    expect((await api('GET', `/v1/imports/${state.first!.id}`, { token: elsewhere })).status).toBe(404);
    const person = await local.stack.issuer.sign({ role: 'person', sub: 'p', idNumber: '11010519491231002X' });
    expect((await api('POST', '/v1/imports', { token: person, body: { destinationCode: '110105001' } })).status).toBe(403);
  });

  it("brings a person's open case at the destination up to date instead of opening another, and leaves other accounts' cases to the office", async () => {
    const office = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '110108001' });
    const arrival = (i: number, by: string, token: string) =>
      api('POST', '/v1/registrations', {
        token,
        body: { person: { name: `住户${i}`, idNumber: idNumber(i), phone: '13700000000' }, originCode: '511321100', destinationCode: '110108001', arrivalDate: '2026-11-10', expectedStayDays: 90 },
      }).then((r) => {
        expect(r.status, by).toBe(201);
        return r.body as Json;
      });
    const byOffice = await arrival(7001, 'office', office);
    const bySelf = await arrival(7002, 'person', await local.stack.issuer.sign({ role: 'person', sub: 'tenant-7002', idNumber: idNumber(7002) }));
    // The landlord's list a week later: the same people, a new phone, their rooms; and one newcomer.
    const row = (i: number, phone: string) => `住户${i},${idNumber(i)},${phone},511321100,2026-11-18,120,"幸福里${i}号"`;
    const list = `${HEADER}\n${row(7001, '13911112222')}\n${row(7003, '13911113333')}\n`;
    const done = await upload(office, list, '110108001');
    expect(done).toMatchObject({ state: 'done', rows: 2, created: 1, updated: 1, failed: 0 });
    const updated = await api('GET', `/v1/registrations/${byOffice.id}`, { token: office });
    expect(updated.body).toMatchObject({ state: 'reported', arrivalDate: '2026-11-10', expectedStayDays: 120, premises: '幸福里7001号', person: { phone: '139****2222' } });
    expect(updated.body.deadline).toEqual(byOffice.deadline);
    const history = (await api('GET', `/v1/registrations/${byOffice.id}/history`, { token: office })).body.items as Json[];
    expect(history.at(-1)).toMatchObject({ action: 'update_details', from: 'reported', to: 'reported', note: `updated phone, expectedStayDays, premises: from import ${done.id}` });
    const cases = (await api('GET', '/v1/cases?jurisdiction=110108001&type=registration', { token: office })).body.items as Json[];
    expect(cases.filter((c) => c.person.name === '住户7001')).toHaveLength(1);
    // Reported again at the office with another arrival date: the open case is named, none is added.
    const again = await api('POST', '/v1/registrations', {
      token: office,
      body: { person: { name: '住户7001', idNumber: idNumber(7001), phone: '13911112222' }, originCode: '511321100', destinationCode: '110108001', arrivalDate: '2026-11-18', expectedStayDays: 120 },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ caseId: byOffice.id, detail: expect.stringContaining('update-details') });
    // The same list again changes nothing and still makes no second case.
    expect(await upload(office, list, '110108001')).toMatchObject({ created: 0, updated: 2, failed: 0 });

    // A landlord's list naming a tenant who reported themself: the office, not the landlord, changes that case.
    const landlord = await local.stack.issuer.sign({ role: 'filer', jurisdiction: '110108001', organisation: '91110105MA01YYYY0Y', sub: 'landlord-2' });
    const theirs = await upload(landlord, `${HEADER}\n${row(7002, '13911114444')}\n`, '110108001');
    expect(theirs).toMatchObject({ created: 0, updated: 0, failed: 1 });
    expect(theirs.errors.items[0]).toMatchObject({ row: 2, field: 'idNumber', reason: expect.stringContaining(`(${bySelf.id}) that another account reported`) });
    expect((await api('GET', `/v1/registrations/${bySelf.id}`, { token: office })).body.person.phone).toBe('137****0000');
    // The person corrects their own details through the same action.
    const tenant = await local.stack.issuer.sign({ role: 'person', sub: 'tenant-7002', idNumber: idNumber(7002) });
    const own = await api('POST', `/v1/registrations/${bySelf.id}/update-details`, { token: tenant, body: { phone: '13911114444' } });
    expect(own.body).toMatchObject({ state: 'reported', person: { phone: '139****4444' } });
    const nothing = await api('POST', `/v1/registrations/${bySelf.id}/update-details`, { token: tenant, body: {} });
    expect(nothing.status).toBe(400);
  }, 120_000);

  it("imports an organised group's members into the group, once however often a chunk comes", async () => {
    const office = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '110105002' });
    const responsible = { name: '刘强', idNumber: '110105198001010016', phone: '13500135000' };
    const group = await api('POST', '/v1/groups', {
      token: office,
      body: {
        responsiblePerson: responsible,
        organisation: { name: '南部县劳务输出有限公司' },
        agreementReference: '南劳协〔2026〕13号',
        originCode: '511321100',
        destinationCode: '110105002',
        arrivalDate: '2026-11-20',
        members: [{ person: { name: '工人8000', idNumber: idNumber(8000), phone: '13800000000' }, expectedStayDays: 180 }],
      },
    });
    expect(group.status).toBe(201);
    const text = `${HEADER}\n${[8001, 8002, 8003].map(good).join('\n')}\n${good(8000)}\n`;
    const done = await upload(office, text, { groupId: group.body.id });
    // The member already in the group is an update of their open case (their premises), not a second member.
    expect(done).toMatchObject({ state: 'done', groupId: group.body.id, destinationCode: '110105002', rows: 4, created: 3, updated: 1, failed: 0 });
    const after = (await api('GET', `/v1/groups/${group.body.id}`, { token: office })).body;
    expect(after.members).toHaveLength(4);
    const joined = (after.members as Json[]).find((m) => m.name === '工人8003')!;
    const member = await api('GET', `/v1/registrations/${joined.registrationId}`, { token: office });
    expect(member.body).toMatchObject({ groupId: group.body.id, importId: done.id, person: { name: '工人8003' }, premises: expect.stringContaining('厂区宿舍') });
    expect(await deliverAgain(done.id, await rowsOf(text))).toEqual({ batchItemFailures: [] });
    expect((await api('GET', `/v1/groups/${group.body.id}`, { token: office })).body.members).toHaveLength(4);
    expect((await api('GET', `/v1/imports/${done.id}`, { token: office })).body).toMatchObject({ created: 3, updated: 1 });
    // Only an office that may add members, and to the group's own destination.
    const elsewhere = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '510104001' });
    expect((await api('POST', '/v1/imports', { token: elsewhere, body: { groupId: group.body.id } })).status).toBe(404);
    const wrong = await api('POST', '/v1/imports', { token: office, body: { groupId: group.body.id, destinationCode: '110105001' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0]).toMatchObject({ field: 'destinationCode', reason: "must be the group's destination 110105002, or left out" });
    expect((await api('POST', '/v1/imports', { token: office, body: {} })).body.errors[0]).toMatchObject({ field: 'destinationCode' });
  }, 120_000);

  it('uploads a file larger than the local S3 takes in one request in parts, as npm run import does', async () => {
    const office = await local.stack.issuer.sign({ role: 'caseworker', jurisdiction: '110105001' });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'liudong-import-'));
    const file = path.join(dir, 'large.csv');
    // 12 MiB: one row, blank lines the reader skips, and a row at the very end that only a whole upload carries.
    writeFileSync(file, `${HEADER}\n${good(9101)}\n${'\n'.repeat(12 * 1_048_576)}${good(9102)}\n`);
    const outcome = await importFile({ apiUrl: local.stack.apiUrl, token: office, file, destinationCode: '110105001', pollMs: 200 });
    rmSync(dir, { recursive: true, force: true });
    expect(outcome).toMatchObject({ state: 'done', rows: 2, created: 2, failed: 0 });
  }, 120_000);
});
