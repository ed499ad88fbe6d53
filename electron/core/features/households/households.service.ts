/**
 * Households: the rules the schemas cannot check, each refusal a field issue with a translated
 * key (common:validation.*) and nothing written before every check has passed:
 * - a resident lives in one household at a time: one who lives in another is refused with the
 *   way out (move them from there; the details carry that household's id), as the partial unique
 *   index household_members_one_household would refuse it too;
 * - the head is a member: a registered resident among the household's members; when the head
 *   leaves and others stay, one of those who stay becomes the head (`newHeadMemberId`);
 * - birth years are checked against the centre's calendar (not after this year), days are never
 *   in the future nor before the membership (or the household) began;
 * - a closed household (its last member left) takes nobody in.
 * The call's transaction (dispatch) and the inner boundary here keep a refused call from leaving
 * anything half-saved.
 */
import { AppError } from '../../../../shared/api/errors';
import { MAX_MEMBERS, type EndReason, type FamiliesServed, type Household, type HouseholdAddress, type MemberData, type MemberRelation, type ResidentHouseholds } from '../../../../shared/domain/households';
import type { Actor, CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import type { HouseholdMemberRow, HouseholdRow } from './households.table';
import * as repo from './households.repo';
import { FieldIssues } from '../../field-issues';

function notFound(id: number): AppError {
  return new AppError('notFound', `Household ${id} not found`);
}


type ResidentCheck = { id: number; settlement: string; street: string; house: string; flat: string };

export function householdsService(deps: CoreDeps) {
  const { db, clock } = deps;
  const stampOf = (actor: Actor): repo.Stamp => ({ at: clock.now().toISOString(), by: actor.id });

  /** The day of a change: the given one or today; never in the future. */
  const dayOf = (on: string | undefined, issues: FieldIssues): string => {
    const today = clock.today();
    const day = on ?? today;
    if (day > today) issues.add('on', 'validation.dateInFuture');
    return day;
  };

  /** An unnamed member's birth year is not after the centre's current year. */
  const checkBirthYear = (m: MemberData, path: string, issues: FieldIssues): void => {
    if (m.birthYear !== null && m.birthYear > Number(clock.today().slice(0, 4))) issues.add(`${path}.birthYear`, 'validation.birthYear');
  };

  /**
   * Residents who join a household: registered, not erased, not gone (moved away or died), and
   * not living in another household (nor already in this one). Returns their addresses.
   */
  async function checkJoining(ex: Executor, joining: Array<{ residentId: number; path: string }>, householdId: number | null, issues: FieldIssues): Promise<Map<number, ResidentCheck>> {
    const ids = joining.map((j) => j.residentId);
    const rows = ids.length === 0 ? [] : await ex.selectFrom('residents').select(['id', 'left_on', 'erased_at', 'settlement', 'street', 'house', 'flat']).where('id', 'in', ids).execute();
    const found = new Map(rows.map((r) => [r.id, r]));
    const living = await repo.currentHouseholdsOf(ex, ids);
    for (const j of joining) {
      const r = found.get(j.residentId);
      const lives = living.get(j.residentId);
      if (!r || r.erased_at !== null) issues.add(j.path, 'validation.unknownResident');
      else if (r.left_on !== null) issues.add(j.path, 'validation.residentGone');
      else if (lives !== undefined && lives === householdId) issues.add(j.path, 'validation.alreadyMember');
      else if (lives !== undefined) {
        issues.add(j.path, 'validation.inOtherHousehold');
        issues.details.householdId ??= lives;
      }
    }
    return found;
  }

  /** A household that exists and is not closed. */
  async function openHousehold(ex: Executor, id: number): Promise<HouseholdRow> {
    const h = await repo.householdRow(ex, id);
    if (!h) throw notFound(id);
    if (h.closed_on !== null) throw new AppError('householdClosed', `Household ${id} closed on ${h.closed_on}`, { details: { closedOn: h.closed_on } });
    return h;
  }

  /**
   * Who heads the household after `leaving` go: when the head leaves and others stay, the member
   * `newHeadMemberId` names (one who stays, registered, there since `day` or before). Null when
   * the head stays or nobody does.
   */
  function nextHead(current: HouseholdMemberRow[], leaving: ReadonlySet<number>, newHeadMemberId: number | undefined, day: string, issues: FieldIssues): HouseholdMemberRow | null {
    const head = current.find((m) => m.relation === 'head');
    const staying = current.filter((m) => !leaving.has(m.id));
    const headLeaves = head === undefined || leaving.has(head.id);
    if (newHeadMemberId === undefined) {
      if (headLeaves && staying.length > 0) issues.add('newHeadMemberId', 'validation.headRequired');
      return null;
    }
    if (!headLeaves || staying.length === 0) {
      issues.add('newHeadMemberId', 'validation.invalid');
      return null;
    }
    const next = staying.find((m) => m.id === newHeadMemberId);
    if (!next) issues.add('newHeadMemberId', 'validation.headNotMember');
    else if (next.resident_id === null) issues.add('newHeadMemberId', 'validation.headUnnamed');
    else if (day < next.from_on) issues.add('on', 'validation.dateOrder');
    else return next;
    return null;
  }

  /** The new head goes on in a row of their own from `day` (the row as a spouse, a child… ends). */
  async function makeHead(ex: Executor, householdId: number, next: HouseholdMemberRow | null, day: string, s: repo.Stamp): Promise<void> {
    if (next === null) return;
    await repo.endMember(ex, next.id, { on: day, reason: 'relationChanged', toHouseholdId: null }, s);
    await repo.insertMember(ex, { householdId, residentId: next.resident_id, birthYear: null, relation: 'head', fromOn: day, fromHouseholdId: null }, s);
  }

  /** Ends the memberships of those leaving, names the next head, and closes the household when nobody stays. */
  async function leave(
    ex: Executor,
    h: HouseholdRow,
    current: HouseholdMemberRow[],
    leaving: HouseholdMemberRow[],
    end: { on: string; reason: EndReason; toHouseholdId: number | null },
    next: HouseholdMemberRow | null,
    s: repo.Stamp,
  ): Promise<void> {
    for (const m of leaving) await repo.endMember(ex, m.id, end, s);
    await makeHead(ex, h.id, next, end.on, s);
    const nobodyStays = current.every((m) => leaving.some((l) => l.id === m.id));
    await repo.touchHousehold(ex, h.id, s, nobodyStays ? end.on : null);
  }

  const household = async (ex: Executor, id: number): Promise<Household> => {
    const found = await repo.findHousehold(ex, id);
    if (!found) throw notFound(id);
    return found;
  };

  const addressOf = (r: ResidentCheck | undefined): HouseholdAddress => ({ settlement: r?.settlement ?? '', street: r?.street ?? '', house: r?.house ?? '', flat: r?.flat ?? '' });

  return {
    get: (id: number) => household(db, id),

    async update(input: { id: number; address: HouseholdAddress }, actor: Actor): Promise<Household> {
      const s = stampOf(actor);
      return inTransaction(db, async (trx) => {
        const h = await openHousehold(trx, input.id);
        await repo.updateAddress(trx, h.id, input.address, s);
        return household(trx, h.id);
      });
    },

    async changeHead(input: { id: number; headMemberId: number; relation: MemberRelation; on?: string | undefined }, actor: Actor): Promise<Household> {
      const s = stampOf(actor);
      return inTransaction(db, async (trx) => {
        const h = await openHousehold(trx, input.id);
        const current = await repo.currentMembers(trx, h.id);
        const issues = new FieldIssues('The household change was refused');
        const day = dayOf(input.on, issues);
        const head = current.find((m) => m.relation === 'head');
        const next = current.find((m) => m.id === input.headMemberId);
        if (!next) issues.add('headMemberId', 'validation.headNotMember');
        else if (next.resident_id === null) issues.add('headMemberId', 'validation.headUnnamed');
        else if (next.relation === 'head') issues.add('headMemberId', 'validation.invalid');
        else if (day < next.from_on || (head !== undefined && day < head.from_on)) issues.add('on', 'validation.dateOrder');
        issues.throwIfAny();
        if (!next) throw new Error('unreachable: checked above');

        // The former head (if any: one erased or gone leaves none) goes on with their relation to the new head.
        if (head !== undefined) {
          await repo.endMember(trx, head.id, { on: day, reason: 'relationChanged', toHouseholdId: null }, s);
        }
        await repo.endMember(trx, next.id, { on: day, reason: 'relationChanged', toHouseholdId: null }, s);
        await repo.insertMember(trx, { householdId: h.id, residentId: next.resident_id, birthYear: null, relation: 'head', fromOn: day, fromHouseholdId: null }, s);
        if (head !== undefined) {
          await repo.insertMember(trx, { householdId: h.id, residentId: head.resident_id, birthYear: head.birth_year, relation: input.relation, fromOn: day, fromHouseholdId: null }, s);
        }
        await repo.touchHousehold(trx, h.id, s);
        return household(trx, h.id);
      });
    },

    /** Families or persons served in a period (households + persons in none); counts only. */
    async familiesServed(from: string, to: string): Promise<FamiliesServed> {
      const c = await repo.familiesServed(db, from, to);
      return { from, to, families: c.households + c.personsWithoutHousehold, ...c };
    },

    async ofResident(residentId: number): Promise<ResidentHouseholds> {
      const resident = await db.selectFrom('residents').select('id').where('id', '=', residentId).executeTakeFirst();
      if (!resident) throw new AppError('notFound', `Resident ${residentId} not found`);
      const memberships = await repo.membershipsOf(db, residentId);
      const now = memberships.find((m) => m.toOn === null);
      return { current: now ? await household(db, now.householdId) : null, memberships };
    },

    async create(input: { headResidentId: number; members: MemberData[]; address?: HouseholdAddress | undefined; on?: string | undefined }, actor: Actor): Promise<Household> {
      const s = stampOf(actor);
      return inTransaction(db, async (trx) => {
        const issues = new FieldIssues('The household change was refused');
        const day = dayOf(input.on, issues);
        const joining = [{ residentId: input.headResidentId, path: 'headResidentId' }];
        const seen = new Set([input.headResidentId]);
        input.members.forEach((m, i) => {
          checkBirthYear(m, `members.${i}`, issues);
          if (m.residentId === null) return;
          if (seen.has(m.residentId)) issues.add(`members.${i}.residentId`, 'validation.duplicate');
          else joining.push({ residentId: m.residentId, path: `members.${i}.residentId` });
          seen.add(m.residentId);
        });
        const residents = await checkJoining(trx, joining, null, issues);
        issues.throwIfAny();

        const id = await repo.insertHousehold(trx, { ...(input.address ?? addressOf(residents.get(input.headResidentId))), formedOn: day, splitFromId: null }, s);
        await repo.insertMember(trx, { householdId: id, residentId: input.headResidentId, birthYear: null, relation: 'head', fromOn: day, fromHouseholdId: null }, s);
        for (const m of input.members) {
          await repo.insertMember(trx, { householdId: id, residentId: m.residentId, birthYear: m.birthYear, relation: m.relation, fromOn: day, fromHouseholdId: null }, s);
        }
        return household(trx, id);
      });
    },

    async addMember(input: { id: number; member: MemberData; on?: string | undefined }, actor: Actor): Promise<Household> {
      const s = stampOf(actor);
      return inTransaction(db, async (trx) => {
        const h = await openHousehold(trx, input.id);
        const issues = new FieldIssues('The household change was refused');
        const day = dayOf(input.on, issues);
        if (day < h.formed_on) issues.add('on', 'validation.dateOrder');
        checkBirthYear(input.member, 'member', issues);
        if (input.member.residentId !== null) await checkJoining(trx, [{ residentId: input.member.residentId, path: 'member.residentId' }], h.id, issues);
        if ((await repo.currentMembers(trx, h.id)).length >= MAX_MEMBERS) issues.add('member', 'validation.tooMany');
        issues.throwIfAny();

        const { residentId, birthYear, relation } = input.member;
        await repo.insertMember(trx, { householdId: h.id, residentId, birthYear, relation, fromOn: day, fromHouseholdId: null }, s);
        await repo.touchHousehold(trx, h.id, s);
        return household(trx, h.id);
      });
    },

    async moveMember(
      input: { id: number; memberId: number; toHouseholdId: number; relation: MemberRelation; on?: string | undefined; newHeadMemberId?: number | undefined },
      actor: Actor,
    ): Promise<Household> {
      const s = stampOf(actor);
      return inTransaction(db, async (trx) => {
        const h = await openHousehold(trx, input.id);
        const current = await repo.currentMembers(trx, h.id);
        const issues = new FieldIssues('The household change was refused');
        const day = dayOf(input.on, issues);
        const member = current.find((m) => m.id === input.memberId);
        if (!member) issues.add('memberId', 'validation.notMember');
        else if (day < member.from_on) issues.add('on', 'validation.dateOrder');
        let target: HouseholdRow | undefined;
        if (input.toHouseholdId === h.id) issues.add('toHouseholdId', 'validation.sameHousehold');
        else {
          target = await repo.householdRow(trx, input.toHouseholdId);
          if (!target) issues.add('toHouseholdId', 'validation.unknownHousehold');
          else if (target.closed_on !== null) issues.add('toHouseholdId', 'validation.householdClosed');
          else if (day < target.formed_on) issues.add('on', 'validation.dateOrder');
          else if ((await repo.currentMembers(trx, target.id)).length >= MAX_MEMBERS) issues.add('toHouseholdId', 'validation.tooMany');
        }
        const next = nextHead(current, new Set([input.memberId]), input.newHeadMemberId, day, issues);
        issues.throwIfAny();
        if (!member || !target) throw new Error('unreachable: checked above');

        await leave(trx, h, current, [member], { on: day, reason: 'moved', toHouseholdId: target.id }, next, s);
        await repo.insertMember(trx, { householdId: target.id, residentId: member.resident_id, birthYear: member.birth_year, relation: input.relation, fromOn: day, fromHouseholdId: h.id }, s);
        await repo.touchHousehold(trx, target.id, s);
        return household(trx, target.id);
      });
    },

    async split(
      input: {
        id: number;
        headMemberId: number;
        members: Array<{ memberId: number; relation: MemberRelation }>;
        address?: HouseholdAddress | undefined;
        on?: string | undefined;
        newHeadMemberId?: number | undefined;
      },
      actor: Actor,
    ): Promise<Household> {
      const s = stampOf(actor);
      return inTransaction(db, async (trx) => {
        const h = await openHousehold(trx, input.id);
        const current = await repo.currentMembers(trx, h.id);
        const issues = new FieldIssues('The household change was refused');
        const day = dayOf(input.on, issues);
        const head = current.find((m) => m.id === input.headMemberId);
        // A head must be a member: one of this household's, registered by name.
        if (!head) issues.add('headMemberId', 'validation.headNotMember');
        else if (head.resident_id === null) issues.add('headMemberId', 'validation.headUnnamed');
        else if (day < head.from_on) issues.add('on', 'validation.dateOrder');
        const leaving: Array<{ row: HouseholdMemberRow; relation: MemberRelation | 'head' }> = head ? [{ row: head, relation: 'head' }] : [];
        const seen = new Set([input.headMemberId]);
        input.members.forEach((m, i) => {
          const row = current.find((c) => c.id === m.memberId);
          if (seen.has(m.memberId)) issues.add(`members.${i}.memberId`, 'validation.duplicate');
          else if (!row) issues.add(`members.${i}.memberId`, 'validation.notMember');
          else {
            if (day < row.from_on) issues.add('on', 'validation.dateOrder');
            leaving.push({ row, relation: m.relation });
          }
          seen.add(m.memberId);
        });
        const next = nextHead(current, seen, input.newHeadMemberId, day, issues);
        issues.throwIfAny();
        if (!head || head.resident_id === null) throw new Error('unreachable: checked above');

        const headAddress = await trx.selectFrom('residents').select(['id', 'settlement', 'street', 'house', 'flat']).where('id', '=', head.resident_id).executeTakeFirst();
        const id = await repo.insertHousehold(trx, { ...(input.address ?? addressOf(headAddress)), formedOn: day, splitFromId: h.id }, s);
        await leave(trx, h, current, leaving.map((l) => l.row), { on: day, reason: 'split', toHouseholdId: id }, next, s);
        for (const l of leaving) {
          await repo.insertMember(trx, { householdId: id, residentId: l.row.resident_id, birthYear: l.row.birth_year, relation: l.relation, fromOn: day, fromHouseholdId: h.id }, s);
        }
        return household(trx, id);
      });
    },

    async endMembership(input: { id: number; memberId: number; reason: 'left' | 'deceased'; on?: string | undefined; newHeadMemberId?: number | undefined }, actor: Actor): Promise<Household> {
      const s = stampOf(actor);
      return inTransaction(db, async (trx) => {
        const h = await openHousehold(trx, input.id);
        const current = await repo.currentMembers(trx, h.id);
        const issues = new FieldIssues('The household change was refused');
        const day = dayOf(input.on, issues);
        const member = current.find((m) => m.id === input.memberId);
        if (!member) issues.add('memberId', 'validation.notMember');
        else if (day < member.from_on) issues.add('on', 'validation.dateOrder');
        const next = nextHead(current, new Set([input.memberId]), input.newHeadMemberId, day, issues);
        issues.throwIfAny();
        if (!member) throw new Error('unreachable: checked above');

        await leave(trx, h, current, [member], { on: day, reason: input.reason, toHouseholdId: null }, next, s);
        return household(trx, h.id);
      });
    },
  };
}

/** Who heads a household after its head has gone: a spouse or partner, else the eldest registered member (unnamed members cannot head). */
function successor(staying: Array<HouseholdMemberRow & { resident_birth_year: number | null }>): HouseholdMemberRow | null {
  const named = staying.filter((m) => m.resident_id !== null);
  const partner = named.find((m) => m.relation === 'spouse' || m.relation === 'partner');
  if (partner) return partner;
  const byAge = [...named].sort((a, b) => (a.resident_birth_year ?? 9999) - (b.resident_birth_year ?? 9999) || a.from_on.localeCompare(b.from_on) || a.id - b.id);
  return byAge[0] ?? null;
}

/**
 * A resident moved away or died (residents.markLeft, in its transaction): the household they live
 * in loses them on that day with the reason ('left' for moved away, 'deceased'); a head who leaves
 * others hands over to a spouse or partner, else to the eldest registered member who stays (with
 * only unnamed members left the household has no head until the front desk registers one); a
 * household nobody stays in closes. A day before their membership began is refused (field `on`)
 * before anything is written. Returns the household, or null when they lived in none.
 */
export async function residentLeftHousehold(ex: Executor, residentId: number, left: { on: string; reason: 'moved' | 'deceased' }, s: repo.Stamp): Promise<number | null> {
  const mine = await ex.selectFrom('household_members').selectAll().where('resident_id', '=', residentId).where('to_on', 'is', null).executeTakeFirst();
  if (!mine) return null;
  if (left.on < mine.from_on) {
    throw new AppError('validation', 'The day is before the resident joined their household', { fields: [{ path: 'on', message: 'validation.dateOrder' }], details: { householdId: mine.household_id } });
  }
  const h = await repo.householdRow(ex, mine.household_id);
  if (!h) return null;
  const staying = await ex
    .selectFrom('household_members as m')
    .leftJoin('residents as r', 'r.id', 'm.resident_id')
    .selectAll('m')
    .select('r.birth_year as resident_birth_year')
    .where('m.household_id', '=', h.id)
    .where('m.to_on', 'is', null)
    .where('m.id', '!=', mine.id)
    .execute();
  await repo.endMember(ex, mine.id, { on: left.on, reason: left.reason === 'deceased' ? 'deceased' : 'left', toHouseholdId: null }, s);
  if (mine.relation === 'head') {
    // The new head goes on in a row of their own from that day (never before they joined).
    const next = successor(staying.filter((m) => m.from_on <= left.on));
    if (next !== null) {
      await repo.endMember(ex, next.id, { on: left.on, reason: 'relationChanged', toHouseholdId: null }, s);
      await repo.insertMember(ex, { householdId: h.id, residentId: next.resident_id, birthYear: null, relation: 'head', fromOn: left.on, fromHouseholdId: null }, s);
    }
  }
  await repo.touchHousehold(ex, h.id, s, staying.length === 0 ? left.on : null);
  return h.id;
}
