import { test, expect, openApp, centre, contextCall } from './fixtures';
import { dateField, dateValue, RequestPage } from './pages';
import { escapeRegExp } from './i18n';
import { artifactPath } from './paths';
import { addDays, isoWeekday } from '../../shared/domain/tasks';

const startsWith = (text: string) => new RegExp(`^\\s*${escapeRegExp(text)}`);

/**
 * From a firewood request to a done task: plan it on the request page (the volunteer with the
 * firewood skill and free that day is suggested first, with the reason beside the name), pick him
 * with the keyboard, save (the request follows: Planned), then on the task page record 2 hours and
 * 350.50 he advanced; the contract keeps 120 minutes and 35050 minor units.
 */
test.describe('tasks (en)', () => {
  test.use({ setUp: centre('en') });

  test('plans a firewood task with suggestions and records the outcome with money advanced', async ({ page, hearth }, testInfo) => {
    const status = await hearth.call('app.status', {});
    const currency = status.settings?.currency ?? 'EUR';
    const tomorrow = addDays(status.today, 1);

    const resident = await hearth.call('residents.create', {
      lastName: 'Kowalska',
      firstName: 'Maria',
      settlement: 'Dolina',
      street: 'Leśna',
      house: '4',
      phones: ['+48 600 100 200'],
    });
    const kinds = await hearth.call('catalogue.list', { includeArchived: false });
    const firewood = kinds.find((k) => k.code === 'firewood');
    if (!firewood) throw new Error('The built-in kind "firewood" is missing from the catalogue');
    const request = await hearth.call('requests.create', { residentId: resident.id, kindId: firewood.id, description: 'The woodshed is empty' });

    const skills = await hearth.call('skills.list', {});
    const carries = skills.find((s) => s.code === 'carriesFirewood');
    if (!carries) throw new Error('The built-in skill "carriesFirewood" is missing');
    // Without the skill but in the same settlement, and first by name: skill and availability must outrank both.
    const other = await hearth.call('volunteers.create', { lastName: 'Abbott', firstName: 'Brian', settlement: 'Dolina' });
    const skilled = await hearth.call('volunteers.create', {
      lastName: 'Zieliński',
      firstName: 'Adam',
      settlement: 'Górki',
      skillIds: [carries.id],
      availability: [{ weekday: isoWeekday(tomorrow), part: 'morning' }],
    });

    const t = await openApp(page, hearth, { language: 'en', route: `/requests/${request.id}` });
    const r = new RequestPage(page, t);
    await expect(r.heading).toContainText(t('common:status.new'));

    // Plan a task: the form opens on the day, tomorrow by default.
    await page.getByRole('button', { name: t('tasks:plan.open'), exact: true }).click();
    const form = page.getByRole('region', { name: t('tasks:plan.title'), exact: true });
    const day = dateField(form, t('tasks:plan.day'));
    // The day is a field of parts (react-aria): the focus is in it.
    await expect(day.locator(':focus')).toHaveCount(1);
    expect(await dateValue(day)).toBe(tomorrow);
    await expect(form.getByRole('combobox', { name: t('tasks:plan.kind'), exact: true })).toHaveValue(String(firewood.id));
    await form.getByRole('radio', { name: t('tasks:parts.morning'), exact: true }).check();
    await form.getByRole('textbox', { name: t('tasks:plan.estimate'), exact: true }).fill('2');

    // The suggestions: the skilled volunteer first, with his reasons; the other one after him.
    const suggestions = form.getByRole('list', { name: t('tasks:suggestions.listLabel'), exact: true }).getByRole('listitem');
    await expect(suggestions).toHaveCount(2);
    await expect(suggestions.nth(0)).toContainText(skilled.fullName);
    await expect(suggestions.nth(0)).toContainText(t('tasks:reasons.skill'));
    await expect(suggestions.nth(0)).toContainText(t('tasks:reasons.available'));
    await expect(suggestions.nth(1)).toContainText(other.fullName);
    await expect(suggestions.nth(1)).not.toContainText(t('tasks:reasons.skill'));
    await expect(suggestions.nth(1)).toContainText(t('tasks:reasons.sameSettlement'));

    // Pick him with the keyboard (Space on his checkbox).
    const pick = form.getByRole('checkbox', { name: skilled.fullName, exact: true });
    await pick.focus();
    await page.keyboard.press('Space');
    await expect(pick).toBeChecked();
    await expect(form.getByRole('checkbox', { name: other.fullName, exact: true })).not.toBeChecked();
    await expect(form).toContainText(t('tasks:suggestions.picked', { count: 1 }));

    await page.screenshot({ path: artifactPath('task-suggestions-en.png') });

    await form.getByRole('button', { name: t('tasks:plan.save'), exact: true }).click();
    await expect(form).toHaveCount(0);
    // The request follows its task.
    await expect(r.heading).toContainText(t('common:status.planned'));
    const tasksSection = page.getByRole('region', { name: startsWith(t('tasks:title')) });
    const rows = tasksSection.getByRole('table').locator('tbody').getByRole('row');
    await expect(rows).toHaveCount(1);
    await expect(rows.nth(0)).toContainText(skilled.fullName);
    await expect(rows.nth(0)).toContainText(t('tasks:parts.morning'));
    await expect(rows.nth(0)).toContainText(t('tasks:status.assigned'));
    await page.screenshot({ path: testInfo.outputPath('request-with-task.png') });

    // Open the task.
    await rows.nth(0).click();
    const kind = t('catalogue:kinds.firewood');
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toContainText(t('tasks:page.title', { kind, name: resident.fullName }));
    await expect(heading).toContainText(t('tasks:status.assigned'));
    await expect(page.getByRole('main')).toContainText(t('tasks:hours', { count: 2 }));

    // Done: 2 hours, and 350.50 advanced for the resident.
    await page.getByRole('button', { name: t('tasks:actions.done'), exact: true }).click();
    const outcome = page.getByRole('region', { name: t('tasks:actions.doneTitle'), exact: true });
    const hours = outcome.getByRole('textbox', { name: t('tasks:outcome.hoursOf', { name: skilled.fullName }), exact: true });
    await expect(hours).toBeFocused();
    expect(await dateValue(dateField(outcome, t('tasks:outcome.doneOn')))).toBe(status.today);
    await hours.fill('2');
    await outcome.getByRole('button', { name: t('tasks:outcome.addAdvance'), exact: true }).click();
    const who = outcome.getByRole('combobox', { name: t('tasks:outcome.advanceVolunteer'), exact: true });
    await expect(who).toBeFocused();
    await expect(who).toHaveValue(String(skilled.id));
    await outcome.getByRole('textbox', { name: t('tasks:outcome.amount', { currency }), exact: true }).fill('350.50');
    const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(350.5);
    await expect(outcome).toContainText(t('tasks:outcome.amountIs', { amount: money }));
    await outcome.getByRole('textbox', { name: t('tasks:outcome.advanceNote'), exact: true }).fill('Medicines from the pharmacy');
    await outcome.getByRole('textbox', { name: t('tasks:outcome.note'), exact: true }).fill('Stacked by the door');
    await page.screenshot({ path: artifactPath('task-outcome-en.png') });
    await outcome.getByRole('button', { name: t('tasks:outcome.save'), exact: true }).click();

    await expect(outcome).toHaveCount(0);
    await expect(heading).toContainText(t('tasks:status.done'));
    const main = page.getByRole('main');
    await expect(main).toContainText(t('tasks:volunteers.spent', { hours: t('tasks:hours', { count: 2 }) }));
    const advances = page.getByRole('region', { name: t('tasks:advances.title'), exact: true });
    await expect(advances).toContainText(money);
    await expect(advances).toContainText('Medicines from the pharmacy');
    await expect(advances).toContainText(t('tasks:advances.pending'));
    await expect(main).toContainText(t('tasks:page.requestLink', { id: request.id }));
    await page.screenshot({ path: artifactPath('task-page-en.png') });

    const listed = await hearth.call('tasks.list', { requestId: request.id });
    expect(listed.items).toHaveLength(1);
    await expect(page).toHaveURL(new RegExp(`#/tasks/${listed.items[0]?.id}$`));
    const saved = await hearth.call('tasks.get', { id: listed.items[0]?.id ?? 0 });
    expect(saved.status).toBe('done');
    expect(saved.doneOn).toBe(status.today);
    expect(saved.volunteers.map((v) => [v.volunteerId, v.minutesSpent])).toEqual([[skilled.id, 120]]);
    expect(saved.advances.map((a) => [a.volunteerId, a.amountMinor, a.currency, a.note])).toEqual([[skilled.id, 35050, currency, 'Medicines from the pharmacy']]);
    expect((await hearth.call('requests.get', { id: request.id })).status).toBe('done');
  });

  test('warns about booked, unavailable and paused volunteers; reassigns, not done, reopen, cancel; checks hours and money', async ({ page, hearth }, testInfo) => {
    const status = await hearth.call('app.status', {});
    const currency = status.settings?.currency ?? 'EUR';
    const tomorrow = addDays(status.today, 1);
    const otherDay = (isoWeekday(tomorrow) % 7) + 1;

    const resident = await hearth.call('residents.create', { lastName: 'Nowak', firstName: 'Ewa', settlement: 'Dolina' });
    const neighbour = await hearth.call('residents.create', { lastName: 'Wiśniewski', firstName: 'Jan', settlement: 'Dolina' });
    const kinds = await hearth.call('catalogue.list', { includeArchived: false });
    const firewood = kinds.find((k) => k.code === 'firewood');
    if (!firewood) throw new Error('The built-in kind "firewood" is missing from the catalogue');
    const request = await hearth.call('requests.create', { residentId: resident.id, kindId: firewood.id });
    const elsewhere = await hearth.call('requests.create', { residentId: neighbour.id, kindId: firewood.id });

    const away = await hearth.call('volunteers.create', { lastName: 'Lis', firstName: 'Piotr', availability: [{ weekday: otherDay as 1, part: 'morning' }] });
    const paused = await hearth.call('volunteers.create', { lastName: 'Mazur', firstName: 'Olga', status: 'paused' });
    const busy = await hearth.call('volunteers.create', { lastName: 'Kaczmarek', firstName: 'Ludwik' });
    await hearth.call('tasks.create', { requestId: elsewhere.id, scheduledOn: tomorrow, partOfDay: 'morning', volunteerIds: [busy.id] });

    const t = await openApp(page, hearth, { language: 'en', route: `/requests/${request.id}` });
    const r = new RequestPage(page, t);
    await expect(r.heading).toContainText(t('common:status.new'));
    await expect(page.getByRole('main')).toContainText(t('tasks:empty'));

    // Alt+P opens the form on the day.
    await page.keyboard.press('Alt+p');
    const form = page.getByRole('region', { name: t('tasks:plan.title'), exact: true });
    await expect(dateField(form, t('tasks:plan.day')).locator(':focus')).toHaveCount(1);
    await form.getByRole('radio', { name: t('tasks:parts.morning'), exact: true }).check();

    const items = form.getByRole('list', { name: t('tasks:suggestions.listLabel'), exact: true }).getByRole('listitem');
    await expect(items).toHaveCount(3);
    const item = (name: string) => items.filter({ hasText: name });
    await expect(item(away.fullName)).toContainText(t('tasks:warnings.unavailable'));
    await expect(item(paused.fullName)).toContainText(t('tasks:warnings.paused'));
    await expect(item(busy.fullName)).toContainText(t('tasks:warnings.booked'));
    // Paused volunteers come last.
    await expect(items.nth(2)).toContainText(paused.fullName);

    // Find by name, Enter picks the first match.
    const filter = form.getByRole('searchbox', { name: t('tasks:suggestions.filter'), exact: true });
    await filter.fill('kaczm');
    await expect(items).toHaveCount(1);
    await filter.press('Enter');
    await expect(filter).toHaveValue('');
    await expect(items).toHaveCount(3);
    await expect(form.getByRole('checkbox', { name: busy.fullName, exact: true })).toBeChecked();
    await expect(form).toContainText(t('tasks:warningText.booked', { name: busy.fullName }));

    // The estimate is checked before saving.
    const estimate = form.getByRole('textbox', { name: t('tasks:plan.estimate'), exact: true });
    await estimate.fill('abc');
    await form.getByRole('button', { name: t('tasks:plan.save'), exact: true }).click();
    await expect(form).toContainText(t('tasks:validation.hours'));
    await expect(estimate).toBeFocused();
    await page.screenshot({ path: testInfo.outputPath('plan-warnings.png') });
    await estimate.fill('1,5');
    await estimate.press('Control+Enter');
    await expect(form).toHaveCount(0);
    const saved = page.getByRole('status');
    await expect(saved).toContainText(t('tasks:plan.saved'));
    await expect(saved).toContainText(t('tasks:warningText.booked', { name: busy.fullName }));
    await expect(page.getByRole('button', { name: t('tasks:plan.open'), exact: true })).toBeFocused();
    await expect(r.heading).toContainText(t('common:status.planned'));

    // The task page: reassign to the volunteer who is away that day; the answer warns.
    await saved.getByRole('link').click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toContainText(t('tasks:status.assigned'));
    await expect(page.getByRole('main')).toContainText(t('tasks:hours', { count: 1.5 }));
    await expect(page.getByRole('region', { name: t('tasks:volunteers.title'), exact: true })).toContainText(t('tasks:warnings.booked'));
    await page.getByRole('button', { name: t('tasks:volunteers.reassign'), exact: true }).click();
    const reassign = page.getByRole('region', { name: t('tasks:volunteers.reassign'), exact: true });
    await reassign.getByRole('checkbox', { name: busy.fullName, exact: true }).uncheck();
    await reassign.getByRole('checkbox', { name: away.fullName, exact: true }).check();
    await reassign.getByRole('button', { name: t('tasks:volunteers.save'), exact: true }).click();
    await expect(reassign).toHaveCount(0);
    await expect(page.getByRole('status')).toContainText(t('tasks:warningText.unavailable', { name: away.fullName }));
    await expect(page.getByRole('region', { name: t('tasks:volunteers.title'), exact: true })).toContainText(away.fullName);
    await page.screenshot({ path: testInfo.outputPath('task-reassigned.png') });

    // Not done needs a reason; the request goes back to new (nothing left to do).
    await page.getByRole('button', { name: t('tasks:actions.notDone'), exact: true }).click();
    const notDone = page.getByRole('region', { name: t('tasks:actions.notDoneTitle'), exact: true });
    await notDone.getByRole('button', { name: t('tasks:notDone.save'), exact: true }).click();
    await expect(notDone).toContainText(t('common:validation.required'));
    const reasonBox = notDone.getByRole('textbox', { name: t('tasks:notDone.reason'), exact: true });
    await expect(reasonBox).toHaveAttribute('aria-invalid', 'true');
    await expect(reasonBox).toBeFocused();
    await reasonBox.fill('Nobody answered the door');
    await notDone.getByRole('button', { name: t('tasks:notDone.save'), exact: true }).click();
    await expect(heading).toContainText(t('tasks:status.notDone'));
    await expect(page.getByRole('main')).toContainText('Nobody answered the door');
    const taskId = Number(/#\/tasks\/(\d+)/.exec(page.url())?.[1]);
    expect((await hearth.call('requests.get', { id: request.id })).status).toBe('new');

    // Reopen, then cancel.
    await page.getByRole('button', { name: t('tasks:actions.reopen'), exact: true }).click();
    await expect(heading).toContainText(t('tasks:status.assigned'));
    await page.getByRole('button', { name: t('tasks:actions.cancel'), exact: true }).click();
    const cancel = page.getByRole('region', { name: t('tasks:actions.cancelTitle'), exact: true });
    await cancel.getByRole('button', { name: t('tasks:cancel.save'), exact: true }).click();
    await expect(heading).toContainText(t('tasks:status.cancelled'));

    // Reopen and record it done: hours and money are checked, money kept exactly.
    await page.getByRole('button', { name: t('tasks:actions.reopen'), exact: true }).click();
    await expect(heading).toContainText(t('tasks:status.assigned'));
    // As from the front desk's list of today's tasks: the address opens the outcome form directly.
    await page.goto(`${hearth.url}#/tasks/${taskId}?record=done`);
    const outcome = page.getByRole('region', { name: t('tasks:actions.doneTitle'), exact: true });
    const hours = outcome.getByRole('textbox', { name: t('tasks:outcome.hoursOf', { name: away.fullName }), exact: true });
    await hours.fill('25');
    await outcome.getByRole('button', { name: t('tasks:outcome.addAdvance'), exact: true }).click();
    const amount = outcome.getByRole('textbox', { name: t('tasks:outcome.amount', { currency }), exact: true });
    await amount.fill('12.3.4');
    await outcome.getByRole('button', { name: t('tasks:outcome.save'), exact: true }).click();
    await expect(outcome).toContainText(t('tasks:validation.hours'));
    await expect(outcome).toContainText(t('tasks:validation.money'));
    await expect(hours).toBeFocused();
    await page.screenshot({ path: testInfo.outputPath('outcome-errors.png') });
    await hours.fill('1:30');
    await amount.fill('1 234,5');
    await expect(outcome).toContainText(t('tasks:outcome.amountIs', { amount: new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(1234.5) }));
    await amount.press('Control+Enter');
    await expect(heading).toContainText(t('tasks:status.done'));

    const done = await hearth.call('tasks.get', { id: taskId });
    expect(done.volunteers.map((v) => [v.volunteerId, v.minutesSpent])).toEqual([[away.id, 90]]);
    expect(done.advances.map((a) => a.amountMinor)).toEqual([123450]);
    expect((await hearth.call('requests.get', { id: request.id })).status).toBe('done');
  });
});

/**
 * The front desk records a task done with money a volunteer advanced, and sees the advance on the
 * task page without its amount: advances' amounts are money, which the front desk never receives
 * (no "Amount" column, no "NaN"); the coordinator's answer keeps the amount.
 */
test.describe('tasks at the front desk (ru)', () => {
  test.use({ setUp: centre('ru'), signInAs: 'frontdesk' });

  test('records an advance and sees it without the amount', async ({ page, context, hearth }) => {
    const status = await hearth.call('app.status', {});
    const resident = await hearth.call('residents.create', { lastName: 'Зябликова', firstName: 'Серафима', settlement: 'Сылва' });
    const kinds = await hearth.call('catalogue.list', { includeArchived: false });
    const medicines = kinds.find((k) => k.code === 'medicinePurchase');
    if (!medicines) throw new Error('The built-in kind "medicinePurchase" is missing from the catalogue');
    const volunteer = await hearth.call('volunteers.create', { lastName: 'Орлов', firstName: 'Константин', settlement: 'Сылва' });
    const task = await hearth.call('tasks.create', { residentId: resident.id, kindId: medicines.id, scheduledOn: status.today, volunteerIds: [volunteer.id] });

    const t = await openApp(page, hearth, { language: 'ru', route: `/tasks/${task.id}?record=done` });
    const outcome = page.getByRole('region', { name: t('tasks:actions.doneTitle'), exact: true });
    await outcome.getByRole('textbox', { name: t('tasks:outcome.hoursOf', { name: volunteer.fullName }), exact: true }).fill('1');
    await outcome.getByRole('button', { name: t('tasks:outcome.addAdvance'), exact: true }).click();
    await outcome.getByRole('textbox', { name: t('tasks:outcome.amount', { currency: 'RUB' }), exact: true }).fill('350,50');
    await outcome.getByRole('textbox', { name: t('tasks:outcome.advanceNote'), exact: true }).fill('Аптека «Вита», чек');
    await outcome.getByRole('button', { name: t('tasks:outcome.save'), exact: true }).click();
    await expect(outcome).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(t('tasks:status.done'));

    const advances = page.getByRole('region', { name: t('tasks:advances.title'), exact: true });
    const row = advances.locator('tbody').getByRole('row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(volunteer.fullName);
    await expect(row).toContainText('Аптека «Вита», чек');
    await expect(row).toContainText(t('tasks:advances.pending'));
    await expect(advances.getByRole('columnheader')).toHaveText([t('tasks:advances.who'), t('tasks:advances.note'), t('tasks:advances.state')]);
    for (const never of ['NaN', '350', t('tasks:advances.amount')]) await expect(advances).not.toContainText(never);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: artifactPath('task-page-frontdesk-ru.png') });

    // The front desk's answer carries no amount; the admin's (as the coordinator's) does.
    const mine = await contextCall(context, hearth, 'tasks.get', { id: task.id });
    expect(mine.advances).toHaveLength(1);
    expect(Object.keys(mine.advances[0] ?? {})).not.toContain('amountMinor');
    const full = await hearth.call('tasks.get', { id: task.id });
    expect(full.advances.map((a) => [a.volunteerId, a.amountMinor, a.note])).toEqual([[volunteer.id, 35050, 'Аптека «Вита», чек']]);
  });
});
