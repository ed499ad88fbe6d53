import { test, expect, openApp, centre, E2E_ADMIN_PASSWORD, E2E_PIN } from './fixtures';
import { Shell } from './pages';
import { translator, type Lng } from './i18n';
import { artifactPath } from './paths';
import type { Page } from '@playwright/test';
import type { TFunction } from 'i18next';

/**
 * Users and sign-in: the sign-in screen by keyboard, wrong-password and lock-out messages, the idle
 * lock that leaves no resident's name on the page, unlocking with a PIN, and a front-desk user who
 * sees neither Money nor Admin.
 */

function signIn(page: Page, t: TFunction) {
  return {
    heading: page.getByRole('heading', { level: 1, name: t('users:signIn.title') }),
    filter: page.getByRole('searchbox', { name: t('users:signIn.filter') }),
    options: page.getByRole('listbox', { name: t('users:signIn.users') }).getByRole('option'),
    password: page.getByLabel(t('users:signIn.password'), { exact: true }),
    alert: page.getByRole('alert'),
  };
}

function lockScreen(page: Page, t: TFunction) {
  return {
    heading: page.getByRole('heading', { level: 1, name: t('users:lock.title') }),
    pin: page.getByLabel(t('users:lock.pin'), { exact: true }),
    password: page.getByLabel(t('users:lock.password'), { exact: true }),
    someoneElse: page.getByRole('button', { name: t('users:lock.someoneElse') }),
  };
}

test.describe('a demo centre, nobody signed in', () => {
  test.use({ demo: true, signInAs: null });

  test('signs in by keyboard: type the name, Enter, the password, Enter; the front desk sees no Money or Admin', async ({ page, hearth }) => {
    const t = await openApp(page, hearth, { language: 'en' });
    const s = signIn(page, t);
    await expect(s.heading).toBeVisible();
    await expect(s.filter).toBeFocused();
    // The demo accounts are shown while the centre runs on demo data.
    await expect(page.getByRole('heading', { name: t('users:demo.title') })).toBeVisible();
    await expect(s.options).toHaveCount(4);

    await page.keyboard.type('гал');
    await expect(s.options).toHaveCount(1);
    await expect(s.options.first()).toContainText('Галина Мартынова');
    await page.keyboard.press('Enter');
    await expect(s.password).toBeFocused();

    await page.keyboard.type('not-the-password');
    await page.keyboard.press('Enter');
    await expect(s.alert).toHaveText(t('users:signIn.wrong', { count: 4 }));
    await expect(s.password).toHaveValue('');

    await s.password.focus();
    await page.keyboard.type('frontdesk-demo');
    await page.keyboard.press('Enter');
    const shell = new Shell(page, t);
    await expect(page.getByRole('heading', { level: 1, name: t('frontdesk:title') })).toBeVisible();
    await expect(shell.header).toContainText('Галина Мартынова');
    await expect(shell.navLink('residents')).toBeVisible();
    await expect(shell.navLink('money')).toHaveCount(0);
    await expect(shell.navLink('admin')).toHaveCount(0);
    // And the core refuses the front desk the admin's calls whatever the screen shows.
    const refused = await page.evaluate(async () => (await (await fetch('api/call/users.list', { method: 'POST', body: '{}' })).json()) as { ok: boolean; error?: { code: string } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('arrow keys pick a user; five wrong passwords lock them out with the time to try again', async ({ page, hearth }) => {
    const t = await openApp(page, hearth, { language: 'en' });
    const s = signIn(page, t);
    await expect(s.filter).toBeFocused();
    // The list is sorted by name: move down to the treasurer, Ирина Козлова.
    const names = await s.options.locator('.sign-in-name').allTextContents();
    const target = names.indexOf('Ирина Козлова');
    for (let i = 0; i < target; i += 1) await page.keyboard.press('ArrowDown');
    await expect(s.options.nth(target)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main').locator('strong', { hasText: 'Ирина Козлова' })).toBeVisible();
    for (let i = 1; i <= 4; i += 1) {
      await s.password.fill(`wrong-${i}`);
      await page.keyboard.press('Enter');
      await expect(s.alert).toHaveText(t('users:signIn.wrong', { count: 5 - i }));
    }
    await s.password.fill('wrong-5');
    await page.keyboard.press('Enter');
    const lockedOut = new RegExp(t('users:signIn.lockedOut', { time: '\\d{1,2}:\\d{2}' }).replace('.', '\\.'));
    await expect(s.alert).toHaveText(lockedOut);
    await s.password.fill('treasurer-demo');
    await page.keyboard.press('Enter');
    await expect(s.alert).toHaveText(lockedOut);
    // Recorded in the sign-in log.
    const events = await hearth.call('users.signInEvents', {});
    expect(events.filter((e) => e.userName === 'Ирина Козлова').map((e) => e.kind)).toEqual(['lockout', 'failure', 'failure', 'failure', 'failure', 'failure']);
  });
});

test.describe('the idle lock', () => {
  test.use({ demo: true, signInAs: 'frontdesk' });

  test('after the idle minutes the page holds no resident name; the PIN unlocks the same user', async ({ page, hearth }) => {
    await hearth.call('users.setIdleLock', { minutes: 1 });
    await page.clock.install();
    const t = await openApp(page, hearth, { language: 'en', route: '/residents' });
    await expect(page.getByRole('heading', { level: 1, name: t('residents:title') })).toBeVisible();
    const residents = await hearth.call('residents.search', { q: '', limit: 500 });
    const shownNames = residents.map((r) => r.fullName);
    const visible = shownNames.filter((n) => n.length > 0).slice(0, 5);
    for (const name of visible) await expect(page.getByRole('main')).toContainText(name);

    // A minute without input: the screen locks by itself.
    await page.clock.fastForward('01:10');
    const lock = lockScreen(page, t);
    await expect(lock.heading).toBeVisible();
    await expect(lock.pin).toBeFocused();
    const text = await page.locator('body').innerText();
    const html = await page.content();
    const leaked = shownNames.filter((n) => text.includes(n) || html.includes(n));
    expect(leaked, 'resident names left on the lock screen').toEqual([]);
    expect(text).not.toContain(residents[0]?.address ?? '∅');
    // The core refuses this session's calls until it is unlocked.
    const refused = await page.evaluate(async () => (await (await fetch('api/call/residents.search', { method: 'POST', body: '{"q":""}' })).json()) as { error?: { code: string } });
    expect(refused.error?.code).toBe('locked');

    await lock.pin.fill('0000');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText(t('users:signIn.wrong', { count: 4 }));
    await lock.pin.fill('1111');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: t('residents:title') })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(visible[0] ?? '');
  });
});

test.describe('lock and sign in as someone else', () => {
  test.use({ setUp: centre('en'), signInAs: 'frontdesk' });

  test('the Lock button locks; another user signs in from the lock screen', async ({ page, hearth }) => {
    const resident = await hearth.call('residents.create', { lastName: 'Шевченко', firstName: 'Оксана', settlement: 'Сылва' });
    const t = await openApp(page, hearth, { language: 'en', route: `/residents/${resident.id}` });
    await expect(page.getByRole('main')).toContainText('Шевченко');
    await page.getByRole('banner').getByRole('button', { name: t('users:menu.lock') }).click();
    const lock = lockScreen(page, t);
    await expect(lock.heading).toBeVisible();
    expect(await page.locator('body').innerText()).not.toContain('Шевченко');
    await page.keyboard.press('Control+l'); // nothing to lock again; the lock screen stays
    await lock.someoneElse.click();
    const s = signIn(page, t);
    await expect(s.heading).toBeVisible();
    await page.keyboard.type('admin');
    await page.keyboard.press('Enter');
    await s.password.fill(E2E_ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    const shell = new Shell(page, t);
    await expect(shell.navLink('admin')).toBeVisible();
    // Ctrl+L locks too; the admin unlocks with the password only.
    await page.keyboard.press('Control+l');
    await expect(lock.heading).toBeVisible();
    await expect(lock.password).toBeFocused();
    await expect(page.getByRole('button', { name: t('users:lock.usePin') })).toHaveCount(0);
    await lock.password.fill(E2E_ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    await expect(shell.navLink('admin')).toBeVisible();
    expect(E2E_PIN).toMatch(/^\d{4}$/);
  });
});

for (const lng of ['ru', 'el'] as const satisfies readonly Lng[]) {
  test.describe(`sign-in and lock screens in ${lng}`, () => {
    test.use({ demo: true, demoLanguage: lng, signInAs: null });

    test(`screenshots (${lng})`, async ({ page, hearth }) => {
      const t = await openApp(page, hearth, { language: lng });
      const s = signIn(page, t);
      await expect(s.heading).toBeVisible();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: artifactPath(`sign-in-${lng}.png`) });
      // The demo centre's coordinator, named in its language (electron/core/demo/users.demo.ts).
      const coordinator = lng === 'el' ? 'Άννα Γεωργίου' : 'Анна Белова';
      await s.options.filter({ hasText: coordinator }).click();
      await s.password.fill('coordinator-demo');
      await page.keyboard.press('Enter');
      await page.getByRole('banner').getByRole('button', { name: t('users:menu.lock') }).click();
      const lock = lockScreen(page, t);
      await expect(lock.heading).toBeVisible();
      await expect(page.getByText(t('users:lock.who', { name: coordinator }))).toBeVisible();
      await page.screenshot({ path: artifactPath(`lock-${lng}.png`) });
    });
  });
}

test.describe("a Polish centre's sign-in, in a browser that chose no language", () => {
  test.use({ setUp: centre('pl'), signInAs: null });

  test("speaks the centre's language on the sign-in and lock screens and after signing in", async ({ page, hearth }) => {
    // No openApp: nothing is put in localStorage, so the English-speaking browser has chosen nothing.
    await page.goto(hearth.openUrl);
    const t = translator('pl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
    const s = signIn(page, t);
    await expect(s.heading).toBeVisible();
    await expect(s.heading).toHaveText('Logowanie');
    await s.options.first().click();
    await s.password.fill(E2E_ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    // The admin's own language is "the centre's": still Polish once in.
    await expect(new Shell(page, t).navLink('admin')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
    await page.getByRole('banner').getByRole('button', { name: t('users:menu.lock') }).click();
    await expect(lockScreen(page, t).heading).toBeVisible();
  });
});
