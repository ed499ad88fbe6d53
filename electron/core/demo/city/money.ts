/**
 * The money of a city centre over the years, in hryvnias: opening balances, the till (prices
 * raised every two years, sales every working day, a few reversed, the cash-up at closing time),
 * the cash book (monthly bills, purchases, donations and fees every day, till takings paid into the
 * bank, volunteers' advances paid back), the leases (rent due on the 5th, paid), grants from
 * international and local funders with budget lines, tranches and the expenses booked on their
 * lines, donated goods, and the annual budget. Every change is a call of the money features.
 */
import { cashBalance } from './fast';
import { generateRentCharges } from '../../features/grants/rent.service';
import type { Rng } from '../demo';
import { DAY_MS, HOUR, isoDay, MINUTE, weekdayOf } from './time';
import type { CityWorld } from './world';

const PRICES: ReadonlyArray<{ code: 'printing' | 'copies' | 'lamination' | 'documentPhotos' | 'formTyping'; unit: 'page' | 'copy' | 'piece' | 'set' | 'form'; price: number; weight: number; qty: [number, number] }> = [
  { code: 'printing', unit: 'page', price: 300, weight: 40, qty: [1, 12] },
  { code: 'copies', unit: 'copy', price: 250, weight: 30, qty: [1, 10] },
  { code: 'lamination', unit: 'piece', price: 1500, weight: 8, qty: [1, 2] },
  { code: 'documentPhotos', unit: 'set', price: 10000, weight: 10, qty: [1, 1] },
  { code: 'formTyping', unit: 'form', price: 5000, weight: 12, qty: [1, 2] },
];

const FUNDERS = ['UNICEF', 'UNFPA', 'Карітас України', 'Товариство Червоного Хреста України', 'Міжнародний фонд «Відродження»', 'Норвезька рада у справах біженців', 'IOM', 'Всесвітня продовольча програма', 'Черкаська міська рада', 'ЄС, програма EU4Resilience'];
const TITLES = ['Психосоціальна підтримка родин', 'Гуманітарна допомога переселенцям', 'Турбота про самотніх літніх людей', 'Мобільна бригада соціальної допомоги', 'Безпечний простір для жінок і дівчат', 'Тепла зима', 'Соціальний супровід сімей у складних життєвих обставинах'];
const LINES = [
  { name: 'Оплата праці фахівців', category: 'salaries', share: 0.55 },
  { name: 'Транспорт і пальне', category: 'transport', share: 0.1 },
  { name: 'Гуманітарні набори', category: 'otherExpense', share: 0.2 },
  { name: 'Ліки та засоби гігієни', category: 'medicines', share: 0.1 },
  { name: 'Витратні матеріали', category: 'supplies', share: 0.05 },
];

interface Daily {
  type: 'income' | 'expense';
  category: string;
  account: 'cash' | 'bank';
  range: [number, number];
  counterparty: readonly string[];
  note: readonly string[];
  weight: number;
}

const DAILY: readonly Daily[] = [
  { type: 'expense', category: 'supplies', account: 'cash', range: [150, 3_000], counterparty: ['Канцтовари «Скріпка»', 'Епіцентр', 'АТБ'], note: ['Папір А4', 'Картридж', 'Миючі засоби', 'Канцтовари'], weight: 25 },
  { type: 'expense', category: 'transport', account: 'cash', range: [200, 1_500], counterparty: ['АЗС «ОККО»', 'АЗС «WOG»', 'Таксі'], note: ['Пальне для виїздів волонтерів', 'Проїзд'], weight: 15 },
  { type: 'expense', category: 'medicines', account: 'cash', range: [150, 2_500], counterparty: ['Аптека «Подорожник»', 'Аптека АНЦ'], note: ['Ліки для підопічних', 'Перев’язувальні матеріали'], weight: 10 },
  { type: 'expense', category: 'otherExpense', account: 'bank', range: [500, 12_000], counterparty: ['ФОП Коваленко О. В.', 'Метро Кеш енд Кері'], note: ['Продуктові набори', 'Гігієнічні набори', 'Ремонт принтера'], weight: 10 },
  { type: 'income', category: 'donations', account: 'cash', range: [50, 2_000], counterparty: ['Скринька для пожертв', 'Парафія св. Миколая', 'Мешканці'], note: ['Пожертва'], weight: 25 },
  { type: 'income', category: 'donations', account: 'bank', range: [1_000, 30_000], counterparty: ['ТОВ «Черкасиобленерго»', 'ФОП Мельник', 'Благодійники'], note: ['Благодійний внесок'], weight: 8 },
  { type: 'income', category: 'membershipFees', account: 'cash', range: [100, 600], counterparty: ['Члени організації'], note: ['Членський внесок'], weight: 5 },
  { type: 'income', category: 'otherIncome', account: 'bank', range: [200, 5_000], counterparty: ['Міська рада'], note: ['Компенсація витрат'], weight: 2 },
];

/** Hryvnias to minor units (kopiykas). */
const uah = (n: number) => Math.round(n) * 100;

export class CityMoney {
  readonly #w: CityWorld;
  readonly #rng: Rng;
  readonly #categories: ReadonlyMap<string, number>;
  readonly #prices: Array<{ kindId: number; unit: (typeof PRICES)[number]['unit']; price: number; weight: number; qty: [number, number] }> = [];
  /** Expected till sales and manual entries per working day (sized to the counts). */
  readonly #salesPerDay: number;
  readonly #entriesPerDay: number;
  /** The days grants are signed, in order. */
  readonly #grantDays: number[];
  sales = 0;
  /** The years whose prices rose. */
  readonly #raised = new Set<number>();

  constructor(w: CityWorld, rng: Rng, categories: ReadonlyMap<string, number>) {
    this.#w = w;
    this.#rng = rng;
    this.#categories = categories;
    const workingDays = (w.counts.years * 365 * 5) / 7;
    this.#salesPerDay = (w.counts.cashEntries * 0.43) / workingDays;
    this.#entriesPerDay = (w.counts.cashEntries * 0.5) / workingDays;
    const span = w.end - w.start - 60 * DAY_MS;
    this.#grantDays = Array.from({ length: w.counts.grants }, (_, i) => w.start + Math.floor(((i + rng.next()) * span) / w.counts.grants));
  }

  #category(code: string): number {
    const id = this.#categories.get(code);
    if (id === undefined) throw new Error(`city: no category ${code}`);
    return id;
  }

  /** The first morning: opening balances, the till's prices, the value of a volunteer hour, the lease. */
  async open(at: number): Promise<void> {
    const { runner, staff, accounts, currency, kindIds } = this.#w;
    const admin = staff.pick(this.#rng, 'admin', at);
    const date = isoDay(at);
    await runner.call('accounts.update', { id: accounts.cash, data: { name: 'Каса', kind: 'cash', currency: currency as 'UAH', openingBalanceMinor: uah(12_500), openingDate: date } }, admin);
    await runner.call('accounts.update', { id: accounts.bank, data: { name: 'Рахунок у банку', kind: 'bank', currency: currency as 'UAH', openingBalanceMinor: uah(385_000), openingDate: date } }, admin);
    for (const p of PRICES) {
      const kindId = kindIds.get(p.code);
      if (kindId === undefined) continue;
      this.#prices.push({ kindId, unit: p.unit, price: p.price, weight: p.weight, qty: p.qty });
      await runner.call('till.setPrice', { kindId, priceMinor: p.price, unit: p.unit }, admin);
    }
    await runner.call('inKind.setRate', { rateMinor: uah(60) }, admin);
    await this.#lease(at, { landlord: 'Черкаська міська рада', premises: 'Приміщення центру, вул. Благовісна, 170', market: 24_000, paid: 1_200, note: 'Пільгова оренда для благодійної організації' });
  }

  async #lease(at: number, l: { landlord: string; premises: string; market: number; paid: number; note: string }): Promise<void> {
    const { runner, staff, accounts } = this.#w;
    await runner.call(
      'rent.createLease',
      { landlord: l.landlord, premises: l.premises, marketRentMinor: uah(l.market), paidRentMinor: uah(l.paid), dueDay: 5, startsOn: isoDay(at), endsOn: null, accountId: accounts.bank, note: l.note },
      staff.pick(this.#rng, 'treasurer', at),
    );
  }

  /** A working day of the till and the cash book (days are midnight UTC). */
  day(day: number): void {
    const { timeline, runner, staff, accounts, start, end } = this.#w;
    const rng = this.#rng;
    const date = isoDay(day);
    const dom = new Date(day).getUTCDate();
    const month = new Date(day).getUTCMonth() + 1;
    const weekday = weekdayOf(day);
    const working = weekday <= 5;

    // Prices rise every two years, on the first working day of the year.
    if (month === 1 && dom <= 7 && working && day - start > 300 * DAY_MS && new Date(day).getUTCFullYear() % 2 === 0 && !this.#raised.has(new Date(day).getUTCFullYear())) {
      this.#raised.add(new Date(day).getUTCFullYear());
      timeline.at(day + 5 * HOUR, async () => {
        const admin = staff.pick(rng, 'admin', day);
        for (const p of this.#prices) {
          p.price = Math.round((p.price * 1.15) / 50) * 50;
          await runner.call('till.setPrice', { kindId: p.kindId, priceMinor: p.price, unit: p.unit }, admin);
        }
      });
    }
    // The second lease (a warehouse for humanitarian aid) from the third year.
    if (day === start + 2 * 365 * DAY_MS) timeline.at(day + 7 * HOUR, () => this.#lease(day + 7 * HOUR, { landlord: 'ТОВ «Черкаси-Склад»', premises: 'Склад гуманітарної допомоги, вул. Чигиринська, 3', market: 18_000, paid: 9_000, note: '' }));
    // Rent: the month's charges appear on the 1st (as the app host makes them), paid before the 5th.
    if (dom === 1) timeline.at(day + 2 * HOUR, () => runner.run(async (deps) => void (await generateRentCharges(deps.db, date, new Date(day + 2 * HOUR).toISOString()))));
    if (dom === 3) {
      timeline.at(day + 8 * HOUR, async () => {
        const trx = await runner.trx();
        const due = await trx.selectFrom('rent_charges').select('id').where('entry_id', 'is', null).where('month_key', '<=', date.slice(0, 7)).orderBy('id').execute();
        for (const c of due) await runner.call('rent.pay', { chargeId: c.id, date }, staff.pick(rng, 'treasurer', day + 8 * HOUR));
      });
    }
    // Bills at the start of the month.
    if (dom === 6) {
      const winter = month >= 10 || month <= 4;
      const bills: Array<[string, number, string]> = [
        ['Черкасиобленерго', rng.int(2_500, 6_000) + (winter ? 2_000 : 0), 'Електроенергія'],
        ['Черкасиводоканал', rng.int(400, 900), 'Вода'],
        ['Укртелеком', 650, 'Телефон та інтернет'],
      ];
      if (winter) bills.push(['Черкаське теплопостачальне підприємство', rng.int(6_000, 14_000), 'Опалення']);
      for (const [counterparty, amount, note] of bills) this.#post(day + rng.int(6 * 60, 14 * 60) * MINUTE, 'expense', 'bank', 'utilities', amount, counterparty, note);
    }
    // Budget for the year, in January.
    if (month === 1 && dom === 10) {
      timeline.at(day + 7 * HOUR, async () => {
        const treasurer = staff.pick(rng, 'treasurer', day + 7 * HOUR);
        const year = new Date(day).getUTCFullYear();
        for (const [code, amount] of [['utilities', 90_000], ['salaries', 1_200_000], ['supplies', 60_000], ['donations', 150_000], ['paidServices', 120_000]] as const) {
          await runner.call('budget.set', { year, categoryId: this.#category(code), plannedMinor: uah(amount * (1 + (year - new Date(start).getUTCFullYear()) * 0.08)) }, treasurer);
        }
      });
    }
    // The grants, spread over the years (the last one begins before the present).
    while (this.#grantDays.length > 0 && (this.#grantDays[0] ?? Infinity) < day + DAY_MS) {
      this.#grantDays.shift();
      timeline.at(day + rng.int(7 * 60, 13 * 60) * MINUTE, () => this.#grant(day));
    }
    if (!working) return;
    // Till takings paid into the bank on the last working day of the month.
    if (dom >= 26 && new Date(day + (weekday === 5 ? 3 : 1) * DAY_MS).getUTCMonth() + 1 !== month) {
      const at = day + 13 * HOUR;
      timeline.at(at, async () => {
        await runner.call(
          'cashbook.transfer',
          { date, fromAccountId: accounts.cash, toAccountId: accounts.bank, amountMinor: uah(rng.int(5, 30) * 1_000), documentNo: '', note: 'Здали готівку в банк' },
          staff.pick(rng, 'treasurer', at),
        );
      });
    }
    for (let i = 0, n = rng.poisson(this.#entriesPerDay); i < n; i++) {
      const d = rng.weighted(DAILY.map((x) => [x, x.weight] as const));
      this.#post(day + rng.int(6 * 60, 15 * 60) * MINUTE, d.type, d.account, d.category, rng.int(d.range[0], d.range[1]), rng.pick(d.counterparty), rng.pick(d.note));
    }
    // The till: sales during the day, now and then one reversed, the cash-up at closing time.
    const sales = rng.poisson(this.#salesPerDay);
    const times = Array.from({ length: sales }, () => day + rng.int(6 * 60, 15 * 60) * MINUTE).sort((a, b) => a - b);
    for (const at of times) {
      timeline.at(at, async () => {
        if (this.#prices.length === 0) return;
        const p = rng.weighted(this.#prices.map((x) => [x, x.weight] as const));
        const registered = this.#w.registered;
        const resident = registered > 0 && rng.chance(0.3) ? this.#w.residents[rng.int(0, registered - 1)] : undefined;
        const residentId = resident !== undefined && resident.id > 0 ? resident.id : null;
        const seller = staff.pick(rng, 'frontdesk', at);
        const receipt = await runner.call('till.sell', { kindId: p.kindId, quantity: rng.int(p.qty[0], p.qty[1]), residentId, payment: rng.chance(0.15) ? 'card' : 'cash' }, seller);
        this.sales++;
        if (rng.chance(0.01)) await runner.call('till.reverse', { saleId: receipt.sale.id }, seller);
      });
    }
    const closing = day + 15 * HOUR + 30 * MINUTE;
    if (closing < end && rng.chance(0.92)) {
      timeline.at(closing, async () => {
        // What the till's day screen shows as expected in the box.
        const expectedCashMinor = await runner.run((deps) => cashBalance(deps, accounts.cash, date));
        const roll = rng.next();
        const difference = roll < 0.85 ? 0 : roll < 0.95 ? -uah(rng.int(1, 50)) : uah(rng.int(1, 20));
        await runner.call('till.cashUp', { day: date, countedMinor: Math.max(0, expectedCashMinor + difference), note: difference === 0 ? '' : 'Розбіжність при підрахунку' }, staff.pick(rng, 'frontdesk', closing));
      });
    }
  }

  #post(at: number, type: 'income' | 'expense', account: 'cash' | 'bank', category: string, amount: number, counterparty: string, note: string, grant?: { grantId: number; budgetLineId: number }): void {
    const { timeline, runner, staff, accounts } = this.#w;
    const rng = this.#rng;
    timeline.at(at, async () => {
      await runner.call(
        'cashbook.post',
        {
          type,
          date: isoDay(at),
          accountId: account === 'cash' ? accounts.cash : accounts.bank,
          amountMinor: uah(amount),
          categoryId: this.#category(category),
          counterparty,
          documentNo: rng.chance(0.5) ? String(rng.int(1_000, 99_999)) : '',
          note,
          grantId: grant?.grantId ?? null,
          budgetLineId: grant?.budgetLineId ?? null,
        },
        staff.pick(rng, 'treasurer', at),
      );
    });
  }

  /** A volunteer's advance, paid back from the cash box a few days later (most of them). */
  advance(a: { id: number; at: number }): void {
    const rng = this.#rng;
    if (rng.chance(0.08)) return;
    const at = a.at + rng.int(1, 6) * DAY_MS + rng.int(0, 120) * MINUTE;
    this.#w.timeline.at(at, async () => {
      await this.#w.runner.call('cashbook.settleAdvance', { id: a.id, accountId: this.#w.accounts.cash, date: isoDay(at) }, this.#w.staff.pick(rng, 'treasurer', at));
    });
  }

  /** A grant: 12–24 months from the next month, 3–5 budget lines, two or three tranches, monthly expenses on its lines. */
  async #grant(day: number): Promise<void> {
    const { runner, staff, accounts, currency, timeline } = this.#w;
    const rng = this.#rng;
    const at = this.#w.clock.ms;
    const treasurer = staff.pick(rng, 'treasurer', at);
    const first = new Date(day);
    const startsOn = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
    const months = rng.int(12, 24);
    const endsOn = new Date(Date.UTC(startsOn.getUTCFullYear(), startsOn.getUTCMonth() + months, 0));
    const monthly = rng.int(40, 160) * 1_000;
    const lines = rng.shuffle(LINES).slice(0, rng.int(3, 5));
    const shares = lines.reduce((s, l) => s + l.share, 0);
    const planned = lines.map((l) => uah(((monthly * months * l.share) / shares / 100) * 100));
    const total = planned.reduce((s, x) => s + x, 0);
    const grant = await runner.call(
      'grants.create',
      {
        grant: { funder: rng.pick(FUNDERS), title: rng.pick(TITLES), startsOn: isoDay(startsOn.getTime()), endsOn: isoDay(endsOn.getTime()), currency: currency as 'UAH', amountMinor: total, note: '' },
        lines: lines.map((l, i) => ({ name: l.name, plannedMinor: planned[i] ?? 0 })),
      },
      treasurer,
    );
    const tranches = rng.int(2, 3);
    let left = total;
    for (let i = 0; i < tranches; i++) {
      const amount = i === tranches - 1 ? left : Math.round(total / tranches / 100) * 100;
      left -= amount;
      const expected = startsOn.getTime() + Math.floor((i * months * 30 * DAY_MS) / tranches);
      const view = await runner.call('grants.addTranche', { grantId: grant.id, expectedOn: isoDay(expected), amountMinor: amount, note: `Транш ${i + 1}` }, treasurer);
      const tranche = view.tranches[view.tranches.length - 1];
      if (tranche === undefined) continue;
      const receivedAt = expected + rng.int(0, 20) * DAY_MS + rng.int(7 * 60, 13 * 60) * MINUTE;
      timeline.at(receivedAt, async () => {
        await runner.call('grants.receiveTranche', { id: tranche.id, accountId: accounts.bank, date: isoDay(receivedAt) }, staff.pick(rng, 'treasurer', receivedAt));
      });
    }
    // Expenses on the lines, month by month.
    for (let m = 0; m < months; m++) {
      const month = Date.UTC(startsOn.getUTCFullYear(), startsOn.getUTCMonth() + m, 1);
      for (const [i, line] of lines.entries()) {
        const lineId = grant.lines[i]?.id;
        if (lineId === undefined) continue;
        const budget = (planned[i] ?? 0) / 100 / months;
        const posts = line.category === 'salaries' ? 1 : rng.int(1, 3);
        for (let k = 0; k < posts; k++) {
          const when = month + rng.int(line.category === 'salaries' ? 24 : 2, 27) * DAY_MS + rng.int(7 * 60, 14 * 60) * MINUTE;
          this.#post(when, 'expense', line.category === 'salaries' ? 'bank' : rng.chance(0.5) ? 'bank' : 'cash', line.category, Math.max(1, Math.round((budget / posts) * (0.8 + rng.next() * 0.35))), line.category === 'salaries' ? 'Фахівці центру' : rng.pick(['ФОП Коваленко О. В.', 'АЗС «ОККО»', 'Аптека «Подорожник»', 'Епіцентр']), line.name, { grantId: grant.id, budgetLineId: lineId });
        }
      }
    }
    // Sometimes goods donated for the grant's people.
    if (rng.chance(0.5)) {
      const when = startsOn.getTime() + rng.int(10, 200) * DAY_MS + 10 * HOUR;
      timeline.at(when, async () => {
        await runner.call('inKind.create', { date: isoDay(when), kind: 'goods', donor: rng.pick(['АТБ', 'Сільпо', 'Нова пошта']), description: 'Продуктові набори, 50 шт.', valueMinor: uah(rng.int(10, 40) * 1_000), grantId: grant.id }, staff.pick(rng, 'treasurer', when));
      });
    }
  }
}
