import { test, expect, openApp, centre, contextCall } from './fixtures';
import { artifactPath } from './paths';

/** Admin → Users: add a front-desk volunteer with a PIN, set the idle minutes; the new user signs in. */
test.use({ setUp: centre('ru') });

test('the admin adds a user, who then signs in with their own language', async ({ page, hearth, browser }) => {
  const t = await openApp(page, hearth, { language: 'ru', route: '/admin/users' });
  await expect(page.getByRole('heading', { level: 1, name: t('users:title') })).toBeVisible();
  await page.getByRole('link', { name: t('users:add') }).click();
  await page.getByLabel(t('users:fields.name'), { exact: true }).fill('Ольга Петрова');
  await page.getByLabel(t('users:fields.role'), { exact: true }).selectOption('frontdesk');
  await page.getByLabel(t('users:fields.language'), { exact: true }).selectOption('uk');
  await page.getByLabel(t('users:fields.password'), { exact: true }).fill('short');
  await page.getByLabel(t('users:fields.pinOptional'), { exact: true }).fill('2468');
  await page.getByRole('button', { name: t('common:save') }).click();
  await expect(page.getByText(t('common:validation.passwordShort'))).toBeVisible();
  await page.getByLabel(t('users:fields.password'), { exact: true }).fill('olga-petrova-1');
  await page.getByRole('button', { name: t('common:save') }).click();
  const row = page.getByRole('row', { name: /Ольга Петрова/ });
  await expect(row).toContainText(t('users:roles.frontdesk'));
  await expect(row).toContainText(t('users:pinSet'));

  await page.getByLabel(t('users:idle.label')).fill('2');
  await page.getByRole('button', { name: t('common:save') }).click();
  await expect(page.getByRole('status')).toHaveText(t('users:idle.saved', { count: 2 }));
  await page.mouse.move(0, 0);
  await page.screenshot({ path: artifactPath('users-admin-ru.png'), fullPage: true });

  // Another browser: the new user signs in and gets their own language (Ukrainian).
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await page2.goto(hearth.openUrl);
  await page2.getByRole('searchbox').fill('ольга');
  await page2.keyboard.press('Enter');
  await page2.locator('#sign-in-password').fill('olga-petrova-1');
  await page2.keyboard.press('Enter');
  await expect(page2.locator('html')).toHaveAttribute('lang', 'uk');
  const me = await contextCall(other, hearth, 'app.status', {});
  expect(me.user).toMatchObject({ name: 'Ольга Петрова', role: 'frontdesk', language: 'uk' });
  expect(me.session.idleLockMinutes).toBe(2);
  await other.close();
});
