/**
 * `npm run hearth -- demo --language xx` makes the demo centre of that language (issue 16): its
 * name, town, country and currency, its staff's names, and all of its money in that currency; the
 * English demo stays the Russian village in roubles. Run through the real CLI on temporary data
 * folders, then read back from the SQLite file it wrote.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'hearth-demo-centre-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function demo(...args: string[]): { code: number | null; out: string; file: string } {
  const dir = path.join(tmp, args.join('-').replace(/[^a-z]+/gi, '_'));
  const r = spawnSync(TSX, [path.join(ROOT, 'electron/http/cli.ts'), 'demo', '--data-dir', dir, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, HEARTH_LANGUAGE: 'en' },
    timeout: 300_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}`, file: path.join(dir, 'hearth.sqlite') };
}

interface Read {
  settings: Record<string, string>;
  staff: string[];
  currencies: string[];
  settlements: Set<string>;
}

function read(file: string): Read {
  const db = new Database(file, { readonly: true });
  try {
    const rows = (q: string) => db.prepare(q).all() as Array<Record<string, string>>;
    const settings = Object.fromEntries(rows("select key, value from settings where key in ('centreName', 'country', 'currency', 'language')").map((r) => [r.key, r.value]));
    const staff = rows("select name from users where role <> 'admin' order by role").map((r) => r.name as string);
    // Every money table of the demo: accounts, grants, the lease, in-kind gifts, volunteers' advances.
    const currencies = [
      ...new Set(
        rows(`select currency from cash_accounts union all select currency from grants union all select currency from leases
              union all select currency from in_kind union all select currency from volunteer_advances`).map((r) => r.currency as string),
      ),
    ];
    const settlements = new Set(rows('select distinct settlement from residents').map((r) => r.settlement as string));
    return { settings, staff, currencies, settlements };
  } finally {
    db.close();
  }
}

const CASES = [
  { language: 'pl', centreName: 'Centrum Wsparcia Mieszkańców w Jedliczu', country: 'PL', currency: 'PLN', town: 'Jedlicze', staff: ['Anna Białek', 'Halina Marciniak', 'Irena Kozłowska'], printed: 'Halina Marciniak' },
  { language: 'uk', centreName: 'Центр підтримки мешканців Решетилівки', country: 'UA', currency: 'UAH', town: 'Решетилівка', staff: ['Ганна Білик', 'Галина Мартинюк', 'Ірина Коваль'], printed: 'Галина Мартинюк' },
  { language: 'el', centreName: 'Κέντρο Στήριξης Κατοίκων Κερατσινίου', country: 'GR', currency: 'EUR', town: 'Κερατσίνι', staff: ['Άννα Γεωργίου', 'Ελένη Μαρτίνου', 'Ειρήνη Κωνσταντίνου'], printed: 'Ελένη Μαρτίνου' },
  { language: 'en', centreName: 'Sylva Residents’ Help Centre', country: 'RU', currency: 'RUB', town: 'Сылва', staff: ['Анна Белова', 'Галина Мартынова', 'Ирина Козлова'], printed: 'Галина Мартынова' },
  { language: 'ru', centreName: 'Центр помощи жителям Сылвы', country: 'RU', currency: 'RUB', town: 'Сылва', staff: ['Анна Белова', 'Галина Мартынова', 'Ирина Козлова'], printed: 'Галина Мартынова' },
] as const;

describe('npm run hearth -- demo --language xx: the centre of that language', () => {
  for (const c of CASES) {
    it(`${c.language}: "${c.centreName}" in ${c.country}, all money in ${c.currency}, staff named in its language`, () => {
      const made = demo('--language', c.language);
      expect(made.code, made.out).toBe(0);
      expect(made.out).toContain(c.printed);
      const got = read(made.file);
      expect(got.settings).toEqual({ centreName: c.centreName, country: c.country, currency: c.currency, language: c.language });
      expect(got.currencies).toEqual([c.currency]);
      // users ordered by role: coordinator, frontdesk, treasurer
      expect(got.staff).toEqual([...c.staff]);
      expect(got.settlements.has(c.town)).toBe(true);
    }, 300_000);
  }

  it('--centre still names the centre, keeping the language\'s country and currency', () => {
    const made = demo('--language', 'pl', '--centre', 'Ośrodek w Potoku');
    expect(made.code, made.out).toBe(0);
    expect(read(made.file).settings).toEqual({ centreName: 'Ośrodek w Potoku', country: 'PL', currency: 'PLN', language: 'pl' });
  }, 300_000);
});
