import { AppError } from '../../../shared/api/errors';
import { isStorageFull } from '../db/storage-full';
import { BackupError } from './container';

/** A failure of the backup code as the error code a caller sees. */
export function backupErrorToAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof BackupError) {
    const err: BackupError = e;
    const diskFull = isStorageFull(err.cause);
    const code =
      err.code === 'wrongPassphrase'
        ? 'wrongPassphrase'
        : err.code === 'passphraseRequired'
          ? 'passphraseRequired'
          : err.code === 'io'
            ? diskFull
              ? 'storageFull'
              : 'internal'
            : 'backupDamaged';
    return new AppError(code, err.message);
  }
  // A full disk while SQLite writes the snapshot (VACUUM INTO, the backup API) or a file is written.
  if (isStorageFull(e)) return new AppError('storageFull', 'The disk is full');
  return new AppError('internal', e instanceof Error ? e.message : String(e));
}
