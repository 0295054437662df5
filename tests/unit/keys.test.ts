// The keys module: docs/ARCHITECTURE.md's key tables are current, each row says what its builders
// make, every prefix the module spells has a row, and no other module spells a key.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONDITION_FAILED, cancellationCodes } from '../../functions/shared/store/conditional.ts';
import { KEYS, withKeyTables } from '../../functions/shared/store/keys.ts';
import { PROJECT_ROOT } from '../../local/paths.ts';

const KEYS_FILE = 'functions/shared/store/keys.ts';
/** A quoted key prefix: `CASE#…`, 'DELIVERY#'. */
const PREFIX = /[`'"]([A-Z_]+)#/g;

/** `CASE#<id>` as a pattern: the literal parts as written, each `<…>` any text. */
const shape = (pattern: string) => new RegExp(`^${pattern.split(/<[^>]+>/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);

function sources(dir: string): string[] {
  return readdirSync(path.join(PROJECT_ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

describe('the keys module', () => {
  it("keeps docs/ARCHITECTURE.md's key tables as store/keys.ts says (npm run keys:docs)", () => {
    const doc = readFileSync(path.join(PROJECT_ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
    expect(doc).toBe(withKeyTables(doc));
  });

  it('describes each key as its builders make it', () => {
    for (const row of KEYS) {
      expect(row.built.pk).toMatch(shape(row.pk));
      expect(row.built.sk).toMatch(shape(row.sk));
    }
  });

  it('has a row for every prefix it spells', () => {
    const described = KEYS.map((k) => `${k.pk} ${k.sk} ${k.item}`).join('\n');
    const spelt = new Set([...readFileSync(path.join(PROJECT_ROOT, KEYS_FILE), 'utf8').split('// ---- What is where')[0]!.matchAll(PREFIX)].map((m) => m[1]!));
    expect([...spelt].filter((prefix) => !described.includes(`${prefix}#`))).toEqual([]);
  });

  it('is the only module that spells a key', () => {
    const spelling = ['functions', 'core', 'local', 'scripts']
      .flatMap(sources)
      .filter((file) => file !== KEYS_FILE)
      .flatMap((file) => readFileSync(path.join(PROJECT_ROOT, file), 'utf8').split('\n').flatMap((line, i) => (line.match(PREFIX) ? [`${file}:${i + 1}: ${line.trim()}`] : [])));
    expect(spelling).toEqual([]);
  });

  it('reads a cancelled transaction\'s reasons in one place (store/conditional.ts)', () => {
    const cancelled = Object.assign(new Error('cancelled'), { name: 'TransactionCanceledException', CancellationReasons: [{ Code: 'None' }, { Code: CONDITION_FAILED }] });
    expect(cancellationCodes(cancelled)).toEqual(['None', 'ConditionalCheckFailed']);
    expect(cancellationCodes(new Error('other'))).toBeUndefined();
    const elsewhere = ['functions', 'local']
      .flatMap(sources)
      .filter((file) => file !== 'functions/shared/store/conditional.ts')
      .flatMap((file) => readFileSync(path.join(PROJECT_ROOT, file), 'utf8').split('\n').flatMap((line, i) => (/CancellationReasons|'ConditionalCheckFailed'/.test(line) ? [`${file}:${i + 1}`] : [])));
    expect(elsewhere).toEqual([]);
  });
});
