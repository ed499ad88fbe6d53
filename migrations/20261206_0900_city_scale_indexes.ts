// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// City scale (issue 11): the indexes the list pages, the board, the care list and the audit search
// read in order, and the cash book's monthly totals, kept by a trigger as entries are posted. Each
// index here is read by a query whose plan a test pins (electron/core/db/query-plans.test.ts);
// every index costs each write, so none is added that no query needs.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Requests, newest first, are read in (created_on, id) order. The status, kind and resident
  // indexes already end in created_on (and every index ends in the rowid); the list of every
  // status needs the day alone: (created_on, status) made SQLite sort each day's rows by id.
  await db.schema.dropIndex('requests_created_on').execute();
  await db.schema.createIndex('requests_created_on').on('requests').column('created_on').execute();

  // The board's overdue tasks: the open ones only, a few hundred rows in a city (the statuses are
  // written out so that the board's query, which names them the same way, can use the index).
  await sql`create index tasks_open_day on tasks (scheduled_on) where status in ('planned', 'assigned')`.execute(db);
  // The care list: each resident's latest contact (a done task) in one seek.
  await sql`create index tasks_resident_done on tasks (resident_id, done_on) where status = 'done'`.execute(db);
  // The coordination reports: the tasks done in a range of months, by the day they count on.
  await sql`create index tasks_done_day on tasks (coalesce(done_on, scheduled_on)) where status = 'done'`.execute(db);

  // The residents screen within a settlement, by name: in order from the index (a city of 20,000
  // residents was sorted whole for every page).
  await db.schema.dropIndex('residents_settlement').execute();
  await db.schema.createIndex('residents_settlement').on('residents').columns(['settlement', 'sort_key']).execute();

  // The care list's residents, by name (a few percent of the register).
  await sql`create index residents_care on residents (sort_key) where regular_care = 1`.execute(db);

  // The cash book, newest first over every account; one account in (date, id) order with its
  // running balance (the amount in the index: the balance before a page is summed from the index
  // alone; the id named before it, or the rowid after the amount would break the order); by
  // category; the other leg of a transfer.
  // The text a cash-book search looks in (counterparty, note, document number), folded by the
  // app's one folding function (hearth_fold, registered on every connection of the app) and kept
  // by triggers; the date index carries it, so a search over ten years reads that index alone
  // (15 ms at city scale instead of 250 ms folding every entry while searching).
  await sql`alter table cash_entries add column search_text text not null default ''`.execute(db);
  await sql`update cash_entries set search_text = hearth_fold(counterparty || ' ' || note || ' ' || document_no)`.execute(db);
  await sql`create trigger cash_entries_search_text after insert on cash_entries
    begin
      update cash_entries set search_text = hearth_fold(new.counterparty || ' ' || new.note || ' ' || new.document_no) where id = new.id;
    end`.execute(db);
  await sql`create trigger cash_entries_search_text_update after update of counterparty, note, document_no on cash_entries
    begin
      update cash_entries set search_text = hearth_fold(new.counterparty || ' ' || new.note || ' ' || new.document_no) where id = new.id;
    end`.execute(db);
  await db.schema.createIndex('cash_entries_date').on('cash_entries').columns(['entry_date', 'id', 'search_text']).execute();
  await db.schema.dropIndex('cash_entries_account_date').execute();
  await db.schema.createIndex('cash_entries_account_balance').on('cash_entries').columns(['account_id', 'entry_date', 'id', 'amount_minor']).execute();
  // (month_key, category_id) served the monthly sums, which now read cash_month_totals.
  await db.schema.dropIndex('cash_entries_month').execute();
  await db.schema.createIndex('cash_entries_category').on('cash_entries').columns(['category_id', 'entry_date']).execute();
  await sql`create index cash_entries_transfer on cash_entries (transfer_group) where transfer_group is not null`.execute(db);

  // Monthly totals per account and category, kept with the entries: the cash flow over ten years,
  // the outlook, the annual budget, the balances and the running balance's starting point read a
  // few thousand rows instead of every entry. Entries are never changed in these columns nor
  // deleted (the triggers of 20261123_1900_money refuse it), so an insert trigger keeps them exact.
  await db.schema
    .createTable('cash_month_totals')
    .addColumn('account_id', 'integer', (c) => c.notNull().references('cash_accounts.id'))
    .addColumn('month_key', 'text', (c) => c.notNull())
    // The entry's category, or 0 for the legs of a transfer (which have none).
    .addColumn('category_key', 'integer', (c) => c.notNull())
    .addColumn('in_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('out_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('entries', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('cash_month_totals_pk', ['account_id', 'month_key', 'category_key'])
    .execute();
  await sql`insert into cash_month_totals (account_id, month_key, category_key, in_minor, out_minor, entries)
    select account_id, month_key, coalesce(category_id, 0),
      sum(case when amount_minor > 0 then amount_minor else 0 end),
      sum(case when amount_minor < 0 then amount_minor else 0 end),
      count(*)
    from cash_entries group by account_id, month_key, coalesce(category_id, 0)`.execute(db);
  await sql`create trigger cash_entries_month_totals after insert on cash_entries
    begin
      insert into cash_month_totals (account_id, month_key, category_key, in_minor, out_minor, entries)
      values (new.account_id, new.month_key, coalesce(new.category_id, 0),
        case when new.amount_minor > 0 then new.amount_minor else 0 end,
        case when new.amount_minor < 0 then new.amount_minor else 0 end,
        1)
      on conflict (account_id, month_key, category_key) do update set
        in_minor = in_minor + excluded.in_minor,
        out_minor = out_minor + excluded.out_minor,
        entries = entries + 1;
    end`.execute(db);

  // The audit search by user and call, newest first.
  await db.schema.createIndex('audit_log_user_call').on('audit_log').columns(['user_id', 'call', 'at']).execute();
}
