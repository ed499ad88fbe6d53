/**
 * Accounts of the cash book (cash box, bank account, …): each with its currency and opening
 * balance; the balance is always the opening balance plus the sum of the account's entries.
 */
import { sql } from 'kysely';
import { AppError } from '../../../../shared/api/errors';
import { DEFAULT_ACCOUNT_NAMES, type AccountData, type AccountDto, type AccountKind } from '../../../../shared/domain/cashbook';
import type { Currency } from '../../../../shared/domain/settings';
import type { Actor } from '../../context';
import type { Db, Executor } from '../../db/schema';
import { BUILT_IN_ADMIN } from '../../context';
import { readSettings } from '../settings/settings.service';
import { inTransaction } from '../../db/transaction';

/**
 * A new centre starts with a cash box and a bank account in its currency, named in the centre's
 * language (stored, so the treasurer may rename them). Does nothing before set-up, nor when the
 * centre already has an account of that kind in its currency (archived ones count: an archived
 * default is not brought back). Idempotent; called at every start and at the end of set-up.
 */
export async function ensureDefaultAccounts(db: Executor, now: Date | string): Promise<void> {
  const settings = await readSettings(db);
  if (settings === null) return;
  const at = typeof now === 'string' ? now : now.toISOString();
  const names = DEFAULT_ACCOUNT_NAMES[settings.language];
  const kinds: Array<{ kind: AccountKind; name: string; sort: number }> = [
    { kind: 'cash', name: names.cash, sort: 10 },
    { kind: 'bank', name: names.bank, sort: 20 },
  ];
  for (const k of kinds) {
    const existing = await db
      .selectFrom('cash_accounts')
      .select('id')
      .where('kind', '=', k.kind)
      .where('currency', '=', settings.currency)
      .executeTakeFirst();
    if (existing) continue;
    await db
      .insertInto('cash_accounts')
      .values({
        name: k.name,
        kind: k.kind,
        currency: settings.currency,
        opening_balance_minor: 0,
        opening_date: at.slice(0, 10),
        sort_order: k.sort,
        archived_at: null,
        created_at: at,
        created_by: BUILT_IN_ADMIN.id,
      })
      .execute();
  }
}

function baseAccounts(ex: Executor) {
  return ex
    .selectFrom('cash_accounts')
    .leftJoin(
      (eb) =>
        eb
          // The monthly totals (kept with the entries): a few rows per month instead of every entry.
          .selectFrom('cash_month_totals')
          .select(['account_id', sql<number>`sum(in_minor + out_minor)`.as('total'), sql<number>`sum(entries)`.as('n')])
          .groupBy('account_id')
          .as('sums'),
      (join) => join.onRef('sums.account_id', '=', 'cash_accounts.id'),
    )
    .select([
      'cash_accounts.id',
      'cash_accounts.name',
      'cash_accounts.kind',
      'cash_accounts.currency',
      'cash_accounts.opening_balance_minor',
      'cash_accounts.opening_date',
      'cash_accounts.archived_at',
      'sums.total',
      'sums.n',
    ]);
}

type AccountRow = Awaited<ReturnType<ReturnType<typeof baseAccounts>['execute']>>[number];

function toDto(r: AccountRow): AccountDto {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    currency: r.currency as Currency,
    openingBalanceMinor: r.opening_balance_minor,
    openingDate: r.opening_date,
    balanceMinor: r.opening_balance_minor + Number(r.total ?? 0),
    entryCount: Number(r.n ?? 0),
    archived: r.archived_at !== null,
  };
}

export async function listAccounts(ex: Executor, includeArchived: boolean): Promise<AccountDto[]> {
  let q = baseAccounts(ex);
  if (!includeArchived) q = q.where('cash_accounts.archived_at', 'is', null);
  const rows = await q.orderBy('cash_accounts.archived_at').orderBy('cash_accounts.sort_order').orderBy('cash_accounts.id').execute();
  return rows.map(toDto);
}

export async function getAccount(ex: Executor, id: number): Promise<AccountDto> {
  const row = await baseAccounts(ex).where('cash_accounts.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('notFound', `Account ${id} not found`);
  return toDto(row);
}

export function accountsService(deps: { db: Db; clock: { now(): Date } }) {
  const { db } = deps;
  return {
    list: (includeArchived: boolean) => listAccounts(db, includeArchived),

    async create(data: AccountData, actor: Actor): Promise<AccountDto> {
      return inTransaction(db, async (trx) => {
        const row = await trx
          .insertInto('cash_accounts')
          .values({
            name: data.name,
            kind: data.kind,
            currency: data.currency,
            opening_balance_minor: data.openingBalanceMinor,
            opening_date: data.openingDate,
            archived_at: null,
            created_at: deps.clock.now().toISOString(),
            created_by: actor.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return getAccount(trx, row.id);
      });
    },

    async update(id: number, data: AccountData): Promise<AccountDto> {
      return inTransaction(db, async (trx) => {
        const current = await getAccount(trx, id);
        if (current.currency !== data.currency && current.entryCount > 0) {
          throw new AppError('validation', 'The currency of an account with entries cannot change', {
            fields: [{ path: 'data.currency', message: 'validation.currencyLocked' }],
          });
        }
        await trx
          .updateTable('cash_accounts')
          .set({ name: data.name, kind: data.kind, currency: data.currency, opening_balance_minor: data.openingBalanceMinor, opening_date: data.openingDate })
          .where('id', '=', id)
          .execute();
        return getAccount(trx, id);
      });
    },

    async setArchived(id: number, archived: boolean): Promise<AccountDto> {
      return inTransaction(db, async (trx) => {
        const current = await getAccount(trx, id);
        if (current.archived !== archived) {
          await trx
            .updateTable('cash_accounts')
            .set({ archived_at: archived ? deps.clock.now().toISOString() : null })
            .where('id', '=', id)
            .execute();
        }
        return getAccount(trx, id);
      });
    },
  };
}
