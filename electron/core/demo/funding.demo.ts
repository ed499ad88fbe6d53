import type { DemoContext } from './demo-context';
import { addDays, addMonths, monthRange } from '../../../shared/domain/dates';
import { mulberry32 } from '../random';
import { readSettings } from '../features/settings/settings.service';
import { categoryIdByCode, postEntry } from '../features/cashbook/ledger';
import { grantsService } from '../features/grants/grants.service';
import { generateRentCharges, rentService } from '../features/grants/rent.service';
import { inTransaction } from '../db/transaction';

/** Demo figures are written in roubles (as in the Sylva report) and scaled to the centre's currency. */
const PER_RUB: Record<string, number> = { RUB: 1, UAH: 0.4, PLN: 0.04, EUR: 0.01 };

const WORDS = {
  ru: {
    landlord: 'ИП Соколова Н. Г.',
    premises: 'Помещение центра, ул. Ленина, 12',
    leaseNote: 'Рыночная цена 25 000 ₽, собственник берёт с фонда 5 000 ₽',
    funder: 'Фонд президентских грантов',
    title: 'Тёплый дом: адресная помощь одиноким пожилым жителям Сылвы',
    lines: ['Оплата труда куратора', 'Транспорт и ГСМ', 'Расходные материалы'],
    tranche: ['Первый транш', 'Второй транш', 'Третий транш'],
    curator: 'Куратор центра',
    curatorNote: 'Зарплата куратора за {m}',
    fuel: 'АЗС «Лукойл»',
    fuelNote: 'Бензин для поездок к подопечным',
    shop: 'Хозмаг «Всё для дома»',
    supplies: 'Бумага, картриджи, хозтовары',
    goods: [
      ['Магазин «Уют»', 'Продуктовые наборы для одиноких пожилых, 10 шт.'],
      ['Семья Мельниковых', 'Дрова, 2 куб. м'],
      ['Сельский ДК', 'Зал для мастер-класса на вечер'],
    ],
  },
  pl: {
    landlord: 'Parafia św. Antoniego w Jedliczu (wynajmujący)',
    premises: 'Lokal centrum, ul. Kościuszki 12, Jedlicze',
    leaseNote: 'Czynsz rynkowy 1000 zł, wynajmujący bierze od stowarzyszenia 200 zł',
    funder: 'Narodowy Instytut Wolności — program NOWEFIO',
    title: 'Ciepły dom: wsparcie samotnych seniorów gminy Jedlicze',
    lines: ['Wynagrodzenie koordynatora', 'Transport i paliwo', 'Materiały eksploatacyjne'],
    tranche: ['Pierwsza transza', 'Druga transza', 'Trzecia transza'],
    curator: 'Koordynator centrum',
    curatorNote: 'Wynagrodzenie koordynatora za {m}',
    fuel: 'Stacja paliw Orlen',
    fuelNote: 'Paliwo na dojazdy do podopiecznych',
    shop: 'Sklep „Wszystko dla domu”',
    supplies: 'Papier, tusze, środki czystości',
    goods: [
      ['Sklep „Groszek”', 'Paczki żywnościowe dla samotnych seniorów, 10 szt.'],
      ['Rodzina Nowaków', 'Drewno opałowe, 2 m³'],
      ['Gminny Ośrodek Kultury', 'Sala na warsztaty, jeden wieczór'],
    ],
  },
  el: {
    landlord: 'Ιερός Ναός Αγίου Νικολάου Κερατσινίου (εκμισθωτής)',
    premises: 'Χώρος του κέντρου, Οδός Θερμοπυλών 12, Κερατσίνι',
    leaseNote: 'Αγοραία τιμή 250 €, ο ιδιοκτήτης χρεώνει στον σύλλογο 50 €',
    funder: 'Ίδρυμα Σταύρος Νιάρχος',
    title: 'Ζεστό σπίτι: στήριξη μοναχικών ηλικιωμένων του Κερατσινίου',
    lines: ['Αμοιβή συντονίστριας', 'Μετακινήσεις και καύσιμα', 'Αναλώσιμα'],
    tranche: ['Πρώτη δόση', 'Δεύτερη δόση', 'Τρίτη δόση'],
    curator: 'Συντονίστρια του κέντρου',
    curatorNote: 'Αμοιβή συντονίστριας για {m}',
    fuel: 'Πρατήριο καυσίμων',
    fuelNote: 'Βενζίνη για επισκέψεις στους ωφελούμενους',
    shop: 'Κατάστημα οικιακών ειδών',
    supplies: 'Χαρτί, μελάνια, είδη καθαριότητας',
    goods: [
      ['Σούπερ μάρκετ της γειτονιάς', 'Δέματα τροφίμων για μοναχικούς ηλικιωμένους, 10 τεμ.'],
      ['Οικογένεια Παπαδοπούλου', 'Καυσόξυλα, 2 κυβικά'],
      ['Πολιτιστικός Σύλλογος', 'Αίθουσα για εργαστήριο, ένα βράδυ'],
    ],
  },
  uk: {
    landlord: 'ФОП Соколенко Н. Г.',
    premises: 'Приміщення центру, вул. Шевченка, 12',
    leaseNote: 'Ринкова ціна 10 000 грн, власник бере з фонду 2 000 грн',
    funder: 'Український культурний фонд',
    title: 'Теплий дім: адресна допомога самотнім літнім мешканцям Решетилівської громади',
    lines: ['Оплата праці координаторки', 'Транспорт і ПММ', 'Витратні матеріали'],
    tranche: ['Перший транш', 'Другий транш', 'Третій транш'],
    curator: 'Координаторка центру',
    curatorNote: 'Зарплата координаторки за {m}',
    fuel: 'АЗС «ОККО»',
    fuelNote: 'Пальне для поїздок до підопічних',
    shop: 'Господарський магазин «Все для дому»',
    supplies: 'Папір, картриджі, господарські товари',
    goods: [
      ['Магазин «Затишок»', 'Продуктові набори для самотніх літніх, 10 шт.'],
      ['Родина Мельників', 'Дрова, 2 куб. м'],
      ['Будинок культури', 'Зала для майстер-класу на вечір'],
    ],
  },
  en: {
    landlord: 'N. Sokolova (landlord)',
    premises: 'Centre premises, 12 Main Street',
    leaseNote: 'Market rent 25,000 RUB; the owner charges the foundation 5,000',
    funder: 'Presidential Grants Fund',
    title: 'Warm Home: help for lonely elderly people of Sylva',
    lines: ["Curator's pay", 'Transport and fuel', 'Supplies'],
    tranche: ['First tranche', 'Second tranche', 'Third tranche'],
    curator: 'Centre curator',
    curatorNote: "Curator's pay, {m}",
    fuel: 'Petrol station',
    fuelNote: 'Petrol for visits to residents',
    shop: 'Hardware shop',
    supplies: 'Paper, cartridges, cleaning supplies',
    goods: [
      ['Local grocery', 'Food parcels for lonely elderly people, 10'],
      ['A local family', 'Firewood, 2 cubic metres'],
      ['Village hall', 'Hall for a master class, one evening'],
    ],
  },
};

/**
 * The funding side of the Sylva centre: the lease (market rent 25,000 RUB, the centre pays 5,000,
 * due on the 5th, paid every month but the current one, each month's discount an in-kind row), a
 * presidential grant that pays the curator with three budget lines, two tranches received and one
 * expected, expenses on its lines, a few donated goods, and the value of a volunteer hour.
 */
export async function demoFunding(ctx: DemoContext): Promise<void> {
  const { deps, backdated, setTime, actor, today } = ctx;
  const settings = await readSettings(deps.db);
  if (!settings) return;
  const rng = mulberry32(ctx.seed);
  const int = (min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
  const scale = PER_RUB[settings.currency] ?? 1;
  const money = (rub: number) => (scale === 1 ? Math.round(rub * 100) : Math.max(1, Math.round(rub * scale)) * 100);
  const words = settings.language === 'ru' ? WORDS.ru : settings.language === 'pl' ? WORDS.pl : settings.language === 'el' ? WORDS.el : settings.language === 'uk' ? WORDS.uk : WORDS.en;
  const monthName = (date: string) =>
    new Intl.DateTimeFormat(['ru', 'uk', 'pl', 'el'].includes(settings.language) ? settings.language : 'en-GB', { month: 'long', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`));

  const accounts = await deps.db.selectFrom('cash_accounts').select(['id', 'kind']).where('currency', '=', settings.currency).where('archived_at', 'is', null).orderBy('sort_order').execute();
  const cash = accounts.find((a) => a.kind === 'cash');
  const bank = accounts.find((a) => a.kind === 'bank');
  if (!cash || !bank) return;
  const at = (date: string, minute: number) => Date.parse(`${date}T00:00:00Z`) + minute * 60_000;
  const start = addDays(today, -ctx.windowDays);
  const startMonth = start.slice(0, 7);
  const rent = rentService(backdated);
  const grants = grantsService(backdated);

  // The hour of a volunteer, valued at about the regional minimum wage per hour.
  await rent.setRate(money(250));

  // The lease, from the first month of the demo window; each month's rent paid a few days before it is due.
  setTime(at(`${startMonth}-01`, 10 * 60), `${startMonth}-01`);
  await rent.createLease(
    { landlord: words.landlord, premises: words.premises, marketRentMinor: money(25_000), paidRentMinor: money(5_000), dueDay: 5, startsOn: `${startMonth}-01`, endsOn: null, accountId: bank.id, note: words.leaseNote },
    actor,
  );
  const currentMonth = today.slice(0, 7);
  for (const month of monthRange(startMonth, addMonths(currentMonth, -1))) {
    const day = `${month}-0${int(2, 5)}`;
    setTime(at(day, int(10 * 60, 15 * 60)), day);
    await generateRentCharges(deps.db, day, new Date(at(day, 9 * 60)).toISOString());
    const charge = await deps.db.selectFrom('rent_charges').select('id').where('month_key', '=', month).where('entry_id', 'is', null).executeTakeFirst();
    if (charge) await rent.pay({ chargeId: charge.id, date: day }, actor);
  }
  await generateRentCharges(deps.db, today, new Date(ctx.now).toISOString());

  // The grant: from the first month of the window to three months from now.
  const grantStart = `${startMonth}-01`;
  const endMonth = addMonths(currentMonth, 3);
  const grantEnd = addDays(`${addMonths(endMonth, 1)}-01`, -1);
  const months = monthRange(grantStart.slice(0, 7), endMonth).length;
  const pay = 30_000;
  const plan = [pay * months, 4_000 * months, 2_000 * months];
  const total = plan.reduce((s, x) => s + x, 0);
  setTime(at(start, 11 * 60), start);
  const grant = await grants.create(
    {
      grant: { funder: words.funder, title: words.title, startsOn: grantStart, endsOn: grantEnd, currency: settings.currency, amountMinor: money(total), note: '' },
      lines: words.lines.map((name, i) => ({ name, plannedMinor: money(plan[i] ?? 0) })),
    },
    actor,
  );
  const [curatorLine, fuelLine, suppliesLine] = grant.lines;
  if (!curatorLine || !fuelLine || !suppliesLine) return;
  const firstTranche = Math.round(total * 0.5);
  const secondTranche = Math.round(total * 0.3);
  const trancheDates = [start, addDays(start, 90), addDays(grantEnd, -45)];
  const trancheAmounts = [firstTranche, secondTranche, total - firstTranche - secondTranche];
  for (let i = 0; i < 3; i++) {
    await grants.addTranche({ grantId: grant.id, expectedOn: trancheDates[i] ?? start, amountMinor: money(trancheAmounts[i] ?? 0), note: words.tranche[i] ?? '' });
  }
  const view = await grants.get(grant.id);
  for (const [i, tr] of view.tranches.slice(0, 2).entries()) {
    const day = addDays(tr.expectedOn, i === 0 ? 0 : 3);
    if (day >= today) continue;
    setTime(at(day, 12 * 60), day);
    await grants.receiveTranche({ id: tr.id, accountId: bank.id, date: day }, actor);
  }

  // Expenses on the grant's lines, month by month over the window.
  const categories = {
    salaries: await categoryIdByCode(deps.db, 'salaries'),
    transport: await categoryIdByCode(deps.db, 'transport'),
    supplies: await categoryIdByCode(deps.db, 'supplies'),
  };
  const post = async (date: string, accountId: number, rub: number, categoryId: number, lineId: number, counterparty: string, note: string) => {
    if (date >= today) return;
    setTime(at(date, int(10 * 60, 16 * 60)), date);
    await inTransaction(backdated.db, (trx) =>
      postEntry(
        trx,
        { accountId, date, amountMinor: -money(rub), categoryId, source: 'manual', counterparty, note, grantId: grant.id, budgetLineId: lineId },
        actor,
        backdated.clock.now().toISOString(),
      ),
    );
  };
  for (const month of monthRange(startMonth, currentMonth)) {
    await post(`${month}-25`, bank.id, pay, categories.salaries, curatorLine.id, words.curator, words.curatorNote.replace('{m}', monthName(`${month}-15`)));
    await post(`${month}-${String(int(8, 14)).padStart(2, '0')}`, cash.id, int(25, 45) * 100, categories.transport, fuelLine.id, words.fuel, words.fuelNote);
    if (rng() < 0.6) await post(`${month}-${String(int(15, 22))}`, cash.id, int(8, 25) * 100, categories.supplies, suppliesLine.id, words.shop, words.supplies);
  }

  // A few donated goods and services (in-kind, never cash).
  for (const [i, [donor, description]] of words.goods.entries()) {
    const day = addDays(start, 30 + i * 45 + int(0, 10));
    if (day >= today) continue;
    setTime(at(day, 13 * 60), day);
    await rent.createInKind({ date: day, kind: i === 2 ? 'services' : 'goods', donor: donor ?? '', description: description ?? '', valueMinor: money([4_500, 6_000, 3_000][i] ?? 1_000), grantId: i === 0 ? grant.id : null }, actor);
  }
}
