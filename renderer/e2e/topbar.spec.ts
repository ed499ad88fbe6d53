import { test, expect, openApp } from './fixtures';
import { artifactPath } from './paths';

/**
 * The top bar at 1366×768 (issue 16, "the English admin nav wraps"): the admin, who sees every
 * link (sixteen), gets them in at most two rows in every language, and the bar leaves the page
 * at least six sevenths of the screen's height.
 */
for (const language of ['en', 'ru', 'uk', 'pl', 'el'] as const) {
  test.describe(`the admin's top bar in ${language}`, () => {
    test.use({ demo: true, demoLanguage: language });

    test('every link in at most two rows, the bar at most 110 px high', async ({ page, hearth }) => {
      await page.setViewportSize({ width: 1366, height: 768 });
      await openApp(page, hearth, { language });
      const nav = page.locator('header.topbar nav');
      await expect(nav.getByRole('link').first()).toBeVisible();
      const sizes = await page.evaluate(() => {
        const links = Array.from(document.querySelectorAll('header.topbar nav a'));
        const rows = new Set(links.map((a) => Math.round(a.getBoundingClientRect().top)));
        return { links: links.length, rows: rows.size, bar: Math.round(document.querySelector('header.topbar')!.getBoundingClientRect().height) };
      });
      await page.screenshot({ path: artifactPath(`topbar-admin-${language}.png`), clip: { x: 0, y: 0, width: 1366, height: 200 } });
      console.log(`${language}: ${sizes.links} links in ${sizes.rows} rows, bar ${sizes.bar} px`);
      expect(sizes.links).toBeGreaterThanOrEqual(16);
      expect(sizes.rows).toBeLessThanOrEqual(2);
      expect(sizes.bar).toBeLessThanOrEqual(110);
    });
  });
}

