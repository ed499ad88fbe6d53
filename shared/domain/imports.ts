/**
 * Import of a centre's existing lists (issue 15): what a column can be mapped to, the mapping, the
 * outcome of each row, and the header names each field is guessed from in the five languages.
 */
import { z } from 'zod';
import { health, identity, out, pub } from '../api/fields';
import { LANGUAGES } from './settings';
import { fold } from './text';

export const IMPORT_KINDS = ['residents', 'volunteers', 'requests', 'cashbook', 'stock'] as const;
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

/** What a column of a volunteers list can hold (languages and skills: words separated by commas). */
export const VOLUNTEER_IMPORT_FIELDS = [
  'fullName',
  'lastName',
  'firstName',
  'patronymic',
  'settlement',
  'phone',
  'languages',
  'skills',
  'specialist',
  'isRegular',
  'agreementSignedOn',
  'notes',
] as const;

/**
 * What a column of a request history can hold: the resident (found by name and birth year with the
 * duplicate matcher), the kind of help, the day, the status and the text.
 */
export const REQUEST_IMPORT_FIELDS = ['fullName', 'lastName', 'firstName', 'patronymic', 'birthYear', 'birthDate', 'kind', 'date', 'status', 'urgency', 'channel', 'text'] as const;

/**
 * What a column of a cash book can hold. The amount is one signed column (`amount`: minus is money
 * out, unless `type` says), or two (`income`, `expense`), or minor units as the full export writes
 * them (`amountMinor`). `account` and `category`: a name (or the export's id).
 */
export const CASHBOOK_IMPORT_FIELDS = ['date', 'amount', 'income', 'expense', 'amountMinor', 'type', 'currency', 'account', 'category', 'counterparty', 'documentNo', 'text'] as const;

/** What a column of an in-kind stock list (aid received) can hold. */
export const STOCK_IMPORT_FIELDS = ['item', 'size', 'unit', 'quantity', 'date', 'donor', 'value', 'notes'] as const;

/** The fields of each kind of list (the wizard's choices and the mapping's check). */
export const IMPORT_FIELDS = {
  residents: RESIDENT_IMPORT_FIELDS,
  volunteers: VOLUNTEER_IMPORT_FIELDS,
  requests: REQUEST_IMPORT_FIELDS,
  cashbook: CASHBOOK_IMPORT_FIELDS,
  stock: STOCK_IMPORT_FIELDS,
} as const satisfies Record<ImportKind, readonly string[]>;
export type ImportFieldOf<K extends ImportKind> = (typeof IMPORT_FIELDS)[K][number];
export type ImportField = ImportFieldOf<ImportKind>;

/** Every field of every kind, once (a mapping's values; the core checks they belong to the kind). */
export const ALL_IMPORT_FIELDS = [...new Set(Object.values(IMPORT_FIELDS).flat())] as unknown as readonly [ImportField, ...ImportField[]];

/** Whether a field is one of a kind's. */
export function isFieldOf(kind: ImportKind, field: string): boolean {
  return (IMPORT_FIELDS[kind] as readonly string[]).includes(field);
}

export const NAME_ORDERS = ['auto', 'surnameFirst', 'surnameLast'] as const;

export const importMappingSchema = z.object({
  /** Header text → field; a column not listed is not imported. */
  columns: z.record(z.string().max(200), z.enum(ALL_IMPORT_FIELDS)),
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
  guessed: pub(z.record(str, z.enum(ALL_IMPORT_FIELDS))),
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
  /** The text of that column's cell when the reason quotes it ("31.02.1950 is not a day in the calendar"); else null. */
  text: identity(str.nullable()),
  /** The person's name as read (of a cash book or stock row: its text or item). */
  name: identity(str),
  /** The record it duplicates, updates or created (a resident, volunteer, request, entry or movement). */
  matchId: pub(num.nullable()),
  /** The earlier row of the same file it duplicates. */
  matchRow: pub(num.nullable()),
  /**
   * The registered resident a residents row duplicates or updates, as the table names them ("Иванова
   * Мария Петровна, 1941"), so that the wizard shows who without opening their page (which would be
   * audited as a view); null for other outcomes and other kinds of list.
   */
  matchName: identity(str.nullable()),
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
      columns: pub(z.record(str, z.enum(ALL_IMPORT_FIELDS))),
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
const RESIDENT_HEADER_WORDS: Record<ResidentImportField, string[]> = {
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

const NAME_WORDS = {
  fullName: RESIDENT_HEADER_WORDS.fullName,
  lastName: RESIDENT_HEADER_WORDS.lastName,
  firstName: RESIDENT_HEADER_WORDS.firstName,
  patronymic: RESIDENT_HEADER_WORDS.patronymic,
};

const VOLUNTEER_HEADER_WORDS: Record<ImportFieldOf<'volunteers'>, string[]> = {
  ...NAME_WORDS,
  fullName: [...RESIDENT_HEADER_WORDS.fullName, 'волонтер', 'волонтёр', 'волонтер фио', 'volunteer', 'wolontariusz', 'εθελοντης'],
  settlement: RESIDENT_HEADER_WORDS.settlement,
  phone: RESIDENT_HEADER_WORDS.phone,
  languages: ['языки', 'язык', 'мови', 'мова', 'languages', 'language', 'języki', 'jezyki', 'język', 'γλωσσες', 'γλωσσα'],
  skills: ['навыки', 'умения', 'чем может помочь', 'навички', 'вміння', 'skills', 'can help with', 'umiejętności', 'umiejetnosci', 'δεξιοτητες'],
  specialist: ['специалист', 'специальность', 'профессия', 'фахівець', 'спеціальність', 'професія', 'specialist', 'profession', 'specjalista', 'zawód', 'zawod', 'ειδικοτητα', 'επαγγελμα'],
  isRegular: ['постоянный', 'постоянный волонтер', 'регулярно', 'постійний', 'регулярний', 'regular', 'stały', 'staly', 'regularny', 'τακτικος'],
  agreementSignedOn: ['договор', 'дата договора', 'соглашение', 'договір', 'дата договору', 'угода', 'agreement', 'agreement signed', 'agreement date', 'porozumienie', 'umowa', 'data porozumienia', 'συμφωνητικο', 'συμβαση'],
  notes: RESIDENT_HEADER_WORDS.notes,
};

const DATE_WORDS = ['дата', 'число', 'date', 'day', 'data', 'dzień', 'dzien', 'ημερομηνια', 'ημ/νια'];
const TEXT_WORDS = ['описание', 'содержание', 'текст', 'опис', 'зміст', 'description', 'text', 'details', 'opis', 'treść', 'tresc', 'περιγραφη', 'κειμενο'];

const REQUEST_HEADER_WORDS: Record<ImportFieldOf<'requests'>, string[]> = {
  ...NAME_WORDS,
  fullName: [...RESIDENT_HEADER_WORDS.fullName, 'житель', 'заявитель', 'мешканець', 'заявник', 'resident', 'applicant', 'mieszkaniec', 'wnioskodawca', 'ωφελουμενος', 'αιτων'],
  birthYear: RESIDENT_HEADER_WORDS.birthYear,
  birthDate: RESIDENT_HEADER_WORDS.birthDate,
  kind: ['вид помощи', 'услуга', 'вид', 'вид допомоги', 'послуга', 'kind', 'kind of help', 'service', 'help', 'rodzaj pomocy', 'usługa', 'usluga', 'rodzaj', 'ειδος βοηθειας', 'υπηρεσια', 'ειδος'],
  date: [...DATE_WORDS, 'дата обращения', 'дата звернення', 'date of request', 'data zgłoszenia', 'data zgloszenia', 'ημερομηνια αιτησης'],
  status: ['статус', 'состояние', 'стан', 'status', 'state', 'stan', 'κατασταση'],
  urgency: ['срочность', 'терміновість', 'urgency', 'pilność', 'pilnosc', 'επειγον'],
  channel: ['как обратился', 'канал', 'способ обращения', 'спосіб звернення', 'channel', 'how', 'kanał', 'kanal', 'sposób zgłoszenia', 'τροπος'],
  text: [...TEXT_WORDS, 'просьба', 'обращение', 'звернення', 'прохання', 'request', 'zgłoszenie', 'prośba', 'αιτημα'],
};

const CASHBOOK_HEADER_WORDS: Record<ImportFieldOf<'cashbook'>, string[]> = {
  date: [...DATE_WORDS, 'дата операции', 'дата операції', 'data operacji', 'entry_date'],
  amount: ['сумма', 'сума', 'amount', 'sum', 'kwota', 'ποσο'],
  income: ['приход', 'поступление', 'доход', 'надходження', 'прихід', 'дохід', 'income', 'in', 'receipts', 'przychód', 'przychod', 'wpływ', 'wplyw', 'εσοδα', 'εισπραξη'],
  expense: ['расход', 'выплата', 'видаток', 'витрата', 'expense', 'expenses', 'out', 'payments', 'rozchód', 'rozchod', 'wydatek', 'εξοδα', 'πληρωμη'],
  amountMinor: ['amount_minor', 'сумма в копейках', 'amount in minor units'],
  type: ['тип', 'вид операции', 'тип операції', 'type', 'income/expense', 'typ', 'rodzaj operacji', 'τυπος'],
  currency: ['валюта', 'currency', 'waluta', 'νομισμα'],
  account: ['счет', 'счёт', 'касса', 'рахунок', 'каса', 'account', 'cash box', 'konto', 'rachunek', 'kasa', 'λογαριασμος', 'ταμειο', 'account_id'],
  category: ['статья', 'категория', 'стаття', 'категорія', 'category', 'item', 'kategoria', 'pozycja', 'κατηγορια', 'category_id'],
  counterparty: ['контрагент', 'от кого / кому', 'плательщик', 'получатель', 'платник', 'отримувач', 'counterparty', 'payer', 'payee', 'kontrahent', 'płatnik', 'odbiorca', 'αντισυμβαλλομενος', 'δικαιουχος'],
  documentNo: ['документ', '№ документа', 'номер документа', 'document', 'document no', 'receipt no', 'dokument', 'nr dokumentu', 'παραστατικο', 'document_no'],
  text: [...TEXT_WORDS, 'примечание', 'назначение', 'примітка', 'призначення', 'note', 'purpose', 'uwagi', 'tytuł', 'tytul', 'σημειωση', 'αιτιολογια'],
};

const STOCK_HEADER_WORDS: Record<ImportFieldOf<'stock'>, string[]> = {
  item: ['наименование', 'товар', 'вещь', 'что', 'найменування', 'що', 'item', 'goods', 'what', 'nazwa', 'towar', 'artykuł', 'artykul', 'ειδος', 'περιγραφη ειδους'],
  size: ['размер', 'розмір', 'size', 'rozmiar', 'μεγεθος'],
  unit: ['единица', 'ед. изм.', 'ед.изм.', 'ед', 'одиниця', 'од. вим.', 'unit', 'jednostka', 'jm', 'j.m.', 'μοναδα'],
  quantity: ['количество', 'кол-во', 'к-во', 'кількість', 'к-сть', 'quantity', 'qty', 'count', 'ilość', 'ilosc', 'ποσοτητα'],
  date: [...DATE_WORDS, 'дата поступления', 'дата надходження', 'received on', 'data przyjęcia', 'data przyjecia', 'ημερομηνια παραλαβης'],
  donor: ['от кого', 'донор', 'жертвователь', 'від кого', 'благодійник', 'donor', 'from', 'from whom', 'darczyńca', 'darczynca', 'od kogo', 'δωρητης', 'απο'],
  value: ['стоимость', 'оценка', 'вартість', 'value', 'worth', 'wartość', 'wartosc', 'αξια'],
  notes: RESIDENT_HEADER_WORDS.notes,
};

const HEADER_WORDS: { [K in ImportKind]: Record<ImportFieldOf<K>, string[]> } = {
  residents: RESIDENT_HEADER_WORDS,
  volunteers: VOLUNTEER_HEADER_WORDS,
  requests: REQUEST_HEADER_WORDS,
  cashbook: CASHBOOK_HEADER_WORDS,
  stock: STOCK_HEADER_WORDS,
};

const HEADER_INDEX = new Map<ImportKind, Map<string, ImportField>>();
for (const kind of IMPORT_KINDS) {
  const index = new Map<string, ImportField>();
  for (const [field, words] of Object.entries(HEADER_WORDS[kind]) as [ImportField, string[]][]) {
    for (const w of words) {
      const key = headerKey(w);
      if (!index.has(key)) index.set(key, field);
    }
  }
  HEADER_INDEX.set(kind, index);
}

function headerKey(text: string): string {
  return fold(text).replace(/[’ʼ]/g, "'").replace(/[^\p{L}\p{N}'.]+/gu, ' ').trim();
}

/** The field each header name means in a kind of list (each field is guessed for one column at most). */
export function guessMapping(header: string[]): Record<string, ResidentImportField>;
export function guessMapping<K extends ImportKind>(header: string[], kind: K): Record<string, ImportFieldOf<K>>;
export function guessMapping(header: string[], kind: ImportKind = 'residents'): Record<string, ImportField> {
  const index = HEADER_INDEX.get(kind) as Map<string, ImportField>;
  const out: Record<string, ImportField> = {};
  const used = new Set<ImportField>();
  for (const h of header) {
    const key = headerKey(h);
    const field = index.get(key) ?? index.get(key.replace(/[.']/g, '').trim()) ?? null;
    if (field && !used.has(field) && !(field === 'fullName' && used.has('lastName'))) {
      out[h] = field;
      used.add(field);
    }
  }
  return out;
}

/**
 * The steps of an import that its long work reports (the `import` task's progress events): each
 * row of the file counts once when read (parsed and prepared), once when compared with the
 * register and once when written, so `total` = steps × rows. Every kind of list is compared (dry
 * run) and written (run) on the work thread too (residents-run.ts); the preview is only read there.
 * (A core on an in-memory database, tests only, compares and writes on its own thread, unreported.)
 */
export const IMPORT_STEPS = ['read', 'compared', 'written'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

export function importStepsReported(kind: ImportKind, call: 'preview' | 'dryRun' | 'run'): 1 | 2 | 3 {
  // The same steps for every kind (the kind stays a parameter: the wizard names it).
  void kind;
  if (call === 'preview') return 1;
  return call === 'dryRun' ? 2 : 3;
}

/** Where a run of `steps` steps is: the step under way and its rows done of the file's rows. */
export function importStepOf(done: number, total: number, steps: 1 | 2 | 3): { step: ImportStep; done: number; rows: number } {
  const rows = Math.max(1, Math.round(total / steps));
  const index = Math.max(0, Math.min(steps - 1, Math.floor(done / rows)));
  return { step: IMPORT_STEPS[index] as ImportStep, done: Math.max(0, Math.min(rows, done - index * rows)), rows };
}
