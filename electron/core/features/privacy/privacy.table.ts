// Kysely types of the privacy feature's tables (migration 20261123_1930_privacy).
import type { Generated } from 'kysely';

export interface ResidentConsentsTable {
  id: Generated<number>;
  resident_id: number;
  /** consent | vitalInterests | socialCareLaw | legitimateInterest (see shared/domain/privacy.ts). */
  basis: string;
  scope_basic: number;
  scope_health: number;
  scope_photos: number;
  /** The day the person gave it (YYYY-MM-DD). */
  given_on: string;
  notice_version: string;
  note: string;
  recorded_at: string;
  recorded_by: number;
  withdrawn_on: string | null;
  withdrawn_at: string | null;
  withdrawn_by: number | null;
}

export interface PrivacyTables {
  resident_consents: ResidentConsentsTable;
}
