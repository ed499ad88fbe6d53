/**
 * The static registry of migrations, in order. A test checks that it matches the files in this
 * folder. Add new files at the end; never edit or rename one that has shipped.
 */
import type { Kysely } from 'kysely';
import * as m20261123_1700 from './20261123_1700_initial_schema';
import * as m20261123_1800 from './20261123_1800_volunteers_and_tasks';

export interface Migration {
  up(db: Kysely<any>): Promise<void>;
}

export const migrations: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['20261123_1700_initial_schema', m20261123_1700],
  ['20261123_1800_volunteers_and_tasks', m20261123_1800],
];
