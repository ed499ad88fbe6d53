import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { ALLOW_LAN_KEY } from './hosting.handlers';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(async () => {
  await t.close();
});

/** The stored row itself, read past the contract. */
const stored = () => t.sqlite.prepare('select value from settings where key = ?').pluck().get(ALLOW_LAN_KEY);

describe('hosting (local network opt-in)', () => {
  it('is off until the admin allows it, and is stored for the next start', async () => {
    expect(await t.value('hosting.get', {})).toEqual({ allowLan: false });
    expect(await t.value('hosting.setAllowLan', { allowLan: true })).toEqual({ allowLan: true });
    expect(stored()).toBe('1');
    expect(await t.value('hosting.setAllowLan', { allowLan: false })).toEqual({ allowLan: false });
    expect(stored()).toBe('0');
  });

  it('only an admin may read or change it', async () => {
    for (const role of ['frontdesk', 'coordinator', 'treasurer'] as const) {
      const actor = { id: 1, role };
      expect(await t.call('hosting.setAllowLan', { allowLan: true }, actor)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await t.call('hosting.get', {}, actor)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(stored()).toBeUndefined();
  });

  it('refuses anything but a boolean', async () => {
    expect(await t.raw('hosting.setAllowLan', { allowLan: 'yes' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await t.raw('hosting.setAllowLan', {})).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
