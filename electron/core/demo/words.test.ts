import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { BUILT_IN_ADMIN } from '../context';
import { startCore } from '../start';
import { BUILT_IN_KINDS } from '../../../shared/domain/catalogue';
import { NAME_POOLS } from './names';
import { ru } from './words/ru';
import { pl } from './words/pl';
import { el } from './words/el';
import { uk } from './words/uk';
import type { DemoWords } from './words/types';

const NOW = '2026-11-23T09:00:00Z';
const ctx = { actor: BUILT_IN_ADMIN };
type Core = Awaited<ReturnType<typeof startCore>>;

const SETUPS = {
  ru: { centreName: 'Центр поддержки жителей Сылвы', country: 'RU', currency: 'RUB', language: 'ru', demo: true },
  pl: { centreName: 'Centrum Wsparcia Mieszkańców w Jedliczu', country: 'PL', currency: 'PLN', language: 'pl', demo: true },
  uk: { centreName: 'Центр підтримки мешканців Решетилівки', country: 'UA', currency: 'UAH', language: 'uk', demo: true },
  el: { centreName: 'Κέντρο Στήριξης Κατοίκων Κερατσινίου', country: 'GR', currency: 'EUR', language: 'el', demo: true },
} as const;

/** The first-run screen's "fill with demo data" in a language (setup.complete with demo: true). */
async function demoIn(language: keyof typeof SETUPS): Promise<{ core: Core; counts: Record<string, number> }> {
  const core = await startCore({ dataDir: null, clock: fixedClock(NOW) });
  const answer = await core.dispatch('setup.complete', SETUPS[language], ctx);
  expect(answer.ok).toBe(true);
  const count = (table: string) => Number((core.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n);
  const tables = ['residents', 'households', 'requests', 'request_status_history', 'volunteers', 'help_plans', 'tasks', 'events', 'grants', 'cases', 'assessments'];
  return { core, counts: Object.fromEntries(tables.map((t) => [t, count(t)])) };
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

describe('demo words: every language has the same shape as the Russian', () => {
  const languages: Record<string, DemoWords> = { pl, el, uk };
  for (const [lang, words] of Object.entries(languages)) {
    it(`${lang}: the same templates, referrals and progress notes per kind, and lists as long`, () => {
      for (const k of BUILT_IN_KINDS) {
        const a = ru.kinds[k.code];
        const b = words.kinds[k.code];
        expect([k.code, b.templates.length]).toEqual([k.code, a.templates.length]);
        expect([k.code, b.referrals === undefined, b.progressNotes === undefined]).toEqual([k.code, a.referrals === undefined, a.progressNotes === undefined]);
      }
      expect(words.volunteers.length).toBe(ru.volunteers.length);
      expect(words.settlements.map((s) => s.streets.length > 0)).toEqual([true, true, true, true, true]);
    });
  }
});

describe('demo --language pl', () => {
  let ruDemo: Awaited<ReturnType<typeof demoIn>>;
  let plDemo: Awaited<ReturnType<typeof demoIn>>;
  beforeAll(async () => {
    ruDemo = await demoIn('ru');
    plDemo = await demoIn('pl');
  }, 600_000);
  afterAll(() => {
    void ruDemo.core.close();
    void plDemo.core.close();
  });

  const all = <T>(core: Core, query: string) => core.sqlite.prepare(query).all() as T[];

  it('writes as many residents, households, requests, volunteers, plans and tasks as the Russian demo', () => {
    expect(plDemo.counts).toEqual(ruDemo.counts);
    const shape = (core: Core) =>
      all<{ s: string }>(core, "select count(*) || '/' || sum(regular_care) || '/' || sum(needs_snow_clearing) as s from residents").map((x) => x.s)[0];
    expect(shape(plDemo.core)).toBe(shape(ruDemo.core));
    const statuses = (core: Core) => all(core, 'select status, count(*) as n from requests group by status order by status');
    expect(statuses(plDemo.core)).toEqual(statuses(ruDemo.core));
  });

  it('gives most residents Polish names, with Ukrainian refugees among them', () => {
    const polish = new Set(NAME_POOLS.pl.lastNames.flatMap((n) => [n.male, n.female].map((x) => x.toLocaleLowerCase('pl'))));
    const ukrainian = new Set(NAME_POOLS.uk.lastNames.flatMap((n) => [n.male, n.female].map((x) => x.toLocaleLowerCase('uk'))));
    const names = all<{ last_name: string }>(plDemo.core, 'select last_name from residents').map((r) => r.last_name.toLocaleLowerCase('pl'));
    expect(names.length).toBe(100);
    const polishCount = names.filter((n) => polish.has(n)).length;
    expect(polishCount).toBeGreaterThanOrEqual(70);
    expect(names.filter((n) => ukrainian.has(n)).length).toBeGreaterThan(0);
  });

  it('lives in a Podkarpacie gmina with Polish addresses and phones', () => {
    const places = all<{ settlement: string; street: string }>(plDemo.core, 'select settlement, street from residents');
    expect(new Set(places.map((p) => p.settlement))).toEqual(new Set(['Jedlicze', 'Krosno', 'Potok', 'Moderówka', 'Żarnowiec']));
    expect(places.filter((p) => p.street.startsWith('ul. ')).length).toBeGreaterThan(60);
    const phones = all<{ raw: string }>(plDemo.core, 'select raw from resident_phones').map((p) => p.raw);
    expect(phones.filter((p) => /^(\+48|48|[5-8]\d\d|13 )/.test(p)).length).toBeGreaterThan(phones.length / 2);
  });

  it('writes requests, notes and status notes in Polish (no Cyrillic letter anywhere)', () => {
    const texts = [
      ...all<{ t: string }>(plDemo.core, 'select description as t from requests'),
      ...all<{ t: string }>(plDemo.core, "select note as t from request_status_history where note <> ''"),
      ...all<{ t: string }>(plDemo.core, "select notes as t from residents where notes <> ''"),
      ...all<{ t: string }>(plDemo.core, "select notes as t from volunteers where notes <> ''"),
      ...all<{ t: string }>(plDemo.core, "select note as t from help_plans where note <> ''"),
    ].map((x) => x.t);
    expect(texts.length).toBeGreaterThan(300);
    expect(texts.filter((t) => CYRILLIC.test(t))).toEqual([]);
    expect(texts).toContain('Paczka żywnościowa');
    // Polish plural forms: 2 strony, 5 stron, 22 strony.
    const pageCounts = texts.flatMap((t) => [...t.matchAll(/(\d+) (strona|strony|stron)\b/g)].map((m) => [Number(m[1]), m[2]] as const));
    expect(pageCounts.length).toBeGreaterThan(0);
    for (const [n, word] of pageCounts) expect([n, word]).toEqual([n, n === 1 ? 'strona' : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 'strony' : 'stron']);
  });

  it('names a Polish grant, funder and landlord', () => {
    const grants = all<{ funder: string; title: string }>(plDemo.core, 'select funder, title from grants');
    expect(grants.length).toBeGreaterThan(0);
    for (const gr of grants) {
      expect(CYRILLIC.test(gr.funder + gr.title)).toBe(false);
      expect(gr.title).toMatch(/[ąęłńóśźż]/);
    }
  });
});

describe('demo --language el', () => {
  let ruDemo: Awaited<ReturnType<typeof demoIn>>;
  let elDemo: Awaited<ReturnType<typeof demoIn>>;
  beforeAll(async () => {
    ruDemo = await demoIn('ru');
    elDemo = await demoIn('el');
  }, 600_000);
  afterAll(() => {
    void ruDemo.core.close();
    void elDemo.core.close();
  });
  const all = <T>(core: Core, query: string) => core.sqlite.prepare(query).all() as T[];
  const GREEK = /\p{Script=Greek}/u;

  it('writes the same counts as the Russian demo', () => {
    expect(elDemo.counts).toEqual(ruDemo.counts);
  });

  it('gives most residents Greek names, with refugees from Ukraine and a few others', () => {
    const greek = new Set(NAME_POOLS.el.lastNames.flatMap((n) => [n.male, n.female]));
    const names = all<{ last_name: string }>(elDemo.core, 'select last_name from residents').map((r) => r.last_name);
    const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('el');
    const folded = new Set([...greek].map(fold));
    // About 69 of 100 for this seed: the rest are refugees from Ukraine and a few Polish names.
    expect(names.filter((n) => folded.has(fold(n))).length).toBeGreaterThanOrEqual(65);
    expect(names.filter((n) => /\p{Script=Cyrillic}/u.test(n)).length).toBeGreaterThan(0);
  });

  it('writes requests, notes and the grant in Greek', () => {
    const texts = [
      ...all<{ t: string }>(elDemo.core, 'select description as t from requests'),
      ...all<{ t: string }>(elDemo.core, "select note as t from request_status_history where note <> ''"),
      ...all<{ t: string }>(elDemo.core, "select notes as t from residents where notes <> ''"),
      ...all<{ t: string }>(elDemo.core, "select note as t from help_plans where note <> ''"),
    ].map((x) => x.t);
    expect(texts.filter((t) => CYRILLIC.test(t))).toEqual([]);
    const requests = all<{ t: string }>(elDemo.core, 'select description as t from requests').map((x) => x.t);
    expect(requests.every((t) => GREEK.test(t))).toBe(true);
    const settlements = new Set(all<{ s: string }>(elDemo.core, 'select settlement as s from residents').map((x) => x.s));
    expect(settlements.has('Κερατσίνι')).toBe(true);
    const grants = all<{ funder: string; title: string }>(elDemo.core, 'select funder, title from grants');
    expect(grants.length).toBeGreaterThan(0);
    for (const gr of grants) expect(GREEK.test(gr.title) && GREEK.test(gr.funder)).toBe(true);
  });
});

describe('demo --language uk', () => {
  let ruDemo: Awaited<ReturnType<typeof demoIn>>;
  let ukDemo: Awaited<ReturnType<typeof demoIn>>;
  beforeAll(async () => {
    ruDemo = await demoIn('ru');
    ukDemo = await demoIn('uk');
  }, 600_000);
  afterAll(() => {
    void ruDemo.core.close();
    void ukDemo.core.close();
  });
  const all = <T>(core: Core, query: string) => core.sqlite.prepare(query).all() as T[];

  it('writes the same counts as the Russian demo', () => {
    expect(ukDemo.counts).toEqual(ruDemo.counts);
  });

  it('gives most residents Ukrainian names', () => {
    const ukrainian = new Set(NAME_POOLS.uk.lastNames.flatMap((n) => [n.male, n.female].map((x) => x.toLocaleLowerCase('uk'))));
    const names = all<{ last_name: string }>(ukDemo.core, 'select last_name from residents').map((r) => r.last_name.toLocaleLowerCase('uk'));
    expect(names.filter((n) => ukrainian.has(n)).length).toBeGreaterThanOrEqual(70);
  });

  it('writes requests and notes in Ukrainian (і, ї, є; no ы, э, ё), and a Ukrainian grant', () => {
    const texts = [
      ...all<{ t: string }>(ukDemo.core, 'select description as t from requests'),
      ...all<{ t: string }>(ukDemo.core, "select note as t from request_status_history where note <> ''"),
      ...all<{ t: string }>(ukDemo.core, "select notes as t from residents where notes <> ''"),
      ...all<{ t: string }>(ukDemo.core, "select note as t from help_plans where note <> ''"),
      ...all<{ t: string }>(ukDemo.core, 'select funder || title as t from grants'),
    ].map((x) => x.t);
    expect(texts.filter((t) => /[ыэёЫЭЁъЪ]/.test(t))).toEqual([]);
    const requests = all<{ t: string }>(ukDemo.core, 'select description as t from requests').map((x) => x.t);
    expect(requests.filter((t) => /[іїєІЇЄ]/.test(t)).length).toBeGreaterThan(requests.length / 2);
    expect(all<{ t: string }>(ukDemo.core, 'select title as t from grants').some((x) => /[іїє]/.test(x.t))).toBe(true);
  });
});
