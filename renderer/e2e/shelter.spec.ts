import { test, expect, openApp, centre } from './fixtures';
import { ownString } from './i18n';
import { artifactPath } from './paths';
import { dateField, fillDate } from './pages';

/**
 * The temporary shelter (issue 12), in Ukrainian, as in Cherkasy: a shelter of 3 places with one
 * man already there; the Bondarenko household (three registered members) is checked in with the
 * keyboard through the resident picker and "the whole household"; above the places the screen
 * warns with the count and checks them in once confirmed; they are in "who is there today"; the
 * grandmother is checked out to relatives and leaves the list; her page says she was there.
 */
test.describe('shelter (uk)', () => {
  test.use({ setUp: centre('uk', 'Черкаський центр') });

  test('check a household in above the places (confirmed), see them today, check one out', async ({ page, hearth }) => {
    for (const key of ['shelter:title', 'shelter:today.title', 'shelter:checkIn.confirm', 'shelter:outReason.relatives', 'common:errorDetail.overPlaces_few', 'common:nav.shelter']) {
      expect(ownString('uk', key), key).not.toBe(ownString('en', key));
    }
    const shelter = await hearth.call('shelter.addShelter', { name: 'Тимчасовий притулок', address: 'вул. Шкільна, 3', places: 3 });
    const petro = await hearth.call('residents.create', { lastName: 'Мельник', firstName: 'Петро', birthYear: 1955, settlement: 'Черкаси' });
    await hearth.call('shelter.checkIn', { shelterId: shelter.id, residentId: petro.id, on: '2026-10-01', bed: 'кімн. 1' });
    const oksana = await hearth.call('residents.create', { lastName: 'Бондаренко', firstName: 'Оксана', birthYear: 1988, settlement: 'Черкаси' });
    const halyna = await hearth.call('residents.create', { lastName: 'Бондаренко', firstName: 'Галина', birthYear: 1960, settlement: 'Черкаси' });
    const andrii = await hearth.call('residents.create', { lastName: 'Бондаренко', firstName: 'Андрій', birthYear: 2012, settlement: 'Черкаси' });
    await hearth.call('households.create', {
      headResidentId: oksana.id,
      members: [
        { residentId: halyna.id, relation: 'parent' },
        { residentId: andrii.id, relation: 'child' },
      ],
    });

    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'uk', route: '/' });
    await page.getByRole('navigation').getByRole('link', { name: t('common:nav.shelter') }).click();
    await expect(page.getByRole('heading', { name: t('shelter:title'), level: 1 })).toBeVisible();
    const today = page.getByRole('table', { name: `${t('shelter:today.title')}: Тимчасовий притулок` });
    await expect(today.getByRole('row')).toHaveCount(2);

    // The picker: type, Enter; then the whole household, the room, Enter.
    const picker = page.getByRole('combobox', { name: t('shelter:fields.resident') });
    await picker.focus();
    await page.keyboard.type('Бондаренко Оксана');
    await expect(page.getByRole('option', { name: /Бондаренко Оксана/ })).toBeVisible();
    await page.keyboard.press('Enter');
    const whole = page.getByRole('checkbox', { name: t('shelter:fields.wholeHousehold', { count: 3 }) });
    await expect(whole).toBeFocused();
    await page.keyboard.press('Space');
    await expect(whole).toBeChecked();
    await page.getByLabel(t('shelter:fields.bed')).fill('кімн. 2');
    await page.keyboard.press('Enter');

    // 1 there + 3 = 4 people in 3 places: the warning with the count, nothing saved yet.
    const warning = page.getByRole('alert');
    await expect(warning).toHaveText(t('common:errorDetail.overPlaces', { count: 4, places: 3 }));
    await expect(today.getByRole('row')).toHaveCount(2);
    await page.screenshot({ path: artifactPath('shelter-over-places-uk.png') });
    await page.getByRole('button', { name: t('shelter:checkIn.confirm') }).click();
    await expect(page.getByRole('status')).toHaveText(t('shelter:checkIn.done', { count: 3 }));

    // Who is there today: Petro since 1 October, the three Bondarenkos since today.
    await expect(today.getByRole('row')).toHaveCount(5);
    for (const name of ['Мельник Петро', 'Бондаренко Оксана', 'Бондаренко Галина', 'Бондаренко Андрій']) await expect(today.getByRole('link', { name })).toBeVisible();
    await expect(page.getByText(t('shelter:today.occupied', { occupied: 4, places: 3 })).first()).toBeVisible();
    await page.screenshot({ path: artifactPath('shelter-today-uk.png'), fullPage: true });

    // The grandmother moves to relatives: check-out with the reason.
    await page.getByRole('button', { name: `${t('shelter:checkOut.open')}: Бондаренко Галина` }).click();
    const reason = page.getByLabel(t('shelter:fields.reason'));
    await expect(reason).toBeFocused();
    await reason.selectOption('relatives');
    await page.screenshot({ path: artifactPath('shelter-check-out-uk.png') });
    await page.getByRole('button', { name: t('shelter:checkOut.save'), exact: true }).click();
    await expect(today.getByRole('row')).toHaveCount(4);
    await expect(today.getByRole('link', { name: 'Бондаренко Галина' })).toHaveCount(0);
    await expect(page.getByText(t('shelter:today.occupied', { occupied: 3, places: 3 })).first()).toBeVisible();

    // Her page says she was in the shelter; the core agrees.
    const stays = await hearth.call('shelter.ofResident', { residentId: halyna.id });
    expect(stays.map((s) => [s.outReason, s.bed])).toEqual([['relatives', 'кімн. 2']]);
    await page.goto(`${hearth.url}#/residents/${halyna.id}`);
    await expect(page.getByRole('link', { name: /Проживав\(ла\) у тимчасовому притулку/ })).toBeVisible();
    await page.screenshot({ path: artifactPath('shelter-resident-uk.png') });

    // The history of stays, from the shelter screen: four stays this year, Halyna's with her reason;
    // from today on, only the three Bondarenkos checked in today.
    await page.goto(`${hearth.url}#/shelter`);
    await page.getByRole('link', { name: t('shelter:history.link') }).click();
    await expect(page.getByRole('heading', { name: t('shelter:history.title'), level: 1 })).toBeVisible();
    const history = page.getByRole('table', { name: t('shelter:history.title') });
    await expect(page.getByRole('status')).toHaveText(t('shelter:history.count', { count: 4 }));
    await expect(history.getByRole('row')).toHaveCount(5);
    const halynaRow = history.getByRole('row', { name: /Бондаренко Галина/ });
    await expect(halynaRow).toContainText(t('shelter:outReason.relatives'));
    await expect(history.getByRole('row', { name: /Мельник Петро/ })).toContainText(t('shelter:history.stillThere'));
    await page.screenshot({ path: artifactPath('shelter-history-uk.png'), fullPage: true });
    const status = await hearth.call('app.status', {});
    await fillDate(dateField(page, t('shelter:history.from')), status.today);
    await expect(page.getByRole('status')).toHaveText(t('shelter:history.count', { count: 3 }));
    await expect(history.getByRole('row', { name: /Мельник Петро/ })).toHaveCount(0);

    // The shelter gets a fourth place: its places are typed as text, a word is refused by
    // shelter.addShelter's own schema, a number is saved with Ctrl+Enter.
    await page.goto(`${hearth.url}#/shelter`);
    await page.getByRole('button', { name: `${t('common:edit')}: Тимчасовий притулок` }).click();
    const places = page.getByRole('textbox', { name: t('shelter:fields.places') });
    await places.fill('чотири');
    await places.press('Control+Enter');
    await expect(page.getByText(t('common:validation.number'))).toBeVisible();
    await expect(places).toHaveAttribute('aria-invalid', 'true');
    await places.fill('4');
    await places.press('Control+Enter');
    await expect(places).toHaveCount(0);
    expect((await hearth.call('shelter.get', { id: shelter.id })).places).toBe(4);
  });
});
