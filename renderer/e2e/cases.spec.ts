import { test, expect, openApp, centre } from './fixtures';
import { ownString } from './i18n';
import { artifactPath } from './paths';
import { dateField, fillDate } from './pages';

/**
 * Case management (issue 13) in Ukrainian, on the demo village: from a demo resident's page, open a
 * case (refused first, with the way out, while no consent covers health; opened once it does), add
 * an action, log a contact, review it, look at the printable A4 plan, close it (the open action is
 * warned about with its count, then confirmed), and find the worker's caseload, with the keyboard.
 */
test.describe('cases (uk)', () => {
  test.use({ demo: true, demoLanguage: 'uk' });

  test('open a case, add an action, log a contact, review, print, close with the open-action warning; the caseload', async ({ page, hearth }) => {
    test.setTimeout(180_000);
    for (const key of ['cases:section.title', 'cases:open.button', 'cases:action.open', 'cases:contact.open', 'cases:review.open', 'cases:close.confirm', 'common:validation.caseConsentRequired', 'common:nav.caseload']) {
      expect(ownString('uk', key), key).not.toBe(ownString('en', key));
    }
    const status = await hearth.call('app.status', {});
    const today = status.today;
    const later = (days: number) => new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    // A demo resident with no case and no consent covering health yet.
    const residents = await hearth.call('residents.search', { q: '', limit: 100 });
    let resident: (typeof residents)[number] | undefined;
    for (const r of residents) {
      if (r.regularCare) continue;
      const consents = await hearth.call('privacy.consents', { residentId: r.id });
      if (consents.length > 0) continue;
      if ((await hearth.call('cases.ofResident', { residentId: r.id })).cases.length === 0) {
        resident = r;
        break;
      }
    }
    if (!resident) throw new Error('the demo has no resident without a case and a consent');
    const before = await hearth.call('cases.caseload', {});

    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'uk', route: `/residents/${resident.id}` });
    const section = page.getByRole('region', { name: t('cases:section.title') });
    await expect(section.getByText(t('cases:section.none'))).toBeVisible();
    await section.getByRole('button', { name: t('cases:open.button') }).focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('form', { name: t('cases:open.title') }).or(section.locator('form'));
    await panel.getByLabel(t('cases:fields.goals')).fill('Оформити житлову субсидію\nВлаштувати дитину до садочка');
    await fillDate(dateField(panel, t('cases:fields.nextReviewOn')), later(30));
    await panel.getByLabel(t('cases:fields.goals')).focus();
    await page.keyboard.press('Control+Enter');
    // No consent covering health: refused beside the subject, nothing saved.
    await expect(section.getByText(t('common:validation.caseConsentRequired'))).toBeVisible();
    expect((await hearth.call('cases.ofResident', { residentId: resident.id })).cases).toEqual([]);

    // The consent is recorded (as the Consents section would), then the case opens.
    await hearth.call('privacy.recordConsent', { residentId: resident.id, basis: 'consent', scopes: ['basic', 'health'], givenOn: today });
    await page.keyboard.press('Control+Enter');
    await expect(page).toHaveURL(/#\/cases\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(resident.fullName);
    const caseId = Number(/#\/cases\/(\d+)/.exec(page.url())?.[1]);
    expect(caseId).toBeGreaterThan(0);
    await expect(page.getByText('Влаштувати дитину до садочка')).toBeVisible();

    // An action: its text, due day, who is responsible ("сімейний асистент").
    await page.getByRole('button', { name: t('cases:action.open') }).focus();
    await page.keyboard.press('Enter');
    const actionText = page.getByLabel(t('cases:fields.action'), { exact: true });
    await expect(actionText).toBeFocused();
    await page.keyboard.type('Зібрати довідки про доходи');
    // No due day yet: cases.addAction's schema refuses it, the message under the day.
    await page.keyboard.press('Control+Enter');
    await expect(page.getByText(t('common:validation.required'))).toBeVisible();
    await fillDate(dateField(page, t('cases:fields.dueOn')), later(14));
    await page.getByLabel(t('cases:fields.responsibleText')).fill('сімейний асистент');
    await page.keyboard.press('Control+Enter');
    const actions = page.getByRole('table').filter({ hasText: 'Зібрати довідки про доходи' });
    await expect(actions).toBeVisible();
    await expect(actions.getByText('сімейний асистент')).toBeVisible();

    // A home visit.
    await page.getByRole('button', { name: t('cases:contact.open') }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel(t('cases:fields.kind'))).toBeFocused();
    await page.getByLabel(t('cases:fields.kind')).selectOption('visit');
    await page.getByLabel(t('cases:fields.note')).fill('Відвідування вдома: план погоджено з родиною.');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('heading', { name: t('cases:contact.title', { count: 1 }) })).toBeVisible();
    await expect(page.getByText('Відвідування вдома: план погоджено з родиною.')).toBeVisible();

    // A review, with the next one in a month.
    await page.getByRole('button', { name: t('cases:review.open') }).focus();
    await page.keyboard.press('Enter');
    await expect(dateField(page, t('cases:fields.reviewedOn')).getByRole('spinbutton').first()).toBeFocused();
    await page.getByLabel(t('cases:fields.note')).fill('Довідки збираються, субсидію подамо наступного тижня.');
    await fillDate(dateField(page, t('cases:fields.nextReviewOn')), later(31));
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('heading', { name: t('cases:review.title', { count: 1 }) })).toBeVisible();
    await page.screenshot({ path: artifactPath('cases-case-uk.png'), fullPage: true });

    // The printable plan on A4.
    await page.getByRole('link', { name: t('cases:print.button') }).click();
    await expect(page.getByRole('heading', { name: t('cases:print.title') })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: t('cases:print.print') })).toBeHidden();
    await page.screenshot({ path: artifactPath('cases-plan-print-uk.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('link', { name: t('cases:print.back') }).click();

    // Closing with the action still open: warned with the count, then confirmed.
    await page.getByRole('button', { name: t('cases:close.open') }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel(t('cases:fields.outcome'))).toBeFocused();
    await page.getByLabel(t('cases:fields.outcome')).selectOption('partlyMet');
    await page.getByLabel(t('cases:fields.closingNote')).fill('Родина переїхала до іншої громади.');
    await page.keyboard.press('Control+Enter');
    const warning = page.getByRole('alert').filter({ hasText: t('common:errorDetail.openActions', { count: 1 }) });
    await expect(warning).toBeVisible();
    expect((await hearth.call('cases.get', { id: caseId })).status).toBe('open');
    await page.getByRole('button', { name: t('cases:close.confirm') }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('cases-close-warning-uk.png') });
    const confirm = page.getByRole('button', { name: t('cases:close.confirm') });
    await confirm.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText(`${t('common:case.status.closed')} · `, { exact: false })).toBeVisible();
    const closed = await hearth.call('cases.get', { id: caseId });
    expect(closed).toMatchObject({ status: 'closed', closedOn: today, outcome: 'partlyMet', openActions: 1 });

    // The resident's page lists the closed case with its worker and outcome.
    await page.getByRole('heading', { level: 1 }).getByRole('link', { name: resident.fullName }).click();
    const listed = page.getByRole('region', { name: t('cases:section.title') });
    await expect(listed.getByRole('link', { name: t('cases:section.caseNo', { id: caseId, whose: t('cases:section.own') }) })).toBeVisible();
    await expect(listed.getByText(t('common:case.outcome.partlyMet'), { exact: false })).toBeVisible();
    await listed.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('cases-resident-section-uk.png') });

    // The caseload: the demo's open cases are there, the closed one is not.
    await page.getByRole('navigation', { name: t('common:nav.label') }).getByRole('link', { name: t('common:nav.caseload'), exact: true }).click();
    const load = await hearth.call('cases.caseload', {});
    await expect(page.getByRole('heading', { name: t('cases:caseload.heading', { name: load.workerName }), level: 1 })).toBeVisible();
    expect(load.cases.map((c) => c.id)).toEqual(before.cases.map((c) => c.id));
    expect(load.cases.some((c) => c.id === caseId)).toBe(false);
    await expect(page.getByText(t('cases:caseload.openCases', { count: load.cases.length }))).toBeVisible();
    await expect(page.getByText(t('cases:caseload.overdueActions', { count: load.overdueActions.length }))).toBeVisible();
    for (const c of load.cases) await expect(page.getByRole('link', { name: c.subjectName }).first()).toBeVisible();
    await page.screenshot({ path: artifactPath('cases-caseload-uk.png'), fullPage: true });
  });
});

/**
 * The case's panels on the calls' own schemas (issue 16), in Russian: the plan's goals with one
 * goal too long are refused on the goals field and nothing is saved; shortened, saved. The
 * agreement is recorded on today with its note; Escape closes a panel.
 */
test.describe('case panels (ru)', () => {
  test.use({ setUp: centre('ru', 'Сылвенский центр') });

  test('a second case for the same person is refused on the resident page, with the way to the open one', async ({ page, hearth }) => {
    const resident = await hearth.call('residents.create', { lastName: 'Зорина', firstName: 'Вера', birthYear: 1949, settlement: 'Сылва' });
    const { today } = await hearth.call('app.status', {});
    await hearth.call('privacy.recordConsent', { residentId: resident.id, basis: 'consent', scopes: ['basic', 'health'], givenOn: today });
    const opened = await hearth.call('cases.open', { residentId: resident.id, goals: ['Оформить уход на дому'] });
    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'ru', route: `/residents/${resident.id}` });
    const section = page.getByRole('region', { name: t('cases:section.title') });
    await section.getByRole('button', { name: t('cases:open.button') }).click();
    const panel = page.getByRole('form', { name: t('cases:open.title') });
    await panel.getByLabel(t('cases:fields.goals')).fill('Ещё одна цель');
    await page.keyboard.press('Control+Enter');
    await expect(panel.getByText(t('common:validation.caseAlreadyOpen'))).toBeVisible();
    expect((await hearth.call('cases.ofResident', { residentId: resident.id })).cases).toHaveLength(1);
    await panel.getByRole('link', { name: t('cases:open.goToOpen') }).click();
    await expect(page).toHaveURL(new RegExp(`#/cases/${opened.id}$`));
  });

  test('the plan refuses a goal too long on its field, saves when shortened; the agreement is recorded', async ({ page, hearth }) => {
    const resident = await hearth.call('residents.create', { lastName: 'Белова', firstName: 'Анна', birthYear: 1958, settlement: 'Сылва' });
    const { today } = await hearth.call('app.status', {});
    await hearth.call('privacy.recordConsent', { residentId: resident.id, basis: 'consent', scopes: ['basic', 'health'], givenOn: today });
    const opened = await hearth.call('cases.open', { residentId: resident.id, goals: ['Оформить субсидию на жильё'] });
    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'ru', route: `/cases/${opened.id}` });
    const planButton = page.getByRole('button', { name: t('cases:plan.open') });

    // Escape closes the panel; the focus goes back to the first button.
    await planButton.click();
    const panel = page.getByRole('form', { name: t('cases:plan.edit') });
    const goals = panel.getByLabel(t('cases:fields.goals'));
    await expect(goals).toBeFocused();
    await expect(goals).toHaveValue('Оформить субсидию на жильё');
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(page.getByRole('button', { name: t('cases:action.open') })).toBeFocused();

    // A second goal of 501 letters: refused on the goals field, nothing saved.
    await planButton.click();
    await goals.fill(`Оформить субсидию на жильё\n${'ж'.repeat(501)}`);
    await page.keyboard.press('Control+Enter');
    await expect(goals).toHaveAttribute('aria-invalid', 'true');
    await expect(panel.locator('.field-error')).toHaveText(t('common:validation.tooLong'));
    await page.screenshot({ path: artifactPath('cases-plan-refused-ru.png') });
    expect((await hearth.call('cases.get', { id: opened.id })).goals).toEqual(['Оформить субсидию на жильё']);
    await goals.fill('Оформить субсидию на жильё\nУстроить ребёнка в детский сад');
    await page.keyboard.press('Control+Enter');
    await expect(panel).toHaveCount(0);
    await expect(page.getByText('Устроить ребёнка в детский сад')).toBeVisible();
    expect((await hearth.call('cases.get', { id: opened.id })).goals).toEqual(['Оформить субсидию на жильё', 'Устроить ребёнка в детский сад']);

    // The agreement: today (the day shown), with its note.
    await page.getByRole('button', { name: t('cases:agreement.open') }).click();
    const agreement = page.getByRole('form', { name: t('cases:agreement.open') });
    await agreement.getByLabel(t('cases:fields.note')).fill('Подписан социальный контракт.');
    await page.screenshot({ path: artifactPath('cases-agreement-ru.png') });
    await page.keyboard.press('Control+Enter');
    await expect(agreement).toHaveCount(0);
    expect(await hearth.call('cases.get', { id: opened.id })).toMatchObject({ agreementOn: today, agreementNote: 'Подписан социальный контракт.' });
  });
});
