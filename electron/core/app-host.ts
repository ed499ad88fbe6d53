/**
 * The running application around the core: opens the data folder, keeps one core current, swaps
 * the database on restore, makes automatic backups (daily while open and on quit), runs the weekly
 * integrity check when idle, and falls back to a recovery mode when the file fails its check.
 * Both hosts (Electron main and the browser-mode server) and the CLI start it the same way.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AppError, type Envelope } from '../../shared/api/errors';
import { CALL_NAMES, type CallName } from '../../shared/api/contract';
import { systemClock, type Clock } from './clock';
import type { Caller, CoreDeps, HostServices } from './context';
import { recoveryResolver } from './features/users/caller';
import { createSessionStore, type SessionStore } from './features/users/sessions';
import { createDispatch } from './dispatch';
import { createEvents, type CoreEvents } from './events';
import type { Handlers } from './handlers';
import { silentLogger, type Logger } from './logger';
import { DATABASE_FILE, startCore, type StartOptions, type StartedCore } from './start';
import { DatabaseDamagedError } from './db/safety';
import { backupHandlers } from './features/backups/backups.handlers';
import { EXPORT_DIR, managerFor } from './data-folder';
import { salvageExport } from './export/salvage';
import { generatePlanTasks } from './features/plans/plans.service';
import { generateRentCharges } from './features/grants/rent.service';
import { appendAudit } from './features/audit/audit.service';
import { APP_VERSION } from './version';
import type { BackupManager } from './backup/manager';
import { createWorkRunner } from './work/runner';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RECOVERY_CALLS: ReadonlySet<CallName> = new Set([
  'app.status',
  'settings.setLanguage',
  'backups.status',
  'backups.list',
  'backups.preview',
  'backups.restore',
  'export.full',
]);

export interface AppHostOptions {
  dataDir: string;
  clock?: Clock;
  logger?: Logger;
  /** Daily automatic backups while open and one on close (default true). */
  autoBackup?: boolean;
  /** The migration list (tests only). */
  migrations?: StartOptions['migrations'];
  /** The bundled long-work thread (the desktop app's dist-electron/work-worker.cjs); default: the sources through tsx. */
  workerScript?: string | undefined;
  /** The bundled second reader of the results report (dist-electron/figures-worker.cjs); default: the sources through tsx. */
  figuresScript?: string | undefined;
}

export interface AppHost {
  readonly dataDir: string;
  readonly events: CoreEvents;
  readonly backups: BackupManager;
  dispatch(name: string, input: unknown, caller: Caller): Promise<Envelope<unknown>>;
  /** Who is signed in where (both transports); kept across a restore. */
  readonly sessions: SessionStore;
  /** The desktop app's OS lock screen and suspend: every session locks (the UI is told). */
  lockAllSessions(): void;
  /** The database failed its start-up check: only restore and status calls work. */
  recovery(): { detail: string } | null;
  /** The current core (null in recovery mode). */
  core(): StartedCore | null;
  /** Runs the full integrity check now (normally weekly, when idle). */
  checkIntegrity(): Promise<void>;
  close(): Promise<void>;
}

export async function startAppHost(options: AppHostOptions): Promise<AppHost> {
  const clock = options.clock ?? systemClock();
  const logger = options.logger ?? silentLogger;
  const dataDir = options.dataDir;
  const file = path.join(dataDir, DATABASE_FILE);
  const events = createEvents();
  const sessions = createSessionStore();
  // Long work (backups, checks of backup files, the export, the integrity check) on one worker
  // thread for the host's lifetime; its progress goes out with the core's events.
  const work = createWorkRunner({ script: options.workerScript, onProgress: (p) => events.emit({ type: 'progress', ...p }) });
  const manager = managerFor({ paths: { dataDir }, clock, logger, work }) as BackupManager;
  let current: StartedCore | null = null;
  let recoveryInfo: { detail: string } | null = null;
  let unsubscribe = () => {};
  let lastCallAt = Date.now();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const host: HostServices = {
    async restore(id, passphrase, by) {
      await running; // an automatic backup in progress finishes before the database is replaced
      const source = manager.resolveId(id);
      await manager.preview(id, passphrase);
      const temp = path.join(dataDir, `.restore-${Date.now()}.sqlite`);
      const restored = await manager.extract(source, temp, passphrase);
      let preRestore: string | null = null;
      try {
        if (current) {
          preRestore = (await manager.create('preRestore')).id;
          // No long job may hold the file while it is replaced (Windows refuses to rename over it).
          await work.idle();
          await closeCore();
          for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
        } else if (existsSync(file)) {
          // The damaged file is kept, renamed, never overwritten.
          const damaged = path.join(dataDir, `hearth.damaged-${clock.now().toISOString().replace(/[:.]/g, '-')}.sqlite`);
          renameSync(file, damaged);
          for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, damaged + suffix);
        }
        renameSync(temp, file);
        manager.recordRestore(restored);
      } finally {
        rmSync(temp, { force: true });
      }
      await openCore();
      // The audit entry goes into the database that is now in use (the old one is closed).
      if (current && by) {
        await appendAudit(current.deps.db, {
          at: clock.now(),
          userId: by.id > 0 ? by.id : null,
          role: by.role,
          action: 'change',
          call: 'backups.restore',
          entityType: 'backups',
          entityId: id,
        }).catch((e: unknown) => logger.error('audit failed', { call: 'backups.restore', error: e instanceof Error ? e.message : String(e) }));
      }
      events.emit({ type: 'changed', topics: ['app', 'residents', 'requests', 'catalogue', 'backups', 'money', 'users', 'audit'] });
      logger.info('restored', { from: id, preRestore });
      return { restored: id, preRestoreBackup: preRestore };
    },
  };

  async function openCore(): Promise<void> {
    try {
      current = await startCore({
        dataDir,
        clock,
        logger,
        host,
        sessions,
        ...(options.migrations ? { migrations: options.migrations } : {}),
        beforeMigrate: async () => {
          await manager.create('preMigration');
        },
        work,
        figuresScript: options.figuresScript,
      });
      recoveryInfo = null;
      unsubscribe = current.events.subscribe((e) => events.emit(e));
    } catch (e) {
      if (!(e instanceof DatabaseDamagedError)) throw e;
      logger.error('database damaged', { detail: e.detail });
      current = null;
      recoveryInfo = { detail: e.detail };
    }
  }

  async function closeCore(): Promise<void> {
    unsubscribe();
    const c = current;
    current = null;
    await c?.close();
  }

  /** Handlers while the database cannot be opened: status, backups and restore only. */
  function recoveryHandlers(): Handlers {
    // No database: the backup handlers that need one ('backups.create', 'export.full') are refused below.
    const refuse = async () => {
      throw new AppError('recoveryMode', 'The database failed its check; restore a backup first');
    };
    const handlers = Object.fromEntries(CALL_NAMES.map((n) => [n, refuse])) as unknown as Handlers;
    return {
      ...handlers,
      ...backupHandlers,
      // Export what can still be read from the damaged file (opened read-only, never changed).
      'export.full': async () => {
        const dir = path.join(dataDir, EXPORT_DIR);
        mkdirSync(dir, { recursive: true });
        const id = `hearth-salvage-${clock.now().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}.zip`;
        const result = await salvageExport(file, path.join(dir, id), { createdAt: clock.now().toISOString(), appVersion: APP_VERSION });
        if (result.lost.length > 0) logger.warn('salvage export skipped unreadable data', { lost: result.lost.map((l) => l.table) });
        return { id, tables: result.manifest.tables.length, rows: result.manifest.tables.reduce((n, t) => n + t.rows, 0) };
      },
      'backups.create': refuse,
      'settings.setLanguage': async () => null,
      'app.status': async (_input, ctx) => ({
        setupDone: true,
        settings: null,
        user: { id: ctx.actor.id, name: '', role: ctx.actor.role, language: null },
        // Nobody can sign in without the database: the recovery screen is for restoring only.
        session: { state: 'active', idleLockMinutes: 5, users: [], demoAccounts: null, needsAdminPassword: false },
        schemaVersion: '',
        version: APP_VERSION,
        today: clock.today(),
        recovery: recoveryInfo,
      }),
    };
  }

  async function autoBackupIfDue(): Promise<void> {
    if (!current) return;
    const last = (await manager.list()).find((b) => b.kind === 'auto' && b.verified);
    if (last && clock.now().getTime() - new Date(last.createdAt).getTime() < DAY) return;
    await manager.create('auto');
    await manager.rotate();
    events.emit({ type: 'changed', topics: ['backups'] });
  }

  /**
   * The full integrity check, at most weekly and only when nobody has used Hearth for 5 minutes.
   * A problem is kept in the backup log and shown to the admin (backups.status) with the advice to
   * restore; the running app is not switched off under the user's hands.
   */
  async function integrityCheckIfDue(force = false): Promise<void> {
    if (!current || (!force && Date.now() - lastCallAt < 5 * 60_000)) return;
    const lastCheck = manager.log().lastIntegrityCheckAt;
    if (!force && lastCheck && clock.now().getTime() - new Date(lastCheck).getTime() < 7 * DAY) return;
    // On the long-work thread: integrity_check reads every page (19 s at city scale).
    const { problems } = await work.run('integrity', { databaseFile: file });
    manager.recordIntegrityCheck(problems.length > 0 ? problems.slice(0, 5).join('; ') : null);
    if (problems.length > 0) {
      logger.error('integrity check failed', { problems: problems.slice(0, 5) });
      events.emit({ type: 'changed', topics: ['backups'] });
    }
  }

  /** Once a day (when the date changes while Hearth stays open) help plans make their new tasks. */
  let plannedOn = clock.today();
  async function planTasksIfNewDay(): Promise<void> {
    if (!current || clock.today() === plannedOn) return;
    plannedOn = clock.today();
    const made = await generatePlanTasks({ db: current.deps.db, clock });
    if (made.created > 0) events.emit({ type: 'changed', topics: ['tasks'] });
    const rent = await generateRentCharges(current.deps.db, clock.today(), clock.now());
    if (rent.created > 0) events.emit({ type: 'changed', topics: ['money'] });
  }

  await openCore();
  if (options.autoBackup !== false) {
    const tick = () => {
      running = running
        .then(autoBackupIfDue)
        .then(planTasksIfNewDay)
        .then(() => integrityCheckIfDue())
        .catch((e: unknown) => logger.error('automatic backup failed', { error: e instanceof Error ? e.message : String(e) }));
    };
    tick();
    timer = setInterval(tick, HOUR);
    timer.unref();
  }

  // No database: the backup handlers that need one ('backups.create', 'export.full') are replaced above.
  const recoveryDeps: CoreDeps = { db: null as never, sqlite: null, clock, logger, paths: { dataDir }, host, work };
  const recoveryDispatch = createDispatch({ handlers: recoveryHandlers(), events, deps: recoveryDeps, resolveCaller: recoveryResolver, withoutDatabase: true });

  return {
    dataDir,
    events,
    backups: manager,
    recovery: () => recoveryInfo,
    core: () => current,
    checkIntegrity: () => integrityCheckIfDue(true),
    sessions,
    lockAllSessions() {
      if (sessions.lockAll() > 0) events.emit({ type: 'changed', topics: ['app'] });
    },
    async dispatch(name, input, ctx) {
      lastCallAt = Date.now();
      if (current) return current.dispatch(name, input, ctx);
      if (!RECOVERY_CALLS.has(name as CallName)) {
        return { ok: false, error: { code: 'recoveryMode', message: 'The database failed its check; restore a backup first' } };
      }
      return recoveryDispatch(name, input, ctx);
    },
    async close() {
      if (timer) clearInterval(timer);
      await running;
      if (current && options.autoBackup !== false) {
        try {
          await manager.create('auto');
          await manager.rotate();
        } catch (e) {
          logger.error('backup on quit failed', { error: e instanceof Error ? e.message : String(e) });
        }
      }
      await work.close();
      await closeCore();
    },
  };
}

