import { open, rm } from 'node:fs/promises';

/**
 * Error codes that mean "this platform cannot fsync a directory", not "the disk failed".
 * Windows refuses to open a directory as a file (EISDIR / EPERM / EACCES); some file systems
 * answer EINVAL or ENOTSUP to fsync on a directory handle.
 */
const DIR_SYNC_UNSUPPORTED = new Set(['EPERM', 'EISDIR', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF']);

/**
 * Flushes a directory entry (a rename or a new file) to disk, where the platform supports it.
 * On POSIX systems a rename is only durable once the folder itself has been fsynced.
 */
export async function fsyncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!DIR_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Removes a file if it exists; never throws (used to clean up temporary files after a failure). */
export async function removeQuietly(file: string): Promise<void> {
  await rm(file, { force: true }).catch(() => undefined);
}
