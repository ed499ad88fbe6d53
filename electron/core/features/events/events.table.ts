import type { Generated, Selectable } from 'kysely';

export interface EventsTable {
  id: Generated<number>;
  title: string;
  kind: string;
  starts_on: string;
  starts_at: string | null;
  ends_at: string | null;
  settlement: Generated<string>;
  address: Generated<string>;
  capacity: number | null;
  partners: Generated<string>;
  outreach_note: Generated<string>;
  project_id: number | null;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
}
export type EventRow = Selectable<EventsTable>;

export interface EventOrganisersTable {
  id: Generated<number>;
  event_id: number;
  user_id: number | null;
  volunteer_id: number | null;
  role: Generated<string>;
  /** A volunteer's time at the event (volunteer hours). */
  minutes: number | null;
  created_at: string;
  created_by: number;
}

export interface EventAttendanceTable {
  id: Generated<number>;
  event_id: number;
  /** Null once the person was erased. */
  resident_id: number | null;
  status: string;
  at_door: Generated<number>;
  note: Generated<string>;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
}
export type AttendanceRow = Selectable<EventAttendanceTable>;

export interface EventHeadCountsTable {
  event_id: number;
  band: string;
  count: number;
}

export interface EventsTables {
  events: EventsTable;
  event_organisers: EventOrganisersTable;
  event_attendance: EventAttendanceTable;
  event_head_counts: EventHeadCountsTable;
}
