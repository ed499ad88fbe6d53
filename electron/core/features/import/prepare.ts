/**
 * The heavy, database-free part of an import, run on the long-work thread (work/jobs.ts `import`):
 * the file's bytes → a table (read/*) → each row mapped to a resident's data by the mapping and the
 * cell readers, or rejected with a reason, and its fingerprint. The compare with the register and
 * the write follow (residents-run.ts): on the same thread when the database is a file.
 */
import { createHash } from 'node:crypto';
import { residentInputSchema, type ResidentData } from '../../../../shared/domain/residents';
import type { ImportKind, ImportMapping, ResidentImportField } from '../../../../shared/domain/imports';
import { prepareKindRow } from './import.kinds';
import type { KindRow } from './import.rows';
import { MEMBER_RELATIONS, type MemberRelation } from '../../../../shared/domain/households';
import { fold } from '../../../../shared/domain/text';
import { readTable, type Table, type TableRow } from './read/table';
import type { Encoding } from './read/decode';
import type { Separator } from './read/table';
import { columnNameOrder, type KnownOrder } from './read/names';
import { quotedCell, readBirthYear, readDate, readPhones, readSituations, readYesNo, splitAddress, splitFullName } from './read/cells';

export interface PreparedRow {
  row: number;
  fingerprint: string;
  /** The resident's data, or null when the row is rejected. */
  data: ResidentData | null;
  reason: string | null;
  column: string | null;
  /** The cell's text when the reason quotes it (QUOTES_CELL: an impossible date), else null. */
  text: string | null;
  /** A change made to the row on the way in (disability left out without a health consent). */
  note: string | null;
  name: string;
  id: number | null;
  householdKey: string;
  relation: MemberRelation;
  cells: string[];
}

export interface ImportJobParams {
  base64: string;
  encoding?: Encoding | undefined;
  separator?: Separator | undefined;
  /** Absent: only read the table (a preview). */
  mapping?: ImportMapping | undefined;
  thisYear: number;
  previewRows?: number;
  /** The kind of list (residents when absent); other kinds' rows are prepared by their modules (import.kinds.ts). */
  kind?: ImportKind | undefined;
  /** The centre's today, YYYY-MM-DD (other kinds refuse days after it). */
  today?: string | undefined;
}

export interface ImportJobResult {
  table: Omit<Table, 'rows'> & { rowCount: number; firstRows: TableRow[] };
  rows: PreparedRow[];
  /** The rows of a list of another kind than residents. */
  kindRows: KindRow[];
}

const RELATION_WORDS: [MemberRelation, string[]][] = [
  ['spouse', ['жена', 'муж', 'супруг', 'дружина', 'чоловік', 'żona', 'zona', 'mąż', 'maz', 'małżon', 'malzon', 'συζυγ', 'wife', 'husband', 'spouse']],
  ['partner', ['партнер', 'сожител', 'конкубин', 'partner', 'σύντροφ', 'συντροφ']],
  ['child', ['сын', 'дочь', 'дочка', 'ребенок', 'ребёнок', 'син', 'донька', 'дочка', 'дитина', 'syn', 'córka', 'corka', 'dziecko', 'γιος', 'κορη', 'παιδι', 'son', 'daughter', 'child']],
  ['grandchild', ['внук', 'внучка', 'wnuk', 'wnuczka', 'εγγον', 'grandson', 'granddaughter', 'grandchild']],
  ['parent', ['мать', 'отец', 'мама', 'папа', 'мати', 'батько', 'matka', 'ojciec', 'μητερα', 'πατερας', 'mother', 'father', 'parent']],
  ['grandparent', ['бабушка', 'дедушка', 'бабуся', 'дідусь', 'бабця', 'babcia', 'dziadek', 'γιαγια', 'παππους', 'grandmother', 'grandfather']],
  ['sibling', ['брат', 'сестра', 'brat', 'siostra', 'αδελφ', 'αδερφ', 'brother', 'sister', 'sibling']],
  ['nonRelative', ['не родствен', 'не родич', 'obcy', 'niespokrewn', 'μη συγγεν', 'non-relative', 'lodger']],
];

function readRelation(text: string): MemberRelation {
  const t = fold(text.trim());
  if (t === '') return 'otherRelative';
  if ((MEMBER_RELATIONS as readonly string[]).includes(text.trim())) return text.trim() as MemberRelation;
  for (const [code, words] of RELATION_WORDS) if (words.some((w) => t.startsWith(fold(w)))) return code;
  return 'otherRelative';
}

function fingerprintOf(kind: string, values: [string, string][]): string {
  const h = createHash('sha256');
  h.update(kind);
  for (const [field, value] of values.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) h.update(`\u0001${field}\u0002${value.replace(/\s+/g, ' ').trim()}`);
  return h.digest('base64url');
}

type Fail = { reason: string; column: string | null };

/** One row of a residents list: the resident's data, or why not. */
export function prepareResidentRow(header: string[], r: TableRow, mapping: ImportMapping, thisYear: number, columnOrder: KnownOrder | null = null): PreparedRow {
  const byField = new Map<ResidentImportField, { column: string; value: string }>();
  const fp: [string, string][] = [];
  header.forEach((h, i) => {
    const field = mapping.columns[h] as ResidentImportField | undefined;
    if (!field) return;
    const value = (r.cells[i] ?? '').trim();
    byField.set(field, { column: h, value });
    if (value !== '') fp.push([field, value]);
  });
  const get = (f: ResidentImportField) => byField.get(f)?.value ?? '';
  const col = (f: ResidentImportField) => byField.get(f)?.column ?? null;
  const base = {
    row: r.row,
    fingerprint: fingerprintOf('residents', fp),
    cells: r.cells,
    householdKey: get('householdKey'),
    relation: readRelation(get('relation')),
    note: null,
  };
  let name = get('fullName') || [get('lastName'), get('firstName'), get('patronymic')].filter((s) => s !== '').join(' ');
  const reject = (f: Fail): PreparedRow => ({ ...base, data: null, reason: f.reason, column: f.column, text: quotedCell(header, r.cells, f.reason, f.column), name, id: null });
  if (r.shape !== 'ok') return reject({ reason: r.shape === 'tooMany' ? 'validation.importTooManyFields' : 'validation.importTooFewFields', column: null });

  const input: Record<string, unknown> = {};
  let lastName = get('lastName');
  let firstName = get('firstName');
  let patronymic = get('patronymic');
  if (byField.has('fullName') && get('fullName') !== '') {
    const split = splitFullName(get('fullName'), mapping.nameOrder, columnOrder);
    if (!split.ok) return reject({ reason: split.error, column: col('fullName') });
    lastName ||= split.value.lastName;
    firstName ||= split.value.firstName;
    patronymic ||= split.value.patronymic;
    name = [lastName, firstName, patronymic].filter((s) => s !== '').join(' ');
  }
  Object.assign(input, { lastName, firstName, patronymic });

  for (const f of ['birthDate', 'birthYear'] as const) {
    if (get(f) === '') continue;
    if (f === 'birthDate') {
      const d = readDate(get(f));
      if (!d.ok) return reject({ reason: d.error, column: col(f) });
    }
    const y = readBirthYear(get(f), thisYear);
    if (!y.ok) return reject({ reason: y.error, column: col(f) });
    input.birthYear = y.value;
  }
  const address = get('address') !== '' ? splitAddress(get('address')) : { settlement: '', street: '', house: '', flat: '' };
  for (const f of ['settlement', 'street', 'house', 'flat'] as const) input[f] = get(f) || address[f];
  if (get('phone') !== '') {
    const p = readPhones(get('phone'));
    if (!p.ok) return reject({ reason: p.error, column: col('phone') });
    input.phones = p.value;
  }
  let note: string | null = null;
  if (get('situations') !== '') {
    const s = readSituations(get('situations'));
    if (!s.ok) return reject({ reason: s.error, column: col('situations') });
    // "Disability" is health data: saved only under a consent, which a list cannot bring (recorded on the resident's page).
    if (s.value.includes('disability')) note = 'validation.disabilityConsentRequired';
    input.situations = s.value.filter((x) => x !== 'disability');
  }
  if (get('householdSize') !== '') {
    const n = Number(get('householdSize'));
    if (!Number.isInteger(n)) return reject({ reason: 'validation.number', column: col('householdSize') });
    input.householdSize = n;
  }
  for (const f of ['regularCare', 'needsSnowClearing'] as const) {
    if (get(f) === '') continue;
    const b = readYesNo(get(f));
    if (!b.ok) return reject({ reason: b.error, column: col(f) });
    input[f] = b.value;
  }
  if (get('notes') !== '') input.notes = get('notes');
  let id: number | null = null;
  if (get('id') !== '') {
    const n = Number(get('id'));
    if (!Number.isInteger(n) || n <= 0) return reject({ reason: 'validation.number', column: col('id') });
    id = n;
  }
  const parsed = residentInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = String(issue?.path[0] ?? '');
    const field = (path === 'phones' ? 'phone' : path) as ResidentImportField;
    const column = col(field) ?? (['lastName', 'firstName', 'patronymic'].includes(path) ? col('fullName') : null) ?? (['settlement', 'street', 'house', 'flat'].includes(path) ? col('address') : null);
    return reject({ reason: issue?.message ?? 'validation.invalid', column });
  }
  return { ...base, data: parsed.data, reason: null, column: null, text: null, note, name, id };
}

/**
 * The job: read the file, then (with a mapping) prepare every row. Progress, in rows of the file
 * (`total` = its rows, an estimate while the text is still being read): a row counts as read once
 * parsed and, with a mapping, once prepared (half each), so `done` reaches `total` when every row
 * is read and prepared. The compare and the write (residents-run.ts) count on from there.
 */
export async function prepareImport(params: ImportJobParams, onProgress: (done: number, total: number) => void): Promise<ImportJobResult> {
  const bytes = Buffer.from(params.base64, 'base64');
  const halves = params.mapping ? 2 : 1;
  const onRows = (read: number, estimate: number) => onProgress(Math.floor(read / halves), estimate);
  const table = await readTable(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { encoding: params.encoding, separator: params.separator, onRows });
  const { rows: all, ...meta } = table;
  const result: ImportJobResult = { table: { ...meta, rowCount: all.length, firstRows: all.slice(0, params.previewRows ?? 20) }, rows: [], kindRows: [] };
  if (!params.mapping) return result;
  const half = Math.floor(all.length / 2);
  onProgress(half, all.length);
  const kind = params.kind ?? 'residents';
  // A name whose words do not tell its order takes the order most of the column's names show.
  const nameColumn = table.header.findIndex((h) => params.mapping?.columns[h] === 'fullName');
  const nameOrder = nameColumn >= 0 && params.mapping.nameOrder === 'auto' ? columnNameOrder(all.map((r) => r.cells[nameColumn] ?? '')) : null;
  const ctx = { thisYear: params.thisYear, today: params.today ?? `${params.thisYear}-12-31`, nameOrder };
  for (let i = 0; i < all.length; i++) {
    if (kind !== 'residents') result.kindRows.push(prepareKindRow(kind, table.header, all[i] as TableRow, params.mapping, ctx));
    else result.rows.push(prepareResidentRow(table.header, all[i] as TableRow, params.mapping, params.thisYear, nameOrder));
    if (i % 1000 === 999) onProgress(half + Math.floor((i + 1) / 2), all.length);
  }
  onProgress(all.length, all.length);
  return result;
}
