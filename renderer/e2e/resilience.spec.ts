import { test, expect, openApp, centre } from './fixtures';
import { HomePage } from './pages';
import { ownString } from './i18n';
import { CALL_NAMES, contract } from '../../shared/api/contract';
import { ROLES } from '../../shared/api/roles';

test.use({ setUp: centre('uk', 'Центр допомоги') });

test('/api/contract.json lists every call with its roles and input schema', async ({ hearth }) => {
  // The document is public (it holds no data); calls are not.
  const response = await fetch(`${hearth.url}api/contract.json`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/json');
  const doc = (await response.json()) as {
    calls: Array<{ name: string; summary: string; roles: string[]; changes: string[]; input: { type?: string; properties?: Record<string, unknown> } }>;
  };
  expect(doc.calls.map((c) => c.name).sort()).toEqual([...CALL_NAMES].sort());
  for (const call of doc.calls) {
    const def = contract[call.name as keyof typeof contract];
    expect(call.summary, call.name).toBe(def.summary);
    expect(call.roles.length, `${call.name} roles`).toBeGreaterThan(0);
    expect(call.roles, `${call.name} roles`).toEqual([...def.roles]);
    for (const role of call.roles) expect(ROLES).toContain(role);
    expect(call.changes, `${call.name} changes`).toEqual([...def.changes]);
    expect(call.input.type, `${call.name} input schema`).toBe('object');
  }
  const create = doc.calls.find((c) => c.name === 'residents.create');
  expect(Object.keys(create?.input.properties ?? {})).toEqual(expect.arrayContaining(['lastName', 'firstName', 'phones', 'birthYear']));

  const anonymous = await fetch(`${hearth.url}api/call/app.status`, { method: 'POST', body: '{}' });
  expect(anonymous.status).toBe(401);
});

test('shows a translated error, not a stack trace, when the host has stopped', async ({ page, hearth }) => {
  const t = await openApp(page, hearth, { language: 'uk' });
  const home = new HomePage(page, t);
  await expect(home.heading).toBeVisible();
  await expect(home.queueHeading).toBeVisible();

  await hearth.stop();
  await home.search.fill('Шевченко');

  const expected = ownString('uk', 'common:errors.unavailable');
  expect(expected, 'uk common:errors.unavailable').toBeTruthy();
  // The search shows it, and so may each of the day's lists when it refreshes meanwhile: every
  // alert on the page says the same translated sentence.
  const alerts = page.getByRole('alert');
  await expect(alerts.first()).toHaveText(expected as string);
  for (const text of await alerts.allInnerTexts()) expect(text).toBe(expected);
  const text = await page.getByRole('main').innerText();
  expect(text).not.toMatch(/TypeError|Failed to fetch|at \S+ \(|\bstack\b|ECONNREFUSED/i);
});
