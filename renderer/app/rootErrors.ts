import type { RootOptions } from 'react-dom/client';
import { redactRendererError } from '../../shared/logging/renderer-error';
import { isScreenBoundary } from '../ui/ErrorBoundary';
import { reportRendererError } from './reportRendererError';

/**
 * React's error handlers for createRoot (renderer/main.tsx). Without them React prints every error
 * as it is, message and all, to the console beside our redacted line. An error that a screen's
 * boundary caught has been reported by that boundary (it knows the route); any other is reported
 * here, redacted, without a route.
 */
export const rootErrorOptions: RootOptions = {
  onCaughtError(error, info) {
    if (!isScreenBoundary(info.errorBoundary)) reportRendererError(redactRendererError({ error, componentStack: info.componentStack, route: null }));
  },
  onUncaughtError(error, info) {
    reportRendererError(redactRendererError({ error, componentStack: info.componentStack, route: null }));
  },
};
