// npm run import -- file.csv [--destination 110105001 | --group <id>] [--api http://127.0.0.1:3000]
// Uploads an employer's or landlord's list to the running local stack (npm start), shows a
// progress bar until it is done, then the error rows, and writes them to <file>.errors.csv.
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isJurisdictionCode } from '../core/jurisdiction.ts';
import { devIssuer } from './dev-issuer.ts';
import { RefusedImport, importFile } from './import-file.ts';
import { DEFAULT_DATA_DIR } from './paths.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    destination: { type: 'string' },
    group: { type: 'string' },
    api: { type: 'string', default: 'http://127.0.0.1:3000' },
    'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
  },
});
const fail = (message: string) => {
  console.error(`import: ${message}`);
  process.exit(2);
};
const file = positionals[0];
if (!file) fail('name the CSV file: npm run import -- file.csv [--destination CODE] [--group ID]');
if (!existsSync(file!)) fail(`no file ${file}`);
if (values.group && !values.destination) fail("--group needs --destination, the group's destination: the import is done as its office");
const destination = values.destination ?? '110105001';
if (!isJurisdictionCode(destination)) fail('--destination must be a jurisdiction code');

// A caseworker of the premises' jurisdiction, from the local stack's dev issuer.
const token = await (await devIssuer(values['data-dir'])).sign({ role: 'caseworker', jurisdiction: destination });
const outcome = await importFile({
  apiUrl: values.api,
  token,
  file: file!,
  destinationCode: destination,
  groupId: values.group,
  progress: (line) => process.stdout.write(`\r${line}`),
}).catch((error: Error) => fail(error instanceof RefusedImport ? error.message : `${error.message} (is npm start running?)`));
process.stdout.write('\n');
if (!outcome) process.exit(2);
if (outcome.state === 'failed') {
  console.log(`The file was refused: ${outcome.reason}`);
  process.exit(1);
}
console.log(`Done: ${outcome.created} reported, ${outcome.updated} already open here (brought up to date), ${outcome.failed} rows with errors.`);
if (outcome.errors.length > 0) {
  for (const e of outcome.errors.slice(0, 20)) console.log(`  row ${e.row}  ${e.field}: ${e.reason}`);
  if (outcome.errors.length > 20) console.log(`  … and ${outcome.errors.length - 20} more`);
  const csv = await (await fetch(`${values.api}/v1/imports/${outcome.id}?format=csv`, { headers: { authorization: `Bearer ${token}` } })).text();
  const errorsFile = `${file}.errors.csv`;
  writeFileSync(errorsFile, `\uFEFF${csv.replace(/^\uFEFF/, '')}`);
  console.log(`The error rows are in ${errorsFile}: fix them and import that file.`);
}
