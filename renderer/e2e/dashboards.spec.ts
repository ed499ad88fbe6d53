import type { Page } from '@playwright/test';
import { test, expect, openApp, centre, signInContext, type Hearth } from './fixtures';
import { ownString, type Lng } from './i18n';
import { artifactPath } from './paths';
import type { Role } from '../../shared/api/roles';

/**
 * Each role lands on its own home screen at `/` (issue 14; issue 16 "each role lands on its own
 * home screen"): the front desk on its search and queue with today's aid and events, the
 * coordinator on what waits for planning, the treasurer on this month's money (no search, no
 * "not allowed"), the admin on the front desk with the admin's panel. At 1366×768 in ru and el,
 * without sideways scrolling; a PNG of each.
 */
const KEYS = ['dashboard:today.aid', 'dashboard:coordinator.title', 'dashboard:coordinator.unassigned', 'dashboard:treasurer.title', 'dashboard:admin.title', 'dashboard:admin.lastBackup'];

async function seed(hearth: Hearth, language: Lng) {
  const status = await hearth.call('app.status', {});
  const today = status.today;
  const kinds = await hearth.call('catalogue.list', {});
  const kindId = kinds[0]!.id;
  const names = language === 'ru' ? [['Иванова', 'Мария'], ['Петров', 'Пётр']] : [['Παπαδοπούλου', 'Μαρία'], ['Γεωργίου', 'Νίκος']];
  const ids: number[] = [];
  for (const [lastName, firstName] of names) {
    const r = await hearth.call('residents.create', { lastName: lastName!, firstName: firstName!, settlement: language === 'ru' ? 'Сылва' : 'Πειραιάς' });
    ids.push(r.id);
  }
  await hearth.call('requests.create', { residentId: ids[0]!, kindId, urgency: 'urgent' });
  await hearth.call('requests.create', { residentId: ids[1]!, kindId });
  const item = await hearth.call('aid.addItem', { name: language === 'ru' ? 'Продуктовый набор' : 'Δέμα τροφίμων', size: '', unit: 'parcel' });
  await hearth.call('aid.receive', { itemId: item.id, quantity: 30, fromWhom: language === 'ru' ? 'Банк еды' : 'Τράπεζα Τροφίμων' });
  await hearth.call('aid.give', { residentId: ids[0]!, lines: [{ itemId: item.id, quantity: 2 }], confirmBelowZero: false });
  await hearth.call('aid.give', { residentId: ids[1]!, lines: [{ itemId: item.id, quantity: 1 }], confirmBelowZero: false });
  const event = await hearth.call('events.create', {
    title: language === 'ru' ? 'Мастер-класс: валяние из шерсти' : 'Εργαστήριο πλεξίματος',
    kind: 'masterClass',
    startsOn: today,
    startsAt: '14:00',
    endsAt: '16:00',
    settlement: language === 'ru' ? 'Сылва' : 'Πειραιάς',
  });
  const categories = await hearth.call('cashbook.categories', {});
  const cat = (code: string) => categories.find((c) => c.code === code)!.id;
  const currency = language === 'ru' ? 'RUB' : 'EUR';
  const account = await hearth.call('accounts.create', { name: language === 'ru' ? 'Касса' : 'Ταμείο', kind: 'cash', currency, openingBalanceMinor: 5_000_000, openingDate: `${today.slice(0, 7)}-01` });
  await hearth.call('cashbook.post', { type: 'income', date: today, accountId: account.id, amountMinor: 1_200_000, categoryId: cat('paidServices') });
  await hearth.call('cashbook.post', { type: 'expense', date: today, accountId: account.id, amountMinor: 500_000, categoryId: cat('rent') });
  const year = today.slice(0, 4);
  await hearth.call('grants.create', {
    grant: { funder: language === 'ru' ? 'Фонд президентских грантов' : 'Περιφέρεια Αττικής', title: language === 'ru' ? 'Тёплый дом' : 'Ζεστό σπίτι', startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, currency, amountMinor: 60_000_000, note: '' },
    lines: [{ name: language === 'ru' ? 'Дрова' : 'Καυσόξυλα', plannedMinor: 60_000_000 }],
  });
  return { event, ids };
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}

for (const language of ['ru', 'el'] as const) {
  test.describe(`home screen per role (${language})`, () => {
    test.use({ setUp: centre(language, language === 'ru' ? 'Центр помощи жителям Сылвы' : 'Κέντρο Βοήθειας Σύλβας'), signInAs: null });

    test('each role lands on its own home', async ({ browser, hearth }) => {
      test.setTimeout(180_000);
      for (const key of KEYS) expect(ownString(language, key), `${language} translation of ${key}`).toBeTruthy();
      const { event } = await seed(hearth, language);

      const open = async (role: Role) => {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
        await signInContext(context, hearth, role);
        const page = await context.newPage();
        const t = await openApp(page, hearth, { language, route: '/' });
        return { context, page, t };
      };

      // The front desk: search and queue as before, then today's aid and events.
      {
        const { context, page, t } = await open('frontdesk');
        await expect(page.getByRole('heading', { level: 1, name: t('frontdesk:title') })).toBeVisible();
        await expect(page.getByRole('searchbox', { name: t('frontdesk:searchLabel') })).toBeFocused();
        const aid = page.getByRole('region', { name: t('dashboard:today.aid') });
        await expect(aid).toContainText(language === 'ru' ? 'Продуктовый набор' : 'Δέμα τροφίμων');
        await expect(aid.getByRole('definition').first()).toHaveText('2');
        const events = page.getByRole('region', { name: t('dashboard:today.events') });
        await expect(events.getByRole('link', { name: event.title })).toBeVisible();
        await expect(page.getByRole('region', { name: t('dashboard:admin.title') })).toHaveCount(0);
        await noSidewaysScroll(page);
        await page.screenshot({ path: artifactPath(`home-frontdesk-${language}.png`), fullPage: true });
        // The event's link opens its page.
        await events.getByRole('link', { name: event.title }).click();
        await expect(page.getByRole('heading', { level: 1, name: event.title })).toBeVisible();
        await context.close();
      }

      // The coordinator: two requests nobody has planned, the event this week; no front-desk search.
      {
        const { context, page, t } = await open('coordinator');
        await expect(page.getByRole('heading', { level: 1, name: t('dashboard:coordinator.title') })).toBeVisible();
        const unassigned = page.getByRole('region', { name: new RegExp(`^${t('dashboard:coordinator.unassigned')}`) });
        await expect(unassigned.getByRole('listitem')).toHaveCount(2);
        await expect(unassigned.getByRole('heading')).toContainText('2');
        await expect(page.getByRole('link', { name: event.title })).toBeVisible();
        await expect(page.getByRole('searchbox')).toHaveCount(0);
        await expect(page.getByRole('alert')).toHaveCount(0);
        await noSidewaysScroll(page);
        await page.screenshot({ path: artifactPath(`home-coordinator-${language}.png`), fullPage: true });
        // Keyboard: Tab reaches the first request's link and Enter opens it.
        await unassigned.getByRole('link').first().focus();
        await page.keyboard.press('Enter');
        await expect(page).toHaveURL(/#\/requests\/\d+$/);
        await context.close();
      }

      // The treasurer: this month's money, the grant, the outlook; no search, no red message.
      {
        const { context, page, t } = await open('treasurer');
        await expect(page.getByRole('heading', { level: 1, name: t('dashboard:treasurer.title') })).toBeVisible();
        // The navigation's first link is the treasurer's home, not the front desk.
        const nav = page.getByRole('navigation', { name: t('common:nav.label') });
        await expect(nav.getByRole('link', { name: t('dashboard:home'), exact: true })).toHaveAttribute('aria-current', 'page');
        await expect(nav.getByRole('link', { name: t('common:nav.frontDesk'), exact: true })).toHaveCount(0);
        await expect(page.getByRole('searchbox')).toHaveCount(0);
        await expect(page.getByRole('alert')).toHaveCount(0);
        await expect(page.locator('.notice-error')).toHaveCount(0);
        const cash = page.getByRole('region', { name: new RegExp(t('dashboard:treasurer.month', { month: '.*' })) });
        await expect(cash.getByText(t('dashboard:treasurer.income'), { exact: true })).toBeVisible();
        await expect(page.getByRole('link', { name: language === 'ru' ? 'Тёплый дом' : 'Ζεστό σπίτι' })).toBeVisible();
        await expect(page.getByRole('heading', { level: 2, name: t('cashflow:outlook.title') })).toBeVisible();
        await noSidewaysScroll(page);
        await page.screenshot({ path: artifactPath(`home-treasurer-${language}.png`), fullPage: true });
        await context.close();
      }

      // The admin: the panel above the front desk (no backup yet: the reminder), then the search.
      {
        const { context, page, t } = await open('admin');
        const panel = page.getByRole('region', { name: t('dashboard:admin.title') });
        await expect(panel).toBeVisible();
        await expect(panel.getByRole('link', { name: t('dashboard:admin.lastBackup') })).toBeVisible();
        await expect(panel.getByRole('link', { name: t('dashboard:admin.users') })).toBeVisible();
        // Residents due for the retention review: none in a centre set up today; the figure links to the review.
        const due = panel.getByRole('link', { name: t('dashboard:admin.retentionDue') });
        await expect(due).toHaveAttribute('href', '#/admin/privacy');
        await expect(panel.locator('.dash-figure').filter({ has: page.getByRole('link', { name: t('dashboard:admin.retentionDue') }) }).locator('dd')).toHaveText(/^0 · /);
        await expect(page.getByRole('searchbox', { name: t('frontdesk:searchLabel') })).toBeFocused();
        await noSidewaysScroll(page);
        await page.screenshot({ path: artifactPath(`home-admin-${language}.png`), fullPage: true });
        await context.close();
      }
    });
  });
}
