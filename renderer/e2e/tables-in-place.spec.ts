import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, openApp, centre } from './fixtures';
import { ROOT } from './paths';

/**
 * Rows that turn into a form in place on the shared data table (renderer/ui/DataTable.tsx
 * `editing`, `detail`, `tail`; issue 16): a grant's budget line becomes its form and comes back
 * with Escape, an expense opens under its line (checked with cashbook.post's schema, required
 * fields marked), a tranche's receipt opens under the tranche and a new tranche's form after the
 * last row; the budget's planned amount is typed in its cell; the till's reversal asks in its cell
 * and Enter on a sale opens its receipt. In Russian and Greek at 1366×768, with screenshots.
 */
const shot = (name: string) => path.join(ROOT, 'test-results', name);

/** axe-core (WCAG 2.1 A and AA) on the page as it is, a form open in a table. */
async function axeFinds(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const CENTRES = { ru: 'Центр помощи жителям Сылвы', el: 'Κέντρο Κοινότητας Πειραιά' } as const;
const LINES = {
  ru: ['Оплата труда куратора', 'Транспорт и ГСМ'],
  el: ['Αμοιβή κοινωνικού λειτουργού', 'Τρόφιμα και είδη πρώτης ανάγκης'],
} as const;

for (const lng of ['ru', 'el'] as const) {
  test.describe(`grant lines and tranches in place (${lng})`, () => {
    test.use({ setUp: centre(lng, CENTRES[lng]), signInAs: 'treasurer' });

    test('a line turns into its form and back, an expense opens under its line, a tranche is received and another added', async ({ page, hearth }) => {
      const { today } = await hearth.call('app.status', {});
      const year = today.slice(0, 4);
      const currency = lng === 'ru' ? 'RUB' : 'EUR';
      await hearth.call('accounts.create', { name: lng === 'ru' ? 'Расчётный счёт' : 'Τραπεζικός λογαριασμός', kind: 'bank', currency, openingBalanceMinor: 10_000_000, openingDate: `${year}-01-01` });
      const [pay, food] = LINES[lng];
      const grant = await hearth.call('grants.create', {
        grant: { funder: lng === 'ru' ? 'Фонд президентских грантов' : 'Περιφέρεια Αττικής', title: lng === 'ru' ? 'Тёплый дом' : 'Κοινωνικό Παντοπωλείο', startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, currency, amountMinor: 2_400_000, note: '' },
        lines: [
          { name: pay, plannedMinor: 1_800_000 },
          { name: food, plannedMinor: 600_000 },
        ],
      });
      await hearth.call('grants.addTranche', { grantId: grant.id, expectedOn: today, amountMinor: 1_200_000, note: '' });

      await page.setViewportSize({ width: 1366, height: 768 });
      const t = await openApp(page, hearth, { language: lng, route: `/funding/grants/${grant.id}` });
      const lines = page.getByRole('table', { name: t('funding:grant.planVsActual') });
      const payRow = lines.getByRole('row', { name: pay, exact: true });
      const foodRow = lines.getByRole('row', { name: food, exact: true });
      await expect(payRow).toBeVisible();

      // Edit: the line's row is its form (its name in the focused field); Escape gives the row back.
      await payRow.getByRole('button', { name: t('funding:grant.editLine'), exact: true }).click();
      const name = lines.getByLabel(t('funding:grant.lineNameField'), { exact: true });
      await expect(name).toBeFocused();
      await expect(name).toHaveValue(pay);
      await expect(payRow).toHaveCount(0);
      expect(await axeFinds(page), 'axe with a line turned into its form').toEqual([]);
      await page.keyboard.press('Escape');
      await expect(payRow).toBeVisible();
      // The focus is back on the button that opened the form.
      await expect(payRow.getByRole('button', { name: t('funding:grant.editLine'), exact: true })).toBeFocused();

      // An expense on the food line: its form under the line (the line stays), required fields marked.
      await foodRow.getByRole('button', { name: t('funding:grant.recordExpense'), exact: true }).click();
      await expect(foodRow).toBeVisible();
      const expense = lines.getByRole('form', { name: t('funding:expense.title') });
      await expect(expense).toBeVisible();
      const amount = expense.getByLabel(t('funding:expense.amount'), { exact: true });
      await expect(amount).toBeFocused();
      await expect(expense.locator('.required-mark')).toHaveCount(5);
      // Nothing typed: cashbook.post's own schema refuses the amount, beside the field.
      await page.keyboard.press('Control+Enter');
      await expect(amount).toHaveAttribute('aria-invalid', 'true');
      await expect(expense).toContainText(t('common:validation.amount'));
      await page.screenshot({ path: shot(`tables-grant-expense-${lng}.png`) });
      expect(await axeFinds(page), 'axe with the expense form under its line').toEqual([]);
      await amount.fill('450');
      await page.getByLabel(t('funding:expense.counterparty'), { exact: true }).fill(lng === 'ru' ? 'Магнит' : 'Σκλαβενίτης');
      await page.keyboard.press('Control+Enter');
      await expect(expense).toHaveCount(0);
      await expect(foodRow).toContainText('450');
      await expect(foodRow.getByRole('button', { name: t('funding:grant.recordExpense'), exact: true })).toBeFocused();
      const view = await hearth.call('grants.get', { id: grant.id });
      expect(view.lines.map((l) => [l.name, l.actualMinor])).toEqual([
        [pay, 0],
        [food, 45_000],
      ]);

      // The tranche's receipt: its form under the tranche, then the tranche says it came.
      const tranches = page.getByRole('table', { name: t('funding:tranches.title') });
      await tranches.getByRole('button', { name: t('funding:tranches.receive'), exact: true }).click();
      const account = tranches.getByLabel(t('funding:tranches.account'), { exact: true });
      await expect(account).toBeFocused();
      await tranches.getByRole('button', { name: t('funding:tranches.confirmReceive'), exact: true }).click();
      await expect(tranches.getByRole('button', { name: t('funding:tranches.cancelReceipt'), exact: true })).toBeFocused();
      expect((await hearth.call('grants.get', { id: grant.id })).tranches.map((tr) => [tr.amountMinor, tr.receivedOn])).toEqual([[1_200_000, today]]);

      // A new tranche: its form after the last row, checked with grants.addTranche's schema.
      await page.getByRole('button', { name: t('funding:tranches.add'), exact: true }).click();
      const adding = tranches.getByRole('form', { name: t('funding:tranches.add') });
      await expect(adding.locator('.required-mark')).toHaveCount(2);
      await adding.getByLabel(t('funding:tranches.amount'), { exact: true }).fill('6000');
      await page.screenshot({ path: shot(`tables-grant-tranche-${lng}.png`), fullPage: true });
      expect(await axeFinds(page), 'axe with the new tranche form after the last row').toEqual([]);
      await page.keyboard.press('Control+Enter');
      await expect(adding).toHaveCount(0);
      await expect(page.getByRole('button', { name: t('funding:tranches.add'), exact: true })).toBeFocused();
      await expect(tranches.locator('tbody').getByRole('row')).toHaveCount(2);
      expect((await hearth.call('grants.get', { id: grant.id })).tranches.map((tr) => tr.amountMinor).sort()).toEqual([1_200_000, 600_000].sort());

      // The annual budget: the planned amount typed in its cell (required, budget.set's schema).
      await page.goto(`${hearth.url}#/funding/budget`);
      const expenses = page.getByRole('table', { name: t('funding:budget.expense') });
      await expenses.locator('button.fd-plan').first().click();
      const plan = expenses.locator('.fd-plan-form input');
      await expect(plan).toBeFocused();
      await expect(plan).toHaveAttribute('aria-required', 'true');
      await page.screenshot({ path: shot(`tables-budget-${lng}.png`) });
      await plan.fill('');
      await plan.press('Enter');
      await expect(plan).toHaveAttribute('aria-invalid', 'true');
      await plan.fill('700');
      await plan.press('Enter');
      await expect(expenses.locator('.fd-plan-form')).toHaveCount(0);
      await expect(expenses.locator('tfoot')).toContainText('700');
    });
  });

  test.describe(`the day's sales (${lng})`, () => {
    test.use({ setUp: centre(lng, CENTRES[lng]), signInAs: 'frontdesk' });

    test('the reversal asks in its cell; Enter on a sale opens its receipt', async ({ page, hearth }) => {
      const kinds = await hearth.call('catalogue.list', { includeArchived: false });
      const copies = kinds.find((k) => k.code === 'copies');
      if (!copies) throw new Error('The built-in kind "copies" is missing');
      await hearth.call('till.setPrice', { kindId: copies.id, priceMinor: 1_500, unit: 'copy' });
      await hearth.call('till.sell', { kindId: copies.id, quantity: 2, residentId: null, payment: 'cash' });
      const second = await hearth.call('till.sell', { kindId: copies.id, quantity: 3, residentId: null, payment: 'card' });

      await page.setViewportSize({ width: 1366, height: 768 });
      const t = await openApp(page, hearth, { language: lng, route: '/till' });
      const today = page.getByRole('table', { name: t('till:today.title') });
      const rows = today.locator('tbody').getByRole('row');
      await expect(rows).toHaveCount(2);
      // Newest first, as the day goes.
      await expect(rows.first()).toContainText(t('till:receipt.numberShort', { number: second.sale.receiptNo }));

      const reverse = rows.first().getByRole('button', { name: t('till:today.reverse'), exact: true });
      await reverse.click();
      await expect(rows.first().getByRole('button', { name: t('till:today.confirmReverse'), exact: true })).toBeFocused();
      await page.screenshot({ path: shot(`tables-till-${lng}.png`) });
      expect(await axeFinds(page), 'axe with the reversal asked in its cell').toEqual([]);
      await page.keyboard.press('Escape');
      await expect(reverse).toBeFocused();

      await rows.nth(1).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('article')).toBeVisible();
    });
  });

  test.describe(`report tables (${lng}, the demo village)`, () => {
    test.use({ demo: true, demoLanguage: lng });

    test('the funder-safe tables and the grant report keep their own order, the totals in the foot', async ({ page, hearth }) => {
      await page.setViewportSize({ width: 1366, height: 768 });
      const t = await openApp(page, hearth, { language: lng, route: '/results/funder-safe' });
      await expect(page.getByRole('heading', { level: 1, name: t('reports:funderSafe.title') })).toBeVisible();
      const tables = page.locator('.fs-tables table');
      await expect(tables.first()).toBeVisible();
      // Rows in the table's own order (age bands, contact kinds): no header sorts.
      await expect(page.locator('.fs-tables th[aria-sort]')).toHaveCount(0);
      await tables.first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot(`tables-funder-safe-${lng}.png`) });
      expect(await axeFinds(page), 'axe on the funder-safe tables').toEqual([]);

      await page.goto(`${hearth.url}#/results/grant`);
      const lines = page.locator('section[data-section="lines"] table');
      await expect(lines).toBeVisible();
      await expect(lines.locator('th[aria-sort]')).toHaveCount(0);
      // The spending without a line and the total, under the lines.
      await expect(lines.locator('tfoot').getByRole('row')).toHaveCount(2);
      await expect(lines.locator('tfoot').getByRole('row').last()).toContainText(t('reports:grantReport.total'));
      await page.screenshot({ path: shot(`tables-grant-report-${lng}.png`) });
      expect(await axeFinds(page), 'axe on the grant report').toEqual([]);
    });
  });
}
