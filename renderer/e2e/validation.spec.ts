import { test, expect, openApp, centre } from './fixtures';
import { ResidentFormPage, Shell } from './pages';
import { ownString } from './i18n';

/**
 * The new-resident form in Russian: translated messages beside the fields, nothing saved while
 * they stand; a possible duplicate (same name and birth year) is shown with a link before saving.
 */
test.use({ setUp: centre('ru', 'Центр помощи жителям Сылвы') });

test('shows Russian validation messages beside the fields and saves nothing', async ({ page, hearth }) => {
  await hearth.call('residents.create', { lastName: 'Кузнецова', firstName: 'Анна', patronymic: 'Ивановна', birthYear: 1948, settlement: 'Сылва' });
  const creates: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/call/residents.create')) creates.push(r.url());
  });

  const t = await openApp(page, hearth, { language: 'ru', route: '/residents' });
  const shell = new Shell(page, t);
  const shown = page.getByText(t('residents:shown', { count: 1 }), { exact: true });
  await expect(shown).toBeVisible();

  await page.getByRole('main').getByRole('link', { name: t('residents:new'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('residents:newTitle'));
  const form = new ResidentFormPage(page, t);
  await expect(form.field('lastName')).toBeFocused();

  await form.field('firstName').fill('Анна');
  await form.field('phone').fill('abc');
  await form.field('birthYear').fill('1800');
  await form.save.click();

  const expected = {
    lastName: 'common:validation.required',
    phone: 'common:validation.phone',
    birthYear: 'common:validation.birthYear',
  } as const;
  for (const [field, key] of Object.entries(expected) as Array<[keyof typeof expected, string]>) {
    const message = ownString('ru', key);
    expect(message, `ru ${key}`).toBeTruthy();
    expect(message).not.toBe(ownString('en', key));
    await expect(form.field(field)).toHaveAttribute('aria-invalid', 'true');
    // "Beside the field": the message is the field's accessible description.
    await expect(form.field(field)).toHaveAccessibleDescription(message as string);
    await expect(page.getByText(message as string, { exact: true })).toBeVisible();
  }
  await expect(form.field('firstName')).toHaveAttribute('aria-invalid', 'false');
  await expect(page).toHaveURL(/#\/residents\/new$/);

  // Nothing was sent or saved.
  expect(creates).toEqual([]);
  expect((await hearth.call('app.counts', {})).residents).toBe(1);
  // Leaving the half-filled form asks first (issue 16's unsaved-changes question).
  await shell.navLink('residents').click();
  await page.getByRole('dialog').getByRole('button', { name: t('common:form.unsavedLeave'), exact: true }).click();
  await expect(shown).toBeVisible();
  await expect(page.getByRole('main').getByRole('table').locator('tbody').getByRole('row')).toHaveCount(1);
});

test('warns about a possible duplicate with a link to the existing record', async ({ page, hearth }) => {
  const existing = await hearth.call('residents.create', {
    lastName: 'Кузнецова',
    firstName: 'Анна',
    patronymic: 'Ивановна',
    birthYear: 1948,
    phones: ['+7 912 345-67-89'],
    settlement: 'Сылва',
  });
  const t = await openApp(page, hearth, { language: 'ru', route: '/residents/new' });
  const form = new ResidentFormPage(page, t);
  await expect(form.field('lastName')).toBeFocused();

  // Written the way another volunteer might type it: lower case, ё-less, different spacing.
  await form.field('lastName').fill('кузнецова');
  await form.field('firstName').fill('анна ');
  await form.field('patronymic').fill('Ивановна');
  await form.field('birthYear').fill('1948');
  await form.save.click();

  const warning = page.getByRole('alert').filter({ hasText: t('residents:duplicates.title', { count: 1 }) });
  await expect(warning).toBeVisible();
  const link = warning.getByRole('link', { name: existing.fullName, exact: true });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', `#/residents/${existing.id}`);
  await expect(warning.getByRole('button', { name: t('residents:duplicates.saveAnyway'), exact: true })).toBeVisible();
  expect((await hearth.call('app.counts', {})).residents).toBe(1);

  await link.click();
  // What was typed is not saved: the unsaved-changes question first.
  await page.getByRole('dialog').getByRole('button', { name: t('common:form.unsavedLeave'), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/residents/${existing.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(existing.fullName);
  expect((await hearth.call('app.counts', {})).residents).toBe(1);
});

test('warns about "Кузнецова Анна" 1948 when "Кузнецова Анна Ивановна" 1948 exists (patronymic on one side only)', async ({ page, hearth }) => {
  const existing = await hearth.call('residents.create', { lastName: 'Кузнецова', firstName: 'Анна', patronymic: 'Ивановна', birthYear: 1948 });
  const t = await openApp(page, hearth, { language: 'ru', route: '/residents/new' });
  const form = new ResidentFormPage(page, t);
  await expect(form.field('lastName')).toBeFocused();
  await form.field('lastName').fill('Кузнецова');
  await form.field('firstName').fill('Анна');
  await form.field('birthYear').fill('1948');
  await form.save.click();
  const warning = page.getByRole('alert').filter({ hasText: t('residents:duplicates.title', { count: 1 }) });
  await expect(warning.getByRole('link', { name: existing.fullName, exact: true })).toBeVisible();
  expect((await hearth.call('app.counts', {})).residents).toBe(1);

  // "It is someone else": saving anyway creates the second record.
  await warning.getByRole('button', { name: t('residents:duplicates.saveAnyway'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Кузнецова Анна');
  expect((await hearth.call('app.counts', {})).residents).toBe(2);
});
