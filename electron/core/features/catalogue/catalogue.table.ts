import type { Generated } from 'kysely';

export interface ServiceKindsTable {
  id: Generated<number>;
  code: string | null;
  name: string | null;
  is_paid: number;
  mode: string;
  sort_order: number;
  archived_at: string | null;
  created_at: string;
  created_by: number;
}
