import { test, expect, openApp, centre, contextCall, ContractError } from './fixtures';
import { ownString } from './i18n';
import { artifactPath } from './paths';

/**
 * The treasurer's in-kind ledger takes in aid received with a value (issue 12), in Polish: two
 * receipts with a value wait in "Aid received with a value" (the one without a value does not);
 * the treasurer chooses the grant, takes the children's shoes in with the keyboard (Tab to the
 * button, Enter), the row appears in the ledger as donated goods for the grant with its donor,
 * date and value, and the contract refuses taking the same receipt in twice.
 */
test.describe('in-kind aid for the treasurer (pl)', () => {
  test.use({ setUp: centre('pl', 'Centrum Pomocy Rodzinie'), signInAs: 'treasurer' });

  test('takes aid received with a value into the in-kind ledger for a grant, once', async ({ page, hearth }) => {
    for (const key of ['funding:aidTakeIn.title', 'funding:aidTakeIn.takeIn', 'funding:aidTakeIn.fromAid', 'common:errors.alreadyTakenIn']) {
      expect(ownString('pl', key), key).not.toBe(ownString('en', key));
    }
    const status = await hearth.call('app.status', {});
    const today = status.today;
    const shoes = await hearth.call('aid.addItem', { name: 'Buty dziecięce', size: '28', unit: 'pair' });
    const water = await hearth.call('aid.addItem', { name: 'Woda mineralna', unit: 'bottle' });
    const received = await hearth.call('aid.receive', { itemId: shoes.id, on: today, quantity: 40, fromWhom: 'Fundacja „Dzieciom”', valueMinor: 240_000 });
    await hearth.call('aid.receive', { itemId: water.id, on: today, quantity: 96, fromWhom: 'Sklep „Lewiatan”', valueMinor: 19_200 });
    await hearth.call('aid.receive', { itemId: water.id, on: today, quantity: 24, fromWhom: 'Parafia' });
    const grant = await hearth.call('grants.create', {
      grant: { funder: 'Program FIO', title: 'Wsparcie rodzin', startsOn: `${today.slice(0, 4)}-01-01`, endsOn: `${today.slice(0, 4)}-12-31`, currency: 'PLN', amountMinor: 5_000_000 },
      lines: [],
    });

    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'pl', route: '/funding/in-kind' });
    const section = page.getByRole('region', { name: t('funding:aidTakeIn.title') });
    await expect(section).toBeVisible();
    const shoesLabel = `Buty dziecięce 28: ${t('aid:unit.pair', { count: 40 })}`;
    await expect(section.getByRole('row')).toHaveCount(3);
    await expect(section.getByRole('row', { name: new RegExp('Woda mineralna') })).toBeVisible();

    // The grant first, then the keyboard: Tab to the shoes' Take-in button, Enter.
    const grantSelect = section.getByLabel(t('funding:inKind.grant'));
    await grantSelect.selectOption({ label: 'Wsparcie rodzin' });
    await grantSelect.focus();
    const takeIn = section.getByRole('button', { name: t('funding:aidTakeIn.takeInLabel', { what: shoesLabel }) });
    let guard = 0;
    while (!(await takeIn.evaluate((el) => el === document.activeElement)) && guard++ < 10) await page.keyboard.press('Tab');
    await expect(takeIn).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(section.getByRole('status')).toHaveText(t('funding:aidTakeIn.done', { what: shoesLabel }));
    await expect(section.getByRole('row')).toHaveCount(2);

    // In the ledger: donated goods, the donor, the item and quantity, for the grant, 2 400,00 zł.
    const ledger = page.getByRole('region', { name: t('funding:inKind.ledger') });
    const row = ledger.getByRole('row', { name: new RegExp(shoesLabel) });
    await expect(row).toContainText(t('funding:inKind.kinds.goods'));
    await expect(row).toContainText('Fundacja „Dzieciom”');
    await expect(row).toContainText(t('funding:inKind.forGrant', { grant: 'Wsparcie rodzin' }));
    await expect(row).toContainText(t('funding:aidTakeIn.fromAid'));
    await expect(row).toContainText(/2\s?400,00\s?zł/);
    await page.screenshot({ path: artifactPath('in-kind-aid-pl.png'), fullPage: true });

    const rows = await contextCall(page.context(), hearth, 'inKind.list', { fromMonth: today.slice(0, 7), toMonth: today.slice(0, 7) });
    expect(rows.map((r) => [r.kind, r.date, r.valueMinor, r.grantId, r.aidMovementId])).toEqual([['goods', today, 240_000, grant.id, received.movementIds[0]]]);
    const again = await contextCall(page.context(), hearth, 'inKind.takeInAid', { movementId: received.movementIds[0]!, grantId: null, description: '' }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ContractError);
    expect((again as ContractError).code).toBe('alreadyTakenIn');
  });
});
