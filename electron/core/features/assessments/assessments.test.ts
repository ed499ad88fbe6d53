import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALL_NAMES, type CallName } from '../../../../shared/api/contract';
import type { Envelope } from '../../../../shared/api/errors';
import { DEFAULT_RETENTION } from '../../../../shared/domain/privacy';
import type { Actor } from '../../context';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput, validInputs } from '../../testing/builders';
import { collectPersonData, personHtml } from '../privacy/person-export';
import { OPTION } from './assessments.builders';

const NOW = '2026-11-16T09:30:00.000Z';
const TREASURER: Actor = { id: 1, role: 'treasurer' };
const FRONTDESK: Actor = { id: 1, role: 'frontdesk' };
const COORDINATOR: Actor = { id: 1, role: 'coordinator' };

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

const resident = async (lastName: string, firstName: string) =>
  (await t.value('residents.create', residentInput({ lastName, firstName, patronymic: '', street: 'Шевченка', house: '12', flat: '' }))).id;
const consent = (residentId: number, scopes: Array<'basic' | 'health'> = ['basic', 'health']) =>
  t.value('privacy.recordConsent', { residentId, basis: 'consent', scopes, givenOn: '2026-11-01' });

/** Mariia Bondar, with a consent covering health, assessed on 10 November with two needs. */
async function assessed() {
  const mariia = await resident('Бондар', 'Марія');
  await consent(mariia);
  const a = await t.value('assessments.record', {
    residentId: mariia,
    kindId: OPTION.needsAssessment,
    assessedOn: '2026-11-10',
    workerId: 1,
    needs: [
      { areaId: OPTION.income, severity: 'high' },
      { areaId: OPTION.housing, severity: 'urgent' },
    ],
    conclusion: 'Сім’я переселенців, живе в орендованій кімнаті, без стабільного доходу.',
    services: 'Гуманітарна допомога, консультація щодо житлової субсидії.',
    followUpOn: '2026-12-10',
  });
  return { mariia, a };
}

describe('assessments.record', () => {
  it('records an assessment with its needs in the order of the list, kind, worker and follow-up', async () => {
    const { mariia, a } = await assessed();
    expect(a).toMatchObject({
      residentId: mariia,
      householdId: null,
      subjectName: 'Бондар Марія',
      kindId: OPTION.needsAssessment,
      kindCode: 'needsAssessment',
      kindName: null,
      assessedOn: '2026-11-10',
      workerId: 1,
      workerName: 'Administrator',
      followUpOn: '2026-12-10',
      createdAt: NOW,
    });
    // Housing comes before income in the centre's list, whatever order they were ticked in.
    expect(a.needs).toEqual([
      { areaId: OPTION.housing, areaCode: 'housing', areaName: null, severity: 'urgent' },
      { areaId: OPTION.income, areaCode: 'income', areaName: null, severity: 'high' },
    ]);
    expect(await t.value('assessments.get', { id: a.id })).toEqual(a);
    expect(t.sqlite.prepare('select count(*) from assessment_needs').pluck().get()).toBe(2);
  });

  it('refuses the content without a consent covering health, saying where to record it; nothing is saved', async () => {
    const petro = await resident('Коваль', 'Петро');
    await consent(petro, ['basic']);
    const before = t.dump();
    const input = { residentId: petro, kindId: OPTION.socialHistory, assessedOn: '2026-11-10', workerId: 1 };
    expect(fieldsOf(await t.call('assessments.record', { ...input, needs: [{ areaId: OPTION.health, severity: 'medium' }] }))).toEqual([
      'needs:validation.assessmentConsentRequired',
    ]);
    expect(fieldsOf(await t.call('assessments.record', { ...input, conclusion: 'Потребує догляду' }))).toEqual(['conclusion:validation.assessmentConsentRequired']);
    expect(fieldsOf(await t.call('assessments.record', { ...input, services: 'Соціальний супровід' }))).toEqual(['services:validation.assessmentConsentRequired']);
    expect(t.dump()).toEqual(before);
    // That an assessment was made (kind, date, worker) is not health content.
    expect((await t.value('assessments.record', input)).needs).toEqual([]);
  });

  it('refuses a future date, a follow-up before the assessment, unknown kinds, areas and workers, an area twice', async () => {
    const { mariia } = await assessed();
    const before = t.dump();
    const base = { residentId: mariia, kindId: OPTION.needsAssessment, assessedOn: '2026-11-10', workerId: 1 };
    expect(fieldsOf(await t.call('assessments.record', { ...base, assessedOn: '2026-11-17' }))).toEqual(['assessedOn:validation.dateInFuture']);
    expect(fieldsOf(await t.call('assessments.record', { ...base, followUpOn: '2026-11-09' }))).toEqual(['followUpOn:validation.followUpBeforeAssessment']);
    expect(
      fieldsOf(
        await t.call('assessments.record', {
          ...base,
          kindId: OPTION.housing,
          workerId: 99,
          needs: [
            { areaId: OPTION.socialHistory, severity: 'low' },
            { areaId: OPTION.care, severity: 'low' },
            { areaId: OPTION.care, severity: 'high' },
          ],
        }),
      ),
    ).toEqual(['kindId:validation.unknownAssessmentKind', 'needs.0.areaId:validation.unknownNeedArea', 'needs.2.areaId:validation.duplicate', 'workerId:validation.unknownWorker']);
    expect(fieldsOf(await t.call('assessments.record', { kindId: OPTION.needsAssessment, assessedOn: '2026-11-10', workerId: 1 }))).toEqual(['residentId:validation.required']);
    expect(t.dump()).toEqual(before);
  });

  it("a household's assessment is covered by its head's consent and shows on every member's page", async () => {
    const olena = await resident('Коваленко', 'Олена');
    const ivan = await resident('Коваленко', 'Іван');
    const h = await t.value('households.create', { headResidentId: olena, members: [{ residentId: ivan, relation: 'spouse' }, { relation: 'child', birthYear: 2016 }] });
    const input = {
      householdId: h.id,
      kindId: OPTION.warAffectedChild,
      assessedOn: '2026-11-12',
      workerId: 1,
      needs: [{ areaId: OPTION.warAffected, severity: 'high' as const }],
      conclusion: 'Дитина пережила обстріли; є підстави для статусу.',
    };
    // The spouse's consent is not the head's.
    await consent(ivan);
    expect(fieldsOf(await t.call('assessments.record', input))).toEqual(['needs:validation.assessmentConsentRequired']);
    await consent(olena);
    const a = await t.value('assessments.record', input);
    expect(a).toMatchObject({ householdId: h.id, residentId: null, subjectResidentId: olena, subjectName: 'Коваленко Олена', kindCode: 'warAffectedChild' });
    const own = await t.value('assessments.record', { residentId: ivan, kindId: OPTION.needsAssessment, assessedOn: '2026-11-14', workerId: 1 });
    expect((await t.value('assessments.ofResident', { residentId: ivan })).items.map((x) => x.id)).toEqual([own.id, a.id]);
    expect((await t.value('assessments.ofResident', { residentId: olena })).items.map((x) => x.id)).toEqual([a.id]);
  });
});

describe('assessments.update and follow-ups', () => {
  it('corrects an assessment, replaces its needs and is audited without its content', async () => {
    const { a } = await assessed();
    t.clock.advance(60_000);
    const fixed = await t.value('assessments.update', {
      id: a.id,
      kindId: OPTION.socialHistory,
      assessedOn: '2026-11-09',
      workerId: 1,
      needs: [{ areaId: OPTION.documents, severity: 'medium' }],
      conclusion: 'Потрібне відновлення паспорта.',
      services: 'Супровід до ЦНАП.',
      followUpOn: null,
    });
    expect(fixed).toMatchObject({ kindCode: 'socialHistory', assessedOn: '2026-11-09', followUpOn: null, updatedAt: '2026-11-16T09:31:00.000Z' });
    expect(fixed.needs.map((n) => [n.areaCode, n.severity])).toEqual([['documents', 'medium']]);
    expect(t.sqlite.prepare('select count(*) from assessment_needs').pluck().get()).toBe(1);
    const [entry] = t.sqlite.prepare("select entity_type, entity_id, details from audit_log where call = 'assessments.update'").all() as Array<{ entity_type: string; entity_id: string; details: string }>;
    expect(entry).toMatchObject({ entity_type: 'assessments', entity_id: String(a.id) });
    expect(entry?.details).toContain('"field":"conclusion","changed":true');
    expect(JSON.stringify(t.sqlite.prepare('select * from audit_log').all())).not.toContain('паспорта');
  });

  it('lists the follow-ups due by a day, the earliest first, for one worker or all', async () => {
    const { mariia, a } = await assessed();
    const later = await t.value('assessments.record', { residentId: mariia, kindId: OPTION.socialHistory, assessedOn: '2026-11-11', workerId: 1, followUpOn: '2026-11-20' });
    await t.value('assessments.record', { residentId: mariia, kindId: OPTION.socialHistory, assessedOn: '2026-11-11', workerId: 1 });
    expect((await t.value('assessments.dueFollowUps', {})).items).toEqual([]);
    expect((await t.value('assessments.dueFollowUps', { until: '2026-12-31' })).items.map((x) => x.id)).toEqual([later.id, a.id]);
    expect((await t.value('assessments.dueFollowUps', { until: '2026-11-30', workerId: 1 })).items.map((x) => x.id)).toEqual([later.id]);
    expect((await t.value('assessments.dueFollowUps', { until: '2026-12-31', workerId: 2 })).items).toEqual([]);
  });
});

describe('the lists of kinds and need areas', () => {
  it('the centre adds, renames and archives its own; built-in ones keep their translated names', async () => {
    const start = await t.value('assessments.options', {});
    expect(start.kinds.map((k) => k.code)).toEqual(['needsAssessment', 'socialHistory', 'warAffectedChild']);
    expect(start.areas.map((k) => k.code)).toEqual(['housing', 'income', 'health', 'care', 'documents', 'children', 'safety', 'employment', 'warAffected']);
    const transport = await t.value('assessments.addOption', { list: 'area', name: 'Транспорт' });
    expect(transport).toMatchObject({ list: 'area', code: null, name: 'Транспорт', archived: false, inUse: false });
    expect(fieldsOf(await t.call('assessments.addOption', { list: 'area', name: 'транспорт' }))).toEqual(['name:validation.nameTaken']);
    // The same name may be a kind too.
    await t.value('assessments.addOption', { list: 'kind', name: 'Транспорт' });
    expect((await t.value('assessments.renameOption', { id: transport.id, name: 'Транспорт до лікарні' })).name).toBe('Транспорт до лікарні');
    const builtIn = await t.call('assessments.renameOption', { id: OPTION.housing, name: 'Дах' });
    expect(!builtIn.ok && builtIn.error.code).toBe('builtInKind');

    const { mariia, a } = await assessed();
    const used = await t.value('assessments.record', { residentId: mariia, kindId: OPTION.socialHistory, assessedOn: '2026-11-10', workerId: 1, needs: [{ areaId: transport.id, severity: 'low' }] });
    expect(used.needs).toEqual([{ areaId: transport.id, areaCode: null, areaName: 'Транспорт до лікарні', severity: 'low' }]);
    expect((await t.value('assessments.setOptionArchived', { id: transport.id, archived: true })).inUse).toBe(true);
    expect((await t.value('assessments.options', {})).areas.map((o) => o.id)).not.toContain(transport.id);
    expect((await t.value('assessments.options', { includeArchived: true })).areas.map((o) => o.id)).toContain(transport.id);
    // Archived: no longer offered to new assessments; one that has it keeps it when corrected.
    expect(fieldsOf(await t.call('assessments.update', { id: a.id, kindId: OPTION.needsAssessment, assessedOn: '2026-11-10', workerId: 1, needs: [{ areaId: transport.id, severity: 'low' }] }))).toEqual([
      'needs.0.areaId:validation.unknownNeedArea',
    ]);
    const kept = await t.value('assessments.update', { id: used.id, kindId: OPTION.socialHistory, assessedOn: '2026-11-10', workerId: 1, needs: [{ areaId: transport.id, severity: 'high' }] });
    expect(kept.needs[0]?.severity).toBe('high');
  });
});

describe('roles', () => {
  it('the front desk sees that an assessment exists, never what it found; it cannot record or open one', async () => {
    const { mariia, a } = await assessed();
    const seen = await t.value('assessments.ofResident', { residentId: mariia }, FRONTDESK);
    expect(seen.items).toEqual([
      {
        id: a.id,
        residentId: mariia,
        householdId: null,
        subjectResidentId: mariia,
        subjectName: 'Бондар Марія',
        kindId: OPTION.needsAssessment,
        kindCode: 'needsAssessment',
        kindName: null,
        assessedOn: '2026-11-10',
        workerId: 1,
        workerName: 'Administrator',
        followUpOn: '2026-12-10',
        createdAt: NOW,
        updatedAt: NOW,
      },
    ]);
    expect((await t.value('assessments.ofResident', { residentId: mariia }, COORDINATOR)).items[0]?.conclusion).toContain('переселенців');
    for (const name of ['assessments.get', 'assessments.record', 'assessments.update', 'assessments.dueFollowUps', 'assessments.addOption'] as const) {
      const env = await t.raw(name, validInputs()[name], FRONTDESK);
      expect(!env.ok && env.error.code, name).toBe('forbidden');
    }
  });

  it('the treasurer may use none of the calls', async () => {
    await assessed();
    const valid = validInputs();
    const before = t.dump();
    for (const name of CALL_NAMES.filter((n): n is CallName & `assessments.${string}` => n.startsWith('assessments.'))) {
      const env = await t.raw(name, valid[name], TREASURER);
      expect(!env.ok && env.error.code, name).toBe('forbidden');
    }
    expect(t.dump()).toEqual(before);
  });
});

describe("the person's export and erasure", () => {
  it("the export holds the person's assessments with their content", async () => {
    const { mariia } = await assessed();
    const data = await collectPersonData(t.deps.db, mariia, { language: 'uk', createdAt: NOW, centreName: null, retention: DEFAULT_RETENTION });
    expect(data.assessments).toEqual([
      {
        householdId: null,
        kindCode: 'needsAssessment',
        kindName: null,
        assessedOn: '2026-11-10',
        worker: 'Administrator',
        needs: [
          { areaCode: 'income', areaName: null, severity: 'high' },
          { areaCode: 'housing', areaName: null, severity: 'urgent' },
        ],
        conclusion: 'Сім’я переселенців, живе в орендованій кімнаті, без стабільного доходу.',
        services: 'Гуманітарна допомога, консультація щодо житлової субсидії.',
        followUpOn: '2026-12-10',
      },
    ]);
    const html = personHtml(data, 'uk');
    expect(html).toContain('Оцінки потреб');
    expect(html).toContain('Житло: Терміново');
  });

  it('erasure blanks the content and the link to the person; the assessment and its needs still count', async () => {
    const { mariia, a } = await assessed();
    const r = await t.value('residents.get', { id: mariia });
    await t.value('privacy.erasePerson', { residentId: mariia, confirmName: r.resident.fullName });
    expect(t.sqlite.prepare('select resident_id, kind_id, assessed_on, conclusion, services, follow_up_on, erased_at is not null as erased from assessments').all()).toEqual([
      { resident_id: null, kind_id: OPTION.needsAssessment, assessed_on: '2026-11-10', conclusion: '', services: '', follow_up_on: null, erased: 1 },
    ]);
    expect(t.sqlite.prepare('select count(*) from assessment_needs').pluck().get()).toBe(2);
    expect((await t.value('assessments.ofResident', { residentId: mariia })).items).toEqual([]);
    const edit = await t.call('assessments.update', { id: a.id, kindId: OPTION.needsAssessment, assessedOn: '2026-11-10', workerId: 1 });
    expect(!edit.ok && edit.error.code).toBe('conflict');
  });
});
