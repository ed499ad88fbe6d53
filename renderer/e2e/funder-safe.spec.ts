import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { test, expect, openApp, centre } from './fixtures';
import { ownString } from './i18n';
import { artifactPath } from './paths';

/**
 * The funder-safe tables and the grant report in Polish (issue 14), at 1366×768.
 *
 * The data, recorded through the contract today: six residents of Ogrodzieniec and two of
 * Kromołów, each with a request for forms help marked done, every one with a street and a phone.
 * People reached: 8; by settlement 6 and 2, so Kromołów's 2 is hidden ("<5") and, as the total
 * would give it away, Ogrodzieniec's 6 too. The grant "Asystent rodziny" has two budget lines:
 * 12 000 zł planned for pay with 3 000 zł spent, 2 000 zł for travel with 150 zł spent, and 40 zł
 * spent on the grant with no line.
 */
const PEOPLE: Array<[string, string, string, string]> = [
  ['Kowalska', 'Anna', 'Ogrodzieniec', '+48 601 111 201'],
  ['Nowak', 'Piotr', 'Ogrodzieniec', '+48 601 111 202'],
  ['Wiśniewska', 'Maria', 'Ogrodzieniec', '+48 601 111 203'],
  ['Wójcik', 'Jan', 'Ogrodzieniec', '+48 601 111 204'],
  ['Kamińska', 'Zofia', 'Ogrodzieniec', '+48 601 111 205'],
  ['Lewandowski', 'Adam', 'Ogrodzieniec', '+48 601 111 206'],
  ['Zielińska', 'Ewa', 'Kromołów', '+48 601 111 207'],
  ['Szymański', 'Tomasz', 'Kromołów', '+48 601 111 208'],
];
const STREET = 'Mickiewicza';

test.describe('funder-safe tables and the grant report (pl)', () => {
  test.use({ setUp: centre('pl', 'Centrum Wsparcia Zawiercie') });

  test('the funder-safe CSV in Polish holds counts and "<5", no name, street or phone', async ({ page, hearth }) => {
    for (const key of ['reports:funderSafe.title', 'reports:grantReport.title', 'aggregates:tables.bySettlement']) expect(ownString('pl', key), key).not.toBe(ownString('en', key));
    const kinds = await hearth.call('catalogue.list', {});
    const forms = kinds.find((k) => k.code === 'formsHelp')!.id;
    for (const [lastName, firstName, settlement, phone] of PEOPLE) {
      const r = await hearth.call('residents.create', { lastName, firstName, settlement, street: STREET, house: '7', phones: [phone], birthYear: 1950 });
      const q = await hearth.call('requests.create', { residentId: r.id, kindId: forms });
      await hearth.call('requests.setStatus', { id: q.id, status: 'done' });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'pl', route: '/results' });
    await page.getByRole('link', { name: t('reports:funderSafe.title') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('reports:funderSafe.title') })).toBeVisible();
    // The period picker has the focus; the current half-year is chosen.
    await expect(page.getByLabel(t('reports:screen.preset'))).toBeFocused();
    await expect(page.getByLabel(t('reports:screen.preset'))).toHaveValue('half');

    const settlements = page.locator('section[data-table="bySettlement"]');
    await expect(settlements.getByRole('heading', { level: 2, name: t('aggregates:tables.bySettlement') })).toBeVisible();
    await expect(settlements.getByRole('row', { name: /Kromołów/ }).getByRole('cell')).toHaveText('<5');
    await expect(settlements.getByRole('row', { name: /Ogrodzieniec/ }).getByRole('cell')).toHaveText('<5');
    await expect(settlements.getByRole('row', { name: t('aggregates:total') }).getByRole('cell')).toHaveText('8');
    await expect(page.locator('.fs-reached dd')).toHaveText('8');
    const screen = await page.locator('main').innerText();
    for (const [lastName, firstName, , phone] of PEOPLE) for (const s of [lastName, firstName, phone]) expect(screen).not.toContain(s);
    expect(screen).not.toContain(STREET);
    await page.screenshot({ path: artifactPath('funder-safe-pl.png') });

    // The admin may change the threshold: 2 shows Kromołów's 2.
    const threshold = page.getByLabel(t('reports:funderSafe.newThreshold'));
    // Out of reports.setThreshold's range: its message as it is typed, and nothing to save.
    await threshold.fill('0');
    await expect(page.getByText(t('common:validation.range'))).toBeVisible();
    await expect(page.getByRole('button', { name: t('reports:funderSafe.saveThreshold') })).toBeDisabled();
    await threshold.fill('2');
    await threshold.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: t('reports:funderSafe.saved') })).toBeVisible();
    await expect(settlements.getByRole('row', { name: /Kromołów/ }).getByRole('cell')).toHaveText('2');
    await threshold.fill('5');
    await threshold.press('Enter');
    await expect(settlements.getByRole('row', { name: /Kromołów/ }).getByRole('cell')).toHaveText('<5');

    // CSV, downloaded from the screen and read back.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t('reports:screen.csv') }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^funder-safe-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}-pl-.*\.csv$/);
    const text = (await readFile(await csv.path())).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('Centrum Wsparcia Zawiercie');
    expect(text).toContain(t('aggregates:tables.bySettlement'));
    expect(text).toMatch(/Kromołów;<5/);
    expect(text).toMatch(/Ogrodzieniec;<5/);
    // The two hidden cells and the note that says what "<5" means; nothing else is small here.
    expect(text.split('<5').length - 1).toBe(3);
    for (const [lastName, firstName, , phone] of PEOPLE) {
      expect(text).not.toContain(lastName);
      expect(text).not.toContain(firstName);
      expect(text).not.toContain(phone);
      expect(text).not.toContain(phone.replace(/\D/g, '').slice(-9));
    }
    expect(text).not.toContain(STREET);
    expect(text).not.toContain('1950');

    // XLSX: the same, read back from the workbook's strings and sheets.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t('reports:screen.xlsx') }).click()]);
    const files = unzipSync(new Uint8Array(await readFile(await xlsx.path())));
    const all = Object.entries(files)
      .filter(([name]) => name.endsWith('.xml'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n');
    expect(all).toContain('&lt;5');
    expect(all).toContain(t('aggregates:tables.byAge'));
    for (const [lastName, firstName, , phone] of PEOPLE) for (const s of [lastName, firstName, phone]) expect(all).not.toContain(s);
    expect(all).not.toContain(STREET);
  });

  test('the grant report in Polish: plan vs actual per budget line, from the grant’s page', async ({ page, hearth }) => {
    const { today } = await hearth.call('app.status', {});
    const year = today.slice(0, 4);
    const categories = await hearth.call('cashbook.categories', {});
    const cat = (code: string) => categories.find((c) => c.code === code)!.id;
    const account = await hearth.call('accounts.create', { name: 'Kasa', kind: 'cash', currency: 'PLN', openingBalanceMinor: 5_000_000, openingDate: `${year}-01-01` });
    const grant = await hearth.call('grants.create', {
      grant: { funder: 'Urząd Gminy', title: 'Asystent rodziny', startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, currency: 'PLN', amountMinor: 1_400_000, note: '' },
      lines: [
        { name: 'Wynagrodzenie asystenta', plannedMinor: 1_200_000 },
        { name: 'Dojazdy', plannedMinor: 200_000 },
      ],
    });
    const [pay, travel] = grant.lines;
    await hearth.call('cashbook.post', { type: 'expense', date: today, accountId: account.id, amountMinor: 300_000, categoryId: cat('salaries'), grantId: grant.id, budgetLineId: pay!.id });
    await hearth.call('cashbook.post', { type: 'expense', date: today, accountId: account.id, amountMinor: 15_000, categoryId: cat('transport'), grantId: grant.id, budgetLineId: travel!.id });
    await hearth.call('cashbook.post', { type: 'expense', date: today, accountId: account.id, amountMinor: 4_000, categoryId: cat('transport'), grantId: grant.id });

    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'pl', route: `/funding/grants/${grant.id}` });
    await page.getByRole('link', { name: t('reports:grantReport.open') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('reports:grantReport.title') })).toBeVisible();
    await expect(page.getByLabel(t('reports:grantReport.grant'), { exact: true })).toHaveValue(String(grant.id));
    const lines = page.locator('section[data-section="lines"]');
    await expect(lines.getByRole('heading', { level: 2, name: t('reports:grantReport.planVsActual') })).toBeVisible();
    // Polish money: "12 000,00 zł" (a no-break space groups five digits and more; "3000,00 zł" has none).
    const cells = (name: string) => lines.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell');
    await expect(cells('Wynagrodzenie asystenta')).toHaveText([/^12\s000,00\szł$/, /^3\s?000,00\szł$/, /^9\s?000,00\szł$/, /^25\s?%$/]);
    await expect(cells('Dojazdy')).toHaveText([/^2\s?000,00\szł$/, /^150,00\szł$/, /^1\s?850,00\szł$/, /^8\s?%$/]);
    await expect(cells(t('reports:grantReport.unassigned'))).toHaveText(['—', /^40,00\szł$/, '—', '—']);
    await expect(cells(t('reports:grantReport.total'))).toHaveText([/^14\s000,00\szł$/, /^3\s?190,00\szł$/, /^10\s810,00\szł$/, /^23\s?%$/]);
    await expect(page.getByRole('heading', { level: 2, name: t('reports:grantReport.activity') })).toBeVisible();
    await page.screenshot({ path: artifactPath('grant-report-pl.png') });
    await page.locator('#gr-activity').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('grant-report-pl-activity.png') });
  });
});

test.describe('funder-safe tables and the grant report (el, treasurer)', () => {
  test.use({ setUp: centre('el', 'Κέντρο Κοινότητας Πειραιά'), signInAs: 'treasurer' });

  test('the treasurer sees the threshold but does not change it; the grant report in Greek at 1366×768', async ({ page, hearth }) => {
    const { today } = await hearth.call('app.status', {});
    const year = today.slice(0, 4);
    const grant = await hearth.call('grants.create', {
      grant: { funder: 'Περιφέρεια Αττικής', title: 'Κοινωνικό Παντοπωλείο', startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, currency: 'EUR', amountMinor: 2_000_000, note: '' },
      lines: [{ name: 'Τρόφιμα και είδη πρώτης ανάγκης', plannedMinor: 2_000_000 }],
    });
    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'el', route: '/results' });
    await page.getByRole('link', { name: t('reports:funderSafe.title') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('reports:funderSafe.title') })).toBeVisible();
    await expect(page.getByText(t('reports:funderSafe.thresholdNow', { threshold: 5 }))).toBeVisible();
    // reports.setThreshold is the coordinators' and admins': no field for the treasurer.
    await expect(page.getByLabel(t('reports:funderSafe.newThreshold'))).toHaveCount(0);
    await expect(page.locator('.fs-reached dd')).toHaveText('0');
    await page.screenshot({ path: artifactPath('funder-safe-el.png') });

    await page.getByRole('link', { name: t('reports:funderSafe.back') }).click();
    await page.getByRole('link', { name: t('reports:grantReport.title') }).click();
    await expect(page.getByLabel(t('reports:grantReport.grant'), { exact: true })).toHaveValue(String(grant.id));
    const lines = page.locator('section[data-section="lines"]');
    await expect(lines.getByRole('row', { name: /^Τρόφιμα/ }).getByRole('cell').first()).toHaveText(/20\.000,00\s€/);
    await page.screenshot({ path: artifactPath('grant-report-el.png') });
  });
});
