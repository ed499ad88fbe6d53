/**
 * The editable list of skills (built-in ones with a translated code, the centre's own with a name)
 * and which skills a kind of help needs.
 */
import { AppError, type FieldIssue } from '../../../../shared/api/errors';
import { BUILT_IN_KINDS, type BuiltInKindCode } from '../../../../shared/domain/catalogue';
import { fold } from '../../../../shared/domain/text';
import { BUILT_IN_SKILLS, KIND_SKILL_DEFAULTS, type Skill, type SkillRef } from '../../../../shared/domain/volunteers';
import type { CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';

/**
 * Adds the built-in skills that are missing and links them to the built-in kinds that need them;
 * idempotent. A kind's defaults are applied once, when the skill first appears (the first start
 * after the volunteers migration, or a version that adds a skill) or when the kind first appears
 * (a built-in kind whose created_at is `at`, i.e. just added by ensureBuiltInKinds with the same
 * `at`). Links a coordinator removed are not brought back on the next start.
 */
export async function ensureBuiltInSkills(ex: Executor, at: string): Promise<void> {
  const existing = new Set(
    (await ex.selectFrom('skills').select('code').where('code', 'is not', null).execute()).map((r) => r.code),
  );
  const missing = BUILT_IN_SKILLS.filter((code) => !existing.has(code));
  if (missing.length > 0) {
    await ex
      .insertInto('skills')
      .values(missing.map((code) => ({ code, name: null, archived_at: null, created_at: at })))
      .execute();
  }
  const skills = await ex.selectFrom('skills').select(['id', 'code']).where('code', 'is not', null).execute();
  const skillId = new Map(skills.map((s) => [s.code, s.id]));
  const newSkills = new Set<string>(missing);
  const kinds = await ex.selectFrom('service_kinds').select(['id', 'code', 'created_at']).where('code', 'is not', null).execute();
  const builtInKinds = new Set<string>(BUILT_IN_KINDS.map((k) => k.code));
  const links = await ex.selectFrom('kind_skills').select(['kind_id', 'skill_id']).execute();
  const linked = new Set(links.map((l) => `${l.kind_id}:${l.skill_id}`));
  const add: Array<{ kind_id: number; skill_id: number }> = [];
  for (const kind of kinds) {
    if (kind.code === null || !builtInKinds.has(kind.code)) continue;
    const newKind = kind.created_at === at;
    for (const code of KIND_SKILL_DEFAULTS[kind.code as BuiltInKindCode]) {
      const sid = skillId.get(code);
      if (sid === undefined || linked.has(`${kind.id}:${sid}`)) continue;
      if (newKind || newSkills.has(code)) add.push({ kind_id: kind.id, skill_id: sid });
    }
  }
  if (add.length > 0) await ex.insertInto('kind_skills').values(add).execute();
}

/** Built-in skills in the order of BUILT_IN_SKILLS, then the centre's own by name. */
function builtInPosition(code: string): number {
  const i = (BUILT_IN_SKILLS as readonly string[]).indexOf(code);
  // An unknown code (from a newer version, say) goes after the known ones.
  return i < 0 ? BUILT_IN_SKILLS.length : i;
}

function compareSkills(a: SkillRef, b: SkillRef): number {
  if (a.code !== null || b.code !== null) {
    if (a.code === null) return 1;
    if (b.code === null) return -1;
    return builtInPosition(a.code) - builtInPosition(b.code) || a.id - b.id;
  }
  const na = fold(a.name ?? '');
  const nb = fold(b.name ?? '');
  return na < nb ? -1 : na > nb ? 1 : a.id - b.id;
}

export function sortSkills<T extends SkillRef>(skills: T[]): T[] {
  return [...skills].sort(compareSkills);
}

export async function listSkills(ex: Executor, opts: { includeArchived: boolean; ids?: number[] }): Promise<Skill[]> {
  let q = ex
    .selectFrom('skills')
    .select((eb) => [
      'skills.id',
      'skills.code',
      'skills.name',
      'skills.archived_at',
      eb
        .exists(
          eb
            .selectFrom('volunteer_skills')
            .innerJoin('volunteers', 'volunteers.id', 'volunteer_skills.volunteer_id')
            .select('volunteer_skills.skill_id')
            .whereRef('volunteer_skills.skill_id', '=', 'skills.id')
            .where('volunteers.deleted_at', 'is', null),
        )
        .as('in_use'),
    ]);
  if (!opts.includeArchived) q = q.where('skills.archived_at', 'is', null);
  if (opts.ids !== undefined) {
    if (opts.ids.length === 0) return [];
    q = q.where('skills.id', 'in', opts.ids);
  }
  const rows = await q.execute();
  return sortSkills(
    rows.map((r) => ({ id: r.id, code: r.code, name: r.name, archived: r.archived_at !== null, inUse: Boolean(r.in_use) })),
  );
}

/** The skills of several volunteers, each list in the order of the skills list. */
export async function skillsOfVolunteers(ex: Executor, volunteerIds: number[]): Promise<Map<number, SkillRef[]>> {
  const map = new Map<number, SkillRef[]>();
  if (volunteerIds.length === 0) return map;
  const rows = await ex
    .selectFrom('volunteer_skills')
    .innerJoin('skills', 'skills.id', 'volunteer_skills.skill_id')
    .select(['volunteer_skills.volunteer_id', 'skills.id', 'skills.code', 'skills.name'])
    .where('volunteer_skills.volunteer_id', 'in', volunteerIds)
    .execute();
  for (const r of sortSkills(rows)) {
    const list = map.get(r.volunteer_id) ?? [];
    list.push({ id: r.id, code: r.code, name: r.name });
    map.set(r.volunteer_id, list);
  }
  return map;
}

/**
 * Checks skill ids chosen in a form: each must exist, and an archived one only if it was already
 * chosen (`kept`). Issues are reported at `<path>.<index>`.
 */
export async function assertSkillIds(ex: Executor, ids: readonly number[], path: string, kept: ReadonlySet<number>): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const rows = await ex.selectFrom('skills').select(['id', 'archived_at']).where('id', 'in', unique).execute();
  const found = new Map(rows.map((r) => [r.id, r.archived_at]));
  const fields: FieldIssue[] = [];
  ids.forEach((sid, i) => {
    const archivedAt = found.get(sid);
    if (archivedAt === undefined || (archivedAt !== null && !kept.has(sid))) fields.push({ path: `${path}.${i}`, message: 'validation.invalid' });
  });
  if (fields.length > 0) throw new AppError('validation', 'Unknown or archived skill', { fields });
}

async function getSkill(ex: Executor, id: number): Promise<Skill> {
  const [skill] = await listSkills(ex, { includeArchived: true, ids: [id] });
  if (!skill) throw new AppError('notFound', `Skill ${id} not found`);
  return skill;
}

/** A centre's own skill name must differ (folded) from its other own skills. */
async function assertNameFree(ex: Executor, name: string, exceptId?: number): Promise<void> {
  const key = fold(name).replace(/\s+/g, ' ');
  const own = await ex.selectFrom('skills').select(['id', 'name']).where('name', 'is not', null).execute();
  if (own.some((s) => s.id !== exceptId && fold(s.name ?? '').replace(/\s+/g, ' ') === key)) {
    throw new AppError('validation', 'A skill with this name exists', { fields: [{ path: 'name', message: 'validation.invalid' }] });
  }
}

async function assertKind(ex: Executor, kindId: number): Promise<void> {
  const kind = await ex.selectFrom('service_kinds').select('id').where('id', '=', kindId).executeTakeFirst();
  if (!kind) throw new AppError('notFound', `Kind ${kindId} not found`);
}

export async function kindSkillIds(ex: Executor, kindId: number): Promise<number[]> {
  const rows = await ex
    .selectFrom('kind_skills')
    .innerJoin('skills', 'skills.id', 'kind_skills.skill_id')
    .select(['skills.id', 'skills.code', 'skills.name'])
    .where('kind_skills.kind_id', '=', kindId)
    .execute();
  return sortSkills(rows).map((s) => s.id);
}

export function skillsService(deps: CoreDeps) {
  const { db, clock } = deps;
  return {
    list: (includeArchived: boolean) => listSkills(db, { includeArchived }),

    async create(name: string): Promise<Skill> {
      return inTransaction(db, async (trx) => {
        await assertNameFree(trx, name);
        const row = await trx
          .insertInto('skills')
          .values({ code: null, name, archived_at: null, created_at: clock.now().toISOString() })
          .returning('id')
          .executeTakeFirstOrThrow();
        return getSkill(trx, row.id);
      });
    },

    async rename(id: number, name: string): Promise<Skill> {
      return inTransaction(db, async (trx) => {
        const skill = await getSkill(trx, id);
        if (skill.code !== null) throw new AppError('builtInKind', 'Built-in skills keep their translated name');
        await assertNameFree(trx, name, id);
        await trx.updateTable('skills').set({ name }).where('id', '=', id).execute();
        return getSkill(trx, id);
      });
    },

    async setArchived(id: number, archived: boolean): Promise<Skill> {
      return inTransaction(db, async (trx) => {
        const skill = await getSkill(trx, id);
        // Archiving an archived skill keeps its date.
        if (skill.archived !== archived) {
          await trx
            .updateTable('skills')
            .set({ archived_at: archived ? clock.now().toISOString() : null })
            .where('id', '=', id)
            .execute();
        }
        return getSkill(trx, id);
      });
    },

    async kindSkills(kindId: number): Promise<number[]> {
      await assertKind(db, kindId);
      return kindSkillIds(db, kindId);
    },

    async setKindSkills(kindId: number, skillIds: number[]): Promise<number[]> {
      return inTransaction(db, async (trx) => {
        await assertKind(trx, kindId);
        const kept = new Set(await kindSkillIds(trx, kindId));
        await assertSkillIds(trx, skillIds, 'skillIds', kept);
        await trx.deleteFrom('kind_skills').where('kind_id', '=', kindId).execute();
        const unique = [...new Set(skillIds)];
        if (unique.length > 0) {
          await trx
            .insertInto('kind_skills')
            .values(unique.map((skill_id) => ({ kind_id: kindId, skill_id })))
            .execute();
        }
        return kindSkillIds(trx, kindId);
      });
    },
  };
}
