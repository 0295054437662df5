// The routes of functions/api/imports: starting a bulk filing and following it.
import { ImportCreate, ImportCreated, ImportQuery, ImportStatus } from '../../../core/imports.ts';
import { CaseIdParams } from '../../../core/schemas/cases.ts';
import { declare } from '../../../core/routes.ts';
import { OFFICES } from '../../../core/authorisation.ts';

/** An office for premises in its jurisdiction, an employer or landlord for its own; a group's members go to its destination. */
export const startImport = declare({
  method: 'POST',
  path: '/v1/imports',
  function: 'createImport',
  summary: 'Start a bulk filing (employer staff list, landlord tenant list): an import id and a presigned URL to PUT the CSV to',
  purpose: 'bulk filing',
  roles: { caseworker: 'inside', filer: 'inside' },
  scope: { load: 'importTarget' },
  body: ImportCreate,
  answers: { 201: { description: 'The import, waiting for its file', schema: ImportCreated } },
  errors: [400, 401, 403, 415, 422],
  keyed: true,
});

/** The importing account, and the offices covering the premises. */
export const readImport = declare({
  method: 'GET',
  path: '/v1/imports/{id}',
  function: 'readImport',
  summary: "An import's progress and error rows; ?format=csv downloads the error rows to fix and upload again",
  purpose: 'bulk filing',
  roles: { ...OFFICES, filer: 'own' },
  scope: { load: 'import' },
  params: CaseIdParams,
  query: ImportQuery,
  answers: { 200: { description: 'The import', schema: ImportStatus } },
  errors: [400, 401, 404],
});

export const routes = [startImport, readImport];
