/**
 * A small temporary shelter for the demo centre (issue 12), in the shape of Cherkasy's temporary
 * shelter for displaced people: 12 places in a former school dormitory; over the last months two
 * households and four people alone were checked in, two of the people alone and one household
 * member have been checked out (own housing, relatives, left the town). Through the shelter
 * service, backdated, from the demo's own random stream.
 */
import type { DemoContext } from './demo-context';
import { mulberry32 } from '../random';
import { addDays } from '../../../shared/domain/dates';
import type { Language } from '../../../shared/domain/settings';
import type { OutReason } from '../../../shared/domain/shelter';
import { readSettings } from '../features/settings/settings.service';
import { shelterService } from '../features/shelter/shelter.service';

const DAY_MS = 86_400_000;
const PLACES = 12;

const WORDS: Record<Language, { name: string; address: string; room: string }> = {
  ru: { name: 'Временный приют для переселенцев', address: 'ул. Школьная, 3 (бывшее общежитие)', room: 'комн.' },
  uk: { name: 'Тимчасовий притулок для ВПО', address: 'вул. Шкільна, 3 (колишній гуртожиток)', room: 'кімн.' },
  pl: { name: 'Schronisko tymczasowe dla przesiedlonych', address: 'ul. Szkolna 3 (dawny internat)', room: 'pok.' },
  el: { name: 'Ξενώνας προσωρινής φιλοξενίας εκτοπισμένων', address: 'Σχολείου 3 (πρώην οικοτροφείο)', room: 'δωμ.' },
  en: { name: 'Temporary shelter for displaced people', address: '3 School Street (former dormitory)', room: 'room' },
};

/** The shelter and its stays; returns how many stays were recorded. */
export async function demoShelter(ctx: DemoContext): Promise<number> {
  const { deps, backdated, setTime, actor, today } = ctx;
  const settings = await readSettings(deps.db);
  const words = WORDS[settings?.language ?? 'en'] ?? WORDS.en;
  const next = mulberry32(ctx.seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const service = shelterService(backdated);
  const moment = (date: string) => setTime(Math.min(Date.parse(`${date}T00:00:00Z`) + int(9 * 60, 17 * 60) * 60_000, ctx.now - DAY_MS / 24), date);

  const windowStart = addDays(today, -Math.min(ctx.windowDays, 180));
  moment(windowStart);
  const shelter = await service.addShelter({ name: words.name, address: words.address, places: PLACES }, actor);

  // Households whose members are all registered by name, alive and here: two of them come.
  const members = await deps.db
    .selectFrom('household_members as m')
    .innerJoin('residents as r', 'r.id', 'm.resident_id')
    .select(['m.household_id', 'r.id', 'r.created_at', 'r.left_on', 'r.erased_at'])
    .where('m.to_on', 'is', null)
    .orderBy('m.household_id')
    .orderBy('m.id')
    .execute();
  const byHousehold = new Map<number, typeof members>();
  for (const m of members) byHousehold.set(m.household_id, [...(byHousehold.get(m.household_id) ?? []), m]);
  const households = [...byHousehold.entries()].filter(([, ms]) => ms.length >= 2 && ms.length <= 4 && ms.every((m) => m.left_on === null && m.erased_at === null));
  const taken = new Set<number>();
  let stays = 0;
  let room = 1;
  const latest = (dates: string[]) => dates.reduce((a, b) => (a > b ? a : b));

  for (let i = 0; i < 2 && households.length > 0; i++) {
    const [householdId, ms] = households.splice(int(0, households.length - 1), 1)[0]!;
    const on = latest([addDays(windowStart, int(10, 90)), ...ms.map((m) => m.created_at.slice(0, 10))]);
    if (on >= today) continue;
    moment(on);
    const checked = await service.checkIn({ shelterId: shelter.id, householdId, on, bed: `${words.room} ${room++}`, confirmOverPlaces: false }, actor);
    for (const m of ms) taken.add(m.id);
    stays += checked.length;
    // In the first household the eldest member moves to relatives a month or two later.
    const leaving = i === 0 ? checked[checked.length - 1] : undefined;
    const outOn = addDays(on, int(30, 60));
    if (leaving && outOn < today) {
      moment(outOn);
      await service.checkOut({ id: leaving.id, on: outOn, reason: 'relatives', note: '' }, actor);
    }
  }

  // Four people alone; two of them have left (own housing, left the town).
  const alone = await deps.db
    .selectFrom('residents')
    .select(['id', 'created_at'])
    .where('left_on', 'is', null)
    .where('erased_at', 'is', null)
    .orderBy('id')
    .execute();
  // People alone: in no household, or the only member registered by name in theirs.
  const withOthers = new Set([...byHousehold.values()].filter((ms) => ms.length > 1).flatMap((ms) => ms.map((m) => m.id)));
  const pool = alone.filter((r) => !taken.has(r.id) && !withOthers.has(r.id));
  const reasons: Array<OutReason | null> = ['ownHousing', null, 'leftTown', null];
  for (const reason of reasons) {
    // Someone registered before the day they came (a newcomer registered this week is skipped).
    let picked: { r: (typeof pool)[number]; on: string } | null = null;
    while (picked === null && pool.length > 0) {
      const r = pool.splice(int(0, pool.length - 1), 1)[0]!;
      const on = latest([addDays(windowStart, int(5, 150)), r.created_at.slice(0, 10)]);
      if (on < addDays(today, -1)) picked = { r, on };
    }
    if (picked === null) break;
    const { r, on } = picked;
    moment(on);
    const [stay] = await service.checkIn({ shelterId: shelter.id, residentId: r.id, on, bed: `${words.room} ${room++}`, confirmOverPlaces: false }, actor);
    stays += 1;
    const outOn = addDays(on, int(14, 45));
    if (reason !== null && stay && outOn < today) {
      moment(outOn);
      await service.checkOut({ id: stay.id, on: outOn, reason, note: '' }, actor);
    }
  }
  return stays;
}
