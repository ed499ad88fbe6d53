import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { test, expect, openApp, centre, type Hearth } from './fixtures';
import { ownString, type Lng } from './i18n';
import { artifactPath } from './paths';
import { addMonths } from '../../shared/domain/dates';
import { LOCALE_OF, type Currency } from '../../shared/domain/settings';

const KEYS = ['cashflow:title', 'cashflow:chart.label', 'cashflow:table.opening', 'cashflow:table.closing', 'cashflow:export.xlsx', 'cashflow:export.csv', 'cashflow:outlook.title'];

/**
 * Seeds six months of a small centre through the cash book's calls (the Sylva figures: paid
 * services 7 000–12 000 a month, rent 5 000, the curator's pay 20 000) on a new account opened
 * six months ago; returns the range shown by default (the last six months, this one included).
 */
async function seed(hearth: Hearth, currency: Currency) {
  const status = await hearth.call('app.status', {});
  const month = status.today.slice(0, 7);
  const from = addMonths(month, -5);
  const categories = await hearth.call('cashbook.categories', {});
  const cat = (code: string) => categories.find((c) => c.code === code)!.id;
  const box = await hearth.call('accounts.create', { name: 'Касса центра', kind: 'cash', currency, openingBalanceMinor: 3000000, openingDate: `${from}-01` });
  const bank = await hearth.call('accounts.create', { name: 'Расчётный счёт', kind: 'bank', currency, openingBalanceMinor: 15000000, openingDate: `${from}-01` });
  const paid = [700000, 950000, 1200000, 800000, 1100000];
  for (let i = 0; i < 5; i++) {
    const m = addMonths(from, i);
    await hearth.call('cashbook.post', { type: 'income', date: `${m}-10`, accountId: box.id, amountMinor: paid[i]!, categoryId: cat('paidServices') });
    await hearth.call('cashbook.post', { type: 'expense', date: `${m}-05`, accountId: bank.id, amountMinor: 500000, categoryId: cat('rent'), counterparty: 'ИП Петров' });
    await hearth.call('cashbook.post', { type: 'expense', date: `${m}-25`, accountId: bank.id, amountMinor: 2000000, categoryId: cat('salaries') });
  }
  await hearth.call('cashbook.transfer', { date: `${addMonths(from, 2)}-15`, fromAccountId: box.id, toAccountId: bank.id, amountMinor: 1000000 });
  return { from, to: month };
}

async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

for (const [language, currency] of [
  ['ru', 'RUB'],
  ['el', 'EUR'],
] as Array<[Lng, Currency]>) {
  test.describe(`monthly cash flow (${language})`, () => {
    test.use({ setUp: centre(language, language === 'ru' ? 'Центр помощи жителям Сылвы' : 'Κέντρο Βοήθειας Σύλβας'), signInAs: 'treasurer' });

    test('shows the chart and the table of the last six months, exports XLSX and CSV, says how long the money lasts', async ({ page, hearth }, testInfo) => {
      for (const key of KEYS) expect(ownString(language, key), `${language} translation of ${key}`).toBeTruthy();
      await page.setViewportSize({ width: 1366, height: 768 });
      const range = await seed(hearth, currency);
      const report = await hearth.call('cashflow.report', range);
      const total = report.totals.find((b) => b.currency === currency)!;

      const t = await openApp(page, hearth, { language, route: '/cashflow' });
      await expect(page.getByRole('heading', { name: t('cashflow:title'), level: 1 })).toBeVisible();
      // The chart: a canvas with its label, drawn.
      const caption = t('cashflow:table.captionAccount', { account: t('cashflow:table.allAccounts'), currency });
      const block = page.getByRole('region', { name: caption, exact: true });
      const canvas = block.getByRole('img', { name: t('cashflow:chart.label', { currency }), exact: true });
      await expect(canvas).toBeVisible();
      const box = await canvas.boundingBox();
      expect(box!.height).toBeGreaterThan(150);
      expect(box!.width).toBeGreaterThan(500);
      // The table: the six months as columns, the same closing balance as the contract.
      const table = block.getByRole('table', { name: caption, exact: true });
      const headers = table.getByRole('columnheader');
      await expect(headers).toHaveCount(1 + 6 + 1);
      // At 1366×768 the whole table fits, the Total column included.
      const totalHeader = await headers.last().boundingBox();
      expect(totalHeader!.x + totalHeader!.width).toBeLessThanOrEqual(1366);
      const closingRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: t('cashflow:table.closing'), exact: true }) });
      const last = total.closingMinor[total.closingMinor.length - 1]!;
      const digits = new Intl.NumberFormat(LOCALE_OF[language], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      await expect(closingRow.getByRole('cell').nth(5)).toHaveText(digits.format(last / 100));
      await expect(table.getByRole('rowheader', { name: t('cashbook:categories.paidServices'), exact: true })).toBeVisible();
      await expect(table.getByRole('rowheader', { name: t('cashbook:categories.salaries'), exact: true })).toBeVisible();
      // The outlook in words.
      const outlook = page.getByRole('region', { name: t('cashflow:outlook.title'), exact: true });
      await expect(outlook).toContainText(t('cashflow:outlook.basis', { count: 3 }));
      const outlookData = await hearth.call('cashflow.outlook', { months: 3 });
      expect(outlookData.status).toBe('runsOut');
      const lastMonth = new Intl.DateTimeFormat(LOCALE_OF[language], { month: 'long', year: 'numeric' }).format(
        new Date(Number(outlookData.lastMonth!.slice(0, 4)), Number(outlookData.lastMonth!.slice(5, 7)) - 1, 15),
      );
      await expect(outlook).toContainText(t('cashflow:outlook.runsOut', { month: lastMonth }));
      await expect(outlook).toContainText(t('cashflow:outlook.about', { count: Math.floor(outlookData.coverMonths!) }));
      await page.screenshot({ path: testInfo.outputPath(`cashflow-${language}.png`), fullPage: false });
      await page.screenshot({ path: artifactPath(`cashflow-${language}.png`), fullPage: true });

      // XLSX: numbers and translated categories; no formula anywhere.
      const xlsx = await download(page, t('cashflow:export.xlsx'));
      expect(xlsx.name).toMatch(/^cashflow-\d{4}-\d{2}-\d{4}-\d{2}-.*\.xlsx$/);
      const files = unzipSync(new Uint8Array(xlsx.bytes));
      const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
      const strings = strFromU8(files['xl/sharedStrings.xml']!);
      expect(sheet).not.toMatch(/<f[\s>]/);
      expect(strings).toContain(t('cashbook:categories.paidServices'));
      expect(strings).toContain(t('cashflow:table.closing'));
      expect(sheet).toContain(`<v>${last / 100}</v>`);
      await expect(page.getByRole('status').filter({ hasText: xlsx.name })).toBeVisible();

      // CSV: BOM, ';', the same closing balance with the language's decimal comma.
      const csv = await download(page, t('cashflow:export.csv'));
      const text = csv.bytes.toString('utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      // Another account chosen: the table is that account's alone.
      await page.getByLabel(t('cashflow:range.account'), { exact: true }).selectOption({ label: t('cashflow:table.captionAccount', { account: 'Касса центра', currency }) });
      await expect(page.getByRole('region', { name: t('cashflow:table.captionAccount', { account: 'Касса центра', currency }), exact: true }).getByRole('img')).toBeVisible();

      const closingLine = text.split('\r\n').find((l) => l.startsWith(`${t('cashflow:table.closing')};`))!;
      expect(closingLine.split(';')[6]).toBe(`${Math.trunc(last / 100)},${String(Math.abs(last) % 100).padStart(2, '0')}`);
    });
  });
}

/** The front desk never sees the books: neither the screen's calls nor a cash-flow file. */
test.describe('monthly cash flow: front desk', () => {
  test.use({ setUp: centre('ru', 'Центр помощи жителям Сылвы'), signInAs: 'frontdesk' });

  test('cannot download a cash-flow export', async ({ page, hearth }) => {
    const range = await seed(hearth, 'RUB');
    const file = await hearth.call('cashflow.export', { ...range, format: 'csv' });
    await openApp(page, hearth, { language: 'ru', route: '/' });
    const response = await page.request.get(`${hearth.url}api/download/exports/${file.id}`);
    expect(response.status()).toBe(403);
  });
});
