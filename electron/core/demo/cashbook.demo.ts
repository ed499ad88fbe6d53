import type { DemoContext } from './demo-context';
import { addDays, isoWeekday } from '../../../shared/domain/dates';
import { mulberry32 } from '../random';
import { readSettings } from '../features/settings/settings.service';
import { ensureDefaultAccounts } from '../features/cashbook/accounts';
import { cashbookService } from '../features/cashbook/cashbook.service';
import { insertAdvance } from '../features/tasks/tasks.repo';
import { LOCALE_OF, type Language } from '../../../shared/domain/settings';
import { entryInputSchema, transferInputSchema } from '../../../shared/domain/cashbook';

/** Demo figures are written in roubles (as in the Sylva report) and scaled to the centre's currency. */
const PER_RUB: Record<string, number> = { RUB: 1, UAH: 0.4, PLN: 0.04, EUR: 0.01 };

const COUNTERPARTIES: Record<Language, { power: string; heat: string; water: string; phone: string; shop: string; hardware: string; fuel: string; bus: string; donors: string[]; members: string }> = {
  ru: {
    power: 'Пермэнергосбыт',
    heat: 'Сылвенские тепловые сети',
    water: 'Водоканал Сылвы',
    phone: 'Ростелеком',
    shop: 'Канцтовары «Скрепка»',
    hardware: 'Хозмаг «Всё для дома»',
    fuel: 'АЗС «Лукойл»',
    bus: 'Пермское АТП',
    donors: ['Прихожане храма Св. Николая', 'ИП Кузнецов А. В.', 'Жители Сылвы (ящик для пожертвований)', 'Семья Мельниковых'],
    members: 'Взносы членов фонда',
  },
  en: {
    power: 'Power company',
    heat: 'District heating',
    water: 'Water works',
    phone: 'Telephone and internet',
    shop: 'Stationery shop',
    hardware: 'Hardware shop',
    fuel: 'Petrol station',
    bus: 'Bus company',
    donors: ['St Nicholas parish', 'Local shop owner', 'Donation box', 'A local family'],
    members: 'Members of the foundation',
  },
  uk: {
    power: 'Обленерго',
    heat: 'Тепломережа',
    water: 'Водоканал',
    phone: 'Укртелеком',
    shop: 'Канцтовари «Скріпка»',
    hardware: 'Господарський магазин',
    fuel: 'АЗС «ОККО»',
    bus: 'Автостанція',
    donors: ['Парафія Святого Миколая', 'ФОП Коваленко О. В.', 'Скринька для пожертв', 'Родина Мельників'],
    members: 'Внески членів організації',
  },
  pl: {
    power: 'Tauron Sprzedaż',
    heat: 'Ciepłownia miejska',
    water: 'Wodociągi',
    phone: 'Orange Polska',
    shop: 'Sklep papierniczy',
    hardware: 'Sklep „Dom i Ogród”',
    fuel: 'Stacja Orlen',
    bus: 'PKS',
    donors: ['Parafia św. Mikołaja', 'Piekarnia Nowak', 'Skarbonka', 'Rodzina Kowalskich'],
    members: 'Składki członków stowarzyszenia',
  },
  el: {
    power: 'ΔΕΗ',
    heat: 'Προμηθευτής πετρελαίου θέρμανσης',
    water: 'ΕΥΔΑΠ',
    phone: 'ΟΤΕ',
    shop: 'Χαρτοπωλείο',
    hardware: 'Κατάστημα ειδών σπιτιού',
    fuel: 'Πρατήριο καυσίμων',
    bus: 'ΚΤΕΛ',
    donors: ['Ενορία Αγίου Νικολάου', 'Φούρνος της γειτονιάς', 'Κουτί δωρεών', 'Οικογένεια Παπαδόπουλου'],
    members: 'Συνδρομές μελών του συλλόγου',
  },
};

const NOTES: Record<Language, Record<'power' | 'heat' | 'water' | 'phone' | 'paper' | 'toner' | 'cleaning' | 'fuel' | 'bus' | 'donation' | 'fees' | 'transfer', string>> = {
  ru: {
    power: 'Электроэнергия за {m}',
    heat: 'Отопление за {m}',
    water: 'Вода за {m}',
    phone: 'Телефон и интернет за {m}',
    paper: 'Бумага А4, 5 пачек',
    toner: 'Картридж для принтера',
    cleaning: 'Моющие средства, мешки',
    fuel: 'Бензин для поездок волонтёров',
    bus: 'Проезд на занятия в Пермь',
    donation: 'Пожертвование',
    fees: 'Членские взносы за {m}',
    transfer: 'Сдали наличные в банк',
  },
  en: {
    power: 'Electricity, {m}',
    heat: 'Heating, {m}',
    water: 'Water, {m}',
    phone: 'Telephone and internet, {m}',
    paper: 'A4 paper, 5 reams',
    toner: 'Printer cartridge',
    cleaning: 'Cleaning supplies',
    fuel: 'Petrol for volunteer trips',
    bus: 'Bus fares to a class in town',
    donation: 'Donation',
    fees: 'Membership fees, {m}',
    transfer: 'Cash paid into the bank',
  },
  uk: {
    power: 'Електроенергія за {m}',
    heat: 'Опалення за {m}',
    water: 'Вода за {m}',
    phone: 'Телефон та інтернет за {m}',
    paper: 'Папір А4, 5 пачок',
    toner: 'Картридж для принтера',
    cleaning: 'Миючі засоби, пакети',
    fuel: 'Бензин для поїздок волонтерів',
    bus: 'Проїзд на заняття до міста',
    donation: 'Пожертва',
    fees: 'Членські внески за {m}',
    transfer: 'Здали готівку в банк',
  },
  pl: {
    power: 'Energia elektryczna, {m}',
    heat: 'Ogrzewanie, {m}',
    water: 'Woda, {m}',
    phone: 'Telefon i internet, {m}',
    paper: 'Papier A4, 5 ryz',
    toner: 'Toner do drukarki',
    cleaning: 'Środki czystości',
    fuel: 'Paliwo na wyjazdy wolontariuszy',
    bus: 'Bilety na zajęcia w mieście',
    donation: 'Darowizna',
    fees: 'Składki członkowskie, {m}',
    transfer: 'Wpłata gotówki do banku',
  },
  el: {
    power: 'Ρεύμα, {m}',
    heat: 'Θέρμανση, {m}',
    water: 'Νερό, {m}',
    phone: 'Τηλέφωνο και ίντερνετ, {m}',
    paper: 'Χαρτί Α4, 5 δεσμίδες',
    toner: 'Μελάνι εκτυπωτή',
    cleaning: 'Είδη καθαρισμού',
    fuel: 'Βενζίνη για τις διαδρομές των εθελοντών',
    bus: 'Εισιτήρια για μάθημα στην πόλη',
    donation: 'Δωρεά',
    fees: 'Συνδρομές μελών, {m}',
    transfer: 'Κατάθεση μετρητών στην τράπεζα',
  },
};

/** A chemist's receipt, a grocery receipt, and the note of a corrected bill. */
const ADVANCE_NOTES: Record<Language, [string, string, string]> = {
  en: ['Chemist, receipt', 'Groceries, receipt', 'Wrong amount, entered again'],
  ru: ['Аптека «Вита», чек', 'Продукты, чек', 'Ошибка в сумме, внесено заново'],
  uk: ['Аптека «Подорожник», чек', 'Продукти, чек', 'Помилка в сумі, внесено знову'],
  pl: ['Apteka, paragon', 'Zakupy spożywcze, paragon', 'Błędna kwota, wpisano ponownie'],
  el: ['Φαρμακείο, απόδειξη', 'Τρόφιμα, απόδειξη', 'Λάθος ποσό, καταχωρίστηκε ξανά'],
};

interface DemoEvent {
  date: string;
  minute: number;
  run: () => Promise<unknown>;
}

/**
 * Six months of a small village centre's cash book (figures in the spirit of the Sylva report):
 * opening balances, monthly utilities, paper and toner, fuel and bus fares, donations and
 * membership fees, cash paid into the bank, and most volunteer advances reimbursed a few days
 * after the task. Amounts are written in roubles and scaled to the centre's currency.
 */
export async function demoCashbook(ctx: DemoContext): Promise<void> {
  const { deps, backdated, setTime, actor, today } = ctx;
  const settings = await readSettings(deps.db);
  if (!settings) return;
  await ensureDefaultAccounts(deps.db, deps.clock.now());
  const rng = mulberry32(ctx.seed);
  const int = (min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
  const scale = PER_RUB[settings.currency] ?? 1;
  /** Roubles (possibly with kopecks) to minor units of the centre's currency, rounded to whole units for UAH/PLN/EUR. */
  const money = (rub: number) => {
    const units = rub * scale;
    return scale === 1 ? Math.round(units * 100) : Math.max(1, Math.round(units)) * 100;
  };
  // Counterparties and notes in the centre's language.
  const words = COUNTERPARTIES[settings.language];
  const notes = NOTES[settings.language];
  const monthName = (date: string) =>
    new Intl.DateTimeFormat(LOCALE_OF[settings.language], { month: 'long', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`));

  const service = cashbookService(backdated);
  const accounts = (await service.accounts.list(false)).filter((a) => a.currency === settings.currency);
  const cash = accounts.find((a) => a.kind === 'cash');
  const bank = accounts.find((a) => a.kind === 'bank');
  if (!cash || !bank) return;
  const categories = await service.categories(false);
  const cat = (code: string) => categories.find((c) => c.code === code)?.id ?? 0;

  const start = addDays(today, -ctx.windowDays);
  const at = (date: string, minute: number) => Date.parse(`${date}T00:00:00Z`) + minute * 60_000;
  setTime(at(start, 9 * 60), start);
  await service.accounts.update(cash.id, { name: cash.name, kind: 'cash', currency: settings.currency, openingBalanceMinor: money(14_350), openingDate: start });
  await service.accounts.update(bank.id, { name: bank.name, kind: 'bank', currency: settings.currency, openingBalanceMinor: money(126_800), openingDate: start });

  const events: DemoEvent[] = [];
  const entry = (date: string, type: 'income' | 'expense', account: number, rub: number, category: string, counterparty: string, note: string, documentNo = '') =>
    events.push({
      date,
      minute: int(10 * 60, 16 * 60),
      run: () =>
        service.post(
          entryInputSchema.parse({ type, date, accountId: account, amountMinor: money(rub), categoryId: cat(category), counterparty, note, documentNo }),
          actor,
        ),
    });

  // Month by month over the window: bills in the first days of the month, purchases and trips during it.
  for (let d = start; d < today; d = addDays(d, 1)) {
    const day = Number(d.slice(8, 10));
    const month = Number(d.slice(5, 7));
    const winter = month >= 10 || month <= 4;
    const previousMonth = monthName(addDays(d, -day));
    if (day === 5) {
      entry(d, 'expense', bank.id, int(2_100, 3_400) + (winter ? 900 : 0), 'utilities', words.power, notes.power.replace('{m}', previousMonth), `${int(10_000, 99_999)}`);
      if (winter) entry(d, 'expense', bank.id, int(4_200, 6_800), 'utilities', words.heat, notes.heat.replace('{m}', previousMonth), `${int(10_000, 99_999)}`);
      entry(d, 'expense', bank.id, int(380, 620), 'utilities', words.water, notes.water.replace('{m}', previousMonth));
      entry(d, 'expense', bank.id, 850, 'utilities', words.phone, notes.phone.replace('{m}', previousMonth));
    }
    if (day === 12 || (day === 26 && rng() < 0.5)) entry(d, 'expense', cash.id, int(1_150, 1_900), 'supplies', words.shop, notes.paper, `${int(100, 999)}`);
    if (day === 19 && rng() < 0.5) entry(d, 'expense', cash.id, int(1_400, 2_600), 'supplies', words.shop, notes.toner, `${int(100, 999)}`);
    if (day === 8 && rng() < 0.6) entry(d, 'expense', cash.id, int(600, 1_200), 'supplies', words.hardware, notes.cleaning);
    if (isoWeekday(d) === 5 && rng() < 0.55) entry(d, 'expense', cash.id, int(900, 1_800), 'transport', words.fuel, notes.fuel, `${int(1_000, 9_999)}`);
    if (day === 16 && rng() < 0.5) entry(d, 'expense', cash.id, int(340, 780), 'transport', words.bus, notes.bus);
    if (isoWeekday(d) === 7 && rng() < 0.6) entry(d, 'income', cash.id, int(5, 40) * 100, 'donations', words.donors[int(0, words.donors.length - 1)] ?? '', notes.donation);
    if (day === 20 && rng() < 0.7) entry(d, 'income', bank.id, int(3, 12) * 1_000, 'donations', words.donors[int(0, 1)] ?? '', notes.donation);
    if (day === 3) entry(d, 'income', cash.id, int(8, 14) * 150, 'membershipFees', words.members, notes.fees.replace('{m}', previousMonth));
    // Cash paid into the bank every other month (the box also pays rent and reimbursements).
    if (day === 25 && month % 2 === 0) {
      const rub = int(3, 5) * 1_000;
      events.push({
        date: d,
        minute: 15 * 60,
        run: () => service.transfer(transferInputSchema.parse({ date: d, fromAccountId: cash.id, toAccountId: bank.id, amountMinor: money(rub), note: notes.transfer }), actor),
      });
    }
  }

  // Medicine runs where the volunteer paid at the chemist's (when the coordination demo recorded none).
  if ((await deps.db.selectFrom('volunteer_advances').select('id').limit(1).execute()).length === 0) {
    const runs = await deps.db
      .selectFrom('tasks')
      .innerJoin('service_kinds', 'service_kinds.id', 'tasks.kind_id')
      .innerJoin('task_volunteers', 'task_volunteers.task_id', 'tasks.id')
      .select(['tasks.id', 'tasks.done_on', 'task_volunteers.volunteer_id', 'service_kinds.code'])
      .where('tasks.status', '=', 'done')
      .where('service_kinds.code', 'in', ['medicinePurchase', 'groceries'])
      .where('tasks.done_on', 'is not', null)
      .orderBy('tasks.done_on')
      .orderBy('tasks.id')
      .execute();
    const seen = new Set<number>();
    for (const r of runs) {
      if (seen.has(r.id) || r.done_on === null || rng() > (r.code === 'medicinePurchase' ? 0.25 : 0.06)) continue;
      seen.add(r.id);
      const rub = r.code === 'medicinePurchase' ? int(240, 980) + int(0, 99) / 100 : int(300, 800);
      const note = ADVANCE_NOTES[settings.language][r.code === 'medicinePurchase' ? 0 : 1];
      setTime(at(r.done_on, 17 * 60), r.done_on);
      await insertAdvance(deps.db, { taskId: r.id, volunteerId: r.volunteer_id, amountMinor: money(rub), currency: settings.currency, note }, actor.id, new Date(at(r.done_on, 17 * 60)).toISOString());
    }
  }

  // Volunteers' advances: most are paid back from the cash box a few days after the task.
  const advances = await service.pendingAdvances();
  const newest = advances.reduce<string>((max, a) => (a.date > max ? a.date : max), '');
  for (const a of advances) {
    if (a.currency !== settings.currency || a.date === newest) continue;
    // The last fortnight's are still waiting, some of them; older ones were all paid back.
    const paidOn = addDays(a.date, int(1, 6));
    if (paidOn >= today || (a.date >= addDays(today, -14) && rng() < 0.5)) continue;
    events.push({ date: paidOn, minute: int(11 * 60, 17 * 60), run: () => service.settleAdvance({ id: a.id, accountId: cash.id, date: paidOn }, actor) });
  }

  events.sort((x, y) => (x.date === y.date ? x.minute - y.minute : x.date < y.date ? -1 : 1));
  for (const e of events) {
    setTime(at(e.date, e.minute), e.date);
    await e.run();
  }
  // A mistyped bill corrected by a reversal, as treasurers do.
  const last = await service.list({ accountId: bank.id, text: '', limit: 50 });
  const bill = last.entries.find((e) => e.source === 'manual' && e.categoryCode === 'utilities');
  if (bill) {
    const fixDay = addDays(bill.date, 1) < today ? addDays(bill.date, 1) : bill.date;
    setTime(at(fixDay, 10 * 60), fixDay);
    await service.reverse({ id: bill.id, date: fixDay, note: ADVANCE_NOTES[settings.language][2] }, actor);
    await service.post(
      entryInputSchema.parse({
        type: 'expense',
        date: fixDay,
        accountId: bank.id,
        amountMinor: Math.abs(bill.amountMinor) - money(100),
        categoryId: cat('utilities'),
        counterparty: bill.counterparty,
        note: bill.note,
        documentNo: bill.documentNo,
      }),
      actor,
    );
  }
}
