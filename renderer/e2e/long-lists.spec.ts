import { test, expect, openApp } from './fixtures';
import { HomePage } from './pages';

/**
 * Long lists at scale (issue 11): the request list pages from the core and draws only the rows in
 * view, and works by keyboard as a table should; the front-desk search never shows a late answer
 * for text that has been typed over.
 */
test.use({ demo: true, demoLanguage: 'ru' });

test('request list: pages from the core, draws only the rows in view, one Tab stop, arrows, End and Enter', async ({ page, hearth }) => {
  const t = await openApp(page, hearth, { language: 'en', route: '/requests' });
  const all = await hearth.call('requests.list', { statuses: [], limit: 1 });
  expect(all.total, 'the demo has more requests than one page').toBeGreaterThan(150);
  await page.getByLabel(t('requests:filters.status')).selectOption('all');
  await expect(page.getByText(t('requests:found', { count: all.total }), { exact: true })).toBeVisible();

  // A screen reader hears how many rows there are; the page holds only those in view.
  const table = page.getByRole('main').getByRole('table', { name: t('requests:title') });
  await expect(table).toHaveAttribute('aria-rowcount', String(all.total + 1));
  const rows = table.locator('tbody').getByRole('row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(60);

  // Tab reaches the table once, on its first row.
  await page.getByLabel(t('requests:filters.status')).focus();
  let presses = 0;
  while ((await page.evaluate(() => document.activeElement?.tagName)) !== 'TR' && presses < 12) {
    await page.keyboard.press('Tab');
    presses++;
  }
  const focused = page.locator('tr:focus');
  await expect(focused).toHaveAttribute('aria-rowindex', '2');
  await page.keyboard.press('ArrowDown');
  await expect(focused).toHaveAttribute('aria-rowindex', '3');
  await page.keyboard.press('ArrowUp');
  await expect(focused).toHaveAttribute('aria-rowindex', '2');

  // End: the last loaded row (the first page of 100); ↓ from there goes on into the next page.
  await page.keyboard.press('End');
  await expect(focused).toHaveAttribute('aria-rowindex', '101');
  await page.keyboard.press('ArrowDown');
  await expect(focused).toHaveAttribute('aria-rowindex', '102');
  await page.keyboard.press('PageDown');
  await expect(focused).toHaveAttribute('aria-rowindex', '112');
  expect(await rows.count()).toBeLessThan(60);
  await expect(focused).toBeInViewport();

  // Tab leaves the table (no other row is a Tab stop).
  await page.keyboard.press('Tab');
  await expect(page.locator('tr:focus')).toHaveCount(0);
  await page.keyboard.press('Shift+Tab');
  await expect(focused).toHaveAttribute('aria-rowindex', '112');

  // Enter opens the request of that row.
  // (Its accessible name is "Request {{id}}: …".)
  const id = Number(/(\d+)/.exec((await focused.getAttribute('aria-label')) ?? '')?.[1]);
  expect(id).toBeGreaterThan(0);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/requests/${id}$`));
});

test('front desk: an answer that arrives late for older text is never shown', async ({ page, hearth }) => {
  const all = await hearth.call('residents.search', { q: '', limit: 200 });
  const person = all.find((r) => /^\p{Script=Cyrillic}{5,}/u.test(r.fullName));
  if (!person) throw new Error('the demo has Cyrillic names');
  const lastName = person.fullName.split(' ')[0] as string;
  const first = lastName.slice(0, 1);
  const expected = (await hearth.call('residents.search', { q: lastName, limit: 8 })).map((r) => r.fullName);
  const early = (await hearth.call('residents.search', { q: first, limit: 8 })).map((r) => r.fullName);
  expect(early, 'the first letter and the whole name find different people').not.toEqual(expected);

  // The answer for the first letter is held back until well after the rest has been typed.
  let held = 0;
  await page.route('**/api/call/residents.search', async (route) => {
    const body = route.request().postDataJSON() as { q?: string };
    if (body.q === first) {
      held++;
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    }
    await route.continue();
  });

  const t = await openApp(page, hearth, { language: 'ru' });
  const home = new HomePage(page, t);
  await expect(home.search).toBeFocused();
  const heldRequest = page.waitForRequest((r) => r.url().endsWith('/api/call/residents.search') && (r.postDataJSON() as { q?: string }).q === first);
  await home.search.pressSequentially(first);
  await heldRequest;
  await home.search.pressSequentially(lastName.slice(1), { delay: 60 });
  const names = home.results.locator('.result-name');
  await expect(names).toHaveText(expected);
  // Long after the held answer has come: still the answer for what the box holds.
  await page.waitForTimeout(2_000);
  expect(held).toBe(1);
  await expect(names).toHaveText(expected);

  // Enter opens the first of them.
  await page.keyboard.press('Enter');
  const firstId = (await hearth.call('residents.search', { q: lastName, limit: 8 }))[0]?.id;
  await expect(page).toHaveURL(new RegExp(`#/residents/${firstId}$`));
});
