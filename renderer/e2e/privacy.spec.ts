import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { test, expect, openApp, centre } from './fixtures';
import { ownString } from './i18n';
import { artifactPath } from './paths';

/**
 * Privacy at the resident's page, in Russian: record a consent covering health, write the health
 * needs (the field is disabled before), export the person's data (a ZIP download), erase them by
 * typing their name; afterwards the name is found nowhere.
 */
const PERSON = { lastName: 'Щукарёва', firstName: 'Евлампия', patronymic: 'Феоктистовна' };
const FULL = `${PERSON.lastName} ${PERSON.firstName} ${PERSON.patronymic}`;
const NEEDS = 'инсулин утром, не поднимается на второй этаж';

test.describe('privacy (ru)', () => {
  test.use({ setUp: centre('ru', 'Сылвенский центр') });

  test('consent, health needs, export, erasure', async ({ page, hearth }) => {
    for (const key of ['privacy:consent.title', 'privacy:consent.record', 'privacy:scope.health', 'privacy:health.label', 'privacy:person.erase']) {
      expect(ownString('ru', key), key).not.toBe(ownString('en', key));
    }
    const resident = await hearth.call('residents.create', { ...PERSON, settlement: 'Сылва', street: 'Заречная', house: '7', phones: ['+7 912 555-01-23'] });
    await hearth.call('residents.create', { lastName: 'Хвостикова', firstName: 'Олимпиада', settlement: 'Сылва' });
    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'ru', route: `/residents/${resident.id}/edit` });

    // Before any consent the health field is disabled, and says why.
    const health = page.getByLabel(t('privacy:health.label'));
    await expect(health).toBeDisabled();
    await expect(page.getByText(t('privacy:health.disabled'))).toBeVisible();

    // Record a consent that covers health.
    await page.goto(`${hearth.url}#/residents/${resident.id}`);
    await expect(page.getByRole('heading', { name: FULL, exact: true })).toBeVisible();
    const panel = page.getByRole('region', { name: t('privacy:consent.title') });
    await panel.getByRole('button', { name: t('privacy:consent.record') }).click();
    await expect(panel.getByLabel(t('privacy:consent.basis'))).toBeFocused();
    await panel.getByRole('checkbox', { name: t('privacy:scope.health') }).check();
    // Legitimate interest does not cover health: privacy.recordConsent's schema says so at once, Save waits.
    const basis = panel.getByLabel(t('privacy:consent.basis'));
    await basis.selectOption('legitimateInterest');
    await expect(panel.getByText(t('common:validation.healthBasis'))).toBeVisible();
    await expect(panel.getByRole('button', { name: t('privacy:consent.save') })).toBeDisabled();
    await basis.selectOption('consent');
    await expect(panel.getByText(t('common:validation.healthBasis'))).toHaveCount(0);
    await panel.getByLabel(t('privacy:consent.note')).fill('бланк в папке 3');
    await panel.screenshot({ path: artifactPath('privacy-consent-form-ru.png') });
    await panel.getByRole('button', { name: t('privacy:consent.save') }).click();
    await expect(panel.getByRole('button', { name: t('privacy:consent.save') })).toHaveCount(0);
    await expect(panel.getByRole('listitem').getByText(t('privacy:basis.consent'), { exact: true })).toBeVisible();
    await expect(panel.getByRole('button', { name: t('privacy:consent.withdraw') })).toBeVisible();

    // Now the health needs can be written down.
    await page.getByRole('link', { name: t('common:edit') }).click();
    await expect(health).toBeEnabled();
    await health.fill(NEEDS);
    await page.getByRole('button', { name: t('common:save'), exact: true }).click();
    await expect(page.getByRole('heading', { name: FULL, exact: true })).toBeVisible();
    await expect(page.getByText(NEEDS)).toBeVisible();
    await page.screenshot({ path: artifactPath('privacy-consent-ru.png'), fullPage: true });

    // The admin exports the person's data: a ZIP with JSON and the Russian summary.
    const actions = page.getByRole('region', { name: t('privacy:person.title') });
    await actions.getByRole('button', { name: t('privacy:person.export') }).click();
    const downloadLink = actions.getByRole('link', { name: t('privacy:person.download') });
    await expect(downloadLink).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), downloadLink.click()]);
    const zip = unzipSync(readFileSync(await download.path()));
    const json = JSON.parse(strFromU8(zip['person.json'] as Uint8Array));
    const html = strFromU8(zip['person.html'] as Uint8Array);
    expect(json.person).toMatchObject({ lastName: PERSON.lastName, healthNeeds: NEEDS });
    expect(html).toContain(t('privacy:export.sections.consents'));
    expect(html).not.toContain('Хвостикова');

    // Erase, confirmed by typing the name (case and ё do not matter).
    await actions.getByRole('button', { name: t('privacy:person.erase') }).click();
    const dialog = page.getByRole('dialog', { name: t('privacy:person.eraseTitle', { name: FULL }) });
    const confirm = dialog.getByRole('button', { name: t('privacy:person.eraseConfirm') });
    await expect(confirm).toBeDisabled();
    const typed = dialog.getByLabel(t('privacy:person.eraseType', { name: FULL }));
    await typed.fill('щукарева евлампия');
    await expect(confirm).toBeDisabled();
    await typed.fill('щукарева евлампия феоктистовна');
    await page.screenshot({ path: artifactPath('privacy-erase-dialog-ru.png') });
    await confirm.click();
    await expect(page.getByRole('heading', { name: t('privacy:person.erasedName', { id: resident.id }) })).toBeVisible();
    await expect(page.locator('body')).not.toContainText(PERSON.lastName);
    await page.screenshot({ path: artifactPath('privacy-erased-ru.png') });

    // Nobody finds her by name any more; the other resident still is.
    await page.goto(`${hearth.url}#/residents`);
    const search = page.getByLabel(t('residents:search.label'));
    await search.fill('щукар');
    await expect(page.getByText(t('residents:search.none', { query: 'щукар' }))).toBeVisible();
    await search.fill('хвост');
    await expect(page.getByText(/Хвостикова Олимпиада/).first()).toBeVisible();
    expect(await hearth.call('residents.search', { q: PERSON.lastName })).toEqual([]);

    // The retention screen opens for the admin (nothing is past its time in a new centre).
    await page.goto(`${hearth.url}#/admin/privacy`);
    await expect(page.getByRole('heading', { name: t('privacy:title'), level: 1 })).toBeVisible();
    await expect(page.getByText(t('privacy:review.noResidents'))).toBeVisible();
    await page.screenshot({ path: artifactPath('privacy-retention-ru.png'), fullPage: true });
  });
});

/**
 * The retention screen in Greek: a resident whose last contact was years ago and a long-closed
 * request with notes are listed (the dates are moved back in the file, as time would); the admin
 * blanks the notes, then anonymises the resident.
 */
test.describe('retention (el)', () => {
  test.use({ setUp: centre('el', 'Κέντρο Σύλβας') });

  test('lists what is past its time and anonymises the chosen ones', async ({ page, hearth }) => {
    const old = await hearth.call('residents.create', { lastName: 'Παπαδοπούλου', firstName: 'Αθηνά', settlement: 'Σύλβα', phones: ['+30 694 123 4567'] });
    const recent = await hearth.call('residents.create', { lastName: 'Γεωργίου', firstName: 'Ελένη', settlement: 'Σύλβα' });
    const kinds = await hearth.call('catalogue.list', { includeArchived: false });
    const firewood = kinds.find((k) => k.code === 'firewood')?.id ?? 0;
    const request = await hearth.call('requests.create', { residentId: old.id, kindId: firewood, urgency: 'normal', channel: 'walkIn', description: 'Καυσόξυλα, δύο κυβικά' });
    await hearth.call('requests.setStatus', { id: request.id, status: 'done', note: 'Παραδόθηκαν' });
    // Time passes: her registration and request move back to 2021 (another connection, WAL mode).
    const db = new Database(path.join(hearth.dataDir, 'hearth.sqlite'));
    db.pragma('busy_timeout = 5000');
    db.prepare("update residents set created_at = '2021-03-01T10:00:00.000Z' where id = ?").run(old.id);
    db.prepare("update requests set created_on = '2021-03-01', created_at = '2021-03-01T10:00:00.000Z', updated_at = '2021-04-01T10:00:00.000Z' where id = ?").run(request.id);
    db.close();

    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'el', route: '/admin/privacy' });
    await expect(page.getByRole('heading', { name: t('privacy:title'), level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Παπαδοπούλου Αθηνά' })).toBeVisible();
    await expect(page.getByRole('link', { name: /Γεωργίου/ })).toHaveCount(0);
    await expect(page.getByRole('checkbox', { name: t('privacy:review.requestLabel', { id: request.id }) })).toBeVisible();
    await page.screenshot({ path: artifactPath('privacy-retention-el.png'), fullPage: true });

    // Blank the notes of the closed request.
    await page.getByRole('checkbox', { name: t('privacy:review.requestLabel', { id: request.id }) }).check();
    await page.getByRole('button', { name: t('privacy:review.clear', { count: 1 }) }).click();
    await page.getByRole('button', { name: t('privacy:review.clearConfirm', { count: 1 }) }).click();
    await expect(page.getByText(t('privacy:review.noNotes'))).toBeVisible();
    expect(await hearth.call('requests.get', { id: request.id })).toMatchObject({ description: '', status: 'done' });

    // Anonymise the resident.
    await page.getByRole('checkbox', { name: 'Παπαδοπούλου Αθηνά' }).check();
    await page.getByRole('button', { name: t('privacy:review.anonymise', { count: 1 }) }).click();
    await page.getByRole('button', { name: t('privacy:review.anonymiseConfirm', { count: 1 }) }).click();
    await expect(page.getByText(t('privacy:review.noResidents'))).toBeVisible();
    expect(await hearth.call('residents.search', { q: 'παπαδοπ' })).toEqual([]);
    expect((await hearth.call('residents.get', { id: recent.id })).resident.lastName).toBe('Γεωργίου');
  });
});
