/**
 * The city generator on a scaled-down city (1/200 of the counts, three years) in real SQLite files:
 * the same seed gives the same content, another seed another; the data keeps the core's rules
 * (status history chains, a request's status following its tasks, an audit entry for every
 * change, an unbroken chain, a clean file); and the app opens it and answers.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOpen, type RequestStatus } from '../../../../shared/domain/requests';
import { requestStatusFromTasks, type TaskStatus } from '../../../../shared/domain/tasks';
import type { Envelope } from '../../../../shared/api/errors';
import { verifyChainSqlite } from '../../features/audit/audit.chain';
import { BUILT_IN_ADMIN } from '../../context';
import { fixedClock } from '../../clock';
import { startCore } from '../../start';
import { generateCity, scaledCounts, type CityResult } from './city';
import { FAST_CALLS } from './fast';

const NOW = new Date('2026-11-30T12:00:00Z');
const COUNTS = { ...scaledCounts(1 / 200), years: 3 };
const dirs: string[] = [];

async function city(seed: number, verifyAfter = false): Promise<CityResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-city-'));
  dirs.push(dir);
  return generateCity({ dataDir: dir, seed, counts: COUNTS, now: NOW, batchSize: 500, verifyAfter });
}

/** A hash of every row of every table (salted password and PIN hashes left out). */
function tableHashes(file: string): Record<string, string> {
  const sqlite = new Database(file, { readonly: true });
  try {
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
    return Object.fromEntries(
      tables.map((t) => {
        const hash = createHash('sha256');
        for (const row of sqlite.prepare(`select * from "${t}" order by rowid`).iterate() as Iterable<Record<string, unknown>>) {
          const { password_hash: _p, pin_hash: _q, ...rest } = row;
          hash.update(JSON.stringify(rest));
        }
        return [t, hash.digest('hex')];
      }),
    );
  } finally {
    sqlite.close();
  }
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('city generator', () => {
  let made: CityResult;
  let db: Database.Database;

  beforeAll(async () => {
    made = await city(7, true);
    db = new Database(made.file, { readonly: true });
  });
  afterAll(() => db?.close());

  it('makes the counts it was asked for, near enough, and one audit entry per call', () => {
    expect(made.rows.residents).toBe(COUNTS.residents);
    expect(made.rows.requests).toBeGreaterThanOrEqual(COUNTS.requests * 0.97);
    expect(made.rows.requests).toBeLessThanOrEqual(COUNTS.requests);
    expect(made.rows.volunteers).toBe(COUNTS.volunteers);
    expect(made.rows.tasks).toBeGreaterThan(COUNTS.tasks * 0.6);
    expect(made.rows.tasks).toBeLessThan(COUNTS.tasks * 1.5);
    expect(made.rows.cash_entries).toBeGreaterThan(COUNTS.cashEntries * 0.6);
    expect(made.rows.grants).toBeGreaterThanOrEqual(1);
    expect(made.rows.sales).toBeGreaterThan(0);
    expect(made.rows.leases).toBeGreaterThanOrEqual(1);
    // The first admin's set-up is the entry before the first call.
    expect(made.auditEntries).toBe(made.calls + 1);
  });

  it('names its staff in the city’s language: a Ukrainian centre’s people, on the sign-in screen’s demo accounts too', () => {
    // The admin, the three demo users (as a Ukrainian demo centre names them: users.demo.ts), then the city's first new colleague.
    expect(db.prepare('select name, role from users order by id limit 5').all()).toEqual([
      { name: 'Адміністратор', role: 'admin' },
      { name: 'Галина Мартинюк', role: 'frontdesk' },
      { name: 'Ганна Білик', role: 'coordinator' },
      { name: 'Ірина Коваль', role: 'treasurer' },
      { name: 'Оксана Ткаченко', role: 'frontdesk' },
    ]);
    const accounts = JSON.parse(db.prepare("select value from settings where key = 'demoAccounts'").pluck().get() as string) as { userId: number; name: string }[];
    expect(accounts.map((a) => [a.userId, a.name]).sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual([
      [1, 'Адміністратор'],
      [2, 'Галина Мартинюк'],
      [3, 'Ганна Білик'],
      [4, 'Ірина Коваль'],
    ]);
  });

  it('writes what the calls write on its fast paths (checked call by call in this run)', () => {
    // verifyAfter: each fast-path call ran the real handler first, in a savepoint, and compared rows and entry.
    for (const call of FAST_CALLS) expect(made.byCall[call]?.n ?? 0, call).toBeGreaterThan(0);
  });

  it('is the same for the same seed, and different for another', async () => {
    const again = await city(7);
    const other = await city(8);
    const hashes = tableHashes(made.file);
    expect(tableHashes(again.file)).toEqual(hashes);
    const differ = Object.entries(tableHashes(other.file)).filter(([t, h]) => hashes[t] !== h).map(([t]) => t);
    for (const t of ['residents', 'households', 'household_members', 'requests', 'request_status_history', 'tasks', 'cash_entries', 'audit_log']) expect(differ).toContain(t);
  });

  it('gives every request a status history from new to its status', () => {
    const requests = db.prepare('select id, status from requests order by id').all() as Array<{ id: number; status: string }>;
    const history = db.prepare('select request_id, from_status, to_status from request_status_history order by request_id, id').all() as Array<{
      request_id: number;
      from_status: string | null;
      to_status: string;
    }>;
    const byRequest = new Map<number, typeof history>();
    for (const h of history) byRequest.set(h.request_id, [...(byRequest.get(h.request_id) ?? []), h]);
    const broken = requests.filter((r) => {
      const chain = byRequest.get(r.id) ?? [];
      if (chain[0]?.from_status !== null || chain[0]?.to_status !== 'new') return true;
      for (let i = 1; i < chain.length; i++) if (chain[i]?.from_status !== chain[i - 1]?.to_status) return true;
      return chain[chain.length - 1]?.to_status !== r.status;
    });
    expect(broken).toEqual([]);
    expect(history.length / requests.length).toBeGreaterThan(2.3);
  });

  it('keeps the status of every open request where its tasks put it', () => {
    const rows = db
      .prepare('select r.id, r.status, group_concat(t.status) as tasks from requests r join tasks t on t.request_id = r.id group by r.id')
      .all() as Array<{ id: number; status: RequestStatus; tasks: string }>;
    expect(rows.length).toBeGreaterThan(0);
    const off = rows.filter((r) => isOpen(r.status) && requestStatusFromTasks(r.status, r.tasks.split(',') as TaskStatus[]) !== null);
    expect(off).toEqual([]);
  });

  it('has an audit entry for every resident, request, task and change of status', () => {
    const entries = db.prepare('select at, call, entity_type, entity_id, resident_id from audit_log').all() as Array<{
      at: string;
      call: string;
      entity_type: string | null;
      entity_id: string | null;
      resident_id: number | null;
    }>;
    const keys = new Set(entries.map((e) => `${e.call}:${e.entity_id}`));
    const missing = (call: string, ids: number[]) => ids.filter((id) => !keys.has(`${call}:${id}`));
    const ids = (query: string) => db.prepare(query).pluck().all() as number[];
    expect(missing('residents.create', ids('select id from residents'))).toEqual([]);
    expect(missing('requests.create', ids('select id from requests'))).toEqual([]);
    expect(missing('tasks.create', ids('select id from tasks where plan_id is null'))).toEqual([]);
    // Plan tasks are made by the plan (and the app host's daily run, which writes no entry, as in the app).
    expect(missing('plans.create', ids('select distinct plan_id from tasks where plan_id is not null'))).toEqual([]);
    const closed = db.prepare("select id, status from tasks where status in ('done', 'notDone')").all() as Array<{ id: number; status: string }>;
    expect(closed.filter((t) => !keys.has(`tasks.${t.status === 'done' ? 'complete' : 'notDone'}:${t.id}`))).toEqual([]);

    // Each change of a request's status at the moment of a call on that request, one of its tasks or its resident.
    const atMoment = new Map<string, typeof entries>();
    for (const e of entries) atMoment.set(e.at, [...(atMoment.get(e.at) ?? []), e]);
    const changes = db
      .prepare(
        `select h.request_id, h.changed_at, q.resident_id, (select group_concat(id) from tasks where request_id = h.request_id) as tasks
         from request_status_history h join requests q on q.id = h.request_id where h.from_status is not null`,
      )
      .all() as Array<{ request_id: number; changed_at: string; resident_id: number; tasks: string | null }>;
    const unexplained = changes.filter((c) => {
      const tasks = new Set((c.tasks ?? '').split(','));
      return !(atMoment.get(c.changed_at) ?? []).some(
        (e) =>
          (e.call === 'requests.setStatus' && e.entity_id === String(c.request_id)) ||
          (e.call.startsWith('tasks.') && e.entity_id !== null && tasks.has(e.entity_id)) ||
          (e.call === 'residents.markLeft' && e.resident_id === c.resident_id),
      );
    });
    expect(changes.length).toBeGreaterThan(0);
    expect(unexplained).toEqual([]);
  });

  it('groups most residents into households, registered through the calls, nobody in two at once', () => {
    const scalar = (query: string) => Number(db.prepare(query).pluck().get());
    expect(made.rows.households).toBeGreaterThan(COUNTS.residents * 0.5);
    expect(made.byCall['households.create']?.n).toBe(made.rows.households);
    expect(made.byCall['households.addMember']?.n ?? 0).toBeGreaterThan(0);
    const covered = scalar('select count(distinct resident_id) from household_members where resident_id is not null');
    expect(covered / COUNTS.residents).toBeGreaterThan(0.75);
    expect(scalar('select count(*) from (select resident_id from household_members where to_on is null and resident_id is not null group by resident_id having count(*) > 1)')).toBe(0);
    expect(scalar("select count(*) from households h where closed_on is null and (select count(*) from household_members m where m.household_id = h.id and m.to_on is null and m.relation = 'head') != 1")).toBe(0);
    expect(scalar("select count(*) from household_members where resident_id is null and relation = 'child'")).toBeGreaterThan(0);
    expect(scalar('select count(*) from household_members m join residents r on r.id = m.resident_id where m.from_on < substr(r.created_at, 1, 10)')).toBe(0);
    const entries = new Set(db.prepare("select entity_id from audit_log where call = 'households.create'").pluck().all() as string[]);
    expect((db.prepare('select id from households').pluck().all() as number[]).filter((id) => !entries.has(String(id)))).toEqual([]);
  });

  it('does casework in its last three years: assessments under consent, cases opened from them, one open at a time, projects with participants', () => {
    const scalar = (query: string, ...args: unknown[]) => Number(db.prepare(query).pluck().get(...args));
    const today = NOW.toISOString().slice(0, 10);
    // 250 residents: about 5 assessments a year (Cherkasy: 1,038 for 50,000), three years of them.
    expect(made.rows.assessments).toBeGreaterThanOrEqual(8);
    expect(made.rows.assessments).toBeLessThanOrEqual(25);
    expect(scalar("select count(*) from assessments where assessed_on < '2023-11-30' or assessed_on > ?", today)).toBe(0);
    expect(scalar('select count(*) from assessments a where (select count(*) from assessment_needs n where n.assessment_id = a.id) = 0')).toBe(0);
    // Each content-bearing record rests on a consent covering health (a household's: its head's).
    const withoutConsent = `select count(*) from assessments a where not exists (select 1 from resident_consents c where c.scope_health = 1 and c.resident_id = coalesce(a.resident_id,
      (select m.resident_id from household_members m where m.household_id = a.household_id and m.relation = 'head' and m.from_on <= a.assessed_on order by m.from_on desc limit 1)))`;
    expect(scalar(withoutConsent)).toBe(0);
    // Every case comes from an assessment of its own person or household; one open at a time.
    expect(scalar('select count(*) from cases c join assessments a on a.id = c.assessment_id where c.resident_id is a.resident_id and c.household_id is a.household_id')).toBe(made.rows.cases);
    expect(scalar("select count(*) from (select resident_id from cases where status = 'open' and resident_id is not null group by resident_id having count(*) > 1)")).toBe(0);
    expect(scalar('select count(*) from cases where opened_on > ? or closed_on > ? or closed_on < opened_on', today, today)).toBe(0);
    expect(scalar('select count(*) from case_contacts x join cases c on c.id = x.case_id where x.contact_on < c.opened_on or x.contact_on > coalesce(c.closed_on, ?)', today)).toBe(0);
    // Two projects; everyone in the first (ended a year ago) completed or dropped out, after recruitment.
    expect(made.rows.projects).toBe(2);
    const first = Number(db.prepare('select id from projects order by id limit 1').pluck().get());
    expect(scalar('select count(*) from project_participants where project_id = ?', first)).toBeGreaterThan(0);
    expect(scalar("select count(*) from project_participants where project_id = ? and status = 'active'", first)).toBe(0);
    expect(scalar('select count(*) from project_participants where ended_on < recruited_on or contract_on < recruited_on')).toBe(0);
    expect(scalar('select count(*) from project_attendance a join project_participants p on p.id = a.participant_id where a.attended_on < p.recruited_on or a.attended_on > coalesce(p.ended_on, ?)', today)).toBe(0);
  });

  it('does group work and aid in the same years: events with attendance and head counts, aid given from a stock that never goes below zero, a shelter', () => {
    const scalar = (query: string, ...args: unknown[]) => Number(db.prepare(query).pluck().get(...args));
    const today = NOW.toISOString().slice(0, 10);
    // 250 residents: 1.5 events and 0.35 mobile-team trips a year (Cherkasy: 297 and 71 for 50,000), three years.
    expect(made.rows.events).toBeGreaterThanOrEqual(3);
    expect(made.rows.events).toBeLessThanOrEqual(12);
    expect(made.rows.event_head_counts).toBe(4 * (made.rows.events ?? 0));
    expect(scalar("select count(*) from events where starts_on < '2023-11-30' or starts_on > ?", today)).toBe(0);
    expect(scalar("select count(*) from event_attendance where status <> 'attended'")).toBe(0);
    // About 37 residents a year get aid at the desk (Cherkasy: 7,519 for 50,000); deliveries keep every stock at zero or more.
    const given = scalar("select count(distinct resident_id) from aid_movements where kind = 'given' and resident_id is not null");
    expect(given).toBeGreaterThan(60);
    expect(given).toBeLessThan(160);
    expect(scalar('select count(*) from aid_items where stock < 0')).toBe(0);
    expect(scalar('select count(*) from aid_items i where stock != (select coalesce(sum(delta), 0) from aid_movements m where m.item_id = i.id)')).toBe(0);
    expect(scalar("select count(*) from aid_movements m where kind = 'given' and event_id is not null and not exists (select 1 from events e where e.id = m.event_id and e.kind = 'mobileTeamTrip')")).toBe(0);
    // The shelter: displaced people, each stay checked out after it began.
    expect(made.rows.shelter_stays).toBeGreaterThan(0);
    expect(scalar('select count(*) from shelter_stays where checked_out_on < checked_in_on or checked_in_on > ?', today)).toBe(0);
  });

  it('leaves an unbroken audit chain and a clean file', () => {
    const chain = verifyChainSqlite(db);
    expect(chain.ok).toBe(true);
    expect(chain.count).toBe(made.auditEntries);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('opens in the app, which counts, finds and shows its residents', async () => {
    const core = await startCore({ dataDir: path.dirname(made.file), clock: fixedClock(NOW.toISOString()) });
    const value = async <T,>(name: string, input: unknown): Promise<T> => {
      const answer: Envelope<unknown> = await core.dispatch(name, input, { actor: BUILT_IN_ADMIN });
      if (!answer.ok) throw new Error(`${name}: ${answer.error.code} ${answer.error.message}`);
      return answer.value as T;
    };
    try {
      const counts = await value<{ residents: number; requests: number }>('app.counts', {});
      expect(counts.residents).toBe(made.rows.residents);
      expect(counts.requests).toBe(made.rows.requests);
      const busiest = db.prepare('select resident_id as id, count(*) as n from requests group by resident_id order by n desc, resident_id limit 1').get() as { id: number; n: number };
      const person = db.prepare('select last_name, first_name from residents where id = ?').get(busiest.id) as { last_name: string; first_name: string };
      const found = await value<Array<{ id: number }>>('residents.search', { q: `${person.last_name} ${person.first_name}`, limit: 50 });
      expect(found.map((r) => r.id)).toContain(busiest.id);
      const page = await value<{ resident: { id: number }; requests: unknown[] }>('residents.get', { id: busiest.id });
      expect(page.resident.id).toBe(busiest.id);
      expect(page.requests.length).toBe(Math.min(500, busiest.n));
    } finally {
      await core.close();
    }
  });
});
