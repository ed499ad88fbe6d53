// Calls of the home screens (issue 14, "Dashboards"): one call per role's home screen, answering
// exactly what the screen shows, built from the features' own queries (nothing is defined twice).
import { z } from 'zod';
import { call } from '../define';
import { caseContent, contact, identity, money, out, pub } from '../fields';
import { AID_UNITS } from '../../domain/aid';
import { EVENT_KINDS } from '../../domain/events';
import { URGENCIES } from '../../domain/requests';
import { storageWarningSchema, integrityWarningSchema } from '../../domain/backups';
import { outlookSchema } from '../../domain/cashflow';
import { grantWarningSchema } from '../../domain/funding';

const str = z.string();
const num = z.number();

/** How many rows each short list on a home screen shows (the count beside it says how many there are). */
export const DASHBOARD_LIST = 5;

/** An event on a home screen: a link to its page. */
const dashEventSchema = out({
  id: pub(num),
  title: pub(str),
  kind: pub(z.enum(EVENT_KINDS)),
  startsOn: pub(str),
  startsAt: pub(str.nullable()),
  settlement: pub(str),
});

export const frontdeskDashboardSchema = out({
  today: pub(str),
  /** Today's aid handed out (aid.distributionList for today), summed by item. */
  distributions: pub(
    out({
      /** People and households who received aid today (rows of the day's list to sign). */
      recipients: pub(num),
      /** Head counts of aid given at events and outings today. */
      headCount: pub(num),
      items: pub(z.array(out({ itemName: pub(str), size: pub(str), unit: pub(z.enum(AID_UNITS)), quantity: pub(num) }))),
    }),
  ),
  /** Events that start today (events.list), the earliest first. */
  events: pub(z.array(dashEventSchema)),
  /** More events today than listed. */
  moreEvents: pub(z.boolean()),
});
export type FrontdeskDashboard = z.output<typeof frontdeskDashboardSchema>;

export const coordinatorDashboardSchema = out({
  today: pub(str),
  /** Monday and Sunday of this week. */
  weekStart: pub(str),
  weekEnd: pub(str),
  /** Requests nobody has planned yet (status "new"), the newest first as requests.list gives them; the total counted up to 1,000. */
  unassigned: pub(
    out({
      total: pub(num),
      totalCapped: pub(z.boolean()),
      items: pub(
        z.array(
          out({
            id: pub(num),
            residentId: pub(num),
            residentName: identity(str),
            settlement: contact(str),
            kindCode: pub(str.nullable()),
            kindName: pub(str.nullable()),
            urgency: pub(z.enum(URGENCIES)),
            createdOn: pub(str),
          }),
        ),
      ),
    }),
  ),
  /** This week's tasks (tasks.list): still to do (planned or assigned), of them not yet assigned, done. */
  tasks: pub(out({ open: pub(num), unassigned: pub(num), done: pub(num) })),
  /** This week's events. */
  events: pub(z.array(dashEventSchema)),
  moreEvents: pub(z.boolean()),
  /** Residents under regular care whose check-in is overdue (care.list), the most overdue first. */
  checkIns: pub(
    out({
      overdue: pub(num),
      items: pub(z.array(out({ residentId: pub(num), fullName: identity(str), settlement: contact(str), daysOverdue: pub(num) }))),
    }),
  ),
  /** The caller's caseload (cases.caseload): overdue actions and reviews. */
  cases: pub(
    out({
      open: pub(num),
      reviewsOverdue: pub(num),
      overdueActions: pub(num),
      items: pub(z.array(out({ caseId: pub(num), actionId: pub(num), subjectName: identity(str), text: caseContent(str), dueOn: pub(str) }))),
    }),
  ),
});
export type CoordinatorDashboard = z.output<typeof coordinatorDashboardSchema>;

export const treasurerDashboardSchema = out({
  /** This month ('YYYY-MM'). */
  month: pub(str),
  /** This month's cash flow per currency (cashflow.report): opening, in, out, closing. */
  cash: money(
    z.array(
      out({
        currency: pub(str),
        openingMinor: money(num),
        incomeMinor: money(num),
        expensesMinor: money(num),
        closingMinor: money(num),
      }),
    ),
  ),
  /** Grants running today (grants.list): plan (the amount) vs spent, and the share of the period gone. */
  grants: pub(
    z.array(
      out({
        id: pub(num),
        title: pub(str),
        currency: pub(str),
        amountMinor: money(num),
        spentMinor: money(num),
        percentSpent: money(num),
        percentElapsed: pub(num),
        endsOn: pub(str),
        warnings: pub(z.array(grantWarningSchema)),
      }),
    ),
  ),
  /** How long the money lasts (cashflow.outlook over 3 months). */
  outlook: pub(outlookSchema),
});
export type TreasurerDashboard = z.output<typeof treasurerDashboardSchema>;

export const adminDashboardSchema = out({
  /** The newest verified backup and the last copy outside this PC (backups.status); null without a data folder. */
  backup: pub(
    out({
      lastBackupAt: pub(str.nullable()),
      lastBackupVerified: pub(z.boolean()),
      lastOutsideCopyAt: pub(str.nullable()),
      reminderDays: pub(num),
      reminderDue: pub(z.boolean()),
      warnings: pub(z.array(storageWarningSchema)),
      integrity: pub(integrityWarningSchema.nullable()),
    }).nullable(),
  ),
  /** Users (users.list): how many, active, switched off, locked out now. */
  users: pub(out({ total: pub(num), active: pub(num), inactive: pub(num), locked: pub(num) })),
  /**
   * Residents due for the retention review (privacy.retentionReview's list): not erased, last
   * contact before `before` (today minus the centre's retention period); counted by an index.
   */
  retentionDue: pub(out({ before: pub(str), residents: pub(num) })),
});
export type AdminDashboard = z.output<typeof adminDashboardSchema>;

export const dashboardCalls = {
  'dashboard.frontdesk': call({
    output: frontdeskDashboardSchema,
    input: z.object({}),
    // The front desk's home; the admin's home is the front desk with the admin's panel above it.
    roles: ['frontdesk', 'admin'],
    reads: ['aid', 'events', 'residents', 'households'],
    summary: "The front desk's home beside its search and queue: today's aid handed out (by item) and today's events.",
  }),
  'dashboard.coordinator': call({
    output: coordinatorDashboardSchema,
    input: z.object({}),
    roles: ['coordinator', 'admin'],
    reads: ['requests', 'residents', 'catalogue', 'tasks', 'events', 'cases', 'users'],
    summary: "The coordinator's home: requests nobody has planned, this week's tasks and events, overdue check-ins and the caller's overdue case actions.",
  }),
  'dashboard.treasurer': call({
    output: treasurerDashboardSchema,
    input: z.object({}),
    roles: ['treasurer', 'admin'],
    reads: ['money', 'app'],
    summary: "The treasurer's home: this month's cash flow, the running grants' spending against their plan and the outlook.",
  }),
  'dashboard.admin': call({
    output: adminDashboardSchema,
    input: z.object({}),
    roles: ['admin'],
    reads: ['backups', 'users', 'app', 'residents', 'requests', 'tasks', 'till', 'households', 'privacy'],
    summary:
      "The admin's panel on the home screen: the last backup and its check, the backup and storage warnings, the users by state, and how many residents are due for the retention review (counted by an index; the list itself is privacy.retentionReview's, which the panel links to).",
  }),
} as const;
