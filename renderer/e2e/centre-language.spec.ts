import { test, expect, centre, contextCall } from './fixtures';
import { translator } from './i18n';
import { artifactPath } from './paths';

/**
 * Issue 16: a new user set to "the centre's language" (language: null) gets the centre's language,
 * not the browser's: a Ukrainian centre, an English-speaking browser that chose nothing, Ukrainian
 * on the sign-in screen and after signing in.
 */
test.describe("a new user in the centre's language", () => {
  test.use({ setUp: centre('uk', 'Центр підтримки мешканців Решетилівки'), signInAs: null });

  test("signs in from an English browser and works in the centre's Ukrainian", async ({ browser, hearth }) => {
    const user = await hearth.call('users.create', { name: 'Оксана Мельник', role: 'frontdesk', language: null, password: 'oksana-melnyk-1', pin: null });
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    // No openApp: nothing in localStorage, the browser's own language is English.
    await page.goto(hearth.openUrl);
    const t = translator('uk');
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
    await expect(page.getByRole('heading', { level: 1, name: t('users:signIn.title') })).toBeVisible();
    await page.getByRole('searchbox').fill('оксана');
    await page.keyboard.press('Enter');
    await page.locator('#sign-in-password').fill('oksana-melnyk-1');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: t('frontdesk:title') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
    const me = await contextCall(context, hearth, 'app.status', {});
    expect(me.user).toMatchObject({ id: user.id, language: null });
    await page.screenshot({ path: artifactPath('centre-language-new-user-uk.png') });
    await context.close();
  });
});
