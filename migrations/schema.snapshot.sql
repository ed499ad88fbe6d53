-- The schema after all migrations. Written by migrations/migrations.test.ts; do not edit by hand.
-- index help_plans_resident on help_plans
CREATE INDEX "help_plans_resident" on "help_plans" ("resident_id");

-- index request_status_history_request on request_status_history
CREATE INDEX "request_status_history_request" on "request_status_history" ("request_id", "id");

-- index requests_created_on on requests
CREATE INDEX "requests_created_on" on "requests" ("created_on", "status");

-- index requests_kind on requests
CREATE INDEX "requests_kind" on "requests" ("kind_id", "created_on");

-- index requests_resident on requests
CREATE INDEX "requests_resident" on "requests" ("resident_id", "created_on");

-- index requests_status on requests
CREATE INDEX "requests_status" on "requests" ("status", "created_on");

-- index resident_phones_national on resident_phones
CREATE INDEX "resident_phones_national" on "resident_phones" ("national");

-- index resident_phones_resident on resident_phones
CREATE INDEX "resident_phones_resident" on "resident_phones" ("resident_id", "position");

-- index resident_search_terms_resident on resident_search_terms
CREATE INDEX "resident_search_terms_resident" on "resident_search_terms" ("resident_id", "term");

-- index resident_search_terms_term on resident_search_terms
CREATE INDEX "resident_search_terms_term" on "resident_search_terms" ("term", "rank", "resident_id");

-- index residents_name_key on residents
CREATE INDEX "residents_name_key" on "residents" ("name_key", "birth_year");

-- index residents_settlement on residents
CREATE INDEX "residents_settlement" on "residents" ("settlement");

-- index residents_short_name_key on residents
CREATE INDEX "residents_short_name_key" on "residents" ("short_name_key", "birth_year");

-- index residents_sort_key on residents
CREATE INDEX "residents_sort_key" on "residents" ("sort_key");

-- index task_volunteers_volunteer on task_volunteers
CREATE INDEX "task_volunteers_volunteer" on "task_volunteers" ("volunteer_id", "task_id");

-- index tasks_batch_resident on tasks
CREATE UNIQUE INDEX "tasks_batch_resident" on "tasks" ("batch_key", "resident_id") where "batch_key" is not null;

-- index tasks_plan_day on tasks
CREATE UNIQUE INDEX "tasks_plan_day" on "tasks" ("plan_id", "scheduled_on") where "plan_id" is not null;

-- index tasks_request on tasks
CREATE INDEX "tasks_request" on "tasks" ("request_id");

-- index tasks_resident on tasks
CREATE INDEX "tasks_resident" on "tasks" ("resident_id", "scheduled_on");

-- index tasks_scheduled on tasks
CREATE INDEX "tasks_scheduled" on "tasks" ("scheduled_on", "status");

-- index volunteer_advances_task on volunteer_advances
CREATE INDEX "volunteer_advances_task" on "volunteer_advances" ("task_id");

-- index volunteer_phones_volunteer on volunteer_phones
CREATE INDEX "volunteer_phones_volunteer" on "volunteer_phones" ("volunteer_id", "position");

-- index volunteer_search_terms_term on volunteer_search_terms
CREATE INDEX "volunteer_search_terms_term" on "volunteer_search_terms" ("term", "rank", "volunteer_id");

-- index volunteer_search_terms_volunteer on volunteer_search_terms
CREATE INDEX "volunteer_search_terms_volunteer" on "volunteer_search_terms" ("volunteer_id", "term");

-- index volunteers_sort_key on volunteers
CREATE INDEX "volunteers_sort_key" on "volunteers" ("sort_key");

-- table help_plans on help_plans
CREATE TABLE "help_plans" ("id" integer primary key autoincrement, "resident_id" integer not null references "residents" ("id"), "kind_id" integer not null references "service_kinds" ("id"), "rule" text not null check (rule in ('weekly', 'everyNDays')), "weekday" integer check (weekday is null or weekday between 1 and 7), "interval_days" integer check (interval_days is null or interval_days between 1 and 366), "season_from_month" integer check (season_from_month is null or season_from_month between 1 and 12), "season_to_month" integer check (season_to_month is null or season_to_month between 1 and 12), "part_of_day" text check (part_of_day is null or part_of_day in ('morning', 'afternoon', 'evening')), "estimated_minutes" integer, "volunteer_id" integer references "volunteers" ("id"), "starts_on" text not null, "ends_on" text, "ended_reason" text, "note" text default '' not null, "created_at" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"));

-- table kind_skills on kind_skills
CREATE TABLE "kind_skills" ("kind_id" integer not null references "service_kinds" ("id") on delete cascade, "skill_id" integer not null references "skills" ("id") on delete cascade, constraint "kind_skills_pk" primary key ("kind_id", "skill_id"));

-- table request_status_history on request_status_history
CREATE TABLE "request_status_history" ("id" integer primary key autoincrement, "request_id" integer not null references "requests" ("id") on delete cascade, "from_status" text, "to_status" text not null, "note" text default '' not null, "changed_at" text not null, "changed_by" integer not null references "users" ("id"));

-- table requests on requests
CREATE TABLE "requests" ("id" integer primary key autoincrement, "resident_id" integer not null references "residents" ("id"), "kind_id" integer not null references "service_kinds" ("id"), "urgency" text not null check (urgency in ('low', 'normal', 'urgent')), "channel" text not null check (channel in ('walkIn', 'phone', 'referral', 'outreach')), "description" text default '' not null, "status" text not null check (status in ('new', 'planned', 'inProgress', 'done', 'cancelled', 'referred')), "created_at" text not null, "created_on" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"));

-- table resident_phones on resident_phones
CREATE TABLE "resident_phones" ("id" integer primary key autoincrement, "resident_id" integer not null references "residents" ("id") on delete cascade, "position" integer not null, "raw" text not null, "national" text not null);

-- table resident_search_terms on resident_search_terms
CREATE TABLE "resident_search_terms" ("resident_id" integer not null references "residents" ("id") on delete cascade, "term" text not null, "rank" integer not null);

-- table residents on residents
CREATE TABLE "residents" ("id" integer primary key autoincrement, "last_name" text not null, "first_name" text not null, "patronymic" text default '' not null, "sort_key" text not null, "name_key" text not null, "short_name_key" text not null, "birth_year" integer, "settlement" text default '' not null, "street" text default '' not null, "house" text default '' not null, "flat" text default '' not null, "lives_alone" integer default 0 not null, "pensioner" integer default 0 not null, "disability" integer default 0 not null, "family_in_difficulty" integer default 0 not null, "displaced" integer default 0 not null, "household_size" integer, "regular_care" integer default 0 not null, "checkin_interval_days" integer, "notes" text default '' not null, "created_at" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"), "needs_snow_clearing" integer default 0 not null, "left_on" text, "left_reason" text check (left_reason is null or left_reason in ('moved', 'deceased')));

-- table schema_migrations on schema_migrations
CREATE TABLE schema_migrations (name text primary key, applied_at text not null);

-- table service_kinds on service_kinds
CREATE TABLE "service_kinds" ("id" integer primary key autoincrement, "code" text unique, "name" text, "is_paid" integer default 0 not null, "mode" text not null check (mode in ('volunteer', 'desk')), "sort_order" integer default 1000 not null, "archived_at" text, "created_at" text not null, "created_by" integer not null references "users" ("id"), constraint "service_kinds_code_or_name" check (code is not null or name is not null));

-- table settings on settings
CREATE TABLE "settings" ("key" text primary key, "value" text not null);

-- table skills on skills
CREATE TABLE "skills" ("id" integer primary key autoincrement, "code" text unique, "name" text, "archived_at" text, "created_at" text not null, constraint "skills_code_or_name" check (code is not null or name is not null));

-- table task_volunteers on task_volunteers
CREATE TABLE "task_volunteers" ("task_id" integer not null references "tasks" ("id") on delete cascade, "volunteer_id" integer not null references "volunteers" ("id"), "minutes_spent" integer, constraint "task_volunteers_pk" primary key ("task_id", "volunteer_id"));

-- table tasks on tasks
CREATE TABLE "tasks" ("id" integer primary key autoincrement, "request_id" integer references "requests" ("id"), "plan_id" integer references "help_plans" ("id"), "resident_id" integer not null references "residents" ("id"), "kind_id" integer not null references "service_kinds" ("id"), "scheduled_on" text not null, "part_of_day" text check (part_of_day is null or part_of_day in ('morning', 'afternoon', 'evening')), "start_time" text, "estimated_minutes" integer, "status" text not null check (status in ('planned', 'assigned', 'done', 'notDone', 'cancelled')), "not_done_reason" text, "done_on" text, "note" text default '' not null, "batch_key" text, "created_at" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"));

-- table users on users
CREATE TABLE "users" ("id" integer primary key autoincrement, "name" text not null, "role" text not null check (role in ('frontdesk', 'coordinator', 'treasurer', 'admin')), "language" text, "created_at" text not null);

-- table volunteer_advances on volunteer_advances
CREATE TABLE "volunteer_advances" ("id" integer primary key autoincrement, "task_id" integer not null references "tasks" ("id"), "volunteer_id" integer not null references "volunteers" ("id"), "amount_minor" integer not null check (amount_minor > 0), "currency" text not null, "note" text default '' not null, "settled_at" text, "created_at" text not null, "created_by" integer not null references "users" ("id"));

-- table volunteer_availability on volunteer_availability
CREATE TABLE "volunteer_availability" ("volunteer_id" integer not null references "volunteers" ("id") on delete cascade, "weekday" integer not null check (weekday between 1 and 7), "part" text not null check (part in ('morning', 'afternoon', 'evening')), constraint "volunteer_availability_pk" primary key ("volunteer_id", "weekday", "part"));

-- table volunteer_phones on volunteer_phones
CREATE TABLE "volunteer_phones" ("id" integer primary key autoincrement, "volunteer_id" integer not null references "volunteers" ("id") on delete cascade, "position" integer not null, "raw" text not null, "national" text not null);

-- table volunteer_search_terms on volunteer_search_terms
CREATE TABLE "volunteer_search_terms" ("volunteer_id" integer not null references "volunteers" ("id") on delete cascade, "term" text not null, "rank" integer not null);

-- table volunteer_skills on volunteer_skills
CREATE TABLE "volunteer_skills" ("volunteer_id" integer not null references "volunteers" ("id") on delete cascade, "skill_id" integer not null references "skills" ("id") on delete cascade, constraint "volunteer_skills_pk" primary key ("volunteer_id", "skill_id"));

-- table volunteers on volunteers
CREATE TABLE "volunteers" ("id" integer primary key autoincrement, "last_name" text not null, "first_name" text not null, "patronymic" text default '' not null, "sort_key" text not null, "settlement" text default '' not null, "languages" text default '[]' not null, "is_regular" integer default 0 not null, "specialist" text, "agreement_signed_on" text, "status" text default 'active' not null check (status in ('active', 'paused')), "deleted_at" text, "notes" text default '' not null, "created_at" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"));
