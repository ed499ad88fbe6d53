/**
 * The words of the demo centre, one file per language (ru.ts, uk.ts, pl.ts, el.ts), all of this one
 * shape: a missing text is a type error. demo.ts draws every random number itself in the same order
 * whatever the language (so the counts of residents, requests, volunteers and the care and snow lists
 * are the same for a seed); the words only turn those draws into text. A template here may draw from
 * the rng, but each language's template for a kind must make the same draws under the same conditions
 * as the Russian one (the same list lengths for shuffle; words.test.ts checks the shapes).
 */
import type { BuiltInKindCode } from '../../../../shared/domain/catalogue';
import type { Urgency } from '../../../../shared/domain/requests';
import type { Situation } from '../../../../shared/domain/residents';
import type { Gender, NameLang } from '../names';

export const WINTER: ReadonlySet<number> = new Set([11, 12, 1, 2, 3]);
export const HEATING: ReadonlySet<number> = new Set([10, 11, 12, 1, 2, 3, 4]);

/** The part of the demo's Rng the templates use. */
export interface WordsRng {
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
  shuffle<T>(list: readonly T[]): T[];
}

/** What the words may know of a resident. */
export interface WordsResident {
  gender: Gender;
  elderly: boolean;
  privateHouse: boolean;
  situations: ReadonlySet<Situation>;
}

export interface Described {
  text: string;
  urgency?: Urgency;
  /** Paid desk services: what the visitor paid (in roubles of the Sylva price list), noted when done. */
  price?: number;
}

export interface TemplateCtx {
  rng: WordsRng;
  r: WordsResident;
  /** 1–12 */
  month: number;
}

export type Template = (c: TemplateCtx) => Described | null;

export interface KindWords {
  templates: readonly Template[];
  referrals?: readonly string[];
  /** Notes a volunteer leaves when a job takes more than one visit. */
  progressNotes?: readonly string[];
}

export interface SettlementWords {
  name: string;
  streets: readonly string[];
}

export type PhoneKind = 'RU' | 'UA' | 'PL' | 'GR';

export interface DemoWords {
  /** Whose names the residents and volunteers planned as Russian, Ukrainian, Polish and Greek carry here. */
  names: Readonly<Record<NameLang, NameLang>>;
  /** The home country's mobile phones (displaced people keep their Ukrainian ones). */
  homePhone: PhoneKind;
  /** A landline from five local digits ("5-12-34" in Sylva), with the area code when `long`. */
  landline(digits: string, long: boolean): string;
  /** Five places, in the order of the Russian ones (the main village, the town, three villages). */
  settlements: readonly [SettlementWords, SettlementWords, SettlementWords, SettlementWords, SettlementWords];
  /** Letters after a house number (12а, 12Б). */
  houseLetters: readonly [string, string];
  /** The notes a resident's card may carry; `neighbourFlat` is drawn only for flats. */
  residentNotes(c: { r: WordsResident & { lang: NameLang; flat: boolean }; firstName: string; neighbourFlat: number }): string[];
  kinds: Readonly<Record<BuiltInKindCode, KindWords>>;
  /** Six weekdays Monday to Saturday, as "on Monday". */
  weekdays: readonly [string, string, string, string, string, string];
  /** Ten volunteers' first names as the desk writes them in notes. */
  volunteers: readonly string[];
  generalReferrals: readonly string[];
  /** Five notes (the last may be empty). */
  cancelNotes(r: WordsResident): readonly [string, string, string, string, string];
  leftWithoutWaiting(r: WordsResident): string;
  paid(priceRub: number): string;
  visitPlanned: readonly [string, string, string];
  appointmentOn(weekday: string): string;
  didNotCome(r: WordsResident): string;
  doneNotes: readonly [string, string, string];
  volunteerWent(name: string): string;
  /** "Volunteer Anna, tomorrow": `when` is one of `whenWords` or a weekday. */
  volunteerPlanned(name: string, when: string): string;
  whenWords: readonly [string, string];
  volunteerNotes: readonly [string, string, string, string, string, string, string];
  notDoneReasons: readonly [string, string, string, string];
  checkInPlanNotes: readonly [string, string, string];
  medicinePlanNotes: readonly [string, string, string];
  firewoodPlanNote: string;
}

export const g = (r: { gender: Gender }, male: string, female: string): string => (r.gender === 'male' ? male : female);

/** The Slavic plural: 1 страница, 2 страницы, 5 страниц (ru, uk; Polish passes its own `one` for 1 only). */
export function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

/** The Polish plural: 1 strona, 2–4 / 22–24 strony, else stron (21 stron, 11 stron). */
export function pluralPl(n: number, one: string, few: string, many: string): string {
  if (n === 1) return one;
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}
