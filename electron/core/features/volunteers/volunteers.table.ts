import type { Generated } from 'kysely';

export interface SkillsTable {
  id: Generated<number>;
  code: string | null;
  name: string | null;
  archived_at: string | null;
  created_at: string;
}

export interface KindSkillsTable {
  kind_id: number;
  skill_id: number;
}

export interface VolunteersTable {
  id: Generated<number>;
  last_name: string;
  first_name: string;
  patronymic: string;
  sort_key: string;
  settlement: string;
  /** JSON array of language codes. */
  languages: string;
  is_regular: number;
  specialist: string | null;
  agreement_signed_on: string | null;
  status: string;
  deleted_at: string | null;
  notes: string;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
}

export interface VolunteerPhonesTable {
  id: Generated<number>;
  volunteer_id: number;
  position: number;
  raw: string;
  national: string;
}

export interface VolunteerSearchTermsTable {
  volunteer_id: number;
  term: string;
  rank: number;
}

export interface VolunteerSkillsTable {
  volunteer_id: number;
  skill_id: number;
}

export interface VolunteerAvailabilityTable {
  volunteer_id: number;
  weekday: number;
  part: string;
}

/** Two records of one volunteer merged into the survivor (volunteers.merge). */
export interface VolunteerMergesTable {
  id: Generated<number>;
  survivor_id: number;
  merged_id: number;
  merged_name: string;
  fields: string;
  moved: string;
  merged_at: string;
  merged_by: number;
}
