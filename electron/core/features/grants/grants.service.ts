/**
 * Grants (budget lines, tranches, plan vs actual, warnings) and the annual budget. Spending is read
 * from the cash book: a line's actual is minus the sum of its entries, reversals included. Money
 * moves (a tranche received, its undoing) post through postEntry inside one transaction.
 */
import { sql } from 'kysely';
import { AppError, type FieldIssue } from '../../../../shared/api/errors';
import {
  budgetOf,
  elapsedShare,
  grantWarnings,
  percentOf,
  projectedUnspent,
  type AnnualBudget,
  type BudgetRow,
  type GrantData,
  type GrantEntryView,
  type GrantSummary,
  type GrantView,
  type TrancheView,
} from '../../../../shared/domain/funding';
import type { Currency } from '../../../../shared/domain/settings';
import type { Actor, CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { categoryIdByCode, postEntry } from '../cashbook/ledger';
import { readSettings } from '../settings/settings.service';
import { inTransaction } from '../../db/transaction';

function invalid(fields: FieldIssue[]): AppError {
  return new AppError('validation', 'Invalid input', { fields });
}

type GrantRow = {
  id: number;
  funder: string;
  title: string;
  starts_on: string;
  ends_on: string;
  currency: string;
  amount_minor: number;
  note: string;
};

async function grantRow(ex: Executor, id: number): Promise<GrantRow> {
  const g = await ex.selectFrom('grants').select(['id', 'funder', 'title', 'starts_on', 'ends_on', 'currency', 'amount_minor', 'note']).where('id', '=', id).executeTakeFirst();
  if (!g) throw new AppError('notFound', `Grant ${id} not found`);
  return g;
}

type LineRow = { id: number; grant_id: number; name: string; planned_minor: number; sum: number };
type TrancheRow = {
  id: number;
  grant_id: number;
  expected_on: string;
  amount_minor: number;
  note: string;
  received_entry_id: number | null;
  entry_date: string | null;
  account_name: string | null;
};

/** What a grant's figures are made of: its lines with their sums, the spending outside a line or the period, its tranches. */
interface GrantParts {
  lines: LineRow[];
  /** Expenses on the grant without a line (minus their sum: money spent). */
  unassignedMinor: number;
  /** Spending (on a line, or an expense) dated outside the grant's period. */
  outside: { count: number; amountMinor: number };
  tranches: TrancheRow[];
}

/**
 * The budget lines of these grants (all of them without ids) with the sum of each line's entries,
 * in the lines' order. A line's entries carry its grant (the cash book and reversals set both),
 * so they are found through the (grant_id, budget_line_id) index.
 */
async function linesOf(ex: Executor, grantId?: number): Promise<LineRow[]> {
  let q = ex
    .selectFrom('budget_lines as l')
    .leftJoin('cash_entries as e', (join) => join.onRef('e.grant_id', '=', 'l.grant_id').onRef('e.budget_line_id', '=', 'l.id'))
    .select(['l.id', 'l.grant_id', 'l.name', 'l.planned_minor'])
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('e.amount_minor'), sql<number>`0`).as('sum'))
    .groupBy('l.id')
    .orderBy('l.grant_id')
    .orderBy('l.sort_order')
    .orderBy('l.id');
  if (grantId !== undefined) q = q.where('l.grant_id', '=', grantId);
  return q.execute();
}

async function tranchesOf(ex: Executor, grantId?: number): Promise<TrancheRow[]> {
  let q = ex
    .selectFrom('grant_tranches as t')
    .leftJoin('cash_entries as e', 'e.id', 't.received_entry_id')
    .leftJoin('cash_accounts as a', 'a.id', 'e.account_id')
    .select(['t.id', 't.grant_id', 't.expected_on', 't.amount_minor', 't.note', 't.received_entry_id', 'e.entry_date', 'a.name as account_name'])
    .orderBy('t.grant_id')
    .orderBy('t.expected_on')
    .orderBy('t.id');
  if (grantId !== undefined) q = q.where('t.grant_id', '=', grantId);
  return q.execute();
}

/** A grant's figures and warnings from its parts (the same for the list and a grant's view). */
function figures(g: GrantRow, parts: GrantParts, today: string) {
  const lineViews = parts.lines.map((l) => {
    const actual = -Number(l.sum);
    return {
      id: l.id,
      name: l.name,
      plannedMinor: l.planned_minor,
      actualMinor: actual,
      remainingMinor: l.planned_minor - actual,
      percentSpent: percentOf(actual, l.planned_minor),
      overspent: actual > l.planned_minor,
    };
  });
  const unassigned = parts.unassignedMinor;
  const spent = lineViews.reduce((s, l) => s + l.actualMinor, 0) + unassigned;
  const planned = lineViews.reduce((s, l) => s + l.plannedMinor, 0);
  const budget = budgetOf(g.amount_minor, planned);
  const trancheViews: TrancheView[] = parts.tranches.map((t) => ({
    id: t.id,
    expectedOn: t.expected_on,
    amountMinor: t.amount_minor,
    note: t.note,
    receivedEntryId: t.received_entry_id,
    receivedOn: t.entry_date ?? null,
    accountName: t.account_name ?? null,
    overdue: t.received_entry_id === null && t.expected_on < today,
  }));
  const received = trancheViews.filter((t) => t.receivedEntryId !== null).reduce((s, t) => s + t.amountMinor, 0);
  const expected = trancheViews.reduce((s, t) => s + t.amountMinor, 0);
  const warnings = grantWarnings({
    startsOn: g.starts_on,
    endsOn: g.ends_on,
    amountMinor: g.amount_minor,
    today,
    lines: lineViews,
    spentMinor: spent,
    tranches: trancheViews.map((t) => ({ id: t.id, expectedOn: t.expectedOn, amountMinor: t.amountMinor, received: t.receivedEntryId !== null })),
    outsidePeriod: parts.outside,
  });
  return {
    id: g.id,
    funder: g.funder,
    title: g.title,
    startsOn: g.starts_on,
    endsOn: g.ends_on,
    currency: g.currency as Currency,
    amountMinor: g.amount_minor,
    note: g.note,
    spentMinor: spent,
    receivedMinor: received,
    expectedMinor: expected,
    plannedMinor: planned,
    unassignedMinor: unassigned,
    percentSpent: percentOf(spent, budget),
    percentElapsed: Math.round(elapsedShare(g.starts_on, g.ends_on, today) * 100),
    projectedUnspentMinor: projectedUnspent(budget, spent, g.starts_on, g.ends_on, today),
    ended: today > g.ends_on,
    warnings,
    lines: lineViews,
    tranches: trancheViews,
  };
}

/** Everything a grant's view is made of, read in a few queries. */
async function buildView(ex: Executor, g: GrantRow, today: string): Promise<GrantView> {
  const entries = await ex
    .selectFrom('cash_entries as e')
    .leftJoin('budget_lines as l', 'l.id', 'e.budget_line_id')
    .leftJoin('cash_categories as c', 'c.id', 'e.category_id')
    .select([
      'e.id',
      'e.entry_date',
      'e.amount_minor',
      'e.budget_line_id',
      'l.name as line_name',
      'c.code',
      'c.name as category_name',
      'c.direction',
      'e.counterparty',
      'e.note',
      'e.source',
      'e.reverses_entry_id',
    ])
    .where('e.grant_id', '=', g.id)
    .orderBy('e.entry_date', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
  // Expenses on the grant without a line (an income entry such as a tranche is not spending).
  const unassigned = -entries.filter((e) => e.budget_line_id === null && e.direction === 'expense').reduce((s, e) => s + e.amount_minor, 0);
  const spending = entries.filter((e) => e.budget_line_id !== null || e.direction === 'expense');
  const outside = spending.filter((e) => e.entry_date < g.starts_on || e.entry_date > g.ends_on);
  const view = figures(
    g,
    {
      lines: await linesOf(ex, g.id),
      unassignedMinor: unassigned,
      outside: { count: outside.length, amountMinor: -outside.reduce((s, e) => s + e.amount_minor, 0) },
      tranches: await tranchesOf(ex, g.id),
    },
    today,
  );
  const entryViews: GrantEntryView[] = entries.map((e) => ({
    id: e.id,
    date: e.entry_date,
    amountMinor: e.amount_minor,
    lineId: e.budget_line_id,
    lineName: e.line_name ?? null,
    categoryCode: e.code ?? null,
    categoryName: e.category_name ?? null,
    counterparty: e.counterparty,
    note: e.note,
    source: e.source,
    reversesEntryId: e.reverses_entry_id,
    outsidePeriod: (e.budget_line_id !== null || e.direction === 'expense') && (e.entry_date < g.starts_on || e.entry_date > g.ends_on),
  }));
  return { ...view, entries: entryViews };
}

/**
 * Every grant's summary in four queries: the grants, the lines with their sums, the spending
 * without a line or outside the period per grant (one pass over the grants' entries through the
 * (grant_id, budget_line_id) index), and the tranches.
 */
async function listSummaries(ex: Executor, today: string): Promise<GrantSummary[]> {
  const grants = await ex
    .selectFrom('grants')
    .select(['id', 'funder', 'title', 'starts_on', 'ends_on', 'currency', 'amount_minor', 'note'])
    .orderBy('ends_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const spendingRows = await ex
    .selectFrom('grants as g')
    .innerJoin('cash_entries as e', 'e.grant_id', 'g.id')
    .leftJoin('cash_categories as c', 'c.id', 'e.category_id')
    .select([
      'g.id',
      sql<number>`sum(case when e.budget_line_id is null and c.direction = 'expense' then e.amount_minor else 0 end)`.as('unassigned'),
      sql<number>`sum(case when (e.budget_line_id is not null or c.direction = 'expense') and (e.entry_date < g.starts_on or e.entry_date > g.ends_on) then 1 else 0 end)`.as('outside_n'),
      sql<number>`sum(case when (e.budget_line_id is not null or c.direction = 'expense') and (e.entry_date < g.starts_on or e.entry_date > g.ends_on) then e.amount_minor else 0 end)`.as('outside_sum'),
    ])
    .groupBy('g.id')
    .execute();
  const spending = new Map(spendingRows.map((r) => [r.id, r]));
  const lines = byGrant(await linesOf(ex));
  const tranches = byGrant(await tranchesOf(ex));
  return grants.map((g) => {
    const s = spending.get(g.id);
    const v = figures(
      g,
      {
        lines: lines.get(g.id) ?? [],
        unassignedMinor: -Number(s?.unassigned ?? 0),
        outside: { count: Number(s?.outside_n ?? 0), amountMinor: -Number(s?.outside_sum ?? 0) },
        tranches: tranches.get(g.id) ?? [],
      },
      today,
    );
    return summaryOf(v);
  });
}

function byGrant<T extends { grant_id: number }>(rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) out.set(r.grant_id, [...(out.get(r.grant_id) ?? []), r]);
  return out;
}

function summaryOf(v: ReturnType<typeof figures>): GrantSummary {
  return {
    id: v.id,
    funder: v.funder,
    title: v.title,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    currency: v.currency,
    amountMinor: v.amountMinor,
    spentMinor: v.spentMinor,
    receivedMinor: v.receivedMinor,
    percentSpent: v.percentSpent,
    percentElapsed: v.percentElapsed,
    ended: v.ended,
    warnings: v.warnings,
  };
}

async function lineRow(ex: Executor, id: number) {
  const l = await ex.selectFrom('budget_lines').select(['id', 'grant_id']).where('id', '=', id).executeTakeFirst();
  if (!l) throw new AppError('notFound', `Budget line ${id} not found`);
  return l;
}

export function grantsService(deps: CoreDeps) {
  const { db, clock } = deps;
  const now = () => clock.now().toISOString();
  const view = async (ex: Executor, id: number) => buildView(ex, await grantRow(ex, id), clock.today());

  return {
    list: (): Promise<GrantSummary[]> => listSummaries(db, clock.today()),

    get: (id: number) => view(db, id),

    async create(input: { grant: GrantData; lines: Array<{ name: string; plannedMinor: number }> }, actor: Actor): Promise<GrantView> {
      return inTransaction(db, async (trx) => {
        const g = input.grant;
        const at = now();
        const row = await trx
          .insertInto('grants')
          .values({ funder: g.funder, title: g.title, starts_on: g.startsOn, ends_on: g.endsOn, currency: g.currency, amount_minor: g.amountMinor, note: g.note, created_at: at, created_by: actor.id })
          .returning('id')
          .executeTakeFirstOrThrow();
        let order = 10;
        for (const l of input.lines) {
          await trx.insertInto('budget_lines').values({ grant_id: row.id, name: l.name, planned_minor: l.plannedMinor, sort_order: order, created_at: at }).execute();
          order += 10;
        }
        return view(trx, row.id);
      });
    },

    async update(id: number, g: GrantData): Promise<GrantView> {
      return inTransaction(db, async (trx) => {
        const current = await grantRow(trx, id);
        if (current.currency !== g.currency) {
          const used = await trx.selectFrom('cash_entries').select('id').where('grant_id', '=', id).executeTakeFirst();
          if (used) throw invalid([{ path: 'currency', message: 'validation.currencyLocked' }]);
        }
        await trx
          .updateTable('grants')
          .set({ funder: g.funder, title: g.title, starts_on: g.startsOn, ends_on: g.endsOn, currency: g.currency, amount_minor: g.amountMinor, note: g.note })
          .where('id', '=', id)
          .execute();
        return view(trx, id);
      });
    },

    async addLine(grantId: number, line: { name: string; plannedMinor: number }): Promise<GrantView> {
      return inTransaction(db, async (trx) => {
        await grantRow(trx, grantId);
        const last = await trx.selectFrom('budget_lines').select((eb) => eb.fn.max('sort_order').as('m')).where('grant_id', '=', grantId).executeTakeFirst();
        await trx
          .insertInto('budget_lines')
          .values({ grant_id: grantId, name: line.name, planned_minor: line.plannedMinor, sort_order: Number(last?.m ?? 0) + 10, created_at: now() })
          .execute();
        return view(trx, grantId);
      });
    },

    /** A budget line nothing has been recorded on (a typo, a line the funder cut). */
    async removeLine(id: number): Promise<GrantView> {
      return inTransaction(db, async (trx) => {
        const l = await lineRow(trx, id);
        // Through the (grant_id, budget_line_id) index: a line's entries carry its grant.
        const used = await trx.selectFrom('cash_entries').select('id').where('grant_id', '=', l.grant_id).where('budget_line_id', '=', id).limit(1).executeTakeFirst();
        if (used) throw new AppError('inUse', `Budget line ${id} has entries`);
        await trx.deleteFrom('budget_lines').where('id', '=', id).execute();
        return view(trx, l.grant_id);
      });
    },

    /** A grant nothing has been recorded on: no cash-book entry, no received tranche, no in-kind row. */
    async remove(id: number): Promise<null> {
      return inTransaction(db, async (trx) => {
        await grantRow(trx, id);
        const entry = await trx.selectFrom('cash_entries').select('id').where('grant_id', '=', id).limit(1).executeTakeFirst();
        const inKind = await trx.selectFrom('in_kind').select('id').where('grant_id', '=', id).limit(1).executeTakeFirst();
        const received = await trx.selectFrom('grant_tranches').select('id').where('grant_id', '=', id).where('received_entry_id', 'is not', null).limit(1).executeTakeFirst();
        if (entry || inKind || received) throw new AppError('inUse', `Grant ${id} has money recorded on it`);
        await trx.deleteFrom('grant_tranches').where('grant_id', '=', id).execute();
        await trx.deleteFrom('budget_lines').where('grant_id', '=', id).execute();
        await trx.deleteFrom('grants').where('id', '=', id).execute();
        return null;
      });
    },

    async updateLine(id: number, line: { name: string; plannedMinor: number }): Promise<GrantView> {
      return inTransaction(db, async (trx) => {
        const l = await lineRow(trx, id);
        await trx.updateTable('budget_lines').set({ name: line.name, planned_minor: line.plannedMinor }).where('id', '=', id).execute();
        return view(trx, l.grant_id);
      });
    },

    async addTranche(input: { grantId: number; expectedOn: string; amountMinor: number; note: string }): Promise<GrantView> {
      return inTransaction(db, async (trx) => {
        await grantRow(trx, input.grantId);
        await trx
          .insertInto('grant_tranches')
          .values({ grant_id: input.grantId, expected_on: input.expectedOn, amount_minor: input.amountMinor, note: input.note, received_entry_id: null, created_at: now() })
          .execute();
        return view(trx, input.grantId);
      });
    },

    async removeTranche(id: number): Promise<GrantView> {
      return inTransaction(db, async (trx) => {
        const t = await trx.selectFrom('grant_tranches').select(['id', 'grant_id', 'received_entry_id']).where('id', '=', id).executeTakeFirst();
        if (!t) throw new AppError('notFound', `Tranche ${id} not found`);
        if (t.received_entry_id !== null) throw new AppError('conflict', `Tranche ${id} has been received`);
        await trx.deleteFrom('grant_tranches').where('id', '=', id).execute();
        return view(trx, t.grant_id);
      });
    },

    /** Grant-tranche income on the chosen account, linked to the tranche. */
    async receiveTranche(input: { id: number; accountId: number; date?: string | undefined }, actor: Actor): Promise<GrantView> {
      return inTransaction(db, async (trx) => {
        const t = await trx.selectFrom('grant_tranches').select(['id', 'grant_id', 'amount_minor', 'received_entry_id', 'note']).where('id', '=', input.id).executeTakeFirst();
        if (!t) throw new AppError('notFound', `Tranche ${input.id} not found`);
        if (t.received_entry_id !== null) throw new AppError('conflict', `Tranche ${input.id} is already received`);
        const g = await grantRow(trx, t.grant_id);
        const account = await trx.selectFrom('cash_accounts').select(['id', 'currency', 'archived_at']).where('id', '=', input.accountId).executeTakeFirst();
        if (!account) throw invalid([{ path: 'accountId', message: 'validation.unknownAccount' }]);
        if (account.archived_at !== null) throw invalid([{ path: 'accountId', message: 'validation.archivedAccount' }]);
        if (account.currency !== g.currency) {
          throw new AppError('currencyMismatch', `The grant is in ${g.currency}, the account in ${account.currency}`, { details: { from: account.currency, to: g.currency } });
        }
        const entryId = await postEntry(
          trx,
          {
            accountId: account.id,
            date: input.date ?? clock.today(),
            amountMinor: t.amount_minor,
            categoryId: await categoryIdByCode(trx, 'grantTranche'),
            source: 'tranche',
            counterparty: g.funder,
            note: t.note || g.title,
            grantId: g.id,
          },
          actor,
          now(),
        );
        await trx.updateTable('grant_tranches').set({ received_entry_id: entryId }).where('id', '=', t.id).execute();
        return view(trx, g.id);
      });
    },

    /** A reversing entry for a received tranche; the tranche is expected again. */
    async cancelReceipt(id: number, actor: Actor): Promise<GrantView> {
      return inTransaction(db, async (trx) => {
        const t = await trx.selectFrom('grant_tranches').select(['id', 'grant_id', 'received_entry_id']).where('id', '=', id).executeTakeFirst();
        if (!t) throw new AppError('notFound', `Tranche ${id} not found`);
        if (t.received_entry_id === null) throw new AppError('conflict', `Tranche ${id} has not been received`);
        await reverseEntry(trx, t.received_entry_id, clock.today(), actor, now());
        await trx.updateTable('grant_tranches').set({ received_entry_id: null }).where('id', '=', id).execute();
        return view(trx, t.grant_id);
      });
    },

    async budget(year: number): Promise<AnnualBudget> {
      return annualBudget(db, year);
    },

    async setBudget(input: { year: number; categoryId: number; plannedMinor: number }): Promise<AnnualBudget> {
      return inTransaction(db, async (trx) => {
        const c = await trx.selectFrom('cash_categories').select('id').where('id', '=', input.categoryId).executeTakeFirst();
        if (!c) throw invalid([{ path: 'categoryId', message: 'validation.unknownCategory' }]);
        const currency = (await readSettings(trx))?.currency;
        if (!currency) throw new AppError('setupRequired', 'The centre is not set up yet');
        if (input.plannedMinor === 0) {
          await trx.deleteFrom('annual_budgets').where('year', '=', input.year).where('category_id', '=', input.categoryId).execute();
        } else {
          await trx
            .insertInto('annual_budgets')
            .values({ year: input.year, category_id: input.categoryId, planned_minor: input.plannedMinor, currency })
            .onConflict((oc) => oc.columns(['year', 'category_id']).doUpdateSet({ planned_minor: input.plannedMinor, currency }))
            .execute();
        }
        return annualBudget(trx, input.year);
      });
    },
  };
}

/**
 * A reversing entry (negated amount, same account, category and grant line) for an entry made
 * here (a tranche or a rent payment); used where the cash book sends such corrections.
 */
export async function reverseEntry(trx: Executor, entryId: number, date: string, actor: Actor, nowIso: string): Promise<number> {
  const e = await trx
    .selectFrom('cash_entries')
    .select(['id', 'account_id', 'amount_minor', 'category_id', 'counterparty', 'document_no', 'grant_id', 'budget_line_id'])
    .where('id', '=', entryId)
    .executeTakeFirst();
  if (!e) throw new AppError('notFound', `Entry ${entryId} not found`);
  const already = await trx.selectFrom('cash_entries').select('id').where('reverses_entry_id', '=', entryId).executeTakeFirst();
  if (already) throw new AppError('alreadyReversed', `Entry ${entryId} is already reversed`);
  return postEntry(
    trx,
    {
      accountId: e.account_id,
      date,
      amountMinor: -e.amount_minor,
      categoryId: e.category_id,
      source: 'reversal',
      counterparty: e.counterparty,
      documentNo: e.document_no,
      grantId: e.grant_id,
      budgetLineId: e.budget_line_id,
      reversesEntryId: e.id,
    },
    actor,
    nowIso,
  );
}

/** Plan vs actual per category of a year, in the centre's currency; transfers have no category and are left out. */
export async function annualBudget(ex: Executor, year: number): Promise<AnnualBudget> {
  const currency = ((await readSettings(ex))?.currency ?? 'EUR') as Currency;
  const categories = await ex.selectFrom('cash_categories').select(['id', 'code', 'name', 'direction', 'archived_at']).orderBy('sort_order').orderBy('id').execute();
  const plans = await ex.selectFrom('annual_budgets').select(['category_id', 'planned_minor']).where('year', '=', year).execute();
  // The year's monthly totals on the accounts in the centre's currency (an entry is in its
  // account's currency, which cannot change once it has entries).
  const sums = await ex
    .selectFrom('cash_month_totals as t')
    .innerJoin('cash_accounts as a', 'a.id', 't.account_id')
    .select(['t.category_key', sql<number>`sum(t.in_minor + t.out_minor)`.as('sum')])
    .where('t.month_key', '>=', `${year}-01`)
    .where('t.month_key', '<=', `${year}-12`)
    .where('a.currency', '=', currency)
    .where('t.category_key', '<>', 0)
    .groupBy('t.category_key')
    .execute();
  const plannedOf = new Map(plans.map((p) => [p.category_id, p.planned_minor]));
  const sumOf = new Map(sums.map((s) => [s.category_key, Number(s.sum)]));
  const rows: BudgetRow[] = [];
  for (const c of categories) {
    const planned = plannedOf.get(c.id) ?? 0;
    const sum = sumOf.get(c.id) ?? 0;
    if (c.archived_at !== null && planned === 0 && sum === 0) continue;
    const actual = c.direction === 'income' ? sum : -sum;
    rows.push({ categoryId: c.id, code: c.code, name: c.name, direction: c.direction, plannedMinor: planned, actualMinor: actual, differenceMinor: actual - planned, percent: percentOf(actual, planned) });
  }
  const total = (list: BudgetRow[]) => {
    const plannedMinor = list.reduce((s, r) => s + r.plannedMinor, 0);
    const actualMinor = list.reduce((s, r) => s + r.actualMinor, 0);
    return { plannedMinor, actualMinor, differenceMinor: actualMinor - plannedMinor };
  };
  const income = rows.filter((r) => r.direction === 'income');
  const expense = rows.filter((r) => r.direction === 'expense');
  const ti = total(income);
  const te = total(expense);
  const net = { plannedMinor: ti.plannedMinor - te.plannedMinor, actualMinor: ti.actualMinor - te.actualMinor, differenceMinor: 0 };
  net.differenceMinor = net.actualMinor - net.plannedMinor;
  return { year, currency, income, expense, totals: { income: ti, expense: te, net } };
}
