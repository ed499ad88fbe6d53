import { AppError } from '../../../../shared/api/errors';
import { canTransition, type RequestDetail, type RequestStatus } from '../../../../shared/domain/requests';
import type { z } from 'zod';
import type { requestInputSchema } from '../../../../shared/domain/requests';
import type { Actor, CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import * as repo from './requests.repo';
import { inTransaction } from '../../db/transaction';

type RequestData = z.output<typeof requestInputSchema>;

async function assertReferences(ex: Executor, data: RequestData, allowArchivedKindId?: number): Promise<void> {
  const resident = await ex.selectFrom('residents').select(['id', 'left_on']).where('id', '=', data.residentId).executeTakeFirst();
  if (!resident) throw new AppError('validation', 'Unknown resident', { fields: [{ path: 'residentId', message: 'validation.unknownResident' }] });
  if (resident.left_on !== null && allowArchivedKindId === undefined) {
    throw new AppError('validation', 'Resident has left', { fields: [{ path: 'residentId', message: 'validation.residentLeft' }] });
  }
  const kind = await ex.selectFrom('service_kinds').select(['id', 'archived_at']).where('id', '=', data.kindId).executeTakeFirst();
  if (!kind) throw new AppError('validation', 'Unknown kind', { fields: [{ path: 'kindId', message: 'validation.unknownKind' }] });
  if (kind.archived_at !== null && kind.id !== allowArchivedKindId) {
    throw new AppError('validation', 'Archived kind', { fields: [{ path: 'kindId', message: 'validation.archivedKind' }] });
  }
}

export function requestsService(deps: CoreDeps) {
  const { db, clock } = deps;
  const get = async (id: number): Promise<RequestDetail> => {
    const found = await repo.findRequest(db, id);
    if (!found) throw new AppError('notFound', `Request ${id} not found`);
    return found;
  };
  return {
    get,
    list: (f: repo.RequestFilter) => repo.listRequests(db, f),
    today: () => repo.todaysQueue(db, clock.today()),

    async create(data: RequestData, actor: Actor): Promise<RequestDetail> {
      const at = clock.now().toISOString();
      const id = await inTransaction(db, async (trx) => {
        await assertReferences(trx, data);
        return repo.insertRequest(trx, data, actor.id, at, clock.today());
      });
      return get(id);
    },

    async update(id: number, data: RequestData, actor: Actor): Promise<RequestDetail> {
      const at = clock.now().toISOString();
      await inTransaction(db, async (trx) => {
        const current = await trx.selectFrom('requests').select('kind_id').where('id', '=', id).executeTakeFirst();
        if (!current) throw new AppError('notFound', `Request ${id} not found`);
        await assertReferences(trx, data, current.kind_id);
        await trx
          .updateTable('requests')
          .set({
            resident_id: data.residentId,
            kind_id: data.kindId,
            urgency: data.urgency,
            channel: data.channel,
            description: data.description,
            updated_at: at,
            updated_by: actor.id,
          })
          .where('id', '=', id)
          .execute();
      });
      return get(id);
    },

    async setStatus(id: number, status: RequestStatus, note: string, actor: Actor): Promise<RequestDetail> {
      const at = clock.now().toISOString();
      await inTransaction(db, async (trx) => {
        const from = await repo.statusOf(trx, id);
        if (from === undefined) throw new AppError('notFound', `Request ${id} not found`);
        if (!canTransition(from, status)) {
          throw new AppError('invalidTransition', `Cannot move a request from ${from} to ${status}`, { details: { of: 'request', from, to: status } });
        }
        await trx.updateTable('requests').set({ status, updated_at: at, updated_by: actor.id }).where('id', '=', id).execute();
        await repo.insertHistory(trx, { requestId: id, from, to: status, note }, actor.id, at);
      });
      return get(id);
    },
  };
}
