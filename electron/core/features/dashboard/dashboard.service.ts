/**
 * The home screens (issue 14): one answer per role's home, made of the features' own queries —
 * today's distribution list, the events page, the requests list, the tasks list, the care list,
 * the caseload, the cash flow report, the grants list, the outlook, the backup status, the users
 * (the retention review is its own call: it reads every resident, seconds at city scale; the
 * admin's count of residents due for it reads the last-activity index instead). Nothing here defines a figure again: each one is what the screen that
 * deals with it shows, cut to a count and a short list.
 */
import { retentionDue } from '../privacy/privacy.service';
import { addDays, monthKeyOf, weekStart } from '../../../../shared/domain/dates';
import {
  DASHBOARD_LIST,
  type AdminDashboard,
  type CoordinatorDashboard,
  type FrontdeskDashboard,
  type TreasurerDashboard,
} from '../../../../shared/api/calls/dashboard';
import type { EventSummary } from '../../../../shared/domain/events';
import type { Actor, CallContext, CoreDeps } from '../../context';
import { aidService } from '../aid/aid.service';
import { eventsService } from '../events/events.service';
import { requestsService } from '../requests/requests.service';
import { tasksService } from '../tasks/tasks.service';
import { careList } from '../plans/care';
import * as casesRepo from '../cases/cases.repo';
import { cashflowService } from '../cashflow/cashflow.service';
import { grantsService } from '../grants/grants.service';
import { backupHandlers } from '../backups/backups.handlers';
import { managerFor } from '../../data-folder';
import { usersService } from '../users/users.service';

/** Events of a period, the earliest first, at most `limit` (and whether there are more). */
async function eventsOf(deps: CoreDeps, from: string, to: string, limit: number) {
  // events.list pages the latest first; a home screen reads the day or the week in order.
  const page = await eventsService(deps).list({ from, to, limit: 50 });
  const all = [...page.events].reverse();
  const shown = all.slice(0, limit).map((e: EventSummary) => ({
    id: e.id,
    title: e.title,
    kind: e.kind,
    startsOn: e.startsOn,
    startsAt: e.startsAt,
    settlement: e.settlement,
  }));
  return { events: shown, more: all.length > limit || page.next !== null };
}

export function dashboardService(deps: CoreDeps) {
  const { clock, db } = deps;
  return {
    async frontdesk(): Promise<FrontdeskDashboard> {
      const today = clock.today();
      const list = await aidService(deps).distributionList(today);
      const byItem = new Map<string, { itemName: string; size: string; unit: FrontdeskDashboard['distributions']['items'][number]['unit']; quantity: number }>();
      const add = (l: { itemName: string; size: string; unit: FrontdeskDashboard['distributions']['items'][number]['unit']; quantity: number }) => {
        const key = `${l.itemName}\u0000${l.size}\u0000${l.unit}`;
        const seen = byItem.get(key);
        if (seen) seen.quantity += l.quantity;
        else byItem.set(key, { ...l });
      };
      for (const p of list.people) for (const l of p.lines) add(l);
      for (const e of list.events) for (const l of e.lines) add(l);
      const { events, more } = await eventsOf(deps, today, today, 10);
      return {
        today,
        distributions: {
          recipients: list.people.length,
          headCount: list.events.reduce((s, e) => s + e.headCount, 0),
          items: [...byItem.values()],
        },
        events,
        moreEvents: more,
      };
    },

    async coordinator(actor: Actor): Promise<CoordinatorDashboard> {
      const today = clock.today();
      const monday = weekStart(today);
      const sunday = addDays(monday, 6);
      const requests = await requestsService(deps).list({ statuses: ['new'], limit: DASHBOARD_LIST });
      const tasks = tasksService(deps);
      const week = { from: monday, to: sunday, limit: 1, offset: 0 };
      const [open, planned, done] = [
        (await tasks.list({ ...week, statuses: ['planned', 'assigned'] })).total,
        (await tasks.list({ ...week, statuses: ['planned'] })).total,
        (await tasks.list({ ...week, statuses: ['done'] })).total,
      ];
      const { events, more } = await eventsOf(deps, monday, sunday, 8);
      const care = await careList(deps, { overdueOnly: true }, { phones: false });
      const worker = await db.selectFrom('users').select(['id', 'name']).where('id', '=', actor.id).executeTakeFirst();
      const load = worker ? await casesRepo.caseload(db, worker, today) : null;
      return {
        today,
        weekStart: monday,
        weekEnd: sunday,
        unassigned: {
          total: requests.total,
          totalCapped: requests.totalCapped,
          items: requests.items.map((r) => ({
            id: r.id,
            residentId: r.residentId,
            residentName: r.residentName,
            settlement: r.settlement,
            kindCode: r.kindCode,
            kindName: r.kindName,
            urgency: r.urgency,
            createdOn: r.createdOn,
          })),
        },
        tasks: { open, unassigned: planned, done },
        events,
        moreEvents: more,
        checkIns: {
          overdue: care.length,
          items: care.slice(0, DASHBOARD_LIST).map((c) => ({ residentId: c.residentId, fullName: c.fullName, settlement: c.settlement, daysOverdue: c.daysOverdue })),
        },
        cases: {
          open: load?.cases.length ?? 0,
          reviewsOverdue: load?.reviewsOverdue ?? 0,
          overdueActions: load?.overdueActions.length ?? 0,
          items: (load?.overdueActions ?? []).slice(0, DASHBOARD_LIST).map((a) => ({
            caseId: a.caseId,
            actionId: a.actionId,
            subjectName: a.subjectName,
            text: a.text,
            dueOn: a.dueOn,
          })),
        },
      };
    },

    async treasurer(): Promise<TreasurerDashboard> {
      const today = clock.today();
      const month = monthKeyOf(today);
      const report = await cashflowService(deps).report({ from: month, to: month });
      const cash = report.totals.map((b) => ({
        currency: b.currency,
        openingMinor: b.openingMinor[0] ?? 0,
        incomeMinor: b.incomeMinor[0] ?? 0,
        expensesMinor: b.expensesMinor[0] ?? 0,
        closingMinor: b.closingMinor[0] ?? 0,
      }));
      const grants = (await grantsService(deps).list())
        .filter((g) => g.startsOn <= today && !g.ended)
        .map((g) => ({
          id: g.id,
          title: g.title,
          currency: g.currency,
          amountMinor: g.amountMinor,
          spentMinor: g.spentMinor,
          percentSpent: g.percentSpent,
          percentElapsed: g.percentElapsed,
          endsOn: g.endsOn,
          warnings: g.warnings,
        }));
      const outlook = await cashflowService(deps).outlook(3);
      return { month, cash, grants, outlook };
    },

    async admin(ctx: CallContext): Promise<AdminDashboard> {
      let backup: AdminDashboard['backup'] = null;
      if (managerFor(deps) !== null) {
        const s = await backupHandlers['backups.status']({}, ctx, deps);
        backup = {
          lastBackupAt: s.lastBackup?.createdAt ?? null,
          lastBackupVerified: s.lastBackup?.verified ?? false,
          lastOutsideCopyAt: s.lastOutsideCopyAt,
          reminderDays: s.reminderDays,
          reminderDue: s.reminderDue,
          warnings: s.warnings,
          integrity: s.integrity,
        };
      }
      if (!deps.sessions) throw new Error('The core has no session store');
      const users = await usersService(deps, deps.sessions).list(true);
      return {
        backup,
        users: {
          total: users.length,
          active: users.filter((u) => u.active).length,
          inactive: users.filter((u) => !u.active).length,
          locked: users.filter((u) => u.lockedUntil !== null).length,
        },
        retentionDue: await retentionDue(deps.db, deps.clock.today()),
      };
    },
  };
}
