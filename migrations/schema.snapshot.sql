-- The schema after all migrations. Written by migrations/migrations.test.ts; do not edit by hand.
-- index aid_items_name_size on aid_items
CREATE UNIQUE INDEX aid_items_name_size on aid_items (name, size);

-- index aid_movements_corrects on aid_movements
CREATE INDEX aid_movements_corrects on aid_movements (corrects_id) where corrects_id is not null;

-- index aid_movements_day on aid_movements
CREATE INDEX "aid_movements_day" on "aid_movements" ("on_date", "id");

-- index aid_movements_event on aid_movements
CREATE INDEX aid_movements_event on aid_movements (event_id, on_date, id) where event_id is not null;

-- index aid_movements_household on aid_movements
CREATE INDEX aid_movements_household on aid_movements (household_id, on_date) where household_id is not null;

-- index aid_movements_item on aid_movements
CREATE INDEX "aid_movements_item" on "aid_movements" ("item_id", "on_date", "id");

-- index aid_movements_resident on aid_movements
CREATE INDEX aid_movements_resident on aid_movements (resident_id, on_date) where resident_id is not null;

-- index aid_movements_valued on aid_movements
CREATE INDEX aid_movements_valued on aid_movements (on_date, id) where kind = 'received' and value_minor is not null;

-- index assessment_needs_area on assessment_needs
CREATE INDEX "assessment_needs_area" on "assessment_needs" ("area_id");

-- index assessment_needs_assessment on assessment_needs
CREATE UNIQUE INDEX "assessment_needs_assessment" on "assessment_needs" ("assessment_id", "area_id");

-- index assessment_options_code on assessment_options
CREATE UNIQUE INDEX assessment_options_code on assessment_options (list, code) where code is not null;

-- index assessments_day on assessments
CREATE INDEX assessments_day on assessments (assessed_on) where resident_id is not null;

-- index assessments_follow_up on assessments
CREATE INDEX assessments_follow_up on assessments (follow_up_on) where follow_up_on is not null;

-- index assessments_household on assessments
CREATE INDEX assessments_household on assessments (household_id, assessed_on) where household_id is not null;

-- index assessments_kind on assessments
CREATE INDEX "assessments_kind" on "assessments" ("kind_id", "assessed_on");

-- index assessments_resident on assessments
CREATE INDEX assessments_resident on assessments (resident_id, assessed_on) where resident_id is not null;

-- index audit_log_at on audit_log
CREATE INDEX "audit_log_at" on "audit_log" ("at");

-- index audit_log_call on audit_log
CREATE INDEX "audit_log_call" on "audit_log" ("call", "at");

-- index audit_log_entity on audit_log
CREATE INDEX "audit_log_entity" on "audit_log" ("entity_type", "entity_id");

-- index audit_log_resident on audit_log
CREATE INDEX "audit_log_resident" on "audit_log" ("resident_id", "at");

-- index audit_log_user on audit_log
CREATE INDEX "audit_log_user" on "audit_log" ("user_id", "at");

-- index audit_log_user_call on audit_log
CREATE INDEX "audit_log_user_call" on "audit_log" ("user_id", "call", "at");

-- index budget_lines_grant on budget_lines
CREATE INDEX "budget_lines_grant" on "budget_lines" ("grant_id");

-- index care_periods_from on care_periods
CREATE INDEX care_periods_from on care_periods (from_on, to_on, resident_id);

-- index care_periods_resident on care_periods
CREATE INDEX care_periods_resident on care_periods (resident_id, from_on);

-- index case_actions_case on case_actions
CREATE INDEX "case_actions_case" on "case_actions" ("case_id", "due_on");

-- index case_contacts_case on case_contacts
CREATE INDEX "case_contacts_case" on "case_contacts" ("case_id", "contact_on");

-- index case_contacts_day on case_contacts
CREATE INDEX case_contacts_day on case_contacts (contact_on, case_id);

-- index case_goals_case on case_goals
CREATE INDEX "case_goals_case" on "case_goals" ("case_id", "position");

-- index case_reviews_case on case_reviews
CREATE INDEX "case_reviews_case" on "case_reviews" ("case_id", "reviewed_on");

-- index cases_household on cases
CREATE INDEX cases_household on cases (household_id, opened_on) where household_id is not null;

-- index cases_one_open_household on cases
CREATE UNIQUE INDEX cases_one_open_household on cases (household_id) where status = 'open' and household_id is not null;

-- index cases_one_open_resident on cases
CREATE UNIQUE INDEX cases_one_open_resident on cases (resident_id) where status = 'open' and resident_id is not null;

-- index cases_resident on cases
CREATE INDEX cases_resident on cases (resident_id, opened_on) where resident_id is not null;

-- index cases_worker_open on cases
CREATE INDEX cases_worker_open on cases (worker_id, next_review_on) where status = 'open';

-- index cash_entries_account_balance on cash_entries
CREATE INDEX "cash_entries_account_balance" on "cash_entries" ("account_id", "entry_date", "id", "amount_minor");

-- index cash_entries_advance on cash_entries
CREATE INDEX "cash_entries_advance" on "cash_entries" ("advance_id");

-- index cash_entries_category on cash_entries
CREATE INDEX "cash_entries_category" on "cash_entries" ("category_id", "entry_date");

-- index cash_entries_date on cash_entries
CREATE INDEX "cash_entries_date" on "cash_entries" ("entry_date", "id", "search_text");

-- index cash_entries_grant on cash_entries
CREATE INDEX "cash_entries_grant" on "cash_entries" ("grant_id", "budget_line_id");

-- index cash_entries_transfer on cash_entries
CREATE INDEX cash_entries_transfer on cash_entries (transfer_group) where transfer_group is not null;

-- index cash_ups_day on cash_ups
CREATE INDEX "cash_ups_day" on "cash_ups" ("day", "account_id");

-- index event_attendance_event on event_attendance
CREATE INDEX "event_attendance_event" on "event_attendance" ("event_id", "status");

-- index event_attendance_once on event_attendance
CREATE UNIQUE INDEX event_attendance_once on event_attendance (event_id, resident_id) where resident_id is not null;

-- index event_attendance_resident on event_attendance
CREATE INDEX event_attendance_resident on event_attendance (resident_id, event_id) where resident_id is not null;

-- index event_organisers_event on event_organisers
CREATE INDEX "event_organisers_event" on "event_organisers" ("event_id", "id");

-- index event_organisers_of_volunteer on event_organisers
CREATE INDEX event_organisers_of_volunteer on event_organisers (volunteer_id) where volunteer_id is not null;

-- index event_organisers_user on event_organisers
CREATE UNIQUE INDEX event_organisers_user on event_organisers (event_id, user_id) where user_id is not null;

-- index event_organisers_volunteer on event_organisers
CREATE UNIQUE INDEX event_organisers_volunteer on event_organisers (event_id, volunteer_id) where volunteer_id is not null;

-- index events_day on events
CREATE INDEX "events_day" on "events" ("starts_on", "id");

-- index events_kind_day on events
CREATE INDEX "events_kind_day" on "events" ("kind", "starts_on", "id");

-- index events_project on events
CREATE INDEX events_project on events (project_id) where project_id is not null;

-- index grant_tranches_grant on grant_tranches
CREATE INDEX "grant_tranches_grant" on "grant_tranches" ("grant_id");

-- index help_plans_resident on help_plans
CREATE INDEX "help_plans_resident" on "help_plans" ("resident_id");

-- index help_plans_volunteer on help_plans
CREATE INDEX help_plans_volunteer on help_plans (volunteer_id) where volunteer_id is not null;

-- index household_members_household on household_members
CREATE INDEX "household_members_household" on "household_members" ("household_id", "from_on");

-- index household_members_one_head on household_members
CREATE UNIQUE INDEX household_members_one_head on household_members (household_id) where relation = 'head' and to_on is null;

-- index household_members_one_household on household_members
CREATE UNIQUE INDEX household_members_one_household on household_members (resident_id) where to_on is null and resident_id is not null;

-- index household_members_resident on household_members
CREATE INDEX household_members_resident on household_members (resident_id, from_on, to_on, household_id) where resident_id is not null;

-- index import_fingerprints_entity on import_fingerprints
CREATE INDEX "import_fingerprints_entity" on "import_fingerprints" ("entity_id");

-- index import_fingerprints_report on import_fingerprints
CREATE INDEX "import_fingerprints_report" on "import_fingerprints" ("report_id");

-- index import_mappings_kind_name on import_mappings
CREATE UNIQUE INDEX "import_mappings_kind_name" on "import_mappings" ("kind", "name");

-- index in_kind_aid_movement on in_kind
CREATE UNIQUE INDEX in_kind_aid_movement on in_kind (aid_movement_id) where aid_movement_id is not null;

-- index in_kind_month on in_kind
CREATE INDEX "in_kind_month" on "in_kind" ("month_key");

-- index project_activities_project on project_activities
CREATE INDEX "project_activities_project" on "project_activities" ("project_id", "id");

-- index project_attendance_activity on project_attendance
CREATE INDEX "project_attendance_activity" on "project_attendance" ("activity_id", "participant_id");

-- index project_attendance_day on project_attendance
CREATE INDEX project_attendance_day on project_attendance (attended_on, participant_id);

-- index project_attendance_participant on project_attendance
CREATE INDEX "project_attendance_participant" on "project_attendance" ("participant_id", "attended_on");

-- index project_participants_once on project_participants
CREATE UNIQUE INDEX project_participants_once on project_participants (project_id, resident_id) where status = 'active' and resident_id is not null;

-- index project_participants_project on project_participants
CREATE INDEX "project_participants_project" on "project_participants" ("project_id", "status", "contract_on");

-- index project_participants_resident on project_participants
CREATE INDEX project_participants_resident on project_participants (resident_id, recruited_on) where resident_id is not null;

-- index projects_grant on projects
CREATE INDEX projects_grant on projects (grant_id) where grant_id is not null;

-- index projects_period on projects
CREATE INDEX "projects_period" on "projects" ("starts_on", "id");

-- index request_status_history_request on request_status_history
CREATE INDEX "request_status_history_request" on "request_status_history" ("request_id", "id");

-- index requests_created_on on requests
CREATE INDEX "requests_created_on" on "requests" ("created_on");

-- index requests_day_resident on requests
CREATE INDEX requests_day_resident on requests (created_on, resident_id, kind_id, status);

-- index requests_kind on requests
CREATE INDEX "requests_kind" on "requests" ("kind_id", "created_on");

-- index requests_resident on requests
CREATE INDEX "requests_resident" on "requests" ("resident_id", "created_on");

-- index requests_status on requests
CREATE INDEX "requests_status" on "requests" ("status", "created_on");

-- index resident_consents_resident on resident_consents
CREATE INDEX "resident_consents_resident" on "resident_consents" ("resident_id", "withdrawn_at");

-- index resident_match_keys_resident on resident_match_keys
CREATE INDEX resident_match_keys_resident on resident_match_keys (resident_id);

-- index resident_merges_survivor on resident_merges
CREATE INDEX resident_merges_survivor on resident_merges (survivor_id, merged_at);

-- index resident_phones_national on resident_phones
CREATE INDEX "resident_phones_national" on "resident_phones" ("national");

-- index resident_phones_resident on resident_phones
CREATE INDEX "resident_phones_resident" on "resident_phones" ("resident_id", "position");

-- index resident_search_terms_resident on resident_search_terms
CREATE INDEX "resident_search_terms_resident" on "resident_search_terms" ("resident_id", "term");

-- index resident_search_terms_term on resident_search_terms
CREATE INDEX "resident_search_terms_term" on "resident_search_terms" ("term", "rank", "resident_id");

-- index residents_care on residents
CREATE INDEX residents_care on residents (sort_key) where regular_care = 1;

-- index residents_created on residents
CREATE INDEX residents_created on residents (created_at);

-- index residents_last_activity on residents
CREATE INDEX residents_last_activity on residents (last_activity_on) where erased_at is null;

-- index residents_name_key on residents
CREATE INDEX "residents_name_key" on "residents" ("name_key", "birth_year");

-- index residents_no_activity on residents
CREATE INDEX residents_no_activity on residents (created_at) where last_activity_on is null and erased_at is null;

-- index residents_settlement on residents
CREATE INDEX "residents_settlement" on "residents" ("settlement", "sort_key");

-- index residents_settlement_by_id on residents
CREATE INDEX residents_settlement_by_id on residents (id, settlement);

-- index residents_short_name_key on residents
CREATE INDEX "residents_short_name_key" on "residents" ("short_name_key", "birth_year");

-- index residents_sort_key on residents
CREATE INDEX "residents_sort_key" on "residents" ("sort_key");

-- index sales_day on sales
CREATE INDEX "sales_day" on "sales" ("day", "kind_id");

-- index sales_resident on sales
CREATE INDEX "sales_resident" on "sales" ("resident_id");

-- index service_prices_kind on service_prices
CREATE INDEX "service_prices_kind" on "service_prices" ("kind_id", "valid_from");

-- index shelter_stays_household on shelter_stays
CREATE INDEX shelter_stays_household on shelter_stays (household_id) where household_id is not null;

-- index shelter_stays_one_at_a_time on shelter_stays
CREATE UNIQUE INDEX shelter_stays_one_at_a_time on shelter_stays (resident_id) where checked_out_on is null and resident_id is not null;

-- index shelter_stays_period on shelter_stays
CREATE INDEX "shelter_stays_period" on "shelter_stays" ("checked_in_on", "id");

-- index shelter_stays_present on shelter_stays
CREATE INDEX shelter_stays_present on shelter_stays (shelter_id, checked_in_on, id) where checked_out_on is null;

-- index shelter_stays_resident on shelter_stays
CREATE INDEX shelter_stays_resident on shelter_stays (resident_id, checked_in_on) where resident_id is not null;

-- index sign_in_events_user_at on sign_in_events
CREATE INDEX "sign_in_events_user_at" on "sign_in_events" ("user_id", "at");

-- index task_volunteers_minutes on task_volunteers
CREATE INDEX task_volunteers_minutes on task_volunteers (task_id, volunteer_id, minutes_spent);

-- index task_volunteers_volunteer on task_volunteers
CREATE INDEX "task_volunteers_volunteer" on "task_volunteers" ("volunteer_id", "task_id");

-- index tasks_batch_resident on tasks
CREATE UNIQUE INDEX "tasks_batch_resident" on "tasks" ("batch_key", "resident_id") where "batch_key" is not null;

-- index tasks_done_day on tasks
CREATE INDEX tasks_done_day on tasks (coalesce(done_on, scheduled_on), kind_id, resident_id, status, done_on, scheduled_on) where status = 'done';

-- index tasks_open_day on tasks
CREATE INDEX tasks_open_day on tasks (scheduled_on) where status in ('planned', 'assigned');

-- index tasks_plan_day on tasks
CREATE UNIQUE INDEX "tasks_plan_day" on "tasks" ("plan_id", "scheduled_on") where "plan_id" is not null;

-- index tasks_request on tasks
CREATE INDEX "tasks_request" on "tasks" ("request_id");

-- index tasks_resident on tasks
CREATE INDEX "tasks_resident" on "tasks" ("resident_id", "scheduled_on");

-- index tasks_resident_done on tasks
CREATE INDEX tasks_resident_done on tasks (resident_id, done_on) where status = 'done';

-- index tasks_scheduled on tasks
CREATE INDEX "tasks_scheduled" on "tasks" ("scheduled_on", "status");

-- index volunteer_advances_task on volunteer_advances
CREATE INDEX "volunteer_advances_task" on "volunteer_advances" ("task_id");

-- index volunteer_advances_volunteer on volunteer_advances
CREATE INDEX volunteer_advances_volunteer on volunteer_advances (volunteer_id);

-- index volunteer_merges_survivor on volunteer_merges
CREATE INDEX volunteer_merges_survivor on volunteer_merges (survivor_id, merged_at);

-- index volunteer_phones_volunteer on volunteer_phones
CREATE INDEX "volunteer_phones_volunteer" on "volunteer_phones" ("volunteer_id", "position");

-- index volunteer_search_terms_term on volunteer_search_terms
CREATE INDEX "volunteer_search_terms_term" on "volunteer_search_terms" ("term", "rank", "volunteer_id");

-- index volunteer_search_terms_volunteer on volunteer_search_terms
CREATE INDEX "volunteer_search_terms_volunteer" on "volunteer_search_terms" ("volunteer_id", "term");

-- index volunteers_sort_key on volunteers
CREATE INDEX "volunteers_sort_key" on "volunteers" ("sort_key");

-- table aid_items on aid_items
CREATE TABLE "aid_items" ("id" integer primary key autoincrement, "name" text not null, "size" text default '' not null, "unit" text not null check (unit in ('piece', 'pair', 'parcel', 'kit', 'bottle', 'pack', 'set', 'kg', 'litre', 'm3')), "stock" integer default 0 not null, "archived_at" text, "created_at" text not null, "created_by" integer not null references "users" ("id"));

-- table aid_movements on aid_movements
CREATE TABLE "aid_movements" ("id" integer primary key autoincrement, "item_id" integer not null references "aid_items" ("id"), "kind" text not null check (kind in ('received', 'given', 'adjusted', 'correction')), "on_date" text not null, "delta" integer not null, "corrects_id" integer references "aid_movements" ("id"), "from_whom" text default '' not null, "value_minor" integer, "currency" text, "resident_id" integer references "residents" ("id"), "household_id" integer references "households" ("id"), "event_id" integer references "events" ("id"), "head_count" integer, "reason" text check (reason in ('spoiled', 'counted', 'lost', 'other')), "note" text default '' not null, "created_at" text not null, "created_by" integer not null references "users" ("id"), constraint "aid_movements_delta" check (delta <> 0), constraint "aid_movements_sign" check ((kind = 'received' and delta > 0) or (kind = 'given' and delta < 0) or kind in ('adjusted', 'correction')), constraint "aid_movements_correction" check ((kind = 'correction') = (corrects_id is not null)), constraint "aid_movements_value" check ((value_minor is null) = (currency is null) and (value_minor is null or value_minor >= 0)));

-- table annual_budgets on annual_budgets
CREATE TABLE "annual_budgets" ("year" integer not null, "category_id" integer not null references "cash_categories" ("id"), "planned_minor" integer not null check (planned_minor >= 0), "currency" text not null check (length(currency) = 3), constraint "annual_budgets_pk" primary key ("year", "category_id"));

-- table assessment_needs on assessment_needs
CREATE TABLE "assessment_needs" ("id" integer primary key autoincrement, "assessment_id" integer not null references "assessments" ("id"), "area_id" integer not null references "assessment_options" ("id"), "severity" text not null check (severity in ('low', 'medium', 'high', 'urgent')));

-- table assessment_options on assessment_options
CREATE TABLE "assessment_options" ("id" integer primary key autoincrement, "list" text not null check (list in ('kind', 'area')), "code" text, "name" text, "sort_order" integer default 1000 not null, "archived_at" text, "created_at" text not null, constraint "assessment_options_label" check ((code is null) <> (name is null)));

-- table assessments on assessments
CREATE TABLE "assessments" ("id" integer primary key autoincrement, "resident_id" integer references "residents" ("id"), "household_id" integer references "households" ("id"), "kind_id" integer not null references "assessment_options" ("id"), "assessed_on" text not null, "worker_id" integer not null references "users" ("id"), "conclusion" text default '' not null, "services" text default '' not null, "follow_up_on" text, "erased_at" text, "created_at" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"), constraint "assessments_subject" check (resident_id is null or household_id is null), constraint "assessments_follow_up" check (follow_up_on is null or follow_up_on >= assessed_on));

-- table audit_log on audit_log
CREATE TABLE "audit_log" ("id" integer primary key, "at" text not null, "user_id" integer, "role" text, "action" text not null, "call" text not null, "entity_type" text, "entity_id" text, "resident_id" integer, "outcome" text not null, "details" text, "prev_hash" text not null, "hash" text not null unique);

-- table budget_lines on budget_lines
CREATE TABLE "budget_lines" ("id" integer primary key autoincrement, "grant_id" integer not null references "grants" ("id"), "name" text not null, "planned_minor" integer not null check (planned_minor >= 0), "sort_order" integer default 1000 not null, "created_at" text not null);

-- table care_periods on care_periods
CREATE TABLE care_periods (
    id integer primary key,
    resident_id integer not null references residents (id),
    from_on text not null,
    to_on text,
    check (to_on is null or to_on >= from_on)
  );

-- table case_actions on case_actions
CREATE TABLE "case_actions" ("id" integer primary key autoincrement, "case_id" integer not null references "cases" ("id"), "text" text not null, "due_on" text not null, "responsible_user_id" integer references "users" ("id"), "responsible_text" text default '' not null, "done_on" text, "created_at" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"));

-- table case_contacts on case_contacts
CREATE TABLE "case_contacts" ("id" integer primary key autoincrement, "case_id" integer not null references "cases" ("id"), "contact_on" text not null, "kind" text not null check (kind in ('visit', 'call', 'meeting', 'referral', 'psychologicalConsultation', 'legalConsultation')), "note" text default '' not null, "by_user_id" integer not null references "users" ("id"), "created_at" text not null);

-- table case_goals on case_goals
CREATE TABLE "case_goals" ("id" integer primary key autoincrement, "case_id" integer not null references "cases" ("id"), "position" integer not null, "text" text not null);

-- table case_reviews on case_reviews
CREATE TABLE "case_reviews" ("id" integer primary key autoincrement, "case_id" integer not null references "cases" ("id"), "reviewed_on" text not null, "note" text default '' not null, "next_review_on" text, "by_user_id" integer not null references "users" ("id"), "created_at" text not null);

-- table cases on cases
CREATE TABLE "cases" ("id" integer primary key autoincrement, "resident_id" integer references "residents" ("id"), "household_id" integer references "households" ("id"), "opened_on" text not null, "worker_id" integer not null references "users" ("id"), "status" text default 'open' not null check (status in ('open', 'closed')), "closed_on" text, "outcome" text check (outcome in ('goalsMet', 'partlyMet', 'droppedOut', 'moved', 'referred')), "closing_note" text default '' not null, "agreement_on" text, "agreement_note" text default '' not null, "next_review_on" text, "assessment_id" integer references "assessments" ("id"), "erased_at" text, "created_at" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"), constraint "cases_one_subject" check (resident_id is null or household_id is null), constraint "cases_closed" check ((status = 'closed') = (closed_on is not null) and (closed_on is null) = (outcome is null)), constraint "cases_closed_after_opened" check (closed_on is null or closed_on >= opened_on));

-- table cash_accounts on cash_accounts
CREATE TABLE "cash_accounts" ("id" integer primary key autoincrement, "name" text not null, "kind" text not null check (kind in ('cash', 'bank', 'other')), "currency" text not null check (length(currency) = 3), "opening_balance_minor" integer default 0 not null, "opening_date" text not null, "sort_order" integer default 1000 not null, "archived_at" text, "created_at" text not null, "created_by" integer not null references "users" ("id"));

-- table cash_categories on cash_categories
CREATE TABLE "cash_categories" ("id" integer primary key autoincrement, "code" text unique, "name" text, "direction" text not null check (direction in ('income', 'expense')), "sort_order" integer default 1000 not null, "archived_at" text, "created_at" text not null, constraint "cash_categories_code_or_name" check (code is not null or name is not null));

-- table cash_entries on cash_entries
CREATE TABLE "cash_entries" ("id" integer primary key autoincrement, "account_id" integer not null references "cash_accounts" ("id"), "entry_date" text not null, "month_key" text not null, "amount_minor" integer not null check (amount_minor <> 0), "currency" text not null check (length(currency) = 3), "category_id" integer references "cash_categories" ("id"), "source" text not null check (source in ('manual', 'sale', 'rent', 'advance', 'tranche', 'transfer', 'reversal')), "transfer_group" text, "counterparty" text default '' not null, "document_no" text default '' not null, "note" text default '' not null, "grant_id" integer references "grants" ("id"), "budget_line_id" integer references "budget_lines" ("id"), "reverses_entry_id" integer unique references "cash_entries" ("id"), "advance_id" integer references "volunteer_advances" ("id"), "created_at" text not null, "created_by" integer not null references "users" ("id"), search_text text not null default '', constraint "cash_entries_category_or_transfer" check (category_id is not null or transfer_group is not null));

-- table cash_month_totals on cash_month_totals
CREATE TABLE "cash_month_totals" ("account_id" integer not null references "cash_accounts" ("id"), "month_key" text not null, "category_key" integer not null, "in_minor" integer default 0 not null, "out_minor" integer default 0 not null, "entries" integer default 0 not null, constraint "cash_month_totals_pk" primary key ("account_id", "month_key", "category_key"));

-- table cash_ups on cash_ups
CREATE TABLE "cash_ups" ("id" integer primary key autoincrement, "day" text not null, "account_id" integer not null references "cash_accounts" ("id"), "expected_minor" integer not null, "counted_minor" integer not null check (counted_minor >= 0), "difference_minor" integer not null, "currency" text not null check (length(currency) = 3), "note" text default '' not null, "created_at" text not null, "created_by" integer not null references "users" ("id"), constraint "cash_ups_difference" check (difference_minor = counted_minor - expected_minor));

-- table contact_months on contact_months
CREATE TABLE contact_months (
    month text not null,
    resident_id integer not null,
    kind integer not null check (kind between 1 and 8),
    n integer not null check (n > 0),
    primary key (month, resident_id, kind)
  );

-- table event_attendance on event_attendance
CREATE TABLE "event_attendance" ("id" integer primary key autoincrement, "event_id" integer not null references "events" ("id"), "resident_id" integer references "residents" ("id"), "status" text not null check (status in ('registered', 'attended', 'noShow')), "at_door" integer default 0 not null check (at_door in (0, 1)), "note" text default '' not null, "created_at" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"));

-- table event_head_counts on event_head_counts
CREATE TABLE "event_head_counts" ("event_id" integer not null references "events" ("id"), "band" text not null check (band in ('women', 'men', 'girls', 'boys')), "count" integer not null check (count >= 0), constraint "event_head_counts_pk" primary key ("event_id", "band"));

-- table event_organisers on event_organisers
CREATE TABLE "event_organisers" ("id" integer primary key autoincrement, "event_id" integer not null references "events" ("id"), "user_id" integer references "users" ("id"), "volunteer_id" integer references "volunteers" ("id"), "role" text default '' not null, "minutes" integer check (minutes is null or minutes >= 0), "created_at" text not null, "created_by" integer not null references "users" ("id"), constraint "event_organisers_one" check ((user_id is null) <> (volunteer_id is null)));

-- table events on events
CREATE TABLE "events" ("id" integer primary key autoincrement, "title" text not null, "kind" text not null check (kind in ('masterClass', 'consultationDay', 'awarenessEvent', 'campaign', 'partnerMeeting', 'distributionDay', 'streetWork', 'mobileTeamTrip')), "starts_on" text not null, "starts_at" text, "ends_at" text, "settlement" text default '' not null, "address" text default '' not null, "capacity" integer check (capacity is null or capacity >= 1), "partners" text default '' not null, "outreach_note" text default '' not null, "project_id" integer references "projects" ("id"), "created_at" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"), constraint "events_times" check (ends_at is null or (starts_at is not null and ends_at >= starts_at)));

-- table grant_tranches on grant_tranches
CREATE TABLE "grant_tranches" ("id" integer primary key autoincrement, "grant_id" integer not null references "grants" ("id"), "expected_on" text not null, "amount_minor" integer not null check (amount_minor > 0), "received_entry_id" integer unique references "cash_entries" ("id"), "note" text default '' not null, "created_at" text not null);

-- table grants on grants
CREATE TABLE "grants" ("id" integer primary key autoincrement, "funder" text not null, "title" text not null, "starts_on" text not null, "ends_on" text not null, "currency" text not null check (length(currency) = 3), "amount_minor" integer not null check (amount_minor >= 0), "note" text default '' not null, "created_at" text not null, "created_by" integer not null references "users" ("id"), constraint "grants_period" check (starts_on <= ends_on));

-- table help_plans on help_plans
CREATE TABLE "help_plans" ("id" integer primary key autoincrement, "resident_id" integer not null references "residents" ("id"), "kind_id" integer not null references "service_kinds" ("id"), "rule" text not null check (rule in ('weekly', 'everyNDays')), "weekday" integer check (weekday is null or weekday between 1 and 7), "interval_days" integer check (interval_days is null or interval_days between 1 and 366), "season_from_month" integer check (season_from_month is null or season_from_month between 1 and 12), "season_to_month" integer check (season_to_month is null or season_to_month between 1 and 12), "part_of_day" text check (part_of_day is null or part_of_day in ('morning', 'afternoon', 'evening')), "estimated_minutes" integer, "volunteer_id" integer references "volunteers" ("id"), "starts_on" text not null, "ends_on" text, "ended_reason" text, "note" text default '' not null, "created_at" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"));

-- table household_members on household_members
CREATE TABLE "household_members" ("id" integer primary key autoincrement, "household_id" integer not null references "households" ("id"), "resident_id" integer references "residents" ("id"), "relation" text not null check (relation in ('head', 'spouse', 'partner', 'child', 'stepchild', 'fosterChild', 'grandchild', 'parent', 'grandparent', 'sibling', 'otherRelative', 'nonRelative')), "birth_year" integer, "from_on" text not null, "to_on" text, "end_reason" text check (end_reason in ('moved', 'split', 'left', 'deceased', 'relationChanged')), "from_household_id" integer references "households" ("id"), "to_household_id" integer references "households" ("id"), "created_at" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"), constraint "household_members_birth_year" check (birth_year is null or (resident_id is null and birth_year >= 1900)), constraint "household_members_ended" check ((to_on is null) = (end_reason is null)), constraint "household_members_period" check (to_on is null or to_on >= from_on));

-- table households on households
CREATE TABLE "households" ("id" integer primary key autoincrement, "settlement" text default '' not null, "street" text default '' not null, "house" text default '' not null, "flat" text default '' not null, "formed_on" text not null, "closed_on" text, "split_from_id" integer references "households" ("id"), "created_at" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"), constraint "households_closed_after_formed" check (closed_on is null or closed_on >= formed_on));

-- table import_fingerprints on import_fingerprints
CREATE TABLE "import_fingerprints" ("fingerprint" text primary key, "report_id" integer not null references "import_reports" ("id"), "entity_id" integer);

-- table import_mappings on import_mappings
CREATE TABLE "import_mappings" ("id" integer primary key autoincrement, "kind" text not null, "name" text not null, "mapping" text not null, "created_at" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null);

-- table import_reports on import_reports
CREATE TABLE "import_reports" ("id" integer primary key autoincrement, "kind" text not null, "file_name" text not null, "encoding" text, "separator" text, "row_count" integer not null, "created" integer not null, "updated" integer not null, "duplicates" integer not null, "rejected" integer not null, "rejected_rows" text not null, "at" text not null, "by" integer not null references "users" ("id"));

-- table in_kind on in_kind
CREATE TABLE "in_kind" ("id" integer primary key autoincrement, "entry_date" text not null, "month_key" text not null, "kind" text not null check (kind in ('rentDiscount', 'goods', 'services')), "donor" text default '' not null, "description" text default '' not null, "value_minor" integer not null check (value_minor > 0), "currency" text not null check (length(currency) = 3), "grant_id" integer references "grants" ("id"), "rent_charge_id" integer unique references "rent_charges" ("id"), "created_at" text not null, "created_by" integer not null references "users" ("id"), aid_movement_id integer references aid_movements (id));

-- table kind_skills on kind_skills
CREATE TABLE "kind_skills" ("kind_id" integer not null references "service_kinds" ("id") on delete cascade, "skill_id" integer not null references "skills" ("id") on delete cascade, constraint "kind_skills_pk" primary key ("kind_id", "skill_id"));

-- table leases on leases
CREATE TABLE "leases" ("id" integer primary key autoincrement, "landlord" text not null, "premises" text not null, "currency" text not null check (length(currency) = 3), "market_rent_minor" integer not null check (market_rent_minor >= 0), "paid_rent_minor" integer not null check (paid_rent_minor >= 0), "due_day" integer not null check (due_day between 1 and 28), "starts_on" text not null, "ends_on" text, "account_id" integer references "cash_accounts" ("id"), "note" text default '' not null, "created_at" text not null, "created_by" integer not null references "users" ("id"));

-- table project_activities on project_activities
CREATE TABLE "project_activities" ("id" integer primary key autoincrement, "project_id" integer not null references "projects" ("id"), "kind" text not null check (kind in ('training', 'course', 'internship', 'selfHelpGroup', 'counselling', 'healthDay', 'other')), "name" text not null, "created_at" text not null, "created_by" integer not null references "users" ("id"));

-- table project_attendance on project_attendance
CREATE TABLE "project_attendance" ("id" integer primary key autoincrement, "participant_id" integer not null references "project_participants" ("id"), "activity_id" integer not null references "project_activities" ("id"), "attended_on" text not null, "sessions" integer not null check (sessions >= 1), "minutes" integer check (minutes is null or minutes >= 0), "created_at" text not null, "created_by" integer not null references "users" ("id"));

-- table project_participants on project_participants
CREATE TABLE "project_participants" ("id" integer primary key autoincrement, "project_id" integer not null references "projects" ("id"), "resident_id" integer references "residents" ("id"), "recruited_on" text not null, "contract_on" text, "status" text not null check (status in ('active', 'completed', 'droppedOut')), "ended_on" text, "drop_reason" text default '' not null, "note" text default '' not null, "created_at" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"), constraint "project_participants_ended" check ((status = 'active') = (ended_on is null)), constraint "project_participants_contract" check (contract_on is null or contract_on >= recruited_on), constraint "project_participants_order" check (ended_on is null or ended_on >= recruited_on));

-- table projects on projects
CREATE TABLE "projects" ("id" integer primary key autoincrement, "name" text not null, "funder" text default '' not null, "starts_on" text not null, "ends_on" text not null, "grant_id" integer references "grants" ("id"), "target_recruited" integer check (target_recruited is null or target_recruited >= 0), "target_completed" integer check (target_completed is null or target_completed >= 0), "created_at" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"), constraint "projects_period" check (starts_on <= ends_on));

-- table rent_charges on rent_charges
CREATE TABLE "rent_charges" ("id" integer primary key autoincrement, "lease_id" integer not null references "leases" ("id"), "month_key" text not null, "due_on" text not null, "amount_minor" integer not null check (amount_minor >= 0), "market_minor" integer not null check (market_minor >= 0), "entry_id" integer unique references "cash_entries" ("id"), "created_at" text not null, constraint "rent_charges_month" unique ("lease_id", "month_key"));

-- table request_status_history on request_status_history
CREATE TABLE "request_status_history" ("id" integer primary key autoincrement, "request_id" integer not null references "requests" ("id") on delete cascade, "from_status" text, "to_status" text not null, "note" text default '' not null, "changed_at" text not null, "changed_by" integer not null references "users" ("id"));

-- table requests on requests
CREATE TABLE "requests" ("id" integer primary key autoincrement, "resident_id" integer not null references "residents" ("id"), "kind_id" integer not null references "service_kinds" ("id"), "urgency" text not null check (urgency in ('low', 'normal', 'urgent')), "channel" text not null check (channel in ('walkIn', 'phone', 'referral', 'outreach')), "description" text default '' not null, "status" text not null check (status in ('new', 'planned', 'inProgress', 'done', 'cancelled', 'referred')), "created_at" text not null, "created_on" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"));

-- table resident_consents on resident_consents
CREATE TABLE "resident_consents" ("id" integer primary key autoincrement, "resident_id" integer not null references "residents" ("id"), "basis" text not null check (basis in ('consent', 'vitalInterests', 'socialCareLaw', 'legitimateInterest')), "scope_basic" integer default 1 not null check (scope_basic in (0, 1)), "scope_health" integer default 0 not null check (scope_health in (0, 1)), "scope_photos" integer default 0 not null check (scope_photos in (0, 1)), "given_on" text not null, "notice_version" text not null, "note" text default '' not null, "recorded_at" text not null, "recorded_by" integer not null references "users" ("id"), "withdrawn_on" text, "withdrawn_at" text, "withdrawn_by" integer references "users" ("id"), constraint "resident_consents_health_basis" check (scope_health = 0 or basis <> 'legitimateInterest'));

-- table resident_match_keys on resident_match_keys
CREATE TABLE resident_match_keys (
    key text not null,
    resident_id integer not null references residents (id) on delete cascade,
    primary key (key, resident_id)
  );

-- table resident_merges on resident_merges
CREATE TABLE resident_merges (
    id integer primary key autoincrement,
    survivor_id integer not null references residents (id),
    merged_id integer not null,
    merged_name text not null,
    merged_birth_year integer,
    fields text not null default '{}',
    moved text not null default '{}',
    merged_at text not null,
    merged_by integer not null references users (id)
  );

-- table resident_phones on resident_phones
CREATE TABLE "resident_phones" ("id" integer primary key autoincrement, "resident_id" integer not null references "residents" ("id") on delete cascade, "position" integer not null, "raw" text not null, "national" text not null);

-- table resident_search_terms on resident_search_terms
CREATE TABLE "resident_search_terms" ("resident_id" integer not null references "residents" ("id") on delete cascade, "term" text not null, "rank" integer not null);

-- table residents on residents
CREATE TABLE "residents" ("id" integer primary key autoincrement, "last_name" text not null, "first_name" text not null, "patronymic" text default '' not null, "sort_key" text not null, "name_key" text not null, "short_name_key" text not null, "birth_year" integer, "settlement" text default '' not null, "street" text default '' not null, "house" text default '' not null, "flat" text default '' not null, "lives_alone" integer default 0 not null, "pensioner" integer default 0 not null, "disability" integer default 0 not null, "family_in_difficulty" integer default 0 not null, "displaced" integer default 0 not null, "household_size" integer, "regular_care" integer default 0 not null, "checkin_interval_days" integer, "notes" text default '' not null, "created_at" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"), "needs_snow_clearing" integer default 0 not null, "left_on" text, "left_reason" text check (left_reason is null or left_reason in ('moved', 'deceased')), "health_needs" text default '' not null, "erased_at" text, last_activity_on text);

-- table sales on sales
CREATE TABLE "sales" ("id" integer primary key autoincrement, "sold_at" text not null, "day" text not null, "kind_id" integer not null references "service_kinds" ("id"), "price_id" integer not null references "service_prices" ("id"), "unit_price_minor" integer not null check (unit_price_minor >= 0), "quantity" integer not null check (quantity <> 0), "total_minor" integer not null, "currency" text not null check (length(currency) = 3), "payment" text not null check (payment in ('cash', 'card')), "resident_id" integer references "residents" ("id"), "account_id" integer not null references "cash_accounts" ("id"), "entry_id" integer unique references "cash_entries" ("id"), "reverses_sale_id" integer unique references "sales" ("id"), "created_at" text not null, "created_by" integer not null references "users" ("id"), constraint "sales_total" check (total_minor = unit_price_minor * quantity));

-- table schema_migrations on schema_migrations
CREATE TABLE schema_migrations (name text primary key, applied_at text not null);

-- table service_kinds on service_kinds
CREATE TABLE "service_kinds" ("id" integer primary key autoincrement, "code" text unique, "name" text, "is_paid" integer default 0 not null, "mode" text not null check (mode in ('volunteer', 'desk')), "sort_order" integer default 1000 not null, "archived_at" text, "created_at" text not null, "created_by" integer not null references "users" ("id"), constraint "service_kinds_code_or_name" check (code is not null or name is not null));

-- table service_prices on service_prices
CREATE TABLE "service_prices" ("id" integer primary key autoincrement, "kind_id" integer not null references "service_kinds" ("id"), "price_minor" integer not null check (price_minor >= 0), "currency" text not null check (length(currency) = 3), "unit" text default 'piece' not null, "valid_from" text not null, "created_at" text not null, "created_by" integer not null references "users" ("id"));

-- table settings on settings
CREATE TABLE "settings" ("key" text primary key, "value" text not null);

-- table shelter_stays on shelter_stays
CREATE TABLE "shelter_stays" ("id" integer primary key autoincrement, "shelter_id" integer not null references "shelters" ("id"), "resident_id" integer references "residents" ("id"), "household_id" integer references "households" ("id"), "bed" text default '' not null, "checked_in_on" text not null, "checked_out_on" text, "out_reason" text check (out_reason in ('ownHousing', 'relatives', 'leftTown', 'other')), "out_note" text default '' not null, "created_at" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"), constraint "shelter_stays_out" check ((checked_out_on is null) = (out_reason is null)), constraint "shelter_stays_period" check (checked_out_on is null or checked_out_on >= checked_in_on));

-- table shelters on shelters
CREATE TABLE "shelters" ("id" integer primary key autoincrement, "name" text not null, "address" text default '' not null, "places" integer not null check (places >= 1), "created_at" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"));

-- table sign_in_events on sign_in_events
CREATE TABLE "sign_in_events" ("id" integer primary key autoincrement, "user_id" integer references "users" ("id"), "kind" text not null check (kind in ('signIn', 'failure', 'lockout', 'unlock', 'unlockFailure', 'lock', 'signOut', 'passwordReset')), "method" text check (method in ('password', 'pin')), "at" text not null);

-- table skills on skills
CREATE TABLE "skills" ("id" integer primary key autoincrement, "code" text unique, "name" text, "archived_at" text, "created_at" text not null, constraint "skills_code_or_name" check (code is not null or name is not null));

-- table task_volunteers on task_volunteers
CREATE TABLE "task_volunteers" ("task_id" integer not null references "tasks" ("id") on delete cascade, "volunteer_id" integer not null references "volunteers" ("id"), "minutes_spent" integer, constraint "task_volunteers_pk" primary key ("task_id", "volunteer_id"));

-- table tasks on tasks
CREATE TABLE "tasks" ("id" integer primary key autoincrement, "request_id" integer references "requests" ("id"), "plan_id" integer references "help_plans" ("id"), "resident_id" integer not null references "residents" ("id"), "kind_id" integer not null references "service_kinds" ("id"), "scheduled_on" text not null, "part_of_day" text check (part_of_day is null or part_of_day in ('morning', 'afternoon', 'evening')), "start_time" text, "estimated_minutes" integer, "status" text not null check (status in ('planned', 'assigned', 'done', 'notDone', 'cancelled')), "not_done_reason" text, "done_on" text, "note" text default '' not null, "batch_key" text, "created_at" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"));

-- table users on users
CREATE TABLE "users" ("id" integer primary key autoincrement, "name" text not null, "role" text not null check (role in ('frontdesk', 'coordinator', 'treasurer', 'admin')), "language" text, "created_at" text not null, "password_hash" text, "pin_hash" text, "active" integer default 1 not null check (active in (0, 1)), "failed_attempts" integer default 0 not null, "locked_until" text, "password_changed_at" text);

-- table volunteer_advances on volunteer_advances
CREATE TABLE "volunteer_advances" ("id" integer primary key autoincrement, "task_id" integer not null references "tasks" ("id"), "volunteer_id" integer not null references "volunteers" ("id"), "amount_minor" integer not null check (amount_minor > 0), "currency" text not null, "note" text default '' not null, "settled_at" text, "created_at" text not null, "created_by" integer not null references "users" ("id"));

-- table volunteer_availability on volunteer_availability
CREATE TABLE "volunteer_availability" ("volunteer_id" integer not null references "volunteers" ("id") on delete cascade, "weekday" integer not null check (weekday between 1 and 7), "part" text not null check (part in ('morning', 'afternoon', 'evening')), constraint "volunteer_availability_pk" primary key ("volunteer_id", "weekday", "part"));

-- table volunteer_merges on volunteer_merges
CREATE TABLE volunteer_merges (
    id integer primary key autoincrement,
    survivor_id integer not null references volunteers (id),
    merged_id integer not null,
    merged_name text not null,
    fields text not null default '{}',
    moved text not null default '{}',
    merged_at text not null,
    merged_by integer not null references users (id)
  );

-- table volunteer_phones on volunteer_phones
CREATE TABLE "volunteer_phones" ("id" integer primary key autoincrement, "volunteer_id" integer not null references "volunteers" ("id") on delete cascade, "position" integer not null, "raw" text not null, "national" text not null);

-- table volunteer_search_terms on volunteer_search_terms
CREATE TABLE "volunteer_search_terms" ("volunteer_id" integer not null references "volunteers" ("id") on delete cascade, "term" text not null, "rank" integer not null);

-- table volunteer_skills on volunteer_skills
CREATE TABLE "volunteer_skills" ("volunteer_id" integer not null references "volunteers" ("id") on delete cascade, "skill_id" integer not null references "skills" ("id") on delete cascade, constraint "volunteer_skills_pk" primary key ("volunteer_id", "skill_id"));

-- table volunteers on volunteers
CREATE TABLE "volunteers" ("id" integer primary key autoincrement, "last_name" text not null, "first_name" text not null, "patronymic" text default '' not null, "sort_key" text not null, "settlement" text default '' not null, "languages" text default '[]' not null, "is_regular" integer default 0 not null, "specialist" text, "agreement_signed_on" text, "status" text default 'active' not null check (status in ('active', 'paused')), "deleted_at" text, "notes" text default '' not null, "created_at" text not null, "created_by" integer not null references "users" ("id"), "updated_at" text not null, "updated_by" integer not null references "users" ("id"));

-- trigger audit_log_no_delete on audit_log
CREATE TRIGGER audit_log_no_delete before delete on audit_log
    begin select raise(abort, 'audit_log is append-only'); end;

-- trigger audit_log_no_update on audit_log
CREATE TRIGGER audit_log_no_update before update on audit_log
    begin select raise(abort, 'audit_log is append-only'); end;

-- trigger care_periods_end on residents
CREATE TRIGGER care_periods_end after update of regular_care on residents when new.regular_care = 0 and old.regular_care = 1 begin
    update care_periods set to_on = max(from_on, substr(new.updated_at, 1, 10)) where resident_id = new.id and to_on is null;
  end;

-- trigger care_periods_new on residents
CREATE TRIGGER care_periods_new after insert on residents when new.regular_care = 1 begin
    insert into care_periods (resident_id, from_on) values (new.id, substr(new.created_at, 1, 10));
  end;

-- trigger care_periods_start on residents
CREATE TRIGGER care_periods_start after update of regular_care on residents when new.regular_care = 1 and old.regular_care = 0 begin
    insert into care_periods (resident_id, from_on) values (new.id, substr(new.updated_at, 1, 10));
  end;

-- trigger cash_entries_month_totals on cash_entries
CREATE TRIGGER cash_entries_month_totals after insert on cash_entries
    begin
      insert into cash_month_totals (account_id, month_key, category_key, in_minor, out_minor, entries)
      values (new.account_id, new.month_key, coalesce(new.category_id, 0),
        case when new.amount_minor > 0 then new.amount_minor else 0 end,
        case when new.amount_minor < 0 then new.amount_minor else 0 end,
        1)
      on conflict (account_id, month_key, category_key) do update set
        in_minor = in_minor + excluded.in_minor,
        out_minor = out_minor + excluded.out_minor,
        entries = entries + 1;
    end;

-- trigger cash_entries_posted_no_delete on cash_entries
CREATE TRIGGER cash_entries_posted_no_delete
    before delete on cash_entries
    begin
      select raise(abort, 'posted cash entries are corrected by a reversal');
    end;

-- trigger cash_entries_posted_no_update on cash_entries
CREATE TRIGGER cash_entries_posted_no_update
    before update of account_id, entry_date, month_key, amount_minor, currency, category_id, source, transfer_group, reverses_entry_id, advance_id
    on cash_entries
    begin
      select raise(abort, 'posted cash entries are corrected by a reversal');
    end;

-- trigger cash_entries_search_text on cash_entries
CREATE TRIGGER cash_entries_search_text after insert on cash_entries
    begin
      update cash_entries set search_text = hearth_fold(new.counterparty || ' ' || new.note || ' ' || new.document_no) where id = new.id;
    end;

-- trigger cash_entries_search_text_update on cash_entries
CREATE TRIGGER cash_entries_search_text_update after update of counterparty, note, document_no on cash_entries
    begin
      update cash_entries set search_text = hearth_fold(new.counterparty || ' ' || new.note || ' ' || new.document_no) where id = new.id;
    end;

-- trigger contact_months_aid_movements_delete on aid_movements
CREATE TRIGGER contact_months_aid_movements_delete after delete on aid_movements begin 
      delete from contact_months where kind = 4 and (month, resident_id) in (select month, rid from (select old.resident_id as rid, substr(old.on_date, 1, 7) as month
          union all select g.resident_id, substr(g.on_date, 1, 7) from aid_movements g where g.id = old.corrects_id));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 4, n from (
          select c.month, c.rid, (select count(*) from aid_movements g where g.resident_id = c.rid and g.on_date >= (c.month || '-01') and g.on_date <= (c.month || '-31') and g.kind = 'given'
        and g.delta + coalesce((select sum(x.delta) from aid_movements x where x.corrects_id = g.id), 0) <> 0) as n
          from (select distinct rid, month from (select old.resident_id as rid, substr(old.on_date, 1, 7) as month
          union all select g.resident_id, substr(g.on_date, 1, 7) from aid_movements g where g.id = old.corrects_id) where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_aid_movements_insert on aid_movements
CREATE TRIGGER contact_months_aid_movements_insert after insert on aid_movements begin 
      delete from contact_months where kind = 4 and (month, resident_id) in (select month, rid from (select new.resident_id as rid, substr(new.on_date, 1, 7) as month
          union all select g.resident_id, substr(g.on_date, 1, 7) from aid_movements g where g.id = new.corrects_id));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 4, n from (
          select c.month, c.rid, (select count(*) from aid_movements g where g.resident_id = c.rid and g.on_date >= (c.month || '-01') and g.on_date <= (c.month || '-31') and g.kind = 'given'
        and g.delta + coalesce((select sum(x.delta) from aid_movements x where x.corrects_id = g.id), 0) <> 0) as n
          from (select distinct rid, month from (select new.resident_id as rid, substr(new.on_date, 1, 7) as month
          union all select g.resident_id, substr(g.on_date, 1, 7) from aid_movements g where g.id = new.corrects_id) where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_aid_movements_update on aid_movements
CREATE TRIGGER contact_months_aid_movements_update after update of resident_id, on_date, kind, delta, corrects_id on aid_movements begin 
      delete from contact_months where kind = 4 and (month, resident_id) in (select month, rid from (select old.resident_id as rid, substr(old.on_date, 1, 7) as month
          union all select g.resident_id, substr(g.on_date, 1, 7) from aid_movements g where g.id = old.corrects_id));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 4, n from (
          select c.month, c.rid, (select count(*) from aid_movements g where g.resident_id = c.rid and g.on_date >= (c.month || '-01') and g.on_date <= (c.month || '-31') and g.kind = 'given'
        and g.delta + coalesce((select sum(x.delta) from aid_movements x where x.corrects_id = g.id), 0) <> 0) as n
          from (select distinct rid, month from (select old.resident_id as rid, substr(old.on_date, 1, 7) as month
          union all select g.resident_id, substr(g.on_date, 1, 7) from aid_movements g where g.id = old.corrects_id) where rid is not null and month is not null) c
        ) where n > 0; 
      delete from contact_months where kind = 4 and (month, resident_id) in (select month, rid from (select new.resident_id as rid, substr(new.on_date, 1, 7) as month
          union all select g.resident_id, substr(g.on_date, 1, 7) from aid_movements g where g.id = new.corrects_id));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 4, n from (
          select c.month, c.rid, (select count(*) from aid_movements g where g.resident_id = c.rid and g.on_date >= (c.month || '-01') and g.on_date <= (c.month || '-31') and g.kind = 'given'
        and g.delta + coalesce((select sum(x.delta) from aid_movements x where x.corrects_id = g.id), 0) <> 0) as n
          from (select distinct rid, month from (select new.resident_id as rid, substr(new.on_date, 1, 7) as month
          union all select g.resident_id, substr(g.on_date, 1, 7) from aid_movements g where g.id = new.corrects_id) where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_assessments_delete on assessments
CREATE TRIGGER contact_months_assessments_delete after delete on assessments begin 
      delete from contact_months where kind = 5 and (month, resident_id) in (select month, rid from (select old.resident_id as rid, substr(old.assessed_on, 1, 7) as month));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 5, n from (
          select c.month, c.rid, (select count(*) from assessments s where s.resident_id = c.rid and s.assessed_on >= (c.month || '-01') and s.assessed_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select old.resident_id as rid, substr(old.assessed_on, 1, 7) as month) where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_assessments_insert on assessments
CREATE TRIGGER contact_months_assessments_insert after insert on assessments begin 
      delete from contact_months where kind = 5 and (month, resident_id) in (select month, rid from (select new.resident_id as rid, substr(new.assessed_on, 1, 7) as month));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 5, n from (
          select c.month, c.rid, (select count(*) from assessments s where s.resident_id = c.rid and s.assessed_on >= (c.month || '-01') and s.assessed_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select new.resident_id as rid, substr(new.assessed_on, 1, 7) as month) where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_assessments_update on assessments
CREATE TRIGGER contact_months_assessments_update after update of resident_id, assessed_on on assessments begin 
      delete from contact_months where kind = 5 and (month, resident_id) in (select month, rid from (select old.resident_id as rid, substr(old.assessed_on, 1, 7) as month));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 5, n from (
          select c.month, c.rid, (select count(*) from assessments s where s.resident_id = c.rid and s.assessed_on >= (c.month || '-01') and s.assessed_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select old.resident_id as rid, substr(old.assessed_on, 1, 7) as month) where rid is not null and month is not null) c
        ) where n > 0; 
      delete from contact_months where kind = 5 and (month, resident_id) in (select month, rid from (select new.resident_id as rid, substr(new.assessed_on, 1, 7) as month));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 5, n from (
          select c.month, c.rid, (select count(*) from assessments s where s.resident_id = c.rid and s.assessed_on >= (c.month || '-01') and s.assessed_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select new.resident_id as rid, substr(new.assessed_on, 1, 7) as month) where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_case_contacts_delete on case_contacts
CREATE TRIGGER contact_months_case_contacts_delete after delete on case_contacts begin 
      delete from contact_months where kind = 6 and (month, resident_id) in (select month, rid from (select c.resident_id as rid, substr(old.contact_on, 1, 7) as month from cases c where c.id = old.case_id));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 6, n from (
          select c.month, c.rid, (select count(*) from cases c cross join case_contacts cc on cc.case_id = c.id
        where c.resident_id = c.rid and cc.contact_on >= (c.month || '-01') and cc.contact_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select c.resident_id as rid, substr(old.contact_on, 1, 7) as month from cases c where c.id = old.case_id) where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_case_contacts_insert on case_contacts
CREATE TRIGGER contact_months_case_contacts_insert after insert on case_contacts begin 
      delete from contact_months where kind = 6 and (month, resident_id) in (select month, rid from (select c.resident_id as rid, substr(new.contact_on, 1, 7) as month from cases c where c.id = new.case_id));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 6, n from (
          select c.month, c.rid, (select count(*) from cases c cross join case_contacts cc on cc.case_id = c.id
        where c.resident_id = c.rid and cc.contact_on >= (c.month || '-01') and cc.contact_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select c.resident_id as rid, substr(new.contact_on, 1, 7) as month from cases c where c.id = new.case_id) where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_case_contacts_update on case_contacts
CREATE TRIGGER contact_months_case_contacts_update after update of case_id, contact_on on case_contacts begin 
      delete from contact_months where kind = 6 and (month, resident_id) in (select month, rid from (select c.resident_id as rid, substr(old.contact_on, 1, 7) as month from cases c where c.id = old.case_id));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 6, n from (
          select c.month, c.rid, (select count(*) from cases c cross join case_contacts cc on cc.case_id = c.id
        where c.resident_id = c.rid and cc.contact_on >= (c.month || '-01') and cc.contact_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select c.resident_id as rid, substr(old.contact_on, 1, 7) as month from cases c where c.id = old.case_id) where rid is not null and month is not null) c
        ) where n > 0; 
      delete from contact_months where kind = 6 and (month, resident_id) in (select month, rid from (select c.resident_id as rid, substr(new.contact_on, 1, 7) as month from cases c where c.id = new.case_id));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 6, n from (
          select c.month, c.rid, (select count(*) from cases c cross join case_contacts cc on cc.case_id = c.id
        where c.resident_id = c.rid and cc.contact_on >= (c.month || '-01') and cc.contact_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select c.resident_id as rid, substr(new.contact_on, 1, 7) as month from cases c where c.id = new.case_id) where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_cases_delete on cases
CREATE TRIGGER contact_months_cases_delete after delete on cases begin 
      delete from contact_months where kind = 6 and (month, resident_id) in (select month, rid from (select old.resident_id as rid, substr(cc.contact_on, 1, 7) as month from case_contacts cc where cc.case_id = old.id));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 6, n from (
          select c.month, c.rid, (select count(*) from cases c cross join case_contacts cc on cc.case_id = c.id
        where c.resident_id = c.rid and cc.contact_on >= (c.month || '-01') and cc.contact_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select old.resident_id as rid, substr(cc.contact_on, 1, 7) as month from case_contacts cc where cc.case_id = old.id) where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_cases_insert on cases
CREATE TRIGGER contact_months_cases_insert after insert on cases begin 
      delete from contact_months where kind = 6 and (month, resident_id) in (select month, rid from (select new.resident_id as rid, substr(cc.contact_on, 1, 7) as month from case_contacts cc where cc.case_id = new.id));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 6, n from (
          select c.month, c.rid, (select count(*) from cases c cross join case_contacts cc on cc.case_id = c.id
        where c.resident_id = c.rid and cc.contact_on >= (c.month || '-01') and cc.contact_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select new.resident_id as rid, substr(cc.contact_on, 1, 7) as month from case_contacts cc where cc.case_id = new.id) where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_cases_update on cases
CREATE TRIGGER contact_months_cases_update after update of resident_id on cases begin 
      delete from contact_months where kind = 6 and (month, resident_id) in (select month, rid from (select old.resident_id as rid, substr(cc.contact_on, 1, 7) as month from case_contacts cc where cc.case_id = old.id));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 6, n from (
          select c.month, c.rid, (select count(*) from cases c cross join case_contacts cc on cc.case_id = c.id
        where c.resident_id = c.rid and cc.contact_on >= (c.month || '-01') and cc.contact_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select old.resident_id as rid, substr(cc.contact_on, 1, 7) as month from case_contacts cc where cc.case_id = old.id) where rid is not null and month is not null) c
        ) where n > 0; 
      delete from contact_months where kind = 6 and (month, resident_id) in (select month, rid from (select new.resident_id as rid, substr(cc.contact_on, 1, 7) as month from case_contacts cc where cc.case_id = new.id));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 6, n from (
          select c.month, c.rid, (select count(*) from cases c cross join case_contacts cc on cc.case_id = c.id
        where c.resident_id = c.rid and cc.contact_on >= (c.month || '-01') and cc.contact_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select new.resident_id as rid, substr(cc.contact_on, 1, 7) as month from case_contacts cc where cc.case_id = new.id) where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_event_attendance_delete on event_attendance
CREATE TRIGGER contact_months_event_attendance_delete after delete on event_attendance begin 
      delete from contact_months where kind = 3 and (month, resident_id) in (select month, rid from (select old.resident_id as rid, substr(e.starts_on, 1, 7) as month from events e where e.id = old.event_id and old.status = 'attended'));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 3, n from (
          select c.month, c.rid, (select count(*) from event_attendance a cross join events e on e.id = a.event_id
        where a.resident_id = c.rid and a.status = 'attended' and e.starts_on >= (c.month || '-01') and e.starts_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select old.resident_id as rid, substr(e.starts_on, 1, 7) as month from events e where e.id = old.event_id and old.status = 'attended') where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_event_attendance_insert on event_attendance
CREATE TRIGGER contact_months_event_attendance_insert after insert on event_attendance begin 
      delete from contact_months where kind = 3 and (month, resident_id) in (select month, rid from (select new.resident_id as rid, substr(e.starts_on, 1, 7) as month from events e where e.id = new.event_id and new.status = 'attended'));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 3, n from (
          select c.month, c.rid, (select count(*) from event_attendance a cross join events e on e.id = a.event_id
        where a.resident_id = c.rid and a.status = 'attended' and e.starts_on >= (c.month || '-01') and e.starts_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select new.resident_id as rid, substr(e.starts_on, 1, 7) as month from events e where e.id = new.event_id and new.status = 'attended') where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_event_attendance_update on event_attendance
CREATE TRIGGER contact_months_event_attendance_update after update of event_id, resident_id, status on event_attendance begin 
      delete from contact_months where kind = 3 and (month, resident_id) in (select month, rid from (select old.resident_id as rid, substr(e.starts_on, 1, 7) as month from events e where e.id = old.event_id and old.status = 'attended'));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 3, n from (
          select c.month, c.rid, (select count(*) from event_attendance a cross join events e on e.id = a.event_id
        where a.resident_id = c.rid and a.status = 'attended' and e.starts_on >= (c.month || '-01') and e.starts_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select old.resident_id as rid, substr(e.starts_on, 1, 7) as month from events e where e.id = old.event_id and old.status = 'attended') where rid is not null and month is not null) c
        ) where n > 0; 
      delete from contact_months where kind = 3 and (month, resident_id) in (select month, rid from (select new.resident_id as rid, substr(e.starts_on, 1, 7) as month from events e where e.id = new.event_id and new.status = 'attended'));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 3, n from (
          select c.month, c.rid, (select count(*) from event_attendance a cross join events e on e.id = a.event_id
        where a.resident_id = c.rid and a.status = 'attended' and e.starts_on >= (c.month || '-01') and e.starts_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select new.resident_id as rid, substr(e.starts_on, 1, 7) as month from events e where e.id = new.event_id and new.status = 'attended') where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_events_delete on events
CREATE TRIGGER contact_months_events_delete after delete on events begin 
      delete from contact_months where kind = 3 and (month, resident_id) in (select month, rid from (select a.resident_id as rid, substr(old.starts_on, 1, 7) as month from event_attendance a where a.event_id = old.id and a.status = 'attended'));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 3, n from (
          select c.month, c.rid, (select count(*) from event_attendance a cross join events e on e.id = a.event_id
        where a.resident_id = c.rid and a.status = 'attended' and e.starts_on >= (c.month || '-01') and e.starts_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select a.resident_id as rid, substr(old.starts_on, 1, 7) as month from event_attendance a where a.event_id = old.id and a.status = 'attended') where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_events_insert on events
CREATE TRIGGER contact_months_events_insert after insert on events begin 
      delete from contact_months where kind = 3 and (month, resident_id) in (select month, rid from (select a.resident_id as rid, substr(new.starts_on, 1, 7) as month from event_attendance a where a.event_id = new.id and a.status = 'attended'));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 3, n from (
          select c.month, c.rid, (select count(*) from event_attendance a cross join events e on e.id = a.event_id
        where a.resident_id = c.rid and a.status = 'attended' and e.starts_on >= (c.month || '-01') and e.starts_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select a.resident_id as rid, substr(new.starts_on, 1, 7) as month from event_attendance a where a.event_id = new.id and a.status = 'attended') where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_events_update on events
CREATE TRIGGER contact_months_events_update after update of starts_on on events begin 
      delete from contact_months where kind = 3 and (month, resident_id) in (select month, rid from (select a.resident_id as rid, substr(old.starts_on, 1, 7) as month from event_attendance a where a.event_id = old.id and a.status = 'attended'));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 3, n from (
          select c.month, c.rid, (select count(*) from event_attendance a cross join events e on e.id = a.event_id
        where a.resident_id = c.rid and a.status = 'attended' and e.starts_on >= (c.month || '-01') and e.starts_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select a.resident_id as rid, substr(old.starts_on, 1, 7) as month from event_attendance a where a.event_id = old.id and a.status = 'attended') where rid is not null and month is not null) c
        ) where n > 0; 
      delete from contact_months where kind = 3 and (month, resident_id) in (select month, rid from (select a.resident_id as rid, substr(new.starts_on, 1, 7) as month from event_attendance a where a.event_id = new.id and a.status = 'attended'));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 3, n from (
          select c.month, c.rid, (select count(*) from event_attendance a cross join events e on e.id = a.event_id
        where a.resident_id = c.rid and a.status = 'attended' and e.starts_on >= (c.month || '-01') and e.starts_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select a.resident_id as rid, substr(new.starts_on, 1, 7) as month from event_attendance a where a.event_id = new.id and a.status = 'attended') where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_project_attendance_delete on project_attendance
CREATE TRIGGER contact_months_project_attendance_delete after delete on project_attendance begin 
      delete from contact_months where kind = 7 and (month, resident_id) in (select month, rid from (select pp.resident_id as rid, substr(old.attended_on, 1, 7) as month from project_participants pp where pp.id = old.participant_id));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 7, n from (
          select c.month, c.rid, (select count(*) from project_participants pp cross join project_attendance pa on pa.participant_id = pp.id
        where pp.resident_id = c.rid and pa.attended_on >= (c.month || '-01') and pa.attended_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select pp.resident_id as rid, substr(old.attended_on, 1, 7) as month from project_participants pp where pp.id = old.participant_id) where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_project_attendance_insert on project_attendance
CREATE TRIGGER contact_months_project_attendance_insert after insert on project_attendance begin 
      delete from contact_months where kind = 7 and (month, resident_id) in (select month, rid from (select pp.resident_id as rid, substr(new.attended_on, 1, 7) as month from project_participants pp where pp.id = new.participant_id));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 7, n from (
          select c.month, c.rid, (select count(*) from project_participants pp cross join project_attendance pa on pa.participant_id = pp.id
        where pp.resident_id = c.rid and pa.attended_on >= (c.month || '-01') and pa.attended_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select pp.resident_id as rid, substr(new.attended_on, 1, 7) as month from project_participants pp where pp.id = new.participant_id) where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_project_attendance_update on project_attendance
CREATE TRIGGER contact_months_project_attendance_update after update of participant_id, attended_on on project_attendance begin 
      delete from contact_months where kind = 7 and (month, resident_id) in (select month, rid from (select pp.resident_id as rid, substr(old.attended_on, 1, 7) as month from project_participants pp where pp.id = old.participant_id));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 7, n from (
          select c.month, c.rid, (select count(*) from project_participants pp cross join project_attendance pa on pa.participant_id = pp.id
        where pp.resident_id = c.rid and pa.attended_on >= (c.month || '-01') and pa.attended_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select pp.resident_id as rid, substr(old.attended_on, 1, 7) as month from project_participants pp where pp.id = old.participant_id) where rid is not null and month is not null) c
        ) where n > 0; 
      delete from contact_months where kind = 7 and (month, resident_id) in (select month, rid from (select pp.resident_id as rid, substr(new.attended_on, 1, 7) as month from project_participants pp where pp.id = new.participant_id));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 7, n from (
          select c.month, c.rid, (select count(*) from project_participants pp cross join project_attendance pa on pa.participant_id = pp.id
        where pp.resident_id = c.rid and pa.attended_on >= (c.month || '-01') and pa.attended_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select pp.resident_id as rid, substr(new.attended_on, 1, 7) as month from project_participants pp where pp.id = new.participant_id) where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_project_participants_delete on project_participants
CREATE TRIGGER contact_months_project_participants_delete after delete on project_participants begin 
      delete from contact_months where kind = 7 and (month, resident_id) in (select month, rid from (select old.resident_id as rid, substr(pa.attended_on, 1, 7) as month from project_attendance pa where pa.participant_id = old.id));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 7, n from (
          select c.month, c.rid, (select count(*) from project_participants pp cross join project_attendance pa on pa.participant_id = pp.id
        where pp.resident_id = c.rid and pa.attended_on >= (c.month || '-01') and pa.attended_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select old.resident_id as rid, substr(pa.attended_on, 1, 7) as month from project_attendance pa where pa.participant_id = old.id) where rid is not null and month is not null) c
        ) where n > 0;

      delete from contact_months where kind = 8 and (month, resident_id) in (select month, rid from (select old.resident_id as rid, substr(old.recruited_on, 1, 7) as month));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 8, n from (
          select c.month, c.rid, (select count(*) from project_participants pp where pp.resident_id = c.rid and pp.recruited_on >= (c.month || '-01') and pp.recruited_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select old.resident_id as rid, substr(old.recruited_on, 1, 7) as month) where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_project_participants_insert on project_participants
CREATE TRIGGER contact_months_project_participants_insert after insert on project_participants begin 
      delete from contact_months where kind = 7 and (month, resident_id) in (select month, rid from (select new.resident_id as rid, substr(pa.attended_on, 1, 7) as month from project_attendance pa where pa.participant_id = new.id));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 7, n from (
          select c.month, c.rid, (select count(*) from project_participants pp cross join project_attendance pa on pa.participant_id = pp.id
        where pp.resident_id = c.rid and pa.attended_on >= (c.month || '-01') and pa.attended_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select new.resident_id as rid, substr(pa.attended_on, 1, 7) as month from project_attendance pa where pa.participant_id = new.id) where rid is not null and month is not null) c
        ) where n > 0;

      delete from contact_months where kind = 8 and (month, resident_id) in (select month, rid from (select new.resident_id as rid, substr(new.recruited_on, 1, 7) as month));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 8, n from (
          select c.month, c.rid, (select count(*) from project_participants pp where pp.resident_id = c.rid and pp.recruited_on >= (c.month || '-01') and pp.recruited_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select new.resident_id as rid, substr(new.recruited_on, 1, 7) as month) where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_project_participants_update on project_participants
CREATE TRIGGER contact_months_project_participants_update after update of resident_id, recruited_on on project_participants begin 
      delete from contact_months where kind = 7 and (month, resident_id) in (select month, rid from (select old.resident_id as rid, substr(pa.attended_on, 1, 7) as month from project_attendance pa where pa.participant_id = old.id));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 7, n from (
          select c.month, c.rid, (select count(*) from project_participants pp cross join project_attendance pa on pa.participant_id = pp.id
        where pp.resident_id = c.rid and pa.attended_on >= (c.month || '-01') and pa.attended_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select old.resident_id as rid, substr(pa.attended_on, 1, 7) as month from project_attendance pa where pa.participant_id = old.id) where rid is not null and month is not null) c
        ) where n > 0;

      delete from contact_months where kind = 8 and (month, resident_id) in (select month, rid from (select old.resident_id as rid, substr(old.recruited_on, 1, 7) as month));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 8, n from (
          select c.month, c.rid, (select count(*) from project_participants pp where pp.resident_id = c.rid and pp.recruited_on >= (c.month || '-01') and pp.recruited_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select old.resident_id as rid, substr(old.recruited_on, 1, 7) as month) where rid is not null and month is not null) c
        ) where n > 0; 
      delete from contact_months where kind = 7 and (month, resident_id) in (select month, rid from (select new.resident_id as rid, substr(pa.attended_on, 1, 7) as month from project_attendance pa where pa.participant_id = new.id));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 7, n from (
          select c.month, c.rid, (select count(*) from project_participants pp cross join project_attendance pa on pa.participant_id = pp.id
        where pp.resident_id = c.rid and pa.attended_on >= (c.month || '-01') and pa.attended_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select new.resident_id as rid, substr(pa.attended_on, 1, 7) as month from project_attendance pa where pa.participant_id = new.id) where rid is not null and month is not null) c
        ) where n > 0;

      delete from contact_months where kind = 8 and (month, resident_id) in (select month, rid from (select new.resident_id as rid, substr(new.recruited_on, 1, 7) as month));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 8, n from (
          select c.month, c.rid, (select count(*) from project_participants pp where pp.resident_id = c.rid and pp.recruited_on >= (c.month || '-01') and pp.recruited_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select new.resident_id as rid, substr(new.recruited_on, 1, 7) as month) where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_requests_delete on requests
CREATE TRIGGER contact_months_requests_delete after delete on requests begin 
      delete from contact_months where kind = 1 and (month, resident_id) in (select month, rid from (select old.resident_id as rid, substr(old.created_on, 1, 7) as month));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 1, n from (
          select c.month, c.rid, (select count(*) from requests q where q.resident_id = c.rid and q.created_on >= (c.month || '-01') and q.created_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select old.resident_id as rid, substr(old.created_on, 1, 7) as month) where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_requests_insert on requests
CREATE TRIGGER contact_months_requests_insert after insert on requests begin 
      delete from contact_months where kind = 1 and (month, resident_id) in (select month, rid from (select new.resident_id as rid, substr(new.created_on, 1, 7) as month));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 1, n from (
          select c.month, c.rid, (select count(*) from requests q where q.resident_id = c.rid and q.created_on >= (c.month || '-01') and q.created_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select new.resident_id as rid, substr(new.created_on, 1, 7) as month) where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_requests_update on requests
CREATE TRIGGER contact_months_requests_update after update of resident_id, created_on on requests begin 
      delete from contact_months where kind = 1 and (month, resident_id) in (select month, rid from (select old.resident_id as rid, substr(old.created_on, 1, 7) as month));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 1, n from (
          select c.month, c.rid, (select count(*) from requests q where q.resident_id = c.rid and q.created_on >= (c.month || '-01') and q.created_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select old.resident_id as rid, substr(old.created_on, 1, 7) as month) where rid is not null and month is not null) c
        ) where n > 0; 
      delete from contact_months where kind = 1 and (month, resident_id) in (select month, rid from (select new.resident_id as rid, substr(new.created_on, 1, 7) as month));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 1, n from (
          select c.month, c.rid, (select count(*) from requests q where q.resident_id = c.rid and q.created_on >= (c.month || '-01') and q.created_on <= (c.month || '-31')) as n
          from (select distinct rid, month from (select new.resident_id as rid, substr(new.created_on, 1, 7) as month) where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_tasks_delete on tasks
CREATE TRIGGER contact_months_tasks_delete after delete on tasks begin 
      delete from contact_months where kind = 2 and (month, resident_id) in (select month, rid from (select old.resident_id as rid, substr(coalesce(old.done_on, old.scheduled_on), 1, 7) as month where old.status = 'done'));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 2, n from (
          select c.month, c.rid, ((select count(*) from tasks t where t.resident_id = c.rid and t.status = 'done' and t.done_on >= (c.month || '-01') and t.done_on <= (c.month || '-31'))
        + (select count(*) from tasks t where t.resident_id = c.rid and t.status = 'done' and t.done_on is null and t.scheduled_on >= (c.month || '-01') and t.scheduled_on <= (c.month || '-31'))) as n
          from (select distinct rid, month from (select old.resident_id as rid, substr(coalesce(old.done_on, old.scheduled_on), 1, 7) as month where old.status = 'done') where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_tasks_insert on tasks
CREATE TRIGGER contact_months_tasks_insert after insert on tasks begin 
      delete from contact_months where kind = 2 and (month, resident_id) in (select month, rid from (select new.resident_id as rid, substr(coalesce(new.done_on, new.scheduled_on), 1, 7) as month where new.status = 'done'));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 2, n from (
          select c.month, c.rid, ((select count(*) from tasks t where t.resident_id = c.rid and t.status = 'done' and t.done_on >= (c.month || '-01') and t.done_on <= (c.month || '-31'))
        + (select count(*) from tasks t where t.resident_id = c.rid and t.status = 'done' and t.done_on is null and t.scheduled_on >= (c.month || '-01') and t.scheduled_on <= (c.month || '-31'))) as n
          from (select distinct rid, month from (select new.resident_id as rid, substr(coalesce(new.done_on, new.scheduled_on), 1, 7) as month where new.status = 'done') where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger contact_months_tasks_update on tasks
CREATE TRIGGER contact_months_tasks_update after update of resident_id, status, done_on, scheduled_on on tasks begin 
      delete from contact_months where kind = 2 and (month, resident_id) in (select month, rid from (select old.resident_id as rid, substr(coalesce(old.done_on, old.scheduled_on), 1, 7) as month where old.status = 'done'));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 2, n from (
          select c.month, c.rid, ((select count(*) from tasks t where t.resident_id = c.rid and t.status = 'done' and t.done_on >= (c.month || '-01') and t.done_on <= (c.month || '-31'))
        + (select count(*) from tasks t where t.resident_id = c.rid and t.status = 'done' and t.done_on is null and t.scheduled_on >= (c.month || '-01') and t.scheduled_on <= (c.month || '-31'))) as n
          from (select distinct rid, month from (select old.resident_id as rid, substr(coalesce(old.done_on, old.scheduled_on), 1, 7) as month where old.status = 'done') where rid is not null and month is not null) c
        ) where n > 0; 
      delete from contact_months where kind = 2 and (month, resident_id) in (select month, rid from (select new.resident_id as rid, substr(coalesce(new.done_on, new.scheduled_on), 1, 7) as month where new.status = 'done'));
      insert into contact_months (month, resident_id, kind, n)
        select month, rid, 2, n from (
          select c.month, c.rid, ((select count(*) from tasks t where t.resident_id = c.rid and t.status = 'done' and t.done_on >= (c.month || '-01') and t.done_on <= (c.month || '-31'))
        + (select count(*) from tasks t where t.resident_id = c.rid and t.status = 'done' and t.done_on is null and t.scheduled_on >= (c.month || '-01') and t.scheduled_on <= (c.month || '-31'))) as n
          from (select distinct rid, month from (select new.resident_id as rid, substr(coalesce(new.done_on, new.scheduled_on), 1, 7) as month where new.status = 'done') where rid is not null and month is not null) c
        ) where n > 0; end;

-- trigger help_plans_last_activity_delete on help_plans
CREATE TRIGGER help_plans_last_activity_delete after delete on help_plans when old.resident_id is not null begin update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = old.resident_id; end;

-- trigger help_plans_last_activity_insert on help_plans
CREATE TRIGGER help_plans_last_activity_insert after insert on help_plans when new.resident_id is not null begin update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = new.resident_id; end;

-- trigger help_plans_last_activity_update on help_plans
CREATE TRIGGER help_plans_last_activity_update after update of resident_id, ends_on on help_plans begin update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = old.resident_id; update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = new.resident_id; end;

-- trigger household_members_last_activity_delete on household_members
CREATE TRIGGER household_members_last_activity_delete after delete on household_members when old.resident_id is not null begin update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = old.resident_id; end;

-- trigger household_members_last_activity_insert on household_members
CREATE TRIGGER household_members_last_activity_insert after insert on household_members when new.resident_id is not null begin update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = new.resident_id; end;

-- trigger household_members_last_activity_update on household_members
CREATE TRIGGER household_members_last_activity_update after update of resident_id, from_on, to_on on household_members begin update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = old.resident_id; update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = new.resident_id; end;

-- trigger requests_last_activity_delete on requests
CREATE TRIGGER requests_last_activity_delete after delete on requests when old.resident_id is not null begin update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = old.resident_id; end;

-- trigger requests_last_activity_insert on requests
CREATE TRIGGER requests_last_activity_insert after insert on requests when new.resident_id is not null begin update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = new.resident_id; end;

-- trigger requests_last_activity_update on requests
CREATE TRIGGER requests_last_activity_update after update of resident_id, created_on on requests begin update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = old.resident_id; update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = new.resident_id; end;

-- trigger residents_last_activity_created on residents
CREATE TRIGGER residents_last_activity_created after update of created_at on residents begin update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = new.id; end;

-- trigger sales_last_activity_delete on sales
CREATE TRIGGER sales_last_activity_delete after delete on sales when old.resident_id is not null begin update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = old.resident_id; end;

-- trigger sales_last_activity_insert on sales
CREATE TRIGGER sales_last_activity_insert after insert on sales when new.resident_id is not null begin update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = new.resident_id; end;

-- trigger sales_last_activity_update on sales
CREATE TRIGGER sales_last_activity_update after update of resident_id, day on sales begin update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = old.resident_id; update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = new.resident_id; end;

-- trigger tasks_last_activity_delete on tasks
CREATE TRIGGER tasks_last_activity_delete after delete on tasks when old.resident_id is not null begin update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = old.resident_id; end;

-- trigger tasks_last_activity_insert on tasks
CREATE TRIGGER tasks_last_activity_insert after insert on tasks when new.resident_id is not null begin update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = new.resident_id; end;

-- trigger tasks_last_activity_update on tasks
CREATE TRIGGER tasks_last_activity_update after update of resident_id, done_on, scheduled_on on tasks begin update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = old.resident_id; update residents set last_activity_on = max(
  substr(created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = residents.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = residents.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = residents.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = residents.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = residents.id), '')
) where id = new.resident_id; end;
