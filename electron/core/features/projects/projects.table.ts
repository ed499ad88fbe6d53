import type { Generated, Selectable } from 'kysely';

export interface ProjectsTable {
  id: Generated<number>;
  name: string;
  funder: Generated<string>;
  starts_on: string;
  ends_on: string;
  grant_id: number | null;
  target_recruited: number | null;
  target_completed: number | null;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
}
export type ProjectRow = Selectable<ProjectsTable>;

export interface ProjectActivitiesTable {
  id: Generated<number>;
  project_id: number;
  kind: string;
  name: string;
  created_at: string;
  created_by: number;
}

export interface ProjectParticipantsTable {
  id: Generated<number>;
  project_id: number;
  /** Null once the person was erased. */
  resident_id: number | null;
  recruited_on: string;
  contract_on: string | null;
  status: string;
  ended_on: string | null;
  drop_reason: Generated<string>;
  note: Generated<string>;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
}
export type ParticipantRow = Selectable<ProjectParticipantsTable>;

export interface ProjectAttendanceTable {
  id: Generated<number>;
  participant_id: number;
  activity_id: number;
  attended_on: string;
  sessions: number;
  minutes: number | null;
  created_at: string;
  created_by: number;
}

export interface ProjectsTables {
  projects: ProjectsTable;
  project_activities: ProjectActivitiesTable;
  project_participants: ProjectParticipantsTable;
  project_attendance: ProjectAttendanceTable;
}
