/**
 * A city-scale centre for benchmarks and for trying Hearth at scale (`npm run hearth -- demo
 * --scale city`): ten years of a city centre like Cherkasy's (seed 001), by default 50,000
 * residents (most of them in about 33,000 households, with the children and grandchildren the centre
 * does not register by name), 200,000 requests with their status history, about 300,000 tasks, 400 volunteers,
 * about 100,000 cash-book entries with the till's sales, 30 grants, two leases, and the audit log
 * the app would have written for all of it.
 *
 * Everything is a call of the contract, run in time order on a moving clock the way dispatch runs
 * it (runner.ts: the input schema, the role, the handler, the audit entry), thousands of calls to a
 * transaction. The same seed, counts and present give the same file, row for row (passwords aside:
 * their hashes are salted).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { BUILT_IN_KINDS, type BuiltInKindCode } from '../../../../shared/domain/catalogue';
import { BUILT_IN_ADMIN, type Actor } from '../../context';
import { startCore, DATABASE_FILE } from '../../start';
import { silentLogger } from '../../logger';
import { addDemoAccounts } from '../../features/users/users.service';
import { DEMO_ADMIN_PASSWORD, DEMO_SCRYPT_PARAMS, demoUsersIn } from '../users.demo';
import { Rng } from '../demo';
import { AuditChainWriter } from './audit';
import { CityMoney } from './money';
import { planResidents, planVolunteers, type CityResident } from './people';
import type { CityProgress } from './progress';
import { chooseKind, describe, deskSteps } from './requests';
import { CallRunner, MovingClock } from './runner';
import { CareProgramme, requestTaskFlow, VolunteerPool } from './tasks';
import { Timeline } from './timeline';
import { CityHouseholds } from './households';
import { CityCasework } from './casework';
import { CityOutreach } from './outreach';
import { DAY_MS, dayStart, HOUR, isoDay, MINUTE, weekdayOf } from './time';
import { Staff, type CityCounts, type CityWorld } from './world';

/** Bump when the generated content changes: the bench keeps its city file per version and seed. */
export const CITY_GENERATOR_VERSION = 5;
export const CITY_SEED = 20261206;

export const CITY_COUNTS: CityCounts = {
  residents: 50_000,
  requests: 200_000,
  tasks: 300_000,
  volunteers: 400,
  cashEntries: 100_000,
  grants: 30,
  years: 10,
};

/** The city's counts times `factor` (e.g. 0.01 for tests), keeping enough volunteers and grants to work with. */
export function scaledCounts(factor: number): CityCounts {
  const c = CITY_COUNTS;
  return {
    residents: Math.max(50, Math.round(c.residents * factor)),
    requests: Math.max(100, Math.round(c.requests * factor)),
    tasks: Math.max(100, Math.round(c.tasks * factor)),
    volunteers: Math.max(12, Math.round(c.volunteers * factor)),
    cashEntries: Math.max(200, Math.round(c.cashEntries * factor)),
    grants: Math.max(2, Math.round(c.grants * factor)),
    years: c.years,
  };
}

export const CITY_CENTRE = { centreName: 'Центр соціальної допомоги мешканцям Черкас', country: 'UA', currency: 'UAH', language: 'uk' } as const;

export interface CityOptions {
  dataDir: string;
  seed?: number;
  counts?: CityCounts;
  /** The present: the years end here (default: the start of today, UTC). */
  now?: Date;
  /** Calls per transaction. */
  batchSize?: number;
  progress?: (p: CityProgress) => void;
  /** Tests: also read each update's entity after it and check the runner's shortcut (runner.ts). */
  verifyAfter?: boolean;
}

export interface CityResult {
  file: string;
  bytes: number;
  seconds: number;
  /** CPU time of this process while generating (user and system): the wall time on a shared machine is more. */
  cpuSeconds: number;
  calls: number;
  auditEntries: number;
  rows: Record<string, number>;
  /** Calls made and the milliseconds they took, by call. */
  byCall: Record<string, { n: number; ms: number }>;
  seed: number;
  now: string;
}

/**
 * Staff joining over the years: the three demo users from the start, with their demo passwords and
 * named as a demo centre of the city's language names them (demoUsersIn), then the city's own.
 */
const STAFF: ReadonlyArray<{ name: string; role: 'frontdesk' | 'coordinator' | 'treasurer'; year: number; password: string; pin: string | null }> = [
  ...demoUsersIn(CITY_CENTRE.language).map((u) => ({ name: u.name, role: u.role as 'frontdesk' | 'coordinator' | 'treasurer', year: 0, password: u.password, pin: u.pin })),
  { name: 'Оксана Ткаченко', role: 'frontdesk', year: 1.5, password: 'city-frontdesk-2', pin: null },
  { name: 'Марія Бондар', role: 'frontdesk', year: 3, password: 'city-frontdesk-3', pin: null },
  { name: 'Олена Савчук', role: 'coordinator', year: 4, password: 'city-coordinator-2', pin: null },
  { name: 'Василь Кравчук', role: 'frontdesk', year: 5, password: 'city-frontdesk-4', pin: null },
  { name: 'Тетяна Гнатюк', role: 'frontdesk', year: 7, password: 'city-frontdesk-5', pin: null },
];

const TABLES = ['residents', 'resident_search_terms', 'households', 'household_members', 'requests', 'request_status_history', 'tasks', 'task_volunteers', 'help_plans', 'volunteers', 'cash_entries', 'sales', 'cash_ups', 'grants', 'budget_lines', 'leases', 'rent_charges', 'volunteer_advances', 'assessments', 'assessment_needs', 'cases', 'case_actions', 'case_contacts', 'case_reviews', 'projects', 'project_participants', 'project_attendance', 'events', 'event_attendance', 'event_head_counts', 'aid_movements', 'shelter_stays', 'audit_log'] as const;

function cpuSince(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

/**
 * Generates the city centre into an empty data folder (the database must not exist yet) and
 * leaves it closed, checkpointed and analysed.
 */
export async function generateCity(options: CityOptions): Promise<CityResult> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const seed = options.seed ?? CITY_SEED;
  const counts = options.counts ?? CITY_COUNTS;
  // The present: the given moment, else the start of today (UTC), so that a seed gives the same city all day.
  const end = options.now?.getTime() ?? dayStart(Date.now());
  const start = dayStart(end) - counts.years * 365 * DAY_MS;
  const file = path.join(options.dataDir, DATABASE_FILE);
  if (existsSync(file)) throw new Error(`${file} already exists`);
  const clock = new MovingClock(start + 5 * HOUR);
  const progress = (phase: CityProgress['phase'], calls: number) =>
    options.progress?.({ phase, date: isoDay(clock.ms), fraction: Math.min(1, (clock.ms - start) / Math.max(1, end - start)), calls, elapsedMs: performance.now() - started });
  progress('setup', 0);

  const core = await startCore({ dataDir: options.dataDir, clock, logger: silentLogger, hashing: DEMO_SCRYPT_PARAMS });
  let runner: CallRunner | null = null;
  try {
    const setup = await core.dispatch('setup.complete', { ...CITY_CENTRE, demo: false, adminName: 'Адміністратор', adminPassword: DEMO_ADMIN_PASSWORD }, { actor: BUILT_IN_ADMIN });
    if (!setup.ok) throw new Error(`setup.complete: ${setup.error.message}`);
    await addDemoAccounts(core.deps.db, [{ userId: BUILT_IN_ADMIN.id, name: 'Адміністратор', role: 'admin', password: DEMO_ADMIN_PASSWORD, pin: null }]);
    // While generating: no fsync per commit, a page cache that holds the hot indexes (SQLite's
    // default is 2 MB; the city is hundreds), and fewer, larger checkpoints. (This connection's
    // settings only: the app opens the file with its own.)
    core.sqlite.pragma('synchronous = NORMAL');
    core.sqlite.pragma('cache_size = -524288');
    core.sqlite.pragma('wal_autocheckpoint = 20000');

    const sqlite = core.sqlite;
    const kindIds = new Map((sqlite.prepare('select code, id from service_kinds where code is not null').all() as Array<{ code: BuiltInKindCode; id: number }>).map((k) => [k.code, k.id]));
    const skillIds = new Map((sqlite.prepare('select code, id from skills where code is not null').all() as Array<{ code: string; id: number }>).map((s) => [s.code, s.id]));
    const categories = new Map((sqlite.prepare('select code, id from cash_categories where code is not null').all() as Array<{ code: string; id: number }>).map((c) => [c.code, c.id]));
    const account = (kind: string) => sqlite.prepare("select id from cash_accounts where kind = ? and currency = 'UAH' order by id").pluck().get(kind) as number;
    const volunteerKinds = new Set<BuiltInKindCode>(BUILT_IN_KINDS.filter((k) => k.mode === 'volunteer').map((k) => k.code));

    const audit = new AuditChainWriter(sqlite);
    runner = new CallRunner({ deps: core.deps, sqlite, clock, audit, batchSize: options.batchSize ?? 5000, verifyAfter: options.verifyAfter ?? false });
    const timeline = new Timeline(clock, end);
    const staff = new Staff();
    staff.add(BUILT_IN_ADMIN, start);

    const residents = planResidents(new Rng(seed), counts.residents, start, end - DAY_MS);
    const volunteers = planVolunteers(new Rng(seed ^ 0x0f0f), counts.volunteers, start, end, CITY_CENTRE.language);
    const w: CityWorld = {
      runner,
      timeline,
      clock,
      start,
      end,
      counts,
      kindIds,
      skillIds,
      accounts: { cash: account('cash'), bank: account('bank') },
      currency: CITY_CENTRE.currency,
      staff,
      residents,
      residentById: new Map(),
      volunteers,
      registered: 0,
      onAdvance: () => {},
    };
    const households = new CityHouseholds(w, new Rng(seed ^ 0x4015e));
    const assessmentOptions = (list: 'kind' | 'area') => new Map((sqlite.prepare('select code, id from assessment_options where list = ? and code is not null order by id').all(list) as Array<{ code: string; id: number }>).map((o) => [o.code, o.id]));
    const casework = new CityCasework(w, new Rng(seed ^ 0xca5e), { areaIds: assessmentOptions('area'), kindIds: assessmentOptions('kind') });
    casework.projects();
    const outreach = new CityOutreach(w, new Rng(seed ^ 0x0a1d));
    outreach.start();
    const pool = new VolunteerPool();
    const money = new CityMoney(w, new Rng(seed ^ 0xca5b), categories);
    w.onAdvance = (a) => money.advance(a);
    const requestRng = new Rng(seed ^ 0x7e57);
    const flowRng = new Rng(seed ^ 0x5eed);
    // Plans are sized so that request tasks and plan tasks together come near the task count:
    // about 0.3 tasks per request, the rest from check-ins every 3–14 days and weekly medicines
    // (about 60 tasks a year for each person under care), with the people under care growing to
    // the target from a third of it (two thirds of it on average).
    const planTasks = Math.max(0, counts.tasks - counts.requests * 0.3);
    const care = new CareProgramme(w, new Rng(seed ^ 0xca7e), pool, Math.max(3, Math.round(planTasks / (counts.years * 60 * 0.675))));

    // Staff and volunteers as they join (and volunteers as they stop).
    for (const [i, s] of STAFF.entries()) {
      const at = start + 6 * HOUR + Math.round(s.year * 365) * DAY_MS + i * MINUTE;
      timeline.at(at, async () => {
        const user = await w.runner.call('users.create', { name: s.name, role: s.role, language: null, password: s.password, pin: s.pin }, BUILT_IN_ADMIN);
        staff.add({ id: user.id, role: s.role }, at);
        if (s.year === 0) await w.runner.run((deps) => addDemoAccounts(deps.db, [{ userId: user.id, name: s.name, role: s.role, password: s.password, pin: s.pin }]));
      });
    }
    // The money before the first working hour: balances, prices, the lease.
    timeline.at(start + 5 * HOUR + 30 * MINUTE, () => money.open(start + 5 * HOUR + 30 * MINUTE));
    for (const v of volunteers) {
      timeline.at(v.joinedAt, async () => {
        const input = { ...v.input, skillIds: [...v.skills].flatMap((code) => skillIds.get(code) ?? []) };
        v.id = (await w.runner.call('volunteers.create', input, staff.pick(flowRng, 'coordinator', v.joinedAt))).id;
        pool.join(v);
      });
      const leftAt = v.leftAt;
      if (leftAt !== null) {
        timeline.at(leftAt, async () => {
          if (v.id === 0) return;
          pool.leave(v);
          await w.runner.call('volunteers.setStatus', { id: v.id, status: 'paused' }, staff.pick(flowRng, 'coordinator', leftAt));
        });
      }
    }

    // Requests per day: fewer at weekends, more as the register grows, a little more in winter.
    const days = Math.ceil((end - start) / DAY_MS);
    const weights: number[] = [];
    let pointer = 0;
    for (let d = 0; d < days; d++) {
      const day = start + d * DAY_MS;
      while (pointer < residents.length && (residents[pointer]?.registeredAt ?? Infinity) < day + DAY_MS) pointer++;
      const weekday = weekdayOf(day);
      const month = new Date(day).getUTCMonth() + 1;
      weights.push((weekday === 7 ? 0.05 : weekday === 6 ? 0.25 : 1) * (0.3 + pointer / residents.length) * (month <= 2 || month === 12 ? 1.15 : 1));
    }
    const weightTotal = weights.reduce((s, x) => s + x, 0);
    const activity: number[] = [];
    let sum = 0;
    for (const r of residents) activity.push((sum += r.activity));
    /** A registered resident who has not left, by how often they come. */
    const pickResident = (at: number): CityResident | undefined => {
      const n = w.registered;
      if (n === 0) return undefined;
      for (let attempt = 0; attempt < 8; attempt++) {
        const x = requestRng.next() * (activity[n - 1] ?? 0);
        let lo = 0;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((activity[mid] ?? 0) > x) hi = mid;
          else lo = mid + 1;
        }
        const r = residents[lo];
        if (r !== undefined && r.id > 0 && (r.leftAt === null || r.leftAt > at)) return r;
      }
      return undefined;
    };
    const logRequest = async (at: number, tries = 0): Promise<void> => {
      const r = pickResident(at);
      // Nobody registered yet (the first morning): the request comes an hour later.
      if (r === undefined) {
        if (tries < 48) timeline.at(at + HOUR, () => logRequest(at + HOUR, tries + 1));
        return;
      }
      const month = new Date(at).getUTCMonth() + 1;
      const code = chooseKind(requestRng, r, month);
      const kindId = kindIds.get(code);
      if (kindId === undefined) return;
      const d = describe(requestRng, code);
      const actor: Actor = staff.pick(requestRng, requestRng.chance(0.85) ? 'frontdesk' : 'coordinator', at);
      const request = await w.runner.call('requests.create', { residentId: r.id, kindId, urgency: d.urgency, channel: d.channel, description: d.description }, actor);
      if (volunteerKinds.has(code)) {
        requestTaskFlow(w, flowRng, pool, r, request.id, code, d.urgency === 'urgent', at);
        return;
      }
      for (const step of deskSteps(requestRng, code, at)) {
        timeline.at(step.at, async () => {
          if (r.leftAt !== null && r.leftAt <= step.at) return;
          await w.runner.call('requests.setStatus', { id: request.id, status: step.status, note: step.note }, staff.pick(requestRng, 'frontdesk', step.at));
        });
      }
    };

    // Day by day: the day's registrations, requests, money and (on Mondays) regular care.
    let registration = 0;
    let allocated = 0;
    let expected = 0;
    for (let d = 0; d < days; d++) {
      const day = start + d * DAY_MS;
      while (registration < residents.length && (residents[registration]?.registeredAt ?? Infinity) < day + DAY_MS) {
        const r = residents[registration++] as CityResident;
        timeline.at(r.registeredAt, async () => {
          const by = staff.pick(requestRng, 'frontdesk', r.registeredAt);
          // Disability is health data (issue 13): the desk registers the person, records their
          // consent covering health, then ticks the situation, as the resident form asks.
          const disability = r.input.situations?.includes('disability') ?? false;
          const input = disability ? { ...r.input, situations: r.input.situations?.filter((s) => s !== 'disability') } : r.input;
          r.id = (await w.runner.call('residents.create', input, by)).id;
          if (disability) {
            await w.runner.call('privacy.recordConsent', { residentId: r.id, basis: 'consent', scopes: ['basic', 'health'], givenOn: isoDay(r.registeredAt) }, by);
            await w.runner.call('residents.update', { id: r.id, data: r.input }, by);
            casework.consentGiven(r.id);
          }
          w.residentById.set(r.id, r);
          w.registered++;
          await households.registered(r, r.registeredAt);
        });
      }
      expected += ((weights[d] ?? 0) / weightTotal) * counts.requests;
      const today = Math.round(expected) - allocated;
      allocated += today;
      const times = Array.from({ length: today }, () => day + (6 * 60 + requestRng.int(0, 9 * 60 - 1)) * MINUTE + requestRng.int(0, 59) * 1000).sort((a, b) => a - b);
      for (const at of times) timeline.at(at, () => logRequest(at));
      money.day(day);
      if (weekdayOf(day) === 1 && day > start) {
        care.weekly(day);
        casework.week(day);
        outreach.week(day);
      }
      await timeline.runUntil(day + DAY_MS);
      progress('generating', w.runner.calls);
    }
    await timeline.runUntil(end);
    const byCall = Object.fromEntries([...runner.byCall].sort((a, b) => (runner?.msByCall.get(b[0]) ?? 0) - (runner?.msByCall.get(a[0]) ?? 0)).map(([k, n]) => [k, { n, ms: Math.round(runner?.msByCall.get(k) ?? 0) }]));
    await runner.close();
    runner = null;

    // As the app leaves a database: synchronous=FULL, statistics for the planner, the WAL emptied.
    clock.set(end);
    progress('finishing', audit.appended);
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('analysis_limit = 1000');
    sqlite.pragma('optimize = 0x10002');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const rows = Object.fromEntries(TABLES.map((t) => [t, Number(sqlite.prepare(`select count(*) from ${t}`).pluck().get())]));
    const calls = audit.appended;
    await core.close();
    const result: CityResult = { file, bytes: statSync(file).size, seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSince(cpuBefore), calls, auditEntries: rows.audit_log ?? 0, rows, byCall, seed, now: new Date(end).toISOString() };
    progress('done', calls);
    return result;
  } catch (e) {
    await runner?.rollback().catch(() => undefined);
    await core.close();
    throw e;
  }
}
