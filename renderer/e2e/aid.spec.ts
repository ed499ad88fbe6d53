import { test, expect, openApp, centre } from './fixtures';
import { ownString } from './i18n';
import { artifactPath } from './paths';

/**
 * In-kind aid (issue 12) in Greek: a distribution day at the desk giving pairs of children's shoes
 * to two children of a beneficiary family with the keyboard (find the child, the item and the
 * quantity, Enter); the second asks for more than is in stock, sees what is left and confirms
 * once; the day's list to sign, the stock and the family's page show what was given.
 */
test.describe('in-kind aid (el)', () => {
  test.use({ setUp: centre('el', 'Κέντρο Πειραιά') });

  test('a distribution day: shoes for two children, the below-zero warning confirmed once', async ({ page, hearth }) => {
    for (const key of ['aid:day.title', 'aid:day.give', 'aid:day.confirm', 'aid:print.signature', 'common:nav.aid', 'common:errorDetail.stockShort_one']) {
      expect(ownString('el', key), key).not.toBe(ownString('en', key));
    }
    const s28 = await hearth.call('aid.addItem', { name: 'Παιδικά παπούτσια', size: '28', unit: 'pair' });
    const s31 = await hearth.call('aid.addItem', { name: 'Παιδικά παπούτσια', size: '31', unit: 'pair' });
    await hearth.call('aid.receive', { itemId: s28.id, quantity: 3, fromWhom: 'Δήμος Πειραιά' });
    await hearth.call('aid.receive', { itemId: s31.id, quantity: 1, fromWhom: 'Δήμος Πειραιά' });
    const mother = await hearth.call('residents.create', { lastName: 'Παπαδοπούλου', firstName: 'Μαρία', birthYear: 1984, settlement: 'Πειραιάς' });
    const son = await hearth.call('residents.create', { lastName: 'Παπαδόπουλος', firstName: 'Γιώργος', birthYear: 2018, settlement: 'Πειραιάς' });
    const daughter = await hearth.call('residents.create', { lastName: 'Παπαδοπούλου', firstName: 'Άννα', birthYear: 2016, settlement: 'Πειραιάς' });
    await hearth.call('households.create', {
      headResidentId: mother.id,
      members: [
        { residentId: son.id, relation: 'child' },
        { residentId: daughter.id, relation: 'child' },
      ],
    });
    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'el', route: '/aid/day' });
    await expect(page.getByRole('heading', { name: t('aid:day.title'), level: 1 })).toBeVisible();

    // The son: type his name, Enter; the item, the quantity, Enter.
    const picker = page.getByRole('combobox', { name: t('aid:day.resident') });
    await expect(picker).toBeFocused();
    await page.keyboard.type('Γιώργος');
    await expect(page.getByRole('option', { name: /Παπαδόπουλος Γιώργος/ })).toBeVisible();
    await page.keyboard.press('Enter');
    const item = page.getByLabel(t('aid:day.item'));
    await expect(item).toBeFocused();
    await item.selectOption(String(s28.id));
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(t('aid:day.quantity'))).toBeFocused();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: t('aid:day.given', { name: 'Παπαδόπουλος Γιώργος' }) })).toBeVisible();

    // The daughter: two pairs of size 31, only one left: the warning says so, Enter again gives.
    await expect(picker).toBeFocused();
    await page.keyboard.type('Άννα');
    await expect(page.getByRole('option', { name: /Παπαδοπούλου Άννα/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(item).toBeFocused();
    await item.selectOption(String(s31.id));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    const warning = page.getByRole('alert').filter({ hasText: t('common:errorDetail.stockShort', { count: 1, item: 'Παιδικά παπούτσια 31' }) });
    await expect(warning).toBeVisible();
    await expect(page.getByRole('button', { name: t('aid:day.confirm') })).toBeVisible();
    await page.screenshot({ path: artifactPath('aid-warning-el.png') });
    await page.getByLabel(t('aid:day.quantity')).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: t('aid:day.given', { name: 'Παπαδοπούλου Άννα' }) })).toBeVisible();
    const list = page.locator('.aid-day-list');
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list).toContainText('Παιδικά παπούτσια 28 — 2 ζευγάρια');
    await expect(list).toContainText('Παιδικά παπούτσια 31 — 2 ζευγάρια');
    await page.screenshot({ path: artifactPath('aid-day-el.png'), fullPage: true });

    // The list to sign: both children, an empty signature column.
    await page.getByRole('link', { name: t('aid:day.print') }).click();
    await expect(page.getByRole('columnheader', { name: t('aid:print.signature') })).toBeVisible();
    await expect(page.locator('.aid-table tbody tr')).toHaveCount(2);
    await page.screenshot({ path: artifactPath('aid-print-el.png'), fullPage: true });

    // The stock: 3 − 2 = 1 pair of 28, 1 − 2 = −1 of 31 (given anyway, shown in red).
    await page.getByRole('navigation', { name: t('common:nav.label') }).getByRole('link', { name: t('common:nav.aid'), exact: true }).click();
    await expect(page.getByRole('heading', { name: t('aid:stock.title'), level: 1 })).toBeVisible();
    const rows = page.locator('table.aid-stock tbody tr');
    await expect(rows.nth(0)).toContainText('1 ζευγάρι');
    await expect(rows.nth(1)).toContainText('-1 ζευγάρι');
    await page.screenshot({ path: artifactPath('aid-stock-el.png'), fullPage: true });

    // Only one pair of 31 was really handed over: corrected in the item's history (a new movement).
    await rows.nth(1).getByRole('link', { name: t('aid:stock.history') }).click();
    await page.getByRole('row').filter({ hasText: 'Παπαδοπούλου Άννα' }).getByRole('button', { name: t('aid:history.correct') }).click();
    await expect(page.getByLabel(t('aid:history.correctQuantity'))).toBeFocused();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('1');
    await page.getByLabel(t('aid:history.correctNote')).fill('Δόθηκε ένα ζευγάρι');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('row').filter({ hasText: 'Δόθηκε ένα ζευγάρι' })).toContainText('+1');
    await expect(page.getByRole('row').filter({ hasText: 'Παπαδοπούλου Άννα' }).last()).toContainText(t('aid:history.corrected', { count: 1 }));
    await page.screenshot({ path: artifactPath('aid-history-el.png'), fullPage: true });

    // The mother's page: what her children received.
    await page.goto(`${hearth.url}#/residents/${mother.id}`);
    const section = page.getByRole('region', { name: t('aid:resident.title') });
    await expect(section.getByRole('listitem')).toHaveCount(2);
    await expect(section).toContainText(t('aid:resident.member', { name: 'Παπαδοπούλου Άννα' }));
    await expect(section).toContainText('Παιδικά παπούτσια 31 — 1 ζευγάρι');
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('aid-resident-el.png'), fullPage: true });

    // The mother comes for the family: found, Shift+Tab, Space gives to the whole household (3 people).
    await page.goto(`${hearth.url}#/aid/day`);
    await expect(picker).toBeFocused();
    await page.keyboard.type('Μαρία');
    await expect(page.getByRole('option', { name: /Παπαδοπούλου Μαρία/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(item).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    const toHousehold = page.getByRole('checkbox', { name: new RegExp(t('aid:day.toHousehold', { count: 3 }).replace(/[()]/g, '\\$&')) });
    await expect(toHousehold).toBeFocused();
    await page.keyboard.press('Space');
    await expect(toHousehold).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(item).toBeFocused();
    await item.selectOption(String(s28.id));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('1');
    await page.screenshot({ path: artifactPath('aid-household-el.png') });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: t('aid:day.givenHousehold', { name: 'Παπαδοπούλου Μαρία', count: 3 }) })).toBeVisible();
    await expect(list.getByRole('listitem')).toHaveCount(3);
    // The core: one movement to the household, none to the mother herself.
    const day = await hearth.call('aid.distributionList', { on: (await hearth.call('app.status', {})).today });
    const households = day.people.filter((p) => p.householdId !== null);
    expect(households.map((p) => [p.residentId, p.lines.map((l) => [l.size, l.quantity])])).toEqual([[null, [['28', 1]]]]);
    await page.screenshot({ path: artifactPath('aid-day-household-el.png'), fullPage: true });
    // On the family's page: given to the household.
    await page.goto(`${hearth.url}#/residents/${son.id}`);
    const sonAid = page.getByRole('region', { name: t('aid:resident.title') });
    await expect(sonAid).toContainText(t('aid:resident.household'));

    // More shoes come in: the receipt is checked with aid.receive's own schema (no quantity: required),
    // then recorded with Ctrl+Enter.
    await page.goto(`${hearth.url}#/aid`);
    const receipt = page.getByRole('form', { name: t('aid:receive.title') });
    await receipt.getByLabel(t('aid:receive.item')).selectOption(String(s31.id));
    await receipt.getByLabel(t('aid:receive.fromWhom')).fill('Δήμος Πειραιά');
    await receipt.getByLabel(t('aid:receive.fromWhom')).press('Control+Enter');
    const quantity = receipt.getByLabel(t('aid:receive.quantity'));
    await expect(quantity).toHaveAttribute('aria-invalid', 'true');
    await expect(receipt.getByText(t('common:validation.required'))).toBeVisible();
    await quantity.fill('4');
    await quantity.press('Control+Enter');
    await expect(receipt.getByRole('status')).toHaveText(t('aid:receive.done'));
    await expect(quantity).toHaveValue('');
    const stock = await hearth.call('aid.items', {});
    expect(stock.items.find((i) => i.id === s31.id)?.stock).toBe(4);
  });
});
