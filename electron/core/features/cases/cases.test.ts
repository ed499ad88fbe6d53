import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../../shared/api/errors';
import type { Actor } from '../../context';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput } from '../../testing/builders';
import { collectPersonData } from '../privacy/person-export';
import { DEFAULT_RETENTION } from '../../../../shared/domain/privacy';

// Today is 2026-11-16 (a Monday).
const NOW = '2026-11-16T09:30:00.000Z';
const TREASURER: Actor = { id: 1, role: 'treasurer' };
const FRONTDESK: Actor = { id: 1, role: 'frontdesk' };

let t: TestCore;

beforeEach(async () => {
  t = await createTestCore({ now: NOW });
});
afterEach(async () => {
  await t.close();
});

function fieldsOf(envelope: Envelope<unknown>): string[] {
  expect(envelope.ok).toBe(false);
  if (envelope.ok) return [];
  expect(envelope.error.code).toBe('validation');
  return (envelope.error.fields ?? []).map((f) => `${f.path}:${f.message}`);
}

const resident = async (lastName: string, firstName: string, consent = true) => {
  const id = (await t.value('residents.create', residentInput({ lastName, firstName, patronymic: '', birthYear: 1985, street: 'Заречная', house: '7', flat: '' }))).id;
  if (consent) await t.value('privacy.recordConsent', { residentId: id, basis: 'consent', scopes: ['basic', 'health'], givenOn: '2026-11-01' });
  return id;
};

const coordinator = async (name: string) =>
  (await t.value('users.create', { name, role: 'coordinator', language: null, password: 'coordinator-pass', pin: null })).id;

describe('opening a case', () => {
  it('opens a case for a resident, with goals and the first review; the audit names the case only', async () => {
    const olena = await resident('Коваленко', 'Олена');
    const c = await t.value('cases.open', { residentId: olena, openedOn: '2026-11-02', goals: ['Оформити житлову субсидію'], nextReviewOn: '2026-12-02' });
    expect(c).toMatchObject({
      residentId: olena,
      householdId: null,
      subjectName: 'Коваленко Олена',
      openedOn: '2026-11-02',
      workerId: 1,
      status: 'open',
      closedOn: null,
      outcome: null,
      nextReviewOn: '2026-12-02',
      reviewOverdue: false,
      goals: ['Оформити житлову субсидію'],
      actions: [],
      openActions: 0,
      assessmentId: null,
    });
    expect(await t.value('cases.get', { id: c.id })).toEqual(c);
    const audit = t.sqlite.prepare("select action, entity_type, entity_id, details from audit_log where call = 'cases.open'").all() as Array<{ details: string }>;
    expect(audit).toEqual([{ action: 'change', entity_type: 'cases', entity_id: String(c.id), details: expect.any(String) }]);
    // The goals (case content) are named as changed, never written into the log.
    expect(JSON.parse(audit[0]?.details ?? '{}').fields).toContainEqual({ field: 'goals', changed: true });
    expect(audit[0]?.details).not.toContain('субсидію');
  });

  it('refuses a second open case of a person, pointing at the open one; a closed one does not count', async () => {
    const olena = await resident('Коваленко', 'Олена');
    const first = await t.value('cases.open', { residentId: olena });
    const before = t.dump();
    const env = await t.call('cases.open', { residentId: olena });
    expect(fieldsOf(env)).toEqual(['residentId:validation.caseAlreadyOpen']);
    expect(!env.ok && env.error.details).toEqual({ caseId: first.id });
    expect(t.dump()).toEqual(before);
    await t.value('cases.close', { id: first.id, outcome: 'goalsMet' });
    expect((await t.value('cases.open', { residentId: olena })).status).toBe('open');
  });

  it('a household has one open case at a time too, under its head’s consent', async () => {
    const olena = await resident('Коваленко', 'Олена');
    const ivan = await resident('Коваленко', 'Іван', false);
    const h = await t.value('households.create', { headResidentId: olena, members: [{ residentId: ivan, relation: 'spouse' }] });
    const c = await t.value('cases.open', { householdId: h.id });
    expect(c).toMatchObject({ residentId: null, householdId: h.id, subjectName: 'Коваленко Олена' });
    const env = await t.call('cases.open', { householdId: h.id });
    expect(fieldsOf(env)).toEqual(['householdId:validation.caseAlreadyOpen']);
    expect(!env.ok && env.error.details).toEqual({ caseId: c.id });
    // Ivan (no consent of his own) is not covered by his wife's: his own case is refused.
    expect(fieldsOf(await t.call('cases.open', { residentId: ivan }))).toEqual(['residentId:validation.caseConsentRequired']);
    // Both cases show on each member's page.
    expect((await t.value('cases.ofResident', { residentId: ivan })).cases.map((x) => x.id)).toEqual([c.id]);
  });

  it('refuses without a consent covering health, with the way to record it, and a household whose head has none', async () => {
    const petro = await resident('Бондар', 'Петро', false);
    await t.value('privacy.recordConsent', { residentId: petro, basis: 'consent', scopes: ['basic'], givenOn: '2026-11-01' });
    const before = t.dump();
    expect(fieldsOf(await t.call('cases.open', { residentId: petro }))).toEqual(['residentId:validation.caseConsentRequired']);
    const h = await t.value('households.create', { headResidentId: petro });
    expect(fieldsOf(await t.call('cases.open', { householdId: h.id }))).toEqual(['householdId:validation.caseConsentHead']);
    expect(t.dump().cases).toEqual(before.cases);
  });

  it('refuses a future opening day, a review before the opening, neither or both subjects, an unknown worker', async () => {
    const olena = await resident('Коваленко', 'Олена');
    const before = t.dump();
    expect(fieldsOf(await t.call('cases.open', { residentId: olena, openedOn: '2026-11-17' }))).toEqual(['openedOn:validation.dateInFuture']);
    expect(fieldsOf(await t.call('cases.open', { residentId: olena, openedOn: '2026-11-10', nextReviewOn: '2026-11-09' }))).toEqual(['nextReviewOn:validation.dateOrder']);
    expect(fieldsOf(await t.call('cases.open', {}))).toEqual(['residentId:validation.caseSubject']);
    expect(fieldsOf(await t.call('cases.open', { residentId: olena, householdId: 1 }))).toEqual(['residentId:validation.caseSubject']);
    expect(fieldsOf(await t.call('cases.open', { residentId: olena, workerId: 99 }))).toEqual(['workerId:validation.unknownWorker']);
    expect(t.dump()).toEqual(before);
  });

  it('opens from an assessment of the same person or household only', async () => {
    const olena = await resident('Коваленко', 'Олена');
    const petro = await resident('Мельник', 'Петро');
    const kind = Number(t.sqlite.prepare("select id from assessment_options where list = 'kind' and code = 'needsAssessment'").pluck().get());
    const a = await t.value('assessments.record', { residentId: olena, kindId: kind, assessedOn: '2026-11-10', workerId: 1 });
    const before = t.dump();
    expect(fieldsOf(await t.call('cases.open', { residentId: olena, assessmentId: 4242 }))).toEqual(['assessmentId:validation.caseAssessment']);
    expect(fieldsOf(await t.call('cases.open', { residentId: petro, assessmentId: a.id }))).toEqual(['assessmentId:validation.caseAssessment']);
    expect(t.dump()).toEqual(before);
    expect((await t.value('cases.open', { residentId: olena, assessmentId: a.id })).assessmentId).toBe(a.id);
  });
});

describe('working a case', () => {
  it('plan, actions, contacts, review and agreement; dates in the future refused where it happened', async () => {
    const olena = await resident('Коваленко', 'Олена');
    const maria = await coordinator('Марія Шевченко');
    const c = await t.value('cases.open', { residentId: olena, openedOn: '2026-11-02' });
    await t.value('cases.updatePlan', { id: c.id, goals: ['Субсидія', 'Садочок для дитини'] });
    // Due days may be in the future; the responsible is a worker or a person named in words.
    await t.value('cases.addAction', { id: c.id, text: 'Довідки про доходи', dueOn: '2026-11-10', responsibleText: 'отримувачка' });
    await t.value('cases.addAction', { id: c.id, text: 'Заява до садочка', dueOn: '2026-12-01', responsibleUserId: maria });
    await t.value('cases.logContact', { id: c.id, on: '2026-11-05', kind: 'visit', note: 'Візит додому' });
    await t.value('cases.recordAgreement', { id: c.id, signedOn: '2026-11-05', note: 'Угода на 6 місяців' });
    const reviewed = await t.value('cases.review', { id: c.id, on: '2026-11-12', note: 'План на місці', nextReviewOn: '2026-12-12' });
    expect(reviewed).toMatchObject({
      goals: ['Субсидія', 'Садочок для дитини'],
      agreementOn: '2026-11-05',
      agreementNote: 'Угода на 6 місяців',
      nextReviewOn: '2026-12-12',
      openActions: 2,
    });
    expect(reviewed.actions.map((a) => [a.text, a.dueOn, a.responsibleUserName, a.responsibleText, a.overdue])).toEqual([
      ['Довідки про доходи', '2026-11-10', null, 'отримувачка', true],
      ['Заява до садочка', '2026-12-01', 'Марія Шевченко', '', false],
    ]);
    expect(reviewed.contacts.map((x) => [x.on, x.kind, x.note, x.byUserName])).toEqual([['2026-11-05', 'visit', 'Візит додому', 'Administrator']]);
    expect(reviewed.reviews.map((x) => [x.on, x.note, x.nextReviewOn])).toEqual([['2026-11-12', 'План на місці', '2026-12-12']]);

    const before = t.dump();
    expect(fieldsOf(await t.call('cases.logContact', { id: c.id, on: '2026-11-17', kind: 'call' }))).toEqual(['on:validation.dateInFuture']);
    expect(fieldsOf(await t.call('cases.logContact', { id: c.id, on: '2026-11-01', kind: 'call' }))).toEqual(['on:validation.beforeCaseOpened']);
    expect(fieldsOf(await t.call('cases.review', { id: c.id, on: '2026-11-17' }))).toEqual(['on:validation.dateInFuture']);
    expect(fieldsOf(await t.call('cases.review', { id: c.id, on: '2026-11-16', nextReviewOn: '2026-11-16' }))).toEqual(['nextReviewOn:validation.nextReviewAfter']);
    expect(fieldsOf(await t.call('cases.recordAgreement', { id: c.id, signedOn: '2026-11-20' }))).toEqual(['signedOn:validation.dateInFuture']);
    expect(fieldsOf(await t.call('cases.close', { id: c.id, outcome: 'goalsMet', closedOn: '2026-11-17', confirmOpenActions: true }))).toEqual(['closedOn:validation.dateInFuture']);
    expect(fieldsOf(await t.call('cases.close', { id: c.id, outcome: 'goalsMet', closedOn: '2026-11-01', confirmOpenActions: true }))).toEqual(['closedOn:validation.beforeCaseOpened']);
    expect(fieldsOf(await t.call('cases.completeAction', { id: c.id, actionId: reviewed.actions[0]?.id ?? 0, doneOn: '2026-11-17' }))).toEqual(['doneOn:validation.dateInFuture']);
    expect(fieldsOf(await t.call('cases.addAction', { id: c.id, text: 'X', dueOn: '2026-12-01' }))).toEqual(['responsibleText:validation.caseResponsible']);
    expect(t.dump()).toEqual(before);

    const done = await t.value('cases.completeAction', { id: c.id, actionId: reviewed.actions[0]?.id ?? 0, doneOn: '2026-11-14' });
    expect(done.openActions).toBe(1);
    expect(done.actions[0]).toMatchObject({ doneOn: '2026-11-14', overdue: false });
  });

  it('content is refused once the consent covering health was withdrawn', async () => {
    const olena = await resident('Коваленко', 'Олена');
    const c = await t.value('cases.open', { residentId: olena });
    const consentId = (await t.value('privacy.consents', { residentId: olena }))[0]?.id ?? 0;
    await t.value('privacy.withdrawConsent', { consentId });
    expect(fieldsOf(await t.call('cases.logContact', { id: c.id, kind: 'call', note: 'Дзвінок' }))).toEqual(['note:validation.caseConsentRequired']);
    expect(fieldsOf(await t.call('cases.updatePlan', { id: c.id, goals: ['Субсидія'] }))).toEqual(['goals:validation.caseConsentRequired']);
  });
});

describe('closing a case', () => {
  it('with open actions it is refused with their count unless confirmed; a closed case takes no changes', async () => {
    const olena = await resident('Коваленко', 'Олена');
    const c = await t.value('cases.open', { residentId: olena, openedOn: '2026-11-02' });
    await t.value('cases.addAction', { id: c.id, text: 'Довідки', dueOn: '2026-11-10', responsibleText: 'отримувачка' });
    await t.value('cases.addAction', { id: c.id, text: 'Заява', dueOn: '2026-11-20', responsibleText: 'сімейний асистент' });
    const before = t.dump();
    const refused = await t.call('cases.close', { id: c.id, outcome: 'partlyMet', note: 'Переїзд' });
    expect(refused).toEqual({ ok: false, error: { code: 'openActions', message: expect.any(String), details: { count: 2 } } });
    expect(t.dump()).toEqual(before);
    const closed = await t.value('cases.close', { id: c.id, outcome: 'partlyMet', note: 'Частково', closedOn: '2026-11-15', confirmOpenActions: true });
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-11-15', outcome: 'partlyMet', closingNote: 'Частково', openActions: 2, reviewOverdue: false });
    // Nothing overdue on a closed case.
    expect(closed.actions.every((a) => !a.overdue)).toBe(true);
    expect(fieldsOf(await t.call('cases.logContact', { id: c.id, kind: 'call' }))).toEqual(['id:validation.caseClosed']);
  });

  it('without open actions it closes at once', async () => {
    const olena = await resident('Коваленко', 'Олена');
    const c = await t.value('cases.open', { residentId: olena });
    expect((await t.value('cases.close', { id: c.id, outcome: 'goalsMet' })).status).toBe('closed');
  });
});

describe('who sees what', () => {
  it('the front desk sees that a case exists, its worker, day and status, not what it says; the treasurer nothing', async () => {
    const olena = await resident('Коваленко', 'Олена');
    const c = await t.value('cases.open', { residentId: olena, openedOn: '2026-11-02', goals: ['Субсидія'], nextReviewOn: '2026-12-02' });
    const seen = await t.value('cases.ofResident', { residentId: olena }, FRONTDESK);
    expect(seen).toEqual({
      householdId: null,
      cases: [{ id: c.id, residentId: olena, householdId: null, subjectName: 'Коваленко Олена', openedOn: '2026-11-02', workerId: 1, workerName: 'Administrator', status: 'open', closedOn: null, nextReviewOn: '2026-12-02' }],
    });
    const full = await t.value('cases.ofResident', { residentId: olena });
    expect(full.cases[0]).toMatchObject({ outcome: null, goalCount: 1, openActions: 0 });
    for (const [name, input] of [
      ['cases.get', { id: c.id }],
      ['cases.logContact', { id: c.id, kind: 'call' }],
      ['cases.caseload', {}],
      ['cases.open', { residentId: olena }],
    ] as const) {
      const env = await t.raw(name, input, FRONTDESK);
      expect(!env.ok && env.error.code, name).toBe('forbidden');
    }
    for (const [name, input] of [
      ['cases.ofResident', { residentId: olena }],
      ['cases.get', { id: c.id }],
      ['cases.caseload', {}],
    ] as const) {
      const env = await t.raw(name, input, TREASURER);
      expect(!env.ok && env.error.code, name).toBe('forbidden');
    }
  });
});

describe('caseload', () => {
  it("a worker's open cases with the next review, overdue actions and overdue reviews", async () => {
    const maria = await coordinator('Марія Шевченко');
    const asMaria: Actor = { id: maria, role: 'coordinator' };
    const a = await resident('Коваленко', 'Олена');
    const b = await resident('Бондар', 'Петро');
    const d = await resident('Ткаченко', 'Ганна');
    const e = await resident('Мельник', 'Іван');
    // A: review due 2026-11-10 (overdue), two actions overdue (11-05, 11-12), one done, one due later.
    const ca = await t.value('cases.open', { residentId: a, openedOn: '2026-10-01', nextReviewOn: '2026-11-10' }, asMaria);
    await t.value('cases.addAction', { id: ca.id, text: 'Довідки', dueOn: '2026-11-05', responsibleText: 'отримувачка' }, asMaria);
    await t.value('cases.addAction', { id: ca.id, text: 'Заява', dueOn: '2026-11-12', responsibleUserId: maria }, asMaria);
    const done = await t.value('cases.addAction', { id: ca.id, text: 'Дзвінок до школи', dueOn: '2026-11-01', responsibleText: 'сімейний асистент' }, asMaria);
    await t.value('cases.completeAction', { id: ca.id, actionId: done.actions.find((x) => x.text === 'Дзвінок до школи')?.id ?? 0 }, asMaria);
    await t.value('cases.addAction', { id: ca.id, text: 'Путівка', dueOn: '2026-12-20', responsibleText: 'отримувачка' }, asMaria);
    // B: review 2026-11-20 (not yet), an action due today (not overdue).
    const cb = await t.value('cases.open', { residentId: b, openedOn: '2026-11-01', nextReviewOn: '2026-11-20' }, asMaria);
    await t.value('cases.addAction', { id: cb.id, text: 'Консультація юриста', dueOn: '2026-11-16', responsibleText: 'юрист' }, asMaria);
    // C: no review planned.
    const cc = await t.value('cases.open', { residentId: d, openedOn: '2026-11-03' }, asMaria);
    // Another worker's case, and a closed case of Maria's, are not in her caseload.
    await t.value('cases.open', { residentId: e, nextReviewOn: '2026-11-01', openedOn: '2026-10-01' });
    const gone = await t.value('cases.open', { residentId: e === 0 ? 0 : await resident('Лисенко', 'Олег'), openedOn: '2026-10-01', nextReviewOn: '2026-10-15' }, asMaria);
    await t.value('cases.close', { id: gone.id, outcome: 'moved' }, asMaria);

    const load = await t.value('cases.caseload', {}, asMaria);
    expect(load.workerName).toBe('Марія Шевченко');
    expect(load.today).toBe('2026-11-16');
    expect(load.cases.map((x) => [x.id, x.subjectName, x.nextReviewOn, x.reviewOverdue, x.openActions, x.overdueActions])).toEqual([
      [ca.id, 'Коваленко Олена', '2026-11-10', true, 3, 2],
      [cb.id, 'Бондар Петро', '2026-11-20', false, 1, 0],
      [cc.id, 'Ткаченко Ганна', null, false, 0, 0],
    ]);
    expect(load.overdueActions.map((x) => [x.caseId, x.text, x.dueOn, x.responsible])).toEqual([
      [ca.id, 'Довідки', '2026-11-05', 'отримувачка'],
      [ca.id, 'Заява', '2026-11-12', 'Марія Шевченко'],
    ]);
    expect(load.reviewsOverdue).toBe(1);
    // The admin may look at Maria's caseload; their own has the one other case.
    expect((await t.value('cases.caseload', { workerId: maria })).cases).toHaveLength(3);
    expect((await t.value('cases.caseload', {})).cases.map((x) => x.subjectName)).toEqual(['Мельник Іван']);
    expect(load.workers.map((w) => w.name)).toEqual(['Administrator', 'Марія Шевченко']);
  });
});

describe('export and erasure', () => {
  it("a person's export holds their cases; erasure blanks them and every count stays", async () => {
    const olena = await resident('Коваленко', 'Олена');
    const c = await t.value('cases.open', { residentId: olena, openedOn: '2026-11-02', goals: ['Субсидія'] });
    await t.value('cases.addAction', { id: c.id, text: 'Довідки', dueOn: '2026-11-10', responsibleText: 'отримувачка' });
    await t.value('cases.logContact', { id: c.id, on: '2026-11-05', kind: 'legalConsultation', note: 'Консультація щодо боргу' });
    await t.value('cases.review', { id: c.id, on: '2026-11-12', note: 'Перегляд', nextReviewOn: '2026-12-12' });
    await t.value('cases.recordAgreement', { id: c.id, signedOn: '2026-11-05', note: 'Угода' });

    const data = await collectPersonData(t.deps.db, olena, { language: 'uk', createdAt: NOW, centreName: null, retention: DEFAULT_RETENTION });
    expect(data.cases).toEqual([
      {
        caseId: c.id,
        openedOn: '2026-11-02',
        status: 'open',
        closedOn: null,
        outcome: null,
        closingNote: '',
        agreementOn: '2026-11-05',
        agreementNote: 'Угода',
        nextReviewOn: '2026-12-12',
        goals: ['Субсидія'],
        actions: [{ text: 'Довідки', dueOn: '2026-11-10', responsible: 'отримувачка', doneOn: null }],
        contacts: [{ on: '2026-11-05', kind: 'legalConsultation', note: 'Консультація щодо боргу' }],
        reviews: [{ on: '2026-11-12', note: 'Перегляд', nextReviewOn: '2026-12-12' }],
      },
    ]);

    const count = (table: string) => t.sqlite.prepare(`select count(*) from ${table}`).pluck().get();
    const counts = () => ['cases', 'case_actions', 'case_contacts', 'case_reviews'].map(count);
    expect(counts()).toEqual([1, 1, 1, 1]);
    await t.value('privacy.erasePerson', { residentId: olena, confirmName: 'Коваленко Олена' });
    expect(counts()).toEqual([1, 1, 1, 1]);
    expect(t.sqlite.prepare('select resident_id, opened_on, status, closed_on, outcome, closing_note, agreement_on, agreement_note from cases').get()).toEqual({
      resident_id: null,
      opened_on: '2026-11-02',
      status: 'closed',
      closed_on: '2026-11-16',
      outcome: 'droppedOut',
      closing_note: '',
      agreement_on: '2026-11-05',
      agreement_note: '',
    });
    expect(count('case_goals')).toBe(0);
    const text = JSON.stringify(
      ['case_actions', 'case_contacts', 'case_reviews'].map((table) => t.sqlite.prepare(`select * from ${table}`).all()),
    );
    for (const gone of ['Довідки', 'отримувачка', 'боргу', 'Перегляд']) expect(text).not.toContain(gone);
    expect((await t.value('cases.ofResident', { residentId: olena })).cases).toEqual([]);
  });

  it("a household's case keeps its content while a registered member lives there, and loses it with the last one", async () => {
    const olena = await resident('Коваленко', 'Олена');
    const ivan = await resident('Коваленко', 'Іван');
    const h = await t.value('households.create', { headResidentId: olena, members: [{ residentId: ivan, relation: 'spouse' }] });
    const c = await t.value('cases.open', { householdId: h.id, goals: ['Житлова субсидія'] });
    await t.value('cases.logContact', { id: c.id, kind: 'visit', note: 'Візит до родини' });
    await t.value('privacy.erasePerson', { residentId: olena, confirmName: 'Коваленко Олена' });
    // Ivan still lives there: the family's case is as it was.
    expect(await t.value('cases.get', { id: c.id })).toMatchObject({ status: 'open', goals: ['Житлова субсидія'] });
    await t.value('privacy.erasePerson', { residentId: ivan, confirmName: 'Коваленко Іван' });
    const after = await t.value('cases.get', { id: c.id });
    expect(after).toMatchObject({ householdId: h.id, status: 'closed', outcome: 'droppedOut', goals: [], subjectName: '' });
    expect(after.contacts.map((x) => [x.kind, x.note])).toEqual([['visit', '']]);
  });
});
