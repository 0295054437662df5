// GET /v1/imports/{id}: progress and the error rows (paged), or `?format=csv` for the error rows
// as a file the filer fixes and uploads again, under the file's own headings. The importing account and the offices covering
// the premises see it.
import { notFound } from '../../../core/errors.ts';
import { type ImportError, ImportQuery, errorsAsCsv, maskedErrorRow } from '../../../core/imports.ts';
import { officeCovers } from '../../../core/principal.ts';
import { CaseIdParams } from '../../../core/schemas/cases.ts';
import { json, route } from '../../shared/http.ts';
import { allImportErrors, getImport, listImportErrors } from '../../shared/store/imports.ts';
import { importView } from './view.ts';

export const handler = route({ params: CaseIdParams, query: ImportQuery }, async ({ params, query, principal }) => {
  const record = await getImport(params.id);
  if (!record || !(record.by.sub === principal.sub || officeCovers(principal, record.destinationCode))) {
    throw notFound(`no import ${params.id} within your reach`);
  }
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
