/** The Kysely view of the whole database: one interface per table, in the features' *.table.ts. */
import type { Kysely, Transaction } from 'kysely';
import type { UsersTable, SettingsTable } from '../features/settings/settings.table';
import type { ServiceKindsTable } from '../features/catalogue/catalogue.table';
import type { ResidentsTable, ResidentPhonesTable, ResidentSearchTermsTable, ResidentMatchKeysTable, ResidentMergesTable, CarePeriodsTable } from '../features/residents/residents.table';
import type { RequestsTable, RequestStatusHistoryTable } from '../features/requests/requests.table';
import type {
  KindSkillsTable,
  SkillsTable,
  VolunteerAvailabilityTable,
  VolunteerMergesTable,
  VolunteerPhonesTable,
  VolunteerSearchTermsTable,
  VolunteerSkillsTable,
  VolunteersTable,
} from '../features/volunteers/volunteers.table';
import type { HelpPlansTable, TasksTable, TaskVolunteersTable, VolunteerAdvancesTable } from '../features/tasks/tasks.table';
import type { MoneyTables } from '../features/cashbook/money.table';
import type { UsersTables } from '../features/users/users.table';
import type { AuditTables } from '../features/audit/audit.table';
import type { PrivacyTables } from '../features/privacy/privacy.table';
import type { HouseholdsTables } from '../features/households/households.table';
import type { AssessmentsTables } from '../features/assessments/assessments.table';
import type { CasesTables } from '../features/cases/cases.table';
import type { ProjectsTables } from '../features/projects/projects.table';
import type { EventsTables } from '../features/events/events.table';
import type { ShelterTables } from '../features/shelter/shelter.table';
import type { AidTables } from '../features/aid/aid.table';
import type { ImportTables } from '../features/import/import.table';

export interface SchemaMigrationsTable {
  name: string;
  applied_at: string;
}

/** Later features declare their tables in one interface each (see their *.table.ts). */
export interface DB extends MoneyTables, UsersTables, AuditTables, PrivacyTables, HouseholdsTables, AssessmentsTables, CasesTables, ProjectsTables, EventsTables, ShelterTables, AidTables, ImportTables {
  schema_migrations: SchemaMigrationsTable;
  users: UsersTable;
  settings: SettingsTable;
  service_kinds: ServiceKindsTable;
  residents: ResidentsTable;
  resident_phones: ResidentPhonesTable;
  resident_search_terms: ResidentSearchTermsTable;
  resident_match_keys: ResidentMatchKeysTable;
  resident_merges: ResidentMergesTable;
  care_periods: CarePeriodsTable;
  requests: RequestsTable;
  request_status_history: RequestStatusHistoryTable;
  skills: SkillsTable;
  kind_skills: KindSkillsTable;
  volunteers: VolunteersTable;
  volunteer_phones: VolunteerPhonesTable;
  volunteer_search_terms: VolunteerSearchTermsTable;
  volunteer_skills: VolunteerSkillsTable;
  volunteer_availability: VolunteerAvailabilityTable;
  volunteer_merges: VolunteerMergesTable;
  help_plans: HelpPlansTable;
  tasks: TasksTable;
  task_volunteers: TaskVolunteersTable;
  volunteer_advances: VolunteerAdvancesTable;
}

export type Db = Kysely<DB>;
/** Repositories take an executor: the database itself, or the transaction a service opened. */
export type Executor = Kysely<DB> | Transaction<DB>;
