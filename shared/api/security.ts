/**
 * The Content Security Policy of both hosts (the app:// protocol and the browser-mode server):
 * only the app's own scripts and styles, no eval, no inline script, nothing from outside.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');
