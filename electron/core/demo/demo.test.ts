import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/api/errors';
import type { ResidentSummary } from '../../../shared/domain/residents';
import type { RequestSummary } from '../../../shared/domain/requests';
import { fixedClock } from '../clock';
import { BUILT_IN_ADMIN } from '../context';
import { startCore } from '../start';
import { fillDemoData } from './demo';

const NOW = '2026-11-23T09:00:00Z';
const TODAY = '2026-11-23';
const SETUP = { centreName: 'Центр поддержки жителей Сылвы', country: 'RU', currency: 'RUB', language: 'ru', demo: true } as const;
const ctx = { actor: BUILT_IN_ADMIN };

type Core = Awaited<ReturnType<typeof startCore>>;

async function demoCore(): Promise<Core> {
  const core = await startCore({ dataDir: null, clock: fixedClock(NOW) });
  const answer = await core.dispatch('setup.complete', SETUP, ctx);
  expect(answer.ok).toBe(true);
  return core;
}

function valueOf<T>(answer: Envelope<unknown>): T {
  if (!answer.ok) throw new Error(`call failed: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

/** Everything the demo writes, in a stable order. */
function dump(core: Core) {
  const all = (query: string) => core.sqlite.prepare(query).all();
  return {
    residents: all('select * from residents order by id'),
    phones: all('select resident_id, position, raw, national from resident_phones order by resident_id, position'),
    terms: all('select resident_id, term, rank from resident_search_terms order by resident_id, term'),
    requests: all('select * from requests order by id'),
    history: all('select * from request_status_history order by id'),
  };
}

interface NameRow {
  id: number;
  last_name: string;
  first_name: string;
  patronymic: string;
}

/** Lower case without accents, done here by hand rather than with the app's own fold. */
const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

describe('demo data', () => {
  let core: Core;
  let names: NameRow[];

  beforeAll(async () => {
    core = await demoCore();
    names = core.sqlite.prepare('select id, last_name, first_name, patronymic from residents order by id').all() as NameRow[];
  });
  afterAll(async () => {
    await core.close();
  });

  const scalar = (query: string, ...params: unknown[]): number => Number(core.sqlite.prepare(query).pluck().get(...params));

  it('registers about a hundred residents, 15 or more of them under regular care', () => {
    expect(names.length).toBeGreaterThanOrEqual(80);
    expect(names.length).toBeLessThanOrEqual(150);
    expect(scalar('select count(*) from residents where regular_care = 1 and lives_alone = 1')).toBeGreaterThanOrEqual(15);
    expect(scalar('select count(*) from residents where regular_care = 1 and checkin_interval_days not in (3, 7, 14)')).toBe(0);
    expect(scalar('select count(*) from residents where regular_care = 0 and checkin_interval_days is not null')).toBe(0);
  });

  it('has names in Cyrillic (Russian and Ukrainian), Polish Latin and Greek', () => {
    const full = names.map((n) => `${n.last_name} ${n.first_name} ${n.patronymic}`);
    expect(full.some((s) => /[ёЁ]/.test(s))).toBe(true);
    expect(full.some((s) => /[їієґЇІЄҐ]/.test(s))).toBe(true);
    expect(full.some((s) => /[łżóśąęćńźŁŻÓŚ]/.test(s))).toBe(true);
    expect(full.some((s) => /\p{Script=Greek}/u.test(s))).toBe(true);
    // Typed as at the front desk: some surnames in capitals.
    expect(names.some((n) => n.last_name.length > 2 && n.last_name === n.last_name.toUpperCase())).toBe(true);
  });

  it('logs requests in each of the last six months, in the 250–400 range, none in the future', () => {
    const total = scalar('select count(*) from requests');
    expect(total).toBeGreaterThanOrEqual(250);
    expect(total).toBeLessThanOrEqual(400);
    for (const month of ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']) {
      expect(scalar("select count(*) from requests where substr(created_on, 1, 7) = ?", month), month).toBeGreaterThan(10);
    }
    expect(scalar('select count(*) from requests where created_on > ? or created_at > ?', TODAY, new Date(NOW).toISOString())).toBe(0);
    expect(scalar('select count(*) from request_status_history where changed_at > ?', new Date(NOW).toISOString())).toBe(0);
    expect(scalar('select count(distinct kind_id) from requests')).toBeGreaterThanOrEqual(15);
  });

  it('closes old requests and leaves recent ones open, with a history for each', () => {
    const openOld = scalar("select count(*) from requests where created_on < '2026-10-01' and status in ('new', 'planned', 'inProgress')");
    const old = scalar("select count(*) from requests where created_on < '2026-10-01'");
    expect(openOld / old).toBeLessThan(0.05);
    expect(scalar("select count(*) from requests where status in ('cancelled', 'referred')")).toBeGreaterThan(0);
    expect(scalar("select count(*) from requests where created_on >= '2026-11-16' and status in ('new', 'planned', 'inProgress')")).toBeGreaterThan(0);
    // Every request starts with a "new" row, and its last history row is its status.
    expect(scalar('select count(*) from requests r where not exists (select 1 from request_status_history h where h.request_id = r.id and h.from_status is null and h.to_status = ?)', 'new')).toBe(0);
    expect(
      scalar(
        'select count(*) from requests r where r.status != (select h.to_status from request_status_history h where h.request_id = r.id order by h.id desc limit 1)',
      ),
    ).toBe(0);
    expect(scalar('select count(*) from request_status_history')).toBeGreaterThan(scalar('select count(*) from requests'));
  });

  it("fills today's queue", async () => {
    const today = valueOf<RequestSummary[]>(await core.dispatch('requests.today', {}, ctx));
    expect(today.filter((r) => r.createdOn === TODAY).length).toBeGreaterThanOrEqual(3);
  });

  it('finds demo residents by folded lower-case queries in every script', async () => {
    const search = async (q: string) => valueOf<ResidentSummary[]>(await core.dispatch('residents.search', { q, limit: 500 }, ctx)).map((r) => r.id);
    const greek = names.find((n) => /\p{Script=Greek}/u.test(n.last_name) && /[\u0300-\u036f]/u.test(n.last_name.normalize('NFD')));
    const cyrillicCaps = names.find((n) => /\p{Script=Cyrillic}/u.test(n.last_name) && n.last_name === n.last_name.toUpperCase());
    const withYo = names.find((n) => /ё/i.test(`${n.last_name}${n.first_name}${n.patronymic}`));
    const polish = names.find((n) => /[łżóśąęćńź]/i.test(n.last_name));
    // Greek without tonos, Cyrillic capitals in lower case, Polish without its marks and ł as l.
    const cases: Array<[NameRow | undefined, (s: string) => string]> = [
      [greek, plain],
      [cyrillicCaps, (s) => s.toLowerCase()],
      [polish, (s) => plain(s).replace(/ł/g, 'l')],
    ];
    for (const [person, typed] of cases) {
      expect(person).toBeDefined();
      if (person === undefined) continue;
      const q = typed(person.last_name);
      expect(q).not.toBe(person.last_name);
      expect(await search(q), `${person.last_name} by "${q}"`).toContain(person.id);
    }
    expect(withYo).toBeDefined();
    if (withYo !== undefined) {
      const q = `${withYo.last_name} ${withYo.first_name} ${withYo.patronymic}`.replace(/ё/g, 'е').replace(/Ё/g, 'Е').toLowerCase();
      expect(await search(q), q).toContain(withYo.id);
    }
  });

  it('finds a demo resident by a fragment of a phone number', async () => {
    const phone = core.sqlite.prepare("select resident_id, national from resident_phones where length(national) = 10 order by id limit 1").get() as
      | { resident_id: number; national: string }
      | undefined;
    expect(phone).toBeDefined();
    if (phone === undefined) return;
    const fragment = `${phone.national.slice(3, 6)} ${phone.national.slice(6, 8)}`;
    const found = valueOf<ResidentSummary[]>(await core.dispatch('residents.search', { q: fragment, limit: 500 }, ctx)).map((r) => r.id);
    expect(found).toContain(phone.resident_id);
  });

  it('keeps the connection at synchronous=FULL after the fill', () => {
    expect(core.sqlite.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('gives the same data for the same seed and different data for another', async () => {
    const again = await demoCore();
    try {
      expect(dump(again)).toEqual(dump(core));
    } finally {
      await again.close();
    }
    const other = await startCore({ dataDir: null, clock: fixedClock(NOW) });
    try {
      const counts = await fillDemoData(other.deps, { actor: BUILT_IN_ADMIN, seed: 7 });
      expect(counts.residents).toBe(100);
      expect(dump(other).residents).not.toEqual(dump(core).residents);
    } finally {
      await other.close();
    }
  });
});
