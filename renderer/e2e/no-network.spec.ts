/**
 * No network traffic at all, in the browser: the page's CSP header blocks remote images, fetches,
 * inline scripts and eval, and (through the fixture's network guard) no request of this test, or of
 * any other, leaves 127.0.0.1.
 */
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security';
import { expect, openApp, test } from './fixtures';

test('the CSP header blocks remote loads, inline scripts and eval; nothing leaves 127.0.0.1', async ({ page, hearth }) => {
  const response = await page.goto(hearth.openUrl);
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  await openApp(page, hearth, { language: 'el' });

  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const img = document.createElement('img');
    img.src = 'https://example.org/pixel.png';
    document.body.appendChild(img);
    const fetched = await fetch('https://example.org/').then(
      () => 'loaded',
      () => 'refused',
    );
    const script = document.createElement('script');
    script.textContent = 'window.__inline = 1';
    document.body.appendChild(script);
    // Code from a string, run by the page itself later (page.evaluate's own code is exempt from
    // the CSP, so eval is tried from a timer the page schedules).
    (window.setTimeout as unknown as (code: string, ms: number) => number)('window.__evaluated = 1', 0);
    await new Promise((r) => setTimeout(r, 300));
    const w = window as unknown as { __inline?: number; __evaluated?: number };
    return { fetched, evalRan: w.__evaluated === 1, inline: w.__inline ?? null, violations: [...new Set(violations)].sort() };
  });
  expect(outcome.fetched).toBe('refused');
  expect(outcome.evalRan).toBe(false);
  expect(outcome.inline).toBeNull();
  expect(outcome.violations).toEqual(expect.arrayContaining(['connect-src', 'img-src', 'script-src-elem']));
});
