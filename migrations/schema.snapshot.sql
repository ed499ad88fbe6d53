-- The schema after all migrations. Written by migrations/migrations.test.ts; do not edit by hand.
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

-- table request_status_history on request_status_history
CREATE TABLE "request_status_history" ("id" integer primary key autoincrement, "request_id" integer not null references "requests" ("id") on delete cascade, "from_status" text, "to_status" text not null, "note" text default '' not null, "changed_at" text not null, "changed_by" integer not null references "users" ("id"));

-- table requests on requests
CREATE TABLE "requests" ("id" integer primary key autoincrement, "resident_id" integer not null references "residents" ("id"), "kind_id" integer not null references "service_kinds" ("id"), "urgency" text not null check (urgency in ('low', 'normal', 'urgent')), "channel" text not null check (channel in ('walkIn', 'phone', 'referral', 'outreach')), "description" text default '' not null, "status" text not null check (status in ('new', 'planned', 'inProgress', 'done', 'cancelled', 'referred')), "created_at" text not null, "created_on" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"));

-- table resident_phones on resident_phones
CREATE TABLE "resident_phones" ("id" integer primary key autoincrement, "resident_id" integer not null references "residents" ("id") on delete cascade, "position" integer not null, "raw" text not null, "national" text not null);

-- table resident_search_terms on resident_search_terms
CREATE TABLE "resident_search_terms" ("resident_id" integer not null references "residents" ("id") on delete cascade, "term" text not null, "rank" integer not null);

-- table residents on residents
CREATE TABLE "residents" ("id" integer primary key autoincrement, "last_name" text not null, "first_name" text not null, "patronymic" text default '' not null, "sort_key" text not null, "name_key" text not null, "short_name_key" text not null, "birth_year" integer, "settlement" text default '' not null, "street" text default '' not null, "house" text default '' not null, "flat" text default '' not null, "lives_alone" integer default 0 not null, "pensioner" integer default 0 not null, "disability" integer default 0 not null, "family_in_difficulty" integer default 0 not null, "displaced" integer default 0 not null, "household_size" integer, "regular_care" integer default 0 not null, "checkin_interval_days" integer, "notes" text default '' not null, "created_at" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"));

-- table schema_migrations on schema_migrations
CREATE TABLE schema_migrations (name text primary key, applied_at text not null);

-- table service_kinds on service_kinds
CREATE TABLE "service_kinds" ("id" integer primary key autoincrement, "code" text unique, "name" text, "is_paid" integer default 0 not null, "mode" text not null check (mode in ('volunteer', 'desk')), "sort_order" integer default 1000 not null, "archived_at" text, "created_at" text not null, "created_by" integer not null references "users" ("id"), constraint "service_kinds_code_or_name" check (code is not null or name is not null));

-- table settings on settings
CREATE TABLE "settings" ("key" text primary key, "value" text not null);

-- table users on users
CREATE TABLE "users" ("id" integer primary key autoincrement, "name" text not null, "role" text not null check (role in ('frontdesk', 'coordinator', 'treasurer', 'admin')), "language" text, "created_at" text not null);
