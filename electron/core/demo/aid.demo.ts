/**
 * In-kind aid for the demo centre (issue 12): children's shoes by size (Piraeus's 432 pairs for
 * children of beneficiary families), food parcels, hygiene kits, blankets and firewood in m³.
 * Deliveries come in each month of the last six (from a donor or a partner, some with a value
 * for the treasurer), and two distribution days a month hand them out to residents registered by
 * then, one to three items each; once a spoiled parcel or a count is adjusted. Everything through
 * the aid service, backdated, from the demo's own random stream, never below zero.
 */
import type { DemoContext } from './demo-context';
import { mulberry32 } from '../random';
import { addDays } from '../../../shared/domain/dates';
import type { AidUnit } from '../../../shared/domain/aid';
import type { Language } from '../../../shared/domain/settings';
import { readSettings } from '../features/settings/settings.service';
import { aidService } from '../features/aid/aid.service';

const DAY_MS = 86_400_000;
const MONTHS = 6;

interface Words {
  shoes: string;
  food: string;
  hygiene: string;
  blanket: string;
  firewood: string;
  donors: string[];
  spoiled: string;
}

const WORDS: Record<Language, Words> = {
  ru: { shoes: 'Детская обувь', food: 'Набор продуктов', hygiene: 'Гигиенический набор', blanket: 'Одеяло', firewood: 'Дрова', donors: ['Красный Крест', 'Администрация поселения', 'Частный жертвователь'], spoiled: 'Отсырели' },
  uk: { shoes: 'Дитяче взуття', food: 'Набір продуктів', hygiene: 'Гігієнічний набір', blanket: 'Ковдра', firewood: 'Дрова', donors: ['Червоний Хрест', 'Міська рада', 'Приватний благодійник'], spoiled: 'Відсиріли' },
  pl: { shoes: 'Buty dziecięce', food: 'Paczka żywnościowa', hygiene: 'Zestaw higieniczny', blanket: 'Koc', firewood: 'Drewno opałowe', donors: ['Bank Żywności', 'Urząd Gminy', 'Darczyńca prywatny'], spoiled: 'Zawilgocone' },
  el: { shoes: 'Παιδικά παπούτσια', food: 'Δέμα τροφίμων', hygiene: 'Σετ ατομικής υγιεινής', blanket: 'Κουβέρτα', firewood: 'Καυσόξυλα', donors: ['Ερυθρός Σταυρός', 'Δήμος Πειραιά', 'Ιδιώτης δωρητής'], spoiled: 'Νότισαν' },
  en: { shoes: "Children's shoes", food: 'Food parcel', hygiene: 'Hygiene kit', blanket: 'Blanket', firewood: 'Firewood', donors: ['Red Cross', 'Town council', 'Private donor'], spoiled: 'Damp' },
};

/** Items, movements and distributions; returns how many distributions were made. */
export async function demoAid(ctx: DemoContext): Promise<number> {
  const { deps, backdated, setTime, actor, today } = ctx;
  const settings = await readSettings(deps.db);
  const w = WORDS[settings?.language ?? 'en'] ?? WORDS.en;
  const next = mulberry32(ctx.seed);
  const rng = { int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), chance: (p: number) => next() < p };
  const service = aidService(backdated);
  const moment = (date: string, minute: number) => setTime(Math.min(Date.parse(`${date}T00:00:00Z`) + minute * 60_000, ctx.now - DAY_MS / 24), date);

  moment(addDays(today, -MONTHS * 30 - 2), 9 * 60);
  const spec: Array<{ name: string; size: string; unit: AidUnit; monthly: [number, number]; per: [number, number]; valueMinor: number }> = [
    { name: w.shoes, size: '28', unit: 'pair', monthly: [6, 10], per: [1, 1], valueMinor: 1_500 },
    { name: w.shoes, size: '31', unit: 'pair', monthly: [6, 10], per: [1, 1], valueMinor: 1_800 },
    { name: w.shoes, size: '34', unit: 'pair', monthly: [4, 8], per: [1, 1], valueMinor: 2_000 },
    { name: w.food, size: '', unit: 'parcel', monthly: [15, 25], per: [1, 2], valueMinor: 2_500 },
    { name: w.hygiene, size: '', unit: 'kit', monthly: [8, 14], per: [1, 1], valueMinor: 900 },
    { name: w.blanket, size: '', unit: 'piece', monthly: [3, 6], per: [1, 2], valueMinor: 1_200 },
    { name: w.firewood, size: '', unit: 'm3', monthly: [4, 8], per: [1, 2], valueMinor: 6_000 },
  ];
  const items: Array<{ id: number; stock: number; s: (typeof spec)[number] }> = [];
  for (const s of spec) items.push({ id: (await service.addItem({ name: s.name, size: s.size, unit: s.unit }, actor)).id, stock: 0, s });

  const residents = await deps.db.selectFrom('residents').select(['id', 'created_at']).where('left_on', 'is', null).where('erased_at', 'is', null).orderBy('id').execute();
  let given = 0;
  for (let m = MONTHS; m >= 1; m--) {
    const delivery = addDays(today, -m * 30 + rng.int(0, 3));
    moment(delivery, rng.int(9 * 60, 12 * 60));
    for (const it of items) {
      const quantity = rng.int(it.s.monthly[0], it.s.monthly[1]);
      const donor = w.donors[rng.int(0, w.donors.length - 1)] ?? '';
      await service.receive({ itemId: it.id, on: delivery, quantity, fromWhom: donor, valueMinor: rng.chance(0.6) ? quantity * it.s.valueMinor : null, note: '' }, actor);
      it.stock += quantity;
    }
    for (const offset of [5, 19]) {
      const day = addDays(delivery, offset);
      if (day >= today) continue;
      const registered = residents.filter((r) => r.created_at.slice(0, 10) <= day);
      const people = Math.min(registered.length, rng.int(5, 9));
      const pool = [...registered];
      for (let p = 0; p < people; p++) {
        const who = pool.splice(rng.int(0, pool.length - 1), 1)[0];
        if (!who) break;
        const lines: Array<{ itemId: number; quantity: number }> = [];
        const count = rng.int(1, 3);
        for (let k = 0; k < count; k++) {
          const it = items[rng.int(0, items.length - 1)];
          if (!it || lines.some((l) => l.itemId === it.id)) continue;
          const quantity = rng.int(it.s.per[0], it.s.per[1]);
          if (it.stock < quantity) continue;
          lines.push({ itemId: it.id, quantity });
          it.stock -= quantity;
        }
        if (lines.length === 0) continue;
        moment(day, 10 * 60 + p * 7);
        await service.give({ residentId: who.id, householdId: null, on: day, lines, note: '', confirmBelowZero: false }, actor);
        given++;
      }
    }
  }
  // A few food parcels got damp in the store.
  const food = items[3];
  if (food && food.stock >= 2) {
    const day = addDays(today, -10);
    moment(day, 15 * 60);
    await service.adjust({ itemId: food.id, on: day, delta: -2, reason: 'spoiled', note: w.spoiled, confirmBelowZero: false }, actor);
  }
  return given;
}
