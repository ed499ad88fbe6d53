import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, openApp, centre } from './fixtures';
import { NewRequestPage } from './pages';
import { ROOT } from './paths';

/**
 * The README's keyboard table says what the keys do (issue 16: it said "type, ↓, Enter" in the
 * resident picker while ↓ + Enter created a new resident). Its resident-picker row, key by key, in
 * Russian; the other rows have their own tests (proof list in the test below's comment).
 */
test.describe('the README keyboard table (ru)', () => {
  test.use({ setUp: centre('ru', 'Центр помощи жителям Сылвы'), signInAs: 'frontdesk' });

  test('the resident field: type, Enter picks the first match; ↓/↑ choose another; the last option creates a new resident', async ({ page, hearth }) => {
    // The row as the README writes it (so that changing the keys means changing this test too).
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('| Alt+N | new request; on a resident\'s page, a request for that resident (resident field focused: type, Enter picks the first match; ↓/↑ choose another, the last option creates a new resident;');

    const anna = await hearth.call('residents.create', { lastName: 'Кузнецова', firstName: 'Анна', birthYear: 1948 });
    const maria = await hearth.call('residents.create', { lastName: 'Кузнецова', firstName: 'Мария', birthYear: 1951 });
    const t = await openApp(page, hearth, { language: 'ru' });
    const form = new NewRequestPage(page, t);

    // Alt+N, type, Enter: the first match (the list's first option is the one Enter takes).
    await page.keyboard.press('Alt+KeyN');
    await expect(form.resident).toBeFocused();
    await page.keyboard.type('кузнецова');
    await expect(form.residentOptions).toHaveCount(3);
    const first = (await form.residentOptions.first().textContent()) ?? '';
    await expect(form.residentOptions.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(form.kind).toBeFocused();
    const firstName = first.includes(anna.fullName) ? anna.fullName : maria.fullName;
    await expect(page.locator('.picked strong')).toHaveText(firstName);

    // ↓ moves to the other match, ↑ back; ↓ ↓ reaches the last option, which creates a new resident.
    await page.goto(`${hearth.url}#/`);
    await page.keyboard.press('Alt+KeyN');
    await expect(form.resident).toBeFocused();
    await page.keyboard.type('кузнецова');
    await expect(form.residentOptions).toHaveCount(3);
    await page.keyboard.press('ArrowDown');
    await expect(form.residentOptions.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp');
    await expect(form.residentOptions.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const create = form.residentOptions.last();
    await expect(create).toHaveAttribute('aria-selected', 'true');
    await expect(create).toHaveText(t('residents:search.createNamed', { name: 'кузнецова' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: t('requests:form.newResident') })).toBeVisible();
    expect((await hearth.call('app.counts', {})).residents).toBe(2);
    // The other rows: Alt+N and Alt+R (keyboard-next.spec.ts), Alt+F (walk-in-greek.spec.ts),
    // Ctrl+Enter / Escape / the unsaved question (forms.spec.ts), dates (date-fields.spec.ts),
    // Ctrl+L (sign-in.spec.ts), Alt+P (tasks.spec.ts), the till's C / K / Enter (till.spec.ts).
  });
});
