import { sql } from 'kysely';
import type { Executor } from '../../db/schema';
import { fullName } from '../../../../shared/domain/residents';
import { SEVERITIES, type Assessment, type AssessmentData, type AssessmentNeed, type AssessmentOption, type OptionList, type Severity } from '../../../../shared/domain/assessments';
import type { AssessmentRow } from './assessments.table';

export interface Stamp {
  at: string;
  by: number;
}

const severityOf = (v: string): Severity => ((SEVERITIES as readonly string[]).includes(v) ? (v as Severity) : 'medium');

export async function listOptions(ex: Executor, includeArchived: boolean, ids?: readonly number[]): Promise<AssessmentOption[]> {
  let q = ex
    .selectFrom('assessment_options as o')
    .select((eb) => [
      'o.id',
      'o.list',
      'o.code',
      'o.name',
      'o.archived_at',
      eb
        .or([
          eb.exists(eb.selectFrom('assessments').select('assessments.id').whereRef('assessments.kind_id', '=', 'o.id')),
          eb.exists(eb.selectFrom('assessment_needs').select('assessment_needs.id').whereRef('assessment_needs.area_id', '=', 'o.id')),
        ])
        .as('in_use'),
    ])
    .orderBy('o.list')
    .orderBy('o.sort_order')
    .orderBy('o.id');
  if (!includeArchived) q = q.where('o.archived_at', 'is', null);
  if (ids !== undefined) q = q.where('o.id', 'in', ids.length > 0 ? [...ids] : [0]);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    list: r.list === 'kind' ? 'kind' : 'area',
    code: r.code,
    name: r.name,
    archived: r.archived_at !== null,
    inUse: Boolean(r.in_use),
  }));
}

export async function optionRows(ex: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return ex.selectFrom('assessment_options').select(['id', 'list', 'archived_at']).where('id', 'in', [...ids]).execute();
}

export async function insertOption(ex: Executor, list: OptionList, name: string, at: string): Promise<number> {
  const row = await ex.insertInto('assessment_options').values({ list, code: null, name, archived_at: null, created_at: at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function assessmentRow(ex: Executor, id: number): Promise<AssessmentRow | undefined> {
  return ex.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The resident who heads a household now (null when nobody registered heads it). */
export async function headOf(ex: Executor, householdId: number): Promise<number | null> {
  const row = await ex
    .selectFrom('household_members')
    .select('resident_id')
    .where('household_id', '=', householdId)
    .where('relation', '=', 'head')
    .where('to_on', 'is', null)
    .executeTakeFirst();
  return row?.resident_id ?? null;
}

/** Assessments with their kind, worker, subject's name and needs, in the order of `rows`. */
async function complete(ex: Executor, rows: AssessmentRow[]): Promise<Assessment[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const optionIds = [...new Set(rows.map((r) => r.kind_id))];
  const needs = await ex
    .selectFrom('assessment_needs as n')
    .innerJoin('assessment_options as o', 'o.id', 'n.area_id')
    .select(['n.assessment_id', 'n.area_id', 'n.severity', 'o.code', 'o.name', 'o.sort_order'])
    .where('n.assessment_id', 'in', ids)
    .execute();
  const kinds = new Map((await ex.selectFrom('assessment_options').select(['id', 'code', 'name']).where('id', 'in', optionIds).execute()).map((o) => [o.id, o]));
  const workers = new Map(
    (await ex.selectFrom('users').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.worker_id))]).execute()).map((u) => [u.id, u.name]),
  );
  // Names: the resident's own, or the household head's now.
  const householdIds = [...new Set(rows.map((r) => r.household_id).filter((h): h is number => h !== null))];
  const heads =
    householdIds.length === 0
      ? []
      : await ex
          .selectFrom('household_members as m')
          .select(['m.household_id', 'm.resident_id'])
          .where('m.household_id', 'in', householdIds)
          .where('m.relation', '=', 'head')
          .where('m.to_on', 'is', null)
          .execute();
  const headOfHousehold = new Map(heads.filter((h) => h.resident_id !== null).map((h) => [h.household_id, h.resident_id as number]));
  const residentIds = [...new Set([...rows.map((r) => r.resident_id).filter((r): r is number => r !== null), ...headOfHousehold.values()])];
  const names = new Map(
    (residentIds.length === 0 ? [] : await ex.selectFrom('residents').select(['id', 'last_name', 'first_name', 'patronymic']).where('id', 'in', residentIds).execute()).map((r) => [
      r.id,
      fullName({ lastName: r.last_name, firstName: r.first_name, patronymic: r.patronymic }),
    ]),
  );
  const needsOf = new Map<number, Array<AssessmentNeed & { order: number }>>();
  for (const n of needs) {
    const list = needsOf.get(n.assessment_id) ?? [];
    list.push({ areaId: n.area_id, areaCode: n.code, areaName: n.name, severity: severityOf(n.severity), order: n.sort_order });
    needsOf.set(n.assessment_id, list);
  }
  return rows.map((r) => {
    const kind = kinds.get(r.kind_id);
    const person = r.resident_id ?? (r.household_id !== null ? headOfHousehold.get(r.household_id) : undefined);
    return {
      id: r.id,
      residentId: r.resident_id,
      householdId: r.household_id,
      subjectResidentId: person ?? null,
      subjectName: person !== undefined ? (names.get(person) ?? null) : null,
      kindId: r.kind_id,
      kindCode: kind?.code ?? null,
      kindName: kind?.name ?? null,
      assessedOn: r.assessed_on,
      workerId: r.worker_id,
      workerName: workers.get(r.worker_id) ?? '',
      followUpOn: r.follow_up_on,
      needs: (needsOf.get(r.id) ?? []).sort((a, b) => a.order - b.order || a.areaId - b.areaId).map(({ order: _order, ...n }) => n),
      conclusion: r.conclusion,
      services: r.services,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

export async function findAssessment(ex: Executor, id: number): Promise<Assessment | undefined> {
  const row = await assessmentRow(ex, id);
  return row ? (await complete(ex, [row]))[0] : undefined;
}

const latestFirst = (a: AssessmentRow, b: AssessmentRow) => (a.assessed_on === b.assessed_on ? b.id - a.id : a.assessed_on < b.assessed_on ? 1 : -1);

/** A resident's assessments and those of the household they live in now, the latest first. */
export async function assessmentsOfResident(ex: Executor, residentId: number): Promise<Assessment[]> {
  const own = await ex.selectFrom('assessments').selectAll().where('resident_id', '=', residentId).orderBy('assessed_on', 'desc').execute();
  const living = await ex.selectFrom('household_members').select('household_id').where('resident_id', '=', residentId).where('to_on', 'is', null).executeTakeFirst();
  const family = living ? await ex.selectFrom('assessments').selectAll().where('household_id', '=', living.household_id).orderBy('assessed_on', 'desc').execute() : [];
  return complete(ex, [...own, ...family].sort(latestFirst));
}

/** Follow-ups due by `until`, the earliest first (at most `limit`). */
export async function dueFollowUps(ex: Executor, until: string, workerId: number | undefined, limit: number): Promise<Assessment[]> {
  let q = ex
    .selectFrom('assessments')
    .selectAll()
    .where('follow_up_on', 'is not', null)
    .where('follow_up_on', '<=', until)
    .orderBy('follow_up_on')
    .orderBy('id')
    .limit(limit);
  // Compared as +worker_id: read in the follow-up index's order, filtered on the way.
  if (workerId !== undefined) q = q.where(sql<boolean>`+worker_id = ${workerId}`);
  return complete(ex, await q.execute());
}

export async function insertAssessment(ex: Executor, subject: { residentId: number | null; householdId: number | null }, d: AssessmentData, s: Stamp): Promise<number> {
  const row = await ex
    .insertInto('assessments')
    .values({
      resident_id: subject.residentId,
      household_id: subject.householdId,
      kind_id: d.kindId,
      assessed_on: d.assessedOn,
      worker_id: d.workerId,
      conclusion: d.conclusion,
      services: d.services,
      follow_up_on: d.followUpOn,
      erased_at: null,
      created_at: s.at,
      created_by: s.by,
      updated_at: s.at,
      updated_by: s.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertNeeds(ex, row.id, d);
  return row.id;
}

async function insertNeeds(ex: Executor, id: number, d: AssessmentData): Promise<void> {
  if (d.needs.length === 0) return;
  await ex
    .insertInto('assessment_needs')
    .values(d.needs.map((n) => ({ assessment_id: id, area_id: n.areaId, severity: n.severity })))
    .execute();
}

export async function updateAssessment(ex: Executor, id: number, d: AssessmentData, s: Stamp): Promise<void> {
  await ex
    .updateTable('assessments')
    .set({
      kind_id: d.kindId,
      assessed_on: d.assessedOn,
      worker_id: d.workerId,
      conclusion: d.conclusion,
      services: d.services,
      follow_up_on: d.followUpOn,
      updated_at: s.at,
      updated_by: s.by,
    })
    .where('id', '=', id)
    .execute();
  await ex.deleteFrom('assessment_needs').where('assessment_id', '=', id).execute();
  await insertNeeds(ex, id, d);
}
