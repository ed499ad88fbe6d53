// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// The treasurer's tables: accounts and the cash book, the paid-services till, rent and in-kind
// contributions, grants with budget lines, the annual budget. Money is always INTEGER minor units
// next to an ISO 4217 code; posted cash-book entries are never changed, only reversed.
import { sql, type Kysely } from 'kysely';

const CREATED = '2026-11-23T19:00:00.000Z';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cash_accounts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('cash', 'bank', 'other')`))
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`length(currency) = 3`))
    .addColumn('opening_balance_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('opening_date', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(1000))
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();

  // Income and expense categories: built-in ones have a code (translated), the centre's own a name.
  await db.schema
    .createTable('cash_categories')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text', (c) => c.unique())
    .addColumn('name', 'text')
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('income', 'expense')`))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(1000))
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('cash_categories_code_or_name', sql`code is not null or name is not null`)
    .execute();
  const builtIn: Array<[string, 'income' | 'expense']> = [
    ['paidServices', 'income'],
    ['donations', 'income'],
    ['grantTranche', 'income'],
    ['membershipFees', 'income'],
    ['otherIncome', 'income'],
    ['rent', 'expense'],
    ['utilities', 'expense'],
    ['salaries', 'expense'],
    ['supplies', 'expense'],
    ['medicines', 'expense'],
    ['transport', 'expense'],
    ['otherExpense', 'expense'],
  ];
  await db
    .insertInto('cash_categories')
    .values(builtIn.map(([code, direction], i) => ({ code, name: null, direction, sort_order: (i + 1) * 10, created_at: CREATED })))
    .execute();

  await db.schema
    .createTable('grants')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('funder', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`length(currency) = 3`))
    .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor >= 0`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addCheckConstraint('grants_period', sql`starts_on <= ends_on`)
    .execute();

  await db.schema
    .createTable('budget_lines')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('grant_id', 'integer', (c) => c.notNull().references('grants.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('planned_minor', 'integer', (c) => c.notNull().check(sql`planned_minor >= 0`))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(1000))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('budget_lines_grant').on('budget_lines').column('grant_id').execute();

  // The cash book. amount_minor is signed: money in is positive, money out negative. A reversal
  // carries the negated amount, the same account and category, and points at the original.
  await db.schema
    .createTable('cash_entries')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('cash_accounts.id'))
    .addColumn('entry_date', 'text', (c) => c.notNull())
    .addColumn('month_key', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor <> 0`))
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`length(currency) = 3`))
    // Null only for transfers between accounts.
    .addColumn('category_id', 'integer', (c) => c.references('cash_categories.id'))
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql`source in ('manual', 'sale', 'rent', 'advance', 'tranche', 'transfer', 'reversal')`),
    )
    // Both legs of a transfer share it.
    .addColumn('transfer_group', 'text')
    .addColumn('counterparty', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('document_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('grant_id', 'integer', (c) => c.references('grants.id'))
    .addColumn('budget_line_id', 'integer', (c) => c.references('budget_lines.id'))
    .addColumn('reverses_entry_id', 'integer', (c) => c.unique().references('cash_entries.id'))
    .addColumn('advance_id', 'integer', (c) => c.references('volunteer_advances.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addCheckConstraint('cash_entries_category_or_transfer', sql`category_id is not null or transfer_group is not null`)
    .execute();
  await db.schema.createIndex('cash_entries_account_date').on('cash_entries').columns(['account_id', 'entry_date']).execute();
  await db.schema.createIndex('cash_entries_month').on('cash_entries').columns(['month_key', 'category_id']).execute();
  await db.schema.createIndex('cash_entries_grant').on('cash_entries').columns(['grant_id', 'budget_line_id']).execute();
  await db.schema.createIndex('cash_entries_advance').on('cash_entries').column('advance_id').execute();
  // Posted money does not change: amounts, accounts, dates and categories are corrected by a
  // reversal, and nothing is deleted. (Counterparty, document number, note and the grant line
  // may still be corrected; the audit log records it.)
  await sql`
    create trigger cash_entries_posted_no_update
    before update of account_id, entry_date, month_key, amount_minor, currency, category_id, source, transfer_group, reverses_entry_id, advance_id
    on cash_entries
    begin
      select raise(abort, 'posted cash entries are corrected by a reversal');
    end`.execute(db);
  await sql`
    create trigger cash_entries_posted_no_delete
    before delete on cash_entries
    begin
      select raise(abort, 'posted cash entries are corrected by a reversal');
    end`.execute(db);

  // Money a grant is expected to pay in, and the entry that recorded its arrival.
  await db.schema
    .createTable('grant_tranches')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('grant_id', 'integer', (c) => c.notNull().references('grants.id'))
    .addColumn('expected_on', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('received_entry_id', 'integer', (c) => c.unique().references('cash_entries.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('grant_tranches_grant').on('grant_tranches').column('grant_id').execute();

  // The annual budget: a planned amount per category and year.
  await db.schema
    .createTable('annual_budgets')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.notNull().references('cash_categories.id'))
    .addColumn('planned_minor', 'integer', (c) => c.notNull().check(sql`planned_minor >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`length(currency) = 3`))
    .addPrimaryKeyConstraint('annual_budgets_pk', ['year', 'category_id'])
    .execute();

  // Paid services: a price per kind with history (a sale keeps the price it was sold at).
  await db.schema
    .createTable('service_prices')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind_id', 'integer', (c) => c.notNull().references('service_kinds.id'))
    .addColumn('price_minor', 'integer', (c) => c.notNull().check(sql`price_minor >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`length(currency) = 3`))
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo('piece'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('service_prices_kind').on('service_prices').columns(['kind_id', 'valid_from']).execute();

  // Till sales. A correction is a reversing sale (negative quantity) pointing at the original.
  await db.schema
    .createTable('sales')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('sold_at', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('kind_id', 'integer', (c) => c.notNull().references('service_kinds.id'))
    .addColumn('price_id', 'integer', (c) => c.notNull().references('service_prices.id'))
    .addColumn('unit_price_minor', 'integer', (c) => c.notNull().check(sql`unit_price_minor >= 0`))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity <> 0`))
    .addColumn('total_minor', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`length(currency) = 3`))
    .addColumn('payment', 'text', (c) => c.notNull().check(sql`payment in ('cash', 'card')`))
    .addColumn('resident_id', 'integer', (c) => c.references('residents.id'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('cash_accounts.id'))
    .addColumn('entry_id', 'integer', (c) => c.unique().references('cash_entries.id'))
    .addColumn('reverses_sale_id', 'integer', (c) => c.unique().references('sales.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addCheckConstraint('sales_total', sql`total_minor = unit_price_minor * quantity`)
    .execute();
  await db.schema.createIndex('sales_day').on('sales').columns(['day', 'kind_id']).execute();
  await db.schema.createIndex('sales_resident').on('sales').column('resident_id').execute();

  // The daily cash-up: what the box should hold, what was counted, the difference.
  await db.schema
    .createTable('cash_ups')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('cash_accounts.id'))
    .addColumn('expected_minor', 'integer', (c) => c.notNull())
    .addColumn('counted_minor', 'integer', (c) => c.notNull().check(sql`counted_minor >= 0`))
    .addColumn('difference_minor', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`length(currency) = 3`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addCheckConstraint('cash_ups_difference', sql`difference_minor = counted_minor - expected_minor`)
    .execute();
  await db.schema.createIndex('cash_ups_day').on('cash_ups').columns(['day', 'account_id']).execute();

  // Leases: the market rent, the rent actually paid (the difference is an in-kind contribution).
  await db.schema
    .createTable('leases')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('landlord', 'text', (c) => c.notNull())
    .addColumn('premises', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`length(currency) = 3`))
    .addColumn('market_rent_minor', 'integer', (c) => c.notNull().check(sql`market_rent_minor >= 0`))
    .addColumn('paid_rent_minor', 'integer', (c) => c.notNull().check(sql`paid_rent_minor >= 0`))
    .addColumn('due_day', 'integer', (c) => c.notNull().check(sql`due_day between 1 and 28`))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('account_id', 'integer', (c) => c.references('cash_accounts.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();

  // Monthly rent due, generated from the leases; paid by a cash-book entry.
  await db.schema
    .createTable('rent_charges')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('lease_id', 'integer', (c) => c.notNull().references('leases.id'))
    .addColumn('month_key', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor >= 0`))
    .addColumn('market_minor', 'integer', (c) => c.notNull().check(sql`market_minor >= 0`))
    .addColumn('entry_id', 'integer', (c) => c.unique().references('cash_entries.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rent_charges_month', ['lease_id', 'month_key'])
    .execute();

  // In-kind contributions (co-financing, never cash): rent discounts, donated goods and services.
  // Volunteer hours are valued in reports from the tasks' minutes at the centre's rate.
  await db.schema
    .createTable('in_kind')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('entry_date', 'text', (c) => c.notNull())
    .addColumn('month_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('rentDiscount', 'goods', 'services')`))
    .addColumn('donor', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('value_minor', 'integer', (c) => c.notNull().check(sql`value_minor > 0`))
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`length(currency) = 3`))
    .addColumn('grant_id', 'integer', (c) => c.references('grants.id'))
    .addColumn('rent_charge_id', 'integer', (c) => c.unique().references('rent_charges.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('in_kind_month').on('in_kind').column('month_key').execute();
}
