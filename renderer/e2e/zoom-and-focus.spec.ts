import { test, expect, openApp } from './fixtures';
import { artifactPath } from './paths';

/**
 * Three things the automatic accessibility checks do not see (issue 16, "Accessibility beyond the
 * automatic checks"): the skip link lands in the screen's own content instead of opening the front
 * desk; at 200% zoom on a 1366×768 screen (683×384 CSS pixels) the front desk does not scroll
 * sideways and the top bar leaves room for the page; the keyboard focus ring on the dark top bar is
 * at least 3:1 against it.
 */
test.describe('zoom and focus, a demo centre, the front desk', () => {
  test.use({ demo: true, demoLanguage: 'ru', signInAs: 'frontdesk' });

  test('the skip link moves the focus into the open screen and stays on it', async ({ page, hearth }) => {
    const t = await openApp(page, hearth, { language: 'ru', route: '/residents' });
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toBeVisible();
    const title = await heading.innerText();
    // The skip link is the first thing in the tab order (the screen itself has put the focus in its
    // search box, so the test goes to the link as Shift+Tab from the page's start would).
    const skip = page.getByRole('link', { name: t('common:skipToContent') });
    await skip.focus();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
    expect(new URL(page.url()).hash).toBe('#/residents');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    // The next Tab goes to the screen's content, not back to the top bar.
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => document.getElementById('main')?.contains(document.activeElement) ?? false);
    expect(inMain).toBe(true);
  });

  test('at 200% zoom the front desk does not scroll sideways and the top bar keeps to a third of the height', async ({ page, hearth }) => {
    await page.setViewportSize({ width: 683, height: 384 });
    await openApp(page, hearth, { language: 'ru' });
    await expect(page.locator('section.queue').first()).toBeVisible();
    const sizes = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      topbar: document.querySelector('.topbar')?.getBoundingClientRect().height ?? 0,
    }));
    expect(sizes.scrollWidth, `the page is ${sizes.scrollWidth} px wide in a ${sizes.clientWidth} px view`).toBeLessThanOrEqual(sizes.clientWidth);
    expect(sizes.topbar).toBeGreaterThan(0);
    expect(sizes.topbar, `the top bar takes ${sizes.topbar} of 384 px`).toBeLessThanOrEqual(128);
    await page.screenshot({ path: artifactPath('front-desk-zoom-200-ru.png') });
  });

  test('the focus ring on the top bar has at least 3:1 contrast against it', async ({ page, hearth }) => {
    const t = await openApp(page, hearth, { language: 'ru', route: '/residents' });
    await page.getByRole('link', { name: t('common:skipToContent') }).focus();
    await page.keyboard.press('Tab'); // from the skip link to the first link of the navigation
    const colours = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const bar = document.querySelector('.topbar') as HTMLElement;
      return { inBar: bar.contains(el), ring: getComputedStyle(el).outlineColor, style: getComputedStyle(el).outlineStyle, bar: getComputedStyle(bar).backgroundColor };
    });
    expect(colours.inBar).toBe(true);
    expect(colours.style).not.toBe('none');
    expect(contrast(colours.ring, colours.bar), `${colours.ring} on ${colours.bar}`).toBeGreaterThanOrEqual(3);
  });
});

/** WCAG 2.1 contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r = 0, g = 0, bl = 0] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    const lin = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(bl);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
