/**
 * The long jobs that run off the thread answering calls: making a verified backup, checking a
 * backup file, the full export and the integrity check of the live file. Each is a plain function
 * of JSON-like parameters and a progress callback, with a JSON-like result, so that it runs the
 * same in the long-work thread (worker.ts) and in-thread (the command line, tests of the job
 * itself). Each opens its own connection to the database file: the app's connection belongs to the
 * thread that answers calls (better-sqlite3 connections are never shared between threads), and WAL
 * lets these readers work beside the app's writes.
 */
import Database from 'better-sqlite3';
import { LONG_TASKS, type LongTask } from '../../../shared/api/events';
import { makeVerifiedBackup, type MadeBackup, type MakeBackupParams, type OnProgress } from '../backup/make-backup';
import { verifyBackup, type VerifyResult } from '../backup/verify';
import { writeFullExport, type ExportManifest, type ExportMeta } from '../export/full-export';
import type { ImportJobParams } from '../features/import/prepare';
import { runImportJob, type ImportDatabaseParams, type ImportJobAnswer } from '../features/import/residents-run';

export interface ExportJobParams {
  databaseFile: string;
  target: string;
  meta: ExportMeta;
}

export interface VerifyJobParams {
  file: string;
  passphrase?: string | undefined;
  /** Folder for the temporary plain copy (the data folder's backups/, never the shared temp folder). */
  tempDir: string;
}

/** Every job's parameters and result. */
export interface Jobs {
  backup: { params: MakeBackupParams; result: MadeBackup };
  verify: { params: VerifyJobParams; result: VerifyResult };
  export: { params: ExportJobParams; result: ExportManifest };
  integrity: { params: { databaseFile: string }; result: { problems: string[] } };
  /** Reading an import's file and preparing its rows; with `database`, its dry run or its run there (a connection of its own). */
  import: { params: ImportJobParams & { database?: ImportDatabaseParams | undefined }; result: ImportJobAnswer };
}

export type JobName = keyof Jobs & LongTask;
export type JobParams<J extends JobName> = Jobs[J]['params'];
export type JobResult<J extends JobName> = Jobs[J]['result'];
export type JobFunctions = { [J in JobName]: (params: JobParams<J>, onProgress: OnProgress) => Promise<JobResult<J>> };

export const JOB_NAMES: readonly JobName[] = LONG_TASKS;

/** A read-only connection of the job's own to the live file. */
function openReader(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  return db;
}

export const jobs: JobFunctions = {
  backup: (params, onProgress) => makeVerifiedBackup(params, onProgress),
  verify: (params, onProgress) => verifyBackup(params.file, { tempDir: params.tempDir, ...(params.passphrase !== undefined ? { passphrase: params.passphrase } : {}) }, onProgress),
  export: async (params, onProgress) => {
    const db = openReader(params.databaseFile);
    try {
      return await writeFullExport(db, params.target, params.meta, { onRows: onProgress });
    } finally {
      db.close();
    }
  },
  import: (params, onProgress) => runImportJob(params, onProgress),
  integrity: async (params, onProgress) => {
    const db = openReader(params.databaseFile);
    try {
      onProgress(0, 1);
      const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
      onProgress(1, 1);
      return { problems: rows.map((r) => r.integrity_check).filter((r) => r !== 'ok') };
    } finally {
      db.close();
    }
  },
};
