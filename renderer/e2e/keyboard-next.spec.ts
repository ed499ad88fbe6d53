import { test, expect, openApp, centre } from './fixtures';
import { HomePage } from './pages';

/**
 * Focus where the next key goes (issue 16): Alt+R carries what was typed in "Who came?" into the new
 * resident's name; after saving, the focus waits on "New request" for them (Enter starts it); Alt+N
 * on a resident's page starts a request for that resident.
 */
test.describe('the front desk by keyboard (ru)', () => {
  test.use({ setUp: centre('ru'), signInAs: 'frontdesk' });

  test('typed name → Alt+R → save → Enter: a request for the new resident', async ({ page, hearth }) => {
    const t = await openApp(page, hearth, { language: 'ru' });
    const home = new HomePage(page, t);
    await expect(home.search).toBeFocused();
    await page.keyboard.type('Зябликова Серафима');
    await page.keyboard.press('Alt+KeyR');
    await expect(page.getByLabel(t('residents:form.lastName'), { exact: true })).toHaveValue('Зябликова');
    await expect(page.getByLabel(t('residents:form.firstName'), { exact: true })).toHaveValue('Серафима');
    await page.getByRole('button', { name: t('common:save'), exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Зябликова');
    const newRequest = page.getByRole('link', { name: t('residents:newRequest'), exact: true });
    await expect(newRequest).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/requests\/new\?resident=\d+$/);
  });

  test("Alt+N on a resident's page starts a request for that resident", async ({ page, hearth }) => {
    const resident = await hearth.call('residents.create', { lastName: 'Иванов', firstName: 'Пётр', settlement: 'Кын' });
    await openApp(page, hearth, { language: 'ru', route: `/residents/${resident.id}` });
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Иванов');
    await page.keyboard.press('Alt+KeyN');
    await expect(page).toHaveURL(new RegExp(`#/requests/new\\?resident=${resident.id}$`));
    await expect(page.getByText('Иванов Пётр').first()).toBeVisible();
  });
});
