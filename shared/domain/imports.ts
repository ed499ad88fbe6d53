/**
 * Import of a centre's existing lists (issue 15): what a column can be mapped to, the mapping, the
 * outcome of each row, and the header names each field is guessed from in the five languages.
 */
import { z } from 'zod';
import { health, identity, out, pub } from '../api/fields';
import { LANGUAGES } from './settings';
import { fold } from './text';

export const IMPORT_KINDS = ['residents'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251', 'windows-1250', 'windows-1253'] as const;
export const IMPORT_SEPARATORS = [';', ',', '\t'] as const;

/** What a column of a residents list can hold. `householdKey`: rows with the same key live together (the first is the head). */
export const RESIDENT_IMPORT_FIELDS = [
  'id',
  'fullName',
  'lastName',
  'firstName',
  'patronymic',
  'birthYear',
  'birthDate',
  'address',
  'settlement',
  'street',
  'house',
  'flat',
  'phone',
  'situations',
  'householdSize',
  'householdKey',
  'relation',
  'notes',
  'regularCare',
  'needsSnowClearing',
] as const;
export type ResidentImportField = (typeof RESIDENT_IMPORT_FIELDS)[number];

export const NAME_ORDERS = ['auto', 'surnameFirst', 'surnameLast'] as const;

export const importMappingSchema = z.object({
  /** Header text → field; a column not listed is not imported. */
  columns: z.record(z.string().max(200), z.enum(RESIDENT_IMPORT_FIELDS)),
  nameOrder: z.enum(NAME_ORDERS).default('auto'),
  /** The language the list's amounts and words are written in (the amount reader's habits). */
  language: z.enum(LANGUAGES).default('ru'),
});
export type ImportMapping = z.output<typeof importMappingSchema>;

/** Base64 of a file of at most 64 MB. */
export const MAX_IMPORT_BASE64 = Math.ceil((64 * 1024 * 1024 * 4) / 3) + 4;

export const importFileSchema = z.object({
  fileName: z.string().trim().min(1, 'validation.required').max(260, 'validation.tooLong'),
  base64: z.string().max(MAX_IMPORT_BASE64, 'validation.tooLong'),
  encoding: z.enum(IMPORT_ENCODINGS).optional(),
  separator: z.enum(IMPORT_SEPARATORS).optional(),
});

export const IMPORT_OUTCOMES = ['create', 'update', 'duplicate', 'rejected'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

const str = z.string();
const num = z.number();

export const importPreviewSchema = out({
  kind: pub(z.enum(IMPORT_KINDS)),
  encoding: pub(z.enum(IMPORT_ENCODINGS).nullable()),
  /** bom | utf8 | letters | given; null for XLSX. */
  encodingHow: pub(str.nullable()),
  separator: pub(z.enum(IMPORT_SEPARATORS).nullable()),
  fileKind: pub(z.enum(['csv', 'xlsx'])),
  header: pub(z.array(str)),
  /** The first rows as read (people's data: names, addresses, situations). */
  rows: pub(z.array(out({ row: pub(num), cells: health(z.array(str)), shape: pub(z.enum(['ok', 'tooMany', 'tooFew'])) }))),
  rowCount: pub(num),
  /** Header text → the field guessed from its name (columns not guessed are left out). */
  guessed: pub(z.record(str, z.enum(RESIDENT_IMPORT_FIELDS))),
});
export type ImportPreview = z.output<typeof importPreviewSchema>;

const rowOutcome = out({
  /** The spreadsheet's row number (the header is row 1). */
  row: pub(num),
  outcome: pub(z.enum(IMPORT_OUTCOMES)),
  /** An i18n key (common `validation.*`) of why the row is rejected, skipped or imported with a change. */
  reason: pub(str.nullable()),
  /** The column the reason is about. */
  column: pub(str.nullable()),
  /** The person's name as read. */
  name: identity(str),
  /** The resident it duplicates, updates or created. */
  matchId: pub(num.nullable()),
  /** The earlier row of the same file it duplicates. */
  matchRow: pub(num.nullable()),
});

export const importResultSchema = out({
  reportId: pub(num.nullable()),
  rowCount: pub(num),
  created: pub(num),
  updated: pub(num),
  duplicates: pub(num),
  rejected: pub(num),
  households: pub(num),
  /** Row by row (at most the first 5,000 rows; the counts are of all). */
  rows: pub(z.array(rowOutcome)),
});
export type ImportResult = z.output<typeof importResultSchema>;
export const MAX_RESULT_ROWS = 5000;

export const importMappingInfoSchema = out({
  id: pub(num),
  kind: pub(z.enum(IMPORT_KINDS)),
  name: pub(str),
  mapping: pub(
    out({
      columns: pub(z.record(str, z.enum(RESIDENT_IMPORT_FIELDS))),
      nameOrder: pub(z.enum(NAME_ORDERS)),
      language: pub(z.enum(LANGUAGES)),
    }),
  ),
  updatedAt: pub(str),
});

export const importReportSchema = out({
  id: pub(num),
  kind: pub(z.enum(IMPORT_KINDS)),
  fileName: pub(str),
  rowCount: pub(num),
  created: pub(num),
  updated: pub(num),
  duplicates: pub(num),
  rejected: pub(num),
  at: pub(str),
  by: pub(num),
});

export const rejectedSheetSchema = out({
  fileName: pub(str),
  /** A CSV (UTF-8 with BOM, ";") of the rejected rows with a column of reasons, to fix and import again. */
  base64: health(str),
});

/** Header names (folded) people give each field, in en, ru, uk, pl and el. */
const HEADER_WORDS: Record<ResidentImportField, string[]> = {
  id: ['id', 'hearth id', 'код', 'номер записи'],
  fullName: ['fio', 'фио', 'ф.и.о.', 'ф.и.о', 'піб', 'п.і.б.', 'full name', 'name', 'имя и фамилия', 'imię i nazwisko', 'imie i nazwisko', 'nazwisko i imię', 'nazwisko i imie', 'ονοματεπωνυμο', 'ονομ/νυμο'],
  lastName: ['фамилия', 'прізвище', 'surname', 'last name', 'family name', 'nazwisko', 'επωνυμο'],
  firstName: ['имя', 'імя', "ім'я", 'імʼя', 'first name', 'given name', 'imię', 'imie', 'ονομα', 'μικρο ονομα'],
  patronymic: ['отчество', 'по батькові', 'по-батькові', 'patronymic', 'middle name', 'drugie imię', 'patronimik', 'πατρωνυμο', 'ονομα πατρος'],
  birthYear: ['год рождения', 'г.р.', 'рік народження', 'р.н.', 'birth year', 'year of birth', 'rok urodzenia', 'έτος γέννησης', 'ετος γεννησης'],
  birthDate: ['дата рождения', 'дата народження', 'date of birth', 'birth date', 'birthday', 'data urodzenia', 'ημερομηνια γεννησης', 'ημ. γεννησης'],
  address: ['адрес', 'адреса', 'address', 'adres', 'adres zamieszkania', 'διευθυνση', 'διευθυνση κατοικιας'],
  settlement: ['населенный пункт', 'населений пункт', 'село', 'город', 'місто', 'settlement', 'village', 'town', 'city', 'miejscowość', 'miejscowosc', 'miasto', 'πολη', 'οικισμος', 'περιοχη'],
  street: ['улица', 'вулиця', 'street', 'ulica', 'οδος'],
  house: ['дом', 'будинок', 'house', 'house number', 'nr domu', 'numer domu', 'αριθμος'],
  flat: ['квартира', 'кв.', 'flat', 'apartment', 'nr mieszkania', 'mieszkanie', 'lokal', 'διαμερισμα'],
  phone: ['телефон', 'тел.', 'тел', 'phone', 'telephone', 'mobile', 'telefon', 'tel.', 'τηλεφωνο', 'τηλ.', 'κινητο'],
  situations: ['положение', 'категория', 'социальный статус', 'статус', 'категорія', 'становище', 'соціальний статус', 'situation', 'living situation', 'category', 'status', 'sytuacja', 'kategoria', 'sytuacja życiowa', 'κατηγορια', 'κατασταση'],
  householdSize: ['состав семьи', 'членов семьи', 'склад сім’ї', "склад сім'ї", 'household size', 'osób w gospodarstwie', 'liczba osób', 'μελη οικογενειας', 'μελη νοικοκυριου'],
  householdKey: ['семья', 'сім’я', "сім'я", 'домохозяйство', 'домогосподарство', 'household', 'family', 'rodzina', 'gospodarstwo domowe', 'νοικοκυριο', 'οικογενεια'],
  relation: ['родство', 'степень родства', 'родинний зв’язок', "родинний зв'язок", 'relation', 'relationship', 'pokrewieństwo', 'stopień pokrewieństwa', 'συγγενεια'],
  notes: ['примечание', 'примечания', 'комментарий', 'примітка', 'примітки', 'коментар', 'notes', 'note', 'comment', 'uwagi', 'notatki', 'σημειωσεις', 'παρατηρησεις'],
  regularCare: ['постоянный уход', 'регулярная помощь', 'постійний догляд', 'regular care', 'stała opieka', 'stala opieka', 'τακτικη φροντιδα'],
  needsSnowClearing: ['уборка снега', 'чистка снега', 'прибирання снігу', 'snow clearing', 'odśnieżanie', 'odsniezanie', 'καθαρισμος χιονιου'],
};

const HEADER_INDEX = new Map<string, ResidentImportField>();
for (const [field, words] of Object.entries(HEADER_WORDS) as [ResidentImportField, string[]][]) {
  for (const w of words) {
    const key = headerKey(w);
    if (!HEADER_INDEX.has(key)) HEADER_INDEX.set(key, field);
  }
}

function headerKey(text: string): string {
  return fold(text).replace(/[’ʼ]/g, "'").replace(/[^\p{L}\p{N}'.]+/gu, ' ').trim();
}

/** The field a header name means, or null (each field is guessed for one column at most). */
export function guessMapping(header: string[]): Record<string, ResidentImportField> {
  const out: Record<string, ResidentImportField> = {};
  const used = new Set<ResidentImportField>();
  for (const h of header) {
    const key = headerKey(h);
    const field = HEADER_INDEX.get(key) ?? HEADER_INDEX.get(key.replace(/[.']/g, '').trim()) ?? null;
    if (field && !used.has(field) && !(field === 'fullName' && used.has('lastName'))) {
      out[h] = field;
      used.add(field);
    }
  }
  return out;
}

/** The fields a column of each kind of list can be mapped to, in the order the wizard offers them. */
export const IMPORT_FIELDS: { readonly [K in ImportKind]: readonly string[] } = {
  residents: RESIDENT_IMPORT_FIELDS,
};
