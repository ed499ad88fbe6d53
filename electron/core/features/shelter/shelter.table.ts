import type { Generated, Selectable } from 'kysely';

export interface SheltersTable {
  id: Generated<number>;
  name: string;
  address: string;
  places: number;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
}

export interface ShelterStaysTable {
  id: Generated<number>;
  shelter_id: number;
  /** Null once the person was erased. */
  resident_id: number | null;
  household_id: number | null;
  bed: string;
  checked_in_on: string;
  checked_out_on: string | null;
  out_reason: string | null;
  out_note: string;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
}
export type StayRow = Selectable<ShelterStaysTable>;

export interface ShelterTables {
  shelters: SheltersTable;
  shelter_stays: ShelterStaysTable;
}
