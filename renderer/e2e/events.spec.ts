import { test, expect, openApp, centre } from './fixtures';
import { ownString } from './i18n';
import { artifactPath } from './paths';

/**
 * Events (issue 12). In Russian: a coordinator's master class today with three named residents
 * registered at the door through the resident picker (type, Enter; the picker is back for the
 * next one) and five more people counted without names; the printed sign-in sheet lists the
 * three. In Ukrainian: a street-work outing with where they went and head counts by band.
 */
test.describe('events (ru)', () => {
  test.use({ setUp: centre('ru', 'Центр поддержки жителей Сылвы') });

  test('a master class with 3 named residents and a head count of 5, and its sign-in sheet', async ({ page, hearth }) => {
    for (const key of ['events:title', 'events:kind.masterClass', 'events:heads.title', 'events:print.signature', 'common:nav.events']) {
      expect(ownString('ru', key), key).not.toBe(ownString('en', key));
    }
    const people = [
      ['Иванова', 'Ольга', 1958],
      ['Смирнов', 'Павел', 1949],
      ['Кузнецова', 'Нина', 1962],
    ] as const;
    for (const [lastName, firstName, birthYear] of people) await hearth.call('residents.create', { lastName, firstName, birthYear, settlement: 'Сылва' });
    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'ru', route: '/events' });

    await expect(page.getByRole('heading', { name: t('events:title'), level: 1 })).toBeVisible();
    await page.getByRole('link', { name: t('events:new') }).click();
    await expect(page.getByLabel(t('events:form.title'))).toBeFocused();
    await page.keyboard.type('Мастер-класс: валяние из шерсти');
    await expect(page.getByLabel(t('events:form.kind'))).toHaveValue('masterClass');
    await page.getByLabel(t('events:form.startsAt')).fill('14:00');
    await page.getByLabel(t('events:form.endsAt')).fill('16:00');
    await page.getByLabel(t('events:form.settlement')).fill('Сылва');
    await page.getByLabel(t('events:form.address')).fill('ул. Ленина, 12');
    await page.getByLabel(t('events:form.capacity')).fill('10');
    await page.getByRole('button', { name: t('events:form.save') }).click();
    await expect(page.getByRole('heading', { name: 'Мастер-класс: валяние из шерсти', level: 1 })).toBeVisible();

    // Today's event: "came without registering" is ticked; type a name, Enter, the next one.
    await expect(page.getByLabel(t('events:attendance.atDoor'))).toBeChecked();
    const picker = page.getByRole('combobox', { name: t('events:attendance.resident') });
    for (const [i, [lastName, firstName]] of people.entries()) {
      await picker.focus();
      await page.keyboard.type(`${lastName} ${firstName}`);
      await expect(page.getByRole('option', { name: new RegExp(`${lastName} ${firstName}`) })).toBeVisible();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('attendee')).toHaveCount(i + 1);
      await expect(picker).toBeFocused();
    }
    const rows = page.getByTestId('attendee');
    await expect(rows.nth(0)).toContainText('Иванова Ольга');
    await expect(rows.nth(2)).toContainText(t('events:status.attended'));

    // Twice the same person: refused beside the picker with the translated message.
    await page.keyboard.type('Смирнов Павел');
    await expect(page.getByRole('option', { name: /Смирнов Павел/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByText(t('common:validation.alreadyRegistered'))).toBeVisible();
    await expect(rows).toHaveCount(3);

    // Five more people not registered by name: three women and two girls.
    await page.getByLabel(t('events:band.women')).fill('3');
    await page.getByLabel(t('events:band.girls')).fill('2');
    await page.getByRole('button', { name: t('events:heads.save') }).click();
    await expect(page.getByRole('status').filter({ hasText: t('events:heads.saved') })).toBeVisible();
    await expect(page.getByTestId('event-figures')).toHaveText(t('events:page.figures', { registered: '3', attended: '3', noShow: '0', counted: '5', reached: '8' }));
    // Both splits the reports use, from the bands: 3 adults and 2 children; 5 women and girls, no men or boys.
    const totals = t('events:heads.totals', { adults: 3, children: 2, female: 5, male: 0, total: 5 });
    await expect(page.getByTestId('event-band-totals')).toHaveText(totals);
    await page.screenshot({ path: artifactPath('events-master-class-ru.png'), fullPage: true });

    // On Olga's page: the event, and that she came at the door.
    await rows.nth(0).getByRole('link', { name: 'Иванова Ольга' }).click();
    const mine = page.getByRole('region', { name: t('events:resident.title') });
    await expect(mine).toContainText('Мастер-класс: валяние из шерсти');
    await expect(mine).toContainText(t('events:status.attended'));
    await page.goBack();

    // The sign-in sheet: the three names and the signature column.
    await page.getByRole('link', { name: t('events:print.button') }).click();
    await expect(page.getByRole('columnheader', { name: t('events:print.signature') })).toBeVisible();
    for (const [lastName, firstName] of people) await expect(page.getByRole('cell', { name: `${lastName} ${firstName}`, exact: true })).toBeVisible();
    await expect(page.getByTestId('event-sheet-heads')).toContainText(totals);
    await page.screenshot({ path: artifactPath('events-sign-in-sheet-ru.png'), fullPage: true });

    // In the list of events, with its figures.
    await page.getByRole('link', { name: t('events:print.back') }).click();
    await page.getByRole('link', { name: t('events:page.back') }).click();
    const row = page.getByRole('row').filter({ hasText: 'Мастер-класс: валяние из шерсти' });
    await expect(row).toContainText('3 / 10');
    await page.screenshot({ path: artifactPath('events-list-ru.png') });
  });
});

test.describe('events over capacity (ru)', () => {
  test.use({ setUp: centre('ru', 'Центр поддержки жителей Сылвы') });

  test('a past event is flagged; one more than the places is warned with the count and registered once confirmed; an organiser with hours', async ({ page, hearth }) => {
    const olga = await hearth.call('residents.create', { lastName: 'Иванова', firstName: 'Ольга', birthYear: 1958, settlement: 'Сылва' });
    await hearth.call('residents.create', { lastName: 'Смирнов', firstName: 'Павел', birthYear: 1949, settlement: 'Сылва' });
    const e = await hearth.call('events.create', { title: 'Информационная встреча: меры социальной поддержки', kind: 'awarenessEvent', startsOn: '2026-11-02', startsAt: '17:00', capacity: 1, settlement: 'Сылва' });
    await hearth.call('events.register', { id: e.id, residentId: olga.id });
    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'ru', route: `/events/${e.id}` });
    await expect(page.getByTestId('date-flag')).toHaveText(t('events:dateFlag.past'));

    const picker = page.getByRole('combobox', { name: t('events:attendance.resident') });
    await picker.focus();
    await page.keyboard.type('Смирнов Павел');
    await expect(page.getByRole('option', { name: /Смирнов Павел/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: t('common:errorDetail.overCapacity', { count: 1, capacity: 1 }) })).toBeVisible();
    await expect(page.getByTestId('attendee')).toHaveCount(1);
    await page.screenshot({ path: artifactPath('events-over-capacity-ru.png'), fullPage: true });
    // The confirmation has the focus: Enter registers him anyway.
    await expect(page.getByRole('button', { name: t('events:attendance.confirm') })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('attendee')).toHaveCount(2);
    await expect(page.getByTestId('attendee').nth(1)).toContainText('Смирнов Павел');

    // Olga did not come; the organiser (the signed-in administrator) with two hours.
    await page.getByTestId('attendee').nth(0).getByRole('button', { name: t('events:attendance.markNoShow') }).click();
    await expect(page.getByTestId('attendee').nth(0)).toContainText(t('events:status.noShow'));
    const who = page.getByLabel(t('events:organisers.who'), { exact: true });
    await who.selectOption({ index: 1 });
    await page.getByLabel(t('events:organisers.role'), { exact: true }).fill('ведущая');
    await page.getByLabel(t('events:organisers.hours'), { exact: true }).fill('2');
    await page.getByRole('button', { name: t('events:organisers.add') }).click();
    await expect(page.getByRole('region', { name: t('events:organisers.title') })).toContainText('ведущая');
    await page.screenshot({ path: artifactPath('events-past-organiser-ru.png'), fullPage: true });
  });
});

test.describe('events (uk)', () => {
  test.use({ setUp: centre('uk', 'Черкаський центр') });

  test('a street-work outing with where they went and head counts by band', async ({ page, hearth }) => {
    for (const key of ['events:kind.streetWork', 'events:form.outreachNote', 'events:band.boys']) expect(ownString('uk', key), key).not.toBe(ownString('en', key));
    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'uk', route: '/events/new' });
    await page.getByLabel(t('events:form.title')).fill('Вулична робота біля вокзалу');
    await page.getByLabel(t('events:form.kind')).selectOption('streetWork');
    await page.getByLabel(t('events:form.startsAt')).fill('19:00');
    await page.getByLabel(t('events:form.endsAt')).fill('22:00');
    await page.getByLabel(t('events:form.settlement')).fill('Черкаси');
    await page.getByLabel(t('events:form.outreachNote')).fill('Вокзал і ринок: роздали листівки, поговорили з людьми без житла');
    await page.getByRole('button', { name: t('events:form.save') }).click();
    await expect(page.getByRole('heading', { name: 'Вулична робота біля вокзалу', level: 1 })).toBeVisible();
    await expect(page.getByText('Вокзал і ринок: роздали листівки, поговорили з людьми без житла')).toBeVisible();

    // Met on the street: 4 women, 9 men, a girl and 2 boys (keyboard: Tab between the bands).
    await page.getByLabel(t('events:band.women')).fill('4');
    await page.keyboard.press('Tab');
    await page.keyboard.type('9');
    await page.getByLabel(t('events:band.girls')).fill('1');
    await page.getByLabel(t('events:band.boys')).fill('2');
    await page.getByLabel(t('events:band.boys')).press('Enter');
    await expect(page.getByRole('status').filter({ hasText: t('events:heads.saved') })).toBeVisible();
    await expect(page.getByTestId('event-figures')).toHaveText(t('events:page.figures', { registered: '0', attended: '0', noShow: '0', counted: '16', reached: '16' }));

    // A negative count is refused beside its band; nothing changes.
    await page.getByLabel(t('events:band.men')).fill('-1');
    await page.getByRole('button', { name: t('events:heads.save') }).click();
    await expect(page.getByText(t('common:validation.range'))).toBeVisible();
    await page.screenshot({ path: artifactPath('events-street-work-uk.png'), fullPage: true });
    // 20 bottles of water in stock for the outing.
    const water = await hearth.call('aid.addItem', { name: 'Вода питна', size: '0,5 л', unit: 'bottle' });
    await hearth.call('aid.receive', { itemId: water.id, quantity: 20, fromWhom: 'Благодійний фонд' });
    await page.reload();
    await expect(page.getByTestId('event-figures')).toContainText('16');

    // Handed out at the outing: 16 bottles to the 16 people counted (the head count is filled in), Enter saves.
    for (const key of ['aid:atEvent.title', 'aid:atEvent.headCount']) expect(ownString('uk', key), key).not.toBe(ownString('en', key));
    const section = page.getByRole('region', { name: t('aid:atEvent.title') });
    await expect(section.getByText(t('aid:atEvent.none'))).toBeVisible();
    // Nothing chosen: aid.giveAtEvent's schema wants a line, said under the item; nothing given.
    await section.getByLabel(t('aid:day.quantity')).press('Enter');
    await expect(section.getByLabel(t('aid:day.item'))).toHaveAttribute('aria-invalid', 'true');
    await expect(section.getByText(t('common:validation.required'))).toBeVisible();
    await section.getByLabel(t('aid:day.item')).selectOption({ label: 'Вода питна 0,5 л (' + t('aid:unit.bottle', { count: 20 }) + ')' });
    await section.getByLabel(t('aid:day.quantity')).fill('16');
    await expect(section.getByLabel(t('aid:atEvent.headCount'))).toHaveValue('16');
    await section.getByLabel(t('aid:day.quantity')).press('Enter');
    await expect(section.getByTestId('event-aid')).toContainText(`Вода питна 0,5 л — ${t('aid:unit.bottle', { count: 16 })}`);
    await expect(section.getByTestId('event-aid')).toContainText(t('aid:atEvent.people', { count: 16 }));

    // 10 more when 4 are left: warned, given once confirmed with "Give anyway".
    await section.getByLabel(t('aid:day.item')).selectOption({ label: 'Вода питна 0,5 л (' + t('aid:unit.bottle', { count: 4 }) + ')' });
    await section.getByLabel(t('aid:day.quantity')).fill('10');
    await section.getByLabel(t('aid:atEvent.headCount')).fill('5');
    await section.getByLabel(t('aid:atEvent.headCount')).press('Enter');
    await expect(section.getByRole('alert')).toBeVisible();
    await expect(section.getByTestId('event-aid').locator('li')).toHaveCount(1);
    await section.getByRole('button', { name: t('aid:day.confirm') }).click();
    await expect(section.getByTestId('event-aid').locator('li')).toHaveCount(2);
    await expect(section.getByTestId('event-aid')).toContainText(t('aid:unit.bottle', { count: 10 }));
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('events-street-work-aid-uk.png') });
  });
});
