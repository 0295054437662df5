// npm run token -- --role caseworker --jurisdiction 110105001 [--sub NAME] [--ttl SECONDS]
// Roles: caseworker, supervisor (need --jurisdiction), filer (--jurisdiction of its premises and
// --organisation), agency (--agency and --jurisdiction), admin (optional --jurisdiction), person
// (--id-number, the number the identity provider verified).
// Prints a token from the local stack's dev issuer (the keys live in the data folder).
import { parseArgs } from 'node:util';
import { isJurisdictionCode } from '../core/jurisdiction.ts';
import { ROLES, type Role } from '../core/principal.ts';
import { devIssuer } from './dev-issuer.ts';
import { DEFAULT_DATA_DIR } from './paths.ts';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'caseworker' },
    jurisdiction: { type: 'string' },
    sub: { type: 'string' },
    organisation: { type: 'string' },
    agency: { type: 'string' },
    'id-number': { type: 'string' },
    ttl: { type: 'string', default: String(12 * 3600) },
    'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
  },
});

const role = values.role as Role;
const fail = (message: string) => {
  console.error(`token: ${message}`);
  process.exit(2);
};
if (!ROLES.includes(role) || role === 'system') fail(`--role must be one of ${ROLES.filter((r) => r !== 'system').join(', ')}`);
const office = role === 'caseworker' || role === 'supervisor' || role === 'filer' || role === 'agency';
if (office && !values.jurisdiction) fail('--jurisdiction is required for office, filer and agency roles (an admin without one works everywhere)');
if (role === 'agency' && !/^[a-z0-9][a-z0-9-]{1,62}$/.test(values.agency ?? '')) fail('--agency is required for an agency: its id, lower-case letters, digits and hyphens (police-bj)');
if (role === 'filer' && !values.organisation) fail('--organisation is required for a filer (the employer or landlord it files for)');
if (values.jurisdiction && !isJurisdictionCode(values.jurisdiction)) fail('--jurisdiction must be a jurisdiction code (2, 4, 6, 9 or 12 digits)');
if (role === 'person' && values.jurisdiction) fail('--jurisdiction is for office and admin roles, not people');
if (role === 'person' && !values['id-number']) fail('--id-number is required for a person: the ID number the identity provider verified');
const issuer = await devIssuer(values['data-dir']);
console.log(
  await issuer.sign({
    role,
    ...(values.jurisdiction ? { jurisdiction: values.jurisdiction } : {}),
    ...(values.organisation ? { organisation: values.organisation } : {}),
    ...(role === 'agency' ? { agency: values.agency! } : {}),
    ...(role === 'person' ? { idNumber: values['id-number']! } : {}),
    ...(values.sub ? { sub: values.sub } : {}),
    ttlSeconds: Number(values.ttl),
  }),
);
