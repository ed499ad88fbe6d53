/**
 * The shelter: the rules the schemas cannot check, each refusal a field issue with a translated
 * key (common:validation.*) and nothing written before every check has passed:
 * - nobody is in a shelter twice at once: a resident with a stay still open (or one that ends
 *   after the day of the new check-in) is refused (validation.alreadyInShelter), as the partial
 *   unique index shelter_stays_one_at_a_time would refuse the open one too;
 * - a household is checked in with every member registered and living there now (unnamed members
 *   are counted by the household, not by the shelter: they have no record to check in);
 * - check-in and check-out days are never in the future; a check-out is never before the check-in;
 * - checking in above the shelter's places is refused with code overPlaces and the count there
 *   would be (and the places) unless the worker confirmed it (`confirmOverPlaces`).
 * The call's transaction (dispatch) keeps a refused call from leaving anything half-saved.
 */
import { AppError } from '../../../../shared/api/errors';
import type { OutReason, Shelter, ShelterData, ShelterToday, Stay, StayPage } from '../../../../shared/domain/shelter';
import { cappedTotal, type DayCursor } from '../../../../shared/domain/paging';
import type { Actor, CoreDeps } from '../../context';
import * as repo from './shelter.repo';
import { FieldIssues } from '../../field-issues';


export interface CheckInInput {
  shelterId: number;
  residentId?: number | undefined;
  householdId?: number | undefined;
  on?: string | undefined;
  bed: string;
  confirmOverPlaces: boolean;
}

export function shelterService(deps: CoreDeps) {
  const { db, clock } = deps;
  const stampOf = (actor: Actor): repo.Stamp => ({ at: clock.now().toISOString(), by: actor.id });
  const dayOf = (on: string | undefined, issues: FieldIssues): string => {
    const today = clock.today();
    const day = on ?? today;
    if (day > today) issues.add('on', 'validation.dateInFuture');
    return day;
  };
  const shelter = async (id: number): Promise<Shelter> => {
    const [s] = await repo.shelters(db, id);
    if (!s) throw new AppError('notFound', `Shelter ${id} not found`);
    return s;
  };

  return {
    list: () => repo.shelters(db),
    get: shelter,

    async addShelter(input: ShelterData, actor: Actor): Promise<Shelter> {
      return shelter(await repo.insertShelter(db, input, stampOf(actor)));
    },

    async updateShelter(input: ShelterData & { id: number }, actor: Actor): Promise<Shelter> {
      await shelter(input.id);
      await repo.updateShelter(db, input.id, input, stampOf(actor));
      return shelter(input.id);
    },

    async checkIn(input: CheckInInput, actor: Actor): Promise<Stay[]> {
      const s = await shelter(input.shelterId);
      const issues = new FieldIssues('The shelter change was refused');
      const day = dayOf(input.on, issues);
      let ids: number[] = [];
      let householdId: number | null = null;
      if (input.householdId !== undefined) {
        const h = await db.selectFrom('households').select(['id', 'closed_on']).where('id', '=', input.householdId).executeTakeFirst();
        if (!h) throw new AppError('notFound', `Household ${input.householdId} not found`);
        if (h.closed_on !== null) throw new AppError('householdClosed', `Household ${h.id} closed on ${h.closed_on}`);
        householdId = h.id;
        const members = await db
          .selectFrom('household_members as m')
          .innerJoin('residents as r', 'r.id', 'm.resident_id')
          .select('r.id')
          .where('m.household_id', '=', h.id)
          .where('m.to_on', 'is', null)
          .where('r.erased_at', 'is', null)
          .where('r.left_on', 'is', null)
          .orderBy('m.from_on')
          .orderBy('m.id')
          .execute();
        ids = members.map((m) => m.id);
        if (ids.length === 0) issues.add('householdId', 'validation.householdEmpty');
      } else if (input.residentId !== undefined) {
        const r = await db.selectFrom('residents').select(['id', 'erased_at', 'left_on']).where('id', '=', input.residentId).executeTakeFirst();
        if (!r || r.erased_at !== null) issues.add('residentId', 'validation.unknownResident');
        else if (r.left_on !== null) issues.add('residentId', 'validation.residentGone');
        else ids = [r.id];
      }
      const inside = await repo.overlapping(db, ids, day);
      if (inside.length > 0) issues.add(input.householdId !== undefined ? 'householdId' : 'residentId', 'validation.alreadyInShelter');
      issues.throwIfAny();

      const there = (await repo.occupied(db, s.id)) + ids.length;
      if (there > s.places && !input.confirmOverPlaces) {
        throw new AppError('overPlaces', `Shelter ${s.id} would have ${there} people in ${s.places} places`, { details: { count: there, places: s.places } });
      }
      const stamp = stampOf(actor);
      const created: number[] = [];
      for (const residentId of ids) created.push(await repo.insertStay(db, { shelterId: s.id, residentId, householdId, bed: input.bed, on: day }, stamp));
      return repo.staysByIds(db, created);
    },

    async checkOut(input: { id: number; on?: string | undefined; reason: OutReason; note: string }, actor: Actor): Promise<Stay> {
      const stay = await repo.stayRow(db, input.id);
      if (!stay) throw new AppError('notFound', `Stay ${input.id} not found`);
      if (stay.checked_out_on !== null) throw new AppError('conflict', `Stay ${input.id} ended on ${stay.checked_out_on}`);
      const issues = new FieldIssues('The shelter change was refused');
      const day = dayOf(input.on, issues);
      if (day < stay.checked_in_on) issues.add('on', 'validation.dateOrder');
      issues.throwIfAny();
      await repo.checkOut(db, stay.id, { on: day, reason: input.reason, note: input.note }, stampOf(actor));
      const [done] = await repo.staysByIds(db, [stay.id]);
      if (!done) throw new Error('unreachable: the stay was just read');
      return done;
    },

    async today(): Promise<ShelterToday[]> {
      const all = await repo.shelters(db);
      const out: ShelterToday[] = [];
      for (const s of all) out.push({ shelter: s, stays: await repo.present(db, s.id) });
      return out;
    },

    async history(input: { from: string; to: string; shelterId?: number | undefined; cursor?: DayCursor | undefined; limit: number }): Promise<StayPage> {
      const { rows, count } = await repo.history(db, input);
      const page = rows.slice(0, input.limit);
      const last = page[page.length - 1];
      return { rows: page, nextCursor: rows.length > input.limit && last ? { on: last.checkedInOn, id: last.id } : null, ...cappedTotal(count) };
    },

    async ofResident(residentId: number): Promise<Stay[]> {
      const r = await db.selectFrom('residents').select('id').where('id', '=', residentId).executeTakeFirst();
      if (!r) throw new AppError('notFound', `Resident ${residentId} not found`);
      return repo.ofResident(db, residentId);
    },
  };
}
