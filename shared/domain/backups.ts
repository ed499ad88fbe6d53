import { z } from 'zod';
import { out, pub } from '../api/fields';

export const BACKUP_KINDS = ['auto', 'manual', 'preRestore', 'preMigration'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

// Outputs: every field with its field group (shared/api/fields.ts). A backup's description is
// public: file names, times, sizes and counts (the admin's screens only).

const text = z.string();
const num = z.number();

const backupInfoShape = {
  /** The file name inside the data folder's backups/ folder. */
  id: pub(text),
  createdAt: pub(text),
  kind: pub(z.enum(BACKUP_KINDS)),
  size: pub(num),
  encrypted: pub(z.boolean()),
  /** Verified when it was made (a backup only gets its final name after verification). */
  verified: pub(z.boolean()),
  centreName: pub(text.nullable()),
  residents: pub(num),
  requests: pub(num),
  lastEntryAt: pub(text.nullable()),
  schemaVersion: pub(text),
};

export const backupInfoSchema = out(backupInfoShape);
export type BackupInfo = z.output<typeof backupInfoSchema>;

export const backupPreviewSchema = out({
  ...backupInfoShape,
  /** When this preview re-verified the file just now. */
  verifiedAt: pub(text),
});
export type BackupPreview = z.output<typeof backupPreviewSchema>;

export const storageWarningSchema = z.union([
  /** The data folder is inside a sync service's folder (its name: OneDrive, Dropbox…). */
  out({ code: pub(z.literal('syncFolder')), service: pub(text) }),
  out({ code: pub(z.literal('networkShare')), detail: pub(text) }),
]);
export type StorageWarning = z.output<typeof storageWarningSchema>;

/** A problem the admin must know about: the weekly integrity check failed. */
export const integrityWarningSchema = out({
  checkedAt: pub(text),
  detail: pub(text),
});
export type IntegrityWarning = z.output<typeof integrityWarningSchema>;

export const backupStatusSchema = out({
  dataDir: pub(text),
  lastBackup: pub(backupInfoSchema.nullable()),
  lastOutsideCopyAt: pub(text.nullable()),
  reminderDays: pub(num),
  /** The last copy outside this PC is older than reminderDays (or there is none). */
  reminderDue: pub(z.boolean()),
  warnings: pub(z.array(storageWarningSchema)),
  integrity: pub(integrityWarningSchema.nullable()),
});
export type BackupStatus = z.output<typeof backupStatusSchema>;

/** What a restore did: the backup restored and the one saved of the database it replaced. */
export const restoreResultSchema = out({
  restored: pub(text),
  preRestoreBackup: pub(text.nullable()),
});

/** A full export: the ZIP's id (download from /api/download/exports/<id>), its tables and rows. */
export const exportResultSchema = out({
  id: pub(text),
  tables: pub(num),
  rows: pub(num),
});

/** Days since an ISO time, for "last copy outside this PC" reminders. */
export function daysSince(iso: string | null, now: Date): number | null {
  if (iso === null) return null;
  return Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000);
}
