/**
 * The one place import asks "is this person registered already?". Today it is the register's
 * duplicate check (residents.findDuplicates: the same folded name in any word order with or without
 * a patronymic and the same or no birth year, or the same phone); the duplicate matcher (issue 15,
 * built beside this) takes its place here at the merge.
 */
import { fullName, type ResidentData } from '../../../../shared/domain/residents';
import { nationalNumber } from '../../../../shared/domain/phone';
import { nameKey } from '../../../../shared/domain/text';
import type { Executor } from '../../db/schema';
import { findDuplicates } from '../residents/residents.repo';

export interface SamePerson {
  id: number;
  fullName: string;
}

export async function findSame(ex: Executor, data: Pick<ResidentData, 'lastName' | 'firstName' | 'patronymic' | 'birthYear' | 'phones'>): Promise<SamePerson[]> {
  const found = await findDuplicates(ex, { lastName: data.lastName, firstName: data.firstName, patronymic: data.patronymic, birthYear: data.birthYear, phones: data.phones });
  return found.map((r) => ({ id: r.id, fullName: r.fullName }));
}

type Candidate = Pick<ResidentData, 'lastName' | 'firstName' | 'patronymic' | 'birthYear' | 'phones'>;

/**
 * findSame for many people at once (an import of thousands of rows): the same rules as the
 * register's duplicate check (residents.repo findDuplicates), read with one query per few hundred
 * name keys and phones instead of two per person. The answer is in the order of `people`.
 */
export async function findSameMany(ex: Executor, people: Candidate[]): Promise<SamePerson[][]> {
  const keys = people.map((p) => ({ key: nameKey(p.lastName, p.firstName, p.patronymic), short: nameKey(p.lastName, p.firstName), nationals: p.phones.map(nationalNumber).filter((n) => n.length >= 5) }));
  const byKey = new Map<string, { id: number; year: number | null; name: string }[]>();
  const byShort = new Map<string, { id: number; year: number | null; name: string }[]>();
  const byPhone = new Map<string, { id: number; name: string }[]>();
  const push = <T>(m: Map<string, T[]>, k: string, v: T) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  const seen = new Set<number>();
  const allKeys = [...new Set(keys.flatMap((k) => (k.key.length > 0 ? [k.key, k.short] : [])))];
  for (let i = 0; i < allKeys.length; i += 100) {
    const chunk = allKeys.slice(i, i + 100);
    // One query per index (an OR of the two lists would read the whole register).
    const select = () => ex.selectFrom('residents').select(['id', 'name_key', 'short_name_key', 'birth_year', 'last_name', 'first_name', 'patronymic']);
    const rows = [...(await select().where('short_name_key', 'in', chunk).execute()), ...(await select().where('name_key', 'in', chunk).execute())];
    for (const r of rows) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      const v = { id: r.id, year: r.birth_year, name: fullName({ lastName: r.last_name, firstName: r.first_name, patronymic: r.patronymic }) };
      push(byKey, r.name_key, v);
      push(byShort, r.short_name_key, v);
    }
  }
  const allPhones = [...new Set(keys.flatMap((k) => k.nationals))];
  for (let i = 0; i < allPhones.length; i += 100) {
    const rows = await ex
      .selectFrom('resident_phones as p')
      .innerJoin('residents as r', 'r.id', 'p.resident_id')
      .select(['p.national', 'r.id', 'r.last_name', 'r.first_name', 'r.patronymic'])
      .where('p.national', 'in', allPhones.slice(i, i + 100))
      .execute();
    for (const r of rows) push(byPhone, r.national, { id: r.id, name: fullName({ lastName: r.last_name, firstName: r.first_name, patronymic: r.patronymic }) });
  }
  return people.map((p, i) => {
    const k = keys[i] as (typeof keys)[number];
    const found = new Map<number, string>();
    if (k.key.length > 0) {
      // Same name with or without a patronymic on either side; with a birth year, the same or none.
      for (const c of [...(byShort.get(k.short) ?? []), ...(byKey.get(k.key) ?? [])]) {
        if (p.birthYear === null || c.year === null || c.year === p.birthYear) found.set(c.id, c.name);
      }
    }
    for (const n of k.nationals) for (const c of byPhone.get(n) ?? []) found.set(c.id, c.name);
    return [...found].sort((a, b) => a[0] - b[0]).map(([id, name]) => ({ id, fullName: name }));
  });
}
