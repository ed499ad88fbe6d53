/**
 * The static registry of migrations, in order. A test checks that it matches the files in this
 * folder. Add new files at the end; never edit or rename one that has shipped.
 */
import type { Kysely } from 'kysely';
import * as m20261123_1700 from './20261123_1700_initial_schema';
import * as m20261123_1800 from './20261123_1800_volunteers_and_tasks';
import * as m20261123_1900 from './20261123_1900_money';
import * as m20261123_1910 from './20261123_1910_users_sign_in';
import * as m20261123_1920 from './20261123_1920_audit_log';
import * as m20261123_1930 from './20261123_1930_privacy';
import * as m20261206_0900 from './20261206_0900_city_scale_indexes';
import * as m20261206_1200 from './20261206_1200_households';
import * as m20261206_1400 from './20261206_1400_assessments';
import * as m20261206_1410 from './20261206_1410_cases';
import * as m20261206_1420 from './20261206_1420_projects';
import * as m20261206_1500 from './20261206_1500_events';
import * as m20261206_1510 from './20261206_1510_aid';
import * as m20261206_1520 from './20261206_1520_shelter';
import * as m20261206_1530 from './20261206_1530_aid_events';
import * as m20261206_1600 from './20261206_1600_in_kind_aid';
import * as m20261206_1610 from './20261206_1610_results_report';
import * as m20261206_1620 from './20261206_1620_report_days';
import * as m20261206_1640 from './20261206_1640_import';
import * as m20261206_1650 from './20261206_1650_match_keys';
import * as m20261206_1700 from './20261206_1700_report_covering';
import * as m20261206_1800 from './20261206_1800_contact_months';
import * as m20261206_1810 from './20261206_1810_last_activity';
import * as m20261206_1830 from './20261206_1830_volunteer_merges';
import * as m20261206_1910 from './20261206_1910_report_indexes';
import * as m20261206_1920 from './20261206_1920_care_periods';

export interface Migration {
  up(db: Kysely<any>): Promise<void>;
}

export const migrations: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['20261123_1700_initial_schema', m20261123_1700],
  ['20261123_1800_volunteers_and_tasks', m20261123_1800],
  ['20261123_1900_money', m20261123_1900],
  ['20261123_1910_users_sign_in', m20261123_1910],
  ['20261123_1920_audit_log', m20261123_1920],
  ['20261123_1930_privacy', m20261123_1930],
  ['20261206_0900_city_scale_indexes', m20261206_0900],
  ['20261206_1200_households', m20261206_1200],
  ['20261206_1400_assessments', m20261206_1400],
  ['20261206_1410_cases', m20261206_1410],
  ['20261206_1420_projects', m20261206_1420],
  ['20261206_1500_events', m20261206_1500],
  ['20261206_1510_aid', m20261206_1510],
  ['20261206_1520_shelter', m20261206_1520],
  ['20261206_1530_aid_events', m20261206_1530],
  ['20261206_1600_in_kind_aid', m20261206_1600],
  ['20261206_1610_results_report', m20261206_1610],
  ['20261206_1620_report_days', m20261206_1620],
  ['20261206_1640_import', m20261206_1640],
  ['20261206_1650_match_keys', m20261206_1650],
  ['20261206_1700_report_covering', m20261206_1700],
  ['20261206_1800_contact_months', m20261206_1800],
  ['20261206_1810_last_activity', m20261206_1810],
  ['20261206_1830_volunteer_merges', m20261206_1830],
  ['20261206_1910_report_indexes', m20261206_1910],
  ['20261206_1920_care_periods', m20261206_1920],
];
