import type { Locator, Page } from '@playwright/test';
import { test, expect, openApp, type Hearth } from './fixtures';
import { artifactPath } from './paths';
import { escapeRegExp } from './i18n';
import { dateField, dateValue, fillDate, monthValue } from './pages';
import { addDays, planDates, type HelpPlan } from '../../shared/domain/plans';

/**
 * The coordinator's screens on the demo database (seeded in Russian, shown in English): the snow
 * day made through the UI and never twice, the regular-care list with the overdue first, reports
 * that say what the API says, and a weekly plan added on a resident's page with its next date.
 */
test.use({ demo: true, demoLanguage: 'ru' });

const LOCALE = 'en-GB';
const utc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), 12);
/** How the plans screens write a day ("Thu, 26 Nov 2026"). */
const dayText = (iso: string) => new Intl.DateTimeFormat(LOCALE, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(utc(iso));
const hoursText = (minutes: number) => new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 }).format(minutes / 60);
const numberText = (n: number) => new Intl.NumberFormat(LOCALE).format(n);
const addMonths = (key: string, n: number) => {
  const index = Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

async function snowTasksOn(hearth: Hearth, date: string): Promise<number> {
  const list = await hearth.call('tasks.list', { from: date, to: date, limit: 1000 });
  return list.items.filter((task) => task.kindCode === 'snowClearing').length;
}

/** The data rows of a table (not the header or footer). */
const bodyRows = (table: Locator) => table.locator('tbody').getByRole('row');

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: artifactPath(name), fullPage: true });
}

test('snow day: the list with proposed volunteers, adjusted and created once', async ({ page, hearth }) => {
  const { today } = await hearth.call('app.status', {});
  // A day without snow-clearing tasks yet (the demo has some in the past days).
  let date = addDays(today, 3);
  for (let i = 3; (await snowTasksOn(hearth, date)) > 0 && i < 40; i++) date = addDays(today, i + 1);
  const preview = await hearth.call('snowDay.preview', { date });
  expect(preview.residents.length, 'the demo snow-clearing list').toBe(20);
  expect(preview.residents.every((r) => r.state === 'new')).toBe(true);
  const tasksBefore = (await hearth.call('tasks.list', { from: date, to: date, limit: 1000 })).total;

  const t = await openApp(page, hearth, { route: '/snow-day' });
  await expect(page.getByRole('heading', { level: 1, name: t('plans:snow.title') })).toBeVisible();
  const dateInput = dateField(page, t('plans:snow.date'));
  await expect(dateInput.getByRole('spinbutton').first()).toBeFocused();
  expect(await dateValue(dateInput)).toBe(today);
  await fillDate(dateInput, date);
  await page.keyboard.press('Enter');

  const list = page.getByRole('region', { name: t('plans:snow.listTitle', { date: dayText(date) }) });
  const table = list.getByRole('table');
  await expect(bodyRows(table)).toHaveCount(20);
  await expect(list.getByText(t('plans:snow.onList', { count: 20 }))).toBeVisible();
  // Every resident of the list, with the volunteer the core proposed selected.
  for (const r of preview.residents) {
    await expect(table.getByText(r.fullName, { exact: true })).toBeVisible();
    const select = table.getByRole('combobox', { name: t('plans:snow.volunteerFor', { name: r.fullName }), exact: true });
    await expect(select).toHaveValue(String(r.volunteerIds[0] ?? ''));
  }
  expect(preview.residents.filter((r) => r.volunteerIds.length > 0).length, 'proposals for the list').toBeGreaterThan(10);
  await expect(page.getByRole('region', { name: t('plans:snow.loadTitle') }).getByRole('table')).toBeVisible();
  await screenshot(page, 'snow-day-en.png');

  // The coordinator changes the first resident's volunteer to someone else.
  const first = preview.residents[0]!;
  const other = preview.volunteers.find((v) => v.id !== first.volunteerIds[0])!;
  await table.getByRole('combobox', { name: t('plans:snow.volunteerFor', { name: first.fullName }), exact: true }).selectOption(String(other.id));

  await page.getByRole('button', { name: t('plans:snow.create', { count: 20 }) }).click();
  const status = page.getByRole('status').filter({ hasText: t('plans:snow.created', { count: 20 }) });
  await expect(status).toContainText(t('plans:snow.existed', { count: 0 }));
  // The list now shows everyone as already planned, and there is nothing left to create.
  await expect(table.getByText(t('plans:snow.state.exists'), { exact: true })).toHaveCount(20);
  await expect(page.getByRole('button', { name: t('plans:snow.create', { count: 0 }) })).toBeDisabled();

  expect(await snowTasksOn(hearth, date)).toBe(20);
  const after = await hearth.call('tasks.list', { from: date, to: date, limit: 1000 });
  expect(after.total).toBe(tasksBefore + 20);
  const firstTask = after.items.find((task) => task.residentId === first.residentId && task.kindCode === 'snowClearing');
  expect(firstTask?.volunteers.map((v) => v.volunteerId)).toEqual([other.id]);

  // Running it again the same day: the existing ones are shown, nothing is made twice.
  await page.reload();
  await fillDate(dateField(page, t('plans:snow.date')), date);
  await page.getByRole('button', { name: t('plans:snow.prepare'), exact: true }).click();
  await expect(table.getByText(t('plans:snow.state.exists'), { exact: true })).toHaveCount(20);
  await expect(page.getByText(t('plans:snow.allExist'))).toBeVisible();
  await expect(page.getByRole('button', { name: t('plans:snow.create', { count: 0 }) })).toBeDisabled();
  await expect(table.getByRole('row').filter({ hasText: first.fullName })).toContainText(other.name);
  // Even a second confirm (another workstation, a double click) makes nothing new.
  const again = await hearth.call('snowDay.confirm', { date, assignments: preview.residents.map((r) => ({ residentId: r.residentId, volunteerIds: r.volunteerIds })) });
  expect([again.created, again.existing]).toEqual([0, 20]);
  expect((await hearth.call('tasks.list', { from: date, to: date, limit: 1000 })).total).toBe(tasksBefore + 20);
});

test('regular care: overdue residents first, in the warning colour, with a filter', async ({ page, hearth }) => {
  const entries = await hearth.call('care.list', {});
  const overdue = entries.filter((e) => e.overdue);
  expect(entries.length, 'residents under regular care in the demo').toBe(15);
  expect(overdue.length, 'the demo has overdue residents').toBeGreaterThan(0);

  const t = await openApp(page, hearth, { route: '/care' });
  await expect(page.getByRole('heading', { level: 1, name: t('plans:care.title') })).toBeVisible();
  const rows = bodyRows(page.getByRole('table'));
  await expect(rows).toHaveCount(entries.length);
  await expect(page.getByText(t('plans:care.overdueCount', { count: overdue.length }))).toBeVisible();
  // The overdue ones come first, most overdue first; nobody after them is overdue.
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    await expect(rows.nth(i)).toContainText(e.fullName);
    if (e.overdue) await expect(rows.nth(i)).toContainText(t('plans:care.overdue', { count: e.daysOverdue }));
  }
  expect(overdue.map((e) => entries.indexOf(e))).toEqual(overdue.map((_, i) => i));
  const days = overdue.map((e) => e.daysOverdue);
  expect(days).toEqual([...days].sort((a, b) => b - a));
  // The warning colour on the overdue text.
  const warn = await rows.nth(0).getByText(t('plans:care.overdue', { count: overdue[0]!.daysOverdue })).evaluate((el) => getComputedStyle(el).color);
  const plain = await rows.nth(entries.length - 1).locator('td').first().evaluate((el) => getComputedStyle(el).color);
  expect(warn).not.toBe(plain);
  await screenshot(page, 'care-en.png');

  // "Create check-in plans for everyone" gives one to those who have none, and says so.
  const withoutPlan = entries.filter((e) => !e.hasCheckInPlan).length;
  await page.getByRole('button', { name: t('plans:care.ensure') }).click();
  await expect(page.getByRole('status')).toHaveText(
    withoutPlan === 0 ? t('plans:care.ensureNone') : new RegExp(`^${escapeRegExp(t('plans:care.ensureCreated', { count: withoutPlan }))}`),
  );
  expect((await hearth.call('care.list', {})).every((e) => e.hasCheckInPlan)).toBe(true);

  await page.getByRole('checkbox', { name: t('plans:care.overdueOnly') }).check();
  await expect(rows).toHaveCount(overdue.length);
  // Enter on a row opens the resident.
  await rows.first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/residents/${overdue[0]!.residentId}$`));
});

test('reports: the figures are those of the API', async ({ page, hearth }) => {
  const { today } = await hearth.call('app.status', {});
  const to = today.slice(0, 7);
  const from = addMonths(to, -5);
  const active = await hearth.call('reports.volunteersActive', { from, to });
  const hours = await hearth.call('reports.volunteerHours', { from, to });
  const kinds = await hearth.call('reports.tasksByKind', { from, to });
  expect(active.registered.total, 'volunteers on the demo list').toBeGreaterThanOrEqual(40);

  const t = await openApp(page, hearth, { route: '/reports' });
  await expect.poll(() => monthValue(dateField(page, t('plans:reports.from')))).toBe(from);
  await expect.poll(() => monthValue(dateField(page, t('plans:reports.to')))).toBe(to);

  const sentence = (key: 'active' | 'registered', c: typeof active.active) =>
    t(`plans:reports.${key}Sentence`, {
      volunteers: t('plans:reports.volunteers', { count: c.total }),
      regular: t('plans:reports.regular', { count: c.regular }),
      occasional: t('plans:reports.occasional', { count: c.occasional }),
    });
  await expect(page.getByText(sentence('active', active.active), { exact: true })).toBeVisible();
  await expect(page.getByText(sentence('registered', active.registered), { exact: true })).toBeVisible();
  const activeTable = page.getByRole('region', { name: t('plans:reports.activeTitle') }).getByRole('table');
  for (const group of ['regular', 'occasional', 'specialists', 'total'] as const) {
    const row = activeTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: t(`plans:reports.groups.${group}`), exact: true }) });
    await expect(row.getByRole('cell')).toHaveText([numberText(active.active[group]), numberText(active.registered[group])]);
  }

  const hoursRegion = page.getByRole('region', { name: t('plans:reports.hoursTitle') });
  await expect(hoursRegion.getByText(t('plans:reports.hoursTotal', { count: Math.round(hours.totalMinutes / 6) / 10 }))).toBeVisible();
  await expect(hoursRegion.getByRole('img', { name: t('plans:reports.chartLabel') })).toBeVisible();
  const hoursTable = page.getByRole('region', { name: t('plans:reports.byVolunteerTitle') }).getByRole('table');
  await expect(bodyRows(hoursTable)).toHaveCount(hours.rows.length);
  const top = hours.rows[0]!;
  await expect(bodyRows(hoursTable).first().getByRole('cell')).toHaveText([...top.minutes.map(hoursText), hoursText(top.totalMinutes), numberText(top.tasks)]);
  const hoursTotal = hoursTable.locator('tfoot').getByRole('row');
  await expect(hoursTotal.getByRole('cell')).toHaveText([...hours.totalsByMonth.map(hoursText), hoursText(hours.totalMinutes), numberText(hours.rows.reduce((a, r) => a + r.tasks, 0))]);

  const kindsRegion = page.getByRole('region', { name: t('plans:reports.kindsTitle') });
  await expect(kindsRegion.getByText(t('plans:reports.kindsTotal', { count: kinds.total }))).toBeVisible();
  await expect(kindsRegion.locator('tfoot').getByRole('cell')).toHaveText([...kinds.totalsByMonth.map(numberText), numberText(kinds.total)]);
  await screenshot(page, 'reports-en.png');

  // Another range: the figures follow.
  const longFrom = addMonths(to, -11);
  const longer = await hearth.call('reports.volunteersActive', { from: longFrom, to });
  await fillDate(dateField(page, t('plans:reports.from')), longFrom);
  const total = activeTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: t('plans:reports.groups.total'), exact: true }) });
  await expect(total.getByRole('cell')).toHaveText([numberText(longer.active.total), numberText(longer.registered.total)]);
});

test("a resident's page: add a weekly plan and see its next date", async ({ page, hearth }) => {
  const { today } = await hearth.call('app.status', {});
  const all = await hearth.call('plans.list', { includeEnded: true });
  const withPlans = new Set(all.items.map((p) => p.residentId));
  const residents = await hearth.call('residents.search', { q: '', limit: 500 });
  const resident = residents.find((r) => !withPlans.has(r.id))!;
  const kinds = await hearth.call('catalogue.list', { includeArchived: false });
  const medicines = kinds.find((k) => k.code === 'medicinePurchase')!;

  const t = await openApp(page, hearth, { route: `/residents/${resident.id}` });
  // The heading counts the active plans: found by the words before the count.
  const section = page.getByRole('region', { name: new RegExp(`^${escapeRegExp(t('plans:title', { count: 999 }).split('999')[0] ?? '')}`) });
  await expect(section.getByRole('heading', { name: t('plans:title', { count: 0 }) })).toBeVisible();
  await expect(section.getByText(t('plans:empty'))).toBeVisible();
  await section.getByRole('button', { name: t('plans:add'), exact: true }).click();
  const form = section.getByRole('form', { name: t('plans:form.newTitle') });
  const kind = form.getByLabel(t('plans:form.kind'), { exact: true });
  await expect(kind).toBeFocused();
  // Saving without a kind or a weekday says what is missing.
  await form.getByRole('button', { name: t('plans:form.save') }).click();
  await expect(form.getByText(t('common:validation.unknownKind'))).toBeVisible();
  await expect(form.getByText(t('common:validation.required'))).toBeVisible();

  await kind.selectOption(String(medicines.id));
  await form.getByRole('radio', { name: t('plans:form.ruleWeekly') }).check();
  await form.getByLabel(t('plans:form.weekday'), { exact: true }).selectOption('2');
  await form.getByLabel(t('plans:form.partOfDay'), { exact: true }).selectOption('afternoon');
  await form.getByLabel(t('plans:form.hours'), { exact: true }).fill('1,5');
  await form.getByLabel(t('plans:form.note'), { exact: true }).press('Control+Enter');
  await expect(form).toHaveCount(0);

  const { items, horizonDays } = await hearth.call('plans.list', { residentId: resident.id });
  expect(items).toHaveLength(1);
  const plan = items[0] as HelpPlan;
  expect([plan.rule, plan.weekday, plan.partOfDay, plan.estimatedMinutes, plan.startsOn]).toEqual(['weekly', 2, 'afternoon', 90, today]);
  const expected = planDates(plan, today, addDays(today, horizonDays - 1))[0]!;
  expect(plan.nextOn).toBe(expected);

  const kindName = t('catalogue:kinds.medicinePurchase');
  await expect(section.getByRole('status')).toContainText(t('plans:savedNext', { date: dayText(expected) }));
  const row = section.getByRole('table').getByRole('row').filter({ hasText: kindName });
  await expect(row).toContainText(t('plans:rule.weekly.2'));
  await expect(row).toContainText(dayText(expected));
  await expect(row).toContainText(t('plans:openTasks', { count: plan.openTasks }));
  await expect(page.getByRole('heading', { name: t('plans:title', { count: 1 }) })).toBeVisible();

  // Ending it: a reason, the last day (today), and it leaves the list of active plans.
  const what = `${kindName} · ${t('plans:rule.weekly.2')}`;
  await row.getByRole('button', { name: t('plans:endLabel', { what }) }).click();
  const dialog = page.getByRole('dialog', { name: t('plans:end.title') });
  await dialog.getByLabel(t('plans:end.reason'), { exact: true }).selectOption('refused');
  expect(await dateValue(dateField(dialog, t('plans:end.lastDay')))).toBe(today);
  await dialog.getByRole('button', { name: t('plans:end.confirm') }).click();
  await expect(section.getByRole('status')).toHaveText(t('plans:endedNotice', { what }));
  await expect(section.getByText(t('plans:empty'))).toBeVisible();
  const ended = (await hearth.call('plans.list', { residentId: resident.id, includeEnded: true })).items[0]!;
  expect([ended.active, ended.endedReason, ended.endsOn]).toEqual([false, 'refused', today]);
});

test('a resident who moved away: the confirmation says what happens, then the result', async ({ page, hearth }) => {
  const { today } = await hearth.call('app.status', {});
  const all = await hearth.call('plans.list', {});
  const residentId = all.items[0]!.residentId;
  const active = all.items.filter((p) => p.residentId === residentId).length;
  const name = all.items[0]!.residentName;

  const t = await openApp(page, hearth, { route: `/residents/${residentId}` });
  await page.getByRole('button', { name: t('plans:left.button') }).click();
  const dialog = page.getByRole('dialog', { name: t('plans:left.title', { name }) });
  await expect(dialog).toContainText(t('plans:left.effectPlans', { count: active }));
  await expect(dialog).toContainText(t('plans:left.effectHistory'));
  await dialog.getByRole('button', { name: t('plans:left.confirm.moved') }).click();
  await expect(dialog).toHaveCount(0);

  const status = page.getByRole('status').filter({ hasText: t('plans:left.plansEnded', { count: active }) });
  await expect(status).toBeVisible();
  await expect(page.getByText(t('plans:left.banner.moved', { date: new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(utc(today)) }), { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: t('plans:add') })).toHaveCount(0);

  const after = await hearth.call('plans.list', { residentId, includeEnded: true });
  expect(after.items.every((p) => !p.active && p.endedReason === 'moved')).toBe(true);
  const resident = await hearth.call('residents.get', { id: residentId });
  expect([resident.resident.leftOn, resident.resident.leftReason]).toEqual([today, 'moved']);
});
