import { test, expect, openApp, centre } from './fixtures';
import { HomePage, NewRequestPage, RequestPage } from './pages';
import { ownString, type Lng } from './i18n';
import { artifactPath } from './paths';
import type { ResidentInput } from '../../shared/domain/residents';

/**
 * A walk-in logged with the keyboard alone, in a non-English UI: Alt+N, type part of the name in
 * lowercase without accents, arrows + Enter, arrows for the kind, Tab and arrows through urgency
 * and channel, type the description, Ctrl+Enter. The whole thing must take well under 30 seconds.
 */
interface WalkIn {
  lng: Lng;
  resident: ResidentInput;
  /** Someone with a similar name, listed before the resident we want. */
  other: ResidentInput;
  typed: string;
  description: string;
}

const WALK_INS: WalkIn[] = [
  {
    lng: 'el',
    resident: { lastName: 'Παπαδοπούλου', firstName: 'Αθηνά', phones: ['+30 694 123 4567'], settlement: 'Σύλβα' },
    other: { lastName: 'Παπαδόπουλος', firstName: 'Γιώργος', phones: ['+30 694 765 4321'], settlement: 'Σύλβα' },
    typed: 'παπαδοπ',
    description: 'Τελείωσαν τα καυσόξυλα, χρειάζεται δύο κυβικά.',
  },
  {
    lng: 'ru',
    resident: { lastName: 'Кузнецова', firstName: 'Анна', patronymic: 'Ивановна', phones: ['+7 912 345-67-89'], settlement: 'Сылва' },
    other: { lastName: 'Кузнецов', firstName: 'Алексей', patronymic: 'Петрович', phones: ['+7 912 111-22-33'], settlement: 'Сылва' },
    typed: 'кузнец',
    description: 'Закончились дрова, нужно два куба.',
  },
];

/** Keys whose texts this test shows; each must exist in the language itself, not fall back to English. */
const KEYS = [
  'requests:newTitle',
  'requests:form.resident',
  'requests:form.kind',
  'requests:form.urgency',
  'requests:form.channel',
  'requests:form.description',
  'requests:form.save',
  'requests:created',
  'frontdesk:title',
  'frontdesk:queueTitle',
  'catalogue:kinds.firewood',
  'common:urgency.urgent',
];

for (const w of WALK_INS) {
  test.describe(`walk-in, keyboard only (${w.lng})`, () => {
    test.use({ setUp: centre(w.lng, 'Sylva') });

    test(`logs a request with the keyboard alone in ${w.lng}`, async ({ page, hearth }) => {
      for (const key of KEYS) {
        expect(ownString(w.lng, key), `${w.lng} translation of ${key}`).toBeTruthy();
        expect(ownString(w.lng, key), `${w.lng} ${key} is still English`).not.toBe(ownString('en', key));
      }
      const resident = await hearth.call('residents.create', w.resident);
      await hearth.call('residents.create', w.other);
      const kinds = await hearth.call('catalogue.list', { includeArchived: false });
      const firewood = kinds.find((k) => k.code === 'firewood');
      expect(firewood).toBeDefined();

      const t = await openApp(page, hearth, { language: w.lng });
      const home = new HomePage(page, t);
      const form = new NewRequestPage(page, t);
      await expect(home.heading).toBeVisible();
      await expect(home.search).toBeFocused();

      // ---- keyboard only from here ----
      const started = Date.now();
      let paused = 0;
      await page.keyboard.press('Alt+n');
      await expect(form.heading).toHaveText(t('requests:newTitle'));
      expect(await form.heading.textContent()).not.toBe(ownString('en', 'requests:newTitle'));
      await expect(form.resident).toBeFocused();

      await page.keyboard.type(w.typed);
      const wanted = form.residentOptions.filter({ hasText: resident.fullName });
      await expect(wanted).toBeVisible();
      const active = form.residentOptions.and(page.locator('[aria-selected="true"]'));
      for (let i = 0; i < 10 && !((await active.textContent()) ?? '').includes(resident.fullName); i++) {
        await page.keyboard.press('ArrowDown');
      }
      await expect(active).toContainText(resident.fullName);
      await page.keyboard.press('Enter');

      // Picking the resident moves the focus to the kind of help.
      await expect(page.getByText(resident.fullName, { exact: true })).toBeVisible();
      await expect(form.kind).toBeFocused();
      const firewoodLabel = t('catalogue:kinds.firewood');
      await expect(form.kind.locator('option', { hasText: firewoodLabel })).toBeAttached();
      const options = (await form.kind.locator('option').allTextContents()).map((s) => s.trim());
      const steps = options.indexOf(firewoodLabel);
      expect(steps).toBeGreaterThan(0);
      for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
      await expect(form.kind).toHaveValue(String(firewood?.id));

      // Urgency: Tab lands on the checked radio ("normal"), → moves to "urgent".
      await page.keyboard.press('Tab');
      await expect(form.urgency.getByRole('radio', { name: t('common:urgency.normal'), exact: true })).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await expect(form.urgency.getByRole('radio', { name: t('common:urgency.urgent'), exact: true })).toBeChecked();
      // Channel: walk-in is already chosen.
      await page.keyboard.press('Tab');
      await expect(form.channel.getByRole('radio', { name: t('common:channel.walkIn'), exact: true })).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(form.description).toBeFocused();
      await page.keyboard.type(w.description);
      await expect(form.description).toHaveValue(w.description);

      const shotAt = Date.now();
      await page.screenshot({ path: artifactPath(`request-form-${w.lng}.png`), fullPage: true });
      paused += Date.now() - shotAt;

      await page.keyboard.press('Control+Enter');
      await expect(page).toHaveURL(/#\/requests\/\d+$/);
      const id = Number(/#\/requests\/(\d+)$/.exec(page.url())?.[1]);
      const detail = new RequestPage(page, t);
      await expect(detail.notice).toContainText(t('requests:created', { id }));
      const elapsed = Date.now() - started - paused;
      // ---- end of the keyboard-only part ----

      console.log(`[walk-in ${w.lng}] keyboard-only logging took ${(elapsed / 1000).toFixed(2)} s (screenshot time excluded)`);
      test.info().annotations.push({ type: 'timing', description: `keyboard-only walk-in (${w.lng}): ${elapsed} ms` });
      expect(elapsed, 'logging a walk-in must take well under 30 s').toBeLessThan(10_000);

      await expect(detail.heading).toContainText(t('requests:detailTitle', { id, kind: firewoodLabel }));
      const saved = await hearth.call('requests.get', { id });
      expect(saved).toMatchObject({
        residentId: resident.id,
        kindId: firewood?.id,
        urgency: 'urgent',
        channel: 'walkIn',
        status: 'new',
        description: w.description,
      });

      // Back to the front desk (Alt+F): the request is in today's queue.
      await page.keyboard.press('Alt+f');
      await expect(home.heading).toBeVisible();
      const row = home.queue.getByRole('row', { name: t('requests:rowLabel', { id, name: saved.residentName, kind: firewoodLabel }) });
      await expect(row).toBeVisible();
      await expect(row).toContainText(t('common:urgency.urgent'));
      await expect(row).toContainText(t('common:status.new'));
    });
  });
}
