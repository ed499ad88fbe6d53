import { test, expect, openApp, centre } from './fixtures';
import { NewRequestPage } from './pages';

/** A quick typist at the front desk: Enter in the resident field picks, it never submits the form. */
test.use({ setUp: centre('ru', 'Центр помощи жителям Сылвы') });

test('resident picker: Enter pressed before the suggestions arrive does not submit the request form', async ({ page, hearth }) => {
  await hearth.call('residents.create', { lastName: 'Кузнецова', firstName: 'Анна' });
  const t = await openApp(page, hearth, { language: 'ru', route: '/requests/new' });
  const form = new NewRequestPage(page, t);
  await expect(form.resident).toBeFocused();
  // A quick typist: the Enter comes within the 100 ms debounce, before the list opens.
  await page.keyboard.type('кузн');
  await page.keyboard.press('Enter');
  // Fixed, the picker may either open its list or pick the first match once it arrives.
  await expect(form.residentOptions.or(form.kind.and(page.locator(':focus'))).first()).toBeVisible();
  expect(await page.getByRole('alert').allTextContents()).toEqual([]);
});
