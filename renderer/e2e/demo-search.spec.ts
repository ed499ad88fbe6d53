import { test, expect, openApp } from './fixtures';
import { HomePage } from './pages';

/**
 * On the demo database (seeded with `hearth demo`), the front desk finds Greek, Polish and
 * Ukrainian residents typed the way a volunteer types in a hurry: lower case, no accents, ł as l.
 */
test.use({ demo: true, demoLanguage: 'el' });

/**
 * What a hurried volunteer types: lower case, Latin and Greek accents dropped, ł → l (Cyrillic
 * letters such as й and ї are typed as they are). Written here, not taken from the app's fold().
 */
function typedLikeAVolunteer(name: string): string {
  return name
    .normalize('NFD')
    .replace(/([\p{Script=Latin}\p{Script=Greek}])\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/ł/g, 'l');
}

test('finds demo residents written in Greek, Polish and Ukrainian from unaccented lower case', async ({ page, hearth }) => {
  const all = await hearth.call('residents.search', { q: '', limit: 500 });
  expect(all.length, 'the demo database has residents').toBeGreaterThan(50);
  const pick = (re: RegExp) => all.find((r) => re.test(r.fullName));
  const samples = [
    pick(/^\p{Script=Greek}+[άέήίόύώ]/u) ?? pick(/\p{Script=Greek}/u),
    pick(/^[\p{Script=Latin}]*[łśżźćńóąę]/u) ?? pick(/^\p{Script=Latin}/u),
    pick(/^[\p{Script=Cyrillic}]*[їієґ]/u),
  ].filter((r) => r !== undefined);
  expect(samples.length, 'demo data has Greek, Polish and Ukrainian names').toBe(3);

  const t = await openApp(page, hearth, { language: 'el' });
  const home = new HomePage(page, t);
  await expect(home.search).toBeFocused();
  for (const resident of samples) {
    const [last = '', first = ''] = resident.fullName.split(' ');
    const typed = `${typedLikeAVolunteer(last).slice(0, 6)} ${typedLikeAVolunteer(first).slice(0, 3)}`;
    test.info().annotations.push({ type: 'typed', description: `"${typed}" → ${resident.fullName}` });
    await home.search.fill(typed);
    await expect(home.results.getByText(resident.fullName, { exact: true }), `"${typed}" finds ${resident.fullName}`).toBeVisible();
  }
});
