// Kysely types of the users feature's tables. The `users` row itself is in settings.table.ts.
import type { Generated } from 'kysely';

export interface SignInEventsTable {
  id: Generated<number>;
  user_id: number | null;
  kind: string;
  method: string | null;
  at: string;
}

export interface UsersTables {
  sign_in_events: SignInEventsTable;
}
