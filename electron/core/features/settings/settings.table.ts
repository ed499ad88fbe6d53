import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  name: string;
  role: string;
  language: string | null;
  created_at: string;
  /** scrypt$N$r$p$salt$hash (base64); null until a password is set. */
  password_hash: Generated<string | null>;
  pin_hash: Generated<string | null>;
  active: Generated<number>;
  failed_attempts: Generated<number>;
  locked_until: Generated<string | null>;
  password_changed_at: Generated<string | null>;
}

export interface SettingsTable {
  key: string;
  value: string;
}
