/**
 * The Sylva seed (../shared/seeds/004_037432f972e7df2c.txt) as data: the six months of the
 * "Центр социальной и информационной помощи жителям Сылвы" (01.11.2023–01.05.2024) recorded
 * through the contract, day by day, the way its front desk and its curator would have recorded
 * them: the test clock is moved to each day that has work, and that work is done by the user who
 * does it (the front desk, the curator, the foundation's chairwoman as the admin).
 *
 * Its report says: 12 events, 50 volunteers (20 of them regular) and 5 specialists, 22 people in
 * master classes and consultations, 100 beneficiaries, 15 lonely elderly people under regular care.
 * The tables below are written so that a reader can count those figures by hand:
 *
 * Residents (r1…r100, every one reached in the period, each in exactly one group):
 * - r1–r15: lonely elderly under regular care (a check-in every 14 days, on the snow list); a
 *   regular volunteer (v1–v15) visits each one every two weeks from the first fortnight of
 *   November 2023 (a check-in plan); the curator records the week's visits every Monday.
 * - r16–r33: pensioners who come to master classes and consultation days; with r12–r15 (under care
 *   and coming too) they are the 22 people of the master classes and consultations.
 * - r34–r95: 62 residents who walked in with requests (documents, forms, firewood, medicines…),
 *   some twice; r95 on the period's last day, 01.05.2024. r34–r45 are families in difficulty,
 *   each registered as a household with its children the first time they came: eleven
 *   households, as r42 and r43 are husband and wife.
 * - r96–r100: reached only by coming (named) to the New Year evening or the meeting on fraud.
 *
 * Volunteers (v1…v50, each with at least one done task in the period):
 * - v1–v20 regular: v1–v15 the check-ins, v16–v20 the walk-ins' firewood, medicines…
 * - v21–v45 occasional: the three snow days.
 * - v46–v50 the specialists (psychologist, lawyer, social worker, doctor, teacher), occasional
 *   volunteers with a specialty: a home consultation or visit each, and they lead the
 *   consultation days and master classes. Hearth keeps a specialist as a volunteer with a
 *   specialty, so the seed's "50 volunteers … and 5 specialists" is read as 5 of the 50 (the
 *   report's `specialists` counts involved volunteers who are specialists).
 *
 * Events (12 in the period): six master classes, three consultation days, the New Year evening
 * (a campaign, with schoolchildren and guests counted without names), a meeting of the partners
 * and an awareness meeting on telephone fraud (with people counted without names). The 22 are
 * the people behind the master classes' number and the consultation days' number together
 * (18 and 10, six of them at both).
 *
 * Noise that must not count (see `noise` in the answer): a request cancelled (r50's application
 * to type, which her grandson typed), requests after the period (r37's firewood and a newcomer's
 * printing on 02–03.05.2024), a volunteer who joined in April and did their first task on
 * 03.05.2024, a volunteer whose only task was not done (ill; the task went to another volunteer),
 * a resident who registered for a master class and did not come (no-show), a master class on
 * 02.05.2024 with a newcomer who came only to it, and a lonely elderly woman taken under regular
 * care on 03.05.2024. On 03.05.2024 r88 also has her record erased at her request: she stays one
 * of the 100.
 */
import type { CallInput, CallName, CallOutput } from '../../../../shared/api/contract';
import type { Actor } from '../../context';
import type { TestCore } from '../../testing/test-core';
import { addDays } from '../../../../shared/domain/dates';
import type { Situation } from '../../../../shared/domain/residents';
import type { Specialist } from '../../../../shared/domain/volunteers';
import type { EventKind } from '../../../../shared/domain/events';

export const SYLVA_PERIOD = { from: '2023-11-01', to: '2024-05-01' } as const;
/** The day the report is made: after the period, when the May noise has been recorded. */
export const SYLVA_REPORT_DAY = '2024-05-03';

type Day = string;

/** Work done on a day, by whom, in the order it was done. */
class Diary {
  private readonly days = new Map<Day, Array<() => Promise<void>>>();
  private current: Day | null = null;

  at(day: Day, work: () => Promise<void>): void {
    if (this.current !== null && day < this.current) throw new Error(`Cannot record ${day} on ${this.current}`);
    const list = this.days.get(day) ?? [];
    list.push(work);
    this.days.set(day, list);
  }

  async run(t: TestCore): Promise<void> {
    for (;;) {
      const next = [...this.days.keys()].filter((d) => this.current === null || d > this.current).sort()[0];
      if (next === undefined) return;
      this.current = next;
      t.clock.set(`${next}T08:00:00.000Z`);
      const list = this.days.get(next)!;
      // Work of the day may add more work to the same day (done after it).
      for (let i = 0; i < list.length; i++) {
        // A minute apart from 08:00, in order (never past 23:59).
        const minute = Math.min(8 * 60 + i, 24 * 60 - 1);
        t.clock.set(`${next}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`);
        await list[i]!();
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// People: names and situations (deterministic; the test needs no name, only the ids)

const WOMEN = ['Анна', 'Мария', 'Валентина', 'Галина', 'Нина', 'Людмила', 'Тамара', 'Зинаида', 'Раиса', 'Вера', 'Надежда', 'Любовь', 'Антонина', 'Клавдия', 'Екатерина', 'Ольга', 'Светлана', 'Татьяна'];
const MEN = ['Иван', 'Пётр', 'Николай', 'Василий', 'Михаил', 'Алексей', 'Виктор', 'Геннадий', 'Юрий', 'Владимир', 'Сергей', 'Анатолий'];
const PATRONYMICS_W = ['Ивановна', 'Петровна', 'Николаевна', 'Васильевна', 'Михайловна', 'Алексеевна', 'Викторовна', 'Фёдоровна'];
const PATRONYMICS_M = ['Иванович', 'Петрович', 'Николаевич', 'Васильевич', 'Михайлович', 'Алексеевич', 'Викторович', 'Фёдорович'];
const SURNAMES = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров', 'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев', 'Орлов', 'Андреев', 'Макаров', 'Никитин', 'Захаров', 'Зайцев', 'Соловьёв', 'Борисов', 'Яковлев', 'Григорьев', 'Романов', 'Воробьёв', 'Сергеев', 'Кузьмин', 'Фролов', 'Александров', 'Дмитриев', 'Королёв', 'Гусев', 'Киселёв', 'Ильин', 'Максимов', 'Поляков', 'Сорокин', 'Виноградов', 'Ковалёв', 'Белов', 'Медведев', 'Антонов', 'Тарасов', 'Жуков', 'Баранов'];

/** The n-th person's name (n from 1): two women for every man, as at the centre. */
function personName(n: number, offset: number): { lastName: string; firstName: string; patronymic: string } {
  const k = n + offset;
  const surname = SURNAMES[k % SURNAMES.length]!;
  if (k % 3 === 2) return { lastName: surname, firstName: MEN[k % MEN.length]!, patronymic: PATRONYMICS_M[(k * 5) % PATRONYMICS_M.length]! };
  return { lastName: `${surname}а`, firstName: WOMEN[k % WOMEN.length]!, patronymic: PATRONYMICS_W[(k * 3) % PATRONYMICS_W.length]! };
}

const STREETS = ['Ленина', 'Заводская', 'Набережная', 'Школьная', 'Мира', 'Садовая', 'Уральская', 'Лесная'];

interface ResidentPlan {
  birthYear: number;
  situations: Situation[];
  householdSize: number;
  regularCare?: boolean;
  settlement?: string;
}

/** Erased for privacy after the period, at her request. */
const ERASED = 88;

/** r42 and r43 are a married couple with one child: one household, one family served. */
const FAMILY_SPOUSE = { head: 42, spouse: 43 } as const;

/** Who r1…r100 (and the noise residents) are: lonely elderly, pensioners, families in difficulty, people with disabilities. */
function residentPlan(n: number): ResidentPlan {
  if (n === 104) return { birthYear: 1939, situations: ['livesAlone', 'pensioner'], householdSize: 1, regularCare: true };
  if (n <= 15) return { birthYear: 1932 + n, situations: n % 4 === 0 ? ['livesAlone', 'pensioner', 'disability'] : ['livesAlone', 'pensioner'], householdSize: 1, regularCare: true };
  if (n <= 33) return { birthYear: 1944 + (n % 12), situations: n % 5 === 0 ? ['pensioner', 'disability'] : ['pensioner'], householdSize: 1 + (n % 2) };
  if (n === FAMILY_SPOUSE.spouse) return { ...residentPlan(FAMILY_SPOUSE.head), birthYear: 1986 };
  if (n <= 45) return { birthYear: 1981 + (n % 12), situations: ['familyInDifficulty'], householdSize: 3 + (n % 3), settlement: n % 4 === 0 ? 'Сарга' : 'Сылва' };
  if (n <= 52) return { birthYear: 1960 + n % 20, situations: ['disability'], householdSize: 2 };
  return { birthYear: 1940 + (n % 25), situations: n % 3 === 0 ? ['livesAlone', 'pensioner'] : ['pensioner'], householdSize: 1 + (n % 2) };
}

// ---------------------------------------------------------------------------------------------
// The six months, as tables

type DeskKind = 'printing' | 'copies' | 'lamination' | 'documentPhotos' | 'formTyping' | 'formsHelp' | 'onlineServices';
type VolunteerKind = 'firewood' | 'snowClearing' | 'medicinePurchase' | 'groceries' | 'transportDoctor' | 'householdRepairs' | 'waterCarrying';

/**
 * Requests at the front desk: [day, resident, kind, volunteers]. A desk service is given there and
 * then (the request is marked done); a volunteer kind becomes a task the next day, done by the
 * listed volunteers.
 */
type Walk = readonly [Day, number, DeskKind] | readonly [Day, number, VolunteerKind, readonly number[]];

export const WALK_INS: readonly Walk[] = [
  // November 2023: the sign goes up, residents come in.
  ['2023-11-02', 34, 'printing'],
  ['2023-11-03', 35, 'copies'],
  ['2023-11-07', 36, 'formsHelp'],
  ['2023-11-08', 37, 'firewood', [16, 17]],
  ['2023-11-09', 3, 'firewood', [16, 17]],
  ['2023-11-10', 38, 'onlineServices'],
  ['2023-11-14', 39, 'medicinePurchase', [18]],
  ['2023-11-16', 40, 'printing'],
  ['2023-11-21', 41, 'documentPhotos'],
  ['2023-11-23', 42, 'groceries', [19]],
  ['2023-11-28', 43, 'formTyping'],
  // December
  ['2023-12-01', 44, 'firewood', [16, 20]],
  ['2023-12-05', 45, 'copies'],
  ['2023-12-06', 46, 'transportDoctor', [17]],
  ['2023-12-11', 47, 'printing'],
  ['2023-12-12', 48, 'waterCarrying', [18]],
  ['2023-12-14', 49, 'onlineServices'],
  ['2023-12-15', 7, 'medicinePurchase', [18]],
  ['2023-12-19', 50, 'printing'],
  ['2023-12-19', 34, 'copies'],
  ['2023-12-20', 51, 'lamination'],
  ['2023-12-22', 52, 'householdRepairs', [19]],
  // January 2024
  ['2024-01-09', 53, 'formsHelp'],
  ['2024-01-10', 54, 'firewood', [16, 17]],
  ['2024-01-11', 55, 'copies'],
  ['2024-01-15', 56, 'medicinePurchase', [20]],
  ['2024-01-16', 57, 'printing'],
  ['2024-01-17', 36, 'onlineServices'],
  ['2024-01-18', 58, 'snowClearing', [18]],
  ['2024-01-22', 20, 'printing'],
  ['2024-01-23', 59, 'documentPhotos'],
  ['2024-01-24', 60, 'onlineServices'],
  ['2024-01-26', 61, 'groceries', [19]],
  ['2024-01-30', 62, 'formTyping'],
  // February
  ['2024-02-01', 63, 'printing'],
  ['2024-02-02', 64, 'waterCarrying', [20]],
  ['2024-02-06', 65, 'copies'],
  ['2024-02-07', 66, 'formsHelp'],
  ['2024-02-08', 40, 'printing'],
  ['2024-02-09', 67, 'snowClearing', [17]],
  ['2024-02-13', 68, 'printing'],
  ['2024-02-15', 69, 'transportDoctor', [16]],
  ['2024-02-16', 70, 'lamination'],
  ['2024-02-21', 71, 'onlineServices'],
  ['2024-02-27', 72, 'medicinePurchase', [18]],
  ['2024-02-28', 25, 'copies'],
  // March
  ['2024-03-01', 73, 'printing'],
  ['2024-03-04', 74, 'copies'],
  ['2024-03-05', 75, 'formTyping'],
  ['2024-03-07', 76, 'householdRepairs', [19]],
  ['2024-03-12', 77, 'documentPhotos'],
  ['2024-03-13', 78, 'onlineServices'],
  ['2024-03-14', 44, 'firewood', [16, 17]],
  ['2024-03-15', 79, 'firewood', [16, 20]],
  ['2024-03-18', 11, 'householdRepairs', [19]],
  ['2024-03-19', 80, 'printing'],
  ['2024-03-21', 81, 'formsHelp'],
  ['2024-03-26', 82, 'groceries', [17]],
  ['2024-03-28', 83, 'copies'],
  // April
  ['2024-04-02', 84, 'printing'],
  ['2024-04-03', 85, 'onlineServices'],
  ['2024-04-04', 38, 'formsHelp'],
  ['2024-04-05', 86, 'medicinePurchase', [18]],
  ['2024-04-09', 87, 'formsHelp'],
  ['2024-04-11', 88, 'copies'],
  ['2024-04-12', 89, 'householdRepairs', [19]],
  ['2024-04-15', 30, 'onlineServices'],
  ['2024-04-16', 90, 'printing'],
  ['2024-04-18', 91, 'documentPhotos'],
  ['2024-04-19', 92, 'transportDoctor', [20]],
  ['2024-04-23', 93, 'formTyping'],
  ['2024-04-25', 94, 'lamination'],
  // The period's last day (included).
  ['2024-05-01', 95, 'printing'],
];

/** The specialists' own work: [volunteer, specialty, day, resident, kind]. */
export const SPECIALIST_VISITS: ReadonlyArray<readonly [number, Specialist, Day, number, 'legalConsultation' | 'psychConsultation' | 'formsHelp' | 'checkIn' | 'onlineServices']> = [
  [46, 'psychologist', '2024-02-07', 13, 'psychConsultation'],
  [47, 'lawyer', '2023-12-04', 20, 'legalConsultation'],
  [48, 'socialWorker', '2024-03-22', 14, 'formsHelp'],
  [49, 'doctor', '2024-01-24', 15, 'checkIn'],
  [50, 'teacher', '2024-01-19', 16, 'onlineServices'],
];

/** Snow days: every resident on the snow list (r1–r15) gets a task; volunteers by resident. */
export const SNOW_DAYS: ReadonlyArray<readonly [Day, readonly number[]]> = [
  ['2023-12-08', [21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35]],
  ['2024-01-12', [36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 21, 22, 23, 24, 25]],
  // r15's volunteer is v52 at first: ill, the task is not done and goes to v40 (see noise).
  ['2024-02-20', [26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 52]],
];

interface EventPlan {
  key: string;
  day: Day;
  kind: EventKind;
  title: string;
  /** Named residents who came: the first half registered a week before, the rest at the door. */
  came: readonly number[];
  /** Volunteers leading it, with their hours. */
  organisers: ReadonlyArray<readonly [number, number]>;
  headCounts?: { women: number; men: number; girls: number; boys: number };
  partners?: string;
  capacity?: number;
}

export const EVENTS: readonly EventPlan[] = [
  { key: 'mc1', day: '2023-11-15', kind: 'masterClass', title: 'Мастер-класс для пенсионеров: валяние из шерсти', came: [16, 17, 18, 19, 20, 21, 12], organisers: [[50, 2]], capacity: 12 },
  { key: 'cd1', day: '2023-11-29', kind: 'consultationDay', title: 'Консультация юриста: субсидии и льготы на ЖКУ', came: [20, 22, 23, 24, 13], organisers: [[47, 3]] },
  { key: 'mc2', day: '2023-12-13', kind: 'masterClass', title: 'Мастер-класс: ёлочные игрушки своими руками', came: [16, 17, 18, 25, 26, 27, 14], organisers: [[50, 2], [16, 2]], capacity: 12 },
  {
    key: 'ny',
    day: '2023-12-27',
    kind: 'campaign',
    title: 'Новогодний вечер «Связь поколений»',
    came: [96, 97, 98, 34, 35, 1],
    organisers: [[16, 4], [17, 4], [1, 3]],
    headCounts: { women: 9, men: 4, girls: 3, boys: 2 },
    partners: 'Сельский Дом культуры, Совет ветеранов',
  },
  { key: 'mc3', day: '2024-01-17', kind: 'masterClass', title: 'Компьютерная грамотность: Госуслуги с телефона', came: [19, 21, 28, 29, 30, 15], organisers: [[50, 2]], capacity: 8 },
  { key: 'cd2', day: '2024-01-31', kind: 'consultationDay', title: 'Консультация психолога: одиночество и тревога', came: [22, 31, 32, 13, 26], organisers: [[46, 3]] },
  { key: 'mc4', day: '2024-02-14', kind: 'masterClass', title: 'Мастер-класс: открытки ко Дню защитника Отечества', came: [16, 17, 25, 27, 33, 12], organisers: [[50, 2], [18, 2]], capacity: 12 },
  {
    key: 'pm',
    day: '2024-02-22',
    kind: 'partnerMeeting',
    title: 'Встреча партнёров: социальный участковый, Совет ветеранов, ДК, администрация, местные ИП',
    came: [],
    organisers: [],
    partners: 'Администрация, сельский ДК, Совет ветеранов, социальный участковый, местные ИП',
  },
  { key: 'mc5', day: '2024-03-06', kind: 'masterClass', title: 'Мастер-класс: цветы из фоамирана к 8 Марта', came: [18, 19, 23, 28, 30, 14], organisers: [[50, 2]], capacity: 12 },
  { key: 'cd3', day: '2024-03-20', kind: 'consultationDay', title: 'День консультаций: юрист и социальный работник', came: [24, 29, 31, 33, 20], organisers: [[47, 3], [48, 3]] },
  { key: 'mc6', day: '2024-04-10', kind: 'masterClass', title: 'Мастер-класс: рассада на подоконнике', came: [16, 21, 26, 32, 15], organisers: [[50, 2], [19, 2]], capacity: 12 },
  {
    key: 'fraud',
    day: '2024-04-24',
    kind: 'awarenessEvent',
    title: 'Осторожно, мошенники: встреча с социальным участковым',
    came: [99, 100, 36, 40, 2],
    organisers: [[48, 2]],
    headCounts: { women: 11, men: 5, girls: 0, boys: 0 },
    partners: 'Социальный участковый',
  },
];

/** The first day of the check-ins (a Monday); the plans are made on the Friday before. */
const CHECKINS_FROM = '2023-11-06';
/** r1…r15's first check-in: the working days of the first fortnight, in turn. */
const FIRST_CHECKIN_OFFSET = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11];
export const CHECKIN_INTERVAL_DAYS = 14;

// ---------------------------------------------------------------------------------------------

export interface SylvaRecords {
  /** r1…r100 → resident id. */
  residents: ReadonlyMap<number, number>;
  /** v1…v50 → volunteer id. */
  volunteers: ReadonlyMap<number, number>;
  events: ReadonlyMap<string, number>;
  kinds: ReadonlyMap<string, number>;
  frontDesk: Actor;
  curator: Actor;
  noise: {
    cancelledRequestId: number;
    afterPeriodRequestIds: number[];
    /** Joined in April, first task on 03.05.2024. */
    lateVolunteerId: number;
    /** Their only task (the snow day of 20.02.2024) was not done. */
    illVolunteerId: number;
    noShowResidentId: number;
    /** Came only to the master class of 02.05.2024. */
    mayResidentId: number;
    /** Walked in only on 03.05.2024. */
    afterPeriodResidentId: number;
    /** Taken under regular care on 03.05.2024. */
    lateCareResidentId: number;
    mayEventId: number;
  };
  /** r88, erased for privacy on 03.05.2024 (after her copies on 11.04.2024): still counted. */
  erasedResidentId: number;
  /** Calls made to record it all (for the log). */
  calls: number;
}

/**
 * Records the Sylva centre's six months (and the noise around them) into a fresh test core, then
 * leaves the clock on the report day (03.05.2024). The core's hashing should be the cheap test
 * cost (two staff accounts are made).
 */
export async function recordSylva(t: TestCore): Promise<SylvaRecords> {
  let calls = 0;
  const as = async <K extends CallName>(actor: Actor, name: K, input: CallInput<K>): Promise<CallOutput<K>> => {
    calls++;
    return t.value(name, input, actor);
  };

  t.clock.set('2023-10-30T08:00:00.000Z');
  const admin: Actor = { id: 1, role: 'admin' };
  await as(admin, 'setup.complete', { centreName: 'Центр социальной и информационной помощи жителям Сылвы', country: 'RU', currency: 'RUB', language: 'ru', demo: false, adminName: 'Председатель фонда' });
  const curatorUser = await as(admin, 'users.create', { name: 'Куратор центра', role: 'coordinator', language: 'ru', password: 'kurator-sylva-2023' });
  const deskUser = await as(admin, 'users.create', { name: 'Администратор центра', role: 'frontdesk', language: 'ru', password: 'priyom-sylva-2023' });
  const curator: Actor = { id: curatorUser.id, role: 'coordinator' };
  const desk: Actor = { id: deskUser.id, role: 'frontdesk' };

  const kinds = new Map<string, number>();
  for (const k of await as(curator, 'catalogue.list', {})) if (k.code !== null) kinds.set(k.code, k.id);
  const kind = (code: string): number => {
    const id = kinds.get(code);
    if (id === undefined) throw new Error(`No built-in kind ${code}`);
    return id;
  };

  // --- people, entered the first time they come
  const residents = new Map<number, number>();
  const addResident = async (n: number): Promise<number> => {
    const p = residentPlan(n);
    const data = {
      ...personName(n, 0),
      birthYear: p.birthYear,
      settlement: p.settlement ?? 'Сылва',
      street: STREETS[n % STREETS.length]!,
      house: String(1 + ((n * 7) % 60)),
      flat: p.householdSize > 2 ? String(1 + (n % 40)) : '',
      phones: [`+7 (912) ${String(100 + n).padStart(3, '0')}-${String(10 + (n % 90)).padStart(2, '0')}-${String(20 + ((n * 3) % 80)).padStart(2, '0')}`],
      situations: p.situations,
      householdSize: p.householdSize,
      regularCare: p.regularCare ?? false,
      needsSnowClearing: p.regularCare ?? false,
      checkinIntervalDays: p.regularCare ? CHECKIN_INTERVAL_DAYS : null,
      notes: '',
    };
    // A disability is health data: written once the person's consent covering health is recorded.
    const disability = p.situations.includes('disability');
    const r = await as(desk, 'residents.create', disability ? { ...data, situations: p.situations.filter((s) => s !== 'disability') } : data);
    if (disability) {
      await as(desk, 'privacy.recordConsent', { residentId: r.id, basis: 'consent', scopes: ['basic', 'health'], givenOn: t.clock.today(), note: '' });
      await as(desk, 'residents.update', { id: r.id, data });
    }
    return r.id;
  };
  // A family in difficulty is registered as a household the first time one of them comes: the
  // parent with the children (unnamed, with their birth years); r43 is r42's wife, who joins it.
  const households = new Map<number, number>();
  const registerFamily = async (n: number, residentId: number): Promise<void> => {
    if (n === FAMILY_SPOUSE.spouse) {
      await as(desk, 'households.addMember', { id: households.get(FAMILY_SPOUSE.head)!, member: { residentId, relation: 'spouse', birthYear: null }, on: t.clock.today() });
      return;
    }
    const children = residentPlan(n).householdSize - (n === FAMILY_SPOUSE.head ? 2 : 1);
    const h = await as(desk, 'households.create', {
      headResidentId: residentId,
      members: Array.from({ length: children }, (_, i) => ({ residentId: null, relation: 'child' as const, birthYear: 2008 + ((n + i * 4) % 13) })),
      on: t.clock.today(),
    });
    households.set(n, h.id);
  };
  const resident = async (n: number): Promise<number> => {
    const known = residents.get(n);
    if (known !== undefined) return known;
    const id = await addResident(n);
    residents.set(n, id);
    if (residentPlan(n).situations.includes('familyInDifficulty')) await registerFamily(n, id);
    return id;
  };

  const volunteers = new Map<number, number>();
  const addVolunteer = async (n: number, opts: { regular: boolean; specialist?: Specialist; on: Day }): Promise<number> => {
    const v = await as(curator, 'volunteers.create', {
      ...personName(n, 17),
      settlement: 'Сылва',
      phones: [`+7 (922) ${String(300 + n).padStart(3, '0')}-${String(10 + (n % 90)).padStart(2, '0')}-${String(40 + (n % 60)).padStart(2, '0')}`],
      languages: ['ru'],
      isRegular: opts.regular,
      specialist: opts.specialist ?? null,
      agreementSignedOn: opts.on,
      availability: [{ weekday: 1 + (n % 5), part: 'morning' }, { weekday: 1 + ((n + 2) % 5), part: 'afternoon' }],
    });
    volunteers.set(n, v.id);
    return v.id;
  };
  const volunteer = (n: number): number => {
    const id = volunteers.get(n);
    if (id === undefined) throw new Error(`Volunteer v${n} is not on the list yet`);
    return id;
  };

  const diary = new Diary();

  // --- before the opening: the team (the foundation did this work before), the people under care
  diary.at('2023-10-30', async () => {
    for (let n = 1; n <= 20; n++) await addVolunteer(n, { regular: true, on: '2023-10-30' });
  });
  diary.at('2023-11-01', async () => {
    for (let n = 1; n <= 15; n++) await resident(n);
  });
  diary.at('2023-11-03', async () => {
    for (let n = 1; n <= 15; n++) {
      await as(curator, 'plans.create', {
        residentId: residents.get(n)!,
        kindId: kind('checkIn'),
        rule: 'everyNDays',
        weekday: null,
        intervalDays: CHECKIN_INTERVAL_DAYS,
        seasonFromMonth: null,
        seasonToMonth: null,
        partOfDay: 'morning',
        estimatedMinutes: 40,
        volunteerId: volunteer(n),
        startsOn: addDays(CHECKINS_FROM, FIRST_CHECKIN_OFFSET[(n - 1) % FIRST_CHECKIN_OFFSET.length]!),
        endsOn: null,
        note: 'Навестить, узнать самочувствие, что нужно купить',
      });
    }
  });

  // --- every Monday the curator's week: the plans' tasks four weeks ahead, and last week's
  // check-ins recorded as done on their day (the volunteers report them by phone); on the report
  // day the days since Monday.
  const recordCheckIns = async (from: Day, to: Day) => {
    const list = await as(curator, 'tasks.list', { from, to, kindId: kind('checkIn'), statuses: ['assigned'] });
    for (const task of list.items) {
      if (task.planId === null) continue;
      await as(curator, 'tasks.complete', {
        id: task.id,
        outcome: { doneOn: task.scheduledOn, minutes: task.volunteers.map((v) => ({ volunteerId: v.volunteerId, minutes: 40 })), note: '' },
      });
    }
  };
  for (let monday = addDays(CHECKINS_FROM, 7); monday <= SYLVA_REPORT_DAY; monday = addDays(monday, 7)) {
    const m = monday;
    diary.at(m, async () => {
      await as(curator, 'plans.generate', {});
      await recordCheckIns(addDays(m, -7), addDays(m, -1));
    });
  }
  diary.at(SYLVA_REPORT_DAY, () => recordCheckIns('2024-04-29', SYLVA_REPORT_DAY));

  // --- occasional volunteers join before the winter; specialists when they are first needed
  diary.at('2023-12-04', async () => {
    for (let n = 21; n <= 35; n++) await addVolunteer(n, { regular: false, on: '2023-12-04' });
  });
  diary.at('2024-01-08', async () => {
    for (let n = 36; n <= 45; n++) await addVolunteer(n, { regular: false, on: '2024-01-08' });
  });
  diary.at('2024-02-12', async () => {
    await addVolunteer(52, { regular: false, on: '2024-02-12' });
  });
  diary.at('2023-11-08', async () => {
    await addVolunteer(50, { regular: false, specialist: 'teacher', on: '2023-11-08' });
  });
  diary.at('2023-11-20', async () => {
    await addVolunteer(47, { regular: false, specialist: 'lawyer', on: '2023-11-20' });
  });
  diary.at('2024-01-10', async () => {
    await addVolunteer(46, { regular: false, specialist: 'psychologist', on: '2024-01-10' });
    await addVolunteer(49, { regular: false, specialist: 'doctor', on: '2024-01-10' });
  });
  diary.at('2024-03-11', async () => {
    await addVolunteer(48, { regular: false, specialist: 'socialWorker', on: '2024-03-11' });
  });

  // --- the walk-ins
  for (const walk of WALK_INS) {
    const [day, n, code] = walk;
    diary.at(day, async () => {
      const residentId = await resident(n);
      const request = await as(desk, 'requests.create', { residentId, kindId: kind(code), urgency: 'normal', channel: n % 7 === 0 ? 'phone' : 'walkIn', description: '' });
      if (walk.length === 3) {
        await as(desk, 'requests.setStatus', { id: request.id, status: 'done', note: '' });
        return;
      }
      const helpers = walk[3];
      const task = await as(curator, 'tasks.create', { requestId: request.id, scheduledOn: addDays(day, 1), partOfDay: 'morning', estimatedMinutes: 90, volunteerIds: helpers.map(volunteer), note: '' });
      diary.at(addDays(day, 1), async () => {
        await as(desk, 'tasks.complete', { id: task.id, outcome: { minutes: helpers.map((v) => ({ volunteerId: volunteer(v), minutes: code === 'firewood' ? 120 : 60 })), note: '' } });
      });
    });
  }

  // --- the specialists' home visits (a task without a request: the curator arranged it)
  for (const [v, , day, n, code] of SPECIALIST_VISITS) {
    diary.at(day, async () => {
      const task = await as(curator, 'tasks.create', { requestId: null, residentId: await resident(n), kindId: kind(code), scheduledOn: day, partOfDay: 'afternoon', estimatedMinutes: 60, volunteerIds: [volunteer(v)], note: '' });
      await as(desk, 'tasks.complete', { id: task.id, outcome: { minutes: [{ volunteerId: volunteer(v), minutes: 60 }], note: '' } });
    });
  }

  // --- snow days
  let illVolunteerTask = 0;
  for (const [day, helpers] of SNOW_DAYS) {
    diary.at(day, async () => {
      const snowList = Array.from({ length: 15 }, (_, i) => residents.get(i + 1)!);
      const made = await as(curator, 'snowDay.confirm', {
        date: day,
        assignments: snowList.map((residentId, i) => ({ residentId, volunteerIds: [volunteer(helpers[i]!)] })),
        partOfDay: 'morning',
        estimatedMinutes: 90,
      });
      for (const taskId of made.taskIds) {
        const task = await as(curator, 'tasks.get', { id: taskId });
        const v = task.volunteers[0]!.volunteerId;
        if (v === volunteers.get(52)) {
          // Ill: not done; the curator gives it to v40 the same day.
          await as(curator, 'tasks.notDone', { id: taskId, reason: 'Волонтёр заболел' });
          await as(curator, 'tasks.reopen', { id: taskId });
          await as(curator, 'tasks.assign', { id: taskId, volunteerIds: [volunteer(40)] });
          await as(desk, 'tasks.complete', { id: taskId, outcome: { minutes: [{ volunteerId: volunteer(40), minutes: 90 }], note: '' } });
          illVolunteerTask = taskId;
          continue;
        }
        await as(desk, 'tasks.complete', { id: taskId, outcome: { minutes: [{ volunteerId: v, minutes: 90 }], note: '' } });
      }
    });
  }

  // --- events: made a week before; the first half of the people registered then, the rest came to the door
  const events = new Map<string, number>();
  const recordEvent = (e: EventPlan, noShow: number[] = []) => {
    const announced = addDays(e.day, -7);
    const early = e.came.slice(0, Math.ceil(e.came.length / 2));
    const atDoor = e.came.slice(early.length);
    diary.at(announced, async () => {
      const ev = await as(curator, 'events.create', {
        title: e.title,
        kind: e.kind,
        startsOn: e.day,
        startsAt: '14:00',
        endsAt: '16:00',
        settlement: 'Сылва',
        address: 'ул. Ленина, 12 (Центр)',
        capacity: e.capacity ?? null,
        partners: e.partners ?? '',
      });
      events.set(e.key, ev.id);
      for (const n of [...early, ...noShow]) await as(desk, 'events.register', { id: ev.id, residentId: await resident(n) });
    });
    diary.at(e.day, async () => {
      const id = events.get(e.key)!;
      let ev = await as(desk, 'events.get', { id });
      for (const a of ev.attendees) {
        const n = [...residents].find(([, rid]) => rid === a.residentId)?.[0];
        await as(desk, 'events.markAttendance', { id, attendanceId: a.id, status: n !== undefined && noShow.includes(n) ? 'noShow' : 'attended' });
      }
      for (const n of atDoor) ev = await as(desk, 'events.register', { id, residentId: await resident(n), atDoor: true });
      for (const [v, hours] of e.organisers) await as(curator, 'events.addOrganiser', { id, volunteerId: volunteer(v), role: 'ведущий', hours });
      await as(curator, 'events.addOrganiser', { id, userId: curator.id, role: 'куратор', hours: null });
      if (e.headCounts) await as(desk, 'events.setHeadCounts', { id, counts: e.headCounts });
    });
  };
  // r101 registers for the seedlings class and does not come: a no-show.
  for (const e of EVENTS) recordEvent(e, e.key === 'mc6' ? [101] : []);

  // --- noise around the period
  let cancelledRequestId = 0;
  diary.at('2024-01-10', async () => {
    const r = await as(desk, 'requests.create', { residentId: await resident(50), kindId: kind('formTyping'), urgency: 'normal', channel: 'phone', description: 'Набрать заявление на субсидию' });
    cancelledRequestId = r.id;
  });
  diary.at('2024-01-11', async () => {
    await as(desk, 'requests.setStatus', { id: cancelledRequestId, status: 'cancelled', note: 'Заявление набрал внук' });
  });
  let lateVolunteerId = 0;
  diary.at('2024-04-25', async () => {
    lateVolunteerId = await addVolunteer(51, { regular: false, on: '2024-04-25' });
  });
  const mayEvent: EventPlan = { key: 'may', day: '2024-05-02', kind: 'masterClass', title: 'Мастер-класс: пасхальный декор', came: [16, 17, 102], organisers: [[50, 2]], capacity: 12 };
  recordEvent(mayEvent);
  const afterPeriodRequestIds: number[] = [];
  diary.at('2024-05-02', async () => {
    const r = await as(desk, 'requests.create', { residentId: await resident(37), kindId: kind('firewood'), urgency: 'normal', channel: 'phone', description: '' });
    afterPeriodRequestIds.push(r.id);
    const task = await as(curator, 'tasks.create', { requestId: r.id, scheduledOn: '2024-05-03', partOfDay: 'morning', estimatedMinutes: 120, volunteerIds: [lateVolunteerId, volunteer(16)], note: '' });
    diary.at('2024-05-03', async () => {
      await as(desk, 'tasks.complete', { id: task.id, outcome: { minutes: [{ volunteerId: lateVolunteerId, minutes: 120 }, { volunteerId: volunteer(16), minutes: 120 }], note: '' } });
    });
  });
  diary.at('2024-05-03', async () => {
    const r = await as(desk, 'requests.create', { residentId: await resident(103), kindId: kind('printing'), urgency: 'normal', channel: 'walkIn', description: '' });
    await as(desk, 'requests.setStatus', { id: r.id, status: 'done', note: '' });
    afterPeriodRequestIds.push(r.id);
    await resident(104);
    // r88 withdraws her consent and asks for her record to be erased: the chairwoman erases it.
    const page = await as(admin, 'residents.get', { id: residents.get(ERASED)! });
    await as(admin, 'privacy.erasePerson', { residentId: page.resident.id, confirmName: page.resident.fullName });
  });

  await diary.run(t);
  t.clock.set(`${SYLVA_REPORT_DAY}T15:00:00.000Z`);

  const inPeriod = new Map([...residents].filter(([n]) => n <= 100));
  if (illVolunteerTask === 0) throw new Error('The snow day of 20.02.2024 did not run');
  return {
    residents: inPeriod,
    volunteers: new Map([...volunteers].filter(([n]) => n <= 50)),
    events,
    kinds,
    frontDesk: desk,
    curator,
    noise: {
      cancelledRequestId,
      afterPeriodRequestIds,
      lateVolunteerId,
      illVolunteerId: volunteers.get(52)!,
      noShowResidentId: residents.get(101)!,
      mayResidentId: residents.get(102)!,
      afterPeriodResidentId: residents.get(103)!,
      lateCareResidentId: residents.get(104)!,
      mayEventId: events.get('may')!,
    },
    erasedResidentId: residents.get(ERASED)!,
    calls,
  };
}
