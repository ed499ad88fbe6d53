/**
 * The contract's functions, gathered from the features. A handler receives the parsed input, who
 * is calling, and the call's dependencies: `deps.db` is the call's executor (the write transaction
 * dispatch opened for a change, the database for a plain read), so a handler builds its services
 * from `deps` on every call and never holds the database itself (using the outer database inside a
 * transaction would wait for ever on SQLite's one connection).
 */
import type { CallName, HandlerOutput, ParsedInput } from '../../shared/api/contract';
import type { CallContext, CoreDeps } from './context';
import { settingsHandlers } from './features/settings/settings.handlers';
import { residentHandlers } from './features/residents/residents.handlers';
import { requestHandlers } from './features/requests/requests.handlers';
import { catalogueHandlers } from './features/catalogue/catalogue.handlers';
import { backupHandlers } from './features/backups/backups.handlers';
import { volunteerHandlers } from './features/volunteers/volunteers.handlers';
import { taskHandlers } from './features/tasks/tasks.handlers';
import { planHandlers } from './features/plans/plans.handlers';
import { cashbookHandlers } from './features/cashbook/cashbook.handlers';
import { tillHandlers } from './features/till/till.handlers';
import { grantsHandlers } from './features/grants/grants.handlers';
import { cashflowHandlers } from './features/cashflow/cashflow.handlers';
import { usersHandlers } from './features/users/users.handlers';
import { auditHandlers } from './features/audit/audit.handlers';
import { privacyHandlers } from './features/privacy/privacy.handlers';
import { hostingHandlers } from './features/hosting/hosting.handlers';
import { diagnosticsHandlers } from './features/diagnostics/diagnostics.handlers';
import { householdsHandlers } from './features/households/households.handlers';
import { aidHandlers } from './features/aid/aid.handlers';
import { dashboardHandlers } from './features/dashboard/dashboard.handlers';
import { assessmentsHandlers } from './features/assessments/assessments.handlers';
import { casesHandlers } from './features/cases/cases.handlers';
import { projectsHandlers } from './features/projects/projects.handlers';
import { eventsHandlers } from './features/events/events.handlers';
import { shelterHandlers } from './features/shelter/shelter.handlers';
import { aggregatesHandlers } from './features/reports/aggregates.handlers';
import { reportsHandlers } from './features/reports/reports.handlers';
import { reportExportHandlers } from './features/reports/reports.export.handlers';
import { importHandlers } from './features/import/import.handlers';

export type Handler<K extends CallName> = (input: ParsedInput<K>, ctx: CallContext, deps: CoreDeps) => Promise<HandlerOutput<K>>;
export type Handlers = { [K in CallName]: Handler<K> };
/** A feature's part of the handlers (`satisfies`-checked against the contract by its type). */
export type FeatureHandlers<C extends CallName> = { [K in C]: Handler<K> };

/** Every call's handler; the type makes the compiler check that none is missing. */
export const handlers: Handlers = {
  ...settingsHandlers,
  ...residentHandlers,
  ...catalogueHandlers,
  ...requestHandlers,
  ...backupHandlers,
  ...volunteerHandlers,
  ...taskHandlers,
  ...planHandlers,
  ...cashbookHandlers,
  ...tillHandlers,
  ...grantsHandlers,
  ...cashflowHandlers,
  ...usersHandlers,
  ...auditHandlers,
  ...privacyHandlers,
  ...hostingHandlers,
  ...diagnosticsHandlers,
  ...householdsHandlers,
  ...aidHandlers,
  ...dashboardHandlers,
  ...assessmentsHandlers,
  ...casesHandlers,
  ...projectsHandlers,
  ...eventsHandlers,
  ...shelterHandlers,
  ...aggregatesHandlers,
  ...reportsHandlers,
  ...reportExportHandlers,
  ...importHandlers,
};
