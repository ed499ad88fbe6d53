import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALL_NAMES, type CallName } from '../../../../shared/api/contract';
import type { Envelope } from '../../../../shared/api/errors';
import type { Actor } from '../../context';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { residentInput, validInputs } from '../../testing/builders';
import { collectPersonData, personHtml } from '../privacy/person-export';
import { projectInput } from './projects.builders';

// Today is 2026-11-16; the project runs 2026-01-01 – 2027-12-31.
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
  (await t.value('residents.create', residentInput({ lastName, firstName, patronymic: '', settlement: 'Zawiercie', street: 'Leśna', house: '3', flat: '' }))).id;

/** The project with a course, an internship and a self-help group. */
async function activationProject() {
  const p = await t.value('projects.create', projectInput());
  await t.value('projects.addActivity', { id: p.id, activity: { kind: 'course', name: 'ECDL Base' } });
  await t.value('projects.addActivity', { id: p.id, activity: { kind: 'internship', name: 'Staż w urzędzie' } });
  const full = await t.value('projects.addActivity', { id: p.id, activity: { kind: 'selfHelpGroup', name: 'Grupa samopomocowa' } });
  const [course, internship, group] = full.activities.map((a) => a.id);
  if (course === undefined || internship === undefined || group === undefined) throw new Error('no activities');
  return { id: p.id, course, internship, group };
}

const participantOf = async (projectId: number, residentId: number) => {
  const p = await t.value('projects.get', { id: projectId });
  const found = p.participants.find((x) => x.residentId === residentId && x.status === 'active');
  if (!found) throw new Error('not a participant');
  return found.id;
};

describe('projects', () => {
  it('creates a project with its targets and activities', async () => {
    const { id } = await activationProject();
    const p = await t.value('projects.get', { id });
    expect(p).toMatchObject({
      name: 'Partnerstwo na rzecz aktywnej integracji',
      funder: 'EFS',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      grantId: null,
      grantTitle: null,
      targetRecruited: 145,
      targetCompleted: 96,
      participants: [],
      figures: { recruited: 0, active: 0, completed: 0, droppedOut: 0, withContract: 0, byKind: [] },
    });
    expect(p.activities.map((a) => [a.kind, a.name, a.participants, a.sessions, a.hours])).toEqual([
      ['course', 'ECDL Base', 0, 0, 0],
      ['internship', 'Staż w urzędzie', 0, 0, 0],
      ['selfHelpGroup', 'Grupa samopomocowa', 0, 0, 0],
    ]);
    expect((await t.value('projects.list', {})).map((x) => x.name)).toEqual(['Partnerstwo na rzecz aktywnej integracji']);
  });

  it('enrol 5, contracts for 4, complete 3, drop 1: recruited 5, active 1, completed 3, dropped out 1, with contract 4; courses and internships counted per person', async () => {
    const { id, course, internship, group } = await activationProject();
    const people = [
      await resident('Nowak', 'Anna'),
      await resident('Kowalski', 'Jan'),
      await resident('Wiśniewska', 'Maria'),
      await resident('Wójcik', 'Piotr'),
      await resident('Kamińska', 'Ewa'),
    ];
    for (const [i, r] of people.entries()) {
      await t.value('projects.enrol', { id, residentId: r, recruitedOn: `2026-0${i + 2}-01`, ...(i < 3 ? { contractOn: `2026-0${i + 2}-03` } : {}) }, COORDINATOR);
    }
    const [anna, jan, maria, piotr, ewa] = await Promise.all(people.map((r) => participantOf(id, r)));
    if (!anna || !jan || !maria || !piotr || !ewa) throw new Error('missing');
    await t.value('projects.recordContract', { id, participantId: piotr, on: '2026-05-10' });
    // Anna: the course twice (2 + 1 sessions, 8 hours), the internship once; Jan: the course; Maria the group.
    await t.value('projects.recordAttendance', { id, participantId: anna, activityId: course, on: '2026-03-10', sessions: 2, hours: 5 });
    await t.value('projects.recordAttendance', { id, participantId: anna, activityId: course, on: '2026-03-17', hours: 3 });
    await t.value('projects.recordAttendance', { id, participantId: anna, activityId: internship, on: '2026-04-01', sessions: 20, hours: 160 });
    await t.value('projects.recordAttendance', { id, participantId: jan, activityId: course, on: '2026-03-10' });
    await t.value('projects.recordAttendance', { id, participantId: maria, activityId: group, on: '2026-05-05' });
    await t.value('projects.complete', { id, participantId: anna, on: '2026-09-30' });
    await t.value('projects.complete', { id, participantId: jan, on: '2026-10-15' });
    await t.value('projects.complete', { id, participantId: maria });
    const p = await t.value('projects.dropOut', { id, participantId: piotr, on: '2026-07-01', reason: 'Podjął pracę za granicą' });

    expect(p.figures).toEqual({
      recruited: 5,
      active: 1,
      completed: 3,
      droppedOut: 1,
      withContract: 4,
      byKind: [
        { kind: 'course', participants: 2 },
        { kind: 'internship', participants: 1 },
        { kind: 'selfHelpGroup', participants: 1 },
      ],
    });
    expect(p.activities.map((a) => [a.name, a.participants, a.sessions, a.hours])).toEqual([
      ['ECDL Base', 2, 4, 8],
      ['Staż w urzędzie', 1, 20, 160],
      ['Grupa samopomocowa', 1, 1, 0],
    ]);
    // The latest recruited first.
    expect(p.participants.map((x) => [x.fullName, x.recruitedOn, x.contractOn, x.status, x.endedOn, x.dropReason])).toEqual([
      ['Kamińska Ewa', '2026-06-01', null, 'active', null, ''],
      ['Wójcik Piotr', '2026-05-01', '2026-05-10', 'droppedOut', '2026-07-01', 'Podjął pracę za granicą'],
      ['Wiśniewska Maria', '2026-04-01', '2026-04-03', 'completed', '2026-11-16', ''],
      ['Kowalski Jan', '2026-03-01', '2026-03-03', 'completed', '2026-10-15', ''],
      ['Nowak Anna', '2026-02-01', '2026-02-03', 'completed', '2026-09-30', ''],
    ]);
    expect(p.participants.at(-1)?.attendance.map((a) => [a.on, a.sessions, a.hours])).toEqual([
      ['2026-04-01', 20, 160],
      ['2026-03-17', 1, 3],
      ['2026-03-10', 2, 5],
    ]);
    // The list shows the same figures.
    expect((await t.value('projects.list', {}))[0]?.figures).toEqual(p.figures);
    // Anna's page: her participation with what she attended.
    expect(await t.value('projects.ofResident', { residentId: people[0] ?? 0 })).toEqual([
      {
        projectId: id,
        projectName: 'Partnerstwo na rzecz aktywnej integracji',
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
        participantId: anna,
        recruitedOn: '2026-02-01',
        contractOn: '2026-02-03',
        status: 'completed',
        endedOn: '2026-09-30',
        dropReason: '',
        note: '',
        activities: [
          { activityId: course, kind: 'course', name: 'ECDL Base', sessions: 3, hours: 8 },
          { activityId: internship, kind: 'internship', name: 'Staż w urzędzie', sessions: 20, hours: 160 },
        ],
      },
    ]);
  });

  it('refuses completing, a contract or attendance before recruitment, and nothing is saved', async () => {
    const { id, course } = await activationProject();
    const r = await resident('Nowak', 'Anna');
    await t.value('projects.enrol', { id, residentId: r, recruitedOn: '2026-05-01' });
    const pt = await participantOf(id, r);
    const before = t.dump();
    expect(fieldsOf(await t.call('projects.complete', { id, participantId: pt, on: '2026-04-30' }))).toEqual(['on:validation.beforeRecruitment']);
    await t.value('projects.recordAttendance', { id, participantId: pt, activityId: course, on: '2026-06-10' });
    const attended = t.dump();
    expect(fieldsOf(await t.call('projects.complete', { id, participantId: pt, on: '2026-06-09' }))).toEqual(['on:validation.beforeLastAttendance']);
    expect(fieldsOf(await t.call('projects.dropOut', { id, participantId: pt, on: '2026-06-01', reason: 'x' }))).toEqual(['on:validation.beforeLastAttendance']);
    expect(t.dump()).toEqual(attended);
    expect(fieldsOf(await t.call('projects.dropOut', { id, participantId: pt, on: '2026-04-30', reason: 'x' }))).toEqual(['on:validation.beforeRecruitment']);
    expect(fieldsOf(await t.call('projects.recordContract', { id, participantId: pt, on: '2026-04-15' }))).toEqual(['on:validation.beforeRecruitment']);
    expect(fieldsOf(await t.call('projects.recordAttendance', { id, participantId: pt, activityId: course, on: '2026-04-15' }))).toEqual(['on:validation.beforeRecruitment']);
    expect(fieldsOf(await t.call('projects.enrol', { id, residentId: await resident('Kowalski', 'Jan'), recruitedOn: '2026-05-01', contractOn: '2026-04-30' }))).toEqual([
      'contractOn:validation.beforeRecruitment',
    ]);
    // The resident registered above and the attendance of 10 June are the only changes.
    expect(t.dump().project_participants).toEqual(before.project_participants);
    expect(t.dump().project_attendance).toEqual(attended.project_attendance);
  });

  it('a participant cannot be enrolled twice while taking part; after completing they may be recruited again', async () => {
    const { id } = await activationProject();
    const r = await resident('Nowak', 'Anna');
    await t.value('projects.enrol', { id, residentId: r, recruitedOn: '2026-02-01' });
    const before = t.dump();
    expect(fieldsOf(await t.call('projects.enrol', { id, residentId: r, recruitedOn: '2026-03-01' }))).toEqual(['residentId:validation.alreadyParticipant']);
    expect(t.dump()).toEqual(before);
    // The database refuses it too.
    expect(() =>
      t.sqlite
        .prepare("insert into project_participants (project_id, resident_id, recruited_on, status, created_at, created_by, updated_at, updated_by) values (?, ?, '2026-03-01', 'active', '', 1, '', 1)")
        .run(id, r),
    ).toThrow(/UNIQUE/);
    await t.value('projects.complete', { id, participantId: await participantOf(id, r), on: '2026-06-30' });
    const again = await t.value('projects.enrol', { id, residentId: r, recruitedOn: '2026-07-01' });
    expect(again.figures).toMatchObject({ recruited: 2, active: 1, completed: 1 });
    // Completing twice is refused.
    const done = again.participants.find((x) => x.status === 'completed')?.id ?? 0;
    expect(fieldsOf(await t.call('projects.complete', { id, participantId: done }))).toEqual(['participantId:validation.participationEnded']);
  });

  it('refuses recruitment outside the period or in the future, impossible dates, an unknown or gone resident', async () => {
    const p = await t.value('projects.create', projectInput({ startsOn: '2026-03-01', endsOn: '2026-12-31' }));
    const r = await resident('Nowak', 'Anna');
    const gone = await resident('Zieliński', 'Adam');
    await t.value('residents.markLeft', { id: gone, reason: 'moved', on: '2026-11-01' });
    const before = t.dump();
    expect(fieldsOf(await t.call('projects.enrol', { id: p.id, residentId: r, recruitedOn: '2026-02-28' }))).toEqual(['recruitedOn:validation.outsideProjectPeriod']);
    expect(fieldsOf(await t.call('projects.enrol', { id: p.id, residentId: r, recruitedOn: '2026-11-17' }))).toEqual(['recruitedOn:validation.dateInFuture']);
    expect(fieldsOf(await t.call('projects.enrol', { id: p.id, residentId: r, recruitedOn: '2026-02-30' }))).toEqual(['recruitedOn:validation.date']);
    expect(fieldsOf(await t.call('projects.enrol', { id: p.id, residentId: 999 }))).toEqual(['residentId:validation.unknownResident']);
    expect(fieldsOf(await t.call('projects.enrol', { id: p.id, residentId: gone }))).toEqual(['residentId:validation.residentGoneProject']);
    expect(fieldsOf(await t.call('projects.create', projectInput({ startsOn: '2026-05-01', endsOn: '2026-04-30' })))).toEqual(['endsOn:validation.dateOrder']);
    expect(fieldsOf(await t.call('projects.create', projectInput({ targetRecruited: 10, targetCompleted: 11 })))).toEqual(['targetCompleted:validation.targetOrder']);
    expect(fieldsOf(await t.call('projects.create', projectInput({ grantId: 42 })))).toEqual(['grantId:validation.unknownGrant']);
    expect(t.dump()).toEqual(before);
    const missing = await t.call('projects.get', { id: 999 });
    expect(!missing.ok && missing.error.code).toBe('notFound');
  });

  it('attendance only for the project’s participants and activities, not after they ended; a new period must hold every day in use', async () => {
    const { id, course } = await activationProject();
    const other = await activationProject();
    const r = await resident('Nowak', 'Anna');
    await t.value('projects.enrol', { id, residentId: r, recruitedOn: '2026-02-01' });
    const pt = await participantOf(id, r);
    await t.value('projects.dropOut', { id, participantId: pt, on: '2026-03-01', reason: 'Przeprowadzka' });
    const before = t.dump();
    expect(fieldsOf(await t.call('projects.recordAttendance', { id, participantId: pt, activityId: course, on: '2026-03-02' }))).toEqual(['on:validation.afterParticipation']);
    expect(fieldsOf(await t.call('projects.recordContract', { id, participantId: pt, on: '2026-03-02' }))).toEqual(['on:validation.afterParticipation']);
    expect(fieldsOf(await t.call('projects.recordAttendance', { id, participantId: pt, activityId: other.course, on: '2026-02-10' }))).toEqual([
      'activityId:validation.unknownActivity',
    ]);
    expect(fieldsOf(await t.call('projects.recordAttendance', { id: other.id, participantId: pt, activityId: other.course, on: '2026-02-10' }))).toEqual([
      'participantId:validation.notParticipant',
    ]);
    expect(fieldsOf(await t.call('projects.update', { id, data: projectInput({ startsOn: '2026-02-02', endsOn: '2026-02-28' }) }))).toEqual([
      'data.startsOn:validation.projectPeriodInUse',
      'data.endsOn:validation.projectPeriodInUse',
    ]);
    expect(t.dump()).toEqual(before);
    // Attendance on a day they took part is kept.
    const p = await t.value('projects.recordAttendance', { id, participantId: pt, activityId: course, on: '2026-02-15', sessions: 3 });
    expect(p.figures.byKind).toEqual([{ kind: 'course', participants: 1 }]);
  });

  it('links a grant (its title only); the audit log names the project, never a person or a reason', async () => {
    const grant = await t.value('grants.create', { grant: { funder: 'EFS', title: 'Aktywna integracja 2026', startsOn: '2026-01-01', endsOn: '2026-12-31', currency: 'RUB', amountMinor: 100_000_00, note: '' }, lines: [] });
    expect(await t.value('projects.grantOptions', {}, COORDINATOR)).toEqual([{ id: grant.id, title: 'Aktywna integracja 2026', startsOn: '2026-01-01', endsOn: '2026-12-31' }]);
    const p = await t.value('projects.create', projectInput({ grantId: grant.id }), COORDINATOR);
    expect(p).toMatchObject({ grantId: grant.id, grantTitle: 'Aktywna integracja 2026' });
    const r = await resident('Nowak', 'Anna');
    await t.value('projects.enrol', { id: p.id, residentId: r, recruitedOn: '2026-02-01', note: 'Samotna matka' });
    await t.value('projects.dropOut', { id: p.id, participantId: await participantOf(p.id, r), on: '2026-03-01', reason: 'Choroba dziecka' });
    const rows = t.sqlite.prepare("select action, entity_type, entity_id, details from audit_log where call like 'projects.%' order by id").all() as Array<{ entity_type: string; entity_id: string }>;
    expect(rows.map((x) => [x.entity_type, x.entity_id])).toEqual([
      ['projects', String(p.id)],
      ['projects', String(p.id)],
      ['projects', String(p.id)],
    ]);
    const log = JSON.stringify(t.sqlite.prepare('select * from audit_log').all());
    for (const text of ['Nowak', 'Anna', 'Samotna', 'Choroba']) expect(log).not.toContain(text);
  });

  it('the front desk and the treasurer may use none of the calls (the treasurer: names and casework; figures come in the report)', async () => {
    await activationProject();
    await resident('Nowak', 'Anna');
    const valid = validInputs();
    const before = t.dump();
    for (const name of CALL_NAMES.filter((n): n is CallName & `projects.${string}` => n.startsWith('projects.'))) {
      for (const actor of [TREASURER, FRONTDESK]) {
        const env = await t.raw(name, valid[name], actor);
        expect(!env.ok && env.error.code, `${name} as ${actor.role}`).toBe('forbidden');
      }
    }
    expect(t.dump()).toEqual(before);
  });

  it('a person’s export holds their participations; erasure keeps the row (status, days, attendance) and every figure, blanks the link and the texts', async () => {
    const { id, course } = await activationProject();
    const anna = await resident('Nowak', 'Anna');
    const jan = await resident('Kowalski', 'Jan');
    await t.value('projects.enrol', { id, residentId: anna, recruitedOn: '2026-02-01', contractOn: '2026-02-03', note: 'Samotna matka' });
    await t.value('projects.enrol', { id, residentId: jan, recruitedOn: '2026-02-01' });
    const pt = await participantOf(id, anna);
    await t.value('projects.recordAttendance', { id, participantId: pt, activityId: course, on: '2026-03-10', sessions: 2, hours: 4 });
    await t.value('projects.dropOut', { id, participantId: pt, on: '2026-04-01', reason: 'Choroba dziecka' });

    const data = await collectPersonData(t.deps.db, anna, { language: 'pl', createdAt: NOW, centreName: null, retention: { inactiveResidentYears: 5 } as never });
    expect(data.projects).toEqual([
      {
        project: 'Partnerstwo na rzecz aktywnej integracji',
        funder: 'EFS',
        recruitedOn: '2026-02-01',
        contractOn: '2026-02-03',
        status: 'droppedOut',
        endedOn: '2026-04-01',
        dropReason: 'Choroba dziecka',
        note: 'Samotna matka',
        attendance: [{ activityKind: 'course', activity: 'ECDL Base', on: '2026-03-10', sessions: 2, hours: 4 }],
      },
    ]);
    // The printable summary in Polish has the section with the project, the dates and the course.
    const html = personHtml(data, 'pl');
    expect(html).toContain('<h2>Projekty</h2>');
    for (const text of ['Partnerstwo na rzecz aktywnej integracji', 'Udział przerwany', 'Kurs zawodowy — ECDL Base (2 spotkania)', 'Kontrakt socjalny podpisany', 'Choroba dziecka']) expect(html).toContain(text);
    const figures = (await t.value('projects.get', { id })).figures;

    await t.value('privacy.erasePerson', { residentId: anna, confirmName: 'Nowak Anna' });
    const after = await t.value('projects.get', { id });
    expect(after.figures).toEqual(figures);
    expect(after.activities[0]).toMatchObject({ participants: 1, sessions: 2, hours: 4 });
    const erased = after.participants.find((x) => x.id === pt);
    expect(erased).toMatchObject({ residentId: null, fullName: null, recruitedOn: '2026-02-01', contractOn: '2026-02-03', status: 'droppedOut', endedOn: '2026-04-01', dropReason: '', note: '' });
    expect(await t.value('projects.ofResident', { residentId: anna })).toEqual([]);
    expect(JSON.stringify(t.sqlite.prepare('select * from project_participants').all())).not.toMatch(/Samotna|Choroba/);
  });
});
