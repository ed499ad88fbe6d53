import type { Browser } from '@playwright/test';
import { test, expect, openApp, centre, contextCall, ContractError, E2E_PIN, E2E_USER_PASSWORD, type Hearth } from './fixtures';
import { artifactPath } from './paths';
import type { Lng } from './i18n';

/**
 * The PIN typed twice (SecretPairForm): on My account (auth.changePin, the current password first)
 * and on a user's page (users.setPin). A repeat that differs is refused beside the repeat and
 * nothing is saved; typed alike the PIN is set (it unlocks); "Remove the PIN" removes it.
 */

/** Whether the PIN unlocks the front-desk user: signed in with her password in a browser of its own, locked, unlocked with the PIN. */
async function pinUnlocks(browser: Browser, hearth: Hearth, pin: string): Promise<boolean> {
  const user = (await hearth.call('users.list', { includeInactive: true })).find((u) => u.role === 'frontdesk');
  if (!user) throw new Error('No front-desk user');
  const context = await browser.newContext();
  try {
    await context.request.get(hearth.openUrl);
    await contextCall(context, hearth, 'auth.signIn', { userId: user.id, password: E2E_USER_PASSWORD('frontdesk') });
    await contextCall(context, hearth, 'auth.lock', {});
    try {
      await contextCall(context, hearth, 'auth.unlock', { method: 'pin', secret: pin });
      return true;
    } catch (e) {
      if (e instanceof ContractError && e.code === 'signInFailed') return false;
      throw e;
    }
  } finally {
    await context.close();
  }
}

test.describe('my account, in Ukrainian', () => {
  test.use({ setUp: centre('uk'), signInAs: 'frontdesk' });

  test('a PIN repeated differently is refused beside the repeat; the new PIN unlocks; then it is removed', async ({ page, hearth, browser }) => {
    const t = await openApp(page, hearth, { language: 'uk', route: '/account' });
    await expect(page.getByRole('heading', { level: 1, name: t('users:account.title') })).toBeVisible();
    const form = page.getByRole('form', { name: t('users:pinTitle') });
    const current = form.getByLabel(t('users:account.current'), { exact: true });
    const pin = form.getByLabel(t('users:fields.newPin'), { exact: true });
    const repeat = form.getByLabel(t('users:fields.repeatPin'), { exact: true });
    await expect(pin).toHaveAttribute('inputmode', 'numeric');
    await expect(pin).toHaveAttribute('autocomplete', 'off');
    await expect(current).toHaveAttribute('autocomplete', 'current-password');

    await current.fill(E2E_USER_PASSWORD('frontdesk'));
    await pin.fill('2468');
    await repeat.fill('2469');
    await repeat.press('Control+Enter');
    await expect(repeat).toHaveAccessibleDescription(t('common:validation.pinsDiffer'));
    await expect(repeat).toHaveAttribute('aria-invalid', 'true');
    await expect(pin).toHaveAttribute('aria-invalid', 'false');
    await expect(form.getByText(t('users:pinSaved'))).toHaveCount(0);
    // Nothing saved: the old PIN still unlocks, the new one does not.
    expect(await pinUnlocks(browser, hearth, '2468')).toBe(false);
    expect(await pinUnlocks(browser, hearth, E2E_PIN)).toBe(true);

    await repeat.fill('2468');
    await form.getByRole('button', { name: t('users:setPin') }).click();
    await expect(form.getByText(t('users:pinSaved'))).toBeVisible();
    await expect(pin).toHaveValue('');
    await expect(repeat).toHaveValue('');
    await expect(current).toHaveValue('');
    expect(await pinUnlocks(browser, hearth, '2468')).toBe(true);

    // Removing needs the current password: a wrong one is said in words, the PIN stays.
    await current.fill('not-my-password');
    await form.getByRole('button', { name: t('users:removePin') }).click();
    await expect(form.getByRole('alert')).toHaveText(t('users:signIn.wrong', { count: 4 }));
    expect((await hearth.call('users.list', { includeInactive: true })).find((u) => u.role === 'frontdesk')?.hasPin).toBe(true);
    await current.fill(E2E_USER_PASSWORD('frontdesk'));
    await form.getByRole('button', { name: t('users:removePin') }).click();
    await expect(form.getByText(t('users:pinSaved'))).toBeVisible();
    await expect(form.getByRole('alert')).toHaveCount(0);
    expect((await hearth.call('users.list', { includeInactive: true })).find((u) => u.role === 'frontdesk')?.hasPin).toBe(false);
  });
});

for (const language of ['ru', 'el'] as const satisfies readonly Lng[]) {
  test.describe(`my account's PIN, in ${language}`, () => {
    test.use({ setUp: centre(language), signInAs: 'frontdesk' });

    test('the repeat that differs, as it looks', async ({ page, hearth }) => {
      const t = await openApp(page, hearth, { language, route: '/account' });
      const form = page.getByRole('form', { name: t('users:pinTitle') });
      await form.getByLabel(t('users:account.current'), { exact: true }).fill(E2E_USER_PASSWORD('frontdesk'));
      await form.getByLabel(t('users:fields.newPin'), { exact: true }).fill('2468');
      const repeat = form.getByLabel(t('users:fields.repeatPin'), { exact: true });
      await repeat.fill('2469');
      await repeat.press('Enter');
      await expect(repeat).toHaveAccessibleDescription(t('common:validation.pinsDiffer'));
      await page.screenshot({ path: artifactPath(`account-pin-${language}.png`), fullPage: true });
    });
  });

  test.describe(`a user's PIN set by the admin, in ${language}`, () => {
    test.use({ setUp: centre(language) });

    test('a repeat that differs is refused; typed alike the PIN is set; then removed', async ({ page, hearth }) => {
      const user = await hearth.call('users.create', { name: 'Ольга Петрова', role: 'frontdesk', language: null, password: 'olga-petrova-1', pin: null });
      const t = await openApp(page, hearth, { language, route: `/admin/users/${user.id}` });
      await expect(page.getByRole('heading', { level: 1, name: 'Ольга Петрова' })).toBeVisible();
      const form = page.getByRole('form', { name: t('users:pinTitle') });
      await expect(form.getByText(t('users:pinNone'))).toBeVisible();
      await expect(form.getByRole('button', { name: t('users:removePin') })).toHaveCount(0);
      const pin = form.getByLabel(t('users:fields.newPin'), { exact: true });
      const repeat = form.getByLabel(t('users:fields.repeatPin'), { exact: true });
      await pin.fill('2468');
      await repeat.fill('2469');
      await repeat.press('Control+Enter');
      await expect(repeat).toHaveAccessibleDescription(t('common:validation.pinsDiffer'));
      await page.screenshot({ path: artifactPath(`user-pin-${language}.png`), fullPage: true });
      expect((await hearth.call('users.list', { includeInactive: true })).find((u) => u.id === user.id)?.hasPin).toBe(false);

      await repeat.fill('2468');
      await repeat.press('Control+Enter');
      await expect(form.getByText(t('users:pinSaved'))).toBeVisible();
      await expect(pin).toHaveValue('');
      await expect(form.getByText(t('users:pinSet'))).toBeVisible();
      expect((await hearth.call('users.list', { includeInactive: true })).find((u) => u.id === user.id)?.hasPin).toBe(true);

      await form.getByRole('button', { name: t('users:removePin') }).click();
      await expect(form.getByText(t('users:pinNone'))).toBeVisible();
      await expect(form.getByRole('button', { name: t('users:removePin') })).toHaveCount(0);
      expect((await hearth.call('users.list', { includeInactive: true })).find((u) => u.id === user.id)?.hasPin).toBe(false);

      // The details above: the role and the language (with the role's hint) change and are saved.
      const details = page.getByRole('form', { name: t('users:details') });
      await details.getByLabel(t('users:fields.role'), { exact: true }).selectOption('coordinator');
      await expect(details.getByText(t('users:roleHints.coordinator'))).toBeVisible();
      await details.getByLabel(t('users:fields.language'), { exact: true }).selectOption('uk');
      await details.getByRole('button', { name: t('common:save') }).click();
      await expect(details.getByText(t('users:saved'))).toBeVisible();
      expect((await hearth.call('users.list', { includeInactive: true })).find((u) => u.id === user.id)).toMatchObject({ role: 'coordinator', language: 'uk' });
    });
  });
}

for (const language of ['ru', 'el'] as const satisfies readonly Lng[]) {
  test.describe(`a centre set up without an admin password, in ${language}`, () => {
    test('the admin password is set once, typed twice: an admin’s length and the repeat are checked', async ({ page, hearth }) => {
      await hearth.call('setup.complete', { ...centre(language), demo: false, adminName: '' });
      const t = await openApp(page, hearth, { language });
      await expect(page.getByRole('heading', { level: 1, name: t('users:claim.title') })).toBeVisible();
      const password = page.getByLabel(t('users:fields.newPassword'), { exact: true });
      const repeat = page.getByLabel(t('users:fields.repeatPassword'), { exact: true });
      await expect(password).toBeFocused();
      await expect(password).toHaveAttribute('autocomplete', 'new-password');
      await expect(repeat).toHaveAttribute('autocomplete', 'new-password');
      // Nine characters: an admin needs ten; and the repeat differs.
      await password.fill('nine-char');
      await repeat.fill('nine-chaR');
      await repeat.press('Enter');
      await expect(password).toHaveAccessibleDescription(t('common:validation.passwordShortStrong'));
      await expect(repeat).toHaveAccessibleDescription(t('common:validation.passwordsDiffer'));
      await page.screenshot({ path: artifactPath(`claim-admin-${language}.png`) });
      await password.fill('the-admin-password');
      await repeat.fill('the-admin-password');
      await repeat.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: t('users:claim.title') })).toHaveCount(0);
      const status = await contextCall(page.context(), hearth, 'app.status', {});
      expect([status.user?.role, status.session.needsAdminPassword]).toEqual(['admin', false]);
    });
  });
}
