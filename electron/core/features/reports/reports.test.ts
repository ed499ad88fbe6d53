import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../context';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput } from '../../testing/builders';

const FRONTDESK: Actor = { id: 1, role: 'frontdesk' };
const TREASURER: Actor = { id: 1, role: 'treasurer' };
const PERIOD = { from: '2026-09-01', to: '2026-10-31' } as const;

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ now: '2026-09-10T09:00:00.000Z' });
});
afterEach(async () => {
  await t.close();
});

async function kindId(code: string): Promise<number> {
  const k = (await t.value('catalogue.list', {})).find((x) => x.code === code);
  if (!k) throw new Error(code);
  return k.id;
}

/**
 * September: Anna gets firewood (a request, a task done on 12 Sep), Boris forms help at the desk
 * (done), Vera asks for firewood and cancels. October: Anna again at the desk (done), Daryna at
 * the desk (done); a master class on 8 Oct: Boris and Daryna at the door, 5 women and 3 men
 * counted without names. Then Daryna is erased.
 */
async function dataset() {
  const firewood = await kindId('firewood');
  const forms = await kindId('formsHelp');
  const resident = async (lastName: string, firstName: string) =>
    (await t.value('residents.create', residentInput({ lastName, firstName, patronymic: '', settlement: 'Сылва' }))).id;
  const anna = await resident('Смирнова', 'Анна');
  const boris = await resident('Петров', 'Борис');
  const vera = await resident('Иванова', 'Вера');
  const annaWood = await t.value('requests.create', { residentId: anna, kindId: firewood });
  const task = await t.value('tasks.create', { requestId: annaWood.id, scheduledOn: '2026-09-12' });
  t.clock.set('2026-09-12T10:00:00.000Z');
  await t.value('tasks.complete', { id: task.id });
  const borisForms = await t.value('requests.create', { residentId: boris, kindId: forms });
  await t.value('requests.setStatus', { id: borisForms.id, status: 'done' });
  const veraWood = await t.value('requests.create', { residentId: vera, kindId: firewood });
  await t.value('requests.setStatus', { id: veraWood.id, status: 'cancelled' });

  t.clock.set('2026-10-05T10:00:00.000Z');
  const daryna = await resident('Дмитренко', 'Дарина');
  const annaForms = await t.value('requests.create', { residentId: anna, kindId: forms });
  await t.value('requests.setStatus', { id: annaForms.id, status: 'done' });
  const darynaForms = await t.value('requests.create', { residentId: daryna, kindId: forms });
  await t.value('requests.setStatus', { id: darynaForms.id, status: 'done' });
  const event = await t.value('events.create', { title: 'Мастер-класс', kind: 'masterClass', startsOn: '2026-10-08' });
  t.clock.set('2026-10-08T10:00:00.000Z');
  await t.value('events.register', { id: event.id, residentId: boris, atDoor: true });
  await t.value('events.register', { id: event.id, residentId: daryna, atDoor: true });
  await t.value('events.setHeadCounts', { id: event.id, counts: { women: 5, men: 3, girls: 0, boys: 0 } });
  t.clock.set('2026-11-16T10:00:00.000Z');
  await t.value('privacy.erasePerson', { residentId: daryna, confirmName: 'Дмитренко Дарина' });
  return { anna, boris, vera, daryna, firewood, forms };
}

describe('reports.results', () => {
  it('counts people once across months and kinds of contact, head counts beside them, an erased resident still counted', async () => {
    await dataset();
    const r = await t.value('reports.results', PERIOD);
    expect(r.months).toEqual(['2026-09', '2026-10']);
    // Anna (request, task, desk), Boris (desk, event), Vera (a cancelled request is still a contact), Daryna (erased).
    expect(r.peopleReached.named).toBe(4);
    // September: Anna, Boris, Vera; October: Anna, Boris, Daryna. Not to be added: 3 + 3 ≠ 4.
    expect(r.peopleReached.namedByMonth).toEqual([3, 3]);
    expect(r.peopleReached.headCounts).toBe(8);
    expect(r.peopleReached.headCountsByMonth).toEqual([0, 8]);
    expect(r.distinct).toContain('peopleReached');
    expect(r.newResidents.count).toBe(4);
    expect(r.newResidents.byMonth).toEqual([3, 1]);
  });

  it('services: done tasks and desk services by kind; cancelled requests are not services; the period is the sum of its months', async () => {
    await dataset();
    const r = await t.value('reports.results', PERIOD);
    // Firewood: Anna's task (Sep). Forms help at the desk: Boris (Sep), Anna and Daryna (Oct). Vera's cancelled firewood: none.
    expect(r.servicesByKind.total).toBe(4);
    expect(r.servicesByKind.byMonth).toEqual([2, 2]);
    const byCode = Object.fromEntries(r.servicesByKind.rows.map((row) => [row.code, row]));
    expect(byCode.firewood).toMatchObject({ count: 1, tasks: 1, desk: 0, people: 1, byMonth: [1, 0], mode: 'volunteer', name: null });
    expect(byCode.formsHelp).toMatchObject({ count: 3, tasks: 0, desk: 3, people: 3, byMonth: [1, 2] });
    // Requests logged: 5, by status now: 4 done (Anna's firewood follows its task), 1 cancelled.
    expect(r.requestsByStatus.total).toBe(5);
    const status = Object.fromEntries(r.requestsByStatus.rows.map((row) => [row.code, row.count]));
    expect(status).toMatchObject({ done: 4, cancelled: 1, new: 0 });
    expect(r.tasksDone.count).toBe(1);
    expect(r.tasksDone.byMonth).toEqual([1, 0]);
    // The months add up to the period (additive figures).
    const sept = await t.value('reports.results', { from: '2026-09-01', to: '2026-09-30' });
    const oct = await t.value('reports.results', { from: '2026-10-01', to: '2026-10-31' });
    expect(sept.servicesByKind.total + oct.servicesByKind.total).toBe(4);
    expect(sept.requestsByStatus.total + oct.requestsByStatus.total).toBe(5);
    expect(sept.events.attendances + oct.events.attendances).toBe(r.events.attendances);
    // Distinct figures are not: 3 in September, 3 in October, 4 in the two months.
    expect(sept.peopleReached.named + oct.peopleReached.named).toBe(6);
  });

  it('events: held, named attendance with the erased resident kept, distinct people and head counts by kind', async () => {
    await dataset();
    const r = await t.value('reports.results', PERIOD);
    expect(r.events).toMatchObject({ held: 1, heldByMonth: [0, 1], attendances: 2, people: 2, headCounts: 8, headCountsByMonth: [0, 8] });
    expect(r.events.rows.find((row) => row.code === 'masterClass')).toEqual({ code: 'masterClass', held: 1, attendances: 2, people: 2, headCounts: 8 });
    expect(r.events.rows.find((row) => row.code === 'consultationDay')).toEqual({ code: 'consultationDay', held: 0, attendances: 0, people: 0, headCounts: 0 });
  });

  it('money: absent for the front desk, there for the admin and the treasurer; definitions in the asked language', async () => {
    await dataset();
    const desk = await t.value('reports.results', PERIOD, FRONTDESK);
    expect('money' in desk).toBe(false);
    const admin = await t.value('reports.results', { ...PERIOD, language: 'uk' });
    expect(admin.money).toMatchObject({ incomeMinor: 0, expensesMinor: 0, inKindMinor: 0 });
    expect((await t.value('reports.results', PERIOD, TREASURER)).money).toBeDefined();
    expect(admin.definitions.peopleReached).toMatch(/Різні отримувачі послуг/);
    expect(Object.keys(admin.definitions).sort()).toEqual(
      ['aidGiven', 'assessments', 'cases', 'events', 'households', 'money', 'newResidents', 'peopleReached', 'projects', 'requestsByStatus', 'servicesByKind', 'shelter', 'specialists', 'tasksDone', 'underRegularCare', 'volunteerHours', 'volunteers'].sort(),
    );
  });
});

describe('reports.people', () => {
  it('lists the people behind a number, the erased one without a name; refused to the treasurer', async () => {
    const d = await dataset();
    const all = await t.value('reports.people', { figure: 'peopleReached', ...PERIOD });
    expect(all.total).toBe(4);
    expect(all.items.map((p) => p.residentId).sort()).toEqual([d.anna, d.boris, d.vera, d.daryna].sort());
    expect(all.items.find((p) => p.residentId === d.daryna)).toMatchObject({ name: '', erased: true });
    const forms = await t.value('reports.people', { figure: 'servicesByKind', code: 'formsHelp', ...PERIOD, limit: 2 });
    expect(forms.total).toBe(3);
    expect(forms.items).toHaveLength(2);
    expect(forms.nextCursor).not.toBeNull();
    const rest = await t.value('reports.people', { figure: 'servicesByKind', code: 'formsHelp', ...PERIOD, limit: 2, cursor: forms.nextCursor ?? undefined });
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    const refused = await t.call('reports.people', { figure: 'peopleReached', ...PERIOD }, TREASURER);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('forbidden');
  });
});

describe('reports.results: volunteers and aid', () => {
  /**
   * Ivan (regular) and Oleg (occasional) bring firewood to Anna on 5 Sep (Ivan logs 90 minutes,
   * Oleg none); Ivan again on 3 Oct (60 minutes); Maria, a psychologist, helps run a consultation
   * day on 10 Oct (2 hours); Petro (regular) does nothing in the period. Anna gets 2 hygiene kits
   * on 5 Sep; on 12 Oct street workers hand out 16 kits and 16 bottles of water to 16 people
   * they do not name.
   */
  async function helpers() {
    const firewood = await kindId('firewood');
    const anna = (await t.value('residents.create', residentInput({ lastName: 'Смирнова', firstName: 'Анна', patronymic: '', settlement: 'Сылва' }))).id;
    const volunteer = async (lastName: string, isRegular: boolean, specialist: 'psychologist' | null = null) =>
      (await t.value('volunteers.create', { lastName, firstName: 'Имя', isRegular, specialist })).id;
    const ivan = await volunteer('Иванов', true);
    const oleg = await volunteer('Олегов', false);
    const maria = await volunteer('Марьина', false, 'psychologist');
    await volunteer('Петров', true);
    const first = await t.value('tasks.create', { residentId: anna, kindId: firewood, scheduledOn: '2026-09-05', volunteerIds: [ivan, oleg] });
    await t.value('tasks.complete', { id: first.id, outcome: { doneOn: '2026-09-05', minutes: [{ volunteerId: ivan, minutes: 90 }] } });
    const second = await t.value('tasks.create', { residentId: anna, kindId: firewood, scheduledOn: '2026-10-03', volunteerIds: [ivan] });
    await t.value('tasks.complete', { id: second.id, outcome: { doneOn: '2026-10-03', minutes: [{ volunteerId: ivan, minutes: 60 }] } });
    const day = await t.value('events.create', { title: 'День консультаций', kind: 'consultationDay', startsOn: '2026-10-10' });
    await t.value('events.addOrganiser', { id: day.id, volunteerId: maria, hours: 2 });

    const kits = (await t.value('aid.addItem', { name: 'Гигиенический набор', unit: 'kit' })).id;
    const water = (await t.value('aid.addItem', { name: 'Вода', unit: 'bottle' })).id;
    await t.value('aid.receive', { itemId: kits, on: '2026-09-01', quantity: 50 });
    await t.value('aid.receive', { itemId: water, on: '2026-09-01', quantity: 100 });
    await t.value('aid.give', { residentId: anna, on: '2026-09-05', lines: [{ itemId: kits, quantity: 2 }] });
    await t.value('aid.giveAtEvent', { on: '2026-10-12', headCount: 16, lines: [{ itemId: kits, quantity: 16 }, { itemId: water, quantity: 16 }] });
    return { anna, kits, water };
  }

  it('volunteers involved once, regular and occasional, specialists, their minutes from tasks and events', async () => {
    t.clock.set('2026-11-16T10:00:00.000Z');
    await helpers();
    const r = await t.value('reports.results', PERIOD);
    expect(r.volunteers).toEqual({ involved: 3, regular: 1, occasional: 2, involvedByMonth: [2, 2] });
    expect(r.specialists).toEqual({ count: 1 });
    // 90 + 60 minutes on tasks, 120 at the consultation day; Oleg's share logged no minutes.
    expect(r.volunteerHours).toEqual({ minutes: 270, byMonth: [90, 180], unlogged: 1 });
    // reports.volunteersActive counts the same volunteers (one definition).
    const active = await t.value('reports.volunteersActive', { from: '2026-09', to: '2026-10' });
    expect(active.active).toEqual({ regular: 1, occasional: 2, specialists: 1, total: 3 });
  });

  it('aid by item after the handouts, the people named once, an outreach head count once however many items', async () => {
    t.clock.set('2026-11-16T10:00:00.000Z');
    const d = await helpers();
    const r = await t.value('reports.results', PERIOD);
    expect(r.aidGiven.people).toBe(1);
    expect(r.aidGiven.headCounts).toBe(16);
    const byCode = Object.fromEntries(r.aidGiven.rows.map((row) => [row.code, row]));
    expect(byCode[`id:${d.kits}`]).toMatchObject({ name: 'Гигиенический набор', unit: 'kit', quantity: 18, byMonth: [2, 16], people: 1 });
    expect(byCode[`id:${d.water}`]).toMatchObject({ quantity: 16, byMonth: [0, 16], people: 0 });
    // Anna is the one named person; the 16 are beside her, never added in.
    expect(r.peopleReached.named).toBe(1);
    expect(r.peopleReached.headCounts).toBe(16);
    expect(r.peopleReached.headCountsByMonth).toEqual([0, 16]);
  });
});

describe('reports.results: the shelter', () => {
  it('counts nights in each month of the period (additive) and the people sheltered once', async () => {
    t.clock.set('2026-11-16T10:00:00.000Z');
    const resident = async (lastName: string) => (await t.value('residents.create', residentInput({ lastName, firstName: 'Имя', patronymic: '' }))).id;
    const olga = await resident('Ольгина');
    const pavel = await resident('Павлов');
    const shelter = (await t.value('shelter.addShelter', { name: 'Приют', places: 10 })).id;
    // Olga: in on 25 Aug, out on 3 Sep: nights of 1 and 2 Sep in the period (25–31 Aug are before it).
    const [olgaStay] = await t.value('shelter.checkIn', { shelterId: shelter, residentId: olga, on: '2026-08-25', bed: '' });
    await t.value('shelter.checkOut', { id: olgaStay?.id ?? 0, on: '2026-09-03', reason: 'relatives' });
    // Pavel: in on 28 Sep, still there: 28–30 Sep (3 nights) and all 31 nights of October (the period ends on 31 Oct).
    await t.value('shelter.checkIn', { shelterId: shelter, residentId: pavel, on: '2026-09-28', bed: '' });
    const r = await t.value('reports.results', PERIOD);
    expect(r.shelter).toEqual({ nights: 2 + 3 + 31, nightsByMonth: [5, 31], people: 2, householdStays: 0 });
    // Sheltered people are reached: Olga in September, Pavel in both months.
    expect(r.peopleReached.namedByMonth).toEqual([2, 1]);
    expect(r.peopleReached.named).toBe(2);
  });
});
