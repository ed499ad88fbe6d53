export const BACKUP_KINDS = ['auto', 'manual', 'preRestore', 'preMigration'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export interface BackupInfo {
  /** The file name inside the data folder's backups/ folder. */
  id: string;
  createdAt: string;
  kind: BackupKind;
  size: number;
  encrypted: boolean;
  /** Verified when it was made (a backup only gets its final name after verification). */
  verified: boolean;
  centreName: string | null;
  residents: number;
  requests: number;
  lastEntryAt: string | null;
  schemaVersion: string;
}

export interface BackupPreview extends BackupInfo {
  /** When this preview re-verified the file just now. */
  verifiedAt: string;
}

export type StorageWarning = { code: 'syncFolder'; service: string } | { code: 'networkShare'; detail: string };

/** A problem the admin must know about: the weekly integrity check failed. */
export interface IntegrityWarning {
  checkedAt: string;
  detail: string;
}

export interface BackupStatus {
  dataDir: string;
  lastBackup: BackupInfo | null;
  lastOutsideCopyAt: string | null;
  reminderDays: number;
  /** The last copy outside this PC is older than reminderDays (or there is none). */
  reminderDue: boolean;
  warnings: StorageWarning[];
  integrity: IntegrityWarning | null;
}

/** Days since an ISO time, for "last copy outside this PC" reminders. */
export function daysSince(iso: string | null, now: Date): number | null {
  if (iso === null) return null;
  return Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000);
}
