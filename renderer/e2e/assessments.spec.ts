import { test, expect, openApp } from './fixtures';
import { ownString } from './i18n';
import { artifactPath } from './paths';
import { dateField, dateValue, fillDate } from './pages';

/**
 * Needs assessments (issue 13), in Ukrainian, as a coordinator of the demo centre: open a demo
 * resident (one the demo assessed, so a consent covering health is on record), record an
 * assessment with two needs from the keyboard, see it in the list on the resident's page, open it
 * and look at its printable A4 view.
 */
test.describe('assessments (uk)', () => {
  test.use({ demo: true, demoLanguage: 'uk', signInAs: 'coordinator' });

  test('record an assessment with two needs, see it in the list and print it', async ({ page, hearth }) => {
    for (const key of ['assessments:section.title', 'assessments:form.title', 'common:assessment.kind.needsAssessment', 'common:assessment.area.housing', 'common:validation.assessmentConsentRequired']) {
      expect(ownString('uk', key), key).not.toBe(ownString('en', key));
    }
    const due = await hearth.call('assessments.dueFollowUps', { until: '2099-12-31' });
    const residentId = due.items.find((a) => a.residentId !== null)?.residentId;
    expect(residentId, 'the demo has assessed residents').toBeTruthy();
    const status = await hearth.call('app.status', {});
    const today = status.today;
    const followUp = new Date(Date.parse(`${today}T12:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    const before = (await hearth.call('assessments.ofResident', { residentId: residentId ?? 0 })).items.length;

    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'uk', route: `/residents/${residentId}` });
    const section = page.getByRole('region', { name: t('assessments:section.title') });
    await expect(section.getByRole('row')).toHaveCount(before + 1);
    await section.getByRole('link', { name: t('assessments:section.record') }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: t('assessments:form.title'), level: 1 })).toBeVisible();
    // The date is today, the worker the signed-in coordinator.
    expect(await dateValue(dateField(page, t('assessments:form.date')))).toBe(today);
    await expect(page.getByLabel(t('assessments:form.worker'))).not.toHaveValue('');

    // Two needs, from the keyboard: tick with Space, choose the severity beside it.
    const housing = t('common:assessment.area.housing');
    const income = t('common:assessment.area.income');
    await page.getByRole('checkbox', { name: housing }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    const housingSeverity = page.getByRole('combobox', { name: t('assessments:form.severityOf', { area: housing }) });
    await expect(housingSeverity).toBeFocused();
    await housingSeverity.selectOption('urgent');
    await page.getByRole('checkbox', { name: income }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('combobox', { name: t('assessments:form.severityOf', { area: income }) }).selectOption('high');
    await page.getByLabel(t('assessments:form.conclusion')).fill('Сім’я винаймає кімнату, борг за комунальні послуги; дохід — лише пенсія.');
    await page.getByLabel(t('assessments:form.services')).fill('Консультація щодо субсидії; продуктові набори; соціальний супровід.');
    await fillDate(dateField(page, t('assessments:form.followUp')), followUp);
    await page.screenshot({ path: artifactPath('assessments-form-uk.png') });
    await page.screenshot({ path: artifactPath('assessments-form-full-uk.png'), fullPage: true });

    // Ctrl+Enter saves and opens the printable view.
    await page.keyboard.press('Control+Enter');
    const kind = t('common:assessment.kind.needsAssessment');
    await expect(page.getByRole('heading', { name: kind, level: 1 })).toBeVisible();
    const sheet = page.locator('.assessment-sheet');
    await expect(sheet.getByRole('cell', { name: housing })).toBeVisible();
    await expect(sheet.getByRole('cell', { name: t('common:assessment.severity.urgent') })).toBeVisible();
    await expect(sheet.getByText('соціальний супровід', { exact: false })).toBeVisible();
    await page.screenshot({ path: artifactPath('assessments-view-uk.png') });
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: t('assessments:view.print') })).toBeHidden();
    await page.screenshot({ path: artifactPath('assessments-print-uk.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // Back on the resident's page, it is in the list, the latest first; the date opens it.
    await page.getByRole('link', { name: t('assessments:view.back') }).click();
    await expect(section.getByRole('row')).toHaveCount(before + 2);
    const first = section.getByRole('row').nth(1);
    await expect(first).toContainText(housing);
    await expect(first).toContainText(t('common:assessment.severity.urgent'));
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('assessments-list-uk.png') });
    await first.getByRole('link').click();
    await expect(page.getByRole('heading', { name: kind, level: 1 })).toBeVisible();

    const saved = await hearth.call('assessments.ofResident', { residentId: residentId ?? 0 });
    expect(saved.items).toHaveLength(before + 1);
    expect(saved.items[0]?.needs?.map((n) => [n.areaCode, n.severity])).toEqual([
      ['housing', 'urgent'],
      ['income', 'high'],
    ]);
    expect(saved.items[0]).toMatchObject({ assessedOn: today, followUpOn: followUp });

    // Corrected: the form comes back filled in; income was urgent after all.
    await page.getByRole('link', { name: t('assessments:view.edit') }).click();
    await expect(page.getByRole('heading', { name: t('assessments:form.editTitle'), level: 1 })).toBeVisible();
    await expect(page.getByLabel(t('assessments:form.kind'))).toBeFocused();
    await expect(page.getByRole('checkbox', { name: housing })).toBeChecked();
    const incomeSeverity = page.getByRole('combobox', { name: t('assessments:form.severityOf', { area: income }) });
    await expect(incomeSeverity).toHaveValue('high');
    await incomeSeverity.selectOption('urgent');
    await incomeSeverity.focus();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('heading', { name: kind, level: 1 })).toBeVisible();
    const corrected = await hearth.call('assessments.get', { id: saved.items[0]?.id ?? 0 });
    expect(corrected.needs.map((n) => [n.areaCode, n.severity])).toEqual([
      ['housing', 'urgent'],
      ['income', 'urgent'],
    ]);

    // Someone without a consent covering health: the needs are refused beside them, with the way
    // to record the consent, and nothing is saved.
    const fresh = await hearth.call('residents.create', { lastName: 'Ковальчук', firstName: 'Ірина', birthYear: 1979, settlement: 'Сылва' });
    await page.goto(`${hearth.url}#/residents/${fresh.id}/assessments/new`);
    await expect(page.getByRole('heading', { name: t('assessments:form.title'), level: 1 })).toBeVisible();
    await page.getByRole('checkbox', { name: t('common:assessment.area.documents') }).check();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByText(t('common:validation.assessmentConsentRequired'))).toBeVisible();
    await page.getByText(t('common:validation.assessmentConsentRequired')).scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('assessments-no-consent-uk.png') });
    expect((await hearth.call('assessments.ofResident', { residentId: fresh.id })).items).toEqual([]);

    // The centre's own need area: added on the lists' screen, offered by the form.
    await page.goto(`${hearth.url}#/assessments/lists`);
    await expect(page.getByRole('heading', { name: t('assessments:lists.title'), level: 1 })).toBeVisible();
    await page.getByLabel(t('assessments:lists.add.area')).fill('Транспорт до лікарні');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: t('assessments:lists.area') }).getByRole('cell', { name: 'Транспорт до лікарні', exact: true })).toBeVisible();
    await page.screenshot({ path: artifactPath('assessments-lists-uk.png'), fullPage: true });
    await page.goto(`${hearth.url}#/residents/${residentId}/assessments/new`);
    await expect(page.getByRole('checkbox', { name: 'Транспорт до лікарні' })).toBeVisible();

    // The follow-ups due: everyone's by the new follow-up's day includes it.
    await page.goto(`${hearth.url}#/assessments/due`);
    await fillDate(dateField(page, t('assessments:due.until')), followUp);
    const name = (await hearth.call('residents.get', { id: residentId ?? 0 })).resident.fullName;
    await expect(page.getByRole('row').filter({ hasText: name }).first()).toBeVisible();
    await page.screenshot({ path: artifactPath('assessments-due-uk.png') });
  });

  test('open a case from an assessment, review it and close it', async ({ page, hearth }) => {
    const status = await hearth.call('app.status', {});
    const today = status.today;
    // A new resident, their consent covering health, an assessment: the case is opened from it on screen.
    const r = await hearth.call('residents.create', { lastName: 'Бондаренко', firstName: 'Олег', birthYear: 1971, settlement: 'Сылва' });
    await hearth.call('privacy.recordConsent', { residentId: r.id, basis: 'consent', scopes: ['basic', 'health'], givenOn: today });
    const options = await hearth.call('assessments.options', {});
    const kindId = options.kinds.find((k) => k.code === 'needsAssessment')?.id ?? 0;
    const documents = options.areas.find((a) => a.code === 'documents')?.id ?? 0;
    const a = await hearth.call('assessments.record', { residentId: r.id, kindId, assessedOn: today, workerId: status.user.id, needs: [{ areaId: documents, severity: 'high' }], conclusion: 'Втрачено паспорт.' });

    await page.setViewportSize({ width: 1366, height: 768 });
    const t = await openApp(page, hearth, { language: 'uk', route: `/assessments/${a.id}` });
    const openCase = page.getByRole('button', { name: t('cases:open.fromAssessment') });
    await openCase.focus();
    await page.keyboard.press('Enter');
    // The case's screen: opened today from this assessment, which it links back to.
    await expect(page.getByRole('link', { name: t('cases:fields.assessmentLink') })).toBeVisible();
    const c = (await hearth.call('cases.ofResident', { residentId: r.id })).cases[0];
    expect(c).toMatchObject({ status: 'open', openedOn: today });
    expect((await hearth.call('cases.get', { id: c?.id ?? 0 })).assessmentId).toBe(a.id);

    // Reviewed the same day, then closed with the goals met (no action open: no warning).
    await page.getByRole('button', { name: t('cases:review.open') }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel(t('cases:fields.note')).fill('Документи подано до ЦНАП.');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('heading', { name: t('cases:review.title', { count: 1 }) })).toBeVisible();
    await page.getByRole('button', { name: t('cases:close.open') }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel(t('cases:fields.outcome')).selectOption('goalsMet');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByText(`${t('common:case.status.closed')} · `, { exact: false })).toBeVisible();
    await page.screenshot({ path: artifactPath('assessments-case-closed-uk.png'), fullPage: true });
    expect(await hearth.call('cases.get', { id: c?.id ?? 0 })).toMatchObject({ status: 'closed', closedOn: today, outcome: 'goalsMet', assessmentId: a.id });

    // A second case from the same assessment while none is open is allowed; the button again on the
    // assessment shows the way to it once one is open.
    await page.goto(`${hearth.url}#/assessments/${a.id}`);
    await page.getByRole('button', { name: t('cases:open.fromAssessment') }).click();
    await expect(page.getByRole('link', { name: t('cases:fields.assessmentLink') })).toBeVisible();
    await page.goto(`${hearth.url}#/assessments/${a.id}`);
    await page.getByRole('button', { name: t('cases:open.fromAssessment') }).click();
    await expect(page.getByRole('link', { name: t('cases:open.goToOpen') })).toBeVisible();
  });
});
