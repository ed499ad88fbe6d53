import { test, expect, openApp, centre } from './fixtures';
import { NAV_KEYS, Shell } from './pages';
import { LANGUAGE_NAMES, ownString, translator, type Lng } from './i18n';

/**
 * The language select in the header: every language changes the navigation, html[lang] and the
 * select itself, and the choice survives a reload (and is remembered for the user).
 */
test.use({ setUp: centre('en') });

test('switches English → Русский → Українська → Polski → Ελληνικά and keeps the choice', async ({ page, hearth }) => {
  const t = await openApp(page, hearth, { language: 'en' });
  let shell = new Shell(page, t);
  for (const key of NAV_KEYS) await expect(shell.navLink(key)).toBeVisible();
  await expect(shell.languageSelect).toHaveAccessibleName(t('common:language'));

  for (const lng of ['ru', 'uk', 'pl', 'el'] as const satisfies readonly Lng[]) {
    for (const key of NAV_KEYS) expect(ownString(lng, `common:nav.${key}`), `${lng} common:nav.${key}`).toBeTruthy();
    await shell.languageSelect.selectOption({ label: LANGUAGE_NAMES[lng] });
    const tl = translator(lng);
    shell = new Shell(page, tl);

    const check = async () => {
      await expect(page.locator('html')).toHaveAttribute('lang', lng);
      await expect(shell.languageSelect).toHaveValue(lng);
      await expect(shell.languageSelect).toHaveAccessibleName(tl('common:language'));
      await expect(shell.nav.getByRole('link')).toHaveText(NAV_KEYS.map((key) => tl(`common:nav.${key}`)));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(tl('frontdesk:title'));
    };
    await check();
    // The user's choice is saved in the database as well.
    await expect.poll(async () => (await hearth.call('app.status', {})).user.language).toBe(lng);

    await page.reload();
    await check();
  }
});
