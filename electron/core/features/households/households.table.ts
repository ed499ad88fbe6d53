import type { Generated, Selectable } from 'kysely';

export interface HouseholdsTable {
  id: Generated<number>;
  settlement: string;
  street: string;
  house: string;
  flat: string;
  formed_on: string;
  closed_on: string | null;
  split_from_id: number | null;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
}
export type HouseholdRow = Selectable<HouseholdsTable>;

export interface HouseholdMembersTable {
  id: Generated<number>;
  household_id: number;
  /** Null for an unnamed member (and once the person was erased). */
  resident_id: number | null;
  relation: string;
  /** An unnamed member's birth year; a resident's is on their record. */
  birth_year: number | null;
  from_on: string;
  to_on: string | null;
  end_reason: string | null;
  from_household_id: number | null;
  to_household_id: number | null;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
}
export type HouseholdMemberRow = Selectable<HouseholdMembersTable>;

export interface HouseholdsTables {
  households: HouseholdsTable;
  household_members: HouseholdMembersTable;
}
