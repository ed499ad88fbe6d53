/** Queries of the cash book: entries with their account, category, grant line and links. */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CategoryDto, EntryDto, EntrySourceCode } from '../../../../shared/domain/cashbook';
import { addMonths } from '../../../../shared/domain/dates';
import { cappedTotal, LIST_COUNT_CAP, type DayCursor } from '../../../../shared/domain/paging';
import type { Currency } from '../../../../shared/domain/settings';
import { fold } from '../../../../shared/domain/text';
import type { DB, Executor } from '../../db/schema';

/**
 * Entries with their account, category, grant, line and reversal. The entries come first (CROSS
 * JOIN keeps the order): a list reads them from an index in its order; started from the two or
 * three accounts, SQLite sorted every entry.
 */
export function entryBase(ex: Executor) {
  return ex
    .selectFrom('cash_entries as e')
    .crossJoin('cash_accounts as a')
    .whereRef('a.id', '=', 'e.account_id')
    .leftJoin('cash_categories as c', 'c.id', 'e.category_id')
    .leftJoin('grants as g', 'g.id', 'e.grant_id')
    .leftJoin('budget_lines as b', 'b.id', 'e.budget_line_id')
    .leftJoin('cash_entries as r', 'r.reverses_entry_id', 'e.id')
    .select([
      'e.id',
      'e.account_id',
      'a.name as account_name',
      'e.entry_date',
      'e.amount_minor',
      'e.currency',
      'e.category_id',
      'c.code as category_code',
      'c.name as category_name',
      'e.source',
      'e.transfer_group',
      'e.counterparty',
      'e.document_no',
      'e.note',
      'e.grant_id',
      'g.title as grant_title',
      'e.budget_line_id',
      'b.name as budget_line_name',
      'e.reverses_entry_id',
      'r.id as reversed_by',
      'e.advance_id',
      'e.created_at',
    ]);
}

export type EntryRow = Awaited<ReturnType<ReturnType<typeof entryBase>['execute']>>[number];

export function toEntryDto(r: EntryRow, otherAccountName: string | null = null, balanceAfterMinor: number | null = null): EntryDto {
  return {
    id: r.id,
    accountId: r.account_id,
    accountName: r.account_name,
    date: r.entry_date,
    amountMinor: r.amount_minor,
    currency: r.currency as Currency,
    categoryId: r.category_id,
    categoryCode: r.category_code,
    categoryName: r.category_name,
    source: r.source as EntrySourceCode,
    transferGroup: r.transfer_group,
    otherAccountName,
    counterparty: r.counterparty,
    documentNo: r.document_no,
    note: r.note,
    grantId: r.grant_id,
    grantTitle: r.grant_title,
    budgetLineId: r.budget_line_id,
    budgetLineName: r.budget_line_name,
    reversesEntryId: r.reverses_entry_id,
    reversedByEntryId: r.reversed_by,
    advanceId: r.advance_id,
    balanceAfterMinor,
    createdAt: r.created_at,
  };
}

/** For the transfer legs among `rows`: the name of the account on the other side. */
export async function otherLegAccounts(ex: Executor, rows: readonly EntryRow[]): Promise<Map<number, string>> {
  const groups = [...new Set(rows.flatMap((r) => (r.transfer_group === null ? [] : [r.transfer_group])))];
  const out = new Map<number, string>();
  if (groups.length === 0) return out;
  const legs: Array<{ id: number; transfer_group: string | null; name: string }> = [];
  // SQLite limits bound parameters; transfers are few, but chunk anyway.
  for (let i = 0; i < groups.length; i += 500) {
    legs.push(
      ...(await ex
        .selectFrom('cash_entries as e')
        // `+e.account_id`: the legs are found by their group (cash_entries_transfer), never by
        // reading each account's entries, which a planner knowing averages only would choose.
        .innerJoin('cash_accounts as a', (join) => join.on(sql.ref('a.id'), '=', sql`+${sql.ref('e.account_id')}`))
        .select(['e.id', 'e.transfer_group', 'a.name'])
        .where('e.transfer_group', 'in', groups.slice(i, i + 500))
        .execute()),
    );
  }
  for (const r of rows) {
    if (r.transfer_group === null) continue;
    const other = legs.find((l) => l.transfer_group === r.transfer_group && l.id !== r.id);
    if (other) out.set(r.id, other.name);
  }
  return out;
}

export async function getEntry(ex: Executor, id: number): Promise<EntryDto | null> {
  const row = await entryBase(ex).where('e.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const others = await otherLegAccounts(ex, [row]);
  return toEntryDto(row, others.get(row.id) ?? null);
}

export async function listCategories(ex: Executor, includeArchived: boolean): Promise<CategoryDto[]> {
  let q = ex
    .selectFrom('cash_categories as c')
    .leftJoin(
      // The entries per category from the monthly totals (a transfer leg's category_key is 0).
      (eb) => eb.selectFrom('cash_month_totals').select(['category_key', sql<number>`sum(entries)`.as('n')]).groupBy('category_key').as('used'),
      (join) => join.onRef('used.category_key', '=', 'c.id'),
    )
    .select(['c.id', 'c.code', 'c.name', 'c.direction', 'c.archived_at', 'used.n']);
  if (!includeArchived) q = q.where('c.archived_at', 'is', null);
  const rows = await q.orderBy('c.direction', 'desc').orderBy('c.sort_order').orderBy('c.id').execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    direction: r.direction,
    archived: r.archived_at !== null,
    entryCount: Number(r.n ?? 0),
  }));
}

/** The sum of an account's entries in the months before `month` (all of them without one), from the monthly totals. */
export async function accountSumBefore(ex: Executor, accountId: number, month?: string): Promise<number> {
  let q = ex
    .selectFrom('cash_month_totals')
    .select(sql<number>`coalesce(sum(in_minor + out_minor), 0)`.as('total'))
    .where('account_id', '=', accountId);
  if (month !== undefined) q = q.where('month_key', '<', month);
  return Number((await q.executeTakeFirstOrThrow()).total);
}

export interface EntryFilter {
  accountId?: number | undefined;
  fromMonth?: string | undefined;
  toMonth?: string | undefined;
  categoryId?: number | undefined;
  /** Folded text to find in the counterparty, note or document number. */
  text: string;
  cursor?: DayCursor | undefined;
  limit: number;
}

/**
 * The conditions of a cash-book list. The list is read newest first from one index ending in the
 * date (and the rowid): the category's, else the account's, else the date's; the other column is
 * compared as `+column`, which SQLite will not search an index for. A month range is a range of
 * dates (an entry's month is the month of its date).
 */
function entryConditions(eb: ExpressionBuilder<DB & { e: DB['cash_entries'] }, 'e'>, f: EntryFilter) {
  const all: Array<Expression<SqlBool>> = [];
  if (f.categoryId !== undefined) all.push(eb('e.category_id', '=', f.categoryId));
  if (f.accountId !== undefined) all.push(eb(f.categoryId !== undefined ? sql<number>`+e.account_id` : sql.ref('e.account_id'), '=', f.accountId));
  if (f.fromMonth !== undefined) all.push(eb('e.entry_date', '>=', `${f.fromMonth}-01`));
  if (f.toMonth !== undefined) all.push(eb('e.entry_date', '<', `${addMonths(f.toMonth, 1)}-01`));
  // search_text is the folded counterparty, note and document number (kept by triggers).
  if (f.text !== '') all.push(sql<SqlBool>`instr(e.search_text, ${fold(f.text)}) > 0`);
  return eb.and(all);
}

/** A page of entries newest first (by date, then number), how many match (up to LIST_COUNT_CAP) and the next page's cursor. */
export async function listEntries(ex: Executor, f: EntryFilter): Promise<{ rows: EntryRow[]; total: number; totalCapped: boolean; nextCursor: DayCursor | null }> {
  const cursor = f.cursor;
  let q = entryBase(ex).where((eb) => entryConditions(eb as unknown as ExpressionBuilder<DB & { e: DB['cash_entries'] }, 'e'>, f));
  if (cursor !== undefined) q = q.where(sql<boolean>`(e.entry_date, e.id) < (${cursor.on}, ${cursor.id})`);
  const rows = await q.orderBy('e.entry_date', 'desc').orderBy('e.id', 'desc').limit(f.limit + 1).execute();
  const more = rows.length > f.limit;
  const shown = more ? rows.slice(0, f.limit) : rows;
  const last = shown[shown.length - 1];
  // A first page that holds every match has counted them already.
  if (cursor === undefined && !more) return { rows: shown, total: shown.length, totalCapped: false, nextCursor: null };
  const matches = ex
    .selectFrom('cash_entries as e')
    .select(sql<number>`1`.as('one'))
    .where((eb) => entryConditions(eb, f))
    .limit(LIST_COUNT_CAP + 1);
  const counted = await ex.selectFrom(matches.as('m')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return {
    rows: shown,
    ...cappedTotal(Number(counted.n)),
    nextCursor: more && last !== undefined ? { on: last.entry_date, id: last.id } : null,
  };
}

/**
 * The balance of the account after each of these entries of it: the opening balance, the months
 * before the oldest one (monthly totals), then the entries from that month's first day to the
 * newest one, summed in order from the (account, date, amount) index alone.
 */
export async function runningBalances(ex: Executor, accountId: number, opening: number, rows: readonly EntryRow[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (rows.length === 0) return out;
  const newest = rows.reduce((a, b) => (b.entry_date > a.entry_date || (b.entry_date === a.entry_date && b.id > a.id) ? b : a));
  const oldest = rows.reduce((a, b) => (b.entry_date < a.entry_date || (b.entry_date === a.entry_date && b.id < a.id) ? b : a));
  const month = oldest.entry_date.slice(0, 7);
  let balance = opening + (await accountSumBefore(ex, accountId, month));
  const span = await ex
    .selectFrom('cash_entries')
    .select(['id', 'amount_minor'])
    .where('account_id', '=', accountId)
    .where('entry_date', '>=', `${month}-01`)
    .where(sql<boolean>`(entry_date, id) <= (${newest.entry_date}, ${newest.id})`)
    .orderBy('entry_date')
    .orderBy('id')
    .execute();
  const wanted = new Set(rows.map((r) => r.id));
  for (const e of span) {
    balance += e.amount_minor;
    if (wanted.has(e.id)) out.set(e.id, balance);
  }
  return out;
}
