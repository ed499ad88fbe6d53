import { test, expect, openApp, centre } from './fixtures';
import { artifactPath } from './paths';
import { dateField, fillDate } from './pages';

/**
 * "Who opened this resident's record in March?": a record is opened, then the admin finds that
 * view in the audit log by the resident's name and the month; another resident's view is not
 * listed, and the chain check says the log is intact.
 */
test.describe('audit log (ru)', () => {
  test.use({ setUp: centre('ru', 'Центр поддержки жителей Сылвы') });

  test('finds the view of a resident’s record by name and month', async ({ page, hearth }, testInfo) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const status = await hearth.call('app.status', {});
    const month = status.today.slice(0, 7);
    const seraphima = await hearth.call('residents.create', {
      lastName: 'Зябликова',
      firstName: 'Серафима',
      patronymic: 'Ильинична',
      settlement: 'Сылва',
      street: 'Кооперативная',
      house: '7',
      phones: ['+7 912 555 01 02'],
      notes: 'Плохо слышит, звонить громко',
    });
    const other = await hearth.call('residents.create', { lastName: 'Иванов', firstName: 'Пётр', settlement: 'Кын' });

    const t = await openApp(page, hearth, { language: 'ru', route: `/residents/${seraphima.id}` });
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Зябликова');
    await page.goto(`${hearth.url}#/residents/${other.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Иванов');

    await page.goto(`${hearth.url}#/admin/audit`);
    await expect(page.getByRole('heading', { level: 1, name: t('audit:title') })).toBeVisible();
    const picker = page.getByRole('combobox', { name: t('audit:filters.resident') });
    await expect(picker).toBeFocused();
    await picker.fill('зяблик');
    await expect(page.getByRole('option', { name: /Зябликова Серафима/ })).toBeVisible();
    await picker.press('Enter');
    await expect(page.getByText('Зябликова Серафима Ильинична')).toBeVisible();
    await fillDate(dateField(page, t('audit:filters.month')), month);

    const rows = page.locator('table.audit-table tbody tr');
    const view = rows.filter({ hasText: t('audit:actions.view') });
    await expect(view).toHaveCount(1);
    await expect(view).toContainText(status.user.name);
    await expect(view).toContainText(`${t('audit:entities.residents')} № ${seraphima.id}`);
    await expect(rows.filter({ hasText: t('audit:actions.create') })).toHaveCount(1); // the registration
    await expect(rows.filter({ hasText: `№ ${other.id}` })).toHaveCount(0);
    // The log keeps no names, phones or notes: the table shows none of them.
    await expect(page.locator('table.audit-table')).not.toContainText('Кооперативная');
    await expect(page.locator('table.audit-table')).not.toContainText('Плохо слышит');

    // Another month: nothing.
    await fillDate(dateField(page, t('audit:filters.month')), '2020-03');
    await expect(page.getByText(t('audit:found.none'))).toBeVisible();
    await fillDate(dateField(page, t('audit:filters.month')), month);
    await expect(view).toHaveCount(1);

    await page.getByRole('button', { name: t('audit:verify.button') }).click();
    const chain = await hearth.call('audit.verify', {});
    expect(chain.ok).toBe(true);
    await expect(page.getByRole('status')).toHaveText(t('audit:verify.ok', { count: chain.count }));

    await page.screenshot({ path: testInfo.outputPath('audit-ru.png') });
    await page.screenshot({ path: artifactPath('audit-ru.png') });
  });
});
