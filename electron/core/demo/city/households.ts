/**
 * The city's households (issue 13): the residents planned together (people.ts) live together.
 * When the first of them is registered the front desk registers the household too
 * (households.create: that resident heads it, with the people the centre does not register by
 * name: children, a grown-up son or daughter, grandchildren, a partner, each with a relation and a
 * birth year, up to the planned size); each of the others joins it as they are registered
 * (households.addMember). Some households are never registered (the front desk did not get round
 * to it), so they cover most residents, not all. A person under care who dies leaves theirs
 * when marked as gone (residents.markLeft ends the membership; a household of one closes). Its own random stream.
 */
import type { MemberInput, MemberRelation } from '../../../../shared/domain/households';
import type { Rng } from '../demo';
import type { CityHome, CityResident } from './people';
import type { CityWorld } from './world';

/** Households the front desk registers (the rest are residents only). */
const REGISTERED_SHARE = 0.9;

const yearOf = (ms: number) => new Date(ms).getUTCFullYear();

/** How a registered member other than the head is related to them. */
function relationOf(home: CityHome, r: CityResident, head: CityResident): MemberRelation {
  if (home.kind === 'couple') return 'spouse';
  if (home.kind === 'withFamily') return 'child';
  return r.elderly && !head.elderly ? 'parent' : 'spouse';
}

export class CityHouseholds {
  readonly #w: CityWorld;
  readonly #rng: Rng;
  /** Households registered, and members added to them after the head. */
  created = 0;
  added = 0;

  constructor(w: CityWorld, rng: Rng) {
    this.#w = w;
    this.#rng = rng;
  }

  /** The people the centre does not register by name, so that the household has its planned size. */
  #unnamed(home: CityHome, head: CityResident, year: number): MemberInput[] {
    const rng = this.#rng;
    const out: MemberInput[] = [];
    const headYear = head.plannedBirthYear;
    const registeredChild = home.members.some((m) => m !== head && !m.elderly);
    for (let i = home.members.length; i < home.size; i++) {
      if (home.kind === 'withFamily') {
        // An elderly person with a grown-up son or daughter (unless registered) and grandchildren.
        if (i === home.members.length && !registeredChild) out.push({ relation: 'child', birthYear: Math.min(year - 20, headYear + rng.int(20, 32)) });
        else out.push({ relation: 'grandchild', birthYear: year - rng.int(0, 17) });
      } else if (i === home.members.length && home.members.length === 1 && rng.chance(0.3)) {
        out.push({ relation: rng.chance(0.7) ? 'spouse' : 'partner', birthYear: headYear + rng.int(-4, 4) });
      } else {
        // Children: born after the head turned 18, in the last 17 years; some birth years not known.
        out.push({ relation: 'child', birthYear: rng.chance(0.04) ? null : Math.min(year, Math.max(headYear + 18, year - rng.int(0, 17))) });
      }
    }
    return out;
  }

  /** A resident was just registered (at the clock's time): their household is registered, or they join it. */
  async registered(r: CityResident, at: number): Promise<void> {
    const home = r.home;
    const head = home.members[0];
    if (head === undefined) return;
    const actor = this.#w.staff.pick(this.#rng, 'frontdesk', at);
    if (head === r) {
      if (!this.#rng.chance(REGISTERED_SHARE)) return;
      const members = this.#unnamed(home, head, yearOf(at));
      const h = await this.#w.runner.call('households.create', { headResidentId: r.id, members }, actor);
      home.id = h.id;
      const first = h.members[0];
      if (first !== undefined) home.memberIds.set(r.id, first.id);
      this.created++;
      return;
    }
    // The head's household was not registered, or the head has gone since: this one stays out.
    if (home.id === 0 || (head.leftAt !== null && head.leftAt <= at)) return;
    const h = await this.#w.runner.call('households.addMember', { id: home.id, member: { residentId: r.id, relation: relationOf(home, r, head) } }, actor);
    const mine = h.members.find((m) => m.residentId === r.id);
    if (mine !== undefined) home.memberIds.set(r.id, mine.id);
    this.added++;
  }

  // A resident who dies leaves their household in residents.markLeft's own transaction (issue 13):
  // nothing to call here.
}
