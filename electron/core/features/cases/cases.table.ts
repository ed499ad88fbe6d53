import type { Generated, Selectable } from 'kysely';

export interface CasesTable {
  id: Generated<number>;
  resident_id: number | null;
  household_id: number | null;
  opened_on: string;
  worker_id: number;
  status: Generated<string>;
  closed_on: string | null;
  outcome: string | null;
  closing_note: Generated<string>;
  agreement_on: string | null;
  agreement_note: Generated<string>;
  next_review_on: string | null;
  /** No foreign key yet (assessments are built in parallel). */
  assessment_id: number | null;
  erased_at: string | null;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
}
export type CaseRow = Selectable<CasesTable>;

export interface CaseGoalsTable {
  id: Generated<number>;
  case_id: number;
  position: number;
  text: string;
}

export interface CaseActionsTable {
  id: Generated<number>;
  case_id: number;
  text: string;
  due_on: string;
  responsible_user_id: number | null;
  responsible_text: Generated<string>;
  done_on: string | null;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
}

export interface CaseContactsTable {
  id: Generated<number>;
  case_id: number;
  contact_on: string;
  kind: string;
  note: Generated<string>;
  by_user_id: number;
  created_at: string;
}

export interface CaseReviewsTable {
  id: Generated<number>;
  case_id: number;
  reviewed_on: string;
  note: Generated<string>;
  next_review_on: string | null;
  by_user_id: number;
  created_at: string;
}

export interface CasesTables {
  cases: CasesTable;
  case_goals: CaseGoalsTable;
  case_actions: CaseActionsTable;
  case_contacts: CaseContactsTable;
  case_reviews: CaseReviewsTable;
}
