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
import { contact, health, identity, out, pub } from '../api/fields';

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

// Outputs: every field with its field group (shared/api/fields.ts).

const text = z.string();
const num = z.number();

export const consentSchema = out({
  id: pub(num),
  residentId: pub(num),
  basis: pub(z.enum(LEGAL_BASES)),
  scopes: pub(z.array(z.enum(CONSENT_SCOPES))),
  givenOn: pub(text),
  noticeVersion: pub(text),
  /** Free text about the person's consent: a case note. */
  note: health(text),
  recordedAt: pub(text),
  recordedBy: pub(text),
  withdrawnOn: pub(text.nullable()),
  withdrawnBy: pub(text.nullable()),
});
export type Consent = z.output<typeof consentSchema>;

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

const retentionOutputSchema = out({
  inactiveResidentYears: pub(num),
  closedRequestNotesYears: pub(num),
  signInEventsMonths: pub(num),
});

/** The privacy settings as calls answer them (every field public: a version and periods). */
export const privacySettingsOutputSchema = out({
  noticeVersion: pub(text),
  retention: pub(retentionOutputSchema),
});

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

export const erasureResultSchema = out({
  residentId: pub(num),
  /** Rows whose free text was blanked, per table. */
  blanked: pub(z.record(z.string(), num)),
  /** False when another connection held the WAL and the checkpoint could not finish yet. */
  checkpointed: pub(z.boolean()),
  /** Free text elsewhere (not linked to the person) that still contains their last name. */
  mentionsElsewhere: pub(z.array(out({ table: pub(text), column: pub(text), rowId: pub(num) }))),
});
export type ErasureResult = z.output<typeof erasureResultSchema>;

export const inactiveResidentSchema = out({
  id: pub(num),
  fullName: identity(text),
  settlement: contact(text),
  /** The last day of a request, task, plan, sale or registration. */
  lastActivity: pub(text),
});
export type InactiveResident = z.output<typeof inactiveResidentSchema>;

export const staleRequestNoteSchema = out({
  requestId: pub(num),
  residentId: pub(num),
  residentName: identity(text),
  kindCode: pub(text.nullable()),
  kindName: pub(text.nullable()),
  createdOn: pub(text),
  closedOn: pub(text),
  status: pub(text),
});
export type StaleRequestNote = z.output<typeof staleRequestNoteSchema>;

export const retentionReviewSchema = out({
  today: pub(text),
  retention: pub(retentionOutputSchema),
  inactiveBefore: pub(text),
  notesBefore: pub(text),
  residents: pub(z.array(inactiveResidentSchema)),
  requestNotes: pub(z.array(staleRequestNoteSchema)),
  /** Sign-in events (users feature) older than the sign-in retention period. */
  signInEvents: pub(out({ before: pub(text), count: pub(num) })),
});
export type RetentionReview = z.output<typeof retentionReviewSchema>;

export const personExportResultSchema = out({
  /** The ZIP in the data folder's exports folder: download from /api/download/exports/<id>. */
  id: pub(text),
  files: pub(z.array(text)),
});
export type PersonExportResult = z.output<typeof personExportResultSchema>;
