/**
 * Settings › Access from other computers: off by default, the risk stated in words, the admin's
 * choice stored for the next start (hosting.get), in Russian at 1366×768.
 */
import { centre, expect, openApp, test } from './fixtures';
import { artifactPath } from './paths';

const PASSWORD = 'Сылва-2026-надёжно';

test('the admin allows the local network only after reading the risk', async ({ page, hearth }) => {
  await hearth.call('setup.complete', { ...centre('ru', 'Центр помощи жителям Сылвы'), demo: false, adminPassword: PASSWORD });
  const t = await openApp(page, hearth, { language: 'ru' });

  // Sign in as the first admin (the only user).
  await page.getByRole('listbox', { name: t('users:signIn.users') }).getByRole('option').first().click();
  await page.getByLabel(t('users:signIn.password')).fill(PASSWORD);
  await page.getByRole('button', { name: t('users:signIn.submit') }).click();

  await page.goto(`${hearth.url}#/settings`);
  const section = page.getByRole('region', { name: t('hosting:title') });
  await expect(section).toBeVisible();
  await expect(section).toContainText(t('hosting:stateLocal'));
  await expect(section).toContainText(t('hosting:risk'));
  await expect(section).toContainText(t('hosting:signInRequired'));

  await section.getByRole('button', { name: t('hosting:allow') }).click();
  await expect(section.getByRole('status')).toHaveText(t('hosting:savedLan'));
  await expect(section).toContainText(t('hosting:stateLan'));
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifactPath('hosting-ru.png') });

  await section.getByRole('button', { name: t('hosting:refuse') }).click();
  await expect(section.getByRole('status')).toHaveText(t('hosting:savedLocal'));
  await expect(section).toContainText(t('hosting:stateLocal'));
});
