import type { RendererErrorInfo } from '../../shared/logging/renderer-error';

/**
 * The one place where the renderer reports an exception that broke a screen: the screens' error
 * boundaries (renderer/ui/ErrorBoundary.tsx) and React's root handlers (rootErrors.ts) call it.
 * It receives only the summary made by `redactRendererError` (shared/logging/renderer-error.ts):
 * the error's name, its message with values blanked, the route pattern and component names; never
 * what was on the screen.
 *
 * Where it goes: today one JSON line on the console (DevTools in Electron, the browser's console
 * in browser mode), which nothing keeps. Its destination is the core's logger
 * (electron/core/logger.ts, which redacts every line again before writing the log file), reached
 * through the bridge; that call belongs in this function's body, so that no caller changes.
 */
export function reportRendererError(info: RendererErrorInfo): void {
  console.error(`Hearth: a screen could not be shown ${JSON.stringify(info)}`);
}
