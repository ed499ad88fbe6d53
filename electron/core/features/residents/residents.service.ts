import { AppError } from '../../../../shared/api/errors';
import type { ResidentData, Resident } from '../../../../shared/domain/residents';
import type { CoreDeps, Actor } from '../../context';
import * as repo from './residents.repo';
import { listRequests } from '../requests/requests.repo';
import type { ResidentPage } from '../../../../shared/api/contract';

export function residentsService(deps: CoreDeps) {
  const { db, clock } = deps;
  return {
    search: (q: string, settlement: string | undefined, limit: number) => repo.searchResidents(db, q, { settlement, limit }),

    async get(id: number): Promise<ResidentPage> {
      const resident = await repo.findResident(db, id);
      if (!resident) throw new AppError('notFound', `Resident ${id} not found`);
      const requests = await listRequests(db, { residentId: id, statuses: [], limit: 500, offset: 0 });
      return { resident, requests: requests.items };
    },

    async create(data: ResidentData, actor: Actor): Promise<Resident> {
      const at = clock.now().toISOString();
      const id = await db.transaction().execute((trx) => repo.insertResident(trx, data, actor.id, at));
      return (await repo.findResident(db, id)) as Resident;
    },

    async update(id: number, data: ResidentData, actor: Actor): Promise<Resident> {
      const at = clock.now().toISOString();
      const found = await db.transaction().execute((trx) => repo.updateResident(trx, id, data, actor.id, at));
      if (!found) throw new AppError('notFound', `Resident ${id} not found`);
      return (await repo.findResident(db, id)) as Resident;
    },

    findDuplicates: (input: Parameters<typeof repo.findDuplicates>[1]) => repo.findDuplicates(db, input),
    settlements: () => repo.settlements(db),
  };
}
