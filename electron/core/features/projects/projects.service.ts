/**
 * Projects and programmes with participants: the rules the schemas cannot check, each refusal a
 * field issue with a translated key (common:validation.*), and nothing
 * written before every check has passed:
 * - recruitment within the project's period, never in the future, a registered resident who has
 *   not moved away or died, and once in a project while they take part (the partial unique index
 *   project_participants_once refuses it too); after completing or dropping out they may be
 *   recruited again;
 * - a contract, a completion, a drop-out or an attendance never before the recruitment nor in the
 *   future nor after the project's end (a contract and attendance not after they completed or
 *   dropped out either); completing and dropping out only while they take part and not before
 *   their last attendance;
 *   attendance of one of the project's activities, not after they completed or dropped out;
 * - a project's new period must still hold every day its participants and attendance use.
 * The call's transaction (dispatch) and the inner boundary here keep a refused call from leaving
 * anything half-saved.
 */
import { AppError } from '../../../../shared/api/errors';
import { targetsOutOfOrder, type ActivityData, type GrantOption, type Participation, type Project, type ProjectData, type ProjectSummary } from '../../../../shared/domain/projects';
import type { Actor, CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import type { ParticipantRow, ProjectRow } from './projects.table';
import * as repo from './projects.repo';
import { FieldIssues } from '../../field-issues';

function notFound(id: number): AppError {
  return new AppError('notFound', `Project ${id} not found`);
}


export function projectsService(deps: CoreDeps) {
  const { db, clock } = deps;
  const stampOf = (actor: Actor): repo.Stamp => ({ at: clock.now().toISOString(), by: actor.id });

  const project = async (ex: Executor, id: number): Promise<Project> => {
    const found = await repo.findProject(ex, id);
    if (!found) throw notFound(id);
    return found;
  };
  const row = async (ex: Executor, id: number): Promise<ProjectRow> => {
    const p = await repo.projectRow(ex, id);
    if (!p) throw notFound(id);
    return p;
  };

  /** A day that has happened: the given one or today; not in the future, within the project's period. */
  const dayOf = (on: string | undefined, p: ProjectRow, path: string, issues: FieldIssues): string => {
    const today = clock.today();
    const day = on ?? today;
    if (day > today) issues.add(path, 'validation.dateInFuture');
    else if (day < p.starts_on || day > p.ends_on) issues.add(path, 'validation.outsideProjectPeriod');
    return day;
  };

  /** A participant of this project (field `participantId`). */
  const participantOf = async (ex: Executor, p: ProjectRow, participantId: number, issues: FieldIssues): Promise<ParticipantRow | undefined> => {
    const found = await repo.participantRow(ex, p.id, participantId);
    if (!found) issues.add('participantId', 'validation.notParticipant');
    return found;
  };

  /** The grant exists; no more to complete than to recruit. */
  const checkProject = async (ex: Executor, d: ProjectData, issues: FieldIssues, prefix = ''): Promise<void> => {
    if (targetsOutOfOrder(d)) issues.add(`${prefix}targetCompleted`, 'validation.targetOrder');
    if (d.grantId === null) return;
    const g = await ex.selectFrom('grants').select('id').where('id', '=', d.grantId).executeTakeFirst();
    if (!g) issues.add(`${prefix}grantId`, 'validation.unknownGrant');
  };

  /** Ends a participation (completed or dropped out): only while active, not before recruitment. */
  async function end(input: { id: number; participantId: number; on?: string | undefined }, status: 'completed' | 'droppedOut', reason: string, actor: Actor): Promise<Project> {
    const s = stampOf(actor);
    return inTransaction(db, async (trx) => {
      const p = await row(trx, input.id);
      const issues = new FieldIssues('The project change was refused');
      const day = dayOf(input.on, p, 'on', issues);
      const pt = await participantOf(trx, p, input.participantId, issues);
      if (pt && pt.status !== 'active') issues.add('participantId', 'validation.participationEnded');
      else if (pt && day < pt.recruited_on) issues.add('on', 'validation.beforeRecruitment');
      else if (pt) {
        // Not before what they attended: attendance is never after the participation ended.
        const last = await trx.selectFrom('project_attendance').select((eb) => eb.fn.max<string>('attended_on').as('d')).where('participant_id', '=', pt.id).executeTakeFirst();
        if (last?.d && day < last.d) issues.add('on', 'validation.beforeLastAttendance');
      }
      issues.throwIfAny();
      await trx
        .updateTable('project_participants')
        .set({ status, ended_on: day, drop_reason: reason, updated_at: s.at, updated_by: s.by })
        .where('id', '=', input.participantId)
        .execute();
      await repo.touchProject(trx, p.id, s);
      return project(trx, p.id);
    });
  }

  return {
    list: (): Promise<ProjectSummary[]> => repo.listProjects(db),
    get: (id: number) => project(db, id),

    async ofResident(residentId: number): Promise<Participation[]> {
      const resident = await db.selectFrom('residents').select('id').where('id', '=', residentId).executeTakeFirst();
      if (!resident) throw new AppError('notFound', `Resident ${residentId} not found`);
      return repo.participationsOf(db, residentId);
    },

    async grantOptions(): Promise<GrantOption[]> {
      const rows = await db.selectFrom('grants').select(['id', 'title', 'starts_on', 'ends_on']).orderBy('starts_on', 'desc').orderBy('id', 'desc').execute();
      return rows.map((g) => ({ id: g.id, title: g.title, startsOn: g.starts_on, endsOn: g.ends_on }));
    },

    async create(d: ProjectData, actor: Actor): Promise<Project> {
      const s = stampOf(actor);
      return inTransaction(db, async (trx) => {
        const issues = new FieldIssues('The project change was refused');
        await checkProject(trx, d, issues);
        issues.throwIfAny();
        const id = await repo.insertProject(trx, d, s);
        return project(trx, id);
      });
    },

    async update(input: { id: number; data: ProjectData }, actor: Actor): Promise<Project> {
      const s = stampOf(actor);
      return inTransaction(db, async (trx) => {
        await row(trx, input.id);
        const issues = new FieldIssues('The project change was refused');
        await checkProject(trx, input.data, issues, 'data.');
        const used = await repo.daysInUse(trx, input.id);
        if (used.first !== null && used.first < input.data.startsOn) issues.add('data.startsOn', 'validation.projectPeriodInUse');
        if (used.last !== null && used.last > input.data.endsOn) issues.add('data.endsOn', 'validation.projectPeriodInUse');
        issues.throwIfAny();
        await repo.updateProject(trx, input.id, input.data, s);
        return project(trx, input.id);
      });
    },

    async addActivity(input: { id: number; activity: ActivityData }, actor: Actor): Promise<Project> {
      const s = stampOf(actor);
      return inTransaction(db, async (trx) => {
        const p = await row(trx, input.id);
        await trx.insertInto('project_activities').values({ project_id: p.id, kind: input.activity.kind, name: input.activity.name, created_at: s.at, created_by: s.by }).execute();
        await repo.touchProject(trx, p.id, s);
        return project(trx, p.id);
      });
    },

    async enrol(input: { id: number; residentId: number; recruitedOn?: string | undefined; contractOn?: string | undefined; note: string }, actor: Actor): Promise<Project> {
      const s = stampOf(actor);
      return inTransaction(db, async (trx) => {
        const p = await row(trx, input.id);
        const issues = new FieldIssues('The project change was refused');
        const day = dayOf(input.recruitedOn, p, 'recruitedOn', issues);
        const r = await trx.selectFrom('residents').select(['id', 'left_on', 'erased_at']).where('id', '=', input.residentId).executeTakeFirst();
        if (!r || r.erased_at !== null) issues.add('residentId', 'validation.unknownResident');
        else if (r.left_on !== null) issues.add('residentId', 'validation.residentGoneProject');
        else {
          const taking = await trx
            .selectFrom('project_participants')
            .select('id')
            .where('resident_id', '=', input.residentId)
            .where('project_id', '=', p.id)
            .where('status', '=', 'active')
            .executeTakeFirst();
          if (taking) issues.add('residentId', 'validation.alreadyParticipant');
        }
        if (input.contractOn !== undefined) {
          if (input.contractOn > clock.today()) issues.add('contractOn', 'validation.dateInFuture');
          else if (input.contractOn < day) issues.add('contractOn', 'validation.beforeRecruitment');
          else if (input.contractOn > p.ends_on) issues.add('contractOn', 'validation.outsideProjectPeriod');
        }
        issues.throwIfAny();
        await trx
          .insertInto('project_participants')
          .values({
            project_id: p.id,
            resident_id: input.residentId,
            recruited_on: day,
            contract_on: input.contractOn ?? null,
            status: 'active',
            note: input.note,
            created_at: s.at,
            created_by: s.by,
            updated_at: s.at,
            updated_by: s.by,
          })
          .execute();
        await repo.touchProject(trx, p.id, s);
        return project(trx, p.id);
      });
    },

    async recordContract(input: { id: number; participantId: number; on?: string | undefined }, actor: Actor): Promise<Project> {
      const s = stampOf(actor);
      return inTransaction(db, async (trx) => {
        const p = await row(trx, input.id);
        const issues = new FieldIssues('The project change was refused');
        const day = dayOf(input.on, p, 'on', issues);
        const pt = await participantOf(trx, p, input.participantId, issues);
        if (pt && day < pt.recruited_on) issues.add('on', 'validation.beforeRecruitment');
        else if (pt && pt.ended_on !== null && day > pt.ended_on) issues.add('on', 'validation.afterParticipation');
        issues.throwIfAny();
        await trx.updateTable('project_participants').set({ contract_on: day, updated_at: s.at, updated_by: s.by }).where('id', '=', input.participantId).execute();
        await repo.touchProject(trx, p.id, s);
        return project(trx, p.id);
      });
    },

    async recordAttendance(
      input: { id: number; participantId: number; activityId: number; on?: string | undefined; sessions: number; hours: number | null },
      actor: Actor,
    ): Promise<Project> {
      const s = stampOf(actor);
      return inTransaction(db, async (trx) => {
        const p = await row(trx, input.id);
        const issues = new FieldIssues('The project change was refused');
        const day = dayOf(input.on, p, 'on', issues);
        const pt = await participantOf(trx, p, input.participantId, issues);
        if (pt && day < pt.recruited_on) issues.add('on', 'validation.beforeRecruitment');
        else if (pt && pt.ended_on !== null && day > pt.ended_on) issues.add('on', 'validation.afterParticipation');
        const activity = await trx.selectFrom('project_activities').select('id').where('id', '=', input.activityId).where('project_id', '=', p.id).executeTakeFirst();
        if (!activity) issues.add('activityId', 'validation.unknownActivity');
        issues.throwIfAny();
        await trx
          .insertInto('project_attendance')
          .values({
            participant_id: input.participantId,
            activity_id: input.activityId,
            attended_on: day,
            sessions: input.sessions,
            minutes: input.hours === null ? null : Math.round(input.hours * 60),
            created_at: s.at,
            created_by: s.by,
          })
          .execute();
        await repo.touchProject(trx, p.id, s);
        return project(trx, p.id);
      });
    },

    complete: (input: { id: number; participantId: number; on?: string | undefined }, actor: Actor) => end(input, 'completed', '', actor),
    dropOut: (input: { id: number; participantId: number; on?: string | undefined; reason: string }, actor: Actor) => end(input, 'droppedOut', input.reason, actor),
  };
}
