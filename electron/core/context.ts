import type { Role } from '../../shared/api/roles';
import type { FigureReader } from './features/reports/figure-reader';
import type { Clock } from './clock';
import type { Db } from './db/schema';
import type { Logger } from './logger';
import type Database from 'better-sqlite3';
import type { SessionStore } from './features/users/sessions';
import type { ScryptParams } from './features/users/password';
import type { LongWork } from './work/runner';

/** What only the host can do: replace the database under the running core. */
export interface HostServices {
  /** `by` is written to the restored database's audit log (the old database is closed by then). */
  restore(id: string, passphrase: string | undefined, by?: Actor): Promise<{ restored: string; preRestoreBackup: string | null }>;
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
  /** The raw connection (the integrity check at start; long work opens connections of its own). */
  sqlite: Database.Database | null;
  /**
   * Long work (backups, checks of backup files, the full export) off the thread that answers
   * calls: work/runner.ts. createCore makes one when none is given; the app host gives its own,
   * which outlives a restore.
   */
  work: LongWork;
  /**
   * The results report's second reader (features/reports/figure-reader.ts): only for a database
   * file; without it (in-memory databases) every figure is computed on the calling thread.
   */
  figures?: FigureReader | undefined;
  host?: HostServices | undefined;
  /** The in-memory sessions of both transports (createCore makes one when none is given). */
  sessions?: SessionStore | undefined;
  /**
   * The scrypt cost for new password and PIN hashes. Always SCRYPT_PARAMS (OWASP) in the app; only
   * tests that hash hundreds of secrets (the fuzz run) pass a cheap one. Stored hashes carry their
   * own parameters, so verification never depends on this.
   */
  hashing?: ScryptParams | undefined;
}

export interface CallContext {
  /**
   * Who acts. For every non-public call this is the signed-in user of an unlocked session (or a
   * trusted in-process caller such as the CLI or a test). For a public call before sign-in it is
   * ANONYMOUS (id 0, which is no user): public handlers look at `session` instead.
   */
  actor: Actor;
  /** The transport's session (absent for trusted in-process callers). */
  session?: { id: string; state: 'signedOut' | 'locked' | 'active'; userId: number | null } | undefined;
}

/**
 * How a transport or an in-process caller identifies itself to dispatch: a trusted actor (CLI,
 * tests, demo data, a script host started with --script-admin) or a transport's session id.
 */
export type Caller = { actor: Actor } | { sessionId: string };

/** The actor of a public call made before sign-in: no user has id 0. */
export const ANONYMOUS: Actor = { id: 0, role: 'frontdesk' };

/**
 * The first administrator (user 1, created by the first migration). Trusted in-process callers
 * (the CLI, tests, a host started with --script-admin) act as this user.
 */
export const BUILT_IN_ADMIN: Actor = { id: 1, role: 'admin' };
