import { test, expect, openApp, centre } from './fixtures';

/**
 * The admin makes a manual backup, a resident is added, the backup is restored: the resident is
 * gone and the backup taken just before the restore is listed.
 */
test.use({ setUp: centre('ru', 'Центр помощи жителям Сылвы') });

test('manual backup, add a resident, restore: the resident is gone and the pre-restore backup is listed', async ({ page, hearth }) => {
  await hearth.call('residents.create', { lastName: 'Иванов', firstName: 'Пётр', settlement: 'Сылва' });
  const t = await openApp(page, hearth, { language: 'ru', route: '/backups' });

  await expect(page.getByRole('heading', { level: 1, name: t('backups:title') })).toBeVisible();
  await page.getByRole('button', { name: t('backups:now.button') }).click();
  await expect(page.getByRole('status').filter({ hasText: t('backups:now.done', { when: '' }).replace(/\s*\.?$/, '').trim() })).toBeVisible();
  const rows = page.locator('table.data-table tbody tr');
  await expect(rows.filter({ hasText: t('backups:kinds.manual') })).toHaveCount(1);

  // A resident added after the backup.
  await hearth.call('residents.create', { lastName: 'Łukasz', firstName: 'Żółć', settlement: 'Сылва' });
  expect(await hearth.call('residents.search', { q: 'lukasz' })).toHaveLength(1);

  await page.reload();
  await rows.filter({ hasText: t('backups:kinds.manual') }).getByRole('button', { name: t('backups:list.restore') }).click();
  await page.getByRole('button', { name: t('backups:restore.check') }).click();
  await expect(page.locator('.restore-panel')).toContainText('Центр помощи жителям Сылвы');
  await page.getByRole('button', { name: t('backups:restore.confirm') }).click();
  await expect(page.getByText(t('backups:restore.done'))).toBeVisible();

  expect(await hearth.call('residents.search', { q: 'lukasz' })).toHaveLength(0);
  expect(await hearth.call('residents.search', { q: 'иванов' })).toHaveLength(1);
  await expect(rows.filter({ hasText: t('backups:kinds.preRestore') })).toHaveCount(1);

  // And the UI shows the restored data.
  await page.goto(`${hearth.url}#/residents`);
  await expect(page.getByText('Иванов Пётр')).toBeVisible();
  await expect(page.getByText('Łukasz Żółć')).toHaveCount(0);
});
