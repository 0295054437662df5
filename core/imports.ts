// Bulk filings (employer staff lists, landlord tenant lists): reading the CSV a filer uploads.
// Spreadsheet software here writes GB18030 or UTF-8 (with or without a BOM); the file is read
// as a stream, row by row, so a 200,000-row file is never held in memory. Each row becomes a
// registration report, or a list of what is wrong with it; a bad row never stops the others.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { DomainError, type FieldProblem } from './errors.ts';
import { redactText } from './masking.ts';
import type { Policy } from './policy.ts';
import type { Principal } from './principal.ts';
import type { Decision } from './workflows/engine.ts';
import { OPEN_STATES, type RegistrationCase, changedDetails, report, updateDetails } from './workflows/registration.ts';
import { Actor, JurisdictionCode, LocalDate } from './schemas/common.ts';
import { RegistrationRequest } from './schemas/registrations.ts';
import { z } from 'zod';

/** The columns a file may have, each under its English or its Chinese heading. */
export { IMPORT_COLUMNS, type ImportColumn, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, REQUIRED_COLUMNS } from './import-columns.ts';
import { IMPORT_COLUMNS, type ImportColumn, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, REQUIRED_COLUMNS } from './import-columns.ts';

/** Each column's heading as the file's first row spells it (`身份证号`, `idNumber`…). */
export type ImportHeadings = Partial<Record<ImportColumn, string>>;

/** Why a whole file is refused at once (not CSV, no header, a required column missing, too many rows). */
export class ImportFileError extends Error {}

export interface ImportRow {
  /** 1-based line of the data row as a spreadsheet shows it (the header is row 1). */
  row: number;
  values: Partial<Record<ImportColumn, string>>;
  /** An earlier row of the same file for the same person. */
  duplicateOf?: number;
}

/** Marks rows that repeat an earlier row of the file: a list names each person once. */
export function duplicateMarker(): (row: ImportRow) => ImportRow {
  const first = new Map<string, number>();
  return (row) => {
    const key = (row.values.idNumber ?? '').trim().toUpperCase();
    const earlier = first.get(key);
    if (earlier !== undefined) return { ...row, duplicateOf: earlier };
    first.set(key, row.row);
    return row;
  };
}

/** Text from bytes in the given encoding, as it streams (a leading BOM is dropped). */
async function* decode(bytes: AsyncIterable<Uint8Array>, encoding: 'utf-8' | 'gb18030'): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of bytes) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.includes('\u0000')) throw new ImportFileError('the file is not CSV text (it holds binary data)');
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

function headerMap(header: string[]): Map<number, ImportColumn> {
  const byHeading = new Map<string, ImportColumn>();
  for (const [column, headings] of Object.entries(IMPORT_COLUMNS) as [ImportColumn, readonly string[]][]) {
    for (const heading of headings) byHeading.set(heading.toLowerCase(), column);
  }
  const map = new Map<number, ImportColumn>();
  header.forEach((heading, i) => {
    const column = byHeading.get(heading.trim().toLowerCase());
    if (column) map.set(i, column);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => ![...map.values()].includes(c));
  if (missing.length === REQUIRED_COLUMNS.length) {
    throw new ImportFileError(`the first row is not a header: expected columns ${REQUIRED_COLUMNS.join(', ')} (or their Chinese headings)`);
  }
  if (missing.length > 0) {
    throw new ImportFileError(`required column(s) missing: ${missing.map((c) => `${c} (${IMPORT_COLUMNS[c].slice(1).join('/')})`).join(', ')}`);
  }
  return map;
}

async function* parseRows(text: AsyncIterable<string>, onHeadings?: (headings: ImportHeadings) => void): AsyncGenerator<ImportRow> {
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, bom: true, trim: true });
  // A failure while decoding ends the parse with that error, rather than leaving it waiting.
  const source = Readable.from(text);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let columns: Map<number, ImportColumn> | undefined;
  let row = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!columns) {
        columns = headerMap(record);
        const headings: ImportHeadings = {};
        for (const [i, column] of columns) headings[column] ??= record[i]!.trim();
        onHeadings?.(headings);
        continue;
      }
      row++;
      if (row - 1 > MAX_IMPORT_ROWS) throw new ImportFileError(`the file has more than ${MAX_IMPORT_ROWS} rows`);
      const values: ImportRow['values'] = {};
      record.forEach((value, i) => {
        const column = columns!.get(i);
        if (column) values[column] = value;
      });
      yield { row, values };
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    // csv-parse's own complaints: an unclosed quote, a malformed field.
    const e = error as { code?: string; message: string };
    if (e.code?.startsWith('CSV_')) throw new ImportFileError(`the file is not valid CSV: ${e.message}`);
    throw error;
  }
  if (!columns) throw new ImportFileError('the file is empty: it has no header row');
}

/** UTF-8 if every byte of the file decodes as UTF-8 (with or without a BOM), else GB18030. */
export async function detectEncoding(bytes: AsyncIterable<Uint8Array>): Promise<'utf-8' | 'gb18030'> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of bytes) decoder.decode(chunk, { stream: true });
    decoder.decode();
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/**
 * The rows of an uploaded file. `open()` gives the file's bytes from the start; it is called
 * once to tell UTF-8 from GB18030 unless the caller already knows the encoding, then once to
 * read, so a large file is streamed, never held in memory. `onHeadings` hears the file's own
 * heading of each column once its first row is read.
 */
export async function* readImportFile(
  open: () => AsyncIterable<Uint8Array>,
  encoding?: 'utf-8' | 'gb18030',
  onHeadings?: (headings: ImportHeadings) => void,
): AsyncGenerator<ImportRow> {
  yield* parseRows(decode(open(), encoding ?? (await detectEncoding(open()))), onHeadings);
}

const ImportRowSchema = z.object({
  person: RegistrationRequest.shape.person,
  originCode: JurisdictionCode,
  arrivalDate: LocalDate,
  expectedStayDays: z.coerce.number({ message: 'must be a whole number of days' }).pipe(RegistrationRequest.shape.expectedStayDays),
  premises: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
});
export type ImportedArrival = z.output<typeof ImportRowSchema>;

/** A row as an arrival to report, or what is wrong with it, field by field. */
export function arrivalFromRow(values: ImportRow['values']): { arrival: ImportedArrival } | { errors: FieldProblem[] } {
  const result = ImportRowSchema.safeParse({
    person: { name: values.name ?? '', idNumber: values.idNumber ?? '', phone: values.phone ?? '' },
    originCode: values.originCode ?? '',
    arrivalDate: values.arrivalDate ?? '',
    expectedStayDays: values.expectedStayDays ?? '',
    premises: values.premises ?? '',
  });
  if (result.success) return { arrival: result.data };
  const errors = result.error.issues.map((issue) => ({
    // Errors name the file's column, not the API's nesting.
    field: String(issue.path.at(-1) ?? 'row'),
    reason: issue.message,
  }));
  return { errors };
}

/** Refuses, before reading it, a file past the size limit: the whole import fails with the reason. */
export function checkImportSize(bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) throw new ImportFileError(`the file is ${bytes} bytes; at most ${MAX_IMPORT_BYTES} (50 MB) are accepted`);
}

export const IMPORT_STATES = ['waiting_for_upload', 'processing', 'done', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/** Rows per chunk message: one chunk is processed well within a function's timeout. */
export const IMPORT_CHUNK_ROWS = 250;

export interface ImportRecord {
  id: string;
  state: ImportState;
  /** Where the arrivals are reported: the premises' jurisdiction. */
  destinationCode: string;
  /** The organised group the rows are members of. */
  groupId?: string;
  by: { sub: string; role: string; office?: string; organisation?: string };
  /** The object the file is uploaded to. */
  key: string;
  createdAt: string;
  updatedAt: string;
  rows: number;
  chunks: number;
  doneChunks: number;
  created: number;
  updated: number;
  failed: number;
  /** Why the whole file was refused. */
  reason?: string;
  /** The file's own heading of each column (its error rows go back under them). */
  headings?: ImportHeadings;
}

export interface ImportError {
  row: number;
  field: string;
  reason: string;
  /** The row as the file had it, so the filer can fix and upload only the error rows. */
  values: ImportRow['values'];
}

/** An error row with any ID or phone number in its values masked (for whoever did not send it). */
export const maskedErrorRow = (e: ImportError): ImportError => ({
  ...e,
  values: Object.fromEntries(Object.entries(e.values).map(([k, v]) => [k, redactText(v ?? '')])),
});

/** The extra columns of the error rows, and a whole row's problem, in the file's language. */
const ERROR_COLUMNS = { en: { row: 'row', field: 'field', reason: 'reason', wholeRow: 'row' }, zh: { row: '行号', field: '出错字段', reason: '出错原因', wholeRow: '整行' } } as const;

/**
 * The error rows as CSV to fix and upload again: the file's columns under the headings it came
 * with (姓名, 身份证号 … for a file headed so; the English names for one without its headings on
 * record), then the row, the field (as the file headed it) and the reason.
 */
export function errorsAsCsv(errors: ImportError[], headings: ImportHeadings = {}): string {
  const columns = Object.keys(IMPORT_COLUMNS) as ImportColumn[];
  const chinese = Object.values(headings).some((h) => /[^\x00-\x7f]/.test(h ?? ''));
  const extra = ERROR_COLUMNS[chinese ? 'zh' : 'en'];
  const heading = (c: ImportColumn) => headings[c] ?? (chinese ? IMPORT_COLUMNS[c][1] : c);
  const fieldHeading = (field: string) => (field in IMPORT_COLUMNS ? heading(field as ImportColumn) : field === 'row' ? extra.wholeRow : field);
  const cell = (v: string | number | undefined) => {
    const text = String(v ?? '');
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [[...columns.map(heading), extra.row, extra.field, extra.reason].map(cell).join(',')];
  for (const e of errors) lines.push([...columns.map((c) => cell(e.values[c])), e.row, cell(fieldHeading(e.field)), cell(e.reason)].join(','));
  return `${lines.join('\r\n')}\r\n`;
}

// ---- The import API's schemas (here, beside the records they describe)

export const ImportCreate = z
  .strictObject({
    destinationCode: JurisdictionCode.optional().meta({
      description: "Where the premises are: the arrivals are reported there. Required, except for a group's members (the group's destination)",
    }),
    groupId: z.uuid('must be a group id (a UUID)').optional().meta({ description: "The rows are members of this organised group: each joins it, as POST /v1/groups/{id}/add-members" }),
  })
  .refine((b) => b.destinationCode !== undefined || b.groupId !== undefined, { message: 'must give destinationCode (or groupId)', path: ['destinationCode'] })
  .meta({ id: 'ImportCreate' });
const ImportFields = {
  id: z.uuid(),
  state: z.enum(IMPORT_STATES),
  destinationCode: JurisdictionCode,
  groupId: z.uuid().optional(),
  by: Actor,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  rows: z.number().int(),
  done: z.number().int().meta({ description: 'Rows processed so far' }),
  created: z.number().int(),
  updated: z
    .number()
    .int()
    .meta({ description: "Rows naming a person who already has an open registration at the destination: its phone, expected stay and premises are brought up to date, no second case is made" }),
  failed: z.number().int(),
  reason: z.string().optional().meta({ description: 'Why the whole file was refused' }),
  headings: z
    .record(z.string(), z.string())
    .optional()
    .meta({ description: "Each column's heading as the file's first row spelled it (e.g. idNumber: 身份证号), once the file is read: the error rows come back under them" }),
};
export const ImportCreated = z
  .object({ ...ImportFields, upload: z.object({ method: z.literal('PUT'), url: z.url(), expiresAt: z.iso.datetime() }) })
  .meta({ id: 'ImportCreated' });
export const ImportStatus = z
  .object({
    ...ImportFields,
    errors: z.object({
      items: z.array(z.object({ row: z.number().int(), field: z.string(), reason: z.string(), values: z.record(z.string(), z.string()) })),
      cursor: z.string().optional(),
    }),
  })
  .meta({ id: 'ImportStatus' });
export const ImportQuery = z.strictObject({
  format: z.enum(['json', 'csv']).default('json').meta({ description: 'csv: the error rows, to fix and upload again' }),
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(100),
  cursor: z.string().min(1).max(2000).optional(),
});


/** Error fields name the file's columns: `person.idNumber` is the `idNumber` column. */
const columnOf = (field: string) => field.split('.').at(-1) ?? field;

/**
 * A row as a registration report by the importing account, or the row's errors: its values,
 * an origin this deployment does not know, or what the registration table refuses (a future
 * arrival, the eligibility rules).
 */
export function reportFromRow(
  row: ImportRow,
  context: { importId: string; destinationCode: string; knownOrigins: ReadonlySet<string>; actor: Principal; policy: Policy },
  ids: { caseId: string; eventId: string },
  now: Date,
): { decision: Decision<RegistrationCase> } | { errors: ImportError[] } {
  const fail = (problems: FieldProblem[]) => ({
    errors: problems.map((p) => ({ row: row.row, field: columnOf(p.field), reason: p.reason, values: row.values })),
  });
  const parsed = arrivalFromRow(row.values);
  if ('errors' in parsed) return fail(parsed.errors);
  if (row.duplicateOf !== undefined) return fail([{ field: 'idNumber', reason: `repeats row ${row.duplicateOf} (the same person)` }]);
  const { arrival } = parsed;
  if (!context.knownOrigins.has(arrival.originCode)) return fail([{ field: 'originCode', reason: `no jurisdiction ${arrival.originCode} is known` }]);
  try {
    const decision = report(
      { ...arrival, destinationCode: context.destinationCode, importId: context.importId },
      context.actor,
      context.policy,
      ids,
      now,
    );
    return { decision };
  } catch (error) {
    if (error instanceof DomainError) return fail(error.fields.length > 0 ? error.fields : [{ field: 'row', reason: error.message }]);
    throw error;
  }
}

/**
 * A valid row naming a person who already has an open registration at the destination: the
 * case is brought up to date (phone, expected stay, premises) rather than doubled. Rows this
 * same import created (a chunk delivered again) count as created; a case another account
 * opened is the office's or the person's to change, not this filer's.
 */
export function updateFromRow(
  existing: RegistrationCase,
  reported: RegistrationCase,
  row: ImportRow,
  context: { importId: string; groupId?: string | undefined; actor: Principal; policy: Policy },
  eventId: string,
  now: Date,
): { created: true } | { unchanged: true } | { decision: Decision<RegistrationCase> } | { errors: ImportError[] } {
  const fail = (reason: string) => ({ errors: [{ row: row.row, field: 'idNumber', reason, values: row.values }] });
  if (existing.importId === context.importId) return { created: true };
  if (!(OPEN_STATES as readonly string[]).includes(existing.state)) {
    return fail(`this arrival was reported before (${existing.id}, now ${existing.state}); a new arrival needs its own date`);
  }
  if (context.groupId !== undefined && existing.groupId !== context.groupId) {
    return fail(`already has an open registration here (${existing.id}); a member joins a group with a new arrival only`);
  }
  const changes = { phone: reported.person.phone, expectedStayDays: reported.expectedStayDays, premises: reported.premises };
  if (changedDetails(existing, changes).length === 0) return { unchanged: true };
  try {
    return { decision: updateDetails(existing, context.actor, context.policy, eventId, now, { ...changes, note: `from import ${context.importId}` }) };
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'forbidden') {
      return fail(`already has an open registration here (${existing.id}) that another account reported; the office updates it`);
    }
    throw error;
  }
}
