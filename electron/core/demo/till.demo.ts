import { addDays, isoWeekday } from '../../../shared/domain/dates';
import type { Unit } from '../../../shared/domain/till';
import { mulberry32 } from '../random';
import type { DemoContext } from './demo-context';
import { tillService } from '../features/till/till.service';
import { readSettings } from '../features/settings/settings.service';

const MINUTE = 60_000;

/**
 * Prices per currency (minor units). RUB from the Sylva centre's scale: printing and copies about
 * 10 ₽ a page, lamination 50 ₽, a set of document photos 250 ₽, typing a form 150 ₽; the others
 * at what a village centre in Ukraine, Poland or Greece would ask. `before` is the price until the
 * rise three months ago (shows a price history).
 */
const PRICES: Record<string, Record<string, { unit: Unit; price: number; before?: number }>> = {
  RUB: {
    printing: { unit: 'page', price: 1000, before: 800 },
    copies: { unit: 'copy', price: 1000, before: 800 },
    lamination: { unit: 'piece', price: 5000 },
    documentPhotos: { unit: 'set', price: 25000 },
    formTyping: { unit: 'form', price: 15000 },
  },
  UAH: {
    printing: { unit: 'page', price: 400, before: 300 },
    copies: { unit: 'copy', price: 300, before: 250 },
    lamination: { unit: 'piece', price: 2000 },
    documentPhotos: { unit: 'set', price: 12000 },
    formTyping: { unit: 'form', price: 6000 },
  },
  PLN: {
    printing: { unit: 'page', price: 50, before: 40 },
    copies: { unit: 'copy', price: 40, before: 30 },
    lamination: { unit: 'piece', price: 300 },
    documentPhotos: { unit: 'set', price: 2500 },
    formTyping: { unit: 'form', price: 1500 },
  },
  EUR: {
    printing: { unit: 'page', price: 20, before: 15 },
    copies: { unit: 'copy', price: 15, before: 10 },
    lamination: { unit: 'piece', price: 100 },
    documentPhotos: { unit: 'set', price: 600 },
    formTyping: { unit: 'form', price: 400 },
  },
};

/** A working day at the desk: how many sales of each kind (chance per try, tries) and their quantities. */
const DAY_MIX: Array<{ code: string; tries: number; chance: number; qty: [number, number] }> = [
  { code: 'printing', tries: 5, chance: 0.7, qty: [1, 8] },
  { code: 'copies', tries: 3, chance: 0.6, qty: [1, 6] },
  { code: 'lamination', tries: 2, chance: 0.35, qty: [1, 2] },
  { code: 'documentPhotos', tries: 1, chance: 0.3, qty: [1, 1] },
  { code: 'formTyping', tries: 1, chance: 0.45, qty: [1, 2] },
];

/** The few random draws the till needs (its own stream, so other demo data does not move). */
class Draw {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }
}

function atUtc(day: string, minutes: number): number {
  return Date.parse(`${day}T00:00:00.000Z`) + minutes * MINUTE;
}

/**
 * Demo data of the till: prices of the paid kinds (with a rise three months ago), sales on every
 * working day of the window worth 7,000–12,000 RUB a month (the Sylva figure), a few reversals, and
 * a cash-up at closing time on most days (now and then a few roubles short or over).
 */
export async function demoTill(ctx: DemoContext): Promise<void> {
  const rng = new Draw(ctx.seed);
  const settings = await readSettings(ctx.deps.db);
  if (!settings) return;
  const prices = PRICES[settings.currency] ?? PRICES.EUR ?? {};
  const till = tillService(ctx.backdated);
  const db = ctx.deps.db;

  const kinds = await db.selectFrom('service_kinds').select(['id', 'code']).where('is_paid', '=', 1).where('archived_at', 'is', null).execute();
  const kindId = new Map(kinds.flatMap((k) => (k.code !== null ? [[k.code, k.id] as const] : [])));
  const cash = await db.selectFrom('cash_accounts').select('id').where('kind', '=', 'cash').where('currency', '=', settings.currency).where('archived_at', 'is', null).executeTakeFirst();
  if (!cash) return;
  const bank = await db.selectFrom('cash_accounts').select('id').where('kind', '=', 'bank').where('currency', '=', settings.currency).where('archived_at', 'is', null).executeTakeFirst();
  const residents = (await db.selectFrom('residents').select('id').where('left_on', 'is', null).limit(200).execute()).map((r) => r.id);

  const first = addDays(ctx.today, -(ctx.windowDays - 1));
  const rise = addDays(ctx.today, -91);
  // Prices from the first morning (the earlier ones where a rise follows).
  ctx.setTime(atUtc(first, 6 * 60), first);
  for (const [code, p] of Object.entries(prices)) {
    const id = kindId.get(code);
    if (id !== undefined) await till.setPrice({ kindId: id, priceMinor: p.before ?? p.price, unit: p.unit }, ctx.actor);
  }

  for (let day = first; day <= ctx.today; day = addDays(day, 1)) {
    if (day === rise) {
      ctx.setTime(atUtc(day, 6 * 60 + 30), day);
      for (const [code, p] of Object.entries(prices)) {
        const id = kindId.get(code);
        if (id !== undefined && p.before !== undefined) await till.setPrice({ kindId: id, priceMinor: p.price, unit: p.unit }, ctx.actor);
      }
    }
    if (isoWeekday(day) > 5) continue;
    // Sales between 10:00 and 17:00 Moscow time (07:00–14:00 UTC), in order.
    const sales: Array<{ at: number; kind: number; quantity: number }> = [];
    for (const mix of DAY_MIX) {
      const id = kindId.get(mix.code);
      if (id === undefined) continue;
      for (let i = 0; i < mix.tries; i++) {
        if (rng.chance(mix.chance)) sales.push({ at: atUtc(day, rng.int(7 * 60, 14 * 60)), kind: id, quantity: rng.int(mix.qty[0], mix.qty[1]) });
      }
    }
    sales.sort((a, b) => a.at - b.at);
    for (const s of sales) {
      if (s.at > ctx.now - MINUTE) break;
      ctx.setTime(s.at, day);
      const payment = bank && rng.chance(0.15) ? 'card' : 'cash';
      const residentId = residents.length > 0 && rng.chance(0.3) ? rng.pick(residents) : null;
      const { sale } = await till.sell({ kindId: s.kind, quantity: s.quantity, residentId, payment }, ctx.actor);
      // Now and then a wrong line, reversed a few minutes later.
      if (rng.chance(0.02) && s.at + 5 * MINUTE < ctx.now) {
        ctx.setTime(s.at + 4 * MINUTE, day);
        await till.reverse(sale.id, ctx.actor);
      }
    }
    // The cash-up at 17:30 on most days (not today: the day is not over).
    const closing = atUtc(day, 14 * 60 + 30);
    if (day < ctx.today && closing < ctx.now && rng.chance(0.9)) {
      ctx.setTime(closing, day);
      const { expectedCashMinor } = await till.day(day);
      const unit = Math.max(1, Math.round((prices.printing?.price ?? 100) / 2));
      const roll = rng.next();
      const difference = roll < 0.85 ? 0 : roll < 0.95 ? -unit * rng.int(1, 5) : unit * rng.int(1, 3);
      await till.cashUp({ day, countedMinor: Math.max(0, expectedCashMinor + difference), note: '' }, ctx.actor);
    }
  }
}
