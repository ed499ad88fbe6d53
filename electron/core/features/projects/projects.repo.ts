import type { Executor } from '../../db/schema';
import { fullName } from '../../../../shared/domain/residents';
import {
  ACTIVITY_KINDS,
  PARTICIPANT_STATUSES,
  type Activity,
  type ActivityKind,
  type Attendance,
  type Participant,
  type ParticipantStatus,
  type Participation,
  type Project,
  type ProjectData,
  type ProjectFigures,
  type ProjectSummary,
} from '../../../../shared/domain/projects';
import type { ParticipantRow, ProjectRow } from './projects.table';

/** Who changed a row and when. */
export interface Stamp {
  at: string;
  by: number;
}

const kindOf = (v: string): ActivityKind => ((ACTIVITY_KINDS as readonly string[]).includes(v) ? (v as ActivityKind) : 'other');
const statusOf = (v: string): ParticipantStatus => ((PARTICIPANT_STATUSES as readonly string[]).includes(v) ? (v as ParticipantStatus) : 'active');
const hours = (minutes: number | null) => (minutes === null ? null : Math.round((minutes / 60) * 100) / 100);

export async function projectRow(ex: Executor, id: number): Promise<ProjectRow | undefined> {
  return ex.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function participantRow(ex: Executor, projectId: number, participantId: number): Promise<ParticipantRow | undefined> {
  return ex.selectFrom('project_participants').selectAll().where('id', '=', participantId).where('project_id', '=', projectId).executeTakeFirst();
}

/** A project's figures: participants by status, with a contract, and per kind of activity how many attended. */
export async function figuresOf(ex: Executor, projectId: number): Promise<ProjectFigures> {
  const byStatus = await ex
    .selectFrom('project_participants')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('contract_on').as('contracts')])
    .where('project_id', '=', projectId)
    .groupBy('status')
    .execute();
  const count = (s: ParticipantStatus) => Number(byStatus.find((r) => r.status === s)?.n ?? 0);
  const kinds = await ex
    .selectFrom('project_activities as a')
    .innerJoin('project_attendance as t', 't.activity_id', 'a.id')
    .select(['a.kind', (eb) => eb.fn.count<number>('t.participant_id').distinct().as('n')])
    .where('a.project_id', '=', projectId)
    .groupBy('a.kind')
    .execute();
  return {
    recruited: byStatus.reduce((s, r) => s + Number(r.n), 0),
    active: count('active'),
    completed: count('completed'),
    droppedOut: count('droppedOut'),
    withContract: byStatus.reduce((s, r) => s + Number(r.contracts), 0),
    byKind: ACTIVITY_KINDS.flatMap((k) => {
      const n = Number(kinds.find((r) => r.kind === k)?.n ?? 0);
      return n > 0 ? [{ kind: k, participants: n }] : [];
    }),
  };
}

async function grantTitle(ex: Executor, grantId: number | null): Promise<string | null> {
  if (grantId === null) return null;
  return (await ex.selectFrom('grants').select('title').where('id', '=', grantId).executeTakeFirst())?.title ?? null;
}

async function summaryOf(ex: Executor, p: ProjectRow): Promise<ProjectSummary> {
  return {
    id: p.id,
    name: p.name,
    funder: p.funder,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    grantId: p.grant_id,
    grantTitle: await grantTitle(ex, p.grant_id),
    targetRecruited: p.target_recruited,
    targetCompleted: p.target_completed,
    figures: await figuresOf(ex, p.id),
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

/** Every project, the latest period first. */
export async function listProjects(ex: Executor): Promise<ProjectSummary[]> {
  const rows = await ex.selectFrom('projects').selectAll().orderBy('starts_on', 'desc').orderBy('id', 'desc').execute();
  const out: ProjectSummary[] = [];
  for (const p of rows) out.push(await summaryOf(ex, p));
  return out;
}

export async function findProject(ex: Executor, id: number): Promise<Project | undefined> {
  const p = await projectRow(ex, id);
  if (!p) return undefined;
  const activityRows = await ex.selectFrom('project_activities').selectAll().where('project_id', '=', id).orderBy('id').execute();
  const totals = await ex
    .selectFrom('project_activities as a')
    .innerJoin('project_attendance as t', 't.activity_id', 'a.id')
    .select([
      'a.id',
      (eb) => eb.fn.count<number>('t.participant_id').distinct().as('participants'),
      (eb) => eb.fn.sum<number>('t.sessions').as('sessions'),
      (eb) => eb.fn.sum<number>('t.minutes').as('minutes'),
    ])
    .where('a.project_id', '=', id)
    .groupBy('a.id')
    .execute();
  const activities = activityRows.map((a): Activity => {
    const t = totals.find((x) => x.id === a.id);
    return { id: a.id, kind: kindOf(a.kind), name: a.name, participants: Number(t?.participants ?? 0), sessions: Number(t?.sessions ?? 0), hours: hours(Number(t?.minutes ?? 0)) ?? 0 };
  });
  const rows = await ex
    .selectFrom('project_participants as p')
    .leftJoin('residents as r', 'r.id', 'p.resident_id')
    .selectAll('p')
    .select(['r.last_name', 'r.first_name', 'r.patronymic'])
    .where('p.project_id', '=', id)
    .orderBy('p.recruited_on', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
  const attendance = await ex
    .selectFrom('project_attendance as t')
    .innerJoin('project_participants as p', 'p.id', 't.participant_id')
    .select(['t.id', 't.participant_id', 't.activity_id', 't.attended_on', 't.sessions', 't.minutes'])
    .where('p.project_id', '=', id)
    .orderBy('t.attended_on', 'desc')
    .orderBy('t.id', 'desc')
    .execute();
  const participants = rows.map(
    (r): Participant => ({
      id: r.id,
      residentId: r.resident_id,
      fullName: r.resident_id !== null && r.last_name !== null ? fullName({ lastName: r.last_name, firstName: r.first_name ?? '', patronymic: r.patronymic ?? '' }) : null,
      recruitedOn: r.recruited_on,
      contractOn: r.contract_on,
      status: statusOf(r.status),
      endedOn: r.ended_on,
      dropReason: r.drop_reason,
      note: r.note,
      attendance: attendance
        .filter((a) => a.participant_id === r.id)
        .map((a): Attendance => ({ id: a.id, activityId: a.activity_id, on: a.attended_on, sessions: a.sessions, hours: hours(a.minutes) })),
    }),
  );
  return { ...(await summaryOf(ex, p)), activities, participants };
}

/** A resident's participations, the latest recruited first, with what they attended. */
export async function participationsOf(ex: Executor, residentId: number): Promise<Participation[]> {
  const rows = await ex
    .selectFrom('project_participants as p')
    .innerJoin('projects as j', 'j.id', 'p.project_id')
    .select(['p.id', 'p.project_id', 'j.name', 'j.starts_on', 'j.ends_on', 'p.recruited_on', 'p.contract_on', 'p.status', 'p.ended_on', 'p.drop_reason', 'p.note'])
    .where('p.resident_id', '=', residentId)
    .orderBy('p.recruited_on', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
  const ids = rows.map((r) => r.id);
  const attended =
    ids.length === 0
      ? []
      : await ex
          .selectFrom('project_attendance as t')
          .innerJoin('project_activities as a', 'a.id', 't.activity_id')
          .select(['t.participant_id', 'a.id', 'a.kind', 'a.name', (eb) => eb.fn.sum<number>('t.sessions').as('sessions'), (eb) => eb.fn.sum<number>('t.minutes').as('minutes')])
          .where('t.participant_id', 'in', ids)
          .groupBy(['t.participant_id', 'a.id'])
          .orderBy('a.id')
          .execute();
  return rows.map((r) => ({
    projectId: r.project_id,
    projectName: r.name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    participantId: r.id,
    recruitedOn: r.recruited_on,
    contractOn: r.contract_on,
    status: statusOf(r.status),
    endedOn: r.ended_on,
    dropReason: r.drop_reason,
    note: r.note,
    activities: attended
      .filter((a) => a.participant_id === r.id)
      .map((a) => ({ activityId: a.id, kind: kindOf(a.kind), name: a.name, sessions: Number(a.sessions ?? 0), hours: hours(Number(a.minutes ?? 0)) ?? 0 })),
  }));
}

export async function insertProject(ex: Executor, d: ProjectData, s: Stamp): Promise<number> {
  const row = await ex
    .insertInto('projects')
    .values({
      name: d.name,
      funder: d.funder,
      starts_on: d.startsOn,
      ends_on: d.endsOn,
      grant_id: d.grantId,
      target_recruited: d.targetRecruited,
      target_completed: d.targetCompleted,
      created_at: s.at,
      created_by: s.by,
      updated_at: s.at,
      updated_by: s.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateProject(ex: Executor, id: number, d: ProjectData, s: Stamp): Promise<void> {
  await ex
    .updateTable('projects')
    .set({
      name: d.name,
      funder: d.funder,
      starts_on: d.startsOn,
      ends_on: d.endsOn,
      grant_id: d.grantId,
      target_recruited: d.targetRecruited,
      target_completed: d.targetCompleted,
      updated_at: s.at,
      updated_by: s.by,
    })
    .where('id', '=', id)
    .execute();
}

export async function touchProject(ex: Executor, id: number, s: Stamp): Promise<void> {
  await ex.updateTable('projects').set({ updated_at: s.at, updated_by: s.by }).where('id', '=', id).execute();
}

/** The earliest and latest day a project's participants and attendance use (for a change of its period). */
export async function daysInUse(ex: Executor, projectId: number): Promise<{ first: string | null; last: string | null }> {
  const p = await ex
    .selectFrom('project_participants')
    .select([(eb) => eb.fn.min<string>('recruited_on').as('first'), (eb) => eb.fn.max<string>('ended_on').as('last'), (eb) => eb.fn.max<string>('contract_on').as('contract')])
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  const a = await ex
    .selectFrom('project_attendance as t')
    .innerJoin('project_participants as p', 'p.id', 't.participant_id')
    .select((eb) => eb.fn.max<string>('t.attended_on').as('last'))
    .where('p.project_id', '=', projectId)
    .executeTakeFirst();
  const last = [p?.last ?? null, p?.contract ?? null, a?.last ?? null].filter((x): x is string => x !== null).sort().at(-1) ?? null;
  return { first: p?.first ?? null, last };
}
