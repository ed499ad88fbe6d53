/**
 * Benchmark of the core on a large register: 50,000 residents with Russian, Ukrainian, Polish and
 * Greek names, written through the residents repository (the same code that writes the search
 * terms) into a temporary database file. Then it times resident search through the contract's
 * dispatch for 1, 2 and 3 letters, a full name and a phone fragment in every script, the same
 * search as raw SQL on the better-sqlite3 handle (our overhead as a ratio), and creating a request
 * and a resident.
 *
 *   npm run bench                       # BENCH_RESIDENTS=50000 BENCH_RUNS=300 by default
 *   BENCH_RESIDENTS=5000 BENCH_RUNS=50 npm run bench
 *   BENCH_KEEP=1 npm run bench           # keep the database file for EXPLAIN QUERY PLAN by hand
 *
 * The last line of output is one JSON object: {"metrics":[{name, unit, p50, p95, budget_p95?, raw_p50?}, …]}.
 * The exit code is 0 even when a budget is exceeded; such lines say OVER BUDGET.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database, Statement } from 'better-sqlite3';
import { BUILT_IN_ADMIN, type CallContext } from '../electron/core/context';
import { makePhone, Rng, typedName, type PhoneCountry } from '../electron/core/demo/demo';
import { NAME_LANGS, randomPersonName, type Gender, type NameLang } from '../electron/core/demo/names';
import { insertResident } from '../electron/core/features/residents/residents.repo';
import { startCore } from '../electron/core/start';
import type { Envelope } from '../shared/api/errors';
import { phoneQueryVariants, nationalNumber } from '../shared/domain/phone';
import { residentInputSchema, SITUATIONS, type ResidentData, type ResidentSummary } from '../shared/domain/residents';
import { foldedWords, prefixUpperBound } from '../shared/domain/text';

const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const WARMUP = Math.max(10, Math.round(RUNS / 10));
const BATCH = 1000;
const SEARCH_BUDGET_P95 = 15;
const CREATE_BUDGET_P95 = 15;
const KEEP = process.env.BENCH_KEEP === '1';
const SEED = 0x4ea7;

const ctx: CallContext = { actor: BUILT_IN_ADMIN };
const rng = new Rng(SEED);

// ---------------------------------------------------------------------------------------------
// Generated residents: four countries' people with their own addresses and phones

const LANG_MIX: ReadonlyArray<readonly [NameLang, number]> = [
  ['ru', 40],
  ['uk', 25],
  ['pl', 20],
  ['el', 15],
];
const COUNTRY_OF: Record<NameLang, PhoneCountry> = { ru: 'RU', uk: 'UA', pl: 'PL', el: 'GR' };

const PLACES: Record<NameLang, { settlements: readonly string[]; streets: readonly string[] }> = {
  ru: {
    settlements: ['Сылва', 'Чусовой', 'Лямино', 'Сараны', 'Калино', 'Лысьва', 'Горнозаводск', 'Губаха', 'Кизел', 'Пермь'],
    streets: ['ул. Ленина', 'ул. Набережная', 'ул. Заречная', 'ул. Школьная', 'ул. Советская', 'ул. Кирова', 'ул. Молодёжная', 'ул. Луговая', 'пер. Почтовый', 'ул. Строителей', 'ул. Мира', 'ул. Юности'],
  },
  uk: {
    settlements: ['Черкаси', 'Сміла', 'Умань', 'Золотоноша', 'Канів', 'Звенигородка'],
    streets: ['вул. Шевченка', 'бульв. Шевченка', 'вул. Гоголя', 'вул. Небесної Сотні', 'вул. Смілянська', 'вул. Благовісна', 'вул. Івана Франка', 'вул. Героїв Дніпра', "вул. В'ячеслава Чорновола", 'вул. Ґрушевського'],
  },
  pl: {
    settlements: ['Zawiercie', 'Myszków', 'Poręba', 'Łazy', 'Ogrodzieniec', 'Żarki'],
    streets: ['ul. Piłsudskiego', 'ul. Kościuszki', 'ul. Żeromskiego', 'ul. Słowackiego', 'ul. Łośnicka', 'ul. Paderewskiego', 'ul. Wojska Polskiego', 'ul. Górnicza', 'ul. Świętej Barbary', 'ul. Źródlana'],
  },
  el: {
    settlements: ['Πειραιάς', 'Κερατσίνι', 'Νίκαια', 'Πέραμα', 'Δραπετσώνα', 'Κορυδαλλός'],
    streets: ['Γρηγορίου Λαμπράκη', 'Ηρώων Πολυτεχνείου', 'Ανδρούτσου', 'Καραΐσκου', 'Τσαμαδού', 'Εθνικής Αντιστάσεως', 'Αγίου Νικολάου', 'Θερμοπυλών', 'Σαλαμίνος', 'Ομηρίδου Σκυλίτση'],
  },
};

interface Generated {
  lang: NameLang;
  data: ResidentData;
}

function generateResident(): Generated {
  const lang = rng.weighted(LANG_MIX);
  const gender: Gender = rng.chance(0.6) ? 'female' : 'male';
  const name = typedName(rng, randomPersonName(rng.next, lang, gender));
  const place = PLACES[lang];
  const phoneCount = rng.weighted([
    [0, 10],
    [1, 75],
    [2, 15],
  ]);
  const phones = Array.from({ length: phoneCount }, () => makePhone(rng, COUNTRY_OF[lang]));
  const situations = SITUATIONS.filter(() => rng.chance(0.25));
  const data = residentInputSchema.parse({
    ...name,
    birthYear: rng.chance(0.05) ? null : rng.int(1935, 2005),
    settlement: rng.pick(place.settlements),
    street: rng.pick(place.streets),
    house: String(rng.int(1, 150)),
    flat: rng.chance(0.5) ? String(rng.int(1, 120)) : '',
    phones,
    situations,
    householdSize: rng.chance(0.7) ? rng.int(1, 6) : null,
    notes: rng.chance(0.2) ? 'Плохо слышит, звонить громко' : '',
  });
  return { lang, data };
}

// ---------------------------------------------------------------------------------------------
// Statistics

interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? Number.NaN };
}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

async function time<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

function valueOf<T>(answer: Envelope<unknown>): T {
  if (!answer.ok) throw new Error(`call failed: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

// ---------------------------------------------------------------------------------------------
// The same search as raw SQL: the shape of searchResidents in residents.repo.ts, prepared once per shape

function wordPrefixes(word: string): string[] {
  if (/^\d+$/.test(word) && word.length >= 3) return [word, ...phoneQueryVariants(word)].filter((v, i, a) => a.indexOf(v) === i);
  return [word];
}

function rawSearcher(sqlite: Database) {
  const cache = new Map<string, Statement>();
  const ranges = (alias: string, n: number) => Array.from({ length: n }, () => `(${alias}.term >= ? and ${alias}.term < ?)`).join(' or ');
  const statement = (driverCount: number, otherCounts: readonly number[]): Statement => {
    const key = `${driverCount}:${otherCounts.join(',')}`;
    let stmt = cache.get(key);
    if (stmt === undefined) {
      const others = otherCounts
        .map((n) => `and exists (select 1 from resident_search_terms u where u.resident_id = t.resident_id and (${ranges('u', n)}))`)
        .join(' ');
      stmt = sqlite.prepare(`
        select m.resident_id as id
        from (
          select t.resident_id, min(t.rank * 2 + case when t.term = ? then 0 else 1 end) as score
          from resident_search_terms t
          where (${ranges('t', driverCount)}) ${others}
          group by t.resident_id
        ) m
        join residents r on r.id = m.resident_id
        order by m.score, r.sort_key, r.id
        limit ?`);
      cache.set(key, stmt);
    }
    return stmt;
  };
  const summaries = sqlite.prepare(
    'select id, last_name, first_name, patronymic, birth_year, settlement, street, house, flat, regular_care from residents where id in (select value from json_each(?))',
  );
  const phones = sqlite.prepare('select resident_id, raw from resident_phones where resident_id in (select value from json_each(?)) order by resident_id, position');

  // The single-word fast path: exact last names, then last names by prefix from the sort_key index.
  const lastNamePrefix = sqlite.prepare(`
    select id from (
      select r.id, 0 as score, r.sort_key
      from resident_search_terms t join residents r on r.id = t.resident_id
      where t.term = ? and t.rank = 0
      union all
      select * from (
        select r.id, 1 as score, r.sort_key from residents r
        where r.sort_key >= ? and r.sort_key < ?
        order by r.sort_key, r.id limit ?)
    ) group by id order by min(score), sort_key, id limit ?`);
  const withSummaries = (ids: number[]): number[] => {
    if (ids.length > 0) {
      const json = JSON.stringify(ids);
      summaries.all(json);
      phones.all(json);
    }
    return ids;
  };

  return (q: string, limit = 50): number[] => {
    const phoneLike = /^[\d\s\-()+.]+$/.test(q.trim()) && q.replace(/\D/g, '').length >= 3;
    const words = phoneLike ? [q.replace(/\D/g, '')] : foldedWords(q);
    const single = words[0];
    if (!phoneLike && words.length === 1 && single !== undefined) {
      const fast = lastNamePrefix.pluck().all(single, single, prefixUpperBound(single), limit, limit) as number[];
      if (fast.length >= limit) return withSummaries(fast);
    }
    const sorted = [...words].sort((a, b) => b.length - a.length);
    const driver = sorted[0];
    if (driver === undefined) return [];
    const others = sorted.slice(1, 6).map(wordPrefixes);
    const variants = phoneLike ? phoneQueryVariants(q) : [];
    const driverPrefixes = phoneLike ? variants : wordPrefixes(driver);
    const exact = phoneLike ? (variants[variants.length - 1] ?? driver) : driver;
    const bounds = (prefixes: readonly string[]) => prefixes.flatMap((p) => [p, prefixUpperBound(p)]);
    const ids = statement(
      driverPrefixes.length,
      others.map((o) => o.length),
    )
      .pluck()
      .all(exact, ...bounds(driverPrefixes), ...others.flatMap(bounds), limit) as number[];
    return withSummaries(ids);
  };
}

// ---------------------------------------------------------------------------------------------
// Query classes

const CLASSES = ['1letter', '2letters', '3letters', 'fullName', 'phone'] as const;
type QueryClass = (typeof CLASSES)[number];

function queryFor(cls: QueryClass, person: Generated): string | null {
  const last = person.data.lastName.toLowerCase();
  switch (cls) {
    case '1letter':
      return Array.from(last).slice(0, 1).join('');
    case '2letters':
      return Array.from(last).slice(0, 2).join('');
    case '3letters':
      return Array.from(last).slice(0, 3).join('');
    case 'fullName':
      return [person.data.lastName, person.data.firstName, person.data.patronymic].filter((s) => s !== '').join(' ').toLowerCase();
    case 'phone': {
      const phone = person.data.phones[0];
      if (phone === undefined) return null;
      // A run of 4 to 7 digits from the middle or the end, typed with a space as people read it out.
      const national = nationalNumber(phone);
      const length = rng.int(4, Math.min(7, national.length));
      const start = rng.int(0, national.length - length);
      const digits = national.slice(start, start + length);
      return length > 4 ? `${digits.slice(0, 3)} ${digits.slice(3)}` : digits;
    }
  }
}

function queriesFor(cls: QueryClass, lang: NameLang, people: readonly Generated[], count: number): string[] {
  const pool = people.filter((p) => p.lang === lang);
  const out: string[] = [];
  while (out.length < count) {
    const q = queryFor(cls, rng.pick(pool));
    if (q !== null && q.length > 0) out.push(q);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

interface Metric {
  name: string;
  unit: 'ms';
  p50: number;
  p95: number;
  budget_p95?: number;
  raw_p50?: number;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-'));
  const core = await startCore({ dataDir: dir });
  const overBudget: string[] = [];
  const metrics: Metric[] = [];
  try {
    console.log(`Hearth bench: ${RESIDENTS.toLocaleString('en')} residents, ${RUNS} runs per query class (after ${WARMUP} warm-up), database ${core.file}`);
    console.log(`machine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} (p95 figures suffer on a busy machine)`);

    // 1. Generate through the repository, in batched transactions.
    const people: Generated[] = [];
    const generate = await time(async () => {
      for (let done = 0; done < RESIDENTS; done += BATCH) {
        const batch = Array.from({ length: Math.min(BATCH, RESIDENTS - done) }, generateResident);
        const at = new Date().toISOString();
        await core.deps.db.transaction().execute(async (trx) => {
          for (const person of batch) await insertResident(trx, person.data, ctx.actor.id, at);
        });
        people.push(...batch);
      }
    });
    const analyze = await time(() => core.sqlite.exec('analyze'));
    const terms = Number(core.sqlite.prepare('select count(*) from resident_search_terms').pluck().get());
    console.log(
      `generated ${people.length.toLocaleString('en')} residents (${terms.toLocaleString('en')} search terms) in ${(generate.ms / 1000).toFixed(1)} s ` +
        `(${((generate.ms * 1000) / people.length).toFixed(0)} µs each); analyze ${analyze.ms.toFixed(0)} ms`,
    );

    // 2. Search: dispatch and raw SQL, query by query, on the same queries.
    const raw = rawSearcher(core.sqlite);
    const search = async (q: string) => valueOf<ResidentSummary[]>(await core.dispatch('residents.search', { q }, ctx));
    const allSamples: number[] = [];
    const allRaw: number[] = [];
    const rows: string[][] = [];
    let mismatches = 0;
    for (const lang of NAME_LANGS) {
      for (const cls of CLASSES) {
        const queries = queriesFor(cls, lang, people, WARMUP + RUNS);
        const samples: number[] = [];
        const rawSamples: number[] = [];
        const slowest: Array<{ q: string; ms: number; raw: number }> = [];
        let found = 0;
        for (const [i, q] of queries.entries()) {
          // Alternate which path goes first, so neither always finds the pages the other just read.
          const rawFirst = i % 2 === 1;
          const early = rawFirst ? await time(() => raw(q)) : undefined;
          const viaDispatch = await time(() => search(q));
          const viaRaw = early ?? (await time(() => raw(q)));
          if (i < WARMUP) continue;
          samples.push(viaDispatch.ms);
          rawSamples.push(viaRaw.ms);
          slowest.push({ q, ms: viaDispatch.ms, raw: viaRaw.ms });
          found += viaDispatch.value.length;
          if (viaDispatch.value.map((r) => r.id).join() !== viaRaw.value.join()) mismatches++;
        }
        slowest.sort((a, b) => b.ms - a.ms);
        const s = stats(samples);
        const r = stats(rawSamples);
        allSamples.push(...samples);
        allRaw.push(...rawSamples);
        const name = `residents.search.${lang}.${cls}`;
        metrics.push({ name, unit: 'ms', p50: round(s.p50), p95: round(s.p95), budget_p95: SEARCH_BUDGET_P95, raw_p50: round(r.p50) });
        rows.push([
          name,
          `"${queries[WARMUP] ?? ''}"`,
          s.p50.toFixed(2),
          s.p95.toFixed(2),
          s.max.toFixed(1),
          r.p50.toFixed(2),
          r.p95.toFixed(2),
          (s.p50 / r.p50).toFixed(2),
          (found / samples.length).toFixed(0),
        ]);
        if (s.p95 > SEARCH_BUDGET_P95) {
          const worst = slowest
            .slice(0, 5)
            .map((x) => `"${x.q}" ${x.ms.toFixed(1)} ms (raw ${x.raw.toFixed(1)})`)
            .join(', ');
          overBudget.push(`OVER BUDGET: ${name} p95 ${s.p95.toFixed(1)} ms > ${SEARCH_BUDGET_P95} ms; slowest: ${worst}`);
        }
      }
    }
    const total = stats(allSamples);
    const totalRaw = stats(allRaw);
    metrics.unshift({ name: 'residents.search', unit: 'ms', p50: round(total.p50), p95: round(total.p95), budget_p95: SEARCH_BUDGET_P95, raw_p50: round(totalRaw.p50) });
    if (total.p95 > SEARCH_BUDGET_P95) overBudget.unshift(`OVER BUDGET: residents.search p95 ${total.p95.toFixed(1)} ms > ${SEARCH_BUDGET_P95} ms`);
    rows.unshift([
      'residents.search (all)',
      '',
      total.p50.toFixed(2),
      total.p95.toFixed(2),
      total.max.toFixed(1),
      totalRaw.p50.toFixed(2),
      totalRaw.p95.toFixed(2),
      (total.p50 / totalRaw.p50).toFixed(2),
      '',
    ]);

    // 3. Writes through dispatch (each one its own transaction, synchronous=FULL, as in the app).
    const kinds = core.sqlite.prepare('select id from service_kinds where archived_at is null').pluck().all() as number[];
    const residentIds = core.sqlite.prepare('select id from residents').pluck().all() as number[];
    const writes: Array<{ name: string; budget?: number; run: () => Promise<unknown> }> = [
      {
        name: 'requests.create',
        budget: CREATE_BUDGET_P95,
        run: async () =>
          valueOf(
            await core.dispatch(
              'requests.create',
              { residentId: rng.pick(residentIds), kindId: rng.pick(kinds), urgency: 'normal', channel: 'walkIn', description: 'Распечатать документы, 3 страницы' },
              ctx,
            ),
          ),
      },
      {
        name: 'residents.create',
        run: async () => {
          const { data } = generateResident();
          return valueOf(await core.dispatch('residents.create', data, ctx));
        },
      },
    ];
    for (const w of writes) {
      const samples: number[] = [];
      for (let i = 0; i < WARMUP + RUNS; i++) {
        const { ms } = await time(w.run);
        if (i >= WARMUP) samples.push(ms);
      }
      const s = stats(samples);
      metrics.push({ name: w.name, unit: 'ms', p50: round(s.p50), p95: round(s.p95), ...(w.budget !== undefined ? { budget_p95: w.budget } : {}) });
      rows.push([w.name, '', s.p50.toFixed(2), s.p95.toFixed(2), s.max.toFixed(1), '', '', '', '']);
      if (w.budget !== undefined && s.p95 > w.budget) overBudget.push(`OVER BUDGET: ${w.name} p95 ${s.p95.toFixed(1)} ms > ${w.budget} ms`);
    }

    printTable(['metric', 'e.g. query', 'p50 ms', 'p95 ms', 'max ms', 'raw p50', 'raw p95', 'ratio', 'hits'], rows);
    if (mismatches > 0) console.log(`note: raw SQL and dispatch returned different ids for ${mismatches} queries`);
    for (const line of overBudget) console.log(line);
    if (overBudget.length === 0) console.log('All within budget.');
  } finally {
    await core.close();
    if (KEEP) console.log(`kept ${core.file}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ metrics }));
}

function printTable(header: readonly string[], rows: readonly string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i <= 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log('');
}

await main();
