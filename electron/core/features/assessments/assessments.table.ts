import type { Generated, Selectable } from 'kysely';

export interface AssessmentOptionsTable {
  id: Generated<number>;
  /** 'kind' or 'area'. */
  list: string;
  /** A built-in entry's code; null for the centre's own. */
  code: string | null;
  /** The centre's own entry's name; null for a built-in one. */
  name: string | null;
  sort_order: Generated<number>;
  archived_at: string | null;
  created_at: string;
}

export interface AssessmentsTable {
  id: Generated<number>;
  resident_id: number | null;
  household_id: number | null;
  kind_id: number;
  assessed_on: string;
  worker_id: number;
  conclusion: string;
  services: string;
  follow_up_on: string | null;
  erased_at: string | null;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
}
export type AssessmentRow = Selectable<AssessmentsTable>;

export interface AssessmentNeedsTable {
  id: Generated<number>;
  assessment_id: number;
  area_id: number;
  severity: string;
}

export interface AssessmentsTables {
  assessment_options: AssessmentOptionsTable;
  assessments: AssessmentsTable;
  assessment_needs: AssessmentNeedsTable;
}
