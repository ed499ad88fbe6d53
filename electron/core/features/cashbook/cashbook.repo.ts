/** Queries of the cash book: entries with their account, category, grant line and links. */
import { sql } from 'kysely';
import type { CategoryDto, EntryDto, EntrySourceCode } from '../../../../shared/domain/cashbook';
import type { Currency } from '../../../../shared/domain/settings';
import type { Executor } from '../../db/schema';

export function entryBase(ex: Executor) {
  return ex
    .selectFrom('cash_entries as e')
    .innerJoin('cash_accounts as a', 'a.id', 'e.account_id')
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
        .innerJoin('cash_accounts as a', 'a.id', 'e.account_id')
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
      (eb) => eb.selectFrom('cash_entries').select(['category_id', sql<number>`count(*)`.as('n')]).groupBy('category_id').as('used'),
      (join) => join.onRef('used.category_id', '=', 'c.id'),
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
