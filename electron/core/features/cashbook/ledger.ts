/**
 * Posting to the cash book: the one place that writes cash_entries. The till (sales), rent
 * payments, grant tranches and volunteer reimbursements all post through here, so balances and
 * reports read one table. Amounts are signed minor units (in > 0, out < 0) in the account's
 * currency; a posted entry is never changed (triggers refuse it), only reversed.
 */
import { AppError } from '../../../../shared/api/errors';
import type { Actor } from '../../context';
import type { Executor } from '../../db/schema';
import type { EntrySource } from './money.table';

export interface PostEntry {
  accountId: number;
  /** The calendar day of the entry, YYYY-MM-DD. */
  date: string;
  /** Signed minor units: money in > 0, money out < 0. Never 0. */
  amountMinor: number;
  /** Null only for the two legs of a transfer. */
  categoryId: number | null;
  source: EntrySource;
  transferGroup?: string | null;
  counterparty?: string;
  documentNo?: string;
  note?: string;
  grantId?: number | null;
  budgetLineId?: number | null;
  reversesEntryId?: number | null;
  advanceId?: number | null;
}

function checkAmount(entry: PostEntry): void {
  if (!Number.isSafeInteger(entry.amountMinor) || entry.amountMinor === 0) {
    throw new AppError('validation', 'An entry needs a non-zero whole amount', { fields: [{ path: 'amount', message: 'validation.amountNotZero' }] });
  }
}

/** The row of cash_entries an entry is, in its account's currency. */
function entryRow(entry: PostEntry, account: { id: number; currency: string }, actor: Actor, nowIso: string) {
  return {
    account_id: account.id,
    entry_date: entry.date,
    month_key: entry.date.slice(0, 7),
    amount_minor: entry.amountMinor,
    currency: account.currency,
    category_id: entry.categoryId,
    source: entry.source,
    transfer_group: entry.transferGroup ?? null,
    counterparty: entry.counterparty ?? '',
    document_no: entry.documentNo ?? '',
    note: entry.note ?? '',
    grant_id: entry.grantId ?? null,
    budget_line_id: entry.budgetLineId ?? null,
    reverses_entry_id: entry.reversesEntryId ?? null,
    advance_id: entry.advanceId ?? null,
    created_at: nowIso,
    created_by: actor.id,
  };
}

/** Writes one entry in the account's currency and returns its id. Call inside the service's transaction. */
export async function postEntry(trx: Executor, entry: PostEntry, actor: Actor, nowIso: string): Promise<number> {
  checkAmount(entry);
  const account = await trx.selectFrom('cash_accounts').select(['id', 'currency', 'archived_at']).where('id', '=', entry.accountId).executeTakeFirst();
  if (!account) throw new AppError('notFound', `Account ${entry.accountId} not found`);
  const row = await trx.insertInto('cash_entries').values(entryRow(entry, account, actor, nowIso)).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Entries per INSERT statement of postEntries (17 values each, well under SQLite's 32,766 variables). */
const ENTRIES_PER_INSERT = 500;

/**
 * Writes many entries (an imported cash book) as postEntry would, one by one, but in a few
 * statements: each account read once, up to 500 entries per INSERT. Answers their ids in the
 * entries' order. Call inside the caller's transaction: a failure of any entry undoes them all.
 */
export async function postEntries(trx: Executor, entries: readonly PostEntry[], actor: Actor, nowIso: string, onWritten?: (done: number) => void): Promise<number[]> {
  for (const entry of entries) checkAmount(entry);
  const accountIds = [...new Set(entries.map((e) => e.accountId))];
  const accounts = new Map<number, { id: number; currency: string }>();
  for (let i = 0; i < accountIds.length; i += 500) {
    const found = await trx.selectFrom('cash_accounts').select(['id', 'currency']).where('id', 'in', accountIds.slice(i, i + 500)).execute();
    for (const a of found) accounts.set(a.id, a);
  }
  const ids: number[] = [];
  for (let i = 0; i < entries.length; i += ENTRIES_PER_INSERT) {
    const chunk = entries.slice(i, i + ENTRIES_PER_INSERT);
    const rows = chunk.map((entry) => {
      const account = accounts.get(entry.accountId);
      if (!account) throw new AppError('notFound', `Account ${entry.accountId} not found`);
      return entryRow(entry, account, actor, nowIso);
    });
    const inserted = await trx.insertInto('cash_entries').values(rows).returning('id').execute();
    if (inserted.length !== chunk.length) throw new AppError('internal', 'The cash book wrote a different number of entries');
    // One INSERT gives its rows rising ids in the order of its values (RETURNING itself promises no order).
    ids.push(...inserted.map((r) => r.id).sort((a, b) => a - b));
    onWritten?.(ids.length);
  }
  return ids;
}

/** The id of a built-in category by its code (see migration 20261123_1900_money). */
export async function categoryIdByCode(ex: Executor, code: string): Promise<number> {
  const row = await ex.selectFrom('cash_categories').select('id').where('code', '=', code).executeTakeFirst();
  if (!row) throw new AppError('notFound', `Category ${code} not found`);
  return row.id;
}
