// npm run import -- file.csv [--destination 110105001 | --group <id>] [--data-dir .data | --api http://127.0.0.1:3000]
// Uploads an employer's or landlord's list to the running local stack (npm start), shows a
// progress bar until it is done, then the error rows, and writes them to <file>.errors.csv.
import { existsSync, writeFileSync } from 'node:fs';
import { isJurisdictionCode } from '../core/jurisdiction.ts';
import { importFile } from './import-file.ts';
import { STACK_OPTIONS, connectToStack, failWith, isConnectionFailure, parseCli } from './operator-client.ts';

const { values, positionals } = parseCli('import', {
  allowPositionals: true,
  options: {
    destination: { type: 'string' },
    group: { type: 'string' },
    ...STACK_OPTIONS,
  },
});
const fail = failWith('import');
const file = positionals[0];
if (!file) fail('name the CSV file: npm run import -- file.csv [--destination CODE] [--group ID]');
if (!existsSync(file!)) fail(`no file ${file}`);
if (values.group && !values.destination) fail("--group needs --destination, the group's destination: the import is done as its office");
const destination = values.destination ?? '110105001';
if (!isJurisdictionCode(destination)) fail('--destination must be a jurisdiction code');

// The stack running for --data-dir (or at --api), and a caseworker of the premises' jurisdiction
// from its dev issuer.
const stack = await connectToStack('import', values);
const token = await stack.issuer.sign({ role: 'caseworker', jurisdiction: destination });
let progressed = false;
const outcome = await importFile({
  apiUrl: stack.api,
  token,
  file: file!,
  destinationCode: destination,
  groupId: values.group,
  progress: (line) => {
    progressed = true;
    process.stdout.write(`\r${line}`);
  },
}).catch((error: Error) => {
  if (progressed) process.stdout.write('\n');
  // Refused by the API (RefusedImport) or the upload: its own message; the stack gone: one line saying so.
  return isConnectionFailure(error) ? stack.unreachable(error) : fail(error.message);
});
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
  const csv = await fetch(`${stack.api}/v1/imports/${outcome.id}?format=csv`, { headers: { authorization: `Bearer ${token}` } })
    .then((response) => response.text())
    .catch((error: unknown) => stack.unreachable(error));
  const errorsFile = `${file}.errors.csv`;
  writeFileSync(errorsFile, `\uFEFF${csv.replace(/^\uFEFF/, '')}`);
  console.log(`The error rows are in ${errorsFile}: fix them and import that file.`);
}
