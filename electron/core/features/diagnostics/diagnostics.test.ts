/**
 * A screen of the UI that broke is reported to the core's log (app.reportError): blanked again on
 * arrival, allowed before sign-in, and at most 30 a minute.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock';
import { recordingLogger } from '../../testing/recording-logger';
import { startCore } from '../../start';
import { REPORTS_PER_MINUTE } from './diagnostics.handlers';


describe('app.reportError', () => {
  it('logs the report blanked again, from a session that is not even signed in', async () => {
    const { lines, logger } = recordingLogger();
    const core = await startCore({ dataDir: null, clock: fixedClock('2026-11-16T09:30:00.000Z'), logger });
    const report = {
      name: 'TypeError',
      // What a tampered or careless report could carry: a name, a phone, an id.
      message: 'Cannot format Зябликова +7 912 555-01-02 for resident 4711',
      route: 'residents/4711',
      components: ['ResidentPage', 'ScreenBoundary (http://127.0.0.1:5173/x.js:1:2)'],
    };
    const env = await core.dispatch('app.reportError', report, { sessionId: 'not-signed-in' });
    expect(env).toEqual({ ok: true, value: null });
    const logged = lines.filter((l) => l.message === 'a screen could not be shown');
    expect(logged).toEqual([
      {
        level: 'error',
        message: 'a screen could not be shown',
        data: { name: 'TypeError', message: 'Cannot format … +# # #-#-# for resident #', route: 'residents/#', components: 'ResidentPage < ScreenBoundary', role: 'frontdesk' },
      },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/Зябликова|912|4711/);
    await core.close();
  });

  it('keeps at most 30 a minute, then says how many it dropped', async () => {
    const { lines, logger } = recordingLogger();
    const clock = fixedClock('2026-11-16T09:30:00.000Z');
    const core = await startCore({ dataDir: null, clock, logger });
    const report = { name: 'Error', message: 'boom', route: null, components: [] };
    for (let i = 0; i < 45; i += 1) expect((await core.dispatch('app.reportError', report, { actor: { id: 1, role: 'admin' } })).ok).toBe(true);
    expect(lines.filter((l) => l.message === 'a screen could not be shown')).toHaveLength(REPORTS_PER_MINUTE);
    clock.set('2026-11-16T09:31:00.000Z');
    await core.dispatch('app.reportError', report, { actor: { id: 1, role: 'admin' } });
    expect(lines.filter((l) => l.level === 'warn').map((l) => l.data)).toEqual([{ dropped: 15 }]);
    expect(lines.filter((l) => l.message === 'a screen could not be shown')).toHaveLength(REPORTS_PER_MINUTE + 1);
    await core.close();
  });
});
