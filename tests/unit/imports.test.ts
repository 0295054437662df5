// Reading filers' CSV files: encodings, quoting, headers in English or Chinese, bad rows, and a
// 200,000-row file streamed without being held in memory.
import { describe, expect, it } from 'vitest';
import { type ImportHeadings, ImportFileError, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, arrivalFromRow, checkImportSize, errorsAsCsv, readImportFile } from '../../core/imports.ts';

const HEADER_EN = 'name,idNumber,phone,originCode,arrivalDate,expectedStayDays,premises';
const HEADER_ZH = '姓名,身份证号,手机号,户籍地代码,到达日期,预计居住天数,住所';
const ROW = '张三,11010519491231002X,13800138000,511321100,2026-11-20,180,"建外街道永安里3号, 2单元"';

/** A file as a stream of small chunks, so multi-byte characters and quotes fall across chunk ends. */
const fileOf = (bytes: Uint8Array, chunk = 7) => () =>
  (async function* () {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  })();
const utf8 = (text: string) => new TextEncoder().encode(text);
/** GB18030 bytes for the few characters the tests use (TextEncoder only writes UTF-8). */
const GB: Record<string, number[]> = { 张: [0xd5, 0xc5], 三: [0xc8, 0xfd], 姓: [0xd0, 0xd5], 名: [0xc3, 0xfb] };
const gb18030 = (text: string) => Uint8Array.from([...text].flatMap((c) => GB[c] ?? [...utf8(c)]));

async function rows(open: () => AsyncIterable<Uint8Array>) {
  const out = [];
  for await (const row of readImportFile(open)) out.push(row);
  return out;
}

describe('reading an import file', () => {
  it('reads UTF-8 with and without a BOM, quoted commas and newlines, across chunk boundaries', async () => {
    const text = `${HEADER_EN}\n${ROW}\n李四,511321199001010025,13900139000,511321100,2026-11-21,90,"第一行\n第二行"\n`;
    for (const bytes of [utf8(text), Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)])]) {
      const read = await rows(fileOf(bytes));
      expect(read).toEqual([
        { row: 2, values: { name: '张三', idNumber: '11010519491231002X', phone: '13800138000', originCode: '511321100', arrivalDate: '2026-11-20', expectedStayDays: '180', premises: '建外街道永安里3号, 2单元' } },
        expect.objectContaining({ row: 3, values: expect.objectContaining({ name: '李四', premises: '第一行\n第二行' }) }),
      ]);
    }
  });

  it('reads GB18030, as spreadsheet software here saves CSV, with Chinese headings', async () => {
    const text = `姓名,idNumber,phone,originCode,arrivalDate,expectedStayDays,premises\n张三,11010519491231002X,13800138000,511321100,2026-11-20,180,Room 3\n`;
    const bytes = gb18030(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const read = await rows(fileOf(bytes));
    expect(read).toEqual([{ row: 2, values: expect.objectContaining({ name: '张三', idNumber: '11010519491231002X' }) }]);
    expect((await rows(fileOf(utf8(`${HEADER_ZH}\n${ROW}\n`))))[0]!.values.name).toBe('张三');
  });

  it('fails the whole file at once when it is not CSV, has no header, or lacks a required column', async () => {
    const refused = async (bytes: Uint8Array) => rows(fileOf(bytes)).then(() => undefined, (error: unknown) => error);
    expect(await refused(utf8(''))).toEqual(new ImportFileError('the file is empty: it has no header row'));
    expect(await refused(utf8(`${ROW}\n${ROW}\n`))).toBeInstanceOf(ImportFileError);
    expect(((await refused(utf8(`${ROW}\n`))) as Error).message).toContain('not a header');
    expect(((await refused(utf8('name,idNumber,phone\n张三,1,2\n'))) as Error).message).toBe(
      'required column(s) missing: originCode (户籍地代码/原籍地代码), arrivalDate (到达日期), expectedStayDays (预计居住天数), premises (住所/居住地址)',
    );
    expect(((await refused(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]))) as Error).message).toContain('not CSV');
    expect(((await refused(utf8(`${HEADER_EN}\n"unclosed,1,2\n`))) as Error).message).toContain('not valid CSV');
  });

  it('refuses a file past 50 MB before reading it', () => {
    expect(() => checkImportSize(MAX_IMPORT_BYTES)).not.toThrow();
    expect(() => checkImportSize(MAX_IMPORT_BYTES + 1)).toThrow(new ImportFileError(`the file is ${MAX_IMPORT_BYTES + 1} bytes; at most ${MAX_IMPORT_BYTES} (50 MB) are accepted`));
  });

  it('names each bad field of a row, and passes good rows through', () => {
    expect(arrivalFromRow({ name: '张三', idNumber: '11010519491231002X', phone: '13800138000', originCode: '511321100', arrivalDate: '2026-11-20', expectedStayDays: '180', premises: '永安里3号' })).toEqual({
      arrival: { person: { name: '张三', idNumber: '11010519491231002X', phone: '13800138000' }, originCode: '511321100', arrivalDate: '2026-11-20', expectedStayDays: 180, premises: '永安里3号' },
    });
    const bad = arrivalFromRow({ name: '张三', idNumber: '110105194912310021', phone: '1', originCode: '51132', arrivalDate: '2026-02-30', expectedStayDays: 'abc', premises: ' ' });
    expect('errors' in bad && bad.errors.map((e) => e.field).sort()).toEqual(['arrivalDate', 'expectedStayDays', 'idNumber', 'originCode', 'phone', 'premises']);
  });

  it('gives the error rows back under the headings the file came with', async () => {
    const headingsOf = async (text: string) => {
      let headings: ImportHeadings = {};
      for await (const _ of readImportFile(fileOf(utf8(text)), undefined, (h) => (headings = h)));
      return headings;
    };
    const zh = await headingsOf(`姓名,公民身份号码,联系电话,原籍地代码,到达日期,预计居住天数,居住地址\n${ROW}\n`);
    expect(zh).toEqual({ name: '姓名', idNumber: '公民身份号码', phone: '联系电话', originCode: '原籍地代码', arrivalDate: '到达日期', expectedStayDays: '预计居住天数', premises: '居住地址' });
    const values = { name: '张三', idNumber: '110105194912310021', phone: '13800138000', originCode: '511321100', arrivalDate: '2026-11-20', expectedStayDays: '180', premises: '永安里3号, 2单元' };
    const errors = [
      { row: 2, field: 'idNumber', reason: 'has a wrong check character', values },
      { row: 3, field: 'row', reason: 'not eligible', values },
    ];
    expect(errorsAsCsv(errors, zh).split('\r\n')).toEqual([
      '姓名,公民身份号码,联系电话,原籍地代码,到达日期,预计居住天数,居住地址,行号,出错字段,出错原因',
      '张三,110105194912310021,13800138000,511321100,2026-11-20,180,"永安里3号, 2单元",2,公民身份号码,has a wrong check character',
      '张三,110105194912310021,13800138000,511321100,2026-11-20,180,"永安里3号, 2单元",3,整行,not eligible',
      '',
    ]);
    // Read again as a file, the error rows are rows (their extra columns ignored).
    expect((await rows(fileOf(utf8(errorsAsCsv(errors, zh)))))[0]!.values).toEqual(values);
    expect(errorsAsCsv(errors, await headingsOf(`${HEADER_EN}\n${ROW}\n`)).split('\r\n')[0]).toBe(`${HEADER_EN},row,field,reason`);
    // An import read before headings were kept: the English names.
    expect(errorsAsCsv(errors).split('\r\n')[1]).toMatch(/,2,idNumber,/);
  });

  it(`streams ${MAX_IMPORT_ROWS} rows without holding the file, and refuses one more`, async () => {
    // Rows of ~400 bytes: the file is ~80 MB, so a reader that kept it could not stay under the bound.
    const line = utf8(`${ROW.replace('建外街道永安里3号, 2单元', `建外街道永安里3号, ${'2单元'.repeat(100)}`)}\n`);
    const file = (count: number) => () =>
      (async function* () {
        yield utf8(`${HEADER_EN}\n`);
        // 1,000 rows a chunk, made as read: the file never exists whole.
        const block = new Uint8Array(line.length * 1000);
        for (let i = 0; i < 1000; i++) block.set(line, i * line.length);
        for (let i = 0; i < count / 1000; i++) yield block;
      })();
    // What is still held, with garbage collected first (vitest runs with --expose-gc).
    const held = () => {
      (globalThis as { gc?: () => void }).gc!();
      return process.memoryUsage().heapUsed;
    };
    const before = held();
    let count = 0;
    let peak = 0;
    for await (const row of readImportFile(file(MAX_IMPORT_ROWS))) {
      count++;
      if (row.row % 20_000 === 0) peak = Math.max(peak, held() - before);
    }
    expect(count).toBe(MAX_IMPORT_ROWS);
    expect(line.length * MAX_IMPORT_ROWS).toBeGreaterThan(70 * 1024 * 1024);
    expect(peak).toBeLessThan(16 * 1024 * 1024);
    await expect(rows(file(MAX_IMPORT_ROWS + 1000))).rejects.toThrow(`more than ${MAX_IMPORT_ROWS} rows`);
  }, 120_000);
});
