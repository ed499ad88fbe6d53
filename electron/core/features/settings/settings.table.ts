import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  name: string;
  role: string;
  language: string | null;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}
