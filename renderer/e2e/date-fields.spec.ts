import { test, expect, openApp, centre } from './fixtures';
import { dateField, dateText, fillDate } from './pages';
import { artifactPath } from './paths';

/**
 * Dates as people write them (issue 16): the one date field (renderer/ui/DateInput.tsx) in the
 * user's language. In Russian a date is typed digit by digit as dd.mm.yyyy and the record saved
 * through the app reads 2026-12-07; in Greek the same field shows d/m/yyyy; the calendar opens
 * from the keyboard (Alt+↓), arrows move, Enter picks; a day that does not exist is refused.
 */
test.describe('date fields (ru)', () => {
  test.use({ setUp: centre('ru', 'Центр помощи жителям Сылвы'), signInAs: 'treasurer' });

  test('07.12.2026 typed in Russian saves 2026-12-07; the calendar picks a day with the keyboard', async ({ page, hearth }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'ru', route: '/cashbook/accounts' });
    await page.getByRole('button', { name: t('cashbook:accounts.add'), exact: true }).click();
    const form = page.getByRole('region', { name: t('cashbook:accounts.newTitle') });
    await form.getByLabel(t('cashbook:accounts.name'), { exact: true }).fill('Касса акции');
    const opening = dateField(form, t('cashbook:accounts.openingDate'));
    await expect(opening).toBeVisible();

    // Typed as a person types it: the first part (the day), then the digits and dots in a row.
    await opening.getByRole('spinbutton').first().focus();
    await page.keyboard.type('07.12.2026');
    expect(await dateText(opening)).toBe('07.12.2026');
    // The parts are the day, month and year, in that order, and the group is named by the label.
    await expect(opening.getByRole('spinbutton')).toHaveCount(3);
    await page.screenshot({ path: artifactPath('date-field-ru.png') });
    await form.getByRole('button', { name: t('common:save'), exact: true }).click();
    await expect(form).toBeHidden();
    const saved = (await hearth.call('accounts.list', {})).find((a) => a.name === 'Касса акции');
    expect(saved?.openingDate).toBe('2026-12-07');

    // The calendar, by keyboard only: Alt+↓ opens it on the field's day, → moves a day, Enter picks it.
    await page.getByRole('button', { name: t('cashbook:accounts.add'), exact: true }).click();
    await form.getByLabel(t('cashbook:accounts.name'), { exact: true }).fill('Касса ярмарки');
    await fillDate(opening, '2026-12-07');
    await opening.getByRole('spinbutton').first().focus();
    await page.keyboard.press('Alt+ArrowDown');
    const calendar = page.getByRole('dialog');
    await expect(calendar).toBeVisible();
    await expect(calendar.getByRole('grid')).toBeVisible();
    await page.screenshot({ path: artifactPath('date-calendar-ru.png') });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(calendar).toBeHidden();
    expect(await dateText(opening)).toBe('08.12.2026');
    await page.keyboard.press('Control+Enter');
    await expect(form).toBeHidden();
    const picked = (await hearth.call('accounts.list', {})).find((a) => a.name === 'Касса ярмарки');
    expect(picked?.openingDate).toBe('2026-12-08');

    // A day that does not exist (31.02) is not saved as another day: the field is emptied and marked.
    await page.getByRole('button', { name: t('cashbook:accounts.add'), exact: true }).click();
    await form.getByLabel(t('cashbook:accounts.name'), { exact: true }).fill('Касса ошибок');
    await opening.getByRole('spinbutton').first().focus();
    await page.keyboard.type('31.02.2026');
    await form.getByLabel(t('cashbook:accounts.name'), { exact: true }).focus();
    await expect(opening.getByRole('spinbutton').first()).toHaveAttribute('aria-invalid', 'true');
    expect(await dateText(opening)).not.toContain('28');
    await form.getByRole('button', { name: t('common:save'), exact: true }).click();
    await expect(form).toBeVisible();
    expect((await hearth.call('accounts.list', {})).some((a) => a.name === 'Касса ошибок')).toBe(false);
    // No name: accounts.create's schema says it is required, under the name.
    await form.getByLabel(t('cashbook:accounts.name'), { exact: true }).fill('');
    await page.keyboard.press('Control+Enter');
    await expect(form.getByText(t('common:validation.required'))).toBeVisible();
  });
});

test.describe('date fields (el)', () => {
  test.use({ setUp: centre('el', 'Κέντρο Κοινότητας Πειραιά'), signInAs: 'admin' });

  test('a date shows d/m/yyyy in Greek; Escape closes the calendar', async ({ page, hearth }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'el', route: '/cashbook/accounts' });
    await page.getByRole('button', { name: t('cashbook:accounts.add'), exact: true }).click();
    const form = page.getByRole('region', { name: t('cashbook:accounts.newTitle') });
    const opening = dateField(form, t('cashbook:accounts.openingDate'));
    await fillDate(opening, '2026-12-07');
    expect(await dateText(opening)).toBe('7/12/2026');
    await page.screenshot({ path: artifactPath('date-field-el.png') });
    await opening.getByRole('spinbutton').first().focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect(page.getByRole('dialog').getByRole('grid')).toBeVisible();
    await page.screenshot({ path: artifactPath('date-calendar-el.png') });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    // Escape closed the calendar only, not the form around the field; the next Escape closes the form.
    await expect(form).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(form).toBeHidden();

  });
});
