/**
 * The messages between the thread that answers calls and the long-work thread, and how an error
 * crosses between them (a structured clone keeps no class: only the code and the message do).
 */
import { AppError } from '../../../shared/api/errors';
import { backupErrorToAppError } from '../backup/errors';
import type { JobName } from './jobs';

/** The codes a job's failure keeps; anything else arrives as `internal`. */
const KEPT = ['backupDamaged', 'conflict', 'storageFull', 'wrongPassphrase', 'passphraseRequired', 'notFound', 'recoveryMode'] as const;
type KeptCode = (typeof KEPT)[number];
export type WireErrorCode = KeptCode | 'internal';

export interface WireError {
  code: WireErrorCode;
  message: string;
}

export interface JobRequest {
  id: number;
  job: JobName;
  params: unknown;
}

export type JobMessage =
  | { id: number; kind: 'progress'; done: number; total: number }
  | { id: number; kind: 'done'; value: unknown }
  | { id: number; kind: 'failed'; error: WireError };

const isKept = (code: string): code is KeptCode => (KEPT as readonly string[]).includes(code);

/** A job's failure as it crosses to the other thread (a full disk stays storageFull, a backup error its code). */
export function toWire(e: unknown): WireError {
  const app = backupErrorToAppError(e);
  return { code: isKept(app.code) ? app.code : 'internal', message: app.message };
}

/**
 * The error to throw on the calling side: an AppError for the kept codes, a plain Error for
 * `internal` (dispatch then logs it and answers `internal` without showing the message).
 */
export function fromWire(wire: WireError): Error {
  if (wire.code === 'internal') return new Error(wire.message);
  return new AppError(wire.code, wire.message);
}
