import { test, expect, openApp, centre, contextCall } from './fixtures';
import { artifactPath } from './paths';
import { translator } from './i18n';

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
  await page.getByLabel(t('users:fields.repeatPassword'), { exact: true }).fill('short');
  await page.getByLabel(t('users:fields.pinOptional'), { exact: true }).fill('2468');
  // The PIN typed twice, differently: refused beside the repeat, with the short password, nothing saved.
  await page.getByLabel(t('users:fields.repeatPin'), { exact: true }).fill('2469');
  await page.getByRole('button', { name: t('common:save') }).click();
  await expect(page.getByText(t('common:validation.passwordShort'))).toBeVisible();
  await expect(page.getByText(t('common:validation.pinsDiffer'))).toBeVisible();
  await expect(page.getByLabel(t('users:fields.password'), { exact: true })).toBeFocused();
  await page.getByLabel(t('users:fields.password'), { exact: true }).fill('olga-petrova-1');
  await page.getByRole('button', { name: t('common:save') }).click();
  await expect(page.getByText(t('common:validation.passwordsDiffer'))).toBeVisible();
  await page.getByLabel(t('users:fields.repeatPassword'), { exact: true }).fill('olga-petrova-1');
  await page.getByLabel(t('users:fields.repeatPin'), { exact: true }).fill('2468');
  await page.screenshot({ path: artifactPath('users-new-ru.png') });
  await page.getByLabel(t('users:fields.repeatPin'), { exact: true }).press('Control+Enter');
  const row = page.getByRole('row', { name: /Ольга Петрова/ });
  await expect(row).toContainText(t('users:roles.frontdesk'));
  await expect(row).toContainText(t('users:pinSet'));

  // Her page: a new password typed twice differently is refused beside the repeat; typed alike it is set.
  await row.getByRole('link', { name: 'Ольга Петрова' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ольга Петрова' })).toBeVisible();
  const newPassword = page.getByLabel(t('users:fields.newPassword'), { exact: true });
  const repeatPassword = page.getByLabel(t('users:fields.repeatPassword'), { exact: true });
  await newPassword.fill('olga-petrova-1');
  await repeatPassword.fill('olga-petrova-2');
  await repeatPassword.press('Control+Enter');
  await expect(repeatPassword).toHaveAccessibleDescription(t('common:validation.passwordsDiffer'));
  await repeatPassword.fill('olga-petrova-1');
  await repeatPassword.press('Control+Enter');
  await expect(page.getByText(t('users:passwordSaved'))).toBeVisible();
  await expect(newPassword).toHaveValue('');
  await page.getByRole('link', { name: t('users:backToList') }).click();

  // Out of the allowed range: refused beside the field by users.setIdleLock's schema.
  await page.getByLabel(t('users:idle.label')).fill('500');
  await page.getByRole('button', { name: t('common:save') }).click();
  await expect(page.getByLabel(t('users:idle.label'))).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(t('common:validation.invalid'))).toBeVisible();
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

  // She changes her own password from her name in the header: the current one is needed.
  const tu = translator('uk');
  await page2.getByRole('link', { name: 'Ольга Петрова' }).click();
  await expect(page2.getByRole('heading', { level: 1, name: tu('users:account.title') })).toBeVisible();
  const form = page2.getByRole('form', { name: tu('users:account.passwordTitle') });
  await form.getByLabel(tu('users:account.current'), { exact: true }).fill('not-my-password');
  await form.getByLabel(tu('users:fields.newPassword'), { exact: true }).fill('olga-new-pass-2');
  await form.getByLabel(tu('users:fields.repeatPassword'), { exact: true }).fill('olga-new-pass-2');
  await form.getByRole('button', { name: tu('users:account.savePassword') }).click();
  await expect(form.getByRole('alert')).toHaveText(tu('users:signIn.wrong', { count: 4 }));
  await form.getByLabel(tu('users:account.current'), { exact: true }).fill('olga-petrova-1');
  await form.getByRole('button', { name: tu('users:account.savePassword') }).click();
  await expect(form.getByText(tu('users:account.passwordSaved'))).toBeVisible();
  await page2.screenshot({ path: artifactPath('account-uk.png') });
  await other.close();

  const third = await browser.newContext();
  const page3 = await third.newPage();
  await page3.goto(hearth.openUrl);
  await page3.getByRole('searchbox').fill('ольга');
  await page3.keyboard.press('Enter');
  await page3.locator('#sign-in-password').fill('olga-new-pass-2');
  await page3.keyboard.press('Enter');
  await expect(page3.locator('html')).toHaveAttribute('lang', 'uk');
  expect((await contextCall(third, hearth, 'app.status', {})).user.name).toBe('Ольга Петрова');
  await third.close();
});
