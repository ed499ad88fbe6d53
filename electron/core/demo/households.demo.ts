/**
 * Households for the demo centre (issue 13): the residents planned together live together. Each
 * planned group becomes a household through the core's households service, backdated to the day
 * its last member was registered: the first planned person heads it, a registered partner is the
 * spouse and an elderly relative of a displaced family a parent, and the people the centre does not
 * register by name (children, a grown-up son or daughter, grandchildren) are unnamed members with
 * a relation and a birth year, so that a household has its planned size (at most five). A few
 * groups are not registered as households yet (the front desk has not got round to them); a few
 * families get a baby later (addMember). Someone who has died or moved away leaves their
 * household when they were marked as gone.
 */
import type { Gender } from './names';
import type { Rng } from './demo';
import type { DemoContext } from './demo-context';
import { householdsService } from '../features/households/households.service';
import { memberInputSchema, type MemberInput } from '../../../shared/domain/households';

/** What the households need of a planned resident (demo.ts plans them). */
export interface HouseholdPerson {
  id: number;
  gender: Gender;
  elderly: boolean;
  birthYear: number | null;
  registeredAt: number;
  group: number;
  household: 'single' | 'couple' | 'withFamily' | 'familyInDifficulty' | 'displaced';
  householdSize: number;
}

/** The largest household the demo makes. */
const MAX_DEMO_SIZE = 5;
const MINUTE = 60_000;
const DAY_MS = 86_400_000;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const yearOf = (ms: number) => new Date(ms).getUTCFullYear();

/** The unnamed members of a group: who else lives there, by the group's kind, up to its size. */
function unnamedMembers(rng: Rng, head: HouseholdPerson, registered: number, year: number): MemberInput[] {
  const missing = Math.max(0, Math.min(MAX_DEMO_SIZE, head.householdSize) - registered);
  const headYear = head.birthYear ?? (head.elderly ? year - 75 : year - 38);
  const child = (): MemberInput => ({ relation: 'child', birthYear: rng.chance(0.05) ? null : Math.min(year, Math.max(headYear + 18, year - rng.int(0, 17))) });
  const out: MemberInput[] = [];
  for (let i = 0; i < missing; i++) {
    if (head.household === 'withFamily') {
      // An elderly person living with a grown-up son or daughter, and grandchildren.
      out.push(i === 0 ? { relation: 'child', birthYear: Math.min(year - 20, headYear + rng.int(20, 32)) } : { relation: 'grandchild', birthYear: year - rng.int(1, 17) });
    } else if (i === 0 && registered === 1 && head.household === 'familyInDifficulty' && rng.chance(0.4)) {
      out.push({ relation: rng.chance(0.7) ? 'spouse' : 'partner', birthYear: headYear + rng.int(-4, 4) });
    } else out.push(child());
  }
  return out;
}

/**
 * Registers the planned groups as households, in the order they happened. Returns how many
 * households were made.
 */
export async function demoHouseholds(ctx: DemoContext, rng: Rng, planned: readonly HouseholdPerson[]): Promise<number> {
  const service = householdsService(ctx.backdated);
  const groups = new Map<number, HouseholdPerson[]>();
  for (const r of planned) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  const events: Array<{ at: number; run: () => Promise<void> }> = [];
  let made = 0;
  for (const people of [...groups.values()]) {
    const [head, ...others] = [...people].sort((a, b) => a.registeredAt - b.registeredAt || a.id - b.id);
    if (head === undefined || rng.chance(0.08)) continue;
    const at = Math.max(...people.map((p) => p.registeredAt)) + rng.int(1, 5) * MINUTE;
    const year = yearOf(at);
    const members: MemberInput[] = [
      ...others.map((o): MemberInput => ({ residentId: o.id, relation: o.elderly && !head.elderly ? 'parent' : 'spouse' })),
      ...unnamedMembers(rng, head, people.length, year),
    ];
    let id = 0;
    events.push({
      at,
      run: async () => {
        ctx.setTime(at, isoDay(at));
        id = (await service.create({ headResidentId: head.id, members: members.map((m) => memberInputSchema.parse(m)) }, ctx.actor)).id;
        made++;
      },
    });
    // A baby born since they registered, in a few young families.
    const young = head.household === 'familyInDifficulty' || head.household === 'displaced';
    const size = 1 + members.length;
    if (young && size < MAX_DEMO_SIZE && rng.chance(0.2)) {
      const born = at + rng.int(20, 150) * DAY_MS;
      if (born < ctx.now - DAY_MS) {
        events.push({
          at: born,
          run: async () => {
            ctx.setTime(born, isoDay(born));
            await service.addMember({ id, member: memberInputSchema.parse({ relation: 'child', birthYear: yearOf(born) }) }, ctx.actor);
          },
        });
      }
    }
  }
  events.sort((a, b) => a.at - b.at);
  for (const e of events) await e.run();
  return made;
}

/**
 * Those marked as gone (died, moved away) leave the household they lived in on that day; a
 * household of one closes. A head who leaves others behind hands over to a registered member who
 * stays; with only unnamed members left, the household stays as it was (the front desk decides).
 */
export async function demoHouseholdLeavers(ctx: DemoContext): Promise<number> {
  const db = ctx.deps.db;
  const service = householdsService(ctx.backdated);
  const gone = await db
    .selectFrom('household_members as m')
    .innerJoin('residents as r', 'r.id', 'm.resident_id')
    .select(['m.id', 'm.household_id', 'm.relation', 'm.from_on', 'r.left_on', 'r.left_reason', 'r.updated_at'])
    .where('m.to_on', 'is', null)
    .where('r.left_on', 'is not', null)
    .orderBy('r.left_on')
    .orderBy('m.id')
    .execute();
  let ended = 0;
  for (const m of gone) {
    if (m.left_on === null || m.left_on < m.from_on) continue;
    const stay = await db
      .selectFrom('household_members')
      .select(['id', 'resident_id'])
      .where('household_id', '=', m.household_id)
      .where('to_on', 'is', null)
      .where('id', '!=', m.id)
      .orderBy('id')
      .execute();
    const next = stay.find((s) => s.resident_id !== null);
    if (m.relation === 'head' && stay.length > 0 && next === undefined) continue;
    ctx.setTime(Date.parse(m.updated_at), m.left_on);
    await service.endMembership(
      {
        id: m.household_id,
        memberId: m.id,
        reason: m.left_reason === 'deceased' ? 'deceased' : 'left',
        on: m.left_on,
        ...(m.relation === 'head' && next !== undefined ? { newHeadMemberId: next.id } : {}),
      },
      ctx.actor,
    );
    ended++;
  }
  return ended;
}
