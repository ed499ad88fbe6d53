/**
 * contact_months (migration 20261206_1800): the stored (month, resident, kind of contact) counts
 * behind people reached, kept by triggers. Each source table is changed here on its own (insert,
 * each column that moves a contact, delete) on real SQLite; after every change the cells are
 * compared with the cells written by hand and with a recount from scratch written here (not the
 * migration's). Then the writes of the contract that move many rows at once (an erasure, a merge)
 * and the report itself on whole and cut months.
 *
 * Kinds: 1 request, 2 task done, 3 event attended, 4 aid given, 5 assessment, 6 case contact,
 * 7 project attendance, 8 project recruitment.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput, settingsInput } from '../../testing/builders';
import { explainCall } from '../../testing/query-plans';
import { countOf } from '../../../../migrations/20261206_1800_contact_months';

const AT = '2026-11-16T09:30:00.000Z';
let t: TestCore;
let anna: number;
let boris: number;

beforeEach(async () => {
  t = await createTestCore({ now: AT });
  await t.value('setup.complete', { ...settingsInput(), demo: false });
  const make = async (lastName: string) => (await t.value('residents.create', residentInput({ lastName, firstName: 'Тест', patronymic: '', settlement: 'Сылва', phones: [] }))).id;
  anna = await make('Смирнова');
  boris = await make('Петров');
});
afterEach(async () => {
  await t.close();
});

const run = (sql: string, ...args: unknown[]) => t.sqlite.prepare(sql).run(...args);
const id = (sql: string, ...args: unknown[]) => Number(run(sql, ...args).lastInsertRowid);

/** The stored cells as "month resident kind ×n", ordered; residents named A (Anna) and B (Boris). */
function stored(): string[] {
  return label(t.sqlite.prepare('select month, resident_id as rid, kind, n from contact_months order by month, rid, kind').all() as Row[]);
}

interface Row {
  month: string;
  rid: number;
  kind: number;
  n: number;
}

function label(rows: Row[]): string[] {
  const who = (rid: number) => (rid === anna ? 'A' : rid === boris ? 'B' : `#${rid}`);
  return rows.map((r) => `${r.month} ${who(r.rid)} ${r.kind} ×${r.n}`);
}

/** The cells counted from scratch from the source tables (the report's definition of a contact). */
function recounted(): string[] {
  const rows = t.sqlite
    .prepare(
      `select month, rid, kind, count(*) as n from (
        select substr(created_on, 1, 7) as month, resident_id as rid, 1 as kind from requests
        union all select substr(coalesce(done_on, scheduled_on), 1, 7), resident_id, 2 from tasks where status = 'done'
        union all select substr(e.starts_on, 1, 7), a.resident_id, 3 from event_attendance a join events e on e.id = a.event_id where a.status = 'attended'
        union all select substr(m.on_date, 1, 7), m.resident_id, 4 from aid_movements m where m.kind = 'given'
          and m.delta + coalesce((select sum(c.delta) from aid_movements c where c.corrects_id = m.id), 0) <> 0
        union all select substr(assessed_on, 1, 7), resident_id, 5 from assessments
        union all select substr(cc.contact_on, 1, 7), c.resident_id, 6 from case_contacts cc join cases c on c.id = cc.case_id
        union all select substr(pa.attended_on, 1, 7), p.resident_id, 7 from project_attendance pa join project_participants p on p.id = pa.participant_id
        union all select substr(recruited_on, 1, 7), resident_id, 8 from project_participants
      ) where rid is not null group by month, rid, kind order by month, rid, kind`,
    )
    .all() as Row[];
  return label(rows);
}

/** The stored cells are exactly these, and exactly the recount. */
function expectCells(cells: string[]) {
  expect(stored()).toEqual(cells);
  expect(recounted()).toEqual(cells);
}

const kindId = () => t.sqlite.prepare('select min(id) from service_kinds').pluck().get() as number;

describe('contact_months', () => {
  it('requests: logged, moved to another day and resident, deleted', () => {
    const q = id("insert into requests (resident_id, kind_id, urgency, channel, description, status, created_at, created_on, created_by, updated_at, updated_by) values (?, ?, 'normal', 'walkIn', '', 'new', ?, '2026-03-10', 1, ?, 1)", anna, kindId(), AT, AT);
    id("insert into requests (resident_id, kind_id, urgency, channel, description, status, created_at, created_on, created_by, updated_at, updated_by) values (?, ?, 'normal', 'walkIn', '', 'cancelled', ?, '2026-03-31', 1, ?, 1)", anna, kindId(), AT, AT);
    expectCells(['2026-03 A 1 ×2']);
    run("update requests set created_on = '2026-04-01' where id = ?", q);
    expectCells(['2026-03 A 1 ×1', '2026-04 A 1 ×1']);
    run('update requests set resident_id = ? where id = ?', boris, q);
    expectCells(['2026-03 A 1 ×1', '2026-04 B 1 ×1']);
    run("update requests set status = 'done' where id = ?", q);
    expectCells(['2026-03 A 1 ×1', '2026-04 B 1 ×1']);
    run('delete from request_status_history where request_id = ?', q);
    run('delete from requests where id = ?', q);
    expectCells(['2026-03 A 1 ×1']);
  });

  it('tasks: only done ones, on the day done else planned; reopened, moved, deleted', () => {
    const task = (status: string, scheduled: string, done: string | null) =>
      id('insert into tasks (resident_id, kind_id, scheduled_on, status, done_on, created_at, created_by, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, 1, ?, 1)', anna, kindId(), scheduled, status, done, AT, AT);
    const a = task('done', '2026-01-30', '2026-02-02');
    const b = task('planned', '2026-02-10', null);
    task('done', '2026-02-20', null);
    expectCells(['2026-02 A 2 ×2']);
    run("update tasks set status = 'done', done_on = '2026-03-01' where id = ?", b);
    expectCells(['2026-02 A 2 ×2', '2026-03 A 2 ×1']);
    run("update tasks set status = 'planned', done_on = null where id = ?", a);
    expectCells(['2026-02 A 2 ×1', '2026-03 A 2 ×1']);
    run("update tasks set scheduled_on = '2026-04-01' where id = ?", b);
    expectCells(['2026-02 A 2 ×1', '2026-03 A 2 ×1']);
    run('update tasks set resident_id = ? where id = ?', boris, b);
    expectCells(['2026-02 A 2 ×1', '2026-03 B 2 ×1']);
    run('delete from tasks where id = ?', b);
    expectCells(['2026-02 A 2 ×1']);
  });

  it('events: attendance marked, the event moved to another month, attendance removed, the event deleted', () => {
    const event = (on: string) => id("insert into events (title, kind, starts_on, created_at, created_by, updated_at, updated_by) values ('МК', 'masterClass', ?, ?, 1, ?, 1)", on, AT, AT);
    const e = event('2026-05-31');
    const attend = (resident: number, status: string) =>
      id('insert into event_attendance (event_id, resident_id, status, created_at, created_by, updated_at, updated_by) values (?, ?, ?, ?, 1, ?, 1)', e, resident, status, AT, AT);
    const a = attend(anna, 'registered');
    const b = attend(boris, 'attended');
    expectCells(['2026-05 B 3 ×1']);
    run("update event_attendance set status = 'attended' where id = ?", a);
    expectCells(['2026-05 A 3 ×1', '2026-05 B 3 ×1']);
    run("update events set starts_on = '2026-06-01' where id = ?", e);
    expectCells(['2026-06 A 3 ×1', '2026-06 B 3 ×1']);
    run("update event_attendance set status = 'noShow' where id = ?", b);
    expectCells(['2026-06 A 3 ×1']);
    // Erasure keeps the row without the link to the person.
    run('update event_attendance set resident_id = null where id = ?', a);
    expectCells([]);
    run('update event_attendance set resident_id = ?, status = ? where id = ?', anna, 'attended', a);
    expectCells(['2026-06 A 3 ×1']);
    run('delete from event_attendance where event_id = ?', e);
    run('delete from events where id = ?', e);
    expectCells([]);
  });

  it('aid: given to a resident counts until a correction takes it all back; a partial correction keeps it', () => {
    const item = id("insert into aid_items (name, unit, created_at, created_by) values ('Набор', 'kit', ?, 1)", AT);
    id("insert into aid_movements (item_id, kind, on_date, delta, created_at, created_by) values (?, 'received', '2026-01-05', 10, ?, 1)", item, AT);
    const give = (on: string, delta: number) => id("insert into aid_movements (item_id, kind, on_date, delta, resident_id, created_at, created_by) values (?, 'given', ?, ?, ?, ?, 1)", item, on, delta, anna, AT);
    const g = give('2026-01-07', -2);
    give('2026-01-20', -1);
    expectCells(['2026-01 A 4 ×2']);
    const correct = (of: number, delta: number) => id("insert into aid_movements (item_id, kind, on_date, delta, corrects_id, created_at, created_by) values (?, 'correction', '2026-02-01', ?, ?, ?, 1)", item, delta, of, AT);
    correct(g, 1);
    expectCells(['2026-01 A 4 ×2']);
    const c2 = correct(g, 1);
    expectCells(['2026-01 A 4 ×1']);
    run('delete from aid_movements where id = ?', c2);
    expectCells(['2026-01 A 4 ×2']);
    run("update aid_movements set on_date = '2026-02-03', resident_id = ? where id = ?", boris, g);
    expectCells(['2026-01 A 4 ×1', '2026-02 B 4 ×1']);
  });

  it('assessments and case contacts: the case moved to another resident carries its contacts', () => {
    const kind = id("insert into assessment_options (list, code, created_at) values ('kind', 'rspeedTest', ?)", AT);
    const s = id('insert into assessments (resident_id, kind_id, assessed_on, worker_id, created_at, created_by, updated_at, updated_by) values (?, ?, ?, 1, ?, 1, ?, 1)', anna, kind, '2026-07-01', AT, AT);
    const c = id("insert into cases (resident_id, opened_on, worker_id, created_at, created_by, updated_at, updated_by) values (?, '2026-07-01', 1, ?, 1, ?, 1)", anna, AT, AT);
    const contact = (on: string) => id("insert into case_contacts (case_id, contact_on, kind, by_user_id, created_at) values (?, ?, 'visit', 1, ?)", c, on, AT);
    contact('2026-07-02');
    const k2 = contact('2026-08-15');
    expectCells(['2026-07 A 5 ×1', '2026-07 A 6 ×1', '2026-08 A 6 ×1']);
    run("update assessments set assessed_on = '2026-08-01' where id = ?", s);
    run("update case_contacts set contact_on = '2026-07-20' where id = ?", k2);
    expectCells(['2026-07 A 6 ×2', '2026-08 A 5 ×1']);
    run('update cases set resident_id = ? where id = ?', boris, c);
    expectCells(['2026-07 B 6 ×2', '2026-08 A 5 ×1']);
    run('delete from case_contacts where id = ?', k2);
    run('update assessments set resident_id = null where id = ?', s);
    expectCells(['2026-07 B 6 ×1']);
  });

  it('projects: recruitment and attendance follow the participant', () => {
    const project = id("insert into projects (name, starts_on, ends_on, created_at, created_by, updated_at, updated_by) values ('Проект', '2026-01-01', '2026-12-31', ?, 1, ?, 1)", AT, AT);
    const activity = id("insert into project_activities (project_id, kind, name, created_at, created_by) values (?, 'training', 'Курс', ?, 1)", project, AT);
    const p = id("insert into project_participants (project_id, resident_id, recruited_on, status, created_at, created_by, updated_at, updated_by) values (?, ?, '2026-02-10', 'active', ?, 1, ?, 1)", project, anna, AT, AT);
    const attend = (on: string) => id('insert into project_attendance (participant_id, activity_id, attended_on, sessions, created_at, created_by) values (?, ?, ?, 1, ?, 1)', p, activity, on, AT);
    attend('2026-02-11');
    const a2 = attend('2026-03-01');
    expectCells(['2026-02 A 7 ×1', '2026-02 A 8 ×1', '2026-03 A 7 ×1']);
    run("update project_attendance set attended_on = '2026-02-12' where id = ?", a2);
    run("update project_participants set recruited_on = '2026-01-31' where id = ?", p);
    expectCells(['2026-01 A 8 ×1', '2026-02 A 7 ×2']);
    run('update project_participants set resident_id = ? where id = ?', boris, p);
    expectCells(['2026-01 B 8 ×1', '2026-02 B 7 ×2']);
    run('delete from project_attendance where participant_id = ?', p);
    run('delete from project_participants where id = ?', p);
    expectCells([]);
  });

  it('an erasure and a merge through the contract keep the cells equal to a recount', async () => {
    const forms = kindId();
    const r1 = await t.value('requests.create', { residentId: anna, kindId: forms });
    await t.value('requests.create', { residentId: boris, kindId: forms });
    const task = await t.value('tasks.create', { requestId: r1.id, scheduledOn: '2026-11-16' });
    await t.value('tasks.complete', { id: task.id });
    const event = await t.value('events.create', { title: 'Мастер-класс', kind: 'masterClass', startsOn: '2026-11-16' });
    await t.value('events.register', { id: event.id, residentId: boris, atDoor: true });
    expectCells(['2026-11 A 1 ×1', '2026-11 A 2 ×1', '2026-11 B 1 ×1', '2026-11 B 3 ×1']);
    const clone = (await t.value('residents.create', residentInput({ lastName: 'Петров', firstName: 'Тест', patronymic: '', settlement: 'Сылва', phones: [] }))).id;
    await t.value('requests.create', { residentId: clone, kindId: forms });
    await t.value('residents.merge', {
      survivorId: boris,
      otherId: clone,
      fields: { lastName: 'survivor', firstName: 'survivor', patronymic: 'survivor', birthYear: 'survivor', address: 'survivor', phones: 'survivor', notes: 'survivor', situations: 'survivor' },
    });
    // The clone's request moved to Boris: his November cell counts two.
    expectCells(['2026-11 A 1 ×1', '2026-11 A 2 ×1', '2026-11 B 1 ×2', '2026-11 B 3 ×1']);
    await t.value('privacy.erasePerson', { residentId: boris, confirmName: 'Петров Тест' });
    // Requests stay on the erased resident (still counted); the attendance loses its link.
    expect(stored()).toEqual(recounted());
    expect(stored().filter((c) => c.endsWith(' 3 ×1'))).toEqual([]);
    expect(stored().some((c) => c.startsWith('2026-11 B 1'))).toBe(true);
  });

  it('people reached: whole months from the cells, a cut first or last month from the contacts themselves', async () => {
    const request = (resident: number, on: string) =>
      id("insert into requests (resident_id, kind_id, urgency, channel, description, status, created_at, created_on, created_by, updated_at, updated_by) values (?, ?, 'normal', 'walkIn', '', 'new', ?, ?, 1, ?, 1)", resident, kindId(), AT, on, AT);
    request(anna, '2026-01-31');
    request(anna, '2026-02-15');
    request(boris, '2026-02-01');
    request(boris, '2026-03-20');
    const whole = await t.value('reports.results', { from: '2026-01-01', to: '2026-03-31' });
    expect(whole.peopleReached.named).toBe(2);
    expect(whole.peopleReached.namedByMonth).toEqual([1, 2, 1]);
    // From 1 February to 19 March: Boris's March request falls outside, Anna's January one too.
    const cut = await t.value('reports.results', { from: '2026-02-01', to: '2026-03-19' });
    expect(cut.peopleReached.namedByMonth).toEqual([2, 0]);
    expect(cut.peopleReached.named).toBe(2);
    const inside = await t.value('reports.results', { from: '2026-02-02', to: '2026-02-28' });
    expect(inside.peopleReached.namedByMonth).toEqual([1]);
  });

  it('a year of people reached reads the months of contact_months by its key, not the contacts', async () => {
    const statements = await explainCall(t, 'reports.results', { from: '2025-01-01', to: '2025-12-31' });
    const reached = statements.find((s) => s.sql.includes('contact_months'));
    expect(reached?.plan.join('\n')).toMatch(/SEARCH cm USING COVERING INDEX sqlite_autoindex_contact_months_1 \(month>\? AND month<\?\)/);
    expect(reached?.sql).not.toMatch(/from requests/);
  });

  it('the triggers recount a cell by seeks in each source table (no table read whole)', () => {
    // A register with some history, so that the statistics are those of a centre, not of empty tables.
    t.sqlite.exec(`
      with recursive n(i) as (select 1 union all select i + 1 from n where i < 2000)
      insert into residents (last_name, first_name, sort_key, name_key, short_name_key, settlement, created_at, created_by, updated_at, updated_by)
        select 'Фамилия' || i, 'Имя', 'фамилия' || i, 'k' || i, 'k' || i, 'Сылва', '${AT}', 1, '${AT}', 1 from n;
      insert into requests (resident_id, kind_id, urgency, channel, description, status, created_at, created_on, created_by, updated_at, updated_by)
        select r.id, ${kindId()}, 'normal', 'walkIn', '', 'done', '${AT}', date('2024-01-01', '+' || (r.id * 7 % 700) || ' days'), 1, '${AT}', 1 from residents r;
      insert into tasks (resident_id, kind_id, scheduled_on, status, done_on, created_at, created_by, updated_at, updated_by)
        select q.resident_id, q.kind_id, q.created_on, 'done', q.created_on, '${AT}', 1, '${AT}', 1 from requests q;
      analyze;`);
    for (const kind of [1, 2, 3, 4, 5, 6, 7, 8] as const) {
      const plan = (t.sqlite.prepare(`explain query plan select ${countOf(kind, ':r', ':m')}`).all({ r: anna, m: '2026-03' }) as Array<{ detail: string }>).map((p) => p.detail);
      expect(plan.filter((line) => line.startsWith('SCAN') && line !== 'SCAN CONSTANT ROW'), `kind ${kind}: ${plan.join(' / ')}`).toEqual([]);
      expect(plan.some((line) => /^SEARCH \w+ USING (COVERING )?INDEX \w+ \(resident_id=\?/.test(line)), `kind ${kind}: ${plan.join(' / ')}`).toBe(true);
    }
  });
});
