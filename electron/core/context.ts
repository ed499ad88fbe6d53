import type { Role } from '../../shared/api/roles';
import type { Clock } from './clock';
import type { Db } from './db/schema';
import type { Logger } from './logger';
import type Database from 'better-sqlite3';

/** What only the host can do: replace the database under the running core. */
export interface HostServices {
  restore(id: string, passphrase: string | undefined): Promise<{ restored: string; preRestoreBackup: string | null }>;
}

export interface Actor {
  id: number;
  role: Role;
}

/** What every service receives: the database and the injected providers. */
export interface CoreDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  paths: { dataDir: string | null };
  /** The raw connection, for snapshots (VACUUM INTO) and exports. */
  sqlite: Database.Database | null;
  host?: HostServices | undefined;
}

export interface CallContext {
  actor: Actor;
}

/** The built-in administrator who acts until sign-in exists (created by the first migration). */
export const BUILT_IN_ADMIN: Actor = { id: 1, role: 'admin' };
