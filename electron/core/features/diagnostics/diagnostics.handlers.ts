import type { FeatureHandlers } from '../../handlers';
import { componentNames, redactRendererError } from '../../../../shared/logging/renderer-error';

/** At most this many reports a minute reach the log: a screen that breaks in a loop cannot fill the disk. */
export const REPORTS_PER_MINUTE = 30;
const MINUTE = 60_000;

/** The minute's count, per core (each core has its own logger). */
const windows = new WeakMap<object, { start: number; count: number; dropped: number }>();

/** What the UI reports about itself: a screen that broke (renderer/app/reportRendererError.ts). */
export const diagnosticsHandlers: FeatureHandlers<'app.reportError'> = {
  'app.reportError': async (input, ctx, deps) => {
    const now = deps.clock.now().getTime();
    let w = windows.get(deps.logger);
    if (!w || now - w.start >= MINUTE) {
      if (w && w.dropped > 0) deps.logger.warn('renderer errors not logged (too many in a minute)', { dropped: w.dropped });
      w = { start: now, count: 0, dropped: 0 };
      windows.set(deps.logger, w);
    }
    if (w.count >= REPORTS_PER_MINUTE) {
      w.dropped += 1;
      return null;
    }
    w.count += 1;
    // The renderer blanked the values already; whoever holds the launch token can send anything,
    // so the same redaction runs again here on what arrived.
    const again = redactRendererError({ error: Object.assign(new Error(input.message), { name: input.name }), route: input.route, componentStack: null });
    deps.logger.error('a screen could not be shown', {
      name: again.name,
      message: again.message,
      route: again.route,
      components: componentNames(input.components.map((c) => `at ${c}`).join('\n')).join(' < '),
      role: ctx.actor.role,
    });
    return null;
  },
};
