import { test, expect, openApp, centre } from './fixtures';
import { dateField, dateText, fillDate } from './pages';
import { translator, type Lng } from './i18n';

/**
 * Issue 16: times in 24-hour form in every language (Greek showed 12-hour "π.μ." before). The
 * task form's time field (renderer/ui/DateInput.tsx TimeInput), typed 14:30 in each language: it
 * shows 14:30, has no AM/PM part, and the task is saved at 14:30.
 */
test.describe('times in 24-hour form', () => {
  test.use({ setUp: centre('el', 'Κέντρο Στήριξης Κατοίκων Κερατσινίου') });

  test('the task form takes and shows 14:30 in each of the five languages', async ({ page, hearth }) => {
    const resident = await hearth.call('residents.create', { lastName: 'Παπαδοπούλου', firstName: 'Μαρία' });
    const kinds = await hearth.call('catalogue.list', { includeArchived: false });
    const kind = kinds.find((k) => k.code === 'groceries') ?? kinds[0];
    if (!kind) throw new Error('No kind in the catalogue');
    const request = await hearth.call('requests.create', { residentId: resident.id, kindId: kind.id, description: 'Ψώνια' });
    const shown: Record<string, string> = {};
    await openApp(page, hearth, { language: 'el', route: `/requests/${request.id}` });
    for (const lng of ['el', 'en', 'ru', 'uk', 'pl'] as const satisfies readonly Lng[]) {
      const t = translator(lng);
      // The language as the switcher keeps it, then the page loaded afresh.
      await page.evaluate((l) => window.localStorage.setItem('hearth.language', l), lng);
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('lang', lng);
      // Alt+P works once the request has loaded (its "Plan a task" button is there).
      await expect(page.getByRole('button', { name: t('tasks:plan.open'), exact: true })).toBeVisible();
      await page.keyboard.press('Alt+p');
      const form = page.getByRole('region', { name: t('tasks:plan.title'), exact: true });
      const time = dateField(form, t('tasks:plan.time'));
      await expect(time).toBeVisible();
      await fillDate(time, '14:30');
      await expect(time.locator('[data-type="dayPeriod"]')).toHaveCount(0);
      shown[lng] = await dateText(time);
      await page.keyboard.press('Escape');
    }
    expect(shown).toEqual({ el: '14:30', en: '14:30', ru: '14:30', uk: '14:30', pl: '14:30' });
  });
});
