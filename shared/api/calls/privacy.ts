// Consent, a person's data export, erasure and retention (privacy issue). Call names: privacy.*
import { z } from 'zod';
import { call } from '../define';
import { out, pub } from '../fields';
import { ADMIN_ONLY, CASEWORK } from '../roles';
import {
  consentInputSchema,
  consentSchema,
  erasureResultSchema,
  personExportResultSchema,
  privacySettingsOutputSchema,
  privacySettingsSchema,
  retentionReviewSchema,
} from '../../domain/privacy';
import { LANGUAGES } from '../../domain/settings';
import { isoDateSchema as isoDate } from '../../domain/dates';

const id = z.number().int().positive();
const ERASE_CHANGES = ['privacy', 'residents', 'households', 'assessments', 'shelter', 'requests', 'tasks', 'volunteers', 'money', 'till'] as const;

export const privacyCalls = {
  'privacy.settings': call({
    output: privacySettingsOutputSchema,
    input: z.object({}),
    roles: CASEWORK,
    reads: ['privacy'],
    summary: 'The current privacy notice version and the retention periods (defaults until the admin changes them).',
  }),
  'privacy.updateSettings': call({
    output: privacySettingsOutputSchema,
    input: privacySettingsSchema,
    roles: ADMIN_ONLY,
    changes: ['privacy'],
    summary: 'Change the privacy notice version and the retention periods.',
  }),
  'privacy.consents': call({
    output: z.array(consentSchema),
    input: z.object({ residentId: id }),
    roles: CASEWORK,
    reads: ['privacy'],
    summary: "A resident's consent records, newest first, withdrawn ones included.",
  }),
  'privacy.recordConsent': call({
    output: z.array(consentSchema),
    input: consentInputSchema,
    roles: CASEWORK,
    changes: ['privacy', 'residents'],
    summary: 'Record a consent (legal basis, scope, date) under the current notice version; the acting user is recorded.',
  }),
  'privacy.withdrawConsent': call({
    // The entry names the health needs it deleted, written with the withdrawal.
    audit: 'self',
    output: z.array(consentSchema),
    input: z.object({ consentId: id, withdrawnOn: isoDate.optional() }),
    roles: CASEWORK,
    changes: ['privacy', 'residents'],
    summary: 'Withdraw a consent; when nothing else covers health, the health-related needs are deleted.',
  }),
  'privacy.exportPerson': call({
    audit: 'export',
    output: personExportResultSchema,
    input: z.object({ residentId: id, language: z.enum(LANGUAGES).default('en') }),
    roles: ADMIN_ONLY,
    // What the ZIP holds about the person: record, consents, households, assessments, requests, tasks, plans, sales.
    reads: ['residents', 'privacy', 'households', 'assessments', 'shelter', 'requests', 'tasks', 'till', 'catalogue'],
    summary: "A person's data (art. 15/20) as JSON + a printable HTML summary in a ZIP; download it from /api/download/exports/<id>.",
  }),
  'privacy.erasePerson': call({
    // One entry per erased person, written with the erasure.
    audit: 'self',
    // Erased text leaves the file only with a WAL checkpoint after the commit, and the answer says
    // whether it did: the feature commits the erasure with its audit entries itself, then checkpoints.
    transaction: 'none',
    output: erasureResultSchema,
    input: z.object({ residentId: id, confirmName: z.string().max(400) }),
    roles: ADMIN_ONLY,
    changes: [...ERASE_CHANGES],
    summary: 'Erase (anonymise) a person, confirmed by typing their name: counts stay, name, contacts and free text go.',
  }),
  'privacy.retentionReview': call({
    output: retentionReviewSchema,
    input: z.object({}),
    roles: ADMIN_ONLY,
    // A resident's last activity is their last request, task, plan, sale or registration; the
    // sign-in events are written by signing in ('app') and purged ('users').
    reads: ['privacy', 'residents', 'requests', 'tasks', 'till', 'users', 'app'],
    summary: 'What is past its retention period: inactive residents and case notes of long-closed requests.',
  }),
  'privacy.anonymiseInactive': call({
    // One entry per erased person, written with the erasure.
    audit: 'self',
    // Erased text leaves the file only with a WAL checkpoint after the commit, and the answer says
    // whether it did: the feature commits the erasure with its audit entries itself, then checkpoints.
    transaction: 'none',
    output: out({ erased: pub(z.number()) }),
    input: z.object({ residentIds: z.array(id).min(1).max(500) }),
    roles: ADMIN_ONLY,
    changes: [...ERASE_CHANGES],
    summary: 'Anonymise the chosen residents that are past their retention period (the same erasure).',
  }),
  'privacy.purgeSignInEvents': call({
    // An entry with the number of rows deleted, written when any were.
    audit: 'self',
    // Erased text leaves the file only with a WAL checkpoint after the commit, and the answer says
    // whether it did: the feature commits the erasure with its audit entries itself, then checkpoints.
    transaction: 'none',
    output: out({ deleted: pub(z.number()) }),
    input: z.object({}),
    roles: ADMIN_ONLY,
    changes: ['privacy', 'users'],
    summary: 'Delete the sign-in events older than the sign-in retention period (the audit log is kept).',
  }),
  'privacy.clearRequestNotes': call({
    // One entry per request whose notes were blanked.
    audit: 'self',
    // Erased text leaves the file only with a WAL checkpoint after the commit, and the answer says
    // whether it did: the feature commits the erasure with its audit entries itself, then checkpoints.
    transaction: 'none',
    output: out({ cleared: pub(z.number()) }),
    input: z.object({ requestIds: z.array(id).min(1).max(2000) }),
    roles: ADMIN_ONLY,
    changes: ['privacy', 'requests', 'tasks'],
    summary: 'Blank the free text (description, status notes, task notes) of the chosen long-closed requests.',
  }),
};
