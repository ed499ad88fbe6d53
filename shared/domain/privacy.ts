/**
 * Privacy rules shared by the core and the UI: consent (legal basis, scope), retention periods,
 * and the erasure confirmation. Law behind it (see the README's privacy section):
 * - GDPR art. 6 (a basis for any processing) and art. 9(2) (an extra condition for health data:
 *   explicit consent (a), vital interests when the person cannot consent (c), or social care under
 *   national law (h)); art. 7: the centre must be able to show who recorded consent, when, under
 *   which notice text, for what scope; withdrawing must be as easy as giving.
 * - Russia, 152-FZ arts. 9–10: written consent for special categories (health).
 * - Ukraine, law 2297-VI art. 7: health data only with unambiguous consent or an art. 7 exception.
 */
import { z } from 'zod';
import { fold } from './text';
import { isoDateSchema as isoDate } from './dates';

/** Legal bases a centre records. Legitimate interest never covers health data (art. 9). */
export const LEGAL_BASES = ['consent', 'vitalInterests', 'socialCareLaw', 'legitimateInterest'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];
export const HEALTH_BASES: readonly LegalBasis[] = ['consent', 'vitalInterests', 'socialCareLaw'];

/** What a consent covers: the basic record (name, address, phones, requests), health-related needs, photos and documents. */
export const CONSENT_SCOPES = ['basic', 'health', 'photos'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

const id = z.number().int().positive();

export const consentInputSchema = z
  .object({
    residentId: id,
    basis: z.enum(LEGAL_BASES, 'validation.required'),
    scopes: z.array(z.enum(CONSENT_SCOPES)).min(1, 'validation.consentScope').max(CONSENT_SCOPES.length),
    givenOn: isoDate,
    note: z.string('validation.invalid').trim().max(500, 'validation.tooLong').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.scopes.includes('health') && !HEALTH_BASES.includes(v.basis)) {
      ctx.addIssue({ code: 'custom', path: ['basis'], message: 'validation.healthBasis' });
    }
  });
export type ConsentInput = z.input<typeof consentInputSchema>;

export interface Consent {
  id: number;
  residentId: number;
  basis: LegalBasis;
  scopes: ConsentScope[];
  givenOn: string;
  noticeVersion: string;
  note: string;
  recordedAt: string;
  recordedBy: string;
  withdrawnOn: string | null;
  withdrawnBy: string | null;
}

/** Whether some consent still in force covers health-related needs. */
export function coversHealth(consents: ReadonlyArray<Pick<Consent, 'scopes' | 'withdrawnOn'>>): boolean {
  return consents.some((c) => c.withdrawnOn === null && c.scopes.includes('health'));
}

export const healthNeedsSchema = z.string('validation.invalid').trim().max(1000, 'validation.tooLong');

/** Retention periods per kind of data; the audit log is kept (it is the record of who did what). */
export const retentionSchema = z.object({
  /** Residents with no request, task, plan or sale for this many years are listed for anonymising. */
  inactiveResidentYears: z.number('validation.number').int('validation.number').min(1, 'validation.range').max(50, 'validation.range'),
  /** Free-text descriptions and notes of requests closed this many years ago are listed for blanking. */
  closedRequestNotesYears: z.number('validation.number').int('validation.number').min(1, 'validation.range').max(50, 'validation.range'),
  /** Sign-in events are kept this many months (the users feature deletes older ones). */
  signInEventsMonths: z.number('validation.number').int('validation.number').min(1, 'validation.range').max(120, 'validation.range'),
});
export type Retention = z.output<typeof retentionSchema>;

/**
 * Defaults: 3 years of inactivity (the general limitation period for claims in Russia, Ukraine
 * and Poland), 2 years for case notes of closed requests, 12 months of sign-in events.
 */
export const DEFAULT_RETENTION: Retention = { inactiveResidentYears: 3, closedRequestNotesYears: 2, signInEventsMonths: 12 };
export const DEFAULT_NOTICE_VERSION = '1.0';

export const privacySettingsSchema = z.object({
  noticeVersion: z.string('validation.required').trim().min(1, 'validation.required').max(40, 'validation.tooLong'),
  retention: retentionSchema,
});
export type PrivacySettings = z.output<typeof privacySettingsSchema>;

/** A date `years` years and `months` months before `today` (YYYY-MM-DD; 29 Feb → 28 Feb). */
export function dateBefore(today: string, years: number, months = 0): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - years * 12 - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The typed confirmation matches the name: case, accents and spacing do not matter. */
export function confirmsName(typed: string, fullName: string): boolean {
  const a = fold(typed).split(/\s+/).filter(Boolean).join(' ');
  return a.length > 0 && a === fold(fullName).split(/\s+/).filter(Boolean).join(' ');
}

/**
 * The placeholder name an erased resident keeps ("Erased 000123", the word in the centre's
 * language): lists that still show the row (tasks done for them, sales) read sensibly.
 */
export function erasedPlaceholder(residentId: number, word = 'Erased'): { lastName: string; firstName: string } {
  return { lastName: word, firstName: String(residentId).padStart(6, '0') };
}

/** The birth year kept after erasure: its decade (1948 → 1940), so age-group statistics stay. */
export function birthDecade(year: number | null): number | null {
  return year === null ? null : Math.floor(year / 10) * 10;
}

export interface ErasureResult {
  residentId: number;
  /** Rows whose free text was blanked, per table. */
  blanked: Record<string, number>;
  /** False when another connection held the WAL and the checkpoint could not finish yet. */
  checkpointed: boolean;
  /** Free text elsewhere (not linked to the person) that still contains their last name. */
  mentionsElsewhere: Array<{ table: string; column: string; rowId: number }>;
}

export interface InactiveResident {
  id: number;
  fullName: string;
  settlement: string;
  /** The last day of a request, task, plan, sale or registration. */
  lastActivity: string;
}

export interface StaleRequestNote {
  requestId: number;
  residentId: number;
  residentName: string;
  kindCode: string | null;
  kindName: string | null;
  createdOn: string;
  closedOn: string;
  status: string;
}

export interface RetentionReview {
  today: string;
  retention: Retention;
  inactiveBefore: string;
  notesBefore: string;
  residents: InactiveResident[];
  requestNotes: StaleRequestNote[];
  /** Sign-in events (users feature) older than the sign-in retention period. */
  signInEvents: { before: string; count: number };
}

export interface PersonExportResult {
  /** The ZIP in the data folder's exports folder: download from /api/download/exports/<id>. */
  id: string;
  files: string[];
}
