import type { Page } from '@playwright/test';
import type { TFunction } from 'i18next';
import { test, expect, openApp, centre } from './fixtures';
import { dateField, fillDate, Shell } from './pages';
import { artifactPath } from './paths';

/**
 * Volunteers (coordinator issue): register a volunteer with skills and weekly availability through
 * the form, find them with a folded search ("lukasz" for "Łukasz"), open their page and pause them
 * (warned about their open task); deleting them is refused with the feature's own message.
 */

/** The weekday name as the UI shows it (Intl in the UI locale), ISO weekday 1 = Monday. */
const weekday = (n: number, locale = 'en-GB') => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, n, 12)));

class VolunteerFormPage {
  constructor(
    readonly page: Page,
    readonly t: TFunction,
  ) {}
  field(key: 'lastName' | 'firstName' | 'patronymic' | 'phone' | 'phone2') {
    return this.page.getByRole('textbox', { name: this.t(`volunteers:form.${key}`), exact: true });
  }
  /** A text box with suggestions (a datalist), so a combobox. */
  get settlement() {
    return this.page.getByRole('combobox', { name: this.t('volunteers:form.settlement'), exact: true });
  }
  skill(code: string) {
    return this.page.getByRole('checkbox', { name: this.t(`volunteers:skills.${code}`), exact: true });
  }
  slot(day: number, part: 'morning' | 'afternoon' | 'evening') {
    return this.page.getByRole('checkbox', { name: this.t('volunteers:form.slot', { day: weekday(day), part: this.t(`volunteers:parts.${part}`) }), exact: true });
  }
  get save() {
    return this.page.getByRole('button', { name: this.t('common:save'), exact: true });
  }
}

test.describe('volunteers (en)', () => {
  test.use({ setUp: centre('en') });

  test('registers a volunteer, finds them folded, opens the page and pauses them', async ({ page, hearth }) => {
    // A few volunteers already on the list, for the list's screenshot.
    const skills = await hearth.call('skills.list', { includeArchived: false });
    const skillId = (code: string) => {
      const found = skills.find((s) => s.code === code);
      if (!found) throw new Error(`The built-in skill "${code}" is missing`);
      return found.id;
    };
    await hearth.call('volunteers.create', {
      lastName: 'Papadopoulou',
      firstName: 'Eleni',
      settlement: 'Kalampaka',
      phones: ['+30 694 123 4567'],
      languages: ['el', 'en'],
      skillIds: [skillId('buysMedicines'), skillId('computerHelp')],
      isRegular: true,
    });
    await hearth.call('volunteers.create', {
      lastName: 'Brennan',
      firstName: 'Siobhan',
      settlement: 'Kalampaka',
      specialist: 'psychologist',
      status: 'paused',
    });

    const t = await openApp(page, hearth, { route: '/volunteers' });
    const shell = new Shell(page, t);
    await expect(page.getByRole('heading', { level: 1, name: t('volunteers:title') })).toBeVisible();
    await expect(page.getByRole('searchbox', { name: t('volunteers:search.label') })).toBeFocused();
    await page.getByRole('link', { name: t('volunteers:new'), exact: true }).click();

    // The form: validation beside the fields first.
    const form = new VolunteerFormPage(page, t);
    await expect(page.getByRole('heading', { level: 1, name: t('volunteers:newTitle') })).toBeVisible();
    await expect(form.field('lastName')).toBeFocused();
    await form.save.click();
    await expect(page.getByText(t('common:validation.required')).first()).toBeVisible();
    await expect(form.field('lastName')).toHaveAttribute('aria-invalid', 'true');

    await form.field('lastName').fill('Wiśniewski');
    await form.field('firstName').fill('Łukasz');
    await form.field('phone').fill('+48 601 234 567');
    await form.settlement.fill('Zakopane');
    await form.skill('hasCar').check();
    await form.skill('drivesToDoctor').check();
    await form.skill('hasSnowTools').check();
    // Availability by keyboard: Monday morning, then → Tuesday morning, ↓ Tuesday afternoon.
    await form.slot(1, 'morning').check();
    await page.keyboard.press('ArrowRight');
    await expect(form.slot(2, 'morning')).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect(form.slot(2, 'afternoon')).toBeFocused();
    await page.keyboard.press('Space');
    await form.slot(6, 'evening').check();
    await expect(form.slot(2, 'morning')).toBeChecked();
    await expect(form.slot(2, 'afternoon')).toBeChecked();
    await page.getByRole('radio', { name: t('volunteers:form.regular'), exact: true }).check();
    await page.getByRole('combobox', { name: t('volunteers:form.specialist'), exact: true }).selectOption({ label: t('volunteers:specialists.socialWorker') });
    const agreement = dateField(page, t('volunteers:form.agreement'));
    await fillDate(agreement, '2099-03-01');
    await form.save.click();
    await expect(page.getByText(t('common:validation.dateInFuture'))).toBeVisible();
    await fillDate(agreement, '2025-03-01');
    await page.getByRole('checkbox', { name: 'Polski', exact: true }).check();
    await page.getByRole('checkbox', { name: 'English', exact: true }).check();
    await page.getByRole('textbox', { name: t('volunteers:form.notes'), exact: true }).fill('Winter tyres; can take two people.');
    await page.getByRole('textbox', { name: t('volunteers:form.notes'), exact: true }).blur();
    await page.screenshot({ path: artifactPath('volunteer-form-en.png'), fullPage: true });
    await form.save.click();

    // The page of the new volunteer.
    const name = 'Wiśniewski Łukasz';
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible();
    await expect(page).toHaveURL(/#\/volunteers\/\d+$/);
    const id = Number(/volunteers\/(\d+)$/.exec(page.url())?.[1]);
    const details = page.locator('dl.details');
    await expect(details).toContainText(t('volunteers:skills.hasCar'));
    await expect(details).toContainText(t('volunteers:skills.drivesToDoctor'));
    await expect(details).toContainText(t('volunteers:specialists.socialWorker'));
    await expect(details).toContainText(weekday(2));
    await expect(details).toContainText(t('volunteers:form.regular'));
    const saved = (await hearth.call('volunteers.get', { id })).volunteer;
    expect(saved.availability).toEqual([
      { weekday: 1, part: 'morning' },
      { weekday: 2, part: 'morning' },
      { weekday: 2, part: 'afternoon' },
      { weekday: 6, part: 'evening' },
    ]);
    expect(saved.skills.map((s) => s.code).sort()).toEqual(['drivesToDoctor', 'hasCar', 'hasSnowTools']);
    expect(saved).toMatchObject({ isRegular: true, specialist: 'socialWorker', agreementSignedOn: '2025-03-01', languages: ['en', 'pl'], status: 'active' });

    // An open task for them (planned on the board by a coordinator).
    const today = (await hearth.call('app.status', {})).today;
    const resident = await hearth.call('residents.create', { lastName: 'Nowak', firstName: 'Halina', settlement: 'Zakopane' });
    const kinds = await hearth.call('catalogue.list', { includeArchived: false });
    const transport = kinds.find((k) => k.code === 'transportDoctor');
    if (!transport) throw new Error('The built-in kind "transportDoctor" is missing');
    await hearth.call('tasks.create', { residentId: resident.id, kindId: transport.id, scheduledOn: today, partOfDay: 'morning', volunteerIds: [id] });
    // Two done trips in the past weeks: hours by month, and a resident helped regularly.
    const daysAgo = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    for (const [n, minutes] of [[40, 90], [9, 135]] as const) {
      const done = await hearth.call('tasks.create', { residentId: resident.id, kindId: transport.id, scheduledOn: daysAgo(n), startTime: '09:30', volunteerIds: [id] });
      await hearth.call('tasks.complete', { id: done.id, outcome: { doneOn: daysAgo(n), minutes: [{ volunteerId: id, minutes }] } });
    }

    // The folded search finds "Łukasz" by "lukasz"; ArrowDown reaches the row, Enter opens it.
    await shell.navLink('volunteers').click();
    const search = page.getByRole('searchbox', { name: t('volunteers:search.label') });
    await search.fill('lukasz');
    const rows = page.getByRole('table').locator('tbody').getByRole('row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(name);
    await expect(rows.first()).toContainText(t('volunteers:skills.hasCar'));
    await search.fill('');
    await expect(rows).toHaveCount(3);
    await page.screenshot({ path: artifactPath('volunteers-list-en.png') });
    await search.fill('wisniewski');
    await expect(rows).toHaveCount(1);
    await search.press('ArrowDown');
    await expect(rows.first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible();

    // The page lists the open task and the resident.
    const upcoming = page.getByRole('region', { name: t('volunteers:page.upcoming', { count: 1 }) });
    await expect(upcoming.getByRole('link', { name: 'Nowak Halina' })).toBeVisible();
    await expect(upcoming).toContainText(t('catalogue:kinds.transportDoctor'));
    const pastTasks = page.getByRole('region', { name: t('volunteers:page.past', { count: 2 }) });
    await expect(pastTasks.getByRole('row')).toHaveCount(3);
    await expect(pastTasks).toContainText(t('volunteers:page.hoursValue', { hours: '2.3' }));
    await expect(page.getByRole('region', { name: t('volunteers:page.hours') })).toContainText(
      t('volunteers:page.hoursTotal', { hours: t('volunteers:page.hoursValue', { hours: '3.8' }) }),
    );
    const regular = page.getByRole('region', { name: t('volunteers:page.regularResidents') });
    await expect(regular.getByRole('link', { name: 'Nowak Halina' })).toBeVisible();
    await expect(regular).toContainText(t('volunteers:page.doneTasks', { count: 2 }));
    await page.screenshot({ path: artifactPath('volunteer-page-en.png'), fullPage: true });

    // Pause: warned about the open task.
    await page.getByRole('button', { name: t('volunteers:page.pause'), exact: true }).click();
    await expect(page.getByRole('status')).toHaveText(t('volunteers:page.pausedWithTasks', { name, count: 1 }));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(t('volunteers:statuses.paused'));
    await expect(page.getByRole('button', { name: t('volunteers:page.activate'), exact: true })).toBeVisible();
    expect((await hearth.call('volunteers.get', { id })).volunteer.status).toBe('paused');

    // Delete is refused while the task is open, with this feature's own message.
    await page.getByRole('button', { name: t('common:delete'), exact: true }).click();
    await page.getByRole('button', { name: t('volunteers:page.deleteYes'), exact: true }).click();
    const refused = page.getByRole('alert');
    await expect(refused).toContainText(t('volunteers:page.deleteRefused', { name }));
    await expect(refused).toContainText(t('volunteers:page.refusedOpenTasks', { count: 1 }));
    await expect(refused).not.toContainText(t('common:errors.conflict'));

    // Editing shows what was saved (the status too) and keeps it.
    await page.getByRole('link', { name: t('common:edit'), exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('volunteers:editTitle', { name }) })).toBeVisible();
    await expect(form.slot(2, 'afternoon')).toBeChecked();
    await expect(form.slot(3, 'afternoon')).not.toBeChecked();
    await expect(form.skill('hasCar')).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Polski', exact: true })).toBeChecked();
    await expect(page.getByRole('combobox', { name: t('volunteers:form.status'), exact: true })).toHaveValue('paused');
    await page.getByRole('textbox', { name: t('volunteers:form.notes'), exact: true }).fill('Winter tyres.');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible();
    await expect(details).toContainText('Winter tyres.');
    expect((await hearth.call('volunteers.get', { id })).volunteer).toMatchObject({ status: 'paused', notes: 'Winter tyres.' });

    // The list filters by status.
    await shell.navLink('volunteers').click();
    await page.getByRole('combobox', { name: t('volunteers:filters.status') }).selectOption({ label: t('volunteers:statuses.paused') });
    await expect(rows).toHaveCount(2);
  });

  test("edits the skills list: adds the centre's own skill, refuses a duplicate, archives it", async ({ page, hearth }, testInfo) => {
    const t = await openApp(page, hearth, { route: '/volunteers/new' });
    const form = new VolunteerFormPage(page, t);
    await expect(form.field('lastName')).toBeFocused();
    await page.getByText(t('volunteers:skillsEditor.title'), { exact: true }).click();
    const list = page.getByRole('list', { name: t('volunteers:skillsEditor.listLabel') });
    const name = page.getByRole('textbox', { name: t('volunteers:skillsEditor.name'), exact: true });
    const add = page.getByRole('button', { name: t('volunteers:skillsEditor.add'), exact: true });

    await name.fill('Chops wood');
    await add.click();
    await expect(name).toHaveValue('');
    const own = list.getByRole('listitem').filter({ hasText: 'Chops wood' });
    await expect(own).toContainText(t('volunteers:skillsEditor.own'));
    const checkbox = page.getByRole('checkbox', { name: 'Chops wood', exact: true });
    await expect(checkbox).toBeVisible();

    // The same name (folded) or a built-in skill's name is refused beside the field.
    await name.fill('chops WOOD');
    await add.click();
    await expect(page.getByText(t('volunteers:skillsEditor.exists'))).toBeVisible();
    await name.fill(t('volunteers:skills.hasCar'));
    await add.click();
    await expect(page.getByText(t('volunteers:skillsEditor.exists'))).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('skills-editor-en.png'), fullPage: true });

    // Archived: no longer offered in the form, listed with "Bring back".
    await own.getByRole('button', { name: t('volunteers:skillsEditor.archive'), exact: true }).click();
    await expect(own.getByRole('button', { name: t('volunteers:skillsEditor.restore'), exact: true })).toBeVisible();
    await expect(checkbox).toHaveCount(0);
    const skills = await hearth.call('skills.list', { includeArchived: true });
    expect(skills.find((s) => s.name === 'Chops wood')).toMatchObject({ code: null, archived: true });
  });
});
