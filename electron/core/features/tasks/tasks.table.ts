import type { Generated } from 'kysely';

export interface TasksTable {
  id: Generated<number>;
  request_id: number | null;
  plan_id: number | null;
  resident_id: number;
  kind_id: number;
  scheduled_on: string;
  part_of_day: string | null;
  start_time: string | null;
  estimated_minutes: number | null;
  status: string;
  not_done_reason: string | null;
  done_on: string | null;
  note: string;
  batch_key: string | null;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
}

export interface TaskVolunteersTable {
  task_id: number;
  volunteer_id: number;
  minutes_spent: number | null;
}

export interface VolunteerAdvancesTable {
  id: Generated<number>;
  task_id: number;
  volunteer_id: number;
  amount_minor: number;
  currency: string;
  note: string;
  settled_at: string | null;
  created_at: string;
  created_by: number;
}

export interface HelpPlansTable {
  id: Generated<number>;
  resident_id: number;
  kind_id: number;
  rule: string;
  weekday: number | null;
  interval_days: number | null;
  season_from_month: number | null;
  season_to_month: number | null;
  part_of_day: string | null;
  estimated_minutes: number | null;
  volunteer_id: number | null;
  starts_on: string;
  ends_on: string | null;
  ended_reason: string | null;
  note: string;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
}
