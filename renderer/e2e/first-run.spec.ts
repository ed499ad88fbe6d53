import { test, expect, openApp } from './fixtures';
import { FirstRunPage, HomePage, Shell } from './pages';
import { LANGUAGE_NAMES, translator, type Lng } from './i18n';
import { artifactPath } from './paths';

/**
 * First run through the UI with demo data. Choosing a country sets its currency and default
 * language (and switches the UI to it); the front desk then shows the centre name and today's queue.
 */
const CASES: Array<{ ui: Lng; country: 'PL' | 'RU' | 'GR'; currency: string; countryLanguage: Lng; finalLanguage: Lng; centreName: string }> = [
  // Poland → PLN and Polski; then the default language is set back to English by hand.
  { ui: 'en', country: 'PL', currency: 'PLN', countryLanguage: 'pl', finalLanguage: 'en', centreName: 'Sylva Residents’ Help Centre' },
  { ui: 'ru', country: 'RU', currency: 'RUB', countryLanguage: 'ru', finalLanguage: 'ru', centreName: 'Центр помощи жителям Сылвы' },
  { ui: 'el', country: 'GR', currency: 'EUR', countryLanguage: 'el', finalLanguage: 'el', centreName: 'Κέντρο Βοήθειας Κατοίκων Σύλβας' },
  // Starts in English; choosing Poland switches the whole first-run screen to Polish.
  { ui: 'en', country: 'PL', currency: 'PLN', countryLanguage: 'pl', finalLanguage: 'pl', centreName: 'Centrum Pomocy Mieszkańcom Sylwy' },
];

for (const c of CASES) {
  test(`first run with demo data: ${c.country}, UI ${c.ui} → ${c.finalLanguage}`, async ({ page, hearth }) => {
    test.setTimeout(120_000);
    const t = await openApp(page, hearth, { language: c.ui });
    let setup = new FirstRunPage(page, t);
    await expect(setup.heading).toBeVisible();
    await expect(setup.centreName).toBeFocused();

    await setup.centreName.fill(c.centreName);
    await setup.country.selectOption(c.country);

    // The country brings its currency and its language, and the screen follows the language.
    const tCountry = translator(c.countryLanguage);
    setup = new FirstRunPage(page, tCountry);
    await expect(page.locator('html')).toHaveAttribute('lang', c.countryLanguage);
    await expect(setup.heading).toBeVisible();
    await expect(setup.currency).toHaveValue(c.currency);
    await expect(setup.currency.locator('option:checked')).toHaveText(tCountry(`setup:currencies.${c.currency}`));
    await expect(setup.language).toHaveValue(c.countryLanguage);
    await expect(setup.language.locator('option:checked')).toHaveText(LANGUAGE_NAMES[c.countryLanguage]);

    if (c.finalLanguage !== c.countryLanguage) {
      await setup.language.selectOption({ label: LANGUAGE_NAMES[c.finalLanguage] });
      setup = new FirstRunPage(page, translator(c.finalLanguage));
      await expect(page.locator('html')).toHaveAttribute('lang', c.finalLanguage);
      await expect(setup.heading).toBeVisible();
      // The centre name typed before the switch is kept.
      await expect(setup.centreName).toHaveValue(c.centreName);
    }

    const tl = translator(c.finalLanguage);
    // The first admin's password (users and sign-in): the app opens signed in as that admin.
    await page.getByLabel(tl('setup:adminPassword'), { exact: true }).fill('first-admin-password');
    await page.getByLabel(tl('setup:adminPasswordRepeat'), { exact: true }).fill('first-admin-password');
    await setup.demo.check();
    await setup.start.click();

    // Demo data takes a moment to generate.
    const shell = new Shell(page, tl);
    const home = new HomePage(page, tl);
    await expect(shell.header).toContainText(c.centreName, { timeout: 60_000 });
    await expect(home.heading).toBeVisible();
    await expect(home.search).toBeFocused();
    await expect(home.queueHeading).toBeVisible();
    await expect(home.queue.getByRole('table')).toBeVisible();
    const queueCount = await home.queueRows.count();

    const status = await hearth.call('app.status', {});
    expect(status.settings).toEqual({ centreName: c.centreName, country: c.country, currency: c.currency, language: c.finalLanguage });
    const counts = await hearth.call('app.counts', {});
    test.info().annotations.push({ type: 'demo', description: `${counts.residents} residents, ${counts.requests} requests, ${queueCount} row(s) in today's queue` });

    await page.mouse.move(0, 0); // no hover highlight in the saved picture
    await page.screenshot({ path: artifactPath(`home-${c.finalLanguage}.png`), fullPage: true });

    // The residents screen lists the demo residents.
    await shell.navLink('residents').click();
    await expect(page.getByRole('heading', { level: 1, name: tl('residents:title') })).toBeVisible();
    expect(counts.residents, 'demo data should create residents').toBeGreaterThan(0);
    // The list pages from the core and draws only the rows in view: the table tells a screen
    // reader how many rows it has (the header row included).
    expect(counts.residents, 'the demo register fits in two pages').toBeLessThanOrEqual(200);
    await expect(page.getByText(tl('residents:shown', { count: counts.residents }), { exact: true })).toBeVisible();
    const table = page.getByRole('main').getByRole('table');
    await expect(table).toHaveAttribute('aria-rowcount', String(counts.residents + 1));
    const drawn = await table.locator('tbody').getByRole('row').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(Math.max(60, counts.residents));
  });
}
