import { test, expect, openApp, centre } from './fixtures';
import { dateField, fillDate, ResidentFormPage } from './pages';
import { addDays } from '../../shared/domain/dates';
import { artifactPath } from './paths';

/**
 * The forms of issue 16, in Russian: focus where the next key goes (after a sale, "Add budget
 * line"), the unsaved-changes question, required fields marked before saving, one Ctrl+Enter and
 * Escape for every form, and a refusal of the core shown under its own field.
 */
test.describe('forms (ru)', () => {
  test.use({ setUp: centre('ru', 'Центр помощи жителям Сылвы') });

  test('"Add budget line" puts the focus into the new line', async ({ page, hearth }) => {
    const t = await openApp(page, hearth, { language: 'ru', route: '/funding' });
    await page.getByRole('button', { name: t('funding:grants.new'), exact: true }).click();
    await page.getByLabel(t('funding:grants.lineName', { n: 1 }), { exact: true }).fill('Оплата труда куратора');
    await page.getByRole('button', { name: t('funding:grants.addLine'), exact: true }).click();
    const second = page.getByLabel(t('funding:grants.lineName', { n: 2 }), { exact: true });
    await expect(second).toBeFocused();
    await page.keyboard.type('Транспорт');
    await expect(second).toHaveValue('Транспорт');
  });

  test('required fields are marked before saving; Ctrl+Enter saves, Escape cancels; the question before Alt+N leaves a half-filled form', async ({ page, hearth }, testInfo) => {
    const t = await openApp(page, hearth, { language: 'ru', route: '/residents/new' });
    const form = new ResidentFormPage(page, t);
    await expect(form.field('lastName')).toBeFocused();
    // Marked before anything is typed or saved: a visible mark, aria-required, the legend.
    await expect(form.field('lastName')).toHaveAttribute('aria-required', 'true');
    await expect(form.field('firstName')).toHaveAttribute('aria-required', 'true');
    await expect(form.field('patronymic')).not.toHaveAttribute('aria-required', 'true');
    await expect(page.locator('.field-label-row').filter({ hasText: t('residents:form.lastName') }).first().locator('.required-mark')).toHaveText('*');
    await expect(page.getByText(t('common:form.requiredLegend'), { exact: true })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('forms-required-ru.png') });
    await page.screenshot({ path: artifactPath('forms-required-ru.png') });

    // Half-filled, Alt+N (new request) asks first; "Stay" keeps what was typed.
    await form.field('lastName').fill('Кузнецова');
    await page.keyboard.press('Alt+KeyN');
    const question = page.getByRole('dialog', { name: t('common:form.unsavedTitle'), exact: true });
    await expect(question).toBeVisible();
    await expect(question.getByRole('button', { name: t('common:form.unsavedStay'), exact: true })).toBeFocused();
    await page.screenshot({ path: testInfo.outputPath('forms-unsaved-ru.png') });
    await page.screenshot({ path: artifactPath('forms-unsaved-ru.png') });
    await page.keyboard.press('Enter');
    await expect(question).toBeHidden();
    await expect(page).toHaveURL(/#\/residents\/new$/);
    await expect(form.field('lastName')).toHaveValue('Кузнецова');

    // Ctrl+Enter from any field saves.
    await form.field('firstName').fill('Анна');
    await form.field('firstName').press('Control+Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Кузнецова Анна');
    const [saved] = await hearth.call('residents.search', { q: 'Кузнецова', limit: 5 });
    expect(saved?.fullName).toBe('Кузнецова Анна');

    // Escape cancels the edit form (no question: cancelling is asked for), nothing changed.
    await page.goto(`${hearth.url}#/residents/${saved?.id}/edit`);
    await expect(form.field('lastName')).toBeFocused();
    await form.field('patronymic').fill('Ивановна');
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(new RegExp(`#/residents/${saved?.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Кузнецова Анна');

    // Leaving a half-filled form after the question: "Leave without saving".
    await page.goto(`${hearth.url}#/residents/new`);
    await expect(form.field('lastName')).toBeFocused();
    await form.field('lastName').fill('Петров');
    await page.keyboard.press('Alt+KeyN');
    await question.getByRole('button', { name: t('common:form.unsavedLeave'), exact: true }).click();
    await expect(page).toHaveURL(/#\/requests\/new$/);
    expect((await hearth.call('app.counts', {})).residents).toBe(1);
  });

  test('the volunteer form: Ctrl+Enter saves, Escape cancels', async ({ page, hearth }) => {
    const t = await openApp(page, hearth, { language: 'ru', route: '/volunteers/new' });
    const last = page.getByRole('textbox', { name: t('volunteers:form.lastName'), exact: true });
    await expect(last).toBeFocused();
    await expect(last).toHaveAttribute('aria-required', 'true');
    await last.fill('Смирнова');
    await page.getByRole('textbox', { name: t('volunteers:form.firstName'), exact: true }).fill('Ольга');
    await page.getByRole('textbox', { name: t('volunteers:form.notes'), exact: true }).press('Control+Enter');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Смирнова Ольга');
    const url = page.url();
    const id = /#\/volunteers\/(\d+)$/.exec(url)?.[1];
    expect(id).toBeTruthy();

    await page.goto(`${hearth.url}#/volunteers/${id}/edit`);
    await expect(last).toBeFocused();
    await last.fill('Смирнова-Петрова');
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(new RegExp(`#/volunteers/${id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Смирнова Ольга');
  });

  test('a refusal of the core shows under its own field', async ({ page, hearth }) => {
    const resident = await hearth.call('residents.create', { lastName: 'Кузнецова', firstName: 'Анна' });
    const kinds = await hearth.call('catalogue.list', { includeArchived: false });
    const shopping = kinds.find((k) => k.code === 'shopping') ?? kinds[0];
    if (!shopping) throw new Error('No kind in the catalogue');
    const t = await openApp(page, hearth, { language: 'ru', route: `/requests/new?resident=${resident.id}` });
    const kind = page.getByRole('combobox', { name: t('requests:form.kind'), exact: true });
    await expect(kind).toBeFocused();
    await kind.selectOption(String(shopping.id));
    // Meanwhile someone archives that kind: the form's own check passes, the core refuses.
    await hearth.call('catalogue.setArchived', { id: shopping.id, archived: true });
    await kind.press('Control+Enter');
    await expect(kind).toHaveAttribute('aria-invalid', 'true');
    await expect(kind).toHaveAccessibleDescription(t('common:validation.archivedKind'));
    expect((await hearth.call('app.counts', {})).requests).toBe(0);
  });

  test("settings, a new kind of help and a task done: each checked with its call's schema before saving, Ctrl+Enter saves", async ({ page, hearth }) => {
    // Settings: the centre's name emptied is refused beside it, with the focus there; nothing saved.
    const t = await openApp(page, hearth, { language: 'ru', route: '/settings' });
    const centreName = page.getByLabel(t('setup:centreName'), { exact: true });
    await expect(centreName).toHaveAttribute('aria-required', 'true');
    await centreName.fill('   ');
    await centreName.press('Control+Enter');
    await expect(centreName).toHaveAccessibleDescription(t('common:validation.required'));
    await expect(centreName).toBeFocused();
    expect((await hearth.call('app.status', {})).settings?.centreName).toBe('Центр помощи жителям Сылвы');
    await centreName.fill('Центр помощи жителям Сылвы и Шамар');
    await centreName.press('Control+Enter');
    await expect(page.getByRole('status').filter({ hasText: t('settings:saved') })).toBeVisible();
    expect((await hearth.call('app.status', {})).settings?.centreName).toBe('Центр помощи жителям Сылвы и Шамар');

    // The catalogue: a kind without a name is refused; with one it is added and the name field empties.
    await page.goto(`${hearth.url}#/catalogue`);
    const addForm = page.locator('form.add-kind');
    const kindName = addForm.getByLabel(t('catalogue:columns.name'), { exact: true });
    await addForm.getByRole('button', { name: t('catalogue:add'), exact: true }).click();
    await expect(kindName).toHaveAccessibleDescription(t('common:validation.required'));
    const before = (await hearth.call('catalogue.list', { includeArchived: true })).length;
    await kindName.fill('Колка дров');
    await kindName.press('Enter');
    await expect(kindName).toHaveValue('');
    const kinds = await hearth.call('catalogue.list', { includeArchived: true });
    expect(kinds.length).toBe(before + 1);
    expect(kinds.some((k) => k.name === 'Колка дров')).toBe(true);

    // The cash book's categories: the same for a new category (its direction stays for the next one).
    await page.goto(`${hearth.url}#/cashbook/categories`);
    const categoryName = page.getByLabel(t('cashbook:categories.name'), { exact: true });
    await page.getByRole('button', { name: t('cashbook:categories.add'), exact: true }).click();
    await expect(categoryName).toHaveAccessibleDescription(t('common:validation.required'));
    await page.getByLabel(t('cashbook:categories.direction'), { exact: true }).selectOption('income');
    await categoryName.fill('Сбор на дрова');
    await categoryName.press('Enter');
    await expect(categoryName).toHaveValue('');
    await expect(page.getByLabel(t('cashbook:categories.direction'), { exact: true })).toHaveValue('income');
    const categories = await hearth.call('cashbook.categories', { includeArchived: true });
    expect(categories.filter((c) => c.name === 'Сбор на дрова').map((c) => c.direction)).toEqual(['income']);

    // A task done tomorrow is refused beside the day (the form's schema, built on tasks.complete's).
    const status = await hearth.call('app.status', {});
    const resident = await hearth.call('residents.create', { lastName: 'Зябликова', firstName: 'Серафима' });
    const volunteer = await hearth.call('volunteers.create', { lastName: 'Орлов', firstName: 'Константин' });
    const task = await hearth.call('tasks.create', { residentId: resident.id, kindId: kinds[0]?.id ?? 0, scheduledOn: status.today, volunteerIds: [volunteer.id] });
    await page.goto(`${hearth.url}#/tasks/${task.id}?record=done`);
    const outcome = page.getByRole('region', { name: t('tasks:actions.doneTitle'), exact: true });
    const day = dateField(outcome, t('tasks:outcome.doneOn'));
    await fillDate(day, addDays(status.today, 1));
    await page.keyboard.press('Control+Enter');
    await expect(outcome.getByText(t('common:validation.dateInFuture'))).toBeVisible();
    expect((await hearth.call('tasks.get', { id: task.id })).status).toBe('assigned');
    await fillDate(day, status.today);
    await page.keyboard.press('Control+Enter');
    await expect(outcome).toHaveCount(0);
    expect((await hearth.call('tasks.get', { id: task.id })).doneOn).toBe(status.today);
  });
});

/** The till in English (letters typed with key events). */
test.describe('forms (en)', () => {
  test.use({ setUp: centre('en', 'Riverside Help Centre') });

  test('after a sale the next typed letters land in the service field', async ({ page, hearth }) => {
    const kinds = await hearth.call('catalogue.list', { includeArchived: false });
    const printing = kinds.find((k) => k.code === 'printing');
    if (!printing) throw new Error('The built-in kind "printing" is missing');
    await hearth.call('till.setPrice', { kindId: printing.id, priceMinor: 1250, unit: 'page' });

    const t = await openApp(page, hearth, { language: 'en', route: '/till' });
    const printingName = t('catalogue:kinds.printing');
    const kind = page.getByRole('combobox', { name: t('till:sale.kind'), exact: true });
    await expect(kind).toBeFocused();
    await page.keyboard.type(printingName.slice(0, 3).toLowerCase());
    await page.keyboard.press('Enter');
    await expect(kind).toHaveValue(printingName);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: t('till:receipt.title'), exact: true })).toBeVisible();

    // The next customer: the letters typed on the receipt start the next sale's service. (In
    // English: Playwright types letters of other layouts without key events; a keyboard sends them.)
    const typed = printingName.slice(0, 3).toLowerCase();
    await page.keyboard.type(typed);
    await expect(kind).toBeFocused();
    await expect(kind).toHaveValue(typed);
    await expect(page.getByRole('listbox', { name: t('till:sale.kind'), exact: true }).getByRole('option', { selected: true })).toContainText(printingName);
    await page.keyboard.press('Enter');
    await expect(kind).toHaveValue(printingName);
    await expect(page.getByLabel(t('till:sale.quantity'), { exact: true })).toBeFocused();
  });
});
