import { test, expect, openApp } from './fixtures';
import { artifactPath } from './paths';

/**
 * The shared data table (renderer/ui/DataTable.tsx, issue 16): a long list sorts by a column
 * from the keyboard (the header says its order with aria-sort), draws only the rows in view, and
 * a focused row opens with Enter (or Space).
 */
test.use({ demo: true, demoLanguage: 'ru' });

const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

test('residents: sort by name and by year of birth with the keyboard, aria-sort, Enter and Space open a row', async ({ page, hearth }) => {
  const all = await hearth.call('residents.search', { q: '', limit: 500 });
  expect(all.length, 'the demo village has a long list').toBeGreaterThanOrEqual(60);
  const t = await openApp(page, hearth, { language: 'ru', route: '/residents' });
  const table = page.getByRole('main').getByRole('table', { name: t('residents:title') });
  const rows = table.locator('tbody').getByRole('row');
  await expect(rows.first()).toBeVisible();
  // Long: only the rows in view are drawn.
  expect(await rows.count()).toBeLessThan(all.length);

  const nameHeader = table.getByRole('columnheader', { name: t('residents:columns.name') });
  const bornHeader = table.getByRole('columnheader', { name: t('residents:columns.born') });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'none');
  // A column without a value to sort by has no aria-sort.
  await expect(table.getByRole('columnheader', { name: t('residents:columns.phone') })).not.toHaveAttribute('aria-sort', /.*/);

  // Tab from the search box reaches the first header's button; Enter sorts A to Я.
  await page.getByLabel(t('residents:search.label')).focus();
  let presses = 0;
  while (!(await nameHeader.getByRole('button').evaluate((el) => el === document.activeElement)) && presses < 8) {
    await page.keyboard.press('Tab');
    presses++;
  }
  await expect(nameHeader.getByRole('button')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  const names = all.map((r) => r.fullName).sort(collator.compare);
  await expect(rows.first()).toHaveAttribute('aria-label', names[0] as string);
  await expect(rows.nth(1)).toHaveAttribute('aria-label', names[1] as string);
  // Enter again: Я to A.
  await page.keyboard.press('Enter');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first()).toHaveAttribute('aria-label', names[names.length - 1] as string);

  // Another column: the year of birth, oldest first (Space on its button); the name column goes back to none.
  await page.keyboard.press('Tab');
  await expect(bornHeader.getByRole('button')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(bornHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'none');
  const oldest = Math.min(...all.flatMap((r) => (r.birthYear === null ? [] : [r.birthYear])));
  await expect(rows.first().getByRole('cell').nth(1)).toHaveText(String(oldest));

  await page.screenshot({ path: artifactPath('tables-residents-sorted-ru.png') });

  // Tab goes on into the rows (one Tab stop: the first row), ↓ moves, Enter opens the focused row.
  let steps = 0;
  while ((await page.evaluate(() => document.activeElement?.tagName)) !== 'TR' && steps < 10) {
    await page.keyboard.press('Tab');
    steps++;
  }
  const focused = page.locator('tr:focus');
  await expect(focused).toHaveAttribute('aria-rowindex', '2');
  await page.keyboard.press('ArrowDown');
  await expect(focused).toHaveAttribute('aria-rowindex', '3');
  const second = await focused.getAttribute('aria-label');
  const person = all.find((r) => r.fullName === second);
  if (!person) throw new Error(`no resident named ${second}`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/residents/${person.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(person.fullName);

  // Back on the list, Space opens a row too.
  await page.goBack();
  await expect(rows.first()).toBeVisible();
  await rows.first().focus();
  const first = await rows.first().getAttribute('aria-label');
  const firstPerson = all.find((r) => r.fullName === first);
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(new RegExp(`#/residents/${firstPerson?.id}$`));
});
