import type { RendererErrorInfo } from '../../shared/logging/renderer-error';
import { invoke } from '../bridge';

/**
 * The one place where the renderer reports an exception that broke a screen: the screens' error
 * boundaries (renderer/ui/ErrorBoundary.tsx) and React's root handlers (rootErrors.ts) call it.
 * It receives only the summary made by `redactRendererError` (shared/logging/renderer-error.ts):
 * the error's name, its message with values blanked, the route pattern and component names; never
 * what was on the screen. It goes to the core's log (`app.reportError`, which blanks it again)
 * and, for whoever has DevTools open, to the console.
 */
export function reportRendererError(info: RendererErrorInfo): void {
  console.error(`Hearth: a screen could not be shown ${JSON.stringify(info)}`);
  // A report that cannot be delivered (the core is gone) must not break the error screen itself.
  void invoke('app.reportError', info).catch(() => undefined);
}
