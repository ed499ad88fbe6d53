import { test, expect, openApp, centre, ContractError } from './fixtures';
import { ownString } from './i18n';
import { artifactPath } from './paths';

/** Keys this test shows; each must exist in Russian itself, not fall back to English. */
const KEYS = [
  'cashbook:title',
  'cashbook:types.expense',
  'cashbook:types.income',
  'cashbook:form.amount',
  'cashbook:form.category',
  'cashbook:categories.utilities',
  'cashbook:categories.donations',
  'cashbook:reverse.button',
  'cashbook:reverse.confirm',
  'cashbook:list.reversalOf',
  'cashbook:list.reversedBy',
  'cashbook:balances.of',
];

/** Amounts as Intl writes them in ru-RU use no-break spaces between thousands. */
const money = (text: string) => new RegExp(text.replace(/ /g, '\\s?').replace('-', '[-−]'));

/**
 * The treasurer's cash book, in Russian: the new centre's cash box and bank account; an expense
 * (1 250,50 ₽ for electricity) and an income (5 000 ₽ donation) typed with the keyboard (the type,
 * then the amount has focus, Ctrl+Enter saves); the cash box's balance follows; the expense is
 * reversed and linked both ways; a reversal cannot be reversed.
 */
test.describe('cash book (ru)', () => {
  test.use({ setUp: centre('ru', 'Центр помощи жителям Сылвы'), signInAs: 'treasurer' });

  test('adds an expense and an income, sees the balance, reverses the expense', async ({ page, hearth }, testInfo) => {
    for (const key of KEYS) expect(ownString('ru', key), `ru translation of ${key}`).toBeTruthy();
    await page.setViewportSize({ width: 1366, height: 768 });
    const accounts = await hearth.call('accounts.list', {});
    expect(accounts.map((a) => [a.kind, a.currency])).toEqual([
      ['cash', 'RUB'],
      ['bank', 'RUB'],
    ]);
    const cashName = accounts[0]?.name ?? '';

    const t = await openApp(page, hearth, { language: 'ru', route: '/cashbook' });
    await expect(page.getByRole('heading', { name: t('cashbook:title'), level: 1 })).toBeVisible();
    const cashBalance = page.getByLabel(t('cashbook:balances.of', { account: cashName }), { exact: true });
    await expect(cashBalance).toHaveText(money('0,00 ₽'));

    const form = page.getByRole('region', { name: t('cashbook:form.title') });
    // An expense: the type, then the amount has focus.
    await form.getByRole('button', { name: t('cashbook:types.expense'), exact: true }).click();
    const amount = form.getByLabel(t('cashbook:form.amount', { currency: 'RUB' }), { exact: true });
    await expect(amount).toBeFocused();
    await page.keyboard.type('1 250,50');
    await form.getByLabel(t('cashbook:form.category'), { exact: true }).selectOption({ label: t('cashbook:categories.utilities') });
    await form.getByLabel(t('cashbook:form.payee'), { exact: true }).fill('Пермэнергосбыт');
    await form.getByLabel(t('cashbook:form.note'), { exact: true }).fill('Свет за октябрь');
    await page.keyboard.press('Control+Enter');
    await expect(form.getByRole('status')).toContainText(t('cashbook:categories.utilities'));
    await expect(cashBalance).toHaveText(money('-1 250,50 ₽'));
    await expect(amount).toHaveValue('');
    await expect(amount).toBeFocused();

    // An income: 5 000 ₽ of donations.
    await form.getByRole('button', { name: t('cashbook:types.income'), exact: true }).click();
    await expect(amount).toBeFocused();
    await page.keyboard.type('5000');
    await form.getByLabel(t('cashbook:form.category'), { exact: true }).selectOption({ label: t('cashbook:categories.donations') });
    await form.getByLabel(t('cashbook:form.payer'), { exact: true }).fill('Прихожане храма');
    await page.keyboard.press('Control+Enter');
    await expect(cashBalance).toHaveText(money('3 749,50 ₽'));
    await expect(form.getByRole('status')).toContainText(t('cashbook:categories.donations'));
    await expect(amount).toHaveValue('');
    await expect(amount).toBeFocused();

    // A typo is refused with a translated message, nothing is saved.
    await page.keyboard.type('12,3,4');
    await page.keyboard.press('Control+Enter');
    await expect(form.getByText(t('common:validation.amount'), { exact: true })).toBeVisible();
    await amount.fill('');
    await expect(cashBalance).toHaveText(money('3 749,50 ₽'));

    // Reverse the expense.
    const list = await hearth.call('cashbook.list', {});
    const expense = list.entries.find((e) => e.counterparty === 'Пермэнергосбыт');
    if (!expense) throw new Error('The expense was not saved');
    expect(expense).toMatchObject({ amountMinor: -125050, categoryCode: 'utilities', source: 'manual' });
    await page.getByRole('button', { name: t('cashbook:reverse.label', { id: expense.id }), exact: true }).click();
    await page.getByRole('button', { name: t('cashbook:reverse.confirm'), exact: true }).click();
    await expect(cashBalance).toHaveText(money('5 000,00 ₽'));
    const after = await hearth.call('cashbook.list', {});
    const reversal = after.entries.find((e) => e.reversesEntryId === expense.id);
    expect(reversal).toMatchObject({ amountMinor: 125050, source: 'reversal' });
    await expect(page.locator(`#entry-${expense.id}`)).toContainText(t('cashbook:list.reversedBy', { id: reversal?.id }));
    await expect(page.locator(`#entry-${reversal?.id}`)).toContainText(t('cashbook:list.reversalOf', { id: expense.id }));
    // No second reversal, no reversal of the reversal.
    await expect(page.locator(`#entry-${expense.id}`).getByRole('button')).toHaveCount(0);
    await expect(page.locator(`#entry-${reversal?.id}`).getByRole('button')).toHaveCount(0);
    const refused = await hearth.call('cashbook.reverse', { id: reversal?.id ?? 0 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ContractError);
    expect((refused as ContractError).code).toBe('reversalOfReversal');

    // One account chosen: the running balance.
    await page.getByRole('search').getByLabel(t('cashbook:filters.account'), { exact: true }).selectOption({ label: cashName });
    await expect(page.getByText(t('cashbook:list.balanceNow', { amount: '' }).trim())).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('cashbook-ru.png'), fullPage: true });
    await page.screenshot({ path: artifactPath('cashbook-ru.png'), fullPage: true });

    await page.getByRole('link', { name: t('cashbook:nav.accounts'), exact: true }).click();
    await expect(page.getByRole('cell', { name: cashName, exact: true })).toBeVisible();
    await page.screenshot({ path: artifactPath('cashbook-accounts-ru.png') });
  });
});

/**
 * The demo centre in Greek: six months of entries; a pending volunteer advance paid back
 * from the cash box (it leaves the list, the box's balance drops by its amount, the entry names
 * the volunteer); then cash paid into the bank as a transfer, both balances moving.
 */
test.describe('cash book with demo data (el)', () => {
  test.use({ demo: true, demoLanguage: 'el', signInAs: 'treasurer' });
  // (The Greek demo centre is Keratsini's, in euro: electron/core/demo/words/index.ts DEMO_CENTRES.)

  test('reimburses a volunteer and moves cash to the bank', async ({ page, hearth }, testInfo) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    const before = await hearth.call('accounts.list', {});
    const cash = before.find((a) => a.kind === 'cash');
    const bank = before.find((a) => a.kind === 'bank');
    if (!cash || !bank) throw new Error('The demo centre has no cash box or bank account');
    expect(cash.entryCount).toBeGreaterThan(50);
    const pending = await hearth.call('cashbook.pendingAdvances', {});
    expect(pending.length).toBeGreaterThan(0);
    const advance = pending[0];
    if (!advance) throw new Error('No pending advance');

    const t = await openApp(page, hearth, { language: 'el', route: '/cashbook/reimbursements' });
    await expect(page.getByRole('cell', { name: advance.volunteerName }).first()).toBeVisible();
    await page.screenshot({ path: artifactPath('cashbook-reimbursements-el.png') });
    const rows = page.getByRole('row').filter({ hasText: advance.volunteerName });
    const rowCount = await rows.count();
    await rows.first().getByRole('button', { name: t('cashbook:reimburse.pay') }).click();
    await expect(page.getByRole('status')).toContainText(advance.volunteerName);
    await expect(rows).toHaveCount(rowCount - 1);
    expect((await hearth.call('cashbook.pendingAdvances', {})).map((a) => a.id)).not.toContain(advance.id);
    const afterPay = await hearth.call('accounts.list', {});
    expect(afterPay.find((a) => a.id === cash.id)?.balanceMinor).toBe(cash.balanceMinor - advance.amountMinor);
    const settled = (await hearth.call('cashbook.list', { text: '' })).entries.find((e) => e.advanceId === advance.id);
    expect(settled).toMatchObject({ source: 'advance', counterparty: advance.volunteerName, amountMinor: -advance.amountMinor });

    // A transfer: 50 in the centre's currency from the cash box to the bank.
    await page.getByRole('link', { name: t('cashbook:nav.entries'), exact: true }).click();
    const form = page.getByRole('region', { name: t('cashbook:form.title') });
    await form.getByRole('button', { name: t('cashbook:types.transfer'), exact: true }).click();
    await expect(form.getByLabel(t('cashbook:form.amount', { currency: cash.currency }), { exact: true })).toBeFocused();
    await page.keyboard.type('50');
    await form.getByLabel(t('cashbook:form.toAccount'), { exact: true }).selectOption({ label: t('cashbook:form.accountOption', { name: bank.name, currency: bank.currency }) });
    await page.keyboard.press('Control+Enter');
    await expect(form.getByRole('status')).toContainText(bank.name);
    const afterTransfer = await hearth.call('accounts.list', {});
    expect(afterTransfer.find((a) => a.id === cash.id)?.balanceMinor).toBe(cash.balanceMinor - advance.amountMinor - 5000);
    expect(afterTransfer.find((a) => a.id === bank.id)?.balanceMinor).toBe(bank.balanceMinor + 5000);
    await page.screenshot({ path: testInfo.outputPath('cashbook-el.png') });
    await page.screenshot({ path: artifactPath('cashbook-el.png') });
    await page.getByRole('link', { name: t('cashbook:nav.categories'), exact: true }).click();
    await expect(page.getByRole('cell', { name: t('cashbook:categories.medicines') }).first()).toBeVisible();
    await page.screenshot({ path: artifactPath('cashbook-categories-el.png') });
  });
});
