/**
 * Writing thousands of imported residents fast: the same rows as residents.repo insertResident and
 * households.repo insertHousehold/insertMember write (the same columns, search terms and phone
 * keys, built by the same functions), through statements prepared once on the raw connection. They
 * run inside the import's transaction (the one connection the core's Kysely uses), so a failure
 * still undoes everything.
 */
import { matchKeys } from '../../../../shared/domain/matcher';
import type Database from 'better-sqlite3';
import type { ResidentData } from '../../../../shared/domain/residents';
import { nationalNumber } from '../../../../shared/domain/phone';
import { dataToColumns, searchTerms } from '../residents/residents.repo';

export interface BulkWriter {
  resident(data: ResidentData): number;
  household(address: { settlement: string; street: string; house: string; flat: string }, on: string): number;
  member(householdId: number, residentId: number, relation: string, on: string): void;
  fingerprint(fingerprint: string, reportId: number, entityId: number): void;
}

export function bulkWriter(sqlite: Database.Database, actorId: number, at: string): BulkWriter {
  const sample = dataToColumns({
    lastName: '', firstName: '', patronymic: '', birthYear: null, settlement: '', street: '', house: '', flat: '', phones: [], situations: [],
    householdSize: null, regularCare: false, needsSnowClearing: false, checkinIntervalDays: null, notes: '',
  });
  const cols = [...Object.keys(sample), 'health_needs', 'created_at', 'created_by', 'updated_at', 'updated_by'];
  const insertResident = sqlite.prepare(`insert into residents (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`);
  const insertPhone = sqlite.prepare('insert into resident_phones (resident_id, position, raw, national) values (?, ?, ?, ?)');
  const insertTerm = sqlite.prepare('insert into resident_search_terms (resident_id, term, rank) values (?, ?, ?)');
  const insertHousehold = sqlite.prepare(
    'insert into households (settlement, street, house, flat, formed_on, split_from_id, created_at, created_by, updated_at, updated_by) values (?, ?, ?, ?, ?, null, ?, ?, ?, ?)',
  );
  const insertMember = sqlite.prepare(
    'insert into household_members (household_id, resident_id, birth_year, relation, from_on, from_household_id, created_at, created_by, updated_at, updated_by) values (?, ?, null, ?, ?, null, ?, ?, ?, ?)',
  );
  // The duplicate matcher's lookup keys (features/residents/matcher.ts writeMatchKeys does the same
  // for one person): an imported resident is found by "new resident", the next import and the duplicates list.
  const insertMatchKey = sqlite.prepare('insert or ignore into resident_match_keys (key, resident_id) values (?, ?)');
  const insertPrint = sqlite.prepare('insert into import_fingerprints (fingerprint, report_id, entity_id) values (?, ?, ?)');
  return {
    resident(data) {
      const id = Number(
        insertResident.run({ ...dataToColumns(data), health_needs: data.healthNeeds ?? '', created_at: at, created_by: actorId, updated_at: at, updated_by: actorId }).lastInsertRowid,
      );
      data.phones.forEach((raw, position) => insertPhone.run(id, position, raw, nationalNumber(raw)));
      for (const t of searchTerms(data)) insertTerm.run(id, t.term, t.rank);
      for (const key of matchKeys(data)) insertMatchKey.run(key, id);
      return id;
    },
    household(a, on) {
      return Number(insertHousehold.run(a.settlement, a.street, a.house, a.flat, on, at, actorId, at, actorId).lastInsertRowid);
    },
    member(householdId, residentId, relation, on) {
      insertMember.run(householdId, residentId, relation, on, at, actorId, at, actorId);
    },
    fingerprint(fingerprint, reportId, entityId) {
      insertPrint.run(fingerprint, reportId, entityId);
    },
  };
}
