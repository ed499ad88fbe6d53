import type { Generated } from 'kysely';

export interface RequestsTable {
  id: Generated<number>;
  resident_id: number;
  kind_id: number;
  urgency: string;
  channel: string;
  description: string;
  status: string;
  created_at: string;
  /** The centre's local date of creation (YYYY-MM-DD), for "today" and date filters. */
  created_on: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
}

export interface RequestStatusHistoryTable {
  id: Generated<number>;
  request_id: number;
  from_status: string | null;
  to_status: string;
  note: string;
  changed_at: string;
  changed_by: number;
}
