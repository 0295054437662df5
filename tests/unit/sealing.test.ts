// The one way items keep protected values (functions/shared/store/sealing.ts): sealed under
// `sealed` by path, the field masked or absent; items written in the older shapes still open.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(os.tmpdir(), 'liudong-sealing-'));
process.env.PERSONAL_DATA_KEYS_FILE = path.join(dir, 'keys.json');
delete process.env.PERSONAL_DATA_KEY_ID;
const { seal } = await import('../../functions/shared/protection.ts');
const { openFields, sealFields } = await import('../../functions/shared/store/sealing.ts');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sealed fields', () => {
  it('seals strings as they are and anything else as JSON, leaves what it is told at the path, and opens both back', async () => {
    const message = { id: 'm1', to: '+8613800138000', text: '请办理居住登记' };
    const stored = await sealFields(message, ['to'], () => '138****8000');
    expect(stored).toMatchObject({ to: '138****8000', sealed: { to: { kid: 'local-1', ct: expect.any(String) } } });
    expect(JSON.stringify(stored)).not.toContain('13800138000');
    expect(await openFields(stored)).toEqual(message);

    const row = { row: 2, values: { name: '张三', idNumber: '51132119900101002X' } };
    const storedRow = await sealFields(row, ['values'], () => ({ name: '张三', idNumber: '511321********002X' }));
    expect(storedRow.sealed!.values!.json).toBe(true);
    expect(await openFields(storedRow)).toEqual(row);

    const subscription = { id: 's1', secrets: [{ secret: 'whsec_old', createdAt: 'a', expiresAt: 'b' }, { secret: 'whsec_new', createdAt: 'c' }] };
    const storedSubscription = await sealFields(subscription, ['secrets.0.secret', 'secrets.1.secret'], () => undefined);
    expect(storedSubscription.secrets).toEqual([{ createdAt: 'a', expiresAt: 'b' }, { createdAt: 'c' }]);
    expect(await openFields(storedSubscription)).toEqual(subscription);
    // Nothing to seal: the item as it is, without `sealed`.
    expect(await sealFields({ id: 'm2', to: '' }, ['to'], () => 'x')).toEqual({ id: 'm2', to: '' });
  });

  it('opens items written before the one convention: sealedTo, sealedValues and a secret sealed on its own', async () => {
    expect(await openFields({ id: 'm1', to: '138****8000', sealedTo: await seal('+8613800138000') })).toEqual({ id: 'm1', to: '+8613800138000' });
    expect(await openFields({ row: 2, values: { name: '张*' }, sealedValues: await seal(JSON.stringify({ name: '张三' })) })).toEqual({ row: 2, values: { name: '张三' } });
    expect(await openFields({ id: 's1', secrets: [{ sealed: await seal('whsec_x'), createdAt: 'a' }, { secret: 'plain', createdAt: 'b' }] })).toEqual({
      id: 's1',
      secrets: [{ createdAt: 'a', secret: 'whsec_x' }, { secret: 'plain', createdAt: 'b' }],
    });
  });
});
