import { test, expect, openApp, centre, contextCall } from './fixtures';
import { escapeRegExp, ownString } from './i18n';
import { addMonths } from '../../shared/domain/dates';
import { artifactPath } from './paths';

/** Keys this test shows; each must exist in Russian itself, not fall back to English. */
const KEYS = [
  'funding:title',
  'funding:grants.new',
  'funding:grants.funder',
  'funding:grants.lineName',
  'funding:grant.planVsActual',
  'funding:grant.recordExpense',
  'funding:expense.post',
  'funding:warnings.lineOverspent',
];

/** Amounts as Intl writes them in ru-RU use no-break spaces between thousands. */
const money = (text: string) => new RegExp(text.replace(/ /g, '\\s?').replace('-', '[-−]'));

/**
 * The treasurer records a grant with two budget lines (typed with the keyboard, amounts as people
 * write them in Russian), opens its view, records an expense on one line and sees plan vs actual:
 * the line's actual and remaining follow, the other line stays at zero, and the contract agrees.
 */
test.describe('funding (ru)', () => {
  test.use({ setUp: centre('ru', 'Центр помощи жителям Сылвы'), signInAs: 'treasurer' });

  test('records a grant with two budget lines and an expense on one, and shows plan vs actual', async ({ page, hearth }) => {
    for (const key of KEYS) expect(ownString('ru', key), `ru translation of ${key}`).toBeTruthy();
    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'ru', route: '/funding' });
    await expect(page.getByRole('heading', { name: t('funding:title'), level: 1 })).toBeVisible();

    await page.getByRole('button', { name: t('funding:grants.new'), exact: true }).click();
    const funder = page.getByLabel(t('funding:grants.funder'), { exact: true });
    await expect(funder).toBeFocused();
    await page.keyboard.type('Фонд президентских грантов');
    await page.getByLabel(t('funding:grants.titleField'), { exact: true }).fill('Тёплый дом');
    await page.getByLabel(t('funding:grants.amount'), { exact: true }).fill('240 000');
    await page.getByLabel(t('funding:grants.lineName', { n: 1 }), { exact: true }).fill('Оплата труда куратора');
    await page.getByLabel(t('funding:grants.linePlanned', { n: 1 }), { exact: true }).fill('180 000');
    await page.getByRole('button', { name: t('funding:grants.addLine'), exact: true }).click();
    await page.getByLabel(t('funding:grants.lineName', { n: 2 }), { exact: true }).fill('Транспорт и ГСМ');
    await page.getByLabel(t('funding:grants.linePlanned', { n: 2 }), { exact: true }).fill('60 000');
    await page.keyboard.press('Tab');
    await page.getByRole('button', { name: t('funding:grants.save'), exact: true }).click();

    // The grant's view opens.
    await expect(page.getByRole('heading', { name: 'Тёплый дом', level: 2 })).toBeVisible();
    await expect(page.getByRole('heading', { name: t('funding:grant.planVsActual'), level: 2 })).toBeVisible();

    // A line added by mistake is deleted again (nothing is recorded on it).
    await page.getByRole('button', { name: t('funding:grants.addLine'), exact: true }).click();
    await page.keyboard.type('Опечатка');
    await page.getByLabel(t('funding:grant.planned'), { exact: true }).fill('1 000');
    await page.keyboard.press('Control+Enter');
    const typo = page.getByRole('row', { name: 'Опечатка', exact: true });
    await expect(typo).toBeVisible();
    await typo.getByRole('button', { name: t('funding:grant.editLine'), exact: true }).click();
    await page.getByRole('button', { name: t('funding:grant.deleteLine'), exact: true }).click();
    await expect(typo).toHaveCount(0);

    const fuel = page.getByRole('row', { name: 'Транспорт и ГСМ', exact: true });
    const curator = page.getByRole('row', { name: 'Оплата труда куратора', exact: true });
    await expect(fuel).toContainText(money('60 000,00 ₽'));

    // An expense on the fuel line: the amount has focus.
    await fuel.getByRole('button', { name: t('funding:grant.recordExpense'), exact: true }).click();
    const amount = page.getByLabel(t('funding:expense.amount'), { exact: true });
    await expect(amount).toBeFocused();
    await page.keyboard.type('4 500,50');
    await page.getByLabel(t('funding:expense.category'), { exact: true }).selectOption({ label: t('cashbook:categories.transport') });
    await page.getByLabel(t('funding:expense.counterparty'), { exact: true }).fill('АЗС «Лукойл»');
    await page.getByRole('button', { name: t('funding:expense.post'), exact: true }).click();

    // Plan vs actual: 4 500,50 spent of 60 000, 55 499,50 remaining, 8 %; the other line untouched.
    await expect(fuel).toContainText(money('4 500,50 ₽'));
    await expect(fuel).toContainText(money('55 499,50 ₽'));
    await expect(fuel.getByRole('meter')).toHaveAttribute('aria-valuenow', '8');
    await expect(curator.getByRole('meter')).toHaveAttribute('aria-valuenow', '0');
    await expect(page.getByRole('heading', { name: t('funding:grant.entries'), level: 2 })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'АЗС «Лукойл»' })).toBeVisible();

    const grants = await hearth.call('grants.list', {});
    expect(grants).toHaveLength(1);
    const view = await hearth.call('grants.get', { id: grants[0]?.id ?? -1 });
    expect(view.lines.map((l) => [l.name, l.plannedMinor, l.actualMinor])).toEqual([
      ['Оплата труда куратора', 18_000_000, 0],
      ['Транспорт и ГСМ', 6_000_000, 450_050],
    ]);
    expect(view.amountMinor).toBe(24_000_000);
    expect(view.entries.map((e) => [e.lineName, e.amountMinor])).toEqual([['Транспорт и ГСМ', -450_050]]);
    await expect(page.getByRole('row', { name: /АЗС/ })).toContainText('Транспорт и ГСМ');
    await page.screenshot({ path: artifactPath('funding-grant-ru.png'), fullPage: true });
    // Money is recorded on it now: the grant can no longer be deleted (the core refuses too).
    await expect(page.getByRole('button', { name: t('funding:grant.deleteGrant') })).toHaveCount(0);

    // The annual budget: a plan for transport, typed in place; the expense above is its actual.
    const nav = page.getByRole('navigation', { name: t('funding:nav.label') });
    await nav.getByRole('link', { name: t('funding:nav.budget') }).click();
    const transport = t('cashbook:categories.transport');
    await page.getByRole('button', { name: new RegExp(`${escapeRegExp(t('funding:budget.plannedAmountFor', { amount: '@', category: transport })).replace('@', '.+')}$`) }).click();
    const plan = page.getByLabel(t('funding:budget.plannedFor', { category: transport }), { exact: true });
    await expect(plan).toBeFocused();
    await plan.fill('50 000');
    await plan.press('Enter');
    const row = page.getByRole('row', { name: new RegExp(`^${transport}`) });
    await expect(row).toContainText(money('50 000,00 ₽'));
    await expect(row).toContainText(money('4 500,50 ₽'));
    await expect(row).toContainText(money('-45 499,50 ₽'));
    await page.screenshot({ path: artifactPath('funding-budget-ru.png'), fullPage: true });
  });

  test('deletes a grant entered by mistake after a confirmation', async ({ page, hearth }) => {
    const t = await openApp(page, hearth, { language: 'ru', route: '/funding' });
    const mistake = await contextCall(page.context(), hearth, 'grants.create', {
      grant: { funder: 'Фонд', title: 'Ошибочный грант', startsOn: '2026-01-01', endsOn: '2026-12-31', currency: 'RUB', amountMinor: 100_000, note: '' },
      lines: [{ name: 'Строка', plannedMinor: 100_000 }],
    });
    await page.goto(`${hearth.url}#/funding/grants/${mistake.id}`);
    await page.getByRole('button', { name: t('funding:grant.deleteGrant'), exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Ошибочный грант');
    await page.getByRole('button', { name: t('funding:grant.deleteGrant'), exact: true }).click();
    await expect(page.getByRole('heading', { name: t('funding:title'), level: 1 })).toBeVisible();
    expect((await contextCall(page.context(), hearth, 'grants.list', {})).map((g) => g.title)).not.toContain('Ошибочный грант');
  });
});

/**
 * Rent in English: a lease started three months ago (market 25,000, paid 5,000) makes its monthly
 * rent due; unpaid past months are overdue (the count shows on the Rent tab); paying one posts the
 * expense and the count goes down; the in-kind screen reports the landlord's discount as co-financing.
 */
test.describe('rent (en)', () => {
  test.use({ setUp: centre('en'), signInAs: 'treasurer' });

  test('shows overdue rent, pays a month and reports the discount as in-kind', async ({ page, hearth }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const status = await hearth.call('app.status', {});
    const accounts = await hearth.call('accounts.list', {});
    const bank = accounts.find((a) => a.kind === 'bank');
    const start = `${addMonths(status.today.slice(0, 7), -3)}-01`;
    await hearth.call('rent.createLease', {
      landlord: 'N. Sokolova',
      premises: '12 Main Street',
      marketRentMinor: 2_500_000,
      paidRentMinor: 500_000,
      dueDay: 1,
      startsOn: start,
      endsOn: null,
      accountId: bank?.id ?? null,
      note: '',
    });
    const before = await hearth.call('rent.overdueCount', {});
    expect(before.count).toBeGreaterThanOrEqual(3);

    const t = await openApp(page, hearth, { language: 'en', route: '/funding/rent' });
    await expect(page.getByRole('heading', { name: t('funding:rent.overdueTitle') })).toBeVisible();
    const tab = page.getByRole('navigation', { name: t('funding:nav.label') });
    await expect(tab.getByLabel(t('funding:rent.overdueCount', { count: before.count }))).toBeVisible();
    const overdue = await hearth.call('rent.overview', {});
    const first = overdue.overdue[0];
    if (!first) throw new Error('no overdue rent');
    const monthLabel = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric' }).format(new Date(`${first.monthKey}-15T12:00:00`));
    await page.getByRole('button', { name: t('funding:rent.payMonth', { month: monthLabel }) }).first().click();
    await expect(tab.getByLabel(t('funding:rent.overdueCount', { count: before.count - 1 }))).toBeVisible();
    expect((await hearth.call('rent.overdueCount', {})).count).toBe(before.count - 1);
    await page.screenshot({ path: artifactPath('funding-rent-en.png'), fullPage: true });

    await tab.getByRole('link', { name: t('funding:nav.inKind') }).click();
    await expect(page.getByRole('heading', { name: t('funding:inKind.report') })).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(`^${monthLabel}`) });
    await expect(row).toContainText('€20,000.00');
    await page.screenshot({ path: artifactPath('funding-inkind-en.png'), fullPage: true });

    // Donated goods by hand: an empty save names the required fields, then Ctrl+Enter saves the row.
    await page.getByRole('button', { name: t('funding:inKind.add'), exact: true }).click();
    const form = page.getByRole('form', { name: t('funding:inKind.add') });
    const description = form.getByLabel(t('funding:inKind.description'), { exact: true });
    await expect(description).toBeFocused();
    await page.keyboard.press('Control+Enter');
    await expect(description).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel(t('funding:inKind.value'), { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await description.fill('Winter coats from the parish');
    await form.getByLabel(t('funding:inKind.value'), { exact: true }).fill('350');
    await form.getByLabel(t('funding:inKind.donor'), { exact: true }).fill('St Nicholas parish');
    await page.keyboard.press('Control+Enter');
    await expect(form).toHaveCount(0);
    await expect(page.getByRole('row', { name: /Winter coats from the parish/ })).toContainText('€350.00');

    // A second lease by hand: refused empty beside the landlord, then saved with Ctrl+Enter.
    await tab.getByRole('link', { name: t('funding:nav.rent') }).click();
    await page.getByRole('button', { name: t('funding:rent.newLease'), exact: true }).click();
    const lease = page.getByRole('form', { name: t('funding:rent.newLease') });
    const landlord = lease.getByLabel(t('funding:rent.landlord'), { exact: true });
    await expect(landlord).toBeFocused();
    await page.keyboard.press('Control+Enter');
    await expect(landlord).toHaveAttribute('aria-invalid', 'true');
    await landlord.fill('Parish council');
    await lease.getByLabel(t('funding:rent.premises'), { exact: true }).fill('Hall, 3 Church Lane');
    await lease.getByLabel(t('funding:rent.market'), { exact: true }).fill('400');
    await lease.getByLabel(t('funding:rent.paid'), { exact: true }).fill('0');
    await page.keyboard.press('Control+Enter');
    await expect(lease).toHaveCount(0);
    await expect(page.getByText('Hall, 3 Church Lane').first()).toBeVisible();
  });
});
