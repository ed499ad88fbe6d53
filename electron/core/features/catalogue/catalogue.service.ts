import { AppError } from '../../../../shared/api/errors';
import { BUILT_IN_KINDS, type KindMode, type ServiceKind } from '../../../../shared/domain/catalogue';
import type { Actor, CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';

async function listKinds(ex: Executor, includeArchived: boolean, id?: number): Promise<ServiceKind[]> {
  let q = ex
    .selectFrom('service_kinds')
    .select((eb) => [
      'service_kinds.id',
      'service_kinds.code',
      'service_kinds.name',
      'service_kinds.is_paid',
      'service_kinds.mode',
      'service_kinds.archived_at',
      eb.exists(eb.selectFrom('requests').select('requests.id').whereRef('requests.kind_id', '=', 'service_kinds.id')).as('in_use'),
    ])
    .orderBy('service_kinds.sort_order')
    .orderBy('service_kinds.id');
  if (!includeArchived) q = q.where('service_kinds.archived_at', 'is', null);
  if (id !== undefined) q = q.where('service_kinds.id', '=', id);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    isPaid: r.is_paid === 1,
    mode: r.mode as KindMode,
    archived: r.archived_at !== null,
    inUse: Boolean(r.in_use),
  }));
}

/** Adds the built-in kinds that are missing (new ones arrive with new versions); idempotent. */
export async function ensureBuiltInKinds(ex: Executor, at: string): Promise<void> {
  const existing = new Set(
    (await ex.selectFrom('service_kinds').select('code').where('code', 'is not', null).execute()).map((r) => r.code),
  );
  const missing = BUILT_IN_KINDS.map((k, i) => ({ ...k, sort_order: i })).filter((k) => !existing.has(k.code));
  if (missing.length === 0) return;
  await ex
    .insertInto('service_kinds')
    .values(
      missing.map((k) => ({
        code: k.code,
        name: null,
        is_paid: k.isPaid ? 1 : 0,
        mode: k.mode,
        sort_order: k.sort_order,
        archived_at: null,
        created_at: at,
        created_by: 1,
      })),
    )
    .execute();
}

export function catalogueService(deps: CoreDeps) {
  const { db, clock } = deps;
  const getOne = async (ex: Executor, id: number): Promise<ServiceKind> => {
    const [kind] = await listKinds(ex, true, id);
    if (!kind) throw new AppError('notFound', `Kind ${id} not found`);
    return kind;
  };
  return {
    list: (includeArchived: boolean) => listKinds(db, includeArchived),

    async create(input: { name: string; isPaid: boolean; mode: KindMode }, actor: Actor): Promise<ServiceKind> {
      const row = await db
        .insertInto('service_kinds')
        .values({
          code: null,
          name: input.name,
          is_paid: input.isPaid ? 1 : 0,
          mode: input.mode,
          sort_order: 1000,
          archived_at: null,
          created_at: clock.now().toISOString(),
          created_by: actor.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return getOne(db, row.id);
    },

    async update(input: { id: number; name?: string | undefined; isPaid: boolean; mode: KindMode }): Promise<ServiceKind> {
      return inTransaction(db, async (trx) => {
        const kind = await getOne(trx, input.id);
        if (input.name !== undefined && kind.code !== null) {
          throw new AppError('builtInKind', 'Built-in kinds keep their translated name');
        }
        await trx
          .updateTable('service_kinds')
          .set({ is_paid: input.isPaid ? 1 : 0, mode: input.mode, ...(input.name !== undefined ? { name: input.name } : {}) })
          .where('id', '=', input.id)
          .execute();
        return getOne(trx, input.id);
      });
    },

    async setArchived(id: number, archived: boolean): Promise<ServiceKind> {
      return inTransaction(db, async (trx) => {
        await getOne(trx, id);
        await trx
          .updateTable('service_kinds')
          .set({ archived_at: archived ? clock.now().toISOString() : null })
          .where('id', '=', id)
          .execute();
        return getOne(trx, id);
      });
    },

    /** Only a centre's own kind that no request uses can be deleted; others are archived. */
    async remove(id: number): Promise<null> {
      await inTransaction(db, async (trx) => {
        const kind = await getOne(trx, id);
        if (kind.code !== null) throw new AppError('builtInKind', 'Built-in kinds can be archived, not deleted');
        if (kind.inUse) throw new AppError('kindInUse', 'This kind is used by requests; archive it instead');
        await trx.deleteFrom('service_kinds').where('id', '=', id).execute();
      });
      return null;
    },
  };
}
