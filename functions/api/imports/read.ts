// GET /v1/imports/{id}: progress and the error rows (paged), or `?format=csv` for the error rows
// as a file the filer fixes and uploads again, under the file's own headings. The importing account and the offices covering
// the premises see it.
import { type ImportError, errorsAsCsv, maskedErrorRow } from '../../../core/imports.ts';
import { json, route } from '../../shared/http.ts';
import { allImportErrors, listImportErrors } from '../../shared/store/imports.ts';
import { importView } from './view.ts';
import { readImport } from './routes.ts';

export const handler = route(readImport, async ({ query, principal, resource: record }) => {
  // The importer gets its rows back as it sent them, to fix and upload again; an office sees them masked.
  const own = record.by.sub === principal.sub;
  const shown = (e: ImportError): ImportError => (own ? e : maskedErrorRow(e));
  if (query.format === 'csv') {
    return {
      statusCode: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="import-${record.id}-errors.csv"` },
      // A BOM so that spreadsheet software here opens the UTF-8 file with its Chinese intact.
      body: `\uFEFF${errorsAsCsv((await allImportErrors(record.id)).map(shown), record.headings)}`,
    };
  }
  const errors = await listImportErrors(record.id, query.limit, query.cursor);
  return json(200, { ...importView(record), errors: { ...errors, items: errors.items.map(shown) } });
});
