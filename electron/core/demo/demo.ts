/**
 * Demo data: a believable small-town centre modelled on the Sylva seed (Perm region). About a
 * hundred residents, mostly lonely elderly people, with internally displaced Ukrainian families and
 * a few Polish and Greek names, written the way front-desk volunteers type them; and six months of
 * requests across the catalogue with seasonal sense (firewood and snow in winter, medicines all year,
 * printing and copies every week). The people planned together live together: about eighty
 * households, with the children and grandchildren the centre does not register by name.
 *
 * Then the coordinator's side: 50 volunteers (20 regular, 5 specialists) with skills and weekly
 * availability, 20 lonely elderly people on the snow-clearing list, help plans run week by week
 * (check-ins for everyone under regular care, weekly medicines, firewood October to March; one
 * plan ended, one resident who died), the snow days of the last weeks, and tasks with the hours
 * volunteers gave.
 *
 * Everything is written through the core's own services (so search terms, status history and plan
 * generation are exactly what the app writes), with a moved clock to backdate; only the tasks of
 * past requests and the outcomes of past tasks go through the tasks repository directly (the
 * services would move the requests' history, which the fill has already written). The same seed
 * and the same "today" give the same data.
 */
import { sql } from 'kysely';
import { fixedClock, type Clock } from '../clock';
import type { Actor, CoreDeps } from '../context';
import type { Db } from '../db/schema';
import { residentsService } from '../features/residents/residents.service';
import { requestsService } from '../features/requests/requests.service';
import { BUILT_IN_KINDS, type BuiltInKindCode } from '../../../shared/domain/catalogue';
import { requestInputSchema, type Channel, type RequestStatus, type Urgency } from '../../../shared/domain/requests';
import { residentInputSchema, type ResidentInput, type Situation } from '../../../shared/domain/residents';
import { NAME_POOLS, randomPersonName, type Gender, type NameLang, type PersonName } from './names';
import { mulberry32 } from '../random';
import { readSettings } from '../features/settings/settings.service';
import { demoWords } from './words';
import { HEATING, WINTER, type DemoWords, type KindWords, type TemplateCtx } from './words/types';
import type { DemoContext } from './demo-context';
import { demoCashbook } from './cashbook.demo';
import { demoTill } from './till.demo';
import { demoFunding } from './funding.demo';
import { demoProjects } from './projects.demo';
import { demoEvents } from './events.demo';
import { demoShelter } from './shelter.demo';
import { demoAid } from './aid.demo';
import { demoUsers } from './users.demo';
import { demoPrivacy, recordDemoHealthConsent } from './privacy.demo';
import { demoHouseholdLeavers, demoHouseholds } from './households.demo';
import { demoAssessments } from './assessments.demo';
import { demoCases } from './cases.demo';
import { volunteersService } from '../features/volunteers/volunteers.service';
import { ensureBuiltInSkills } from '../features/volunteers/skills';
import { generatePlanTasks, plansService } from '../features/plans/plans.service';
import { snowDayConfirm, snowDayPreview } from '../features/plans/snow-day';
import { optimizeAfterBulkWrite } from '../db/optimize';
import { insertTask, setMinutesSpent, setTaskStatus, setTaskVolunteers } from '../features/tasks/tasks.repo';
import {
  KIND_SKILL_DEFAULTS,
  PARTS_OF_DAY,
  volunteerInputSchema,
  type AvailabilitySlot,
  type BuiltInSkillCode,
  type PartOfDay,
  type Specialist,
  type VolunteerInput,
  type Weekday,
} from '../../../shared/domain/volunteers';
import { DEFAULT_CHECKIN_INTERVAL_DAYS, isoWeekday, planInputSchema, SNOW_DAY_MAX_PER_VOLUNTEER, type PlanInput } from '../../../shared/domain/plans';
import { inTransaction } from '../db/transaction';

export const DEMO_SEED = 20231101;
export const DEMO_RESIDENTS = 100;
/** How far back the requests go: six months. */
export const DEMO_WINDOW_DAYS = 182;

export interface DemoOptions {
  actor: Actor;
  /** The PRNG seed; the same seed (and the same clock) gives the same data. */
  seed?: number;
  /** How many residents to register (about 3 requests each come with them). */
  residents?: number;
}

// ---------------------------------------------------------------------------------------------
// Randomness

/** A small seeded PRNG (mulberry32) with the helpers the generators need. */
export class Rng {
  /** A float in [0, 1). */
  readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.next() * list.length)];
    if (item === undefined) throw new Error('Rng.pick: empty list');
    return item;
  }

  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, w]) => sum + Math.max(0, w), 0);
    let x = this.next() * total;
    for (const [value, w] of entries) {
      if (w <= 0) continue;
      x -= w;
      if (x < 0) return value;
    }
    const last = entries.findLast(([, w]) => w > 0);
    if (last === undefined) throw new Error('Rng.weighted: no positive weight');
    return last[0];
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }

  /** A Poisson-distributed count (Knuth), for "how many requests today". */
  poisson(lambda: number): number {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const a = out[i] as T;
      out[i] = out[j] as T;
      out[j] = a;
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Phones, names and addresses as people write them

export type PhoneCountry = 'RU' | 'UA' | 'PL' | 'GR';

const RU_MOBILE = ['912', '902', '919', '950', '951', '952', '982', '992', '908', '963', '904', '922'];
const UA_MOBILE = ['67', '68', '96', '97', '98', '50', '66', '95', '99', '63', '73', '93'];

/** A mobile number of a country in one of the ways people write it down. */
export function makePhone(rng: Rng, country: PhoneCountry): string {
  switch (country) {
    case 'RU': {
      const code = rng.pick(RU_MOBILE);
      const n = rng.digits(7);
      const [a, b, c] = [n.slice(0, 3), n.slice(3, 5), n.slice(5)];
      return rng.weighted([
        [`+7 (${code}) ${a}-${b}-${c}`, 4],
        [`8 ${code} ${a} ${b} ${c}`, 3],
        [`8 (${code}) ${a}-${b}-${c}`, 2],
        [`8-${code}-${a}-${b}-${c}`, 2],
        [`8${code}${n}`, 2],
        [`+7${code}${n}`, 1],
      ]);
    }
    case 'UA': {
      const op = rng.pick(UA_MOBILE);
      const n = rng.digits(7);
      const [a, b, c] = [n.slice(0, 3), n.slice(3, 5), n.slice(5)];
      return rng.weighted([
        [`+380 ${op} ${a} ${b} ${c}`, 4],
        [`0${op} ${a} ${b} ${c}`, 3],
        [`(0${op}) ${a}-${b}-${c}`, 1],
        [`+380${op}${n}`, 1],
        [`0${op}${n}`, 1],
      ]);
    }
    case 'PL': {
      const p = `${rng.pick(['5', '6', '7', '8'])}${rng.digits(2)}`;
      const [x, y] = [rng.digits(3), rng.digits(3)];
      return rng.weighted([
        [`+48 ${p} ${x} ${y}`, 4],
        [`${p}-${x}-${y}`, 2],
        [`${p} ${x} ${y}`, 2],
        [`+48${p}${x}${y}`, 1],
      ]);
    }
    case 'GR': {
      const p = `69${rng.pick(['0', '3', '4', '5', '7', '8', '9'])}`;
      const [x, y] = [rng.digits(3), rng.digits(4)];
      return rng.weighted([
        [`+30 ${p} ${x} ${y}`, 4],
        [`${p}${x}${y}`, 2],
        [`+30${p}${x}${y}`, 1],
        [`0030 ${p} ${x} ${y}`, 1],
      ]);
    }
  }
}

/** A landline in the Chusovoy area: local "5-12-34" or with the area code. */
function makeLandline(rng: Rng, w: DemoWords): string {
  const n = `${rng.int(2, 5)}${rng.digits(4)}`;
  return w.landline(n, !rng.chance(0.6));
}

/**
 * A mobile of the centre's country, with exactly the draws of a Russian one (so that the data after
 * it is the same whatever the language): a prefix, seven digits, a way of writing.
 */
function homePhone(rng: Rng, w: DemoWords): string {
  switch (w.homePhone) {
    case 'RU':
    case 'UA':
      return makePhone(rng, w.homePhone);
    case 'PL': {
      const p = rng.pick(['501', '502', '509', '510', '512', '530', '600', '601', '602', '660', '693', '797']);
      const n = rng.digits(7);
      const [x, y] = [n.slice(0, 3), n.slice(3, 6)];
      return rng.weighted([
        [`+48 ${p} ${x} ${y}`, 4],
        [`${p}-${x}-${y}`, 2],
        [`${p} ${x} ${y}`, 2],
        [`+48${p}${x}${y}`, 1],
      ]);
    }
    case 'GR': {
      const p = rng.pick(['690', '693', '694', '695', '697', '698', '699', '690', '693', '694', '697', '698']);
      const n = rng.digits(7);
      const [x, y] = [n.slice(0, 3), n.slice(3)];
      return rng.weighted([
        [`+30 ${p} ${x} ${y}`, 4],
        [`${p}${x}${y}`, 2],
        [`${p} ${x} ${y}`, 2],
        [`+30${p}${n}`, 1],
      ]);
    }
  }
}

/** Upper case as typed: Greek capitals lose their tonos (ΠΑΠΑΔΟΠΟΥΛΟΣ), other scripts keep their marks. */
function upperAsTyped(s: string): string {
  return s
    .normalize('NFD')
    .replace(/(\p{Script=Greek})\u0301/gu, '$1')
    .normalize('NFC')
    .toUpperCase();
}

/**
 * A name as a volunteer at the front desk types it: some surnames in capitals, a few all lower
 * case, ё sometimes written as е, the patronymic sometimes left out.
 */
export function typedName(rng: Rng, name: PersonName): PersonName {
  let { lastName, firstName, patronymic } = name;
  if (/ё/i.test(lastName + firstName + patronymic) && rng.chance(0.3)) {
    [lastName, firstName, patronymic] = [lastName, firstName, patronymic].map((s) => s.replace(/ё/g, 'е').replace(/Ё/g, 'Е')) as [
      string,
      string,
      string,
    ];
  }
  if (patronymic !== '' && rng.chance(0.05)) patronymic = '';
  const style = rng.weighted([
    ['plain', 84],
    ['capsSurname', 12],
    ['lower', 4],
  ] as const);
  if (style === 'capsSurname') lastName = upperAsTyped(lastName);
  if (style === 'lower') [lastName, firstName, patronymic] = [lastName.toLowerCase(), firstName.toLowerCase(), patronymic.toLowerCase()];
  return { lastName, firstName, patronymic };
}

interface Settlement {
  name: string;
  weight: number;
  /** Share of residents living in flats (the rest in private houses, with stoves, wells and snow). */
  flats: number;
  streets: readonly string[];
}

/** The five places' weights and share of flats (the names and streets are the words'). */
const SETTLEMENT_SHAPES: ReadonlyArray<{ weight: number; flats: number }> = [
  { weight: 55, flats: 0.4 },
  { weight: 15, flats: 0.75 },
  { weight: 12, flats: 0.1 },
  { weight: 9, flats: 0.2 },
  { weight: 9, flats: 0.1 },
];

export function demoSettlements(w: DemoWords): readonly Settlement[] {
  return w.settlements.map((x, i) => ({ ...x, ...(SETTLEMENT_SHAPES[i] ?? { weight: 1, flats: 0.5 }) }));
}

interface Address {
  settlement: string;
  street: string;
  house: string;
  flat: string;
}

function makeAddress(rng: Rng, w: DemoWords): Address {
  const s = rng.weighted(demoSettlements(w).map((x) => [x, x.weight] as const));
  const inFlat = rng.chance(s.flats);
  const number = String(inFlat ? rng.int(1, 45) : rng.int(1, 90));
  const house = rng.weighted([
    [number, 85],
    [`${number}${w.houseLetters[0]}`, 6],
    [`${number}${w.houseLetters[1]}`, 3],
    [`${number}/${rng.int(1, 3)}`, 6],
  ]);
  return { settlement: s.name, street: rng.pick(s.streets), house, flat: inFlat ? String(rng.int(1, 60)) : '' };
}

// ---------------------------------------------------------------------------------------------
// Residents

interface DemoResident {
  id: number;
  gender: Gender;
  lang: NameLang;
  elderly: boolean;
  privateHouse: boolean;
  situations: Set<Situation>;
  regularCare: boolean;
  /** Day index in the window (0 = six months ago) when the resident was registered. */
  registeredDay: number;
  registeredAt: number;
  input: ResidentInput;
  /** The household they were planned in (residents of one group live together), its kind and size. */
  group: number;
  household: Household;
  householdSize: number;
  birthYear: number | null;
}

type Household = 'single' | 'couple' | 'withFamily' | 'familyInDifficulty' | 'displaced';

/** Birth years of the elderly, 1935–1960, most of them born in the 1940s and early 1950s. */
const ELDERLY_YEARS: ReadonlyArray<readonly [readonly [number, number], number]> = [
  [[1935, 1939], 1],
  [[1940, 1944], 3],
  [[1945, 1949], 4],
  [[1950, 1954], 4],
  [[1955, 1960], 3],
];

function elderlyYear(rng: Rng): number {
  const [from, to] = rng.weighted(ELDERLY_YEARS);
  return rng.int(from, to);
}

function residentNote(rng: Rng, r: DemoResident, name: PersonName, w: DemoWords): string {
  const flat = r.input.flat !== '' && r.input.flat !== undefined;
  const neighbourFlat = flat ? rng.int(1, 40) : 0;
  return rng.pick(w.residentNotes({ r: { ...r, flat }, firstName: name.firstName, neighbourFlat }));
}

interface PlannedPerson {
  gender: Gender;
  birthYear: number | null;
  elderly: boolean;
}

function planResidents(rng: Rng, count: number, windowDays: number, today: string, w: DemoWords, names: Rng): DemoResident[] {
  const residents: DemoResident[] = [];
  // A shuffled deck keeps the language mix steady for any seed: mostly Russian, a few of the others.
  const mix: NameLang[] = [...Array<NameLang>(30).fill('ru'), 'uk', 'uk', 'uk', 'pl', 'pl', 'pl', 'pl', 'el', 'el', 'el'];
  let deck: NameLang[] = [];
  const nextLang = (): NameLang => {
    if (deck.length === 0) deck = rng.shuffle(mix);
    return deck.pop() ?? 'ru';
  };

  let group = 0;
  while (residents.length < count) {
    group++;
    const household = rng.weighted<Household>([
      ['single', 48],
      ['couple', 10],
      ['withFamily', 14],
      ['familyInDifficulty', 10],
      ['displaced', 12],
    ]);
    const lang: NameLang = household === 'displaced' ? 'uk' : nextLang();
    const address = makeAddress(rng, w);
    const pool = NAME_POOLS[lang];
    const nameLang = w.names[lang];
    // The draws are those of the planned language; another language's names come from their own stream.
    const plannedSurname = rng.pick(pool.lastNames);
    const surname = nameLang === lang ? plannedSurname : names.pick(NAME_POOLS[nameLang].lastNames);
    const people: PlannedPerson[] = [];
    let situations: Situation[] = [];
    let householdSize = 1;
    const youngYear = () => rng.int(1975, 1995);

    switch (household) {
      case 'single':
        people.push({ gender: rng.chance(0.75) ? 'female' : 'male', birthYear: elderlyYear(rng), elderly: true });
        situations = ['livesAlone', 'pensioner'];
        householdSize = 1;
        break;
      case 'couple': {
        const husband = elderlyYear(rng);
        people.push({ gender: 'male', birthYear: husband, elderly: true });
        people.push({ gender: 'female', birthYear: Math.min(1960, husband + rng.int(0, 5)), elderly: true });
        situations = ['pensioner'];
        householdSize = 2;
        break;
      }
      case 'withFamily':
        people.push({ gender: rng.chance(0.7) ? 'female' : 'male', birthYear: elderlyYear(rng), elderly: true });
        situations = ['pensioner'];
        householdSize = rng.int(2, 4);
        break;
      case 'familyInDifficulty':
        people.push({ gender: rng.chance(0.8) ? 'female' : 'male', birthYear: youngYear(), elderly: false });
        situations = ['familyInDifficulty'];
        householdSize = rng.int(3, 6);
        break;
      case 'displaced':
        people.push({ gender: rng.chance(0.8) ? 'female' : 'male', birthYear: youngYear(), elderly: false });
        if (rng.chance(0.4)) people.push({ gender: rng.chance(0.8) ? 'female' : 'male', birthYear: elderlyYear(rng), elderly: true });
        situations = rng.chance(0.5) ? ['displaced', 'familyInDifficulty'] : ['displaced'];
        householdSize = rng.int(2, 5);
        break;
    }
    const sharedLandline = address.flat === '' && rng.chance(0.3) ? makeLandline(rng, w) : null;
    // Most of the register was typed in during the first weeks; the rest came in one by one, a household at a time.
    const registeredDay = rng.chance(0.65) ? rng.int(0, 14) : rng.int(15, windowDays - 1);
    let registeredAt = workMoment(rng, addDays(today, registeredDay - windowDays));

    for (const person of people) {
      if (residents.length >= count) break;
      const own = randomPersonName(rng.next, lang, person.gender);
      const plannedName = typedName(rng, { ...own, lastName: plannedSurname[person.gender] });
      const name = nameLang === lang ? plannedName : typedName(names, { ...randomPersonName(names.next, nameLang, person.gender), lastName: surname[person.gender] });
      const personSituations = new Set<Situation>(situations);
      if (person.elderly) personSituations.add('pensioner');
      else personSituations.delete('pensioner');
      if (rng.chance(person.elderly ? 0.22 : 0.05)) personSituations.add('disability');
      const phones = personPhones(rng, lang, person, household, sharedLandline, w);
      const r: DemoResident = {
        id: 0,
        gender: person.gender,
        lang,
        elderly: person.elderly,
        privateHouse: address.flat === '',
        situations: personSituations,
        regularCare: false,
        registeredDay,
        registeredAt,
        group,
        household,
        householdSize,
        birthYear: person.birthYear,
        input: {
          ...name,
          birthYear: rng.chance(0.06) ? null : person.birthYear,
          ...address,
          phones,
          situations: [...personSituations],
          householdSize: rng.chance(0.15) ? null : householdSize,
          notes: '',
        },
      };
      const noteChance = person.elderly ? 0.4 : 0.3;
      if (rng.chance(noteChance)) r.input.notes = residentNote(rng, r, name, w);
      residents.push(r);
      registeredAt += rng.int(2, 6) * MINUTE;
    }
  }

  // About 15 of a hundred lonely elderly people are under regular care (the Sylva figure).
  const target = Math.max(1, Math.round(count * 0.16));
  const candidates = rng.shuffle(residents.filter((r) => r.elderly && r.situations.has('livesAlone')));
  for (const r of candidates.slice(0, target)) {
    r.regularCare = true;
    r.input.regularCare = true;
    r.input.checkinIntervalDays = rng.weighted([
      [3, 2],
      [7, 6],
      [14, 2],
    ]);
  }
  return residents;
}

function personPhones(rng: Rng, lang: NameLang, person: PlannedPerson, household: Household, landline: string | null, w: DemoWords): string[] {
  const phones: string[] = [];
  if (landline !== null && person.elderly) phones.push(landline);
  if (household === 'displaced') {
    // A Russian SIM card, or only the Ukrainian number kept from before; sometimes both.
    if (rng.chance(0.8)) phones.push(homePhone(rng, w));
    if (phones.length === 0 || rng.chance(0.2)) phones.push(makePhone(rng, 'UA'));
    return phones;
  }
  const mobileChance = person.elderly ? (phones.length > 0 ? 0.15 : 0.8) : 0.95;
  if (rng.chance(mobileChance)) phones.push(homePhone(rng, w));
  // A daughter in Poland or Greece who is the one to call.
  if ((lang === 'pl' || lang === 'el') && rng.chance(0.35)) phones.push(makePhone(rng, lang === 'pl' ? 'PL' : 'GR'));
  return phones;
}

// ---------------------------------------------------------------------------------------------
// Time

const MINUTE = 60_000;
const DAY_MS = 86_400_000;

function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return new Date(dayStart(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A moment in working hours of a day: 06:00–14:00 UTC is 11–19 in Perm and 9–17 in Moscow, Kyiv and Athens. */
function workMoment(rng: Rng, date: string): number {
  return dayStart(date) + (6 * 60 + rng.int(0, 8 * 60)) * MINUTE + rng.int(0, 59) * 1000;
}

// ---------------------------------------------------------------------------------------------
// Requests

type Style = 'instant' | 'visit' | 'appointment' | 'task';

interface KindShape {
  weight: (month: number) => number;
  eligible: (r: DemoResident) => boolean;
  style: Style;
  channels: ReadonlyArray<readonly [Channel, number]>;
}

type KindPlan = KindShape & KindWords;

const needsHelpAtHome = (r: DemoResident) => r.elderly || r.situations.has('disability');
const inPrivateHouse = (r: DemoResident) => r.privateHouse && needsHelpAtHome(r);
const anyone = () => true;

const VOLUNTEER_CHANNELS: ReadonlyArray<readonly [Channel, number]> = [
  ['phone', 50],
  ['walkIn', 25],
  ['outreach', 15],
  ['referral', 10],
];
const DESK_CHANNELS: ReadonlyArray<readonly [Channel, number]> = [
  ['walkIn', 85],
  ['referral', 9],
  ['phone', 6],
];

/** How each built-in kind shows up at a village centre: when, for whom, and in the centre's own words. */
const KIND_SHAPES: Record<BuiltInKindCode, KindShape> = {
  firewood: {
    weight: (m) => (HEATING.has(m) ? (WINTER.has(m) ? 10 : 7) : m >= 6 && m <= 9 ? 2.5 : 1),
    eligible: inPrivateHouse,
    style: 'task',
    channels: VOLUNTEER_CHANNELS,
  },
  snowClearing: {
    weight: (m) => (m === 12 || m === 1 || m === 2 ? 9 : m === 11 || m === 3 ? 6 : m === 4 || m === 10 ? 0.5 : 0),
    eligible: inPrivateHouse,
    style: 'task',
    channels: VOLUNTEER_CHANNELS,
  },
  medicinePurchase: {
    weight: () => 9,
    eligible: needsHelpAtHome,
    style: 'task',
    channels: VOLUNTEER_CHANNELS,
  },
  groceries: {
    weight: () => 5,
    eligible: needsHelpAtHome,
    style: 'task',
    channels: VOLUNTEER_CHANNELS,
  },
  transportDoctor: {
    weight: () => 4,
    eligible: needsHelpAtHome,
    style: 'task',
    channels: VOLUNTEER_CHANNELS,
  },
  householdRepairs: {
    weight: (m) => (m >= 5 && m <= 9 ? 4 : 2),
    eligible: needsHelpAtHome,
    style: 'task',
    channels: VOLUNTEER_CHANNELS,
  },
  checkIn: {
    weight: () => 4,
    eligible: (r) => r.regularCare,
    style: 'task',
    channels: [
      ['outreach', 70],
      ['phone', 30],
    ],
  },
  waterCarrying: {
    weight: (m) => (WINTER.has(m) ? 4 : 2.5),
    eligible: inPrivateHouse,
    style: 'task',
    channels: VOLUNTEER_CHANNELS,
  },
  printing: {
    weight: () => 11,
    eligible: anyone,
    style: 'instant',
    channels: DESK_CHANNELS,
  },
  copies: {
    weight: () => 9,
    eligible: anyone,
    style: 'instant',
    channels: DESK_CHANNELS,
  },
  lamination: {
    weight: () => 1.5,
    eligible: anyone,
    style: 'instant',
    channels: DESK_CHANNELS,
  },
  documentPhotos: {
    weight: () => 2,
    eligible: anyone,
    style: 'instant',
    channels: DESK_CHANNELS,
  },
  formTyping: {
    weight: () => 2,
    eligible: anyone,
    style: 'instant',
    channels: DESK_CHANNELS,
  },
  formsHelp: {
    weight: () => 4,
    eligible: anyone,
    style: 'visit',
    channels: DESK_CHANNELS,
  },
  onlineServices: {
    weight: () => 5,
    eligible: anyone,
    style: 'visit',
    channels: DESK_CHANNELS,
  },
  legalConsultation: {
    weight: () => 2,
    eligible: anyone,
    style: 'appointment',
    channels: DESK_CHANNELS,
  },
  psychConsultation: {
    weight: () => 1,
    eligible: (r) => r.situations.has('displaced') || r.situations.has('familyInDifficulty') || r.situations.has('livesAlone'),
    style: 'appointment',
    channels: DESK_CHANNELS,
  },
  humanitarianAid: {
    weight: (m) => (m >= 9 || m <= 2 ? 4 : 2.5),
    eligible: (r) => r.situations.has('displaced') || r.situations.has('familyInDifficulty') || (r.elderly && r.situations.has('livesAlone')),
    style: 'appointment',
    channels: [
      ['walkIn', 60],
      ['referral', 30],
      ['phone', 10],
    ],
  },
  masterClass: {
    weight: () => 1.5,
    eligible: (r) => r.situations.has('pensioner'),
    style: 'appointment',
    channels: [
      ['walkIn', 70],
      ['phone', 30],
    ],
  },
};


function kindPlans(w: DemoWords): Record<BuiltInKindCode, KindPlan> {
  return Object.fromEntries(BUILT_IN_KINDS.map((k) => [k.code, { ...KIND_SHAPES[k.code], ...w.kinds[k.code] }])) as Record<BuiltInKindCode, KindPlan>;
}

interface Step {
  status: RequestStatus;
  at: number;
  note: string;
}

interface PlannedRequest {
  at: number;
  day: string;
  resident: DemoResident;
  kindId: number;
  urgency: Urgency;
  channel: Channel;
  description: string;
  steps: Step[];
}

function defaultUrgency(rng: Rng, style: Style): Urgency {
  if (style === 'task') return rng.weighted<Urgency>([['urgent', 8], ['normal', 80], ['low', 12]]);
  if (style === 'instant') return rng.weighted<Urgency>([['urgent', 2], ['normal', 70], ['low', 28]]);
  return rng.weighted<Urgency>([['urgent', 3], ['normal', 80], ['low', 17]]);
}

function laterDay(rng: Rng, from: number, minDays: number, maxDays: number): number {
  const date = isoDay(from + rng.int(minDays, maxDays) * DAY_MS);
  return Math.max(from + 30 * MINUTE, workMoment(rng, date));
}

function cancelNote(rng: Rng, r: DemoResident, w: DemoWords): string {
  return rng.pick(w.cancelNotes(r));
}

/** The whole life of a request, as if nobody stopped it; only the steps already in the past are written. */
function planSteps(rng: Rng, plan: KindPlan, r: DemoResident, urgency: Urgency, price: number | undefined, created: number, w: DemoWords): Step[] {
  const referral = () => rng.pick(plan.referrals ?? w.generalReferrals);
  const after = (min: number, max: number) => created + rng.int(min, max) * MINUTE;
  switch (plan.style) {
    case 'instant': {
      if (rng.chance(0.03)) return [{ status: 'cancelled', at: after(10, 90), note: w.leftWithoutWaiting(r) }];
      const paid = price !== undefined && rng.chance(0.7) ? w.paid(price) : '';
      return [{ status: 'done', at: after(3, 30), note: paid }];
    }
    case 'visit': {
      const outcome = rng.weighted([
        ['now', 68],
        ['later', 22],
        ['referred', 5],
        ['cancelled', 5],
      ] as const);
      if (outcome === 'now') return [{ status: 'done', at: after(15, 50), note: '' }];
      if (outcome === 'referred') return [{ status: 'referred', at: after(10, 40), note: referral() }];
      const planned: Step = { status: 'planned', at: after(15, 40), note: rng.pick(w.visitPlanned) };
      if (outcome === 'cancelled') return [planned, { status: 'cancelled', at: laterDay(rng, created, 3, 12), note: cancelNote(rng, r, w) }];
      return [planned, { status: 'done', at: laterDay(rng, created, 1, 6), note: '' }];
    }
    case 'appointment': {
      const planned: Step = { status: 'planned', at: after(5, 90), note: rng.chance(0.5) ? w.appointmentOn(rng.pick(w.weekdays)) : '' };
      const outcome = rng.weighted([
        ['done', 84],
        ['referred', plan.referrals ? 10 : 2],
        ['cancelled', 6],
      ] as const);
      if (outcome === 'referred') return [{ status: 'referred', at: after(10, 60), note: referral() }];
      if (outcome === 'cancelled') return [planned, { status: 'cancelled', at: laterDay(rng, created, 1, 10), note: w.didNotCome(r) }];
      return [planned, { status: 'done', at: laterDay(rng, created, 1, 10), note: '' }];
    }
    case 'task': {
      const outcome = rng.weighted([
        ['done', 85],
        ['cancelled', 7],
        ['referred', plan.referrals ? 5 : 1],
        ['stalePlanned', 2],
        ['staleInProgress', 1],
      ] as const);
      if (outcome === 'referred') return [{ status: 'referred', at: after(20, 240), note: referral() }];
      const doneNote = () => (rng.chance(0.3) ? rng.pick(w.doneNotes) : '');
      if (urgency === 'urgent') {
        const start = after(30, 180);
        if (outcome === 'cancelled') return [{ status: 'cancelled', at: start, note: cancelNote(rng, r, w) }];
        return [
          { status: 'inProgress', at: start, note: w.volunteerWent(rng.pick(w.volunteers)) },
          { status: 'done', at: start + rng.int(40, 180) * MINUTE, note: doneNote() },
        ];
      }
      // A volunteer is found the same day or the next; the work is done within a week or two.
      const planned: Step = {
        status: 'planned',
        at: rng.chance(0.7) ? after(30, 300) : laterDay(rng, created, 1, 2),
        note: rng.chance(0.6) ? w.volunteerPlanned(rng.pick(w.volunteers), rng.pick([...w.whenWords, ...w.weekdays])) : '',
      };
      if (outcome === 'stalePlanned') return [planned];
      if (outcome === 'cancelled') return [planned, { status: 'cancelled', at: laterDay(rng, created, 2, 6), note: cancelNote(rng, r, w) }];
      const start = Math.max(planned.at + 60 * MINUTE, laterDay(rng, created, urgency === 'low' ? 3 : 1, urgency === 'low' ? 12 : 6));
      const inProgress: Step = { status: 'inProgress', at: start, note: plan.progressNotes && rng.chance(0.3) ? rng.pick(plan.progressNotes) : '' };
      if (outcome === 'staleInProgress') return [planned, inProgress];
      // Some jobs take days (stacking a load of firewood, waiting for a part or a medicine).
      const doneAt = rng.chance(0.4) ? laterDay(rng, start, 1, 4) : start + rng.int(40, 240) * MINUTE;
      const done: Step = { status: 'done', at: doneAt, note: doneNote() };
      return rng.chance(0.75) ? [planned, inProgress, done] : [planned, done];
    }
  }
}

function planRequests(
  rng: Rng,
  residents: readonly DemoResident[],
  kindIds: ReadonlyMap<string, number>,
  today: string,
  now: number,
  windowDays: number,
  w: DemoWords,
): PlannedRequest[] {
  const kindPlan = kindPlans(w);
  const kinds = BUILT_IN_KINDS.flatMap((k) => {
    const id = kindIds.get(k.code);
    return id === undefined ? [] : [{ code: k.code, id, plan: kindPlan[k.code] }];
  });
  const planned: PlannedRequest[] = [];
  // About three requests per resident over six months, fewer at weekends; and a few today.
  const perWeekday = (2.3 * residents.length) / DEMO_RESIDENTS;
  const latest = now - 5 * MINUTE;

  const planOne = (dayIndex: number, day: string, at: number) => {
    const month = Number(day.slice(5, 7));
    const available = residents.filter((r) => r.registeredDay <= dayIndex);
    const options = kinds.flatMap((k) => {
      const weight = k.plan.weight(month);
      if (weight <= 0) return [];
      const who = available.filter(k.plan.eligible);
      return who.length > 0 ? [[{ ...k, who }, weight] as const] : [];
    });
    if (options.length === 0) return;
    const kind = rng.weighted(options);
    const resident = rng.weighted(kind.who.map((r) => [r, (r.regularCare ? 3 : 1) * (r.situations.has('livesAlone') ? 1.5 : 1)] as const));
    const ctx: TemplateCtx = { rng, r: resident, month };
    const texts = kind.plan.templates.flatMap((t) => {
      const d = t(ctx);
      return d === null ? [] : [d];
    });
    if (texts.length === 0) return;
    const described = rng.pick(texts);
    const urgency = described.urgency ?? defaultUrgency(rng, kind.plan.style);
    const created = Math.min(latest, Math.max(at, resident.registeredAt + 5 * MINUTE));
    planned.push({
      at: created,
      day,
      resident,
      kindId: kind.id,
      urgency,
      channel: rng.weighted(kind.plan.channels),
      description: described.text,
      steps: planSteps(rng, kind.plan, resident, urgency, described.price, created, w),
    });
  };

  for (let dayIndex = 0; dayIndex < windowDays; dayIndex++) {
    const day = addDays(today, dayIndex - windowDays);
    const weekday = new Date(dayStart(day)).getUTCDay();
    const lambda = weekday === 0 ? 0.25 : weekday === 6 ? 0.8 : perWeekday;
    const n = rng.poisson(lambda);
    for (let i = 0; i < n; i++) planOne(dayIndex, day, workMoment(rng, day));
  }
  // Today's queue is never empty: a few requests logged this morning.
  let at = latest;
  const morning: number[] = [];
  for (let i = 0, n = rng.int(4, 6); i < n; i++) {
    morning.unshift(at);
    at -= rng.int(12, 45) * MINUTE;
  }
  for (const moment of morning) planOne(windowDays, today, moment);
  return planned.sort((a, b) => a.at - b.at);
}

// ---------------------------------------------------------------------------------------------
// Volunteers, help plans, snow days and tasks

/** The Sylva report: 50 volunteers, 20 of them regular; five specialists among them. */
export const DEMO_VOLUNTEERS = 50;
export const DEMO_REGULAR_VOLUNTEERS = 20;
/** Lonely elderly people in private houses on the snow-clearing list. */
export const DEMO_SNOW_LIST = 20;

/** Two specialists help regularly (check-ins), three come when needed; they are counted among the 50. */
const DEMO_SPECIALISTS: readonly Specialist[] = ['socialWorker', 'doctor', 'psychologist', 'lawyer', 'teacher'];
/** Specialists who also do volunteer tasks (check-in visits). */
const VISITING_SPECIALISTS: ReadonlySet<Specialist> = new Set(['socialWorker', 'doctor']);

/** Minutes a job of each kind takes one volunteer. */
const TASK_MINUTES: Partial<Record<BuiltInKindCode, readonly [number, number]>> = {
  firewood: [90, 180],
  snowClearing: [45, 120],
  medicinePurchase: [40, 90],
  groceries: [40, 80],
  transportDoctor: [120, 240],
  householdRepairs: [45, 150],
  checkIn: [20, 60],
  waterCarrying: [30, 60],
};

interface DemoVolunteer {
  id: number;
  settlement: string;
  regular: boolean;
  specialist: Specialist | null;
  skills: ReadonlySet<BuiltInSkillCode>;
  /** Weekdays with availability; null when none is recorded. */
  weekdays: ReadonlySet<number> | null;
  pauseAtEnd: boolean;
  registeredAt: number;
  input: VolunteerInput;
}

function planVolunteers(rng: Rng, today: string, windowDays: number, w: DemoWords, names: Rng): DemoVolunteer[] {
  const [main, town, third, fourth, fifth] = w.settlements.map((x) => x.name) as unknown as readonly [string, string, string, string, string];
  const settlements = rng.shuffle([
    ...Array<string>(28).fill(main),
    ...Array<string>(7).fill(town),
    ...Array<string>(6).fill(third),
    ...Array<string>(5).fill(fourth),
    ...Array<string>(4).fill(fifth),
  ]);
  const langs = rng.shuffle<NameLang>([...Array<NameLang>(DEMO_VOLUNTEERS - 5).fill('ru'), 'uk', 'uk', 'uk', 'pl', 'el']);
  const out: DemoVolunteer[] = [];
  for (let i = 0; i < DEMO_VOLUNTEERS; i++) {
    const regular = i < DEMO_REGULAR_VOLUNTEERS;
    const specialist = i >= DEMO_REGULAR_VOLUNTEERS - 2 && i < DEMO_REGULAR_VOLUNTEERS + 3 ? (DEMO_SPECIALISTS[i - DEMO_REGULAR_VOLUNTEERS + 2] ?? null) : null;
    const gender: Gender = rng.chance(0.55) ? 'female' : 'male';
    const lang = langs[i] ?? 'ru';
    const plannedName = randomPersonName(rng.next, lang, gender);
    const nameLang = w.names[lang];
    const name = nameLang === lang ? plannedName : randomPersonName(names.next, nameLang, gender);
    const settlement = settlements[i] ?? main;
    const skills = new Set<BuiltInSkillCode>();
    if (specialist === null) {
      const rural = settlement !== town;
      if (rng.chance(rural ? (regular ? 0.7 : 0.45) : 0.25)) skills.add('hasSnowTools');
      if (rng.chance(gender === 'male' ? 0.7 : 0.2)) skills.add('carriesFirewood');
      if (rng.chance(0.25)) {
        skills.add('hasCar');
        if (rng.chance(0.7)) skills.add('drivesToDoctor');
      }
      if (rng.chance(gender === 'female' ? 0.6 : 0.3)) skills.add('buysMedicines');
      if (gender === 'male' && rng.chance(0.35)) skills.add('smallRepairs');
      if (rng.chance(0.12)) skills.add('computerHelp');
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

    const registeredDay = rng.int(0, 20);
    const registeredAt = workMoment(rng, addDays(today, registeredDay - windowDays));
    const agreement = regular
      ? addDays(today, -windowDays - rng.int(30, 700))
      : rng.chance(0.4)
        ? isoDay(registeredAt)
        : null;
    const phone = lang === 'uk' && rng.chance(0.4) ? makePhone(rng, 'UA') : homePhone(rng, w);
    out.push({
      id: 0,
      settlement,
      regular,
      specialist,
      skills,
      weekdays: slots.length > 0 ? new Set(slots.map((s) => s.weekday)) : null,
      pauseAtEnd: i >= DEMO_VOLUNTEERS - 2,
      registeredAt,
      input: {
        ...name,
        settlement,
        phones: [phone],
        languages: nameLang === w.names.ru ? [nameLang] : [nameLang, w.names.ru],
        skillIds: [],
        availability: slots,
        isRegular: regular,
        specialist,
        agreementSignedOn: agreement,
        notes: rng.chance(0.25) ? rng.pick(w.volunteerNotes) : '',
      },
    });
  }
  return out.sort((a, b) => a.registeredAt - b.registeredAt);
}

/** Lonely elderly people in private houses go on the snow-clearing list, those under regular care first. */
function markSnowList(rng: Rng, residents: DemoResident[]): void {
  const candidates = residents.filter((r) => r.elderly && r.privateHouse && r.situations.has('livesAlone'));
  const ordered = [...rng.shuffle(candidates.filter((r) => r.regularCare)), ...rng.shuffle(candidates.filter((r) => !r.regularCare))];
  for (const r of ordered.slice(0, DEMO_SNOW_LIST)) r.input.needsSnowClearing = true;
}

/** Chooses volunteers for a job: the skill its kind needs, the resident's settlement, the day's availability; regulars do most. */
class VolunteerPicker {
  constructor(
    private readonly rng: Rng,
    private readonly volunteers: readonly DemoVolunteer[],
  ) {}

  pick(kind: string, settlement: string, date: string, count: number): number[] {
    const needs = (KIND_SKILL_DEFAULTS as Record<string, readonly BuiltInSkillCode[] | undefined>)[kind] ?? [];
    const weekday = isoWeekday(date);
    const eligible = this.volunteers.filter((v) => {
      if (v.specialist !== null) return kind === 'checkIn' && VISITING_SPECIALISTS.has(v.specialist);
      return needs.length === 0 || needs.some((s) => v.skills.has(s));
    });
    const pool = eligible.length > 0 ? eligible : this.volunteers.filter((v) => v.specialist === null);
    const chosen: number[] = [];
    for (let i = 0; i < count; i++) {
      const left = pool.filter((v) => !chosen.includes(v.id));
      if (left.length === 0) break;
      const v = this.rng.weighted(
        left.map((x) => [x, (x.regular ? 5 : 1) * (x.settlement === settlement ? 4 : 0.3) * (x.weekdays === null || x.weekdays.has(weekday) ? 1 : 0.2)] as const),
      );
      chosen.push(v.id);
    }
    return chosen;
  }
}

function minutesFor(rng: Rng, kind: string): number {
  const [min, max] = TASK_MINUTES[kind as BuiltInKindCode] ?? [30, 90];
  return 5 * rng.int(Math.round(min / 5), Math.round(max / 5));
}

interface CoordinationCounts {
  volunteers: number;
  plans: number;
  tasks: number;
}

/**
 * Volunteers (through the volunteers service), tasks for the requests volunteers handled (with
 * the hours they gave), help plans run week by week through the plans service (check-ins for
 * everyone under regular care, weekly medicines, seasonal firewood; one plan ended, one resident
 * who died), the snow days of the last weeks in winter, and the outcome of every past task.
 */
async function fillCoordination(
  deps: CoreDeps,
  backdated: CoreDeps,
  setTime: (at: number, date: string) => void,
  rng: Rng,
  residents: readonly DemoResident[],
  options: { actor: Actor; today: string; now: number; windowDays: number; words: DemoWords; names: Rng },
): Promise<CoordinationCounts> {
  const { actor, today, now, windowDays, words: w } = options;
  const { db } = deps;
  const windowStart = addDays(today, -windowDays);

  // Volunteers.
  await ensureBuiltInSkills(db, new Date(now).toISOString());
  const skillRows = await db.selectFrom('skills').select(['id', 'code']).where('code', 'is not', null).execute();
  const skillIds = new Map(skillRows.map((s) => [s.code, s.id]));
  const volunteersSvc = volunteersService(backdated);
  const volunteers = planVolunteers(rng, today, windowDays, w, options.names);
  for (const v of volunteers) {
    setTime(v.registeredAt, isoDay(v.registeredAt));
    const input = { ...v.input, skillIds: [...v.skills].flatMap((code) => skillIds.get(code) ?? []) };
    v.id = (await volunteersSvc.create(volunteerInputSchema.parse(input), actor)).id;
  }
  const picker = new VolunteerPicker(rng, volunteers);
  const kindRows = await db.selectFrom('service_kinds').select(['id', 'code', 'mode']).where('code', 'is not', null).execute();
  const kindId = (code: BuiltInKindCode): number => {
    const row = kindRows.find((k) => k.code === code);
    if (!row) throw new Error(`demo: no kind ${code}`);
    return row.id;
  };
  const kindCode = new Map(kindRows.map((k) => [k.id, k.code ?? '']));
  const settlementOf = new Map(residents.map((r) => [r.id, r.input.settlement ?? '']));

  // Tasks of the requests volunteers took on: done ones with their hours, open ones ahead.
  const volunteerKinds = kindRows.filter((k) => k.mode === 'volunteer').map((k) => k.id);
  const requests = await db
    .selectFrom('requests')
    .select(['id', 'resident_id', 'kind_id', 'status'])
    .where('kind_id', 'in', volunteerKinds)
    .where('status', 'in', ['done', 'planned', 'inProgress'])
    .orderBy('id')
    .execute();
  const history = await db
    .selectFrom('request_status_history')
    .select(['request_id', 'to_status', 'changed_at'])
    .where('to_status', 'in', ['planned', 'inProgress', 'done'])
    .orderBy('id')
    .execute();
  const steps = new Map<number, Array<{ to: string; at: string }>>();
  for (const h of history) steps.set(h.request_id, [...(steps.get(h.request_id) ?? []), { to: h.to_status, at: h.changed_at }]);
  await inTransaction(db, async (trx) => {
    for (const r of requests) {
      const code = kindCode.get(r.kind_id) ?? '';
      const own = steps.get(r.id) ?? [];
      const planned = own.find((s) => s.to === 'planned');
      const started = own.find((s) => s.to === 'inProgress' || s.to === 'done');
      const done = own.find((s) => s.to === 'done');
      const createdAt = planned?.at ?? started?.at;
      if (createdAt === undefined) continue;
      let scheduledOn: string;
      if (r.status === 'done' && started !== undefined) scheduledOn = started.at.slice(0, 10);
      else if (r.status === 'inProgress' && started !== undefined) scheduledOn = started.at.slice(0, 10) < addDays(today, -3) ? today : started.at.slice(0, 10);
      else {
        const s = addDays(createdAt.slice(0, 10), rng.int(1, 4));
        scheduledOn = s < today ? addDays(today, rng.int(0, 3)) : s;
      }
      const settlement = settlementOf.get(r.resident_id) ?? '';
      const two = (code === 'firewood' && rng.chance(0.35)) || (code === 'snowClearing' && rng.chance(0.2));
      const assigned = r.status !== 'planned' || rng.chance(0.75) ? picker.pick(code, settlement, scheduledOn, two ? 2 : 1) : [];
      const taskId = await insertTask(
        trx,
        {
          requestId: r.id,
          planId: null,
          residentId: r.resident_id,
          kindId: r.kind_id,
          scheduledOn,
          partOfDay: rng.pick<PartOfDay | null>(['morning', 'afternoon', null]),
          startTime: null,
          estimatedMinutes: minutesFor(rng, code),
          note: '',
          batchKey: null,
          status: assigned.length > 0 ? 'assigned' : 'planned',
        },
        actor.id,
        createdAt,
      );
      await setTaskVolunteers(trx, taskId, assigned);
      if (r.status === 'done' && done !== undefined) {
        for (const v of assigned) if (rng.chance(0.95)) await setMinutesSpent(trx, taskId, v, minutesFor(rng, code));
        await setTaskStatus(trx, taskId, { status: 'done', reason: null, doneOn: done.at.slice(0, 10) }, actor.id, done.at);
      }
    }
  });

  // Help plans, run as the coordinator would over the months: created, generated every Monday, changed, ended.
  const plans = plansService(backdated);
  const events: Array<{ at: number; run: () => Promise<unknown> }> = [];
  const at = (date: string, hour: number) => dayStart(date) + hour * 60 * MINUTE + rng.int(0, 59) * MINUTE;
  const regularVolunteers = volunteers.filter((v) => v.regular && (v.specialist === null || VISITING_SPECIALISTS.has(v.specialist)));
  const checkInLoad = new Map<number, number>();
  const byLoad = (list: readonly DemoVolunteer[]) => [...list].sort((a, b) => (checkInLoad.get(a.id) ?? 0) - (checkInLoad.get(b.id) ?? 0) || a.id - b.id)[0];
  const registeredOn = (r: DemoResident) => isoDay(r.registeredAt);
  const later = (a: string, b: string) => (a > b ? a : b);

  // Someone under regular care who died three weeks ago (no request of theirs changed after that day).
  const leftOn = addDays(today, -20);
  const lastChange = await db
    .selectFrom('request_status_history as h')
    .innerJoin('requests as q', 'q.id', 'h.request_id')
    .select((eb) => ['q.resident_id', eb.fn.max('h.changed_at').as('last')])
    .groupBy('q.resident_id')
    .execute();
  const lastChangeOf = new Map(lastChange.map((l) => [l.resident_id, l.last]));
  const careResidents = residents.filter((r) => r.regularCare);
  const deceased = careResidents.find((r) => (lastChangeOf.get(r.id) ?? '') < leftOn && registeredOn(r) < addDays(leftOn, -60));

  let firstPlanDay = today;
  const addPlan = (createdOn: string, input: PlanInput, after?: (id: number) => Array<{ at: number; run: () => Promise<unknown> }>) => {
    if (createdOn < firstPlanDay) firstPlanDay = createdOn;
    events.push({
      at: at(createdOn, 7),
      run: async () => {
        const plan = await plans.create(planInputSchema.parse(input), actor);
        for (const e of after?.(plan.id) ?? []) events.push(e);
      },
    });
  };

  for (const r of careResidents) {
    const startsOn = later(addDays(windowStart, 21 + rng.int(0, 10)), addDays(registeredOn(r), 2));
    if (startsOn >= today) continue;
    const near = regularVolunteers.filter((v) => v.settlement === r.input.settlement);
    const v = byLoad(near.length > 0 ? near : regularVolunteers);
    if (v) checkInLoad.set(v.id, (checkInLoad.get(v.id) ?? 0) + 1);
    addPlan(addDays(startsOn, -1), {
      residentId: r.id,
      kindId: kindId('checkIn'),
      rule: 'everyNDays',
      intervalDays: r.input.checkinIntervalDays ?? DEFAULT_CHECKIN_INTERVAL_DAYS,
      partOfDay: rng.pick<PartOfDay>(['morning', 'afternoon']),
      estimatedMinutes: 30,
      volunteerId: v?.id ?? null,
      startsOn,
      note: rng.chance(0.4) ? rng.pick(w.checkInPlanNotes) : '',
    });
  }

  const medicineCandidates = rng.shuffle(residents.filter((r) => r.elderly && (r.regularCare || r.situations.has('disability'))));
  const medicineBuyers = volunteers.filter((v) => v.skills.has('buysMedicines') && v.specialist === null);
  let medicinePlans = 0;
  // Of those who stay, the first plan changes day and volunteer half-way; the second is no longer needed a month ago.
  let changed = false;
  let ended = false;
  for (const r of medicineCandidates) {
    if (medicinePlans >= 5) break;
    const startsOn = later(addDays(windowStart, rng.int(30, 90)), addDays(registeredOn(r), 3));
    if (startsOn >= addDays(today, -60)) continue;
    medicinePlans++;
    const near = medicineBuyers.filter((v) => v.settlement === r.input.settlement && v.regular);
    const v = near.length > 0 ? rng.pick(near) : medicineBuyers.length > 0 ? rng.pick(medicineBuyers) : undefined;
    const input: PlanInput = {
      residentId: r.id,
      kindId: kindId('medicinePurchase'),
      rule: 'weekly',
      weekday: rng.pick([2, 4]),
      partOfDay: 'afternoon',
      estimatedMinutes: 60,
      volunteerId: v?.id ?? null,
      startsOn,
      note: rng.pick(w.medicinePlanNotes),
    };
    const others = medicineBuyers.filter((x) => x.id !== v?.id);
    const change: boolean = !changed && r !== deceased && others.length > 0;
    const end: boolean = !change && !ended && r !== deceased;
    changed ||= change;
    ended ||= end;
    addPlan(addDays(startsOn, -2), input, (id) => {
      if (change) {
        const day = addDays(today, -50);
        const other = rng.pick(others);
        return [{ at: at(day, 9), run: () => plans.update(id, planInputSchema.parse({ ...input, weekday: input.weekday === 2 ? 4 : 2, volunteerId: other.id }), actor) }];
      }
      if (end) {
        const day = addDays(today, -rng.int(25, 40));
        return [{ at: at(day, 10), run: () => plans.end(id, day, 'noLongerNeeded', actor) }];
      }
      return [];
    });
  }

  const firewoodResidents = rng.shuffle(residents.filter((r) => r.input.needsSnowClearing === true)).slice(0, 6);
  const woodCarriers = volunteers.filter((v) => v.skills.has('carriesFirewood') && v.specialist === null);
  for (const r of firewoodResidents) {
    const startsOn = later(addDays(windowStart, rng.int(20, 40)), addDays(registeredOn(r), 2));
    if (startsOn >= today) continue;
    const near = woodCarriers.filter((v) => v.settlement === r.input.settlement);
    const v = near.length > 0 ? rng.pick(near) : woodCarriers.length > 0 ? rng.pick(woodCarriers) : null;
    addPlan(addDays(startsOn, -1), {
      residentId: r.id,
      kindId: kindId('firewood'),
      rule: 'everyNDays',
      intervalDays: 21,
      seasonFromMonth: 10,
      seasonToMonth: 3,
      partOfDay: 'morning',
      estimatedMinutes: 120,
      volunteerId: v?.id ?? null,
      startsOn,
      note: w.firewoodPlanNote,
    });
  }

  // Generation every Monday morning, as at start-up.
  for (let d = firstPlanDay; d < today; d = addDays(d, 1)) {
    if (isoWeekday(d) === 1) events.push({ at: at(d, 5), run: () => generatePlanTasks(backdated, { actor }) });
  }
  if (deceased !== undefined) events.push({ at: at(leftOn, 11), run: () => plans.markLeft(deceased.id, 'deceased', leftOn, actor) });

  // Snow days of the last weeks, in winter.
  for (const back of [17, 10, 3]) {
    const date = addDays(today, -back);
    if (date < windowStart || !WINTER.has(Number(date.slice(5, 7)))) continue;
    events.push({
      at: at(date, 4),
      run: async () => {
        const preview = await snowDayPreview(backdated, date, SNOW_DAY_MAX_PER_VOLUNTEER);
        const assignments = preview.residents.filter((x) => x.state === 'new').map((x) => ({ residentId: x.residentId, volunteerIds: x.volunteerIds }));
        if (assignments.length > 0) await snowDayConfirm(backdated, { date, assignments, partOfDay: 'morning', estimatedMinutes: 90 }, actor);
      },
    });
  }

  // Run the events in time order; an event may add later ones (a plan's change or end).
  while (events.length > 0) {
    events.sort((a, b) => a.at - b.at);
    const next = events.shift();
    if (next === undefined) break;
    setTime(next.at, isoDay(next.at));
    await next.run();
  }

  // What happened to the past tasks of plans and snow days: nearly all done, a few not, a few still open.
  const open = await db
    .selectFrom('tasks')
    .select(['id', 'resident_id', 'kind_id', 'scheduled_on'])
    .where('request_id', 'is', null)
    .where('status', 'in', ['planned', 'assigned'])
    .where('scheduled_on', '<', today)
    .orderBy('id')
    .execute();
  // Two people under regular care nobody reached in the last two weeks: overdue on the care list.
  const recentlyHelped = new Set(
    (
      await db
        .selectFrom('tasks')
        .select('resident_id')
        .where('status', '=', 'done')
        .where((eb) => eb.fn.coalesce('done_on', 'scheduled_on'), '>=', addDays(today, -14))
        .execute()
    ).map((x) => x.resident_id),
  );
  const neglected = new Set(
    rng
      .shuffle(careResidents.filter((r) => r !== deceased && !recentlyHelped.has(r.id)))
      .slice(0, 2)
      .map((r) => r.id),
  );
  await inTransaction(db, async (trx) => {
    for (const task of open) {
      if (neglected.has(task.resident_id) && task.scheduled_on >= addDays(today, -14)) {
        if (rng.chance(0.5)) await setTaskStatus(trx, task.id, { status: 'notDone', reason: rng.pick(w.notDoneReasons), doneOn: null }, actor.id, new Date(at(task.scheduled_on, 12)).toISOString());
        continue;
      }
      const closedAt = new Date(Math.min(now - MINUTE, at(task.scheduled_on, 12))).toISOString();
      // A few recent ones are still open: overdue on the board, and a check-in or two overdue on the care list.
      const recent = task.scheduled_on >= addDays(today, -7);
      if (recent && rng.chance(kindCode.get(task.kind_id) === 'checkIn' ? 0.15 : 0.04)) continue;
      if (rng.chance(0.05)) {
        await setTaskStatus(trx, task.id, { status: 'notDone', reason: rng.pick(w.notDoneReasons), doneOn: null }, actor.id, closedAt);
        continue;
      }
      const code = kindCode.get(task.kind_id) ?? '';
      let who = (await trx.selectFrom('task_volunteers').select('volunteer_id').where('task_id', '=', task.id).execute()).map((x) => x.volunteer_id);
      if (who.length === 0) {
        who = picker.pick(code, settlementOf.get(task.resident_id) ?? '', task.scheduled_on, 1);
        await setTaskVolunteers(trx, task.id, who);
      }
      for (const v of who) if (rng.chance(0.95)) await setMinutesSpent(trx, task.id, v, minutesFor(rng, code));
      await setTaskStatus(trx, task.id, { status: 'done', reason: null, doneOn: task.scheduled_on }, actor.id, closedAt);
    }
  });

  // Today: two occasional volunteers are taking a break; start-up makes the plans' tasks ahead.
  setTime(now - 10 * MINUTE, today);
  for (const v of volunteers.filter((x) => x.pauseAtEnd)) await volunteersSvc.setStatus(v.id, 'paused', actor);
  await generatePlanTasks(backdated, { actor });
  await plans.ensureCheckIns(actor);

  const planCount = await db.selectFrom('help_plans').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const taskCount = await db.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { volunteers: volunteers.length, plans: Number(planCount.n), tasks: Number(taskCount.n) };
}

// ---------------------------------------------------------------------------------------------
// Filling

/**
 * Runs `work` with synchronous=NORMAL. Outside a transaction (the CLI's `demo`, the bench) the fill
 * is about a thousand small transactions (the services open one per step); demo data is not worth
 * an fsync each. With WAL the file stays consistent, and only a power cut during the fill could
 * lose its last transactions. Inside the first-run call's transaction the whole fill commits once,
 * and SQLite does not allow changing the setting there.
 */
async function withRelaxedSync<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (db.isTransaction) return work();
  const current = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
  const previous = Number(current.rows[0]?.synchronous ?? 2);
  await sql`pragma synchronous = normal`.execute(db);
  try {
    return await work();
  } finally {
    await sql.raw(`pragma synchronous = ${previous}`).execute(db);
  }
}

/** Fills the database with a believable small-town centre, through the core's own services. */
export async function fillDemoData(
  deps: CoreDeps,
  options: DemoOptions,
): Promise<{ residents: number; households: number; requests: number; volunteers: number; plans: number; tasks: number }> {
  const rng = new Rng(options.seed ?? DEMO_SEED);
  // Volunteers, plans and tasks draw from their own stream, so that residents and requests stay as they were.
  const coordinationRng = new Rng((options.seed ?? DEMO_SEED) ^ 0x5eed_c00d);
  const count = options.residents ?? DEMO_RESIDENTS;
  const windowDays = DEMO_WINDOW_DAYS;
  const today = deps.clock.today();
  const now = deps.clock.now().getTime();

  // The services read the time from their clock: a copy of deps whose clock we move backdates the data.
  const moving = fixedClock(new Date(now).toISOString());
  let day = today;
  const clock: Clock = { now: () => moving.now(), today: () => day };
  const setTime = (at: number, date: string) => {
    moving.set(new Date(Math.min(at, now)).toISOString());
    day = date;
  };
  const backdated: CoreDeps = { ...deps, clock };
  const residents = residentsService(backdated);
  const requests = requestsService(backdated);

  // The words of the centre's language (Russian for an English centre: the e2e suite reads them).
  const words = demoWords((await readSettings(deps.db))?.language);

  return withRelaxedSync(deps.db, async () => {
    const planned = planResidents(rng, count, windowDays, today, words, new Rng((options.seed ?? DEMO_SEED) ^ 0x4a3e)).sort((a, b) => a.registeredAt - b.registeredAt);
    markSnowList(coordinationRng, planned);
    for (const r of planned) {
      setTime(r.registeredAt, isoDay(r.registeredAt));
      // Disability is health data: registered without it, a consent covering health is recorded
      // the same minute, then it is ticked (the rule of residents.service).
      const disability = r.situations.has('disability');
      const created = await residents.create(residentInputSchema.parse(disability ? { ...r.input, situations: r.input.situations?.filter((s) => s !== 'disability') } : r.input), options.actor);
      r.id = created.id;
      if (disability) {
        await recordDemoHealthConsent(deps.db, created.id, created.createdAt, options.actor.id);
        await residents.update(created.id, residentInputSchema.parse(r.input), options.actor);
      }
    }
    // Later features fill in order, each from its own seed (so that adding one moves nothing else).
    const seed = options.seed ?? DEMO_SEED;
    const later: DemoContext = { backdated, deps, setTime, actor: options.actor, today, now, windowDays, seed };
    // The residents planned together live together (households.demo.ts).
    const households = await demoHouseholds(later, new Rng(seed ^ 0x4015e), planned);
    // A few of them were assessed (assessments.demo.ts).
    await demoAssessments(later, new Rng(seed ^ 0xa55e5), planned);

    const kindRows = await deps.db
      .selectFrom('service_kinds')
      .select(['id', 'code'])
      .where('code', 'is not', null)
      .where('archived_at', 'is', null)
      .execute();
    const kindIds = new Map(kindRows.flatMap((k) => (k.code === null ? [] : [[k.code, k.id] as const])));
    const plans = planRequests(rng, planned, kindIds, today, now, windowDays, words);
    for (const p of plans) {
      setTime(p.at, p.day);
      const input = requestInputSchema.parse({
        residentId: p.resident.id,
        kindId: p.kindId,
        urgency: p.urgency,
        channel: p.channel,
        description: p.description,
      });
      const request = await requests.create(input, options.actor);
      // Only what has already happened is written; later steps stay in the future.
      for (const step of p.steps) {
        if (step.at > now - MINUTE) break;
        setTime(step.at, isoDay(step.at));
        await requests.setStatus(request.id, step.status, step.note, options.actor);
      }
    }
    const coordination = await fillCoordination(deps, backdated, setTime, coordinationRng, planned, { actor: options.actor, today, now, windowDays, words, names: new Rng((options.seed ?? DEMO_SEED) ^ 0x4a3e5) });
    // The one who died leaves their household that day.
    await demoHouseholdLeavers(later);
    // Two open cases and a closed one (cases.demo.ts), for residents still living there.
    await demoCases(later, new Rng(seed ^ 0xca5e5));
    // Then the money: the cash book first (accounts the others post to), then the till and the
    // grants/rent; users last.
    await demoCashbook({ ...later, seed: seed ^ 0xca5b });
    await demoTill({ ...later, seed: seed ^ 0x7111 });
    await demoFunding({ ...later, seed: seed ^ 0xf0d5 });
    // A small project with participants (after the grants: it is linked to the centre's grant).
    await demoProjects({ ...later, seed: seed ^ 0x9e0c7 });
    await demoEvents({ ...later, seed: seed ^ 0xe7e17 });
    // A small temporary shelter with displaced households and people alone (shelter.demo.ts).
    await demoShelter({ ...later, seed: seed ^ 0x5e17 });
    // In-kind aid received and handed out over six months (aid.demo.ts).
    await demoAid({ ...later, seed: seed ^ 0xa1d });
    await demoUsers({ ...later, seed: seed ^ 0x05e5 });
    await demoPrivacy({ ...later, seed: seed ^ 0x9d1c });
    // The tables grew from nothing: statistics for the planner.
    await optimizeAfterBulkWrite(deps.db);
    return { residents: planned.length, households, requests: plans.length, ...coordination };
  });
}
