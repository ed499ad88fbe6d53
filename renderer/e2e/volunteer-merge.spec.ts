import { test, expect, openApp, centre } from './fixtures';
import { ownString } from './i18n';
import { artifactPath } from './paths';

/**
 * Merging two records of one volunteer (issue 15), in Russian: the same woman registered twice,
 * once in Cyrillic and once transliterated with another phone; from her page "Merge with…", the
 * other record found by phone, the settlement taken from the other record, and her page then shows
 * the other's done task and hours, both phones and the line "merged from".
 */
test.describe('merging volunteers (ru)', () => {
  test.use({ setUp: centre('ru', 'Сылвенский центр') });

  test('from the page, find the other record, pick values, merge', async ({ page, hearth }) => {
    for (const key of ['volunteers:merge.title', 'volunteers:merge.action', 'volunteers:merge.confirm', 'volunteers:merge.mergedFrom']) {
      expect(ownString('ru', key), key).not.toBe(ownString('en', key));
    }
    const olga = await hearth.call('volunteers.create', { lastName: 'Коваленко', firstName: 'Ольга', settlement: 'Сылва', phones: ['+7 922 111-22-33'] });
    const twin = await hearth.call('volunteers.create', { lastName: 'Kovalenko', firstName: 'Olga', settlement: 'Шамары', phones: ['+7 922 444-55-66'] });
    const resident = await hearth.call('residents.create', { lastName: 'Иванова', firstName: 'Мария', birthYear: 1941, settlement: 'Сылва' });
    const kinds = await hearth.call('catalogue.list', {});
    const kind = kinds.find((k) => k.mode === 'volunteer') ?? kinds[0];
    const task = await hearth.call('tasks.create', { residentId: resident.id, kindId: kind?.id ?? 0, scheduledOn: '2026-11-02', volunteerIds: [twin.id] });
    await hearth.call('tasks.complete', { id: task.id, outcome: { doneOn: '2026-11-02', minutes: [{ volunteerId: twin.id, minutes: 90 }], note: '', advances: [] } });

    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'ru', route: `/volunteers/${olga.id}` });
    await expect(page.getByRole('heading', { name: 'Коваленко Ольга', level: 1 })).toBeVisible();
    await page.getByRole('link', { name: t('volunteers:merge.action') }).click();
    await expect(page.getByRole('heading', { name: t('volunteers:merge.title'), level: 1 })).toBeVisible();
    await page.getByLabel(t('volunteers:merge.search')).fill('4445566');
    await page.getByRole('button', { name: 'Kovalenko Olga' }).click();

    await page.getByRole('radio', { name: `${t('volunteers:page.settlement')}: Шамары` }).check();
    await page.screenshot({ path: artifactPath('volunteer-merge-ru.png') });
    await page.getByRole('button', { name: t('volunteers:merge.confirm') }).click();

    await expect(page.getByRole('heading', { name: 'Коваленко Ольга', level: 1 })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/volunteers/${olga.id}$`));
    await expect(page.getByText('+7 922 111-22-33, +7 922 444-55-66')).toBeVisible();
    await expect(page.getByText(t('volunteers:merge.mergedFrom'))).toBeVisible();
    await expect(page.getByText(/Kovalenko Olga —/)).toBeVisible();
    await expect(page.getByRole('link', { name: /Иванова Мария/ }).first()).toBeVisible();
    await page.screenshot({ path: artifactPath('volunteer-merged-page-ru.png'), fullPage: true });
  });
});
