/**
 * Import of a cash book (issue 15): each row one entry — its day, amount (read by the money fields'
 * reader `parseAmount` in the list's language: "1 234,50", "1,234.50", "-300"), income or expense
 * (a type column, two columns "income"/"expense", or the amount's sign), the currency, the
 * account, the category and the texts. The account must be one of the centre's (by name, or by
 * the id the full export writes): a row whose account is unknown is rejected with a reason, as is
 * a currency other than the account's. The category is named by its label in any of the five
 * languages, the centre's own name or the export's id; left empty: other income / other expenses.
 * Written with ledger.ts postEntries (the bulk form of postEntry; the ledger is the one place that
 * writes cash_entries, balances and the monthly totals follow), a few statements for all rows.
 */
import { BUILT_IN_CATEGORIES, ENTRY_TYPES, MAX_ENTRY_MINOR, signedAmount, type EntryType } from '../../../../shared/domain/cashbook';
import type { ImportFieldOf } from '../../../../shared/domain/imports';
import { CURRENCIES } from '../../../../shared/domain/settings';
import { cellsOf, labelIndex, wordKey, type KindImporter, type KindRow, type Resolution } from './import.rows';
import { CATEGORY_LABELS } from './import.labels';
import { readAmount, readDate } from './read/cells';
import { postEntries } from '../cashbook/ledger';

type Field = ImportFieldOf<'cashbook'>;

export interface CashRow {
  date: string;
  type: EntryType;
  /** Positive minor units (the sign is the type). */
  amountMinor: number;
  currency: string | null;
  account: string;
  category: string;
  counterparty: string;
  documentNo: string;
  note: string;
}
interface CashValue {
  row: CashRow;
  accountId: number;
  categoryId: number;
}

const TYPE_INDEX = labelIndex(ENTRY_TYPES, {}, {
  income: ['приход', 'доход', 'поступление', 'прихід', 'дохід', 'надходження', 'in', 'przychód', 'przychod', 'wpływ', 'wplyw', 'εσοδο', 'εσοδα', '+'],
  expense: ['расход', 'выплата', 'видаток', 'витрата', 'out', 'rozchód', 'rozchod', 'wydatek', 'εξοδο', 'εξοδα', '-'],
});
const CURRENCY_WORDS: Record<string, string> = { '₽': 'RUB', 'руб': 'RUB', 'руб.': 'RUB', 'р.': 'RUB', '₴': 'UAH', 'грн': 'UAH', 'грн.': 'UAH', 'zł': 'PLN', 'zl': 'PLN', 'zł.': 'PLN', '€': 'EUR', 'евро': 'EUR', 'євро': 'EUR', 'euro': 'EUR', 'ευρω': 'EUR' };
const CATEGORY_INDEX = labelIndex(BUILT_IN_CATEGORIES, CATEGORY_LABELS);

const LIMITS: [Field, keyof CashRow, number][] = [
  ['counterparty', 'counterparty', 200],
  ['documentNo', 'documentNo', 100],
  ['text', 'note', 1000],
];

function prepare(header: string[], r: Parameters<KindImporter<CashRow, CashValue>['prepare']>[1], mapping: Parameters<KindImporter<CashRow, CashValue>['prepare']>[2], ctx: { today: string }): KindRow<CashRow> {
  const c = cellsOf<Field>('cashbook', header, r, mapping);
  const name = c.get('text') || c.get('counterparty') || c.get('category');
  if (c.shapeProblem) return c.reject(name, c.shapeProblem, null);
  const date = readDate(c.get('date'));
  if (!date.ok) return c.reject(name, c.get('date') === '' ? 'validation.required' : date.error, c.col('date'));
  if (date.value > ctx.today) return c.reject(name, 'validation.dateInFuture', c.col('date'));
  let currency: string | null = null;
  if (c.get('currency') !== '') {
    const t = c.get('currency').trim();
    currency = CURRENCY_WORDS[t.toLowerCase()] ?? t.toUpperCase();
    if (!(CURRENCIES as readonly string[]).includes(currency)) return c.reject(name, 'validation.importCurrency', c.col('currency'));
  }
  const readIn = (field: Field, negative: boolean) => {
    if (field === 'amountMinor') {
      const t = c.get(field).replace(/\s/g, '');
      return /^-?\d{1,15}$/.test(t) ? { ok: true as const, value: Number(t) } : { ok: false as const, error: 'validation.amount' };
    }
    return readAmount(c.get(field), mapping.language, currency ?? 'EUR', negative);
  };
  let type: EntryType | null = null;
  if (c.get('type') !== '') {
    const t = TYPE_INDEX.get(wordKey(c.get('type'))) ?? (c.get('type').trim() === '+' ? 'income' : c.get('type').trim() === '-' ? 'expense' : undefined);
    if (!t) return c.reject(name, 'validation.importEntryType', c.col('type'));
    type = t as EntryType;
  }
  let signed: number;
  let amountField: Field;
  if (c.get('income') !== '' || c.get('expense') !== '') {
    if (c.get('income') !== '' && c.get('expense') !== '') return c.reject(name, 'validation.importIncomeAndExpense', c.col('expense'));
    amountField = c.get('income') !== '' ? 'income' : 'expense';
    const a = readIn(amountField, false);
    if (!a.ok) return c.reject(name, a.error, c.col(amountField));
    signed = amountField === 'income' ? a.value : -a.value;
    type = amountField;
  } else {
    amountField = c.get('amountMinor') !== '' ? 'amountMinor' : 'amount';
    if (c.get(amountField) === '') return c.reject(name, 'validation.required', c.col(amountField) ?? c.col('amount'));
    const a = readIn(amountField, true);
    if (!a.ok) return c.reject(name, a.error, c.col(amountField));
    signed = type === null ? a.value : signedAmount(type, Math.abs(a.value));
    type ??= a.value < 0 ? 'expense' : 'income';
  }
  if (signed === 0) return c.reject(name, 'validation.amountNotZero', c.col(amountField));
  if (Math.abs(signed) > MAX_ENTRY_MINOR) return c.reject(name, 'validation.amountTooLarge', c.col(amountField));
  const data: CashRow = {
    date: date.value,
    type,
    amountMinor: Math.abs(signed),
    currency,
    account: c.get('account'),
    category: c.get('category'),
    counterparty: c.get('counterparty'),
    documentNo: c.get('documentNo'),
    note: c.get('text'),
  };
  for (const [field, key, max] of LIMITS) if (String(data[key]).length > max) return c.reject(name, 'validation.tooLong', c.col(field));
  return c.ok(name, data);
}

export const cashbookImport: KindImporter<CashRow, CashValue> = {
  prepare,

  async resolve(ex, rows) {
    const accounts = await ex.selectFrom('cash_accounts').select(['id', 'name', 'currency', 'archived_at']).execute();
    const categories = await ex.selectFrom('cash_categories').select(['id', 'code', 'name', 'direction', 'archived_at']).execute();
    const accountOf = (text: string) => accounts.find((a) => String(a.id) === text.trim()) ?? accounts.find((a) => wordKey(a.name) === wordKey(text));
    const categoryOf = (text: string, type: EntryType) => {
      if (text.trim() === '') return categories.find((k) => k.code === (type === 'income' ? 'otherIncome' : 'otherExpense'));
      const code = CATEGORY_INDEX.get(wordKey(text));
      return (
        categories.find((k) => String(k.id) === text.trim()) ??
        categories.find((k) => k.name !== null && wordKey(k.name) === wordKey(text)) ??
        (code !== undefined ? categories.find((k) => k.code === code) : undefined)
      );
    };
    return rows.map((r): Resolution<CashValue> => {
      const d = r.data as CashRow;
      const col = (f: Field) => r.columns[f] ?? null;
      const account = accountOf(d.account);
      if (!account) return { outcome: 'rejected', reason: 'validation.importUnknownAccount', column: col('account') };
      if (account.archived_at !== null) return { outcome: 'rejected', reason: 'validation.archivedAccount', column: col('account') };
      if (d.currency !== null && d.currency !== account.currency) return { outcome: 'rejected', reason: 'validation.importCurrency', column: col('currency') };
      const category = categoryOf(d.category, d.type);
      if (!category) return { outcome: 'rejected', reason: 'validation.importUnknownCategory', column: col('category') };
      if (category.archived_at !== null) return { outcome: 'rejected', reason: 'validation.archivedCategory', column: col('category') };
      if (category.direction !== d.type) return { outcome: 'rejected', reason: 'validation.categoryDirection', column: col('category') };
      return { outcome: 'create', value: { row: d, accountId: account.id, categoryId: category.id } };
    });
  },

  // In bulk (a few INSERTs of up to 500 entries), inside the import's one transaction: all rows or none.
  async write(trx, values, actor, at, onWritten) {
    return postEntries(
      trx,
      values.map((v) => ({
        accountId: v.accountId,
        date: v.row.date,
        amountMinor: signedAmount(v.row.type, v.row.amountMinor),
        categoryId: v.categoryId,
        source: 'manual' as const,
        counterparty: v.row.counterparty,
        documentNo: v.row.documentNo,
        note: v.row.note,
      })),
      actor,
      at,
      onWritten,
    );
  },
};
