/**
 * Cells as people write them in their lists: dates, amounts, a full name in one column, an address
 * in one column, living situations in words, phones, birth years. Each reader returns a value or
 * an i18n key of the reason (common `validation.*`); none throws.
 */
import { fromDayNumber, isIsoDate } from '../../../../../shared/domain/dates';
import { parseAmount, type AmountError } from '../../../../../shared/domain/amounts';
import { isValidPhone } from '../../../../../shared/domain/phone';
import { MIN_BIRTH_YEAR, type Situation } from '../../../../../shared/domain/residents';
import { fold, foldedWords } from '../../../../../shared/domain/text';
import { nameOrderOf, PATRONYMIC, type KnownOrder } from './names';

export type CellResult<T> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const no = <T>(error: string): CellResult<T> => ({ ok: false, error });

/** A reason that quotes the cell it is about ("31.02.1950 is not a day in the calendar"): the row's outcome carries the cell's text. */
export const NOT_IN_CALENDAR = 'validation.dateNotInCalendar';
export const QUOTES_CELL: ReadonlySet<string> = new Set([NOT_IN_CALENDAR]);

/** The text of the cell a reason is about, when the reason quotes it (QUOTES_CELL), else null. */
export function quotedCell(header: string[], cells: string[], reason: string | null, column: string | null): string | null {
  if (reason === null || column === null || !QUOTES_CELL.has(reason)) return null;
  const i = header.indexOf(column);
  return i >= 0 ? (cells[i] ?? '').trim() : null;
}

/** Excel's day 0 (serials count from 1899-12-30, which absorbs its 1900 leap-year slip). */
const EXCEL_EPOCH_DAY = -25569;

/**
 * A date as people write it: 31.12.2024, 31/12/2024, 31-12-2024 (day first, as in every centre's
 * language), 2024-12-31 or 2024.12.31, an Excel serial (45657), with a time after it ignored.
 * A date of that shape that is no day of the calendar (31.02.1950, 29.02.2023, 31.04.2024) is refused
 * with its own reason (`validation.dateNotInCalendar`, which quotes the cell), never moved to March;
 * anything else that is not a date with `validation.date`.
 */
export function readDate(input: string): CellResult<string> {
  const text = input.trim().replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '').replace(/\s*(г\.|р\.|r\.)$/u, '');
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
  if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})[./-](\d{1,2})[./-](\d{1,2})$/.exec(text))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if (/^\d{1,6}(\.0+)?$/.test(text)) {
    const serial = Math.floor(Number(text));
    if (serial < 1 || serial > 401768) return no('validation.date');
    const iso = fromDayNumber(serial + EXCEL_EPOCH_DAY);
    return isIsoDate(iso) ? ok(iso) : no('validation.date');
  } else return no('validation.date');
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(iso) ? ok(iso) : no(y >= 1 ? NOT_IN_CALENDAR : 'validation.date');
}

/** A birth year: a year alone (1948), or the year of a birth date in any of readDate's forms. */
export function readBirthYear(input: string, thisYear: number): CellResult<number | null> {
  const text = input.trim();
  if (text === '') return ok(null);
  let year: number;
  if (/^\d{4}$/.test(text) && Number(text) >= MIN_BIRTH_YEAR) year = Number(text);
  else {
    const date = readDate(text);
    if (!date.ok) return no(date.error);
    year = Number(date.value.slice(0, 4));
  }
  return year >= MIN_BIRTH_YEAR && year <= thisYear ? ok(year) : no('validation.birthYear');
}

/** An amount with the reader of the money fields (parseAmount), in the list's language and currency. */
export function readAmount(input: string, language: string, currency: string, allowNegative = false): CellResult<number> {
  const r = parseAmount(input, language, currency, { allowNegative });
  return r.ok ? ok(r.minor) : no<number>(r.error satisfies AmountError);
}

export type NameOrder = 'auto' | 'surnameFirst' | 'surnameLast';
export interface NameParts {
  lastName: string;
  firstName: string;
  patronymic: string;
}

const isUpper = (w: string) => w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
const cap = (w: string) => (isUpper(w) ? w.charAt(0) + w.slice(1).toLowerCase() : w);

/**
 * A full name in one column split in its parts. Lists write the surname first ("Иванова Мария
 * Петровна", "Παπαδοπούλου Ελένη", "Kowalska Anna") or last ("Jan Kowalski", "Ελένη
 * Παπαδοπούλου", "Олена Щербина"). `auto`: the order the name's own words tell (read/names.ts: a
 * comma, a word in capitals, a patronymic, a known given name, a surname's ending); when they tell
 * nothing, `columnOrder` (the order most names of the column show); without one, Cyrillic means
 * surname first, other scripts surname last.
 */
export function splitFullName(input: string, order: NameOrder = 'auto', columnOrder: KnownOrder | null = null): CellResult<NameParts> {
  const text = input.replace(/\s+/g, ' ').trim();
  if (text === '') return no('validation.required');
  const comma = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (comma.length === 2) {
    const [last, rest] = comma as [string, string];
    const words = rest.split(' ');
    return ok({ lastName: cap(last), firstName: words[0] as string, patronymic: words.slice(1).join(' ') });
  }
  const words = text.split(' ');
  if (words.length === 1) return no('validation.fullName');
  let first = order === 'surnameFirst';
  if (order === 'auto') {
    const told = nameOrderOf(text) ?? columnOrder;
    first = told !== null ? told === 'surnameFirst' : /\p{Script=Cyrillic}/u.test(text);
  }
  if (first) {
    const [last, given, ...rest] = words as [string, string, ...string[]];
    // A second given name ("Kowalska Anna Maria") stays with the first; a patronymic or a Greek father's name (Γεωργίου) apart.
    const fathers = /\p{Script=Cyrillic}/u.test(text) || rest.every((w) => /(ου|ovych|ovich|evych|evich|ivna|ovna|evna)$/u.test(fold(w)));
    if (rest.length > 0 && !fathers) return ok({ lastName: cap(last), firstName: [given, ...rest].map(cap).join(' '), patronymic: '' });
    return ok({ lastName: cap(last), firstName: cap(given), patronymic: rest.map(cap).join(' ') });
  }
  // Surname last: "Jan Kowalski", "Maria Anna Nowak" (second given names are kept with the first name).
  const last = words[words.length - 1] as string;
  const given = words.slice(0, -1);
  if (given.length === 2 && PATRONYMIC.test(fold(given[1] as string))) return ok({ lastName: cap(last), firstName: cap(given[0] as string), patronymic: cap(given[1] as string) });
  return ok({ lastName: cap(last), firstName: given.map(cap).join(' '), patronymic: '' });
}

export interface AddressParts {
  settlement: string;
  street: string;
  house: string;
  flat: string;
}

const SETTLEMENT_MARK = /^(с\.|село|пос\.|посёлок|поселок|пгт|смт|с-ще|селище|г\.|город|м\.|місто|дер\.|д\.\s(?=\p{Lu})|деревня|wieś|wies|miasto|m\.|gm\.|χωριό|πόλη)\s*/iu;
const STREET_MARK = /^(ул\.|улица|вул\.|вулиця|ul\.|ulica|οδός|οδος|οδ\.)\s*/iu;
const HOUSE_MARK = /^(д\.|дом|буд\.|будинок|nr|no\.|αρ\.)\s*(\S+)$/iu;
const FLAT_MARK = /^(кв\.?|квартира|m\.|lok\.|mieszk\.|διαμ\.?|flat|apt\.?)\s*(\S+)$/iu;
const NUMBER = /^\d+\s?\p{L}?$/u;
const STREET_NUMBER = /^(.*\p{L}.*?)\s+(\d+\s?\p{L}?)(?:\s*[/-]\s*(\d+\p{L}?))?$/u;
const FLAT_SUFFIX = /\s+(?:кв\.?|m\.|lok\.|διαμ\.?)\s*(\d+\p{L}?)$/iu;

/**
 * An address in one column split into settlement, street, house and flat where its shape is
 * clear ("с. Сылва, ул. Ленина, д. 12, кв. 4", "Sylva, Lenina 12-4", "ul. Długa 5/3, Zawiercie",
 * "Ερμού 10, Αθήνα"); kept whole in the street field where it is not.
 */
export function splitAddress(input: string): AddressParts {
  const text = input.replace(/\s+/g, ' ').trim();
  const whole = { settlement: '', street: text, house: '', flat: '' };
  if (text === '') return { settlement: '', street: '', house: '', flat: '' };
  const parts = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const out: AddressParts = { settlement: '', street: '', house: '', flat: '' };
  const unknown: string[] = [];
  for (const part of parts) {
    let m: RegExpExecArray | null;
    if ((m = FLAT_MARK.exec(part)) && !out.flat) out.flat = m[2] as string;
    else if ((m = HOUSE_MARK.exec(part)) && !out.house) out.house = m[2] as string;
    else if (NUMBER.test(part) && !out.house && out.street) out.house = part.replace(/\s/g, '');
    else if (SETTLEMENT_MARK.test(part) && !out.settlement) out.settlement = part.replace(SETTLEMENT_MARK, '').trim();
    else if ((m = STREET_NUMBER.exec(part.replace(FLAT_SUFFIX, ''))) && !out.street) {
      out.street = (m[1] as string).replace(STREET_MARK, '').trim();
      out.house = (m[2] as string).replace(/\s/g, '');
      out.flat = m[3] ?? FLAT_SUFFIX.exec(part)?.[1] ?? out.flat;
    } else if (STREET_MARK.test(part) && !out.street) out.street = part.replace(STREET_MARK, '').trim();
    else unknown.push(part);
  }
  // One part left without a mark: the settlement when the street is known, the street otherwise.
  if (unknown.length === 1 && !/\d/.test(unknown[0] as string)) {
    if (!out.settlement && out.street) out.settlement = unknown[0] as string;
    else if (!out.street && out.settlement) out.street = unknown[0] as string;
    else if (!out.settlement && !out.street) out.settlement = unknown[0] as string;
    else return whole;
  } else if (unknown.length > 0) return whole;
  if (out.street.length > 150 || out.settlement.length > 100 || out.house.length > 20 || out.flat.length > 20) return whole;
  return out;
}

/** Word stems (folded) of living situations in the five languages, as the centres' lists write them. */
const SITUATION_STEMS: Record<Situation, string[]> = {
  livesAlone: ['одинок', 'одиноч', 'самотн', 'одинок', 'samotn', 'μονος', 'μονη', 'μοναχικ', 'alone', 'single'],
  pensioner: ['пенсионер', 'пенсіонер', 'пенсион', 'emeryt', 'rencist', 'συνταξιουχ', 'pensioner', 'retired'],
  disability: ['инвалид', 'інвалід', 'овз', 'niepelnospraw', 'αμεα', 'αναπηρ', 'disab'],
  familyInDifficulty: [
    'многодетн', 'багатодітн', 'wielodzietn', 'πολυτεκν', 'малоимущ', 'малозабезпеч', 'малообеспеч', 'неблагополуч', 'трудной', 'складних', 'складній',
    'безработн', 'безробітн', 'bezrobotn', 'ubog', 'trudnej', 'ανεργ', 'απορ', 'ευαλωτ', 'large', 'unemploy', 'low income', 'poor',
  ],
  displaced: ['переселен', 'впл', 'впо', 'беженц', 'беженец', 'біженц', 'біженец', 'uchodźc', 'uchodzc', 'przesiedl', 'προσφυγ', 'εκτοπισμεν', 'displaced', 'refugee', 'idp'],
};
const SITUATION_CODES = new Set<string>(Object.keys(SITUATION_STEMS));
const FOLDED_STEMS = (Object.entries(SITUATION_STEMS) as [Situation, string[]][]).map(([code, stems]) => [code, stems.map(fold)] as const);
/** Lists repeat a few phrases thousands of times: each distinct cell is read once. */
const situationCache = new Map<string, CellResult<Situation[]>>();

/**
 * Living situations from the words people use ("одинокий пенсионер" → livesAlone + pensioner,
 * "інвалід" → disability, "rodzina wielodzietna" → familyInDifficulty, "άνεργος" → familyInDifficulty),
 * or the codes themselves. Words that name none are refused (`validation.situation`).
 */
export function readSituations(input: string): CellResult<Situation[]> {
  const cached = situationCache.get(input);
  if (cached) return cached.ok ? ok([...cached.value]) : cached;
  const result = readSituationsOnce(input);
  if (situationCache.size < 10_000) situationCache.set(input, result);
  return result.ok ? ok([...result.value]) : result;
}

function readSituationsOnce(input: string): CellResult<Situation[]> {
  const text = input.trim();
  if (text === '') return ok([]);
  const found = new Set<Situation>();
  const pieces = text.split(/[;,/|+]+/).map((s) => s.trim()).filter((s) => s !== '');
  for (const piece of pieces) {
    if (SITUATION_CODES.has(piece)) {
      found.add(piece as Situation);
      continue;
    }
    const words = foldedWords(piece);
    const joined = words.join(' ');
    let any = false;
    for (const [code, stems] of FOLDED_STEMS) {
      if (stems.some((s) => (s.includes(' ') ? joined.includes(s) : words.some((w) => w.startsWith(s))))) {
        found.add(code);
        any = true;
      }
    }
    if (!any) return no('validation.situation');
  }
  return ok([...found]);
}

/** Phones in one cell, separated by commas, semicolons or slashes; each must be a phone. */
export function readPhones(input: string): CellResult<string[]> {
  const phones = input.split(/[,;/]|\s{2,}/).map((s) => s.trim()).filter((s) => s !== '');
  if (phones.length > 5) return no('validation.tooMany');
  for (const p of phones) if (!isValidPhone(p)) return no('validation.phone');
  return ok(phones);
}

/** Yes/no as a list writes it: да/так/tak/ναι/yes/1/+/x, нет/ні/nie/όχι/no/0/-/empty. */
export function readYesNo(input: string): CellResult<boolean> {
  const t = fold(input.trim());
  if (['', 'нет', 'ні', 'nie', 'οχι', 'no', '0', '-', 'false'].includes(t)) return ok(false);
  if (['да', 'так', 'tak', 'ναι', 'yes', 'y', '1', '+', 'x', 'true', 'д', 't'].includes(t)) return ok(true);
  return no('validation.yesNo');
}
