// The one way items keep protected values (functions/shared/store/sealing.ts): sealed under
// `sealed` by path, the field masked or absent. Messages, bad import rows and subscriptions move
// to it in two releases: this one reads both shapes and still writes theirs, so the previous
// release reads every item this one writes.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(os.tmpdir(), 'liudong-sealing-'));
process.env.PERSONAL_DATA_KEYS_FILE = path.join(dir, 'keys.json');
delete process.env.PERSONAL_DATA_KEY_ID;
const { seal } = await import('../../functions/shared/protection.ts');
const { PREVIOUS_SHAPES, openFields, sealFields } = await import('../../functions/shared/store/sealing.ts');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sealed fields', () => {
  it('seals a case\'s numbers under `sealed` by path, masked in place, and opens them back', async () => {
    const c = { id: 'c1', person: { name: '张三', idNumber: '51132119900101002X', phone: '13900139000' } };
    const stored = await sealFields(c, ['person.idNumber', 'person.phone'], (p) => (p === 'person.phone' ? '139****9000' : '511321********002X'));
    expect(stored).toMatchObject({ person: { idNumber: '511321********002X', phone: '139****9000' }, sealed: { 'person.idNumber': { kid: 'local-1' }, 'person.phone': { kid: 'local-1' } } });
    expect(JSON.stringify(stored)).not.toContain('13900139000');
    expect(await openFields(stored)).toEqual(c);
    // Nothing to seal: the item as it is, without `sealed`.
    expect(await sealFields({ id: 'm2', to: '' }, ['to'], () => 'x')).toEqual({ id: 'm2', to: '' });
  });

  it('writes a message, a bad row and a subscription where the previous release reads them, and opens them back', async () => {
    expect(PREVIOUS_SHAPES).toBe(true);
    const message = { id: 'm1', to: '+8613800138000', text: '请办理居住登记' };
    const storedMessage = await sealFields(message, ['to'], () => '138****8000');
    expect(storedMessage).toMatchObject({ to: '138****8000', sealedTo: { kid: 'local-1' } });
    expect(storedMessage).not.toHaveProperty('sealed');
    expect(await openFields(storedMessage)).toEqual(message);

    const row = { row: 2, values: { name: '张三', idNumber: '51132119900101002X' } };
    const storedRow = await sealFields(row, ['values'], () => ({ name: '张三', idNumber: '511321********002X' }));
    expect(storedRow).toMatchObject({ values: { idNumber: '511321********002X' }, sealedValues: { kid: 'local-1' } });
    expect(await openFields(storedRow)).toEqual(row);

    const subscription = { id: 's1', secrets: [{ secret: 'whsec_old', createdAt: 'a', expiresAt: 'b' }, { secret: 'whsec_new', createdAt: 'c' }] };
    const storedSubscription = await sealFields(subscription, ['secrets.0.secret', 'secrets.1.secret'], () => undefined);
    expect(storedSubscription.secrets).toEqual([
      { createdAt: 'a', expiresAt: 'b', sealed: expect.objectContaining({ kid: 'local-1' }) },
      { createdAt: 'c', sealed: expect.objectContaining({ kid: 'local-1' }) },
    ]);
    expect(await openFields(storedSubscription)).toEqual(subscription);
  });

  it('opens the one shape the next release writes: `sealed` by path, a JSON value marked', async () => {
    expect(await openFields({ id: 'm1', to: '138****8000', sealed: { to: await seal('+8613800138000') } })).toEqual({ id: 'm1', to: '+8613800138000' });
    expect(await openFields({ row: 2, values: { name: '张*' }, sealed: { values: { ...(await seal(JSON.stringify({ name: '张三' }))), json: true } } })).toEqual({ row: 2, values: { name: '张三' } });
    expect(await openFields({ id: 's1', secrets: [{ createdAt: 'a' }], sealed: { 'secrets.0.secret': await seal('whsec_x') } })).toEqual({ id: 's1', secrets: [{ createdAt: 'a', secret: 'whsec_x' }] });
  });

  it('opens items written before sealing was shared: a secret kept plain, a row without sealed values', async () => {
    expect(await openFields({ id: 's1', secrets: [{ sealed: await seal('whsec_x'), createdAt: 'a' }, { secret: 'plain', createdAt: 'b' }] })).toEqual({
      id: 's1',
      secrets: [{ createdAt: 'a', secret: 'whsec_x' }, { secret: 'plain', createdAt: 'b' }],
    });
    expect(await openFields({ row: 3, values: { name: '李*' } })).toEqual({ row: 3, values: { name: '李*' } });
  });
});
