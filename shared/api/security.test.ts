import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from './security';

function directives(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name, sources);
  }
  return out;
}

describe('Content Security Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('allows only the app itself: no eval, no inline script, nothing from another origin', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('font-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it('has no unsafe keyword, wildcard, scheme-wide or remote source anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|strict-dynamic|\*|https?:|wss?:|filesystem:/i);
    for (const [name, sources] of csp) {
      for (const source of sources) {
        // Only keywords, and data:/blob: for images (in memory, never the network).
        const ok = source === "'self'" || source === "'none'" || (name === 'img-src' && (source === 'data:' || source === 'blob:'));
        expect(ok, `${name} ${source}`).toBe(true);
      }
    }
  });

  it('is one header line built from the directive table', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/[\r\n]/);
    expect([...csp.keys()]).toEqual(Object.keys(CSP_DIRECTIVES));
  });
});
