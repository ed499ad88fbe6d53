/**
 * The access policy, part of the contract. Two layers:
 *
 * 1. **Calls**: which roles may use a call is declared on the call itself (`call({ roles })` in
 *    contract.ts and calls/*.ts); dispatch refuses every other role and every unknown name.
 * 2. **Field groups**: every key that can appear in a call's output belongs to a group (or is
 *    public). A role receives only the groups it is allowed; dispatch removes every other key from
 *    the output (the whole subtree under it) before the answer leaves the core, for both
 *    transports. A key that is not classified is removed for every role but the admin (fail
 *    closed), and `policy.test.ts`/`matrix.test.ts` fail when a call returns one.
 *
 * Groups:
 * - identity: a resident's (or volunteer's) name and birth year.
 * - contact: address, settlement, street, house, flat, phones.
 * - health: health-related needs, situations (disability…), case notes (residents' and
 *   volunteers' `notes`, request descriptions, status-change notes, task outcome notes).
 * - money: the cash book, balances, grants, budgets, rent, in-kind values, advances' amounts.
 * - till: the paid-services till's own figures (prices, sale totals, the day's takings, the
 *   cash-up). The front desk runs the till, so it receives this group, never `money`.
 * - audit: the audit log's own fields (admin only).
 *
 * Classification is by output key, with a few call-prefix overrides where one key means different
 * things (a cash-book `description` is money, a request's `description` is a case note; every
 * `…Minor` amount of a `till.*` call is the till's own figure).
 */
import type { Role } from './roles';

export const FIELD_GROUPS = ['identity', 'contact', 'health', 'money', 'till', 'audit'] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];
export type Classification = FieldGroup | 'public';

/** Which field groups each role receives. */
export const ROLE_GROUPS: Readonly<Record<Role, readonly FieldGroup[]>> = {
  // Registers residents and logs their requests (with needs); runs the till; never sees the books.
  frontdesk: ['identity', 'contact', 'health', 'till'],
  // Plans the help: needs names, addresses, phones and needs. Volunteers' advances are money the
  // coordinator hands over to the treasurer, so advances' amounts (money) reach them too.
  coordinator: ['identity', 'contact', 'health', 'money', 'till'],
  // Keeps the books; may see who paid at the till (a name), never addresses, phones or case notes.
  treasurer: ['identity', 'money', 'till'],
  admin: ['identity', 'contact', 'health', 'money', 'till', 'audit'],
};

export function roleMayReceive(role: Role, group: Classification): boolean {
  return group === 'public' || ROLE_GROUPS[role].includes(group);
}

const P = 'public' as const;

/** Output keys and their group, whatever call returns them (unless an override below applies). */
export const KEY_GROUPS: Readonly<Record<string, Classification>> = {
  // identity
  firstName: 'identity',
  lastName: 'identity',
  patronymic: 'identity',
  fullName: 'identity',
  residentName: 'identity',
  residentNames: 'identity',
  birthYear: 'identity',
  // contact
  address: 'contact',
  residentAddress: 'contact',
  settlement: 'contact',
  street: 'contact',
  house: 'contact',
  flat: 'contact',
  phones: 'contact',
  phone: 'contact',
  residentPhones: 'contact',
  sameSettlement: P,
  // health and case notes
  notes: 'health',
  note: 'health',
  description: 'health',
  situations: 'health',
  healthNeeds: 'health',
  health: 'health',
  householdSize: 'health',
  reason: 'health',
  reasons: 'health',
  // money (anything ending in Minor is money by default, see classifyKey)
  counterparty: 'money',
  documentNo: 'money',
  accountName: 'money',
  otherAccountName: 'money',
  grantTitle: 'money',
  budgetLineName: 'money',
  funder: 'money',
  donor: 'money',
  landlord: 'money',
  premises: 'money',
  cashAccount: 'money',
  transferGroup: 'money',
  suggestedCategoryCode: 'money',
  categoryCode: 'money',
  categoryName: 'money',
  direction: 'money',
  // the till's own figures
  priceMinor: 'till',
  unitPriceMinor: 'till',
  receiptNo: 'till',
  // audit
  prevHash: 'audit',
  hash: 'audit',
  firstBroken: 'audit',
  anchor: 'audit',
  // public: structure, ids, dates, statuses, names of things (kinds, skills, users, categories)
  id: P, name: P, code: P, title: P, key: P, type: P, kind: P, mode: P, status: P, state: P, role: P,
  roles: P, language: P, languages: P, currency: P, country: P, centreName: P, version: P,
  appVersion: P, schemaVersion: P, setupDone: P, settings: P, user: P, users: P, recovery: P,
  detail: P, details: P, today: P, items: P, total: P, count: P, rows: P, tables: P, value: P,
  resident: P, requests: P, residents: P, request: P, history: P, task: P, tasks: P, plans: P,
  plan: P, volunteer: P, volunteers: P, kinds: P, skills: P, specialist: P, specialists: P,
  entries: P, entry: P, lines: P, sales: P, sale: P, receipt: P, prices: P, cashUps: P, grants: P,
  accounts: P, categories: P, advances: P, assignments: P, availability: P, warnings: P, week: P,
  weekStart: P, weekEnd: P, weekTasks: P, overdue: P, upcoming: P, unassigned: P, regular: P,
  occasional: P, regularCare: P, needsSnowClearing: P, checkinIntervalDays: P, leftReason: P,
  urgency: P, channel: P, fromStatus: P, toStatus: P, changedBy: P, createdBy: P, updatedBy: P,
  soldBy: P, setBy: P, userName: P, unit: P, quantity: P, payment: P, archived: P, active: P,
  inUse: P, outcome: P, minutes: P, minutesSpent: P, estimatedMinutes: P, totalMinutes: P,
  weekLoadMinutes: P, partOfDay: P, startTime: P, weekday: P, slot: P, position: P, rank: P,
  score: P, intervalDays: P, horizonDays: P, seasonFromMonth: P, seasonToMonth: P, endedReason: P,
  lastContactKindCode: P, kindCode: P, kindName: P, volunteerName: P, volunteerNames: P,
  skillName: P, isPaid: P, isRegular: P, hasPin: P, needsAdminPassword: P, locked: P,
  encrypted: P, verified: P, integrity: P, size: P, file: P, reminderDays: P, reminderDue: P,
  lastBackup: P, daysOverdue: P, openRequests: P, openRequestsWithoutTasks: P, openTasks: P,
  doneTasks: P, tasksCreated: P, tasksCancelled: P, requestsCancelled: P, plansEnded: P,
  requestStatus: P, tasksThatDay: P, tasksThatWeek: P, available: P, booked: P, assigned: P,
  proposed: P, existing: P, days: P, months: P, month: P, year: P, day: P, date: P, from: P,
  to: P, range: P, summary: P, text: P, label: P, source: P, method: P, restored: P,
  preRestoreBackup: P, idleLockMinutes: P, reversals: P, byKind: P, byPayment: P, byVolunteer: P,
  result: P, dataDir: P, lastActivity: P, ok: P, broken: P, tokens: P, limit: P, offset: P,
  hasMore: P, call: P, action: P, entityType: P, entityId: P, residentId: P, fields: P, field: P,
  old: P, new: P, changed: P, seq: P, at: P, storage: P, warning: P, tillCashMinor: 'till',
  // demo accounts' well-known passwords and PINs (only ever output for a demo centre's sign-in screen)
  password: P, pin: P,
  session: P, demoAccounts: P, part: P, past: P, regularResidents: P, batchKey: P, rule: P,
  maxPerVolunteer: P, unlogged: P, registered: P, current: P, validFrom: P, leases: P, charges: P,
  lockedUntil: P, calls: P, noticeVersion: P, retention: P, inactiveResidentYears: P,
  closedRequestNotesYears: P, signInEventsMonths: P, inactiveBefore: P, notesBefore: P,
  requestNotes: P, allowLan: P, created: P,
  // the retention review's sign-in events (helper G): counts and a cut-off day
  signInEvents: P, before: P, deleted: P,
  files: P, basis: P, scopes: P, recordedBy: P, withdrawnBy: P, checkpointed: P, mentionsElsewhere: P,
  table: P, column: P, cleared: P,
  // privacy.anonymiseInactive: how many residents were anonymised
  erased: P,
  volunteerMinutes: P, percentElapsed: P, ended: P, tranches: P, dueDay: P, monthKey: P, generated: P,
  income: 'money', expense: 'money', net: 'money', totals: 'money', percent: 'money', percentSpent: 'money',
  // the cash-flow outlook (helper D)
  coverMonths: 'money', lastMonth: 'money', runsOutMonth: 'money',
  overspent: 'money',
  // the grant view's lines and entries (helper C)
  lineName: 'money', outsidePeriod: 'money',
  // whether a resident gave consent to health-related data (helper G): part of the health picture
  healthConsent: 'health',
};

/**
 * Overrides by call-name prefix: checked before KEY_GROUPS. On the treasurer's screens a
 * `description` or `note` is a booking text (money); at the till a `note` is the cash-up's note.
 */
const MONEY_TEXTS: Readonly<Record<string, Classification>> = {
  description: 'money',
  note: 'money',
  notes: 'money',
  name: P,
};
export const PREFIX_OVERRIDES: Readonly<Record<string, Readonly<Record<string, Classification>>>> = {
  'accounts.': MONEY_TEXTS,
  'cashbook.': MONEY_TEXTS,
  'grants.': MONEY_TEXTS,
  'budget.': MONEY_TEXTS,
  'rent.': MONEY_TEXTS,
  'inKind.': MONEY_TEXTS,
  'cashflow.': MONEY_TEXTS,
  // The till's own cash box (its name) and its expected cash at the cash-up are the till's data.
  'till.': { note: 'till', description: 'till', accountName: 'till', cashAccount: 'till' },
};

/**
 * Keys whose value is a map with data-dependent keys (counts per table, totals per month): the
 * whole value belongs to one group and its inner keys are not walked.
 */
export const OPAQUE_KEYS: Readonly<Record<string, Classification>> = {
  counts: P,
  hoursByMonth: P,
  totalsByMonth: 'money',
  byMonth: 'money',
  input: 'audit',
  /** Rows blanked per table by an erasure. */
  blanked: P,
};

function prefixOf(call: string): string {
  const dot = call.indexOf('.');
  return dot < 0 ? call : call.slice(0, dot + 1);
}

/** The group of an output key of a call; undefined when the key is not classified. */
export function classifyKey(call: string, key: string): Classification | undefined {
  const prefix = prefixOf(call);
  const override = PREFIX_OVERRIDES[prefix]?.[key];
  if (override !== undefined) return override;
  if (Object.prototype.hasOwnProperty.call(KEY_GROUPS, key)) return KEY_GROUPS[key];
  if (/Minor$/.test(key)) return prefix === 'till.' ? 'till' : 'money';
  if (/^[a-z][A-Za-z]*(Id|Ids)$/.test(key)) return P;
  if (/^[a-z][A-Za-z]*(At|On|Date|Count|Days)$/.test(key)) return P;
  if (/^(is|has)[A-Z][A-Za-z]*$/.test(key)) return P;
  return undefined;
}

export function opaqueGroup(call: string, key: string): Classification | undefined {
  if (!Object.prototype.hasOwnProperty.call(OPAQUE_KEYS, key)) return undefined;
  const g = OPAQUE_KEYS[key]!;
  return g === 'money' && prefixOf(call) === 'till.' ? 'till' : g;
}

/** The groups that never reach a role, for the payload tests. */
export function deniedGroups(role: Role): FieldGroup[] {
  return FIELD_GROUPS.filter((g) => !ROLE_GROUPS[role].includes(g));
}

/**
 * Groups whose values never enter the audit log (only the field name and "changed"): the log must
 * hold no names, phones, addresses, notes or health text, so that erasing a person erases them.
 */
export const AUDIT_VALUE_FREE: readonly Classification[] = ['identity', 'contact', 'health'];
