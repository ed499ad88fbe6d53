/**
 * The declarations around every call that the rest derives from: what a read is made of (the
 * UI's refresh), where a call runs and how it is audited.
 */
import { describe, expect, it } from 'vitest';
import { CALL_NAMES, contract } from './contract';
import { EVERY_TOPIC } from './define';

/** Calls without `changes` whose answer no screen keeps: they declare no topics, with the reason. */
const NOT_KEPT: Record<string, string> = {
  'auth.touch': 'the UI reports activity; the answer is null',
  'app.reportError': 'the UI reports a broken screen; the answer is null',
};

describe('the contract’s declarations', () => {
  it('every read says which topics its answer is made of, so the UI asks again after those changes', () => {
    const missing = CALL_NAMES.filter((n) => contract[n].changes.length === 0 && contract[n].reads.length === 0 && !(n in NOT_KEPT));
    expect(missing).toEqual([]);
    for (const n of Object.keys(NOT_KEPT)) expect(contract[n as keyof typeof contract].reads, n).toEqual([]);
  });

  it('names only known topics', () => {
    const unknown = CALL_NAMES.flatMap((n) => [...contract[n].reads, ...contract[n].changes].filter((t) => !EVERY_TOPIC.includes(t)).map((t) => `${n}: ${t}`));
    expect(unknown).toEqual([]);
  });

  it('runs every change, view and export in the call’s transaction unless it says otherwise', () => {
    const own = CALL_NAMES.filter((n) => contract[n].transaction === 'none').sort();
    // Each of these says why on its declaration (a backup, a restore, the sign-in counters, erasure's checkpoint).
    expect(own).toEqual(
      [
        'auth.changePassword',
        'auth.changePin',
        'auth.claimAdmin',
        'auth.lock',
        'auth.signIn',
        'auth.signOut',
        'auth.unlock',
        'backups.create',
        'backups.restore',
        'backups.setReminder',
        'export.full',
        'privacy.anonymiseInactive',
        'privacy.clearRequestNotes',
        'privacy.erasePerson',
        'privacy.purgeSignInEvents',
        'import.run',
      ].sort(),
    );
    for (const n of CALL_NAMES) {
      const d = contract[n];
      if (d.transaction === 'none') continue;
      expect(d.transaction, n).toBe(d.changes.length > 0 || d.audit !== 'none' ? 'call' : 'read');
    }
  });

  it('audits every change (by dispatch, or by the feature where it says self)', () => {
    for (const n of CALL_NAMES) if (contract[n].changes.length > 0) expect(['change', 'self'], n).toContain(contract[n].audit);
    expect(CALL_NAMES.filter((n) => contract[n].audit === 'view')).toEqual(['residents.get', 'households.get']);
    expect(CALL_NAMES.filter((n) => contract[n].audit === 'export').sort()).toEqual(['cashflow.export', 'export.full', 'import.rejectedSheet', 'privacy.exportPerson', 'reports.aggregatesExport', 'reports.export']);
  });
});
