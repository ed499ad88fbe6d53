/**
 * The people of the city centre (the Cherkasy persona, seed 001): residents in households across 30
 * settlements of the Cherkasy area, with Ukrainian, Russian, Polish and Greek names drawn with
 * the frequency real registers have (a few surnames are very common: the pools list the most common
 * first and are drawn from with a Zipf law), phones as people write them, and volunteers with
 * skills and weekly availability. Planned in memory from the seed; written by the generator
 * through `residents.create` and `volunteers.create`.
 */
import { NAME_POOLS, randomPersonName, type Gender, type NameLang, type PersonName } from '../names';
import { makePhone, typedName, type PhoneCountry, type Rng } from '../demo';
import type { ResidentInput, Situation } from '../../../../shared/domain/residents';
import { PARTS_OF_DAY, type AvailabilitySlot, type BuiltInSkillCode, type PartOfDay, type Specialist, type VolunteerInput, type Weekday } from '../../../../shared/domain/volunteers';
import type { Language } from '../../../../shared/domain/settings';
import { DAY_MS, MINUTE, workMoment } from './time';

/** The mix of scripts in the register: mostly Ukrainian, then Russian speakers, and Polish and Greek minorities. */
export const CITY_LANG_MIX: ReadonlyArray<readonly [NameLang, number]> = [
  ['uk', 45],
  ['ru', 25],
  ['pl', 15],
  ['el', 15],
];

interface CitySettlement {
  name: string;
  weight: number;
  /** Share of households in flats (the rest in private houses: stoves, wells, snow). */
  flats: number;
  streets: readonly string[];
}

const CITY_STREETS = [
  'вул. Шевченка', 'бульв. Шевченка', 'вул. Гоголя', 'вул. Небесної Сотні', 'вул. Смілянська', 'вул. Благовісна',
  'вул. Івана Франка', 'вул. Героїв Дніпра', "вул. В'ячеслава Чорновола", 'вул. Ґрушевського', 'вул. Хрещатик',
  'вул. Байди Вишневецького', 'вул. Остафія Дашковича', 'вул. Митницька', 'вул. Університетська', 'вул. Пастерівська',
  'вул. Надпільна', 'вул. Сумгаїтська', 'вул. Припортова', 'вул. Чехова', 'вул. Лесі Українки', 'вул. Козацька',
  'вул. Півдня', "вул. Слов'янська", 'вул. Ільїна', 'вул. Гагаріна', 'просп. Хіміків', 'вул. 30-річчя Перемоги',
];
const TOWN_STREETS = ['вул. Центральна', 'вул. Шевченка', 'вул. Миру', 'вул. Садова', 'вул. Незалежності', 'вул. Соборна', 'вул. Молодіжна', 'вул. Лісова'];
const VILLAGE_STREETS = ['вул. Центральна', 'вул. Шкільна', 'вул. Польова', 'вул. Набережна', 'вул. Зарічна'];

/** Cherkasy and 29 towns and villages around it: the city has most people, the villages private houses. */
export const CITY_SETTLEMENTS: readonly CitySettlement[] = [
  { name: 'Черкаси', weight: 520, flats: 0.85, streets: CITY_STREETS },
  ...[
    ['Сміла', 40],
    ['Умань', 30],
    ['Золотоноша', 22],
    ['Канів', 20],
    ['Звенигородка', 14],
    ['Корсунь-Шевченківський', 14],
    ['Шпола', 13],
    ['Тальне', 11],
    ["Кам'янка", 11],
    ['Городище', 10],
    ['Христинівка', 9],
    ['Монастирище', 8],
    ['Жашків', 8],
    ['Чигирин', 7],
    ['Лисянка', 6],
  ].map(([name, weight]) => ({ name: String(name), weight: Number(weight), flats: 0.45, streets: TOWN_STREETS })),
  ...[
    ['Червона Слобода', 12],
    ['Руська Поляна', 10],
    ['Мошни', 8],
    ['Будище', 7],
    ["Білозір'я", 7],
    ['Леськи', 6],
    ['Хацьки', 5],
    ['Степанки', 5],
    ['Дубіївка', 5],
    ['Геронимівка', 5],
    ['Чорнобай', 5],
    ['Драбів', 4],
    ['Катеринопіль', 4],
    ['Маньківка', 4],
  ].map(([name, weight]) => ({ name: String(name), weight: Number(weight), flats: 0.05, streets: VILLAGE_STREETS })),
];

/** A pick from a list ordered from the most common, with Zipf weights 1/(rank+1)^s. */
export class ZipfPicker<T> {
  readonly #items: readonly T[];
  readonly #cumulative: number[];
  constructor(items: readonly T[], s = 0.9) {
    this.#items = items;
    let total = 0;
    this.#cumulative = items.map((_, i) => (total += 1 / (i + 1) ** s));
  }
  pick(rng: Rng): T {
    const total = this.#cumulative[this.#cumulative.length - 1] ?? 0;
    const x = rng.next() * total;
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.#cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.#items[lo] as T;
  }
}

const SURNAMES = Object.fromEntries(Object.entries(NAME_POOLS).map(([lang, pool]) => [lang, new ZipfPicker(pool.lastNames)])) as Record<NameLang, ZipfPicker<{ male: string; female: string }>>;
const FIRST_NAMES = Object.fromEntries(
  Object.entries(NAME_POOLS).map(([lang, pool]) => [lang, { male: new ZipfPicker(pool.firstNames.male, 0.7), female: new ZipfPicker(pool.firstNames.female, 0.7) }]),
) as Record<NameLang, Record<Gender, ZipfPicker<string>>>;

/** A person of a language: the surname given (a household's), first name and patronymic by frequency. */
function personName(rng: Rng, lang: NameLang, gender: Gender, surname: { male: string; female: string }): PersonName {
  // The patronymic comes from the pools' own draw; the first name is drawn again with frequencies.
  const own = randomPersonName(rng.next, lang, gender);
  return { lastName: surname[gender], firstName: FIRST_NAMES[lang][gender].pick(rng), patronymic: own.patronymic };
}

/** Where people of each script keep a second phone: relatives abroad, or the number from before they fled. */
const SECOND_PHONE: Record<NameLang, PhoneCountry> = { uk: 'UA', ru: 'RU', pl: 'PL', el: 'GR' };

export interface CityResident {
  /** Set once written. */
  id: number;
  lang: NameLang;
  elderly: boolean;
  privateHouse: boolean;
  livesAlone: boolean;
  situations: ReadonlySet<Situation>;
  /** When the front desk registered them (ms). */
  registeredAt: number;
  /** How often they come (relative weight of their requests). */
  activity: number;
  input: ResidentInput;
  /** Under regular care since (ms), and their check-in plan. */
  careSince: number | null;
  leftAt: number | null;
  /** The household they were planned in (shared by its registered members), and their birth year as planned. */
  home: CityHome;
  plannedBirthYear: number;
}

export type HomeKind = 'single' | 'couple' | 'withFamily' | 'familyInDifficulty' | 'displaced';

/**
 * A household as planned: its kind, how many live there (the registered members and people the
 * centre does not register by name) and its registered members in registration order (the first
 * heads it). `id` is set once the household is registered (households.ts), `memberIds` by resident.
 */
export interface CityHome {
  kind: HomeKind;
  size: number;
  members: CityResident[];
  id: number;
  memberIds: Map<number, number>;
}

function elderlyYear(rng: Rng, year: number): number {
  return year - rng.weighted<number>([
    [rng.int(62, 69), 4],
    [rng.int(70, 79), 5],
    [rng.int(80, 92), 2],
  ]);
}

function houseNumber(rng: Rng, inFlat: boolean): string {
  const n = String(inFlat ? rng.int(1, 120) : rng.int(1, 160));
  return rng.weighted([
    [n, 85],
    [`${n}а`, 7],
    [`${n}/${rng.int(1, 3)}`, 8],
  ]);
}

const NOTES = [
  'Дзвонити після 10 ранку',
  'Погано чує, говорити голосно',
  'Донька в Польщі, допомагає грошима',
  'Ходить з ціпком',
  'Ключ у сусідки',
  'Домофон не працює, дзвонити на мобільний',
  'Переселенці з Харкова, документи відновлюють',
  'Троє дітей, молодшому 2 роки',
  'Після інсульту, говорить з трудом',
  'Пічне опалення, дрова заносити в дім',
];

/**
 * The register: `count` residents in households, registered over the years from `start` to
 * `end` (about a tenth in the first month, when the paper register was typed in; then more each
 * year), ordered by registration.
 */
export function planResidents(rng: Rng, count: number, start: number, end: number): CityResident[] {
  const out: CityResident[] = [];
  const span = end - start;
  while (out.length < count) {
    const household = rng.weighted<HomeKind>([
      ['single', 38],
      ['couple', 12],
      ['withFamily', 18],
      ['familyInDifficulty', 14],
      ['displaced', 18],
    ]);
    const lang = rng.weighted(CITY_LANG_MIX);
    const place = rng.weighted(CITY_SETTLEMENTS.map((s) => [s, s.weight] as const));
    const inFlat = rng.chance(place.flats);
    const street = rng.pick(place.streets);
    const house = houseNumber(rng, inFlat);
    const flat = inFlat ? String(rng.int(1, 180)) : '';
    // Registered in the first month (the paper register typed in), else later, more in recent years.
    const u = rng.next();
    const registeredAt = rng.chance(0.1) ? start + rng.int(0, 30) * DAY_MS : start + Math.floor(span * (-1 + Math.sqrt(1 + 3 * u)));
    const year = new Date(registeredAt).getUTCFullYear();
    const surname = SURNAMES[lang].pick(rng);
    const members: Array<{ gender: Gender; birthYear: number; elderly: boolean }> = [];
    let size: number;
    switch (household) {
      case 'single':
        members.push({ gender: rng.chance(0.72) ? 'female' : 'male', birthYear: elderlyYear(rng, year), elderly: true });
        size = 1;
        break;
      case 'couple': {
        const husband = elderlyYear(rng, year);
        members.push({ gender: 'male', birthYear: husband, elderly: true }, { gender: 'female', birthYear: husband + rng.int(0, 5), elderly: true });
        size = 2;
        break;
      }
      case 'withFamily':
        members.push({ gender: rng.chance(0.7) ? 'female' : 'male', birthYear: elderlyYear(rng, year), elderly: true });
        if (rng.chance(0.4)) members.push({ gender: rng.chance(0.5) ? 'female' : 'male', birthYear: year - rng.int(30, 50), elderly: false });
        size = rng.int(2, 5);
        break;
      case 'familyInDifficulty':
      case 'displaced':
        members.push({ gender: rng.chance(0.8) ? 'female' : 'male', birthYear: year - rng.int(22, 50), elderly: false });
        if (rng.chance(0.35)) members.push({ gender: rng.chance(0.5) ? 'female' : 'male', birthYear: year - rng.int(22, 50), elderly: false });
        if (rng.chance(0.3)) members.push({ gender: rng.chance(0.75) ? 'female' : 'male', birthYear: elderlyYear(rng, year), elderly: true });
        size = members.length + rng.int(1, 3);
        break;
    }
    const home: CityHome = { kind: household, size, members: [], id: 0, memberIds: new Map() };
    const landline = !inFlat && rng.chance(0.25) ? makePhone(rng, 'UA') : null;
    let at = Math.min(end - DAY_MS, workMoment(rng, registeredAt));
    for (const m of members) {
      if (out.length >= count) break;
      const typed = typedName(rng, personName(rng, lang, m.gender, surname));
      const situations = new Set<Situation>();
      if (m.elderly) situations.add('pensioner');
      if (household === 'single') situations.add('livesAlone');
      if (household === 'familyInDifficulty' || (household === 'displaced' && rng.chance(0.4))) situations.add('familyInDifficulty');
      if (household === 'displaced') situations.add('displaced');
      if (rng.chance(m.elderly ? 0.2 : 0.05)) situations.add('disability');
      const phones: string[] = [];
      if (landline !== null && m.elderly) phones.push(landline);
      if (rng.chance(m.elderly ? 0.75 : 0.95)) phones.push(makePhone(rng, lang === 'ru' && rng.chance(0.3) ? 'RU' : 'UA'));
      if (lang !== 'uk' && rng.chance(0.25)) phones.push(makePhone(rng, SECOND_PHONE[lang]));
      // Most people come a few times; some come every week (the heavy tail of a real register).
      const activity = rng.chance(0.04) ? rng.int(20, 60) : rng.chance(0.25) ? rng.int(3, 10) : 1 + rng.next() * 2;
      const resident: CityResident = {
        id: 0,
        lang,
        elderly: m.elderly,
        privateHouse: !inFlat,
        livesAlone: household === 'single',
        situations,
        registeredAt: at,
        activity: m.elderly ? activity * 1.5 : activity,
        careSince: null,
        leftAt: null,
        input: {
          ...typed,
          birthYear: rng.chance(0.05) ? null : m.birthYear,
          settlement: place.name,
          street,
          house,
          flat,
          phones,
          situations: [...situations],
          householdSize: rng.chance(0.15) ? null : size,
          notes: rng.chance(0.25) ? rng.pick(NOTES) : '',
        },
        home,
        plannedBirthYear: m.birthYear,
      };
      home.members.push(resident);
      out.push(resident);
      at += rng.int(2, 6) * MINUTE;
    }
  }
  return out.sort((a, b) => a.registeredAt - b.registeredAt);
}

export interface CityVolunteer {
  id: number;
  settlement: string;
  regular: boolean;
  specialist: Specialist | null;
  skills: ReadonlySet<BuiltInSkillCode>;
  weekdays: ReadonlySet<number> | null;
  joinedAt: number;
  /** When they stopped (paused for good), if they did. */
  leftAt: number | null;
  input: VolunteerInput;
}

const SPECIALISTS: readonly Specialist[] = ['socialWorker', 'doctor', 'psychologist', 'lawyer', 'teacher'];

/** Volunteers joining over the years (a fifth at the start), about 40 % regular, some leaving. */
export function planVolunteers(rng: Rng, count: number, start: number, end: number, centreLanguage: Language): CityVolunteer[] {
  const out: CityVolunteer[] = [];
  for (let i = 0; i < count; i++) {
    const regular = rng.chance(0.4);
    const specialist = i % 25 === 3 ? (SPECIALISTS[(i / 25) % SPECIALISTS.length | 0] ?? null) : null;
    const gender: Gender = rng.chance(0.6) ? 'female' : 'male';
    const lang = rng.weighted(CITY_LANG_MIX);
    const name = randomPersonName(rng.next, lang, gender);
    const settlement = rng.chance(0.75) ? 'Черкаси' : rng.weighted(CITY_SETTLEMENTS.map((s) => [s.name, s.weight] as const));
    const skills = new Set<BuiltInSkillCode>();
    if (specialist === null) {
      const rural = settlement !== 'Черкаси';
      if (rng.chance(rural ? 0.6 : 0.2)) skills.add('hasSnowTools');
      if (rng.chance(gender === 'male' ? 0.6 : 0.15)) skills.add('carriesFirewood');
      if (rng.chance(0.3)) {
        skills.add('hasCar');
        if (rng.chance(0.7)) skills.add('drivesToDoctor');
      }
      if (rng.chance(gender === 'female' ? 0.6 : 0.3)) skills.add('buysMedicines');
      if (gender === 'male' && rng.chance(0.35)) skills.add('smallRepairs');
      if (rng.chance(0.2)) skills.add('computerHelp');
    } else if (specialist === 'teacher') skills.add('computerHelp');
    const slots: AvailabilitySlot[] = [];
    if (regular) {
      for (const weekday of rng.shuffle<Weekday>([1, 2, 3, 4, 5, 6, 7]).slice(0, rng.int(2, 4))) {
        const parts: PartOfDay[] = rng.chance(0.5) ? ['morning', 'afternoon'] : [rng.pick<PartOfDay>(['morning', 'afternoon', 'evening'])];
        for (const part of parts) slots.push({ weekday, part });
      }
    } else if (rng.chance(0.6)) {
      const days: Weekday[] = rng.chance(0.6) ? [6] : [rng.pick<Weekday>([1, 2, 3, 4, 5, 6, 7])];
      if (rng.chance(0.3) && !days.includes(7)) days.push(7);
      for (const weekday of days) slots.push({ weekday, part: rng.pick<PartOfDay>(['morning', 'afternoon']) });
    }
    slots.sort((a, b) => a.weekday - b.weekday || PARTS_OF_DAY.indexOf(a.part) - PARTS_OF_DAY.indexOf(b.part));
    const joinedAt = workMoment(rng, rng.chance(0.2) ? start + rng.int(0, 20) * DAY_MS : start + Math.floor(rng.next() * (end - start - 30 * DAY_MS)));
    // Occasional volunteers stay a year or two; regulars longer; some stay to this day.
    const stay = (regular ? rng.int(700, 3000) : rng.int(90, 800)) * DAY_MS;
    const leftAt = joinedAt + stay < end - 14 * DAY_MS && rng.chance(0.7) ? workMoment(rng, joinedAt + stay) : null;
    const agreement = regular || rng.chance(0.4) ? new Date(joinedAt).toISOString().slice(0, 10) : null;
    const languages = [...new Set<Language>([lang, centreLanguage])];
    out.push({
      id: 0,
      settlement,
      regular,
      specialist,
      skills,
      weekdays: slots.length > 0 ? new Set(slots.map((s) => s.weekday)) : null,
      joinedAt,
      leftAt,
      input: {
        ...name,
        settlement,
        phones: [makePhone(rng, 'UA')],
        languages,
        skillIds: [],
        availability: slots,
        isRegular: regular,
        specialist,
        agreementSignedOn: agreement,
        notes: rng.chance(0.2) ? rng.pick(['Студентка, вільна у вихідні', 'Має причіп для дров', 'Пенсіонер, свій трактор', 'Дзвонити ввечері після 18']) : '',
      },
    });
  }
  return out.sort((a, b) => a.joinedAt - b.joinedAt);
}
