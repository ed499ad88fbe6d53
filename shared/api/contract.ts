/**
 * The one typed contract between the UI (or a script) and the core. Every call is declared once
 * here: its input schema, its output type, which roles may use it, and which data it changes.
 * Both transports (Electron IPC and the browser-mode HTTP host) dispatch through the core's
 * `dispatch`, which validates with these schemas and checks these roles.
 */
import { z } from 'zod';
import { ADMIN_ONLY, CASEWORK, CATALOGUE_EDITORS, EVERYONE, ROLES, type Role } from './roles';
import { residentInputSchema, residentSchema, residentSummarySchema } from '../domain/residents';
import { duplicateCandidateSchema, mergedFromSchema } from '../domain/matcher';
import { REQUEST_STATUSES, requestDetailSchema, requestInputSchema, requestSummarySchema } from '../domain/requests';
import { kindInputSchema, KIND_MODES, serviceKindSchema } from '../domain/catalogue';
import { backupInfoSchema, backupPreviewSchema, backupStatusSchema, exportResultSchema, restoreResultSchema } from '../domain/backups';
import { passwordProblem, passwordSchema, sessionStatusSchema } from '../domain/users';
import { adminNameSchema, centreSettingsOutputSchema, centreSettingsSchema, LANGUAGES } from '../domain/settings';
import { isoDateSchema as isoDate } from '../domain/dates';
import { cappedTotalShape, dayCursorInputSchema, dayCursorSchema } from '../domain/paging';

import { call, EVERY_TOPIC, type CallDef } from './define';
import { out, pub, type View } from './fields';
import { volunteersCalls } from './calls/volunteers';
import { tasksCalls } from './calls/tasks';
import { plansCalls } from './calls/plans';
import { cashbookCalls } from './calls/cashbook';
import { tillCalls } from './calls/till';
import { grantsCalls } from './calls/grants';
import { cashflowCalls } from './calls/cashflow';
import { usersCalls } from './calls/users';
import { auditCalls } from './calls/audit';
import { privacyCalls } from './calls/privacy';
import { hostingCalls } from './calls/hosting';
import { appCalls } from './calls/app';
import { householdsCalls } from './calls/households';
import { assessmentsCalls } from './calls/assessments';
import { casesCalls } from './calls/cases';
import { projectsCalls } from './calls/projects';
import { eventsCalls } from './calls/events';
import { shelterCalls } from './calls/shelter';
import { aidCalls } from './calls/aid';
import { duplicatesCalls } from './calls/duplicates';
import { aggregatesCalls } from './calls/aggregates';
import { dashboardCalls } from './calls/dashboard';
import { resultsCalls } from './calls/results';
import { reportExportCalls } from './calls/reportExports';
import { importCalls } from './calls/import';
export type { Topic } from './define';

const id = z.number().int().positive();
const limit = z.number().int().min(1).max(500).default(50);
const offset = z.number().int().min(0).max(10_000_000).default(0);
const backupId = z.string().regex(/^[\w.-]{1,200}$/, 'validation.invalid');
const passphrase = z.string().min(8, 'validation.passphraseShort').max(1000, 'validation.tooLong');

// Outputs of the base calls: every field with its field group (fields.ts).

export const appStatusSchema = out({
  setupDone: pub(z.boolean()),
  settings: pub(centreSettingsOutputSchema.nullable()),
  /**
   * The signed-in user (also while their session is locked). When `session.state` is 'signedOut'
   * it is an empty placeholder with id 0.
   */
  user: pub(out({ id: pub(z.number()), name: pub(z.string()), role: pub(z.enum(ROLES)), language: pub(z.enum(LANGUAGES).nullable()) })),
  /**
   * Sign-in state of the caller's session, the idle-lock minutes and the sign-in screen's list
   * (public: app.status answers before sign-in; a demo centre's well-known passwords and PINs too).
   */
  session: pub(sessionStatusSchema),
  schemaVersion: pub(z.string()),
  version: pub(z.string()),
  today: pub(z.string()),
  /** Set when the database failed its check at start-up: only restoring and exporting work. */
  recovery: pub(out({ detail: pub(z.string()) }).nullable()),
});
export type AppStatus = z.output<typeof appStatusSchema>;

export const countsSchema = out({
  residents: pub(z.number()),
  requests: pub(z.number()),
  openRequests: pub(z.number()),
  kinds: pub(z.number()),
});
export type Counts = z.output<typeof countsSchema>;

export const residentPageSchema = out({
  resident: pub(residentSchema),
  requests: pub(z.array(requestSummarySchema)),
  /** Records of the same person merged into this one (residents.merge), newest first. */
  mergedFrom: pub(z.array(mergedFromSchema)),
});
export type ResidentPage = z.output<typeof residentPageSchema>;

export const requestListSchema = out({
  items: pub(z.array(requestSummarySchema)),
  ...cappedTotalShape,
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: pub(dayCursorSchema.nullable()),
});
export type RequestList = z.output<typeof requestListSchema>;

export const contract = {
  'app.status': call({
    output: appStatusSchema,
    input: z.object({}),
    roles: EVERYONE,
    public: true,
    // The session's sign-in list and demo accounts are the users'.
    reads: ['app', 'users'],
    summary: 'Whether the centre is set up, its settings, the acting user, the session state and the schema version.',
  }),
  'app.counts': call({
    output: countsSchema,
    input: z.object({}),
    roles: EVERYONE,
    reads: ['residents', 'requests', 'catalogue'],
    summary: 'Counts of residents, requests and kinds.',
  }),
  'setup.complete': call({
    output: appStatusSchema,
    input: centreSettingsSchema
      // The password is required from the UI and scripts (sessions); in-process callers (tests) may leave it out.
      .extend({ demo: z.boolean().default(false), adminName: adminNameSchema, adminPassword: passwordSchema.optional() })
      .superRefine((v, ctx) => {
        const problem = v.adminPassword === undefined ? null : passwordProblem(v.adminPassword, 'admin');
        if (problem) ctx.addIssue({ code: 'custom', path: ['adminPassword'], message: problem });
      }),
    roles: ADMIN_ONLY,
    public: true,
    changes: ['app', 'residents', 'requests', 'catalogue'],
    summary: "First run (before anyone can sign in): save the centre settings and the first admin's name and password, optionally fill the database with demo data; the calling session is signed in as that admin.",
  }),
  'settings.update': call({
    output: centreSettingsOutputSchema,
    input: centreSettingsSchema,
    roles: ADMIN_ONLY,
    changes: ['app'],
    summary: 'Change the centre name, country, currency or default language.',
  }),
  'settings.setLanguage': call({
    output: z.null(),
    input: z.object({ language: z.enum(LANGUAGES) }),
    roles: EVERYONE,
    changes: ['app'],
    summary: "Remember the acting user's UI language.",
  }),

  'residents.search': call({
    output: z.array(residentSummarySchema),
    input: z.object({ q: z.string().max(200).default(''), settlement: z.string().max(100).optional(), limit, offset }),
    roles: CASEWORK,
    reads: ['residents'],
    summary: 'Find residents by name, phone or address; folds case and accents in every script.',
  }),
  'residents.get': call({
    audit: 'view',
    output: residentPageSchema,
    input: z.object({ id }),
    roles: CASEWORK,
    // The page's requests (with their kinds' names) and whether a consent covers health.
    reads: ['residents', 'requests', 'catalogue', 'privacy'],
    summary: 'A resident with their request history.',
  }),
  'residents.findDuplicates': call({
    output: z.array(duplicateCandidateSchema),
    input: z.object({
      lastName: z.string().max(100),
      firstName: z.string().max(100),
      patronymic: z.string().max(100).default(''),
      birthYear: z.number().int().nullable().default(null),
      phones: z.array(z.string().max(40)).max(5).default([]),
      excludeId: id.optional(),
    }),
    roles: CASEWORK,
    reads: ['residents'],
    summary: 'Residents who may be this person (the duplicate matcher: names in any script and order, typos, birth year, phone), best first, with the score and why.',
  }),
  'residents.create': call({
    output: residentSchema,
    input: residentInputSchema,
    roles: CASEWORK,
    changes: ['residents'],
    summary: 'Register a resident.',
  }),
  'residents.update': call({
    entity: { read: 'residents.get', key: 'id' },
    output: residentSchema,
    input: z.object({ id, data: residentInputSchema }),
    roles: CASEWORK,
    changes: ['residents', 'requests'],
    summary: "Change a resident's record.",
  }),
  'residents.settlements': call({
    output: z.array(z.string()),
    input: z.object({}),
    roles: CASEWORK,
    reads: ['residents'],
    summary: 'Settlements in use, for filters and suggestions.',
  }),

  'catalogue.list': call({
    output: z.array(serviceKindSchema),
    input: z.object({ includeArchived: z.boolean().default(false) }),
    roles: EVERYONE,
    // A kind is in use once a request uses it.
    reads: ['catalogue', 'requests'],
    summary: 'The service catalogue.',
  }),
  'catalogue.create': call({
    output: serviceKindSchema,
    input: kindInputSchema,
    roles: CATALOGUE_EDITORS,
    changes: ['catalogue'],
    summary: "Add a centre's own service kind.",
  }),
  'catalogue.update': call({
    output: serviceKindSchema,
    input: z.object({
      id,
      name: z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong').optional(),
      isPaid: z.boolean(),
      mode: z.enum(KIND_MODES),
    }),
    roles: CATALOGUE_EDITORS,
    changes: ['catalogue', 'requests'],
    summary: 'Change a kind: free or paid, volunteer task or desk service, and the name of own kinds.',
  }),
  'catalogue.setArchived': call({
    output: serviceKindSchema,
    input: z.object({ id, archived: z.boolean() }),
    roles: CATALOGUE_EDITORS,
    changes: ['catalogue'],
    summary: 'Archive a kind (hidden from new requests, kept in history) or bring it back.',
  }),
  'catalogue.delete': call({
    output: z.null(),
    input: z.object({ id }),
    roles: CATALOGUE_EDITORS,
    changes: ['catalogue'],
    summary: "Delete a centre's own kind that no request uses.",
  }),

  'requests.create': call({
    output: requestDetailSchema,
    input: requestInputSchema,
    roles: CASEWORK,
    changes: ['requests', 'residents'],
    summary: 'Log a request (walk-in, phone, referral or outreach).',
  }),
  'requests.update': call({
    entity: { read: 'requests.get', key: 'id' },
    output: requestDetailSchema,
    input: z.object({ id, data: requestInputSchema }),
    roles: CASEWORK,
    changes: ['requests'],
    summary: "Change a request's kind, urgency, channel or description.",
  }),
  'requests.get': call({
    output: requestDetailSchema,
    input: z.object({ id }),
    roles: CASEWORK,
    reads: ['requests', 'residents', 'catalogue'],
    summary: 'A request with its status history.',
  }),
  'requests.list': call({
    output: requestListSchema,
    input: z.object({
      statuses: z.array(z.enum(REQUEST_STATUSES)).max(REQUEST_STATUSES.length).default([]),
      kindId: id.optional(),
      settlement: z.string().max(100).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      residentId: id.optional(),
      /** The page after this request (the previous page's `nextCursor`). */
      cursor: dayCursorInputSchema.optional(),
      limit,
    }),
    roles: CASEWORK,
    reads: ['requests', 'residents', 'catalogue'],
    summary:
      'Requests filtered by status, kind, settlement and date range, newest first (by the day logged); the next page from `nextCursor`; the total counted up to 1,000.',
  }),
  'requests.today': call({
    output: z.array(requestSummarySchema),
    input: z.object({}),
    roles: CASEWORK,
    reads: ['requests', 'residents', 'catalogue'],
    summary: "Today's queue: requests logged today and open urgent ones.",
  }),
  'requests.setStatus': call({
    entity: { read: 'requests.get', key: 'id' },
    output: requestDetailSchema,
    input: z.object({ id, status: z.enum(REQUEST_STATUSES), note: z.string().trim().max(1000, 'validation.tooLong').default('') }),
    roles: CASEWORK,
    changes: ['requests'],
    summary: "Move a request along its status flow; the change is kept with time and user.",
  }),

  'backups.status': call({
    output: backupStatusSchema,
    input: z.object({}),
    roles: ADMIN_ONLY,
    reads: ['backups'],
    summary: 'The newest backup, the last copy outside this PC, the reminder and storage warnings.',
  }),
  'backups.list': call({
    output: z.array(backupInfoSchema),
    input: z.object({}),
    roles: ADMIN_ONLY,
    reads: ['backups'],
    summary: "Backups in the data folder's backups/ folder, newest first.",
  }),
  'backups.create': call({
    // A backup is taken with SQLite's backup API, which cannot run inside a write transaction;
    // the entry is written after it, in a transaction of its own.
    transaction: 'none',
    output: backupInfoSchema,
    input: z.object({ passphrase: passphrase.optional() }),
    roles: ADMIN_ONLY,
    changes: ['backups'],
    summary: 'Make a verified backup now (optionally encrypted with a passphrase).',
  }),
  'backups.preview': call({
    output: backupPreviewSchema,
    input: z.object({ id: backupId, passphrase: passphrase.optional() }),
    roles: ADMIN_ONLY,
    reads: ['backups'],
    summary: 'Verify a backup and show what it holds: centre, counts, last entry.',
  }),
  'backups.restore': call({
    // Replaces the database under the core: the host writes the entry into the restored file.
    transaction: 'none',
    audit: 'self',
    output: restoreResultSchema,
    input: z.object({ id: backupId, passphrase: passphrase.optional() }),
    roles: ADMIN_ONLY,
    changes: ['app', 'residents', 'requests', 'catalogue', 'backups'],
    summary: 'Restore a backup: the current database is saved as a backup first; the restored file is verified and migrated.',
  }),
  'backups.setReminder': call({
    // Writes the backup log in the data folder, not the database.
    transaction: 'none',
    output: z.null(),
    input: z.object({ days: z.number('validation.number').int('validation.number').min(1, 'validation.range').max(365, 'validation.range') }),
    roles: ADMIN_ONLY,
    changes: ['backups'],
    summary: 'Remind the admin when the last copy outside this PC is older than this many days.',
  }),
  'export.full': call({
    audit: 'export',
    // The export reads every table in one read transaction of its own (a consistent snapshot that
    // waits until no write is open); the entry is written after it.
    transaction: 'none',
    output: exportResultSchema,
    input: z.object({}),
    roles: ADMIN_ONLY,
    // A snapshot of every table.
    reads: EVERY_TOPIC,
    summary: 'Export everything as a ZIP of CSV files with a manifest; download it from /api/download/exports/<id>.',
  }),

  ...volunteersCalls,
  ...tasksCalls,
  ...plansCalls,
  ...cashbookCalls,
  ...tillCalls,
  ...grantsCalls,
  ...cashflowCalls,
  ...usersCalls,
  ...auditCalls,
  ...privacyCalls,
  ...hostingCalls,
  ...appCalls,
  ...householdsCalls,
  ...assessmentsCalls,
  ...casesCalls,
  ...projectsCalls,
  ...eventsCalls,
  ...shelterCalls,
  ...aidCalls,
  ...duplicatesCalls,
  ...aggregatesCalls,
  ...dashboardCalls,
  ...resultsCalls,
  ...reportExportCalls,
  ...importCalls,
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
/** The roles that may use a call, as a union type. */
export type RolesOf<K extends CallName> = Contract[K] extends CallDef<z.ZodType, z.ZodType, infer R> ? R : never;
/** What the core's handler returns: the whole answer, before dispatch removes what a role may not receive. */
export type HandlerOutput<K extends CallName> = z.output<Contract[K]['output']>;
/**
 * The answer as the screens of the roles R receive it (default: every role that may use the call):
 * a field none of them receives is absent, one some of them receive is optional.
 */
export type CallOutput<K extends CallName, R extends RolesOf<K> = RolesOf<K>> = View<Contract[K]['output'], R>;

/** Whether a role may use a call. */
export function mayCall(name: CallName, role: Role): boolean {
  return contract[name].roles.includes(role);
}

export const CALL_NAMES = Object.keys(contract) as CallName[];

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
