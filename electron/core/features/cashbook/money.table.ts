// Kysely types of the treasurer's tables (migration 20261123_1900_money). Shared by the cash book,
// till, grants/rent and cash-flow features; row types never leave the core.
import type { Generated } from 'kysely';

export interface CashAccountsTable {
  id: Generated<number>;
  name: string;
  kind: 'cash' | 'bank' | 'other';
  currency: string;
  opening_balance_minor: number;
  opening_date: string;
  sort_order: Generated<number>;
  archived_at: string | null;
  created_at: string;
  created_by: number;
}

export interface CashCategoriesTable {
  id: Generated<number>;
  code: string | null;
  name: string | null;
  direction: 'income' | 'expense';
  sort_order: Generated<number>;
  archived_at: string | null;
  created_at: string;
}

export type EntrySource = 'manual' | 'sale' | 'rent' | 'advance' | 'tranche' | 'transfer' | 'reversal';

export interface CashEntriesTable {
  id: Generated<number>;
  account_id: number;
  entry_date: string;
  month_key: string;
  /** Signed: money in is positive, money out negative. */
  amount_minor: number;
  currency: string;
  category_id: number | null;
  source: EntrySource;
  transfer_group: string | null;
  counterparty: Generated<string>;
  document_no: Generated<string>;
  note: Generated<string>;
  /** The counterparty, note and document number folded for searching; written by triggers only. */
  search_text: Generated<string>;
  grant_id: number | null;
  budget_line_id: number | null;
  reverses_entry_id: number | null;
  advance_id: number | null;
  created_at: string;
  created_by: number;
}

/**
 * Sums of the entries per account, month and category (migration 20261206_0900), kept by an
 * insert trigger on cash_entries: never written by the core.
 */
export interface CashMonthTotalsTable {
  account_id: number;
  month_key: string;
  /** The category's id, or 0 for the legs of a transfer. */
  category_key: number;
  /** The sum of the month's money in (>= 0) and money out (<= 0). */
  in_minor: number;
  out_minor: number;
  entries: number;
}

export interface GrantsTable {
  id: Generated<number>;
  funder: string;
  title: string;
  starts_on: string;
  ends_on: string;
  currency: string;
  amount_minor: number;
  note: Generated<string>;
  created_at: string;
  created_by: number;
}

export interface BudgetLinesTable {
  id: Generated<number>;
  grant_id: number;
  name: string;
  planned_minor: number;
  sort_order: Generated<number>;
  created_at: string;
}

export interface GrantTranchesTable {
  id: Generated<number>;
  grant_id: number;
  expected_on: string;
  amount_minor: number;
  received_entry_id: number | null;
  note: Generated<string>;
  created_at: string;
}

export interface AnnualBudgetsTable {
  year: number;
  category_id: number;
  planned_minor: number;
  currency: string;
}

export interface ServicePricesTable {
  id: Generated<number>;
  kind_id: number;
  price_minor: number;
  currency: string;
  unit: Generated<string>;
  valid_from: string;
  created_at: string;
  created_by: number;
}

export interface SalesTable {
  id: Generated<number>;
  sold_at: string;
  day: string;
  kind_id: number;
  price_id: number;
  unit_price_minor: number;
  /** Negative on a reversing sale. */
  quantity: number;
  total_minor: number;
  currency: string;
  payment: 'cash' | 'card';
  resident_id: number | null;
  account_id: number;
  entry_id: number | null;
  reverses_sale_id: number | null;
  created_at: string;
  created_by: number;
}

export interface CashUpsTable {
  id: Generated<number>;
  day: string;
  account_id: number;
  expected_minor: number;
  counted_minor: number;
  difference_minor: number;
  currency: string;
  note: Generated<string>;
  created_at: string;
  created_by: number;
}

export interface LeasesTable {
  id: Generated<number>;
  landlord: string;
  premises: string;
  currency: string;
  market_rent_minor: number;
  paid_rent_minor: number;
  due_day: number;
  starts_on: string;
  ends_on: string | null;
  account_id: number | null;
  note: Generated<string>;
  created_at: string;
  created_by: number;
}

export interface RentChargesTable {
  id: Generated<number>;
  lease_id: number;
  month_key: string;
  due_on: string;
  amount_minor: number;
  market_minor: number;
  entry_id: number | null;
  created_at: string;
}

export interface InKindTable {
  id: Generated<number>;
  entry_date: string;
  month_key: string;
  kind: 'rentDiscount' | 'goods' | 'services';
  donor: Generated<string>;
  description: Generated<string>;
  value_minor: number;
  currency: string;
  grant_id: number | null;
  rent_charge_id: number | null;
  /** The aid receipt (aid_movements, kind received) it was taken in from; at most one row per receipt. */
  aid_movement_id: Generated<number | null>;
  created_at: string;
  created_by: number;
}

export interface MoneyTables {
  cash_accounts: CashAccountsTable;
  cash_categories: CashCategoriesTable;
  cash_entries: CashEntriesTable;
  cash_month_totals: CashMonthTotalsTable;
  grants: GrantsTable;
  budget_lines: BudgetLinesTable;
  grant_tranches: GrantTranchesTable;
  annual_budgets: AnnualBudgetsTable;
  service_prices: ServicePricesTable;
  sales: SalesTable;
  cash_ups: CashUpsTable;
  leases: LeasesTable;
  rent_charges: RentChargesTable;
  in_kind: InKindTable;
}
