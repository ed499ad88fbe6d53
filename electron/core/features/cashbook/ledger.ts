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

/** Writes one entry in the account's currency and returns its id. Call inside the service's transaction. */
export async function postEntry(trx: Executor, entry: PostEntry, actor: Actor, nowIso: string): Promise<number> {
  if (!Number.isSafeInteger(entry.amountMinor) || entry.amountMinor === 0) {
    throw new AppError('validation', 'An entry needs a non-zero whole amount', { fields: [{ path: 'amount', message: 'validation.amountNotZero' }] });
  }
  const account = await trx.selectFrom('cash_accounts').select(['id', 'currency', 'archived_at']).where('id', '=', entry.accountId).executeTakeFirst();
  if (!account) throw new AppError('notFound', `Account ${entry.accountId} not found`);
  const row = await trx
    .insertInto('cash_entries')
    .values({
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The id of a built-in category by its code (see migration 20261123_1900_money). */
export async function categoryIdByCode(ex: Executor, code: string): Promise<number> {
  const row = await ex.selectFrom('cash_categories').select('id').where('code', '=', code).executeTakeFirst();
  if (!row) throw new AppError('notFound', `Category ${code} not found`);
  return row.id;
}
