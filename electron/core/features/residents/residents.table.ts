import type { Generated, Selectable } from 'kysely';

export interface ResidentsTable {
  id: Generated<number>;
  last_name: string;
  first_name: string;
  patronymic: string;
  /** Folded "last first patronymic", for ordering. */
  sort_key: string;
  /** Folded name words sorted, for the duplicate check. */
  name_key: string;
  /** Folded last and first name sorted, without the patronymic. */
  short_name_key: string;
  birth_year: number | null;
  settlement: string;
  street: string;
  house: string;
  flat: string;
  lives_alone: number;
  pensioner: number;
  disability: number;
  family_in_difficulty: number;
  displaced: number;
  household_size: number | null;
  regular_care: number;
  checkin_interval_days: number | null;
  notes: string;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
  needs_snow_clearing: number;
  left_on: string | null;
  left_reason: string | null;
  /** Recorded only under a consent covering health (privacy feature); '' when none. */
  health_needs: Generated<string>;
  /** Set when the person was erased (anonymised); the row stays for the statistics. */
  erased_at: Generated<string | null>;
  /** The day of the last contact (privacy's retention review), kept by triggers (migration 20261206_1810); null while registration is the only one. */
  last_activity_on: Generated<string | null>;
}
export type ResidentRow = Selectable<ResidentsTable>;

export interface ResidentPhonesTable {
  id: Generated<number>;
  resident_id: number;
  position: number;
  raw: string;
  national: string;
}

export interface ResidentSearchTermsTable {
  resident_id: number;
  term: string;
  /** 0 last name, 1 other name words, 2 address words, 3 phone digits; lower ranks first. */
  rank: number;
}

/** The duplicate matcher's lookup keys of a resident (shared/domain/matcher.ts matchKeys). */
export interface ResidentMatchKeysTable {
  key: string;
  resident_id: number;
}

/** Two records of one person merged into the survivor (residents.merge). */
export interface ResidentMergesTable {
  id: Generated<number>;
  survivor_id: number;
  merged_id: number;
  merged_name: string;
  merged_birth_year: number | null;
  fields: string;
  moved: string;
  merged_at: string;
  merged_by: number;
}

/** A stretch of regular care (migration 20261206_1920: written by triggers on residents.regular_care). */
export interface CarePeriodsTable {
  id: Generated<number>;
  resident_id: number;
  /** The day the resident was taken under regular care. */
  from_on: string;
  /** The day they no longer were; null while under care. */
  to_on: string | null;
}
