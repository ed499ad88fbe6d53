/**
 * The one place import asks "is this person registered already?": the duplicate matcher (issue 15,
 * features/residents/matcher.ts and shared/domain/matcher.ts), the same one that warns at "new
 * resident" and fills the duplicates screen. A row is a duplicate when the matcher calls a
 * registered resident "same" (score ≥ SAME_THRESHOLD): names in any script and word order, typos,
 * boosted by the birth year, phone or address. "Maybe" is not enough to skip a row, and a shared
 * phone alone is not either (families share one).
 *
 * For thousands of rows the matcher's lookups are batched: one query per few hundred lookup keys
 * and phone numbers, one per 500 candidates' details, then the pure scoring in memory.
 */
import { fullName, type ResidentData } from '../../../../shared/domain/residents';
import { nationalNumber } from '../../../../shared/domain/phone';
import { cannotBeSame, preparePerson, queryKeys, scorePrepared, type MatchPerson, type PreparedPerson } from '../../../../shared/domain/matcher';
import type { Executor } from '../../db/schema';
import { matchPeople } from '../residents/matcher';

export interface SamePerson {
  id: number;
  fullName: string;
  birthYear: number | null;
}

type Candidate = Pick<ResidentData, 'lastName' | 'firstName' | 'patronymic' | 'birthYear' | 'phones'>;

/** A key shared by more residents than this says little (a very common name): it is not followed. */
const KEY_CAP = 400;
const CHUNK = 200;

export async function findSame(ex: Executor, data: Candidate): Promise<SamePerson[]> {
  return (await findSameMany(ex, [data]))[0] ?? [];
}

/** findSame for many people at once; the answer is in the order of `people`, each list by id. */
export async function findSameMany(ex: Executor, people: Candidate[]): Promise<SamePerson[][]> {
  const asked = people.map((p) => ({ keys: p.lastName.trim() === '' && p.firstName.trim() === '' ? [] : queryKeys(p), nationals: [...new Set(p.phones.map(nationalNumber).filter((n) => n.length >= 5))] }));
  const byKey = new Map<string, number[]>();
  const allKeys = [...new Set(asked.flatMap((a) => a.keys))];
  for (let i = 0; i < allKeys.length; i += CHUNK) {
    const rows = await ex.selectFrom('resident_match_keys').select(['key', 'resident_id']).where('key', 'in', allKeys.slice(i, i + CHUNK)).execute();
    for (const r of rows) {
      const list = byKey.get(r.key);
      if (list) list.push(r.resident_id);
      else byKey.set(r.key, [r.resident_id]);
    }
  }
  const byPhone = new Map<string, number[]>();
  const allPhones = [...new Set(asked.flatMap((a) => a.nationals))];
  for (let i = 0; i < allPhones.length; i += CHUNK) {
    const rows = await ex.selectFrom('resident_phones').select(['national', 'resident_id']).where('national', 'in', allPhones.slice(i, i + CHUNK)).execute();
    for (const r of rows) {
      const list = byPhone.get(r.national);
      if (list) list.push(r.resident_id);
      else byPhone.set(r.national, [r.resident_id]);
    }
  }
  const candidates = asked.map((a) => {
    const ids = new Set<number>();
    for (const k of a.keys) {
      const list = byKey.get(k) ?? [];
      if (list.length <= KEY_CAP) for (const id of list) ids.add(id);
    }
    for (const n of a.nationals) for (const id of byPhone.get(n) ?? []) ids.add(id);
    return ids;
  });
  const registered = await matchPeople(ex, [...new Set(candidates.flatMap((c) => [...c]))]);
  // Each registered person is analysed once, however many rows meet it.
  const prepared = new Map<number, PreparedPerson>();
  return people.map((p, i) => {
    const found: SamePerson[] = [];
    let mine: PreparedPerson | null = null;
    for (const id of [...(candidates[i] ?? [])].sort((a, b) => a - b)) {
      const other = registered.get(id);
      if (!other || cannotBeSame(p, other)) continue;
      let theirs = prepared.get(id);
      if (theirs === undefined) {
        theirs = preparePerson(other);
        prepared.set(id, theirs);
      }
      mine ??= preparePerson(p as MatchPerson);
      if (scorePrepared(mine, theirs).verdict === 'same') found.push({ id, fullName: fullName({ lastName: other.lastName, firstName: other.firstName, patronymic: other.patronymic ?? '' }), birthYear: other.birthYear ?? null });
    }
    return found;
  });
}
