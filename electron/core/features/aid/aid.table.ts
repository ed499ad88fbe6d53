import type { Generated, Selectable } from 'kysely';

export interface AidItemsTable {
  id: Generated<number>;
  name: string;
  size: string;
  unit: string;
  /** The sum of the item's movements' deltas, kept in the same transaction as each movement. */
  stock: Generated<number>;
  archived_at: string | null;
  created_at: string;
  created_by: number;
}
export type AidItemRow = Selectable<AidItemsTable>;

export interface AidMovementsTable {
  id: Generated<number>;
  item_id: number;
  kind: string;
  on_date: string;
  delta: number;
  corrects_id: number | null;
  from_whom: Generated<string>;
  value_minor: number | null;
  currency: string | null;
  /** Null once the person was erased (the movement and its count stay). */
  resident_id: number | null;
  household_id: number | null;
  /** An event or outing (no foreign key yet: events are built in parallel). */
  event_id: number | null;
  head_count: number | null;
  reason: string | null;
  note: Generated<string>;
  created_at: string;
  created_by: number;
}
export type AidMovementRow = Selectable<AidMovementsTable>;

export interface AidTables {
  aid_items: AidItemsTable;
  aid_movements: AidMovementsTable;
}
