/**
 * The Content Security Policy of both hosts (the app:// protocol and the browser-mode server):
 * only the app's own scripts and styles, no eval, no inline script, nothing from outside (no
 * fonts, images or connections to any other origin). Sent as a header on every response, never in
 * a <meta> tag (frame-ancestors only works as a header). Everything not listed falls back to
 * default-src 'none': no frames, workers, media, manifests or plug-ins.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');
