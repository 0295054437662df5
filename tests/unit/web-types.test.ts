// The console's API types are generated from the OpenAPI document (npm run web:types): stale
// types fail here, so a change to the API that the console has not taken in is caught.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TYPES_FILE, consoleTypes } from '../../scripts/web-types.ts';

describe('the console API types', () => {
  it('are those the OpenAPI document generates (npm run web:types)', async () => {
    const generated = await consoleTypes();
    expect(generated).toContain('"/v1/registrations": {');
    expect(readFileSync(TYPES_FILE, 'utf8')).toBe(generated);
  });
});
