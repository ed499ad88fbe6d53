/**
 * What lives in the data folder beside hearth.sqlite, shared by the features that write there
 * (backups, the full export, a person's export, the cash-flow export) and by the hosts.
 */
import type { CoreDeps } from './context';
import { createBackupManager, type BackupManager } from './backup/manager';
import { APP_VERSION } from './version';

/** Exports waiting to be downloaded: `<data folder>/exports`. */
export const EXPORT_DIR = 'exports';

/** The backup manager of the data folder; null for an in-memory database (tests). */
export function managerFor(deps: Pick<CoreDeps, 'paths' | 'clock' | 'logger' | 'work'>): BackupManager | null {
  return deps.paths.dataDir === null
    ? null
    : createBackupManager({ dataDir: deps.paths.dataDir, clock: deps.clock, logger: deps.logger, appVersion: APP_VERSION, work: deps.work });
}
