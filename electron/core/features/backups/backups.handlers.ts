import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/api/errors';
import { daysSince, type BackupStatus } from '../../../../shared/domain/backups';
import type { CoreDeps } from '../../context';
import type { FeatureHandlers } from '../../handlers';
import { EXPORT_DIR, managerFor } from '../../data-folder';
import { storageWarnings } from '../../db/safety';
import { DATABASE_FILE } from '../../db/database-file';
import { schemaVersion } from '../../db/migrate';
import { readSettings } from '../settings/settings.service';
import { APP_VERSION } from '../../version';

type BackupCalls = 'backups.status' | 'backups.list' | 'backups.create' | 'backups.preview' | 'backups.restore' | 'backups.setReminder' | 'export.full';

function need<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new AppError('notFound', 'This installation has no data folder (an in-memory database)');
  return value;
}

async function status(deps: CoreDeps): Promise<BackupStatus> {
  const m = need(managerFor(deps));
  const list = await m.list();
  const log = m.log();
  const lastOutside = log.lastOutsideCopyAt;
  // Never copied out: the days count from when this folder's backups began to be watched, so a
  // fresh install is not told at once that its (non-existent) copy is too old.
  const age = daysSince(lastOutside ?? m.watchedSince(), deps.clock.now());
  return {
    dataDir: need(deps.paths.dataDir),
    lastBackup: list.find((b) => b.verified) ?? null,
    lastOutsideCopyAt: lastOutside,
    reminderDays: log.reminderDays,
    reminderDue: age === null || age >= log.reminderDays,
    warnings: storageWarnings(need(deps.paths.dataDir)),
    integrity: log.lastIntegrityProblem && log.lastIntegrityCheckAt ? { checkedAt: log.lastIntegrityCheckAt, detail: log.lastIntegrityProblem } : null,
  };
}

/** The backup and export calls; used by the core and, without a database, by the recovery screen. */
export const backupHandlers: FeatureHandlers<BackupCalls> = {
  'backups.status': (_input, _ctx, deps) => status(deps),
  'backups.list': (_input, _ctx, deps) => need(managerFor(deps)).list(),
  'backups.create': async (input, _ctx, deps) => {
    if (deps.sqlite === null) throw new AppError('recoveryMode', 'The database is not open');
    const made = await need(managerFor(deps)).create('manual', { passphrase: input.passphrase });
    const { file: _file, ...info } = made;
    return info;
  },
  'backups.preview': (input, _ctx, deps) => need(managerFor(deps)).preview(input.id, input.passphrase),
  'backups.restore': async (input, ctx, deps) => {
    if (!deps.host) throw new AppError('notFound', 'Restoring needs the desktop app or browser mode');
    return deps.host.restore(input.id, input.passphrase, ctx.actor);
  },
  'backups.setReminder': async (input, _ctx, deps) => {
    need(managerFor(deps)).setReminderDays(input.days);
    return null;
  },
  'export.full': async (_input, _ctx, deps) => {
    if (deps.sqlite === null) throw new AppError('recoveryMode', 'The database is not open');
    const dataDir = need(deps.paths.dataDir);
    const dir = path.join(dataDir, EXPORT_DIR);
    mkdirSync(dir, { recursive: true });
    const now = deps.clock.now();
    const id = `hearth-export-${now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}.zip`;
    const settings = await readSettings(deps.db);
    // On the long-work thread, through a connection of its own (one read transaction: one state).
    const manifest = await deps.work.run('export', {
      databaseFile: path.join(dataDir, DATABASE_FILE),
      target: path.join(dir, id),
      meta: { createdAt: now.toISOString(), appVersion: APP_VERSION, schemaVersion: await schemaVersion(deps.db), centreName: settings?.centreName ?? null },
    });
    return { id, tables: manifest.tables.length, rows: manifest.tables.reduce((n, t) => n + t.rows, 0) };
  },
};
