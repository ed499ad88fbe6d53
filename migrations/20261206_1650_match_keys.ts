// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// The duplicate matcher's lookup keys (issue 15): resident_match_keys holds, per resident, the
// sorted skeletons of surname and first name and their one-consonant deletions
// (shared/domain/matcher.ts `matchKeys`, copied below as it was on the day), indexed by key for
// the candidate lookup and by resident for rewriting one person's keys. Filled here for the
// residents already registered (erased people have no keys: they are never matched).
// resident_merges: two records of one person merged (residents.merge): the survivor keeps every
// record; the other's row goes, its name and birth year stay here for the survivor's page
// ("merged from …") and what moved is counted in `moved` (JSON).
import { sql, type Kysely } from 'kysely';

const GREEK: Array<[RegExp, string]> = [
  [/ου/g, 'u'], [/γκ/g, 'g'], [/γγ/g, 'g'], [/τσ/g, 'c'], [/τζ/g, 'z'], [/αυ/g, 'av'], [/ευ/g, 'ev'], [/αι/g, 'e'], [/[εοου]ι/g, 'i'],
];
const LATIN: Array<[RegExp, string]> = [
  [/szcz/g, 's'], [/shch/g, 's'], [/sch/g, 's'], [/tsch/g, 'c'], [/sh|sz/g, 's'], [/zh|rz/g, 'z'], [/cz|ch|tch|ts|tz/g, 'c'],
  [/kh/g, 'h'], [/ph/g, 'f'], [/th/g, 't'], [/ck/g, 'k'], [/ou/g, 'u'], [/[iy]?yu|iu/g, 'u'], [/[iy]?ya|ia/g, 'a'], [/yo|jo/g, 'o'],
  [/ye|je/g, 'e'], [/iy|yy|ij|yj|ii/g, 'i'], [/ju/g, 'u'], [/ja/g, 'a'],
];
const LETTER: Record<string, string> = {
  a: 'a', b: 'b', c: 'c', d: 'd', e: 'i', f: 'v', g: 'g', h: 'g', i: 'i', j: '', k: 'k', l: 'l', m: 'm',
  n: 'n', o: 'o', p: 'p', q: 'k', r: 'r', s: 's', t: 't', u: 'u', v: 'v', w: 'v', x: 'ks', y: 'i', z: 'z',
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'i', є: 'i', ж: 'z', з: 'z', и: 'i', і: 'i', ї: 'i',
  й: '', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'v', х: 'g',
  ц: 'c', ч: 'c', ш: 's', щ: 's', ъ: '', ы: 'i', ь: '', э: 'i', ю: 'u', я: 'a',
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'i', ζ: 'z', η: 'i', θ: 't', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n',
  ξ: 'ks', ο: 'o', π: 'p', ρ: 'r', σ: 's', τ: 't', υ: 'i', φ: 'v', χ: 'g', ψ: 'ps', ω: 'o',
};
const SPECIAL: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', ı: 'i', æ: 'ae', œ: 'oe', þ: 'th', ħ: 'h', ς: 'σ', ё: 'е' };

function fold(input: string): string {
  return input
    .normalize('NFD')
    .replace(/([\p{Script=Latin}\p{Script=Greek}])\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[łøđßıæœþħςё]/g, (c) => SPECIAL[c] ?? c)
    .replace(/['’ʼ`´]/g, '');
}

function skeleton(word: string): string {
  let w = word;
  for (const [re, to] of GREEK) w = w.replace(re, to);
  for (const [re, to] of LATIN) w = w.replace(re, to);
  let form = '';
  for (const ch of w) {
    const mapped = LETTER[ch] ?? (/[\p{L}\p{N}]/u.test(ch) ? ch : '');
    for (const m of mapped) if (form[form.length - 1] !== m) form += m;
  }
  const consonants = form.replace(/[aoui]/g, '');
  return consonants.length > 0 ? consonants : form;
}

const words = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);

/** shared/domain/matcher.ts `matchKeys` as of 2026-12-06. */
export function matchKeysV1(lastName: string, firstName: string): string[] {
  const last = words(lastName).map(skeleton).join('');
  const first = words(firstName).map(skeleton).join('');
  if (last === '' && first === '') return [];
  const pair = (a: string, b: string) => (a <= b ? `${a} ${b}` : `${b} ${a}`);
  const keys = new Set<string>([pair(last, first)]);
  const deletions = (s: string) => (s.length < 2 ? [] : Array.from(s, (_, i) => s.slice(0, i) + s.slice(i + 1)));
  for (const d of deletions(last)) keys.add(pair(d, first));
  for (const d of deletions(first)) keys.add(pair(last, d));
  return [...keys];
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table resident_match_keys (
    key text not null,
    resident_id integer not null references residents (id) on delete cascade,
    primary key (key, resident_id)
  )`.execute(db);
  await sql`create index resident_match_keys_resident on resident_match_keys (resident_id)`.execute(db);
  await sql`create table resident_merges (
    id integer primary key autoincrement,
    survivor_id integer not null references residents (id),
    merged_id integer not null,
    merged_name text not null,
    merged_birth_year integer,
    fields text not null default '{}',
    moved text not null default '{}',
    merged_at text not null,
    merged_by integer not null references users (id)
  )`.execute(db);
  await sql`create index resident_merges_survivor on resident_merges (survivor_id, merged_at)`.execute(db);
  let after = 0;
  for (;;) {
    const rows = (
      await sql<{ id: number; last_name: string; first_name: string }>`
        select id, last_name, first_name from residents where id > ${after} and erased_at is null order by id limit 2000`.execute(db)
    ).rows;
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const values: Array<[string, number]> = [];
    for (const r of rows) for (const key of matchKeysV1(r.last_name, r.first_name)) values.push([key, r.id]);
    // 2 parameters a row; SQLite allows 32,766 a statement.
    for (let i = 0; i < values.length; i += 5000) {
      const chunk = values.slice(i, i + 5000);
      await sql`insert or ignore into resident_match_keys (key, resident_id) values ${sql.join(chunk.map(([k, id]) => sql`(${k}, ${id})`))}`.execute(db);
    }
  }
}
