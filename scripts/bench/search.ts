/**
 * Search as you type on the front desk, in each script: what people type (the first one, two and
 * three letters of a last name, a full name, a run of digits from a phone as it is read out), drawn
 * from the city's own residents. A resident's script is found from their last name in the demo's
 * name pools.
 */
import type Database from 'better-sqlite3';
import { Rng } from '../../electron/core/demo/demo';
import { NAME_LANGS, NAME_POOLS, type NameLang } from '../../electron/core/demo/names';
import { nationalNumber } from '../../shared/domain/phone';

export const SEARCH_CLASSES = ['1letter', '2letters', '3letters', 'fullName', 'phone'] as const;
export type SearchClass = (typeof SEARCH_CLASSES)[number];

interface Person {
  last: string;
  first: string;
  patronymic: string;
  phone: string | null;
}

const key = (s: string) => s.toLowerCase().replace(/ё/g, 'е');

/** Last name (folded) → script, from the pools (both forms). */
function scriptOfSurname(): Map<string, NameLang> {
  const out = new Map<string, NameLang>();
  for (const lang of NAME_LANGS) {
    for (const n of NAME_POOLS[lang].lastNames) {
      for (const form of [n.male, n.female]) if (!out.has(key(form))) out.set(key(form), lang);
    }
  }
  return out;
}

/** Residents of the city by script (a sample of each, at most `perScript`). */
export function peopleByScript(sqlite: Database.Database, seed: number, perScript = 5000): Record<NameLang, Person[]> {
  const scripts = scriptOfSurname();
  const rows = sqlite
    .prepare('select r.last_name, r.first_name, r.patronymic, (select raw from resident_phones p where p.resident_id = r.id order by position limit 1) as phone from residents r where r.erased_at is null order by r.id')
    .all() as Array<{ last_name: string; first_name: string; patronymic: string; phone: string | null }>;
  const out = Object.fromEntries(NAME_LANGS.map((l) => [l, [] as Person[]])) as Record<NameLang, Person[]>;
  const rng = new Rng(seed);
  for (const r of rng.shuffle(rows)) {
    const lang = scripts.get(key(r.last_name));
    if (lang === undefined || out[lang].length >= perScript) continue;
    out[lang].push({ last: r.last_name, first: r.first_name, patronymic: r.patronymic, phone: r.phone });
  }
  return out;
}

function queryFor(rng: Rng, cls: SearchClass, p: Person): string | null {
  const last = p.last.toLowerCase();
  switch (cls) {
    case '1letter':
      return Array.from(last).slice(0, 1).join('');
    case '2letters':
      return Array.from(last).slice(0, 2).join('');
    case '3letters':
      return Array.from(last).slice(0, 3).join('');
    case 'fullName':
      return [p.last, p.first, p.patronymic].filter((s) => s !== '').join(' ').toLowerCase();
    case 'phone': {
      if (p.phone === null) return null;
      // A run of 4 to 7 digits from the middle or the end, typed with a space as people read it out.
      const national = nationalNumber(p.phone);
      if (national.length < 4) return null;
      const length = rng.int(4, Math.min(7, national.length));
      const start = rng.int(0, national.length - length);
      const digits = national.slice(start, start + length);
      return length > 4 ? `${digits.slice(0, 3)} ${digits.slice(3)}` : digits;
    }
  }
}

export function searchQueries(rng: Rng, cls: SearchClass, people: readonly Person[], count: number): string[] {
  const out: string[] = [];
  for (let tries = 0; out.length < count && tries < count * 20 && people.length > 0; tries++) {
    const q = queryFor(rng, cls, rng.pick(people));
    if (q !== null && q.length > 0) out.push(q);
  }
  return out;
}
