/**
 * The cash book's rules: income and expenses, transfers, reversals, categories and the
 * reimbursement of volunteers' advances. Every write goes through postEntry (ledger.ts) inside one
 * transaction; a posted entry is never changed, only reversed.
 */
import { AppError, type FieldIssue } from '../../../../shared/api/errors';
import {
  advanceCategoryCode,
  grantPeriodWarning,
  signedAmount,
  type CategoryDto,
  type EntryData,
  type EntryDto,
  type EntryList,
  type EntryType,
  type EntryWarning,
  type GrantOption,
  type PendingAdvance,
  type PostedEntry,
  type TransferData,
} from '../../../../shared/domain/cashbook';
import type { Currency } from '../../../../shared/domain/settings';
import { fold } from '../../../../shared/domain/text';
import type { Actor, CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { listAdvances } from '../tasks/tasks.repo';
import { categoryIdByCode, postEntry } from './ledger';
import { entryBase, getEntry, listCategories, otherLegAccounts, toEntryDto, type EntryRow } from './cashbook.repo';
import { accountsService } from './accounts';
import { inTransaction } from '../../db/transaction';

function invalid(fields: FieldIssue[]): AppError {
  return new AppError('validation', 'Invalid input', { fields });
}

/**
 * A new transfer group: the id the next entry will get (entries are never deleted and ids never
 * reused, so it is unique), and deterministic, so that demo data is the same for the same seed.
 */
async function newGroup(ex: Executor, prefix: 'tr' | 'rv'): Promise<string> {
  const row = await ex.selectFrom('cash_entries').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
  return `${prefix}-${Number(row?.max ?? 0) + 1}`;
}

/** Sources whose entries are corrected where they were made (the till, rent, grant tranches). */
const CORRECTED_AT_SOURCE = new Set(['sale', 'rent', 'tranche']);

async function activeAccount(ex: Executor, id: number, path: string) {
  const a = await ex.selectFrom('cash_accounts').select(['id', 'currency', 'archived_at', 'name']).where('id', '=', id).executeTakeFirst();
  if (!a) throw invalid([{ path, message: 'validation.unknownAccount' }]);
  if (a.archived_at !== null) throw invalid([{ path, message: 'validation.archivedAccount' }]);
  return a;
}

async function usableCategory(ex: Executor, id: number, type: EntryType, path: string): Promise<void> {
  const c = await ex.selectFrom('cash_categories').select(['id', 'direction', 'archived_at']).where('id', '=', id).executeTakeFirst();
  if (!c) throw invalid([{ path, message: 'validation.unknownCategory' }]);
  if (c.archived_at !== null) throw invalid([{ path, message: 'validation.archivedCategory' }]);
  if (c.direction !== type) throw invalid([{ path, message: 'validation.categoryDirection' }]);
}

/** The grant and budget line of an entry: the line must belong to the grant; outside the grant's period is a warning. */
async function checkGrant(
  ex: Executor,
  data: { grantId: number | null; budgetLineId: number | null; date: string },
  currency: string,
): Promise<{ grantId: number | null; budgetLineId: number | null; warnings: EntryWarning[] }> {
  let grantId = data.grantId;
  if (data.budgetLineId !== null) {
    const line = await ex.selectFrom('budget_lines').select(['id', 'grant_id']).where('id', '=', data.budgetLineId).executeTakeFirst();
    if (!line || (grantId !== null && line.grant_id !== grantId)) throw invalid([{ path: 'budgetLineId', message: 'validation.budgetLineOfGrant' }]);
    grantId = line.grant_id;
  }
  if (grantId === null) return { grantId: null, budgetLineId: null, warnings: [] };
  const grant = await ex.selectFrom('grants').select(['id', 'starts_on', 'ends_on', 'currency']).where('id', '=', grantId).executeTakeFirst();
  if (!grant) throw invalid([{ path: 'grantId', message: 'validation.unknownGrant' }]);
  if (grant.currency !== currency) throw invalid([{ path: 'grantId', message: 'validation.grantCurrency' }]);
  const warning = grantPeriodWarning({ startsOn: grant.starts_on, endsOn: grant.ends_on }, data.date);
  return { grantId, budgetLineId: data.budgetLineId, warnings: warning ? [warning] : [] };
}

async function mustGetEntry(ex: Executor, id: number): Promise<EntryDto> {
  const e = await getEntry(ex, id);
  if (!e) throw new AppError('notFound', `Entry ${id} not found`);
  return e;
}

export function cashbookService(deps: CoreDeps) {
  const { db, clock } = deps;
  const now = () => clock.now().toISOString();

  return {
    accounts: accountsService(deps),

    categories: (includeArchived: boolean) => listCategories(db, includeArchived),

    async createCategory(input: { name: string; direction: EntryType }): Promise<CategoryDto> {
      return inTransaction(db, async (trx) => {
        await assertFreeName(trx, input.name, null);
        const row = await trx
          .insertInto('cash_categories')
          .values({ code: null, name: input.name, direction: input.direction, archived_at: null, created_at: now() })
          .returning('id')
          .executeTakeFirstOrThrow();
        return categoryById(trx, row.id);
      });
    },

    async renameCategory(id: number, name: string): Promise<CategoryDto> {
      return inTransaction(db, async (trx) => {
        const current = await categoryById(trx, id);
        if (current.code !== null) throw new AppError('badRequest', 'Built-in categories are translated, not renamed');
        await assertFreeName(trx, name, id);
        await trx.updateTable('cash_categories').set({ name }).where('id', '=', id).execute();
        return categoryById(trx, id);
      });
    },

    async setCategoryArchived(id: number, archived: boolean): Promise<CategoryDto> {
      return inTransaction(db, async (trx) => {
        const current = await categoryById(trx, id);
        if (current.archived !== archived) {
          await trx.updateTable('cash_categories').set({ archived_at: archived ? now() : null }).where('id', '=', id).execute();
        }
        return categoryById(trx, id);
      });
    },

    /** Income or an expense typed as a positive amount; the sign comes from the type. */
    async post(data: EntryData, actor: Actor): Promise<PostedEntry> {
      return inTransaction(db, async (trx) => {
        const account = await activeAccount(trx, data.accountId, 'accountId');
        await usableCategory(trx, data.categoryId, data.type, 'categoryId');
        const grant = await checkGrant(trx, data, account.currency);
        const id = await postEntry(
          trx,
          {
            accountId: account.id,
            date: data.date,
            amountMinor: signedAmount(data.type, data.amountMinor),
            categoryId: data.categoryId,
            source: 'manual',
            counterparty: data.counterparty,
            documentNo: data.documentNo,
            note: data.note,
            grantId: grant.grantId,
            budgetLineId: grant.budgetLineId,
          },
          actor,
          now(),
        );
        return { entry: await mustGetEntry(trx, id), warnings: grant.warnings };
      });
    },

    /** Two legs (out of one account, into the other) sharing a transfer group; same currency only. */
    async transfer(data: TransferData, actor: Actor): Promise<EntryDto[]> {
      return inTransaction(db, async (trx) => {
        const from = await activeAccount(trx, data.fromAccountId, 'fromAccountId');
        const to = await activeAccount(trx, data.toAccountId, 'toAccountId');
        if (from.currency !== to.currency) {
          throw new AppError('currencyMismatch', `Cannot transfer between ${from.currency} and ${to.currency}`, {
            details: { from: from.currency, to: to.currency },
          });
        }
        const group = await newGroup(trx, 'tr');
        const at = now();
        const common = { date: data.date, categoryId: null, source: 'transfer' as const, transferGroup: group, documentNo: data.documentNo, note: data.note };
        const outId = await postEntry(trx, { ...common, accountId: from.id, amountMinor: -data.amountMinor }, actor, at);
        const inId = await postEntry(trx, { ...common, accountId: to.id, amountMinor: data.amountMinor }, actor, at);
        return [await mustGetEntry(trx, outId), await mustGetEntry(trx, inId)];
      });
    },

    /**
     * A reversing entry for each leg: the negated amount, the same account, category and grant
     * line, pointing at the original. A reversal is not reversed, nor is an entry twice; a
     * reimbursement's reversal puts the advance back among the pending ones.
     */
    async reverse(input: { id: number; date?: string | undefined; note: string }, actor: Actor): Promise<EntryDto[]> {
      return inTransaction(db, async (trx) => {
        const original = await mustGetEntry(trx, input.id);
        if (original.source === 'reversal' || original.reversesEntryId !== null) {
          throw new AppError('reversalOfReversal', `Entry ${original.id} is a reversal`);
        }
        if (CORRECTED_AT_SOURCE.has(original.source)) {
          throw new AppError('correctAtSource', `Entry ${original.id} comes from ${original.source}`, { details: { source: original.source } });
        }
        const legs: EntryDto[] = [original];
        if (original.source === 'transfer' && original.transferGroup !== null) {
          const rows = await entryBase(trx).where('e.transfer_group', '=', original.transferGroup).where('e.id', '<>', original.id).execute();
          legs.push(...rows.map((r) => toEntryDto(r)));
        }
        if (legs.some((l) => l.reversedByEntryId !== null)) throw new AppError('alreadyReversed', `Entry ${original.id} is already reversed`);
        const date = input.date ?? clock.today();
        const group = legs.length > 1 || original.categoryId === null ? await newGroup(trx, 'rv') : null;
        const at = now();
        const ids: number[] = [];
        for (const leg of legs) {
          ids.push(
            await postEntry(
              trx,
              {
                accountId: leg.accountId,
                date,
                amountMinor: -leg.amountMinor,
                categoryId: leg.categoryId,
                source: 'reversal',
                transferGroup: group,
                counterparty: leg.counterparty,
                documentNo: leg.documentNo,
                note: input.note,
                grantId: leg.grantId,
                budgetLineId: leg.budgetLineId,
                reversesEntryId: leg.id,
                advanceId: leg.advanceId,
              },
              actor,
              at,
            ),
          );
          if (leg.source === 'advance' && leg.advanceId !== null) {
            await trx.updateTable('volunteer_advances').set({ settled_at: null }).where('id', '=', leg.advanceId).execute();
          }
        }
        const out: EntryDto[] = [];
        for (const id of ids) out.push(await mustGetEntry(trx, id));
        return out;
      });
    },

    async list(f: {
      accountId?: number | undefined;
      fromMonth?: string | undefined;
      toMonth?: string | undefined;
      categoryId?: number | undefined;
      text: string;
      limit: number;
      offset?: number;
    }): Promise<EntryList> {
      let q = entryBase(db);
      const oneAccount = f.accountId !== undefined;
      if (f.accountId !== undefined) q = q.where('e.account_id', '=', f.accountId);
      // With one account, every entry of it is read so that the running balance is right.
      if (!oneAccount) {
        if (f.fromMonth) q = q.where('e.month_key', '>=', f.fromMonth);
        if (f.toMonth) q = q.where('e.month_key', '<=', f.toMonth);
        if (f.categoryId !== undefined) q = q.where('e.category_id', '=', f.categoryId);
      }
      const rows = await q.orderBy('e.entry_date').orderBy('e.id').execute();
      let balance: number | null = null;
      const balances = new Map<number, number>();
      if (f.accountId !== undefined) {
        const account = await db.selectFrom('cash_accounts').select('opening_balance_minor').where('id', '=', f.accountId).executeTakeFirst();
        if (!account) throw new AppError('notFound', `Account ${f.accountId} not found`);
        balance = account.opening_balance_minor;
        for (const r of rows) {
          balance += r.amount_minor;
          balances.set(r.id, balance);
        }
      }
      const needle = fold(f.text);
      const matches = (r: EntryRow) =>
        (!oneAccount ||
          ((!f.fromMonth || r.entry_date.slice(0, 7) >= f.fromMonth) &&
            (!f.toMonth || r.entry_date.slice(0, 7) <= f.toMonth) &&
            (f.categoryId === undefined || r.category_id === f.categoryId))) &&
        (needle === '' || fold(`${r.counterparty} ${r.note} ${r.document_no}`).includes(needle));
      const matched = rows.filter(matches).reverse();
      const from = f.offset ?? 0;
      const shown = matched.slice(from, from + f.limit);
      const others = await otherLegAccounts(db, shown);
      return {
        entries: shown.map((r) => toEntryDto(r, others.get(r.id) ?? null, balances.get(r.id) ?? null)),
        total: matched.length,
        accountBalanceMinor: balance,
      };
    },

    async grantOptions(): Promise<GrantOption[]> {
      const grants = await db.selectFrom('grants').select(['id', 'funder', 'title', 'starts_on', 'ends_on', 'currency']).orderBy('ends_on', 'desc').orderBy('id').execute();
      const lines = await db.selectFrom('budget_lines').select(['id', 'grant_id', 'name']).orderBy('sort_order').orderBy('id').execute();
      return grants.map((g) => ({
        id: g.id,
        funder: g.funder,
        title: g.title,
        startsOn: g.starts_on,
        endsOn: g.ends_on,
        currency: g.currency as Currency,
        lines: lines.filter((l) => l.grant_id === g.id).map((l) => ({ id: l.id, name: l.name })),
      }));
    },

    async pendingAdvances(): Promise<PendingAdvance[]> {
      const rows = await listAdvances(db, false);
      return rows.map((a) => ({
        id: a.id,
        taskId: a.taskId,
        volunteerId: a.volunteerId,
        volunteerName: a.volunteerName,
        kindCode: a.kindCode,
        kindName: a.kindName,
        residentName: a.residentName,
        date: a.doneOn ?? a.scheduledOn,
        amountMinor: a.amountMinor,
        currency: a.currency,
        note: a.note,
        suggestedCategoryCode: advanceCategoryCode({ code: a.kindCode, name: a.kindName }),
      }));
    },

    /** An expense reimbursing a volunteer's advance, and the advance settled, in one transaction; once only. */
    async settleAdvance(input: { id: number; accountId: number; date?: string | undefined; categoryId?: number | undefined }, actor: Actor): Promise<EntryDto> {
      return inTransaction(db, async (trx) => {
        const advance = (await listAdvances(trx, undefined)).find((a) => a.id === input.id);
        if (!advance) throw new AppError('notFound', `Advance ${input.id} not found`);
        if (advance.settledAt !== null) throw new AppError('alreadySettled', `Advance ${input.id} is already settled`);
        const account = await activeAccount(trx, input.accountId, 'accountId');
        if (account.currency !== advance.currency) {
          throw new AppError('currencyMismatch', `The advance is in ${advance.currency}, the account in ${account.currency}`, {
            details: { from: account.currency, to: advance.currency },
          });
        }
        const categoryId = input.categoryId ?? (await categoryIdByCode(trx, advanceCategoryCode({ code: advance.kindCode, name: advance.kindName })));
        await usableCategory(trx, categoryId, 'expense', 'categoryId');
        const at = now();
        const id = await postEntry(
          trx,
          {
            accountId: account.id,
            date: input.date ?? clock.today(),
            amountMinor: -advance.amountMinor,
            categoryId,
            source: 'advance',
            counterparty: advance.volunteerName,
            note: advance.note,
            advanceId: advance.id,
          },
          actor,
          at,
        );
        const updated = await trx.updateTable('volunteer_advances').set({ settled_at: at }).where('id', '=', advance.id).where('settled_at', 'is', null).executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) throw new AppError('alreadySettled', `Advance ${input.id} is already settled`);
        return mustGetEntry(trx, id);
      });
    },
  };
}

async function categoryById(ex: Executor, id: number): Promise<CategoryDto> {
  const c = (await listCategories(ex, true)).find((x) => x.id === id);
  if (!c) throw new AppError('notFound', `Category ${id} not found`);
  return c;
}

/** The centre's own category names are unique (compared folded). */
async function assertFreeName(ex: Executor, name: string, exceptId: number | null): Promise<void> {
  const own = await ex.selectFrom('cash_categories').select(['id', 'name']).where('name', 'is not', null).execute();
  const key = fold(name);
  if (own.some((c) => c.id !== exceptId && c.name !== null && fold(c.name) === key)) throw invalid([{ path: 'name', message: 'validation.nameTaken' }]);
}
