import { test, expect, openApp, centre } from './fixtures';
import { Shell } from './pages';

/**
 * Roles see what they may use (issue 16): the navigation offers a role only the screens its calls
 * allow, and a screen reached by its address anyway says so in words, with the way back, at once
 * (not "Loading…" for ever).
 */
test.describe('the front desk', () => {
  test.use({ setUp: centre('ru'), signInAs: 'frontdesk' });

  test('opening the cash book by its address reads a refusal within a second, with the way back', async ({ page, hearth }) => {
    const t = await openApp(page, hearth, { language: 'ru' });
    const shell = new Shell(page, t);
    await expect(shell.navLink('residents')).toBeVisible();
    await expect(shell.navLink('money')).toHaveCount(0);
    // The volunteers' list is the front desk's too (volunteers.search): who can be called for help.
    await expect(shell.navLink('volunteers')).toBeVisible();
    await expect(shell.navLink('tasks')).toHaveCount(0);
    await expect(shell.navLink('admin')).toHaveCount(0);

    for (const route of ['/cashbook', '/funding', '/admin/users', '/board']) {
      const started = Date.now();
      await page.goto(`${hearth.url}#${route}`);
      await expect(page.getByRole('heading', { level: 1, name: t('common:notForRole.title') })).toBeVisible({ timeout: 1000 });
      expect(Date.now() - started, route).toBeLessThan(1000);
      await expect(page.getByText(t('common:notForRole.text', { role: t('users:roles.frontdesk') }))).toBeVisible();
    }
    await page.getByRole('link', { name: t('common:notForRole.back') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('frontdesk:title') })).toBeVisible();
  });
});

test.describe('the treasurer', () => {
  test.use({ setUp: centre('pl'), signInAs: 'treasurer' });

  test('is offered the money screens, not the residents, requests or events it may not use', async ({ page, hearth }) => {
    const t = await openApp(page, hearth, { language: 'pl', route: '/cashbook' });
    const shell = new Shell(page, t);
    await expect(shell.navLink('money')).toBeVisible();
    for (const key of ['residents', 'requests', 'events', 'shelter', 'volunteers', 'admin'] as const) await expect(shell.navLink(key)).toHaveCount(0);
    await page.goto(`${hearth.url}#/residents`);
    await expect(page.getByRole('heading', { level: 1, name: t('common:notForRole.title') })).toBeVisible({ timeout: 1000 });
  });
});
