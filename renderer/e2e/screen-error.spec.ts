import type { Route } from '@playwright/test';
import { test, expect, openApp, centre } from './fixtures';
import { HomePage, Shell } from './pages';
import { ownString, translator, type Lng } from './i18n';
import { artifactPath } from './paths';
import type { ResidentInput } from '../../shared/domain/residents';

/**
 * A screen that throws (ARCHITECTURE.md, "Each screen sits in an error boundary"): the core gives
 * the resident's page an answer it cannot draw (the request history missing), as a damaged record
 * would. Only that screen is replaced, by a calm translated message with focus on its heading; the
 * header and navigation stay; "back", "front desk" and "try again" work; the one console line that
 * reports the error holds the route's pattern and nothing of the resident.
 */
interface Case {
  lng: Lng;
  resident: ResidentInput;
  description: string;
}

const CASES: Case[] = [
  {
    lng: 'en',
    resident: { lastName: 'Whitcombe', firstName: 'Margery', phones: ['+44 7700 900123'], settlement: 'Little Hadham', notes: 'Daughter visits on Sundays' },
    description: 'Firewood for the winter',
  },
  {
    lng: 'el',
    resident: { lastName: 'Παπαδοπούλου', firstName: 'Αθηνά', phones: ['+30 694 123 4567'], settlement: 'Σύλβα', notes: 'Η κόρη της έρχεται τις Κυριακές' },
    description: 'Καυσόξυλα για τον χειμώνα',
  },
];

const KEYS = ['title', 'safe', 'whatToDo', 'back', 'home', 'retry'].map((k) => `common:screenError.${k}`);
const REPORT = 'Hearth: a screen could not be shown ';

for (const c of CASES) {
  test.describe(`a screen that throws (${c.lng})`, () => {
    test.use({ setUp: centre(c.lng, 'Sylva') });

    test(`shows a translated message in place of that screen only (${c.lng})`, async ({ page, hearth }) => {
      for (const key of KEYS) expect(ownString(c.lng, key), `${c.lng} translation of ${key}`).toBeTruthy();

      const resident = await hearth.call('residents.create', c.resident);
      const kinds = await hearth.call('catalogue.list', { includeArchived: false });
      const firewood = kinds.find((k) => k.code === 'firewood');
      if (!firewood) throw new Error('The built-in kind "firewood" is missing from the catalogue');
      await hearth.call('requests.create', { residentId: resident.id, kindId: firewood.id, description: c.description });

      const logged: string[] = [];
      page.on('console', (m) => logged.push(m.text()));
      page.on('pageerror', (e) => logged.push(`pageerror: ${e.name}: ${e.message}`));

      // The resident's page gets its real answer with the request history broken.
      let asked = 0;
      const broken = async (route: Route) => {
        asked += 1;
        const response = await route.fetch();
        const body = (await response.json()) as { ok: boolean; value: Record<string, unknown> };
        await route.fulfill({ response, json: { ...body, value: { ...body.value, requests: null } } });
      };
      await page.route('**/api/call/residents.get', broken);

      const t = await openApp(page, hearth, { language: c.lng });
      const shell = new Shell(page, t);
      const home = new HomePage(page, t);
      const failed = page.getByRole('heading', { level: 1, name: t('common:screenError.title') });
      const button = (key: 'back' | 'home' | 'retry') => page.getByRole('button', { name: t(`common:screenError.${key}`), exact: true });

      // A volunteer finds the resident and opens her page.
      await home.search.fill(c.resident.lastName);
      await home.resultLink(0).click();
      await expect(page).toHaveURL(new RegExp(`#/residents/${resident.id}$`));

      await expect(failed).toBeVisible();
      await expect(failed).toBeFocused();
      const main = page.getByRole('main');
      await expect(main).toContainText(t('common:screenError.safe'));
      await expect(main).toContainText(t('common:screenError.whatToDo'));
      await expect(main).not.toContainText(c.resident.lastName);
      // The header and navigation are still there and still work.
      await expect(shell.header).toContainText('Sylva');
      await expect(shell.nav).toBeVisible();
      await expect(shell.navLink('requests')).toBeVisible();
      await expect(button('back')).toBeVisible();
      await expect(button('home')).toBeVisible();
      await expect(button('retry')).toBeVisible();
      if (c.lng === 'el') await page.screenshot({ path: artifactPath('screen-error-el.png') });

      // One redacted line: the route's pattern, the kind of error, no data of the page.
      const reports = logged.filter((line) => line.startsWith(REPORT));
      expect(reports).toHaveLength(1);
      const report = JSON.parse((reports[0] ?? '').slice(REPORT.length)) as Record<string, unknown>;
      expect(Object.keys(report).sort()).toEqual(['components', 'message', 'name', 'route']);
      expect(report).toMatchObject({ name: 'TypeError', route: 'residents/:id' });
      expect(report.message).toMatch(/^Cannot read properties of null \(reading '…'\)$/);
      const secrets = [c.resident.lastName, c.resident.firstName, c.resident.settlement ?? '', c.resident.notes ?? '', c.description, `residents/${resident.id}`, ...(c.resident.phones ?? []).map((p) => p.replace(/\D/g, '').slice(-7))];
      for (const line of logged) {
        for (const secret of secrets) expect(line, `the console shows "${secret}"`).not.toContain(secret);
      }

      // Back to the previous screen (the front desk), then on to another screen.
      await button('back').click();
      await expect(home.heading).toBeVisible();
      await expect(failed).toHaveCount(0);
      await shell.navLink('requests').click();
      await expect(page.getByRole('heading', { level: 1, name: t('requests:title') })).toBeVisible();
      await expect(main.getByRole('table')).toContainText(c.description);

      // Opened by its address there is no screen of ours to go back to: "front desk" is offered.
      await page.goto(`${hearth.url}#/residents/${resident.id}`);
      await expect(failed).toBeVisible();
      await expect(button('back')).toHaveCount(0);
      await button('home').click();
      await expect(home.heading).toBeVisible();

      // "Try again" asks the core again: still broken, then mended.
      await page.goto(`${hearth.url}#/residents/${resident.id}`);
      await expect(failed).toBeVisible();
      const before = asked;
      await button('retry').click();
      await expect.poll(() => asked).toBeGreaterThan(before);
      await expect(failed).toBeVisible();
      await expect(failed).toBeFocused();
      await page.unroute('**/api/call/residents.get', broken);
      await button('retry').click();
      await expect(page.getByRole('heading', { level: 1, name: c.resident.lastName })).toBeVisible();
      await expect(failed).toHaveCount(0);
    });
  });
}

test.describe('an error outside any screen', () => {
  test.use({ setUp: centre('ru', 'Сылва') });

  test('shows the message instead of a blank window (ru)', async ({ page, hearth }) => {
    const logged: string[] = [];
    page.on('console', (m) => logged.push(m.text()));
    // The session status that the whole app hangs on, broken: no screen's boundary is around it.
    await page.route('**/api/call/app.status', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { ok: boolean; value: Record<string, unknown> };
      await route.fulfill({ response, json: { ...body, value: { ...body.value, session: null } } });
    });
    await page.context().addInitScript(() => window.localStorage.setItem('hearth.language', 'ru'));
    await page.goto(hearth.openUrl);
    const t = translator('ru');
    const failed = page.getByRole('heading', { level: 1, name: t('common:screenError.title') });
    await expect(failed).toBeVisible();
    await expect(failed).toBeFocused();
    await expect(page.getByText(t('common:screenError.safe'))).toBeVisible();
    await expect(page.getByRole('button', { name: t('common:screenError.home'), exact: true })).toBeVisible();

    const reports = logged.filter((line) => line.startsWith(REPORT));
    expect(reports).toHaveLength(1);
    expect(JSON.parse((reports[0] ?? '').slice(REPORT.length))).toMatchObject({ name: 'TypeError', route: null });
    for (const line of logged) expect(line).not.toContain('Сылва');
  });
});
