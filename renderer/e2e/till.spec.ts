import { test, expect, openApp, centre } from './fixtures';
import { ownString } from './i18n';
import { artifactPath } from './paths';

/** Keys this test shows; each must exist in Russian itself, not fall back to English. */
const KEYS = [
  'till:title',
  'till:nav.sell',
  'till:nav.prices',
  'till:nav.cashUp',
  'till:sale.kind',
  'till:sale.quantity',
  'till:sale.total',
  'till:sale.noPrice',
  'till:prices.none',
  'till:receipt.title',
  'till:receipt.slipTitle',
  'till:cashUp.counted',
  'till:cashUp.results.short',
  'common:errors.noPrice',
];

/**
 * The front desk's till, in Russian: the treasurer's price for printing (12,50 ₽ a page), then
 * three printed pages sold with the keyboard alone (type-ahead kind, Tab, 3, K/C for the payment,
 * Enter), the receipt, Enter back to the till, and the day's cash-up with 30 ₽ counted against
 * 37,50 ₽ expected: 7,50 ₽ short, shown and recorded.
 */
test.describe('till (ru)', () => {
  test.use({ setUp: centre('ru', 'Центр помощи жителям Сылвы') });

  test('prices printing, sells three pages by keyboard, prints the receipt and cashes up', async ({ page, hearth }, testInfo) => {
    for (const key of KEYS) expect(ownString('ru', key), `ru translation of ${key}`).toBeTruthy();
    const kinds = await hearth.call('catalogue.list', { includeArchived: false });
    const printing = kinds.find((k) => k.code === 'printing');
    if (!printing) throw new Error('The built-in kind "printing" is missing');

    const t = await openApp(page, hearth, { language: 'ru', route: '/till/prices' });
    const printingName = t('catalogue:kinds.printing');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: printingName, exact: true }) });
    await expect(row).toContainText(t('till:prices.none'));

    // The price: 12,50 ₽ a page.
    await row.getByRole('button', { name: t('till:prices.setFor', { kind: printingName }), exact: true }).click();
    const amount = page.getByLabel(t('till:prices.amount'), { exact: true });
    await expect(amount).toBeFocused();
    // No price typed: till.setPrice's schema refuses it, the message under the amount; nothing saved.
    await page.keyboard.press('Control+Enter');
    await expect(page.getByText(t('common:validation.required'))).toBeVisible();
    await expect(amount).toHaveAttribute('aria-invalid', 'true');
    await amount.fill('12,50');
    await expect(page.getByLabel(t('till:prices.unit'), { exact: true })).toHaveValue('page');
    await page.keyboard.press('Enter');
    await expect(row).toContainText(t('till:per.page'));
    await expect(row).toContainText('12,50');
    await page.screenshot({ path: testInfo.outputPath('till-prices-ru.png') });
    await page.screenshot({ path: artifactPath('till-prices-ru.png') });
    const prices = await hearth.call('till.prices', {});
    expect(prices.kinds.find((k) => k.kindId === printing.id)?.current).toMatchObject({ priceMinor: 1250, unit: 'page', currency: 'RUB' });

    // The till: the kind has focus.
    await page.getByRole('link', { name: t('till:nav.sell'), exact: true }).click();
    const kind = page.getByLabel(t('till:sale.kind'), { exact: true });
    await expect(kind).toBeFocused();
    // A paid kind without a price cannot be sold.
    const lamination = t('catalogue:kinds.lamination');
    await page.keyboard.type(lamination.slice(0, 5).toLowerCase());
    await expect(page.getByRole('option', { name: t('till:sale.kindNoPrice', { kind: lamination }), exact: true })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: t('till:sale.noPrice') })).toBeVisible();
    await expect(page.getByRole('button', { name: t('till:sale.sell'), exact: true })).toBeDisabled();
    await expect(kind).toBeFocused();

    // A few letters of the kind, Enter; 3; K then C for the payment.
    await page.keyboard.press('Control+A');
    await page.keyboard.type(printingName.slice(0, 3).toLowerCase());
    await expect(page.getByRole('listbox', { name: t('till:sale.kind'), exact: true }).getByRole('option', { selected: true })).toContainText(printingName);
    await page.keyboard.press('Enter');
    await expect(kind).toHaveValue(printingName);
    const quantity = page.getByLabel(t('till:sale.quantity'), { exact: true });
    await expect(quantity).toBeFocused();
    await page.keyboard.type('3');
    await expect(quantity).toHaveValue('3');
    await page.keyboard.press('KeyK');
    await expect(page.getByRole('radio', { name: t('till:payments.card') })).toBeChecked();
    await page.keyboard.press('KeyC');
    await expect(page.getByRole('radio', { name: t('till:payments.cash') })).toBeChecked();
    await expect(quantity).toHaveValue('3');
    const total = page.locator('.till-total output');
    await expect(total).toContainText('37,50');
    await page.screenshot({ path: testInfo.outputPath('till-ru.png') });
    await page.screenshot({ path: artifactPath('till-ru.png') });

    // Enter sells; the receipt opens.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: t('till:receipt.title'), exact: true })).toBeVisible();
    const receipt = page.getByRole('article');
    await expect(receipt).toContainText('Центр помощи жителям Сылвы');
    await expect(receipt).toContainText(t('till:receipt.slipTitle'));
    await expect(receipt).toContainText(t('till:receipt.number', { number: '000001' }));
    await expect(receipt).toContainText(printingName);
    await expect(receipt).toContainText(t('till:quantities.page', { count: 3 }));
    await expect(receipt).toContainText('37,50');
    await expect(receipt).toContainText(t('till:payments.cash'));
    await page.screenshot({ path: testInfo.outputPath('till-receipt-ru.png') });
    await page.screenshot({ path: artifactPath('till-receipt-ru.png') });
    // On paper only the slip is printed.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('button', { name: t('till:receipt.print'), exact: true })).toBeHidden();
    await page.screenshot({ path: testInfo.outputPath('till-receipt-print-ru.png') });
    await page.screenshot({ path: artifactPath('till-receipt-print-ru.png') });
    await page.emulateMedia({ media: 'screen' });

    const day = await hearth.call('till.day', {});
    expect(day.sales).toHaveLength(1);
    expect(day.sales[0]).toMatchObject({ quantity: 3, unitPriceMinor: 1250, totalMinor: 3750, payment: 'cash' });

    // Enter goes back to the till, focused on the kind again; the sale is listed.
    await page.keyboard.press('Enter');
    await expect(kind).toBeFocused();
    const today = page.getByRole('region', { name: new RegExp(t('till:today.title')) });
    await expect(today).toContainText(printingName);
    await expect(today).toContainText('37,50');

    // The cash-up: 37,50 ₽ expected (the cash box opened empty today), 30 ₽ counted.
    await page.getByRole('link', { name: t('till:nav.cashUp'), exact: true }).click();
    const counted = page.getByLabel(t('till:cashUp.counted'), { exact: true });
    await expect(counted).toBeFocused();
    await expect(page.getByTestId('till-expected')).toContainText('37,50');
    const sales = page.getByRole('region', { name: t('till:cashUp.salesTitle'), exact: true });
    await expect(sales.getByRole('row').filter({ hasText: printingName })).toContainText(t('till:quantities.page', { count: 3 }));
    // Nothing counted yet: refused by till.cashUp's schema (0 would be a count).
    await page.keyboard.press('Enter');
    await expect(page.getByText(t('common:validation.required'))).toBeVisible();
    expect(await hearth.call('till.cashUps', { limit: 10 })).toHaveLength(0);
    await counted.fill('30');
    await page.keyboard.press('Enter');
    const saved = page.getByRole('status').filter({ hasText: '7,50' });
    await expect(saved).toBeVisible();
    await expect(saved.locator('.till-diff-short')).toBeVisible();
    const history = page.getByRole('region', { name: t('till:cashUp.earlier'), exact: true });
    await expect(history.getByRole('row')).toHaveCount(2);
    await expect(history).toContainText(t('till:cashUp.results.short', { amount: '' }).trim().split(' ')[0] ?? '');
    await page.screenshot({ path: testInfo.outputPath('till-cashup-ru.png'), fullPage: true });
    await page.screenshot({ path: artifactPath('till-cashup-ru.png'), fullPage: true });

    const ups = await hearth.call('till.cashUps', { limit: 10 });
    expect(ups).toHaveLength(1);
    expect(ups[0]).toMatchObject({ expectedMinor: 3750, countedMinor: 3000, differenceMinor: -750, currency: 'RUB' });
  });
});

/**
 * The front desk in Greek: the till is in the main navigation, the price list is read-only, a sale
 * of two copies by card for a resident, then reversed from today's list (never edited): the day
 * nets to zero and the reversal has its own receipt.
 */
test.describe('till at the front desk (el)', () => {
  test.use({ setUp: centre('el', 'Κέντρο Σύλβας'), signInAs: 'frontdesk' });

  test('sells by card for a resident and reverses the sale', async ({ page, hearth }, testInfo) => {
    const kinds = await hearth.call('catalogue.list', { includeArchived: false });
    const copies = kinds.find((k) => k.code === 'copies');
    if (!copies) throw new Error('The built-in kind "copies" is missing');
    await hearth.call('till.setPrice', { kindId: copies.id, priceMinor: 15, unit: 'copy' });
    const resident = await hearth.call('residents.create', { lastName: 'Παπαδοπούλου', firstName: 'Αθηνά', settlement: 'Σύλβα', phones: ['+30 694 123 4567'] });

    const t = await openApp(page, hearth, { language: 'el' });
    await page.getByRole('navigation', { name: t('common:nav.label') }).getByRole('link', { name: t('common:nav.till'), exact: true }).click();
    const kind = page.getByLabel(t('till:sale.kind'), { exact: true });
    await expect(kind).toBeFocused();

    // The front desk reads the prices but cannot change them.
    await page.getByRole('link', { name: t('till:nav.prices'), exact: true }).click();
    await expect(page.getByText(t('till:prices.leadRead'))).toBeVisible();
    await expect(page.getByRole('button', { name: t('till:prices.set') })).toHaveCount(0);
    await page.getByRole('link', { name: t('till:nav.sell'), exact: true }).click();
    await expect(kind).toBeFocused();

    const copiesName = t('catalogue:kinds.copies');
    await page.keyboard.type('φωτοα');
    await page.keyboard.press('Enter');
    await expect(kind).toHaveValue(copiesName);
    await page.keyboard.type('2');
    await page.keyboard.press('KeyK');
    await expect(page.getByRole('radio', { name: t('till:payments.card') })).toBeChecked();
    await page.getByRole('button', { name: t('till:sale.addResident'), exact: true }).click();
    const picker = page.getByRole('combobox', { name: t('till:sale.resident'), exact: true });
    await expect(picker).toBeFocused();
    await page.keyboard.type('παπαδ');
    await expect(page.getByRole('option', { name: new RegExp(resident.fullName) })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByText(resident.fullName)).toBeVisible();
    await expect(page.locator('.till-total output')).toContainText('0,30');
    await page.keyboard.press('Enter');

    await expect(page.getByRole('article')).toContainText(t('till:payments.card'));
    await expect(page.getByRole('article')).toContainText(resident.fullName);
    await page.keyboard.press('Escape');

    // Reverse it from today's list.
    const today = page.getByRole('region', { name: new RegExp(t('till:today.title')) });
    await today.getByRole('button', { name: t('till:today.reverse'), exact: true }).click();
    await today.getByRole('button', { name: t('till:today.confirmReverse'), exact: true }).click();
    await expect(today.getByRole('row')).toHaveCount(3);
    await expect(today).toContainText(t('till:today.reversed'));
    await expect(today.getByRole('button', { name: t('till:today.reverse'), exact: true })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('till-reversal-el.png') });
    await page.screenshot({ path: artifactPath('till-reversal-el.png') });

    const day = await hearth.call('till.day', {});
    expect(day.totalMinor).toBe(0);
    expect(day.byPayment.find((p) => p.payment === 'card')).toMatchObject({ count: 0, totalMinor: 0 });
    expect(day.reversals).toEqual({ count: 1, totalMinor: -30 });
  });
});

/**
 * The sale is checked with till.sell's own input schema (issue 16), the messages where the key
 * goes next: no service picked, then a quantity of "0", "abc" and nothing, each refused on the
 * quantity field with nothing sold; "2" sells two pages.
 */
for (const [lng, centreName] of [
  ['ru', 'Центр помощи жителям Сылвы'],
  ['el', 'Κέντρο Σύλβας'],
] as const) {
  test.describe(`till's sale checked with the call's schema (${lng})`, () => {
    test.use({ setUp: centre(lng, centreName) });

    test('a quantity of 0 or abc is refused on the quantity field and sells nothing', async ({ page, hearth }) => {
      const kinds = await hearth.call('catalogue.list', { includeArchived: false });
      const printing = kinds.find((k) => k.code === 'printing');
      if (!printing) throw new Error('The built-in kind "printing" is missing');
      await hearth.call('till.setPrice', { kindId: printing.id, priceMinor: 1250, unit: 'page' });
      await page.setViewportSize({ width: 1366, height: 768 });
      const t = await openApp(page, hearth, { language: lng, route: '/till' });
      const printingName = t('catalogue:kinds.printing');
      const kind = page.getByRole('combobox', { name: t('till:sale.kind'), exact: true });
      const quantity = page.getByLabel(t('till:sale.quantity'), { exact: true });
      const total = page.locator('.till-total output');
      const sold = async () => (await hearth.call('till.day', {})).sales.length;

      // Enter with no service: the message under the service, which keeps the focus.
      await expect(kind).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('alert').filter({ hasText: t('till:sale.chooseKindError') })).toBeVisible();
      await expect(kind).toBeFocused();
      await page.keyboard.type(printingName.slice(0, 3).toLowerCase());
      await page.keyboard.press('Enter');
      await expect(kind).toHaveValue(printingName);
      await expect(page.getByText(t('till:sale.chooseKindError'))).toHaveCount(0);
      await expect(quantity).toBeFocused();
      await expect(total).toContainText('12,50');

      // 0: out of the schema's range (1 to 10 000); the message on the quantity, no total, nothing sold.
      await page.keyboard.type('0');
      await expect(total).toHaveText('—');
      await page.keyboard.press('Enter');
      await expect(quantity).toHaveAttribute('aria-invalid', 'true');
      // The till's own sentence, which says what it takes (1 to 10 000), not the general "out of range".
      await expect(page.locator('.till-quantity .field-error')).toHaveText(t('till:sale.quantityError', { max: 10000 }));
      await expect(quantity).toBeFocused();
      await page.screenshot({ path: artifactPath(`till-quantity-refused-${lng}.png`) });
      expect(await sold()).toBe(0);

      // abc: not a number; nothing typed: required. The focus stays on the quantity each time.
      await quantity.fill('abc');
      await page.keyboard.press('Enter');
      await expect(page.locator('.till-quantity .field-error')).toHaveText(t('till:sale.quantityError', { max: 10000 }));
      await expect(quantity).toBeFocused();
      await quantity.fill('');
      await page.keyboard.press('Enter');
      await expect(page.locator('.till-quantity .field-error')).toHaveText(t('common:validation.required'));
      expect(await sold()).toBe(0);

      // 2: sold, the receipt opens; the till it gives back to starts anew.
      await quantity.fill('2');
      await expect(quantity).toHaveAttribute('aria-invalid', 'false');
      await expect(total).toContainText('25,00');
      await page.screenshot({ path: artifactPath(`till-sale-${lng}.png`) });
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: t('till:receipt.title'), exact: true })).toBeVisible();
      const day = await hearth.call('till.day', {});
      expect(day.sales).toHaveLength(1);
      expect(day.sales[0]).toMatchObject({ quantity: 2, unitPriceMinor: 1250, totalMinor: 2500, payment: 'cash', residentName: null });
      await page.keyboard.press('Enter');
      await expect(kind).toBeFocused();
      await expect(kind).toHaveValue('');
      await expect(quantity).toHaveValue('1');
      await expect(page.getByRole('radio', { name: t('till:payments.cash') })).toBeChecked();
    });
  });
}
