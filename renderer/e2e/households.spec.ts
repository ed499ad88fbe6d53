import { test, expect, openApp, centre } from './fixtures';
import { ownString } from './i18n';
import { artifactPath } from './paths';
import { dateField, dateValue, fillDate } from './pages';

/**
 * Households (issue 13) at the front desk, in Greek: from a resident's page, register a household
 * of four (her husband, registered, and two children not registered by name), with the keyboard;
 * a neighbour who already lives in another household is refused with the translated message and
 * nothing is saved until she is taken off the list.
 */
test.describe('households (el)', () => {
  test.use({ setUp: centre('el', 'Κέντρο Πειραιά') });

  test('register a household of four with two unnamed children; a member of another household is refused', async ({ page, hearth }) => {
    for (const key of ['residents:household.title', 'residents:household.register', 'residents:household.form.addUnnamed', 'residents:household.unnamed', 'common:validation.inOtherHousehold']) {
      expect(ownString('el', key), key).not.toBe(ownString('en', key));
    }
    const head = await hearth.call('residents.create', { lastName: 'Παπαδοπούλου', firstName: 'Μαρία', birthYear: 1984, settlement: 'Πειραιάς', street: 'Γρηγορίου Λαμπράκη', house: '42', flat: '3' });
    const husband = await hearth.call('residents.create', { lastName: 'Παπαδόπουλος', firstName: 'Νικόλαος', birthYear: 1981, settlement: 'Πειραιάς' });
    const neighbour = await hearth.call('residents.create', { lastName: 'Καραγιάννη', firstName: 'Ελένη', birthYear: 1950, settlement: 'Πειραιάς' });
    await hearth.call('households.create', { headResidentId: neighbour.id, members: [] });
    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'el', route: `/residents/${head.id}` });

    // Not in a household yet: the section says so and offers to register one.
    const section = page.getByRole('region', { name: t('residents:household.title') });
    await expect(section.getByText(t('residents:household.none'))).toBeVisible();
    await section.getByRole('link', { name: t('residents:household.register') }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: t('residents:household.registerTitle'), level: 1 })).toBeVisible();
    // The head's address, editable.
    await expect(page.getByLabel(t('residents:form.street'))).toHaveValue('Γρηγορίου Λαμπράκη');
    await expect(page.getByLabel(t('residents:form.house'))).toHaveValue('42');
    // Escape cancels, back to her page; Enter on the button opens the form again.
    await page.getByLabel(t('residents:form.street')).focus();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: 'Παπαδοπούλου Μαρία', level: 1 })).toBeVisible();
    await section.getByRole('link', { name: t('residents:household.register') }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel(t('residents:form.street'))).toHaveValue('Γρηγορίου Λαμπράκη');

    // The husband, through the resident picker: type, Enter.
    const addResident = page.getByRole('button', { name: t('residents:household.form.addResident') });
    const addUnnamed = page.getByRole('button', { name: t('residents:household.form.addUnnamed') });
    await addResident.focus();
    await page.keyboard.press('Enter');
    const picker = page.getByRole('combobox', { name: t('residents:household.form.findResident') });
    await expect(picker).toBeFocused();
    // Escape in the picker closes the picker, not the form.
    await page.keyboard.press('Escape');
    await expect(picker).toHaveCount(0);
    await expect(addResident).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(picker).toBeFocused();
    await page.keyboard.type('Νικόλαος');
    await expect(page.getByRole('option', { name: /Παπαδόπουλος Νικόλαος/ })).toBeVisible();
    await page.keyboard.press('Enter');
    const relations = page.getByRole('combobox', { name: t('residents:household.relation') });
    await expect(relations.nth(0)).toBeFocused();
    await expect(relations.nth(0)).toHaveValue('spouse');

    // Two children not registered by name: Tab to "add", Enter, Tab to the year, type it.
    const years = page.getByLabel(t('residents:household.born'));
    for (const [i, year] of [[1, '2016'], [2, '2019']] as const) {
      await page.keyboard.press('Tab'); // Remove
      await page.keyboard.press('Tab'); // Add a registered resident
      await page.keyboard.press('Tab'); // Add a person not registered by name
      await expect(addUnnamed).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(relations.nth(i)).toBeFocused();
      await expect(relations.nth(i)).toHaveValue('child');
      await page.keyboard.press('Tab');
      await expect(years.nth(i - 1)).toBeFocused();
      await page.keyboard.type(year);
    }

    // The neighbour lives in another household: refused beside her row, nothing saved.
    await page.keyboard.press('Tab'); // Remove
    await page.keyboard.press('Tab');
    await expect(addResident).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Καραγιάννη');
    await expect(page.getByRole('option', { name: /Καραγιάννη Ελένη/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(relations.nth(3)).toBeFocused();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByText(t('common:validation.inOtherHousehold'))).toBeVisible();
    await page.screenshot({ path: artifactPath('households-refused-el.png'), fullPage: true });
    expect((await hearth.call('households.ofResident', { residentId: head.id })).current).toBeNull();

    // Without her, Ctrl+Enter registers the household and the page shows the four.
    await page.getByRole('button', { name: t('residents:household.form.removeNamed', { name: 'Καραγιάννη Ελένη' }) }).click();
    await expect(page.getByText(t('common:validation.inOtherHousehold'))).toHaveCount(0);
    await years.nth(1).focus();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('heading', { name: 'Παπαδοπούλου Μαρία', level: 1 })).toBeVisible();
    const members = section.getByRole('table', { name: t('residents:household.members', { count: 4 }) });
    await expect(members).toBeVisible();
    await expect(members.getByRole('row')).toHaveCount(5);
    const child = t('common:household.relation.child');
    await expect(members.getByText(t('residents:household.unnamed', { relation: child, year: 2016 }))).toBeVisible();
    await expect(members.getByText(t('residents:household.unnamed', { relation: child, year: 2019 }))).toBeVisible();
    await expect(members.getByRole('link', { name: 'Παπαδόπουλος Νικόλαος' })).toHaveAttribute('href', `#/residents/${husband.id}`);
    await expect(section.getByText('Γρηγορίου Λαμπράκη', { exact: false })).toBeVisible();
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('households-four-el.png') });
    await page.screenshot({ path: artifactPath('households-page-el.png'), fullPage: true });

    const saved = await hearth.call('households.ofResident', { residentId: head.id });
    expect(saved.current?.size).toBe(4);
    expect(saved.current?.members.map((m) => [m.relation, m.residentId, m.birthYear])).toEqual([
      ['head', head.id, 1984],
      ['spouse', husband.id, 1981],
      ['child', null, 2016],
      ['child', null, 2019],
    ]);
  });
});

/**
 * In Greek: the front desk's search shows who a resident lives with, and so does the warning of a
 * possible duplicate; the household's address is changed from the household section.
 */
test.describe('households in the search, the duplicate warning and the address (el)', () => {
  test.use({ setUp: centre('el', 'Κέντρο Πειραιά') });

  test('the search and the duplicate warning show the household; the address is changed', async ({ page, hearth }) => {
    for (const key of ['residents:household.editAddress.open', 'residents:household.editAddress.save', 'residents:household.changeHead.open']) {
      expect(ownString('el', key), key).not.toBe(ownString('en', key));
    }
    const head = await hearth.call('residents.create', { lastName: 'Παπαδοπούλου', firstName: 'Μαρία', birthYear: 1984, settlement: 'Πειραιάς', street: 'Γρηγορίου Λαμπράκη', house: '42', flat: '3' });
    const husband = await hearth.call('residents.create', { lastName: 'Παπαδόπουλος', firstName: 'Νικόλαος', birthYear: 1981, settlement: 'Πειραιάς' });
    await hearth.call('households.create', {
      headResidentId: head.id,
      members: [
        { residentId: husband.id, relation: 'spouse' },
        { relation: 'child', birthYear: 2016 },
        { relation: 'child', birthYear: 2019 },
      ],
    });
    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'el', route: '/' });

    // The search: Nikolaos's row says a household of four, its head, and who else lives there.
    await page.getByLabel(t('frontdesk:searchLabel')).fill('Νικόλαος');
    const row = page.getByRole('list', { name: t('residents:search.results') }).getByRole('listitem').filter({ hasText: 'Παπαδόπουλος Νικόλαος' });
    await expect(row).toBeVisible();
    const child = t('common:household.relation.child');
    await expect(row).toContainText(`${t('residents:household.title')}: ${t('residents:household.members', { count: 4 })}`);
    await expect(row).toContainText(`${t('residents:household.head')}: Παπαδοπούλου Μαρία`);
    await expect(row).toContainText(t('residents:household.unnamed', { relation: child, year: 2016 }));
    await page.screenshot({ path: artifactPath('households-search-el.png') });

    // Registering him again: the warning shows the household he lives in.
    await page.goto(`${hearth.url}#/residents/new`);
    await page.getByLabel(t('residents:form.lastName')).fill('Παπαδόπουλος');
    await page.getByLabel(t('residents:form.firstName')).fill('Νικόλαος');
    await page.getByLabel(t('residents:form.birthYear')).fill('1981');
    await page.getByRole('button', { name: t('common:save') }).click();
    const warning = page.getByRole('alert').filter({ hasText: t('residents:duplicates.title', { count: 1 }) });
    await expect(warning).toBeVisible();
    await expect(warning).toContainText(`${t('residents:household.head')}: Παπαδοπούλου Μαρία`);
    await expect(warning).toContainText(t('residents:household.unnamed', { relation: child, year: 2019 }));
    await warning.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('households-duplicate-el.png') });

    // The household moved within Piraeus: the address is changed from the household section.
    await page.goto(`${hearth.url}#/residents/${head.id}`);
    const section = page.getByRole('region', { name: t('residents:household.title') });
    await section.getByRole('button', { name: t('residents:household.editAddress.open') }).click();
    const street = section.getByLabel(t('residents:form.street'));
    await expect(section.getByLabel(t('residents:form.settlement'))).toBeFocused();
    await expect(street).toHaveValue('Γρηγορίου Λαμπράκη');
    await street.fill('Ακτή Μιαούλη');
    await section.getByLabel(t('residents:form.house')).fill('15');
    await section.getByLabel(t('residents:form.flat')).fill('');
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('households-address-form-el.png') });
    await page.keyboard.press('Control+Enter');
    await expect(section.getByText('Πειραιάς, Ακτή Μιαούλη 15')).toBeVisible();
    await expect(section.getByRole('button', { name: t('residents:household.add.open') })).toBeFocused();
    await section.getByText('Πειραιάς, Ακτή Μιαούλη 15').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('households-address-el.png') });
    const saved = await hearth.call('households.ofResident', { residentId: head.id });
    expect(saved.current?.address).toBe('Πειραιάς, Ακτή Μιαούλη 15');
    // Her own record keeps her address; her page does not show the free "people in the household".
    expect((await hearth.call('residents.get', { id: head.id })).resident.street).toBe('Γρηγορίου Λαμπράκη');
    await expect(page.getByText(t('residents:form.householdSize'), { exact: true })).toHaveCount(0);

    // Nikolaos heads the household from today; Maria stays as his spouse, the history keeps both rows.
    await section.getByRole('button', { name: t('residents:household.changeHead.open') }).click();
    await expect(section.getByLabel(t('residents:household.newHead'))).toBeFocused();
    await expect(section.getByLabel(t('residents:household.newHead'))).toContainText('Παπαδόπουλος Νικόλαος');
    await expect(section.getByLabel(t('residents:household.changeHead.relation'))).toHaveValue('spouse');
    await page.keyboard.press('Control+Enter');
    const headRow = section.getByRole('row').filter({ hasText: t('common:household.relation.head') });
    await expect(headRow).toContainText('Παπαδόπουλος Νικόλαος');
    await expect(section.getByText(t('residents:household.past', { count: 2 }))).toBeVisible();
    await section.getByText(t('residents:household.past', { count: 2 })).scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('households-head-el.png') });

    // On his record the free "people in the household" is hidden: the registered household counts them.
    await page.goto(`${hearth.url}#/residents/${husband.id}/edit`);
    await expect(page.getByText(t('residents:form.householdRegistered', { count: 4 }))).toBeVisible();
    await expect(page.getByLabel(t('residents:form.householdSize'))).toHaveCount(0);
  });
});

/** In Russian: add a grandchild to a household from the page, then end a membership with its confirmation. */
test.describe('households (ru)', () => {
  test.use({ setUp: centre('ru', 'Сылвенский центр') });

  test('add a member, end a membership', async ({ page, hearth }) => {
    const head = await hearth.call('residents.create', { lastName: 'Белова', firstName: 'Анна', patronymic: 'Петровна', birthYear: 1958, settlement: 'Сылва', street: 'Заречная', house: '7' });
    const daughter = await hearth.call('residents.create', { lastName: 'Белова', firstName: 'Ольга', birthYear: 1986, settlement: 'Сылва' });
    await hearth.call('households.create', { headResidentId: head.id, members: [{ residentId: daughter.id, relation: 'child' }] });
    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'ru', route: `/residents/${head.id}` });
    const section = page.getByRole('region', { name: t('residents:household.title') });
    await expect(section.getByRole('table', { name: t('residents:household.members', { count: 2 }) })).toBeVisible();

    // Escape closes a panel and gives the focus back to "Add a member".
    const addMember = section.getByRole('button', { name: t('residents:household.add.open') });
    await addMember.click();
    await expect(section.getByRole('button', { name: t('residents:household.form.addResident') })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(addMember).toBeFocused();

    // Add a grandchild not registered by name; Enter in the year saves.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(section.getByRole('button', { name: t('residents:household.form.addUnnamed') })).toBeFocused();
    await page.keyboard.press('Enter');
    const relation = section.getByRole('combobox', { name: t('residents:household.relation') });
    await expect(relation).toBeFocused();
    await relation.selectOption('grandchild');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2015');
    await page.screenshot({ path: artifactPath('households-add-member-ru.png'), fullPage: true });
    await page.keyboard.press('Enter');
    const grandchild = t('residents:household.unnamed', { relation: t('common:household.relation.grandchild'), year: 2015 });
    await expect(section.getByRole('table', { name: t('residents:household.members', { count: 3 }) }).getByText(grandchild)).toBeVisible();

    // The grandchild moved away: ended with a confirmation, kept in the history.
    await section.getByRole('button', { name: t('residents:household.end.openNamed', { name: grandchild }) }).click();
    const reason = section.getByLabel(t('residents:household.end.reason'));
    await expect(reason).toBeFocused();
    await expect(reason).toHaveValue('left');
    await expect(section.getByText(t('residents:household.end.question'))).toBeVisible();
    // A day before the household was formed is refused beside the date; today is taken.
    const on = dateField(section, t('residents:household.end.on'));
    const today = await dateValue(on);
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await fillDate(on, '2020-01-15');
    await section.getByRole('button', { name: t('residents:household.end.confirm') }).click();
    await expect(section.getByText(t('common:validation.dateOrder'))).toBeVisible();
    await fillDate(on, today);
    await section.getByRole('button', { name: t('residents:household.end.confirm') }).click();
    await expect(section.getByRole('table', { name: t('residents:household.members', { count: 2 }) })).toBeVisible();
    await expect(addMember).toBeFocused();
    await expect(section.getByRole('heading', { name: t('residents:household.past', { count: 1 }) })).toBeVisible();
    await expect(section.getByText(t('common:household.endReason.left'))).toBeVisible();
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('households-page-ru.png') });
  });
});

/**
 * In Polish: move a member to the household of a resident found by name (the picker, then that
 * resident's household), then split the household: the son leaves to head his own.
 */
test.describe('households (pl)', () => {
  test.use({ setUp: centre('pl', 'Centrum w Zawierciu') });

  test('move a member to another household, split off a new one', async ({ page, hearth }) => {
    const head = await hearth.call('residents.create', { lastName: 'Kowalska', firstName: 'Anna', birthYear: 1960, settlement: 'Zawiercie', street: 'Leśna', house: '5' });
    const son = await hearth.call('residents.create', { lastName: 'Kowalski', firstName: 'Jan', birthYear: 1988, settlement: 'Zawiercie', street: 'Polna', house: '12' });
    const other = await hearth.call('residents.create', { lastName: 'Nowak', firstName: 'Piotr', birthYear: 1985, settlement: 'Zawiercie', street: 'Długa', house: '3' });
    await hearth.call('households.create', { headResidentId: head.id, members: [{ residentId: son.id, relation: 'child' }, { relation: 'grandchild', birthYear: 2018 }] });
    const target = await hearth.call('households.create', { headResidentId: other.id, members: [] });
    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'pl', route: `/residents/${head.id}` });
    const section = page.getByRole('region', { name: t('residents:household.title') });
    await expect(section.getByRole('table', { name: t('residents:household.members', { count: 3 }) })).toBeVisible();

    // The grandchild moves to Piotr Nowak's household: found by his name, then the relation there.
    const grandchild = t('residents:household.unnamed', { relation: t('common:household.relation.grandchild'), year: 2018 });
    await section.getByRole('button', { name: t('residents:household.move.openNamed', { name: grandchild }) }).click();
    const picker = section.getByRole('combobox', { name: t('residents:household.move.find') });
    await expect(picker).toBeFocused();
    await page.keyboard.type('Nowak');
    await expect(page.getByRole('option', { name: /Nowak Piotr/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(section.getByText(t('residents:household.move.target', { address: target.address, head: 'Nowak Piotr' }))).toBeVisible();
    const relation = section.getByRole('combobox', { name: t('residents:household.move.relation') });
    await expect(relation).toBeFocused();
    await relation.selectOption('child');
    await page.screenshot({ path: artifactPath('households-move-pl.png'), fullPage: true });
    await section.getByRole('button', { name: t('residents:household.move.confirm'), exact: true }).click();
    await expect(section.getByRole('table', { name: t('residents:household.members', { count: 2 }) })).toBeVisible();
    await expect(section.getByText(t('common:household.endReason.moved'))).toBeVisible();
    const moved = await hearth.call('households.get', { id: target.id });
    expect(moved.members.map((m) => [m.relation, m.birthYear])).toEqual([
      ['head', 1985],
      ['child', 2018],
    ]);

    // The son leaves to head a household of his own.
    await section.getByRole('button', { name: t('residents:household.split.open') }).click();
    await section.getByRole('checkbox', { name: 'Kowalski Jan' }).check();
    // No head chosen: Ctrl+Enter is refused by households.split's schema, the message under the field.
    await page.keyboard.press('Control+Enter');
    await expect(section.getByText(t('common:validation.required'))).toBeVisible();
    const stays = await hearth.call('households.ofResident', { residentId: son.id });
    expect(stays.current?.id).toBe((await hearth.call('households.ofResident', { residentId: head.id })).current?.id);
    await section.getByLabel(t('residents:household.split.head')).selectOption({ label: 'Kowalski Jan' });
    await page.screenshot({ path: artifactPath('households-split-pl.png'), fullPage: true });
    await section.getByRole('button', { name: t('residents:household.split.confirm'), exact: true }).click();
    await expect(section.getByRole('table', { name: t('residents:household.members', { count: 1 }) })).toBeVisible();
    const his = await hearth.call('households.ofResident', { residentId: son.id });
    expect(his.current?.members.map((m) => [m.relation, m.residentId])).toEqual([['head', son.id]]);
    expect(his.current?.street).toBe('Polna');
  });
});

/**
 * Adding a member is checked with households.addMember's own schema (issue 16): in Greek, an
 * unnamed member's birth year typed as "19x5" is refused on that row's field and nothing is saved;
 * "1985" saves. Then, in the household's registration, a year of "85" on the second child's row
 * is refused on that row only.
 */
test.describe('households: a birth year checked with the call\'s schema (el)', () => {
  test.use({ setUp: centre('el', 'Κέντρο Πειραιά') });

  test('a birth year of 19x5 is refused on its row, 1985 saves', async ({ page, hearth }) => {
    const head = await hearth.call('residents.create', { lastName: 'Παπαδοπούλου', firstName: 'Μαρία', birthYear: 1958, settlement: 'Πειραιάς', street: 'Γρηγορίου Λαμπράκη', house: '42' });
    await hearth.call('households.create', { headResidentId: head.id, members: [] });
    const other = await hearth.call('residents.create', { lastName: 'Γεωργίου', firstName: 'Ελένη', birthYear: 1990, settlement: 'Πειραιάς' });
    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'el', route: `/residents/${head.id}` });
    const section = page.getByRole('region', { name: t('residents:household.title') });
    const members = async () => (await hearth.call('households.ofResident', { residentId: head.id })).current?.members.length;

    await section.getByRole('button', { name: t('residents:household.add.open') }).click();
    await section.getByRole('button', { name: t('residents:household.form.addUnnamed') }).click();
    const relation = section.getByRole('combobox', { name: t('residents:household.relation') });
    await expect(relation).toBeFocused();
    await relation.selectOption('sibling');
    const year = section.getByLabel(t('residents:household.born'));
    await year.fill('19x5');
    await page.keyboard.press('Control+Enter');
    await expect(year).toHaveAttribute('aria-invalid', 'true');
    const message = section.locator('.household-row .field-error');
    await expect(message).toHaveText(t('common:validation.number'));
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('households-birth-year-refused-el.png') });
    expect(await members()).toBe(1);

    // Typing again takes the message away; 1985 saves, and the panel closes.
    await year.fill('1985');
    await expect(message).toHaveCount(0);
    await expect(year).toHaveAttribute('aria-invalid', 'false');
    await page.keyboard.press('Enter');
    const sibling = t('residents:household.unnamed', { relation: t('common:household.relation.sibling'), year: 1985 });
    await expect(section.getByRole('table', { name: t('residents:household.members', { count: 2 }) }).getByText(sibling)).toBeVisible();
    await expect(section.getByRole('button', { name: t('residents:household.add.open') })).toBeFocused();
    const saved = await hearth.call('households.ofResident', { residentId: head.id });
    expect(saved.current?.members.map((m) => [m.relation, m.residentId, m.birthYear])).toEqual([
      ['head', head.id, 1958],
      ['sibling', null, 1985],
    ]);

    // Registering a household: "85" on the second child's row is refused there, the first row has no message.
    await page.goto(`${hearth.url}#/residents/${other.id}/household/new`);
    const addUnnamed = page.getByRole('button', { name: t('residents:household.form.addUnnamed') });
    const years = page.getByLabel(t('residents:household.born'));
    await addUnnamed.click();
    await years.nth(0).fill('2016');
    await addUnnamed.click();
    await years.nth(1).fill('85');
    await page.keyboard.press('Control+Enter');
    await expect(years.nth(1)).toHaveAttribute('aria-invalid', 'true');
    await expect(years.nth(0)).toHaveAttribute('aria-invalid', 'false');
    await expect(page.locator('.household-row').nth(1).locator('.field-error')).toHaveText(t('common:validation.birthYear'));
    await page.screenshot({ path: artifactPath('households-new-birth-year-refused-el.png'), fullPage: true });
    expect((await hearth.call('households.ofResident', { residentId: other.id })).current).toBeNull();
    await years.nth(1).fill('2019');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('heading', { name: 'Γεωργίου Ελένη', level: 1 })).toBeVisible();
    expect((await hearth.call('households.ofResident', { residentId: other.id })).current?.members.map((m) => m.birthYear)).toEqual([1990, 2016, 2019]);
  });
});
