import { test, expect, openApp } from './fixtures';
import { ownString } from './i18n';
import { artifactPath } from './paths';
import { dateField, fillDate } from './pages';

/**
 * Projects with participants (issue 13), in Polish on the demo centre, as Zawiercie's MOPS runs
 * its activation project: create a project with its targets, add a vocational course, recruit a
 * demo resident with a signed social contract (found with the resident picker), have completing
 * before the recruitment refused beside the date, record attendance, complete them; recruit a
 * second without a contract, record it after, see them drop out with a reason; see the figures
 * against the targets; the participation shows on the resident's page.
 */
test.use({ demo: true, demoLanguage: 'pl' });

const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

test('create a project, recruit a resident with a social contract, record attendance, complete them, see the figures (pl)', async ({ page, hearth }) => {
  for (const key of ['projects:title', 'projects:enrol.contractSigned', 'projects:kind.course', 'common:validation.beforeRecruitment', 'projects:figures.withContract']) {
    expect(ownString('pl', key), key).not.toBe(ownString('en', key));
  }
  const status = await hearth.call('app.status', {});
  const today = status.today;
  const year = Number(today.slice(0, 4));
  // A demo resident who is not in the demo's project.
  const demoProject = (await hearth.call('projects.list', {}))[0];
  expect(demoProject, 'the demo centre has a project').toBeDefined();
  const taken = new Set((await hearth.call('projects.get', { id: demoProject?.id ?? 0 })).participants.map((p) => p.residentId));
  const residents = await hearth.call('residents.search', { q: '', limit: 200 });
  const [person, second] = residents.filter((r) => !taken.has(r.id) && r.fullName.split(' ').length >= 2);
  if (!person || !second) throw new Error('no demo residents to recruit');
  const [lastName] = person.fullName.split(' ') as [string];

  await page.setViewportSize({ width: 1366, height: 768 });
  const t = await openApp(page, hearth, { language: 'pl', route: '/projects' });

  // The list: the demo's project with its figures.
  await expect(page.getByRole('heading', { name: t('projects:title'), level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Aktywna integracja' })).toBeVisible();
  await page.screenshot({ path: artifactPath('projects-list-pl.png') });

  // A new project, by keyboard: the name has the focus, Ctrl+Enter saves.
  await page.getByRole('link', { name: t('projects:new') }).click();
  await expect(page.getByLabel(t('projects:form.name'))).toBeFocused();
  await page.keyboard.type('Partnerstwo na rzecz aktywnej integracji');
  await page.getByLabel(t('projects:form.funder')).fill('Europejski Fundusz Społeczny');
  await fillDate(dateField(page, t('projects:form.startsOn')), `${year - 1}-01-01`);
  await fillDate(dateField(page, t('projects:form.endsOn')), `${year + 1}-12-31`);
  await page.getByLabel(t('projects:form.targetRecruited')).fill('145');
  await page.getByLabel(t('projects:form.targetCompleted')).fill('96');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: 'Partnerstwo na rzecz aktywnej integracji', level: 1 })).toBeVisible();
  await expect(page.getByText(t('projects:page.noParticipants'))).toBeVisible();

  // A vocational course: the kind has the focus, Enter in the name adds it.
  await page.getByRole('button', { name: t('projects:activity.add') }).click();
  await expect(page.getByLabel(t('projects:activity.kind'))).toBeFocused();
  await page.getByLabel(t('projects:activity.kind')).selectOption('course');
  await page.getByLabel(t('projects:activity.name')).fill('Kurs komputerowy ECDL Base');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('cell', { name: 'Kurs komputerowy ECDL Base' })).toBeVisible();
  await expect(page.getByRole('button', { name: t('projects:activity.add') })).toBeFocused();

  // Recruit the demo resident ten days ago, the social contract signed two days later.
  const recruitedOn = shift(today, -10);
  await page.getByRole('button', { name: t('projects:enrol.open') }).click();
  const picker = page.getByRole('combobox', { name: t('projects:enrol.find') });
  await expect(picker).toBeFocused();
  await page.keyboard.type(person.fullName);
  await expect(page.getByRole('option', { name: new RegExp(person.fullName) }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('enrol-chosen')).toHaveText(person.fullName);
  await expect(dateField(page, t('projects:enrol.recruitedOn')).getByRole('spinbutton').first()).toBeFocused();
  await fillDate(dateField(page, t('projects:enrol.recruitedOn')), recruitedOn);
  await expect(page.getByLabel(t('projects:enrol.contractSigned'))).toBeChecked();
  await fillDate(dateField(page, t('projects:enrol.contractOn')), shift(recruitedOn, 2));
  await page.getByRole('button', { name: t('projects:enrol.save') }).click();
  const row = page.locator('.project-participants tbody tr').filter({ hasText: lastName });
  await expect(row).toHaveCount(1);
  await expect(row.getByText(t('projects:status.active'))).toBeVisible();
  await expect(page.locator('[data-figure="recruited"]')).toHaveText(t('projects:ofTarget', { value: '1', target: '145' }));
  await expect(page.locator('[data-figure="withContract"]')).toHaveText('1');

  // Completing before the recruitment is refused beside the date, in Polish; nothing changes.
  await row.getByRole('button', { name: `${t('projects:actions.complete')}: ${person.fullName}`, exact: true }).click();
  const completedOn = dateField(page, t('projects:complete.on'));
  await expect(completedOn.getByRole('spinbutton').first()).toBeFocused();
  await fillDate(completedOn, shift(recruitedOn, -1));
  await page.keyboard.press('Enter');
  const refusal = page.getByRole('alert').filter({ hasText: t('validation.beforeRecruitment') });
  await expect(refusal).toBeVisible();
  // The field is marked wrong in each of its parts (a group itself has no aria-invalid).
  await expect(completedOn.getByRole('spinbutton').first()).toHaveAttribute('aria-invalid', 'true');
  await refusal.scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifactPath('projects-refused-pl.png') });
  await page.keyboard.press('Escape');
  await expect(row.getByRole('button', { name: `${t('projects:actions.complete')}: ${person.fullName}`, exact: true })).toBeFocused();
  await expect(page.locator('[data-figure="completed"]')).toHaveText(t('projects:ofTarget', { value: '0', target: '96' }));

  // Attendance: ten sessions of the course, forty hours.
  await row.getByRole('button', { name: `${t('projects:actions.attendance')}: ${person.fullName}`, exact: true }).click();
  await expect(page.getByLabel(t('projects:attendance.activity'))).toBeFocused();
  await fillDate(dateField(page, t('projects:attendance.on')), shift(recruitedOn, 3));
  await page.getByLabel(t('projects:attendance.sessions')).fill('10');
  await page.getByLabel(t('projects:attendance.hours')).fill('40');
  await page.keyboard.press('Enter');
  await expect(row.getByText(`Kurs komputerowy ECDL Base: ${t('projects:sessions', { count: 10 })}`)).toBeVisible();

  // Completed today.
  await row.getByRole('button', { name: `${t('projects:actions.complete')}: ${person.fullName}`, exact: true }).click();
  await expect(dateField(page, t('projects:complete.on')).locator('input[type="hidden"]')).toHaveValue(today);
  await page.getByRole('button', { name: t('projects:complete.save') }).click();
  await expect(row.getByText(t('projects:status.completed'))).toBeVisible();

  // A second resident, recruited today without a contract; the contract recorded after; then
  // they drop out with a reason.
  await page.getByRole('button', { name: t('projects:enrol.open') }).click();
  await page.keyboard.type(second.fullName);
  await expect(page.getByRole('option', { name: new RegExp(second.fullName) }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('enrol-chosen')).toHaveText(second.fullName);
  await page.getByLabel(t('projects:enrol.contractSigned')).uncheck();
  await expect(page.getByLabel(t('projects:enrol.contractOn'))).toHaveCount(0);
  await page.getByRole('button', { name: t('projects:enrol.save') }).click();
  const row2 = page.locator('.project-participants tbody tr').filter({ hasText: second.fullName });
  await expect(row2.getByText(t('projects:contract.none'))).toBeVisible();
  await expect(page.locator('[data-figure="withContract"]')).toHaveText('1');
  await row2.getByRole('button', { name: `${t('projects:actions.contract')}: ${second.fullName}`, exact: true }).click();
  await expect(dateField(page, t('projects:contract.on')).getByRole('spinbutton').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row2.getByText(t('projects:contract.none'))).toHaveCount(0);
  await row2.getByRole('button', { name: `${t('projects:actions.dropOut')}: ${second.fullName}`, exact: true }).click();
  await page.getByLabel(t('projects:dropOut.reason')).fill('Wyjazd do pracy za granicą');
  await page.getByRole('button', { name: t('projects:dropOut.save') }).click();
  await expect(row2.getByText(t('projects:status.droppedOut'))).toBeVisible();
  await expect(row2.getByText('Wyjazd do pracy za granicą')).toBeVisible();

  // The figures against the targets, and the course counted per person.
  await expect(page.locator('[data-figure="recruited"]')).toHaveText(t('projects:ofTarget', { value: '2', target: '145' }));
  await expect(page.locator('[data-figure="completed"]')).toHaveText(t('projects:ofTarget', { value: '1', target: '96' }));
  await expect(page.locator('[data-figure="active"]')).toHaveText('0');
  await expect(page.locator('[data-figure="droppedOut"]')).toHaveText('1');
  await expect(page.locator('[data-figure="withContract"]')).toHaveText('2');
  await expect(page.getByText(`${t('projects:kind.course')}: ${t('projects:participants', { count: 1 })}`)).toBeVisible();
  await page.screenshot({ path: artifactPath('projects-page-pl.png') });
  await page.screenshot({ path: artifactPath('projects-page-full-pl.png'), fullPage: true });

  // A period that would leave the recruitment out is refused beside the start; Escape goes back.
  await page.getByRole('link', { name: t('common:edit') }).click();
  await expect(page.getByRole('heading', { name: t('projects:form.editTitle'), level: 1 })).toBeVisible();
  await expect(page.getByLabel(t('projects:form.targetRecruited'))).toHaveValue('145');
  await fillDate(dateField(page, t('projects:form.startsOn')), today);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert').filter({ hasText: t('validation.projectPeriodInUse') })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Partnerstwo na rzecz aktywnej integracji', level: 1 })).toBeVisible();
  await expect(page.getByText(t('projects:period', { from: '1 sty ' + String(year - 1), to: '31 gru ' + String(year + 1) }))).toBeVisible();

  // The resident's page lists the participation.
  await row.getByRole('link', { name: person.fullName }).click();
  const section = page.getByRole('region', { name: t('projects:resident.title') });
  await expect(section.getByRole('link', { name: 'Partnerstwo na rzecz aktywnej integracji' })).toBeVisible();
  await expect(section.getByText(t('projects:status.completed'), { exact: true })).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifactPath('projects-resident-pl.png') });

  // The list shows the new project with its figures.
  await page.getByRole('link', { name: t('common:nav.projects') }).click();
  const listed = page.locator('.projects-table tbody tr').filter({ hasText: 'Partnerstwo na rzecz aktywnej integracji' });
  await expect(listed).toContainText(t('projects:ofTarget', { value: '2', target: '145' }));
  await expect(listed).toContainText(t('projects:ofTarget', { value: '1', target: '96' }));
  await page.screenshot({ path: artifactPath('projects-list-after-pl.png') });
});
