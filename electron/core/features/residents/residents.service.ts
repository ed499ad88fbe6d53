import { AppError } from '../../../../shared/api/errors';
import type { ResidentData, Resident } from '../../../../shared/domain/residents';
import type { CoreDeps, Actor } from '../../context';
import * as repo from './residents.repo';
import { listRequests } from '../requests/requests.repo';
import type { ResidentPage } from '../../../../shared/api/contract';
import { hasHealthConsent } from '../privacy/consent.repo';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { mergeResidents, mergedInto } from './merge';

/**
 * Health-related needs, and the living situation "disability" (health data too), are saved only
 * under a consent covering health (privacy feature). A new resident has no consent yet: they are
 * registered without them, the consent is recorded on their page, then these are filled in.
 */
async function checkHealthConsent(ex: Executor, id: number | null, data: ResidentData): Promise<void> {
  const needs = data.healthNeeds !== undefined && data.healthNeeds !== '';
  const disability = data.situations.includes('disability');
  if (!needs && !disability) return;
  if (id !== null && (await hasHealthConsent(ex, id))) return;
  throw new AppError('validation', 'Health-related needs and disability need a consent that covers health', {
    fields: [
      ...(needs ? [{ path: 'healthNeeds', message: 'validation.healthConsentRequired' }] : []),
      ...(disability ? [{ path: 'situations', message: 'validation.disabilityConsentRequired' }] : []),
    ],
  });
}

export function residentsService(deps: CoreDeps) {
  const { db, clock } = deps;
  return {
    search: (q: string, settlement: string | undefined, limit: number, offset = 0) => repo.searchResidents(db, q, { settlement, limit, offset }),

    async get(id: number): Promise<ResidentPage> {
      const resident = await repo.findResident(db, id);
      if (!resident) throw new AppError('notFound', `Resident ${id} not found`);
      const requests = await listRequests(db, { residentId: id, statuses: [], limit: 500 }, { count: false });
      return { resident, requests: requests.items, mergedFrom: await mergedInto(db, id) };
    },

    async create(data: ResidentData, actor: Actor): Promise<Resident> {
      const at = clock.now().toISOString();
      const id = await inTransaction(db, async (trx) => {
        await checkHealthConsent(trx, null, data);
        return repo.insertResident(trx, data, actor.id, at);
      });
      return (await repo.findResident(db, id)) as Resident;
    },

    async update(id: number, data: ResidentData, actor: Actor): Promise<Resident> {
      const at = clock.now().toISOString();
      const found = await inTransaction(db, async (trx) => {
        const erased = await trx.selectFrom('residents').select('erased_at').where('id', '=', id).executeTakeFirst();
        if (erased?.erased_at) throw new AppError('conflict', 'This person was erased; their record cannot be edited');
        await checkHealthConsent(trx, id, data);
        return repo.updateResident(trx, id, data, actor.id, at);
      });
      if (!found) throw new AppError('notFound', `Resident ${id} not found`);
      return (await repo.findResident(db, id)) as Resident;
    },

    findDuplicates: (input: Parameters<typeof repo.findDuplicates>[1]) => repo.findDuplicates(db, input),
    duplicatePairs: (cursor: number | undefined, limit: number) => repo.duplicatePairs(db, cursor ?? 0, limit),

    /** Two records of one person into one (merge.ts); the call's transaction holds it all. */
    async merge(input: Parameters<typeof mergeResidents>[1], actor: Actor): Promise<Resident> {
      const at = clock.now().toISOString();
      await inTransaction(db, (trx) => mergeResidents(trx, input, actor.id, at));
      return (await repo.findResident(db, input.survivorId)) as Resident;
    },
    settlements: () => repo.settlements(db),
  };
}
