import { test, expect, openApp, centre } from './fixtures';
import { ownString } from './i18n';
import { artifactPath } from './paths';

/**
 * Duplicates and merging (issue 15), in Ukrainian: the same woman registered twice, once in
 * Cyrillic and once transliterated with her surname first in the wrong field; the duplicates list
 * shows the pair with its verdict and reasons, the merge screen shows both records side by side,
 * the phone is taken from the other record, and her page says what was merged into it, with the
 * other record's request now hers.
 */
test.describe('duplicates and merging (uk)', () => {
  test.use({ setUp: centre('uk', 'Черкаський центр') });

  test('find the pair, compare, pick values, merge', async ({ page, hearth }) => {
    for (const key of ['residents:duplicatesList.title', 'residents:merge.title', 'residents:merge.confirm', 'residents:matcher.verdict.same', 'residents:matcher.reason.transliterated']) {
      expect(ownString('uk', key), key).not.toBe(ownString('en', key));
    }
    const olena = await hearth.call('residents.create', { lastName: 'Щербина', firstName: 'Олена', patronymic: 'Петрівна', birthYear: 1961, settlement: 'Черкаси', street: 'Шевченка', house: '12', phones: ['+380 67 111 22 33'] });
    const twin = await hearth.call('residents.create', { lastName: 'Olena', firstName: 'Shcherbyna', birthYear: 1961, settlement: 'Cherkasy', phones: ['+380 50 444 55 66'] });
    await hearth.call('residents.create', { lastName: 'Щербина', firstName: 'Василь', birthYear: 1958, settlement: 'Черкаси', street: 'Шевченка', house: '12' });
    const kinds = await hearth.call('catalogue.list', {});
    await hearth.call('requests.create', { residentId: twin.id, kindId: kinds[0]?.id ?? 0, description: 'Продуктовий набір' });

    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'uk', route: '/residents' });
    await page.getByRole('link', { name: t('residents:duplicatesList.open') }).click();
    await expect(page.getByRole('heading', { name: t('residents:duplicatesList.title'), level: 1 })).toBeVisible();
    const pairs = page.getByRole('list', { name: t('residents:duplicatesList.pairs') });
    const pair = pairs.getByRole('listitem').filter({ hasText: 'Щербина Олена Петрівна' });
    await expect(pair).toHaveCount(1);
    await expect(pair).toContainText(t('residents:matcher.verdict.same'));
    await expect(pair).toContainText(t('residents:matcher.reason.transliterated'));
    await expect(pair).toContainText(t('residents:matcher.reason.wordOrder'));
    // The husband is not listed as her duplicate.
    await expect(pairs.getByText('Щербина Василь')).toHaveCount(0);
    await page.screenshot({ path: artifactPath('duplicates-list-uk.png') });

    await pair.getByRole('link', { name: t('residents:duplicatesList.compare') }).click();
    await expect(page.getByRole('heading', { name: t('residents:merge.title'), level: 1 })).toBeVisible();
    // Keep her phone from the other record (the newer number), the rest from the Cyrillic record.
    await page.getByRole('radio', { name: `${t('residents:form.phone')}: +380 50 444 55 66` }).check();
    await page.screenshot({ path: artifactPath('duplicates-merge-uk.png') });
    await page.getByRole('button', { name: t('residents:merge.confirm') }).click();

    await expect(page.getByRole('heading', { name: 'Щербина Олена Петрівна', level: 1 })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/residents/${olena.id}$`));
    await expect(page.getByText('+380 50 444 55 66')).toBeVisible();
    await expect(page.getByText(t('residents:merge.mergedFrom'))).toBeVisible();
    await expect(page.getByText(/Olena Shcherbyna, 1961/)).toBeVisible();
    await expect(page.getByText('Продуктовий набір')).toBeVisible();
    await page.screenshot({ path: artifactPath('duplicates-merged-page-uk.png'), fullPage: true });
  });
});
