import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../../shared/api/errors';
import type { Actor } from '../../context';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput } from '../../testing/builders';
import { volunteerInput } from '../volunteers/volunteers.builders';
import { collectPersonData, personHtml } from '../privacy/person-export';
import { eventInput } from './events.builders';

// Today is 2026-11-16 (a Monday).
const NOW = '2026-11-16T09:30:00.000Z';
const FRONTDESK: Actor = { id: 1, role: 'frontdesk' };
const TREASURER: Actor = { id: 1, role: 'treasurer' };

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
  (await t.value('residents.create', residentInput({ lastName, firstName, patronymic: '', settlement: 'Сылва', street: 'Садовая', house: '3', flat: '' }))).id;

describe('events', () => {
  it('creates a master class and flags events in the past and more than a year ahead', async () => {
    const e = await t.value('events.create', eventInput({ partners: 'Дом культуры' }));
    expect(e).toMatchObject({
      title: 'Мастер-класс: валяние из шерсти',
      kind: 'masterClass',
      startsOn: '2026-11-16',
      startsAt: '14:00',
      endsAt: '16:00',
      settlement: 'Сылва',
      capacity: 12,
      partners: 'Дом культуры',
      dateFlag: null,
      figures: { registered: 0, attended: 0, noShow: 0, counted: 0, reached: 0 },
      headCounts: { women: 0, men: 0, girls: 0, boys: 0 },
      attendees: [],
      organisers: [],
      projectName: null,
    });
    expect((await t.value('events.create', eventInput({ startsOn: '2026-11-15' }))).dateFlag).toBe('past');
    // 365 days ahead is still this year's planning; the day after is flagged.
    expect((await t.value('events.create', eventInput({ startsOn: '2027-11-16' }))).dateFlag).toBeNull();
    expect((await t.value('events.create', eventInput({ startsOn: '2027-11-17' }))).dateFlag).toBe('farFuture');
    const updated = await t.value('events.update', { id: e.id, data: eventInput({ startsOn: '2026-10-01', kind: 'awarenessEvent', title: 'Информационная встреча' }) });
    expect(updated).toMatchObject({ kind: 'awarenessEvent', title: 'Информационная встреча', dateFlag: 'past' });
  });

  it('checks the calendar, 24-hour times, their order and the project', async () => {
    expect(fieldsOf(await t.call('events.create', eventInput({ startsOn: '2026-02-30' })))).toEqual(['startsOn:validation.date']);
    expect(fieldsOf(await t.call('events.create', eventInput({ startsAt: '24:00' })))).toEqual(['startsAt:validation.time']);
    expect(fieldsOf(await t.call('events.create', eventInput({ startsAt: '2:30 PM' })))).toEqual(['startsAt:validation.time']);
    expect(fieldsOf(await t.call('events.create', eventInput({ startsAt: '16:00', endsAt: '15:59' })))).toEqual(['endsAt:validation.timeOrder']);
    expect(fieldsOf(await t.call('events.create', eventInput({ startsAt: null, endsAt: '15:00' })))).toEqual(['startsAt:validation.required']);
    expect(fieldsOf(await t.call('events.create', eventInput({ capacity: 0 })))).toEqual(['capacity:validation.range']);
    expect(fieldsOf(await t.call('events.create', eventInput({ projectId: 99 })))).toEqual(['projectId:validation.unknownProject']);
    const p = await t.value('projects.create', { name: 'Активное долголетие', startsOn: '2026-01-01', endsOn: '2026-12-31' });
    expect((await t.value('events.create', eventInput({ projectId: p.id }))).projectName).toBe('Активное долголетие');
  });

  it('registers named residents beforehand and at the door, marks attended and no-shows, refuses a duplicate', async () => {
    const e = await t.value('events.create', eventInput({ capacity: null }));
    const olga = await resident('Иванова', 'Ольга');
    const pavel = await resident('Смирнов', 'Павел');
    const nina = await resident('Кузнецова', 'Нина');
    await t.value('events.register', { id: e.id, residentId: olga }, FRONTDESK);
    await t.value('events.register', { id: e.id, residentId: pavel }, FRONTDESK);
    const withNina = await t.value('events.register', { id: e.id, residentId: nina, atDoor: true, note: 'аллергия на шерсть' }, FRONTDESK);
    expect(withNina.attendees.map((a) => [a.fullName, a.status, a.atDoor])).toEqual([
      ['Иванова Ольга', 'registered', false],
      ['Смирнов Павел', 'registered', false],
      ['Кузнецова Нина', 'attended', true],
    ]);
    const [a1, a2] = withNina.attendees.map((a) => a.id);
    await t.value('events.markAttendance', { id: e.id, attendanceId: a1!, status: 'attended' }, FRONTDESK);
    const marked = await t.value('events.markAttendance', { id: e.id, attendanceId: a2!, status: 'noShow' }, FRONTDESK);
    expect(marked.figures).toEqual({ registered: 3, attended: 2, noShow: 1, counted: 0, reached: 2 });

    const before = t.dump();
    expect(fieldsOf(await t.call('events.register', { id: e.id, residentId: pavel }, FRONTDESK))).toEqual(['residentId:validation.alreadyRegistered']);
    expect(t.dump()).toEqual(before);
    // An attendance row of another event is not this one's.
    const other = await t.value('events.create', eventInput({ title: 'День консультаций', kind: 'consultationDay' }));
    expect(fieldsOf(await t.call('events.markAttendance', { id: other.id, attendanceId: a1!, status: 'attended' }, FRONTDESK))).toEqual([
      'attendanceId:validation.notAttendee',
    ]);
    expect(fieldsOf(await t.call('events.register', { id: e.id, residentId: 999 }, FRONTDESK))).toEqual(['residentId:validation.unknownResident']);
  });

  it('nobody attends an event before its day', async () => {
    const e = await t.value('events.create', eventInput({ startsOn: '2026-11-20' }));
    const olga = await resident('Иванова', 'Ольга');
    expect(fieldsOf(await t.call('events.register', { id: e.id, residentId: olga, atDoor: true }, FRONTDESK))).toEqual(['atDoor:validation.eventNotYet']);
    const r = await t.value('events.register', { id: e.id, residentId: olga }, FRONTDESK);
    expect(fieldsOf(await t.call('events.markAttendance', { id: e.id, attendanceId: r.attendees[0]!.id, status: 'attended' }, FRONTDESK))).toEqual([
      'status:validation.eventNotYet',
    ]);
  });

  it('above capacity is refused with the count unless confirmed; no-shows free a place', async () => {
    const e = await t.value('events.create', eventInput({ capacity: 2 }));
    const olga = await resident('Иванова', 'Ольга');
    const pavel = await resident('Смирнов', 'Павел');
    const nina = await resident('Кузнецова', 'Нина');
    const ivan = await resident('Попов', 'Иван');
    await t.value('events.register', { id: e.id, residentId: olga }, FRONTDESK);
    const two = await t.value('events.register', { id: e.id, residentId: pavel, atDoor: true }, FRONTDESK);
    const before = t.dump();
    const refused = await t.call('events.register', { id: e.id, residentId: nina }, FRONTDESK);
    expect(refused).toEqual({ ok: false, error: { code: 'overCapacity', message: expect.any(String), details: { count: 2, capacity: 2 } } });
    expect(t.dump()).toEqual(before);
    const three = await t.value('events.register', { id: e.id, residentId: nina, confirmOverCapacity: true }, FRONTDESK);
    expect(three.figures).toMatchObject({ registered: 3, attended: 1 });
    // Three taken of two: the fourth is refused with 3; once Olga did not come, 2 are taken, still full.
    expect(await t.call('events.register', { id: e.id, residentId: ivan }, FRONTDESK)).toMatchObject({ ok: false, error: { code: 'overCapacity', details: { count: 3, capacity: 2 } } });
    await t.value('events.markAttendance', { id: e.id, attendanceId: two.attendees[0]!.id, status: 'noShow' }, FRONTDESK);
    expect(await t.call('events.register', { id: e.id, residentId: ivan }, FRONTDESK)).toMatchObject({ ok: false, error: { code: 'overCapacity', details: { count: 2, capacity: 2 } } });
    // Capacity raised to 3: one place is free again.
    await t.value('events.update', { id: e.id, data: eventInput({ capacity: 3 }) });
    const four = await t.value('events.register', { id: e.id, residentId: ivan }, FRONTDESK);
    expect(four.figures).toEqual({ registered: 4, attended: 1, noShow: 1, counted: 0, reached: 1 });
  });

  it('head counts by band: whole numbers from 0, replacing the previous ones', async () => {
    const e = await t.value('events.create', eventInput({ kind: 'streetWork', title: 'Вулична робота: вокзал', capacity: null, outreachNote: 'Вокзал, підземний перехід' }));
    const set = await t.value('events.setHeadCounts', { id: e.id, counts: { women: 2, men: 5, girls: 1, boys: 0 } }, FRONTDESK);
    expect(set.headCounts).toEqual({ women: 2, men: 5, girls: 1, boys: 0 });
    expect(set.figures).toEqual({ registered: 0, attended: 0, noShow: 0, counted: 8, reached: 8 });
    const again = await t.value('events.setHeadCounts', { id: e.id, counts: { women: 3, men: 4 } }, FRONTDESK);
    expect(again.headCounts).toEqual({ women: 3, men: 4, girls: 0, boys: 0 });
    expect(again.figures.counted).toBe(7);
    const before = t.dump();
    expect(fieldsOf(await t.call('events.setHeadCounts', { id: e.id, counts: { women: -1, men: 2.5 } }, FRONTDESK))).toEqual([
      'counts.women:validation.range',
      'counts.men:validation.number',
    ]);
    expect(t.dump()).toEqual(before);
  });

  it('organisers: a staff user or a volunteer once, with a volunteer’s hours', async () => {
    const e = await t.value('events.create', eventInput());
    const v = await t.value('volunteers.create', volunteerInput());
    await t.value('events.addOrganiser', { id: e.id, userId: 1, role: 'ведущая' });
    const withVolunteer = await t.value('events.addOrganiser', { id: e.id, volunteerId: v.id, role: 'помощник', hours: 2.5 });
    expect(withVolunteer.organisers).toEqual([
      { id: expect.any(Number), userId: 1, volunteerId: null, name: 'Administrator', role: 'ведущая', hours: null },
      { id: expect.any(Number), userId: null, volunteerId: v.id, name: 'Петров Андрей Ильич', role: 'помощник', hours: 2.5 },
    ]);
    // Stored as volunteer minutes, as tasks store them.
    expect(t.sqlite.prepare('select minutes from event_organisers where volunteer_id = ?').pluck().get(v.id)).toBe(150);
    expect(fieldsOf(await t.call('events.addOrganiser', { id: e.id, volunteerId: v.id, hours: 1 }))).toEqual(['volunteerId:validation.alreadyOrganiser']);
    expect(fieldsOf(await t.call('events.addOrganiser', { id: e.id, userId: 1, volunteerId: v.id }))).toEqual(['volunteerId:validation.organiserOneOf']);
    expect(fieldsOf(await t.call('events.addOrganiser', { id: e.id }))).toEqual(['volunteerId:validation.organiserOneOf']);
    expect(fieldsOf(await t.call('events.addOrganiser', { id: e.id, volunteerId: 77 }))).toEqual(['volunteerId:validation.unknownVolunteer']);
    expect(fieldsOf(await t.call('events.addOrganiser', { id: e.id, volunteerId: v.id, hours: -1 }))).toEqual(['hours:validation.range']);
  });

  it('lists by period and kind, the latest first, page by page; a resident’s events', async () => {
    const days = ['2026-06-03', '2026-07-08', '2026-08-05', '2026-09-02', '2026-10-07'];
    for (const d of days) await t.value('events.create', eventInput({ startsOn: d, title: `Мастер-класс ${d}` }));
    await t.value('events.create', eventInput({ startsOn: '2026-09-15', kind: 'awarenessEvent', title: 'Информационная встреча' }));
    const p1 = await t.value('events.list', { from: '2026-07-01', to: '2026-10-31', kind: 'masterClass', limit: 2 }, FRONTDESK);
    expect(p1.events.map((e) => e.startsOn)).toEqual(['2026-10-07', '2026-09-02']);
    expect(p1.next).not.toBeNull();
    const p2 = await t.value('events.list', { from: '2026-07-01', to: '2026-10-31', kind: 'masterClass', limit: 2, cursor: p1.next! }, FRONTDESK);
    expect(p2.events.map((e) => e.startsOn)).toEqual(['2026-08-05', '2026-07-08']);
    expect(p2.next).toBeNull();
    const all = await t.value('events.list', { from: '2026-09-01', to: '2026-09-30' }, FRONTDESK);
    expect(all.events.map((e) => [e.startsOn, e.kind, e.dateFlag])).toEqual([
      ['2026-09-15', 'awarenessEvent', 'past'],
      ['2026-09-02', 'masterClass', 'past'],
    ]);

    const olga = await resident('Иванова', 'Ольга');
    const ids = (await t.value('events.list', { kind: 'masterClass' }, FRONTDESK)).events.map((e) => e.id);
    await t.value('events.register', { id: ids[4]!, residentId: olga, atDoor: true }, FRONTDESK);
    await t.value('events.register', { id: ids[0]!, residentId: olga }, FRONTDESK);
    const mine = await t.value('events.ofResident', { residentId: olga }, FRONTDESK);
    expect(mine.map((x) => [x.startsOn, x.status, x.atDoor])).toEqual([
      ['2026-10-07', 'registered', false],
      ['2026-06-03', 'attended', true],
    ]);
  });

  it('roles: the front desk registers attendance, coordinators run events, the treasurer does neither', async () => {
    expect(await t.call('events.create', eventInput(), FRONTDESK)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.call('events.list', {}, TREASURER)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const e = await t.value('events.create', eventInput(), { id: 1, role: 'coordinator' });
    const olga = await resident('Иванова', 'Ольга');
    expect((await t.call('events.register', { id: e.id, residentId: olga, note: 'слабослышащая' }, FRONTDESK)).ok).toBe(true);
    expect(await t.call('events.addOrganiser', { id: e.id, userId: 1 }, FRONTDESK)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('export and erasure', () => {
  it('a person’s attendance is in their export; erasure keeps the row and every count, without the person', async () => {
    const e = await t.value('events.create', eventInput());
    const olga = await resident('Иванова', 'Ольга');
    const pavel = await resident('Смирнов', 'Павел');
    await t.value('events.register', { id: e.id, residentId: olga, atDoor: true, note: 'аллергия на шерсть' });
    await t.value('events.register', { id: e.id, residentId: pavel });
    await t.value('events.setHeadCounts', { id: e.id, counts: { women: 4, girls: 1 } });

    const data = await collectPersonData(t.deps.db, olga, { language: 'ru', createdAt: NOW, centreName: null, retention: { inactiveResidentYears: 5 } as never });
    expect(data.events).toEqual([
      { title: 'Мастер-класс: валяние из шерсти', kind: 'masterClass', on: '2026-11-16', startsAt: '14:00', place: 'Сылва, ул. Ленина, 12', status: 'attended', atDoor: true, note: '' },
    ]);
    const html = personHtml(data, 'ru');
    for (const text of ['<h2>Мероприятия</h2>', 'Мастер-класс: валяние из шерсти (Мастер-класс)', 'Присутствовал (на месте, без записи)']) expect(html).toContain(text);

    const figures = (await t.value('events.get', { id: e.id })).figures;
    expect(figures).toEqual({ registered: 2, attended: 1, noShow: 0, counted: 5, reached: 6 });
    await t.value('privacy.erasePerson', { residentId: olga, confirmName: 'Иванова Ольга' });
    const after = await t.value('events.get', { id: e.id });
    expect(after.figures).toEqual(figures);
    expect(after.attendees.map((a) => [a.residentId, a.fullName, a.status, a.note])).toEqual([
      [null, null, 'attended', ''],
      [pavel, 'Смирнов Павел', 'registered', ''],
    ]);
    expect(await t.value('events.ofResident', { residentId: olga })).toEqual([]);
    expect(JSON.stringify(t.sqlite.prepare('select * from event_attendance').all())).not.toMatch(/аллергия/);
  });
});
