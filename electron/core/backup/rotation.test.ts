import { describe, expect, it } from 'vitest';
import { calendarOf, DEFAULT_ROTATION, planRotation, type BackupEntry, type BackupKind, type RotationPolicy } from './rotation';
import { mulberry32 } from '../random';

// ---------------------------------------------------------------------------------------------
// Helpers, written independently of rotation.ts (a different way to read local dates and ISO
// weeks), so that the tests do not share the implementation's mistakes.
// ---------------------------------------------------------------------------------------------

const MINUTE = 60_000;
const DAY = 86_400_000;


interface Local {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
}

/** Wall-clock time of an instant in a zone (undefined: the machine's, read with the Date getters). */
function localOf(at: Date, tz: string | undefined): Local {
  if (tz === undefined) return { y: at.getFullYear(), m: at.getMonth() + 1, d: at.getDate(), h: at.getHours(), mi: at.getMinutes() };
  // sv-SE prints "2026-03-29 00:30:00".
  const s = at.toLocaleString('sv-SE', { timeZone: tz, hour12: false });
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})/.exec(s);
  if (!match) throw new Error(`unexpected local time ${s}`);
  const [, y, m, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return { y, m, d, h: h % 24, mi };
}

/** The instant at which the wall clock in `tz` shows the given time (a time in a DST gap moves by an hour). */
function zoned(tz: string | undefined, y: number, m: number, d: number, h = 0, mi = 0): Date {
  if (tz === undefined) return new Date(y, m - 1, d, h, mi);
  const wanted = Date.UTC(y, m - 1, d, h, mi);
  let t = wanted;
  for (let i = 0; i < 3; i++) {
    const l = localOf(new Date(t), tz);
    t += wanted - Date.UTC(l.y, l.m - 1, l.d, l.h, l.mi);
  }
  return new Date(t);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO week by the Thursday rule: a week belongs to the year of its Thursday. */
function isoWeekKey(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  const mondayBased = (date.getUTCDay() + 6) % 7;
  const thursday = new Date(date.getTime() + (3 - mondayBased) * DAY);
  const ty = thursday.getUTCFullYear();
  const dayOfYear = Math.round((thursday.getTime() - Date.UTC(ty, 0, 1)) / DAY) + 1;
  return `${ty}-W${pad(Math.floor((dayOfYear - 1) / 7) + 1)}`;
}

type Period = 'day' | 'week' | 'month';
const keyCache = new Map<string, string>();
/** The local day, ISO week or month of an instant; cached (toLocaleString is slow). */
function periodKey(at: Date, tz: string | undefined, period: Period): string {
  const cacheKey = `${tz ?? ''} ${period} ${at.getTime()}`;
  let key = keyCache.get(cacheKey);
  if (key === undefined) {
    key = computePeriodKey(at, tz, period);
    keyCache.set(cacheKey, key);
  }
  return key;
}
function computePeriodKey(at: Date, tz: string | undefined, period: Period): string {
  const l = localOf(at, tz);
  if (period === 'day') return `${l.y}-${pad(l.m)}-${pad(l.d)}`;
  if (period === 'month') return `${l.y}-${pad(l.m)}`;
  return isoWeekKey(l.y, l.m, l.d);
}

const times = new Map<string, number>();
function time(e: BackupEntry): number {
  let t = times.get(e.createdAt);
  if (t === undefined) times.set(e.createdAt, (t = Date.parse(e.createdAt)));
  return t;
}
const newestFirst = (a: BackupEntry, b: BackupEntry) => time(b) - time(a);

function entry(id: string, createdAt: Date | string, opts: { verified?: boolean; kind?: BackupKind } = {}): BackupEntry {
  return {
    id,
    createdAt: typeof createdAt === 'string' ? createdAt : createdAt.toISOString(),
    verified: opts.verified ?? true,
    kind: opts.kind ?? 'auto',
  };
}

/** Applies a plan to the list and checks the plan is a partition of it that removes only auto backups. */
function apply(alive: BackupEntry[], now: Date, policy: RotationPolicy, tz: string | undefined): BackupEntry[] {
  const plan = planRotation(alive, now, policy, tz);
  const ids = alive.map((e) => e.id);
  expect([...plan.keep, ...plan.remove].sort()).toEqual([...ids].sort());
  const removed = new Set(plan.remove);
  for (const e of alive) if (removed.has(e.id)) expect(e.kind).toBe('auto');
  return alive.filter((e) => !removed.has(e.id));
}

/**
 * The promises of the rotation, checked against everything ever made (`history`), after a
 * rotation at a moment later than every backup in it.
 */
function checkPromises(alive: BackupEntry[], history: BackupEntry[], policy: RotationPolicy, tz: string | undefined, where: string): void {
  const aliveIds = new Set(alive.map((e) => e.id));
  const verifiedAuto = history.filter((e) => e.kind === 'auto' && e.verified).sort(newestFirst);
  const aliveVerifiedAuto = alive.filter((e) => e.kind === 'auto' && e.verified);
  const fail = (msg: string) => {
    throw new Error(`${where}: ${msg}`);
  };

  // The newest verified auto backup still exists.
  const newest = verifiedAuto[0];
  if (newest && !aliveIds.has(newest.id)) fail(`newest verified backup ${newest.id} was removed`);

  // At most daily + weekly + monthly auto backups (the newest is always kept, even with zeros).
  const cap = Math.max(1, policy.daily + policy.weekly + policy.monthly);
  if (aliveVerifiedAuto.length > cap) fail(`${aliveVerifiedAuto.length} verified auto backups kept, more than ${cap}`);

  // The promised set, and nothing beyond it: a kept verified auto backup is the newest of a
  // promised day, week or month, or the newest of all.
  const justified = new Set<string>(newest ? [newest.id] : []);
  for (const [period, limit] of [
    ['day', policy.daily],
    ['week', policy.weekly],
    ['month', policy.monthly],
  ] as const) {
    const byKey = new Map<string, BackupEntry[]>();
    for (const e of verifiedAuto) {
      const key = periodKey(new Date(time(e)), tz, period);
      const list = byKey.get(key);
      if (list) list.push(e);
      else byKey.set(key, [e]);
    }
    const promised = [...byKey.keys()].sort().reverse().slice(0, limit);
    for (const key of promised) {
      const inPeriod = byKey.get(key) ?? [];
      if (!inPeriod.some((e) => aliveIds.has(e.id))) fail(`no backup kept for ${period} ${key}`);
      const newestInPeriod = inPeriod[0];
      if (newestInPeriod) justified.add(newestInPeriod.id);
    }
  }
  for (const e of aliveVerifiedAuto) {
    if (!justified.has(e.id)) fail(`${e.id} (${e.createdAt}) is kept but no rule asks for it`);
  }

  // Manual, pre-restore and pre-migration backups are never removed.
  for (const e of history) if (e.kind !== 'auto' && !aliveIds.has(e.id)) fail(`${e.kind} backup ${e.id} was removed`);

  // Unverified auto backups are removed, unless no verified backup exists at all.
  const unverifiedAuto = history.filter((e) => e.kind === 'auto' && !e.verified);
  if (alive.some((e) => e.verified)) {
    const left = unverifiedAuto.filter((e) => aliveIds.has(e.id));
    if (left.length > 0) fail(`unverified ${left.map((e) => e.id).join(', ')} kept`);
  } else {
    const gone = history.filter((e) => !aliveIds.has(e.id));
    if (gone.length > 0) fail(`no verified backup exists, yet ${gone.map((e) => e.id).join(', ')} were removed`);
  }
}

// ---------------------------------------------------------------------------------------------
// 400 days of backups
// ---------------------------------------------------------------------------------------------

interface SimulationResult {
  made: number;
  maxKeptAuto: number;
  finalKept: BackupEntry[];
}

/**
 * 400 calendar days from `start` in `tz`. Most days one auto backup, some days two, some none
 * (random days and three holidays, one of them over two weeks); some fail verification (and a
 * whole week fails, as with a dying disk); now and then a manual, pre-restore or pre-migration
 * backup. The app rotates right after every backup; the promises are checked every time.
 */
function simulate(tz: string | undefined, seed: number, policy: RotationPolicy = DEFAULT_ROTATION, start: [number, number, number] = [2026, 1, 5]): SimulationResult {
  const rng = mulberry32(seed);
  const hours = [0, 0, 1, 2, 3, 4, 9, 12, 17, 21, 22, 23, 23];
  const holidays = (i: number) => (i >= 40 && i <= 56) || (i >= 200 && i <= 202) || (i >= 300 && i <= 309);
  const failingWeek = (i: number) => i >= 120 && i <= 126;
  const history: BackupEntry[] = [];
  let alive: BackupEntry[] = [];
  let maxKeptAuto = 0;
  let n = 0;

  for (let i = 0; i < 400; i++) {
    const day = new Date(Date.UTC(start[0], start[1] - 1, start[2] + i));
    const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    const made: BackupEntry[] = [];
    const holiday = holidays(i) || rng() < 0.05;
    if (!holiday) {
      const count = rng() < 0.15 ? 2 : 1;
      const times = Array.from({ length: count }, () => zoned(tz, y, m, d, hours[Math.floor(rng() * hours.length)] ?? 12, Math.floor(rng() * 60)));
      for (const at of times.sort((a, b) => a.getTime() - b.getTime())) {
        // The first two days fail verification: nothing may be removed until a verified one exists.
        const verified = i >= 2 && !failingWeek(i) && rng() > 0.1;
        made.push(entry(`a${++n}`, at, { verified }));
      }
    }
    const r = rng();
    if (r < 0.04) made.push(entry(`m${++n}`, zoned(tz, y, m, d, 15, 0), { kind: 'manual', verified: rng() > 0.2 }));
    else if (r < 0.05) made.push(entry(`r${++n}`, zoned(tz, y, m, d, 16, 0), { kind: 'preRestore', verified: rng() > 0.5 }));
    else if (r < 0.06) made.push(entry(`p${++n}`, zoned(tz, y, m, d, 16, 30), { kind: 'preMigration' }));

    for (const e of made.sort(newestFirst).reverse()) {
      history.push(e);
      alive.push(e);
      const now = new Date(time(e) + 5 * MINUTE);
      alive = apply(alive, now, policy, tz);
      checkPromises(alive, history, policy, tz, `${tz ?? 'local'} day ${i} (${y}-${pad(m)}-${pad(d)}) after ${e.id}`);
      maxKeptAuto = Math.max(maxKeptAuto, alive.filter((x) => x.kind === 'auto').length);
    }
    // And once more at the end of the day, as a daily maintenance task would.
    const endOfDay = new Date(zoned(tz, y, m, d + 1, 0, 0).getTime() - 1000);
    alive = apply(alive, endOfDay, policy, tz);
    checkPromises(alive, history, policy, tz, `${tz ?? 'local'} end of day ${i} (${y}-${pad(m)}-${pad(d)})`);
  }
  return { made: history.length, maxKeptAuto, finalKept: alive };
}

describe('planRotation: 400 days of backups', () => {
  for (const tz of [undefined, 'UTC', 'Europe/Warsaw', 'Europe/Athens', 'America/New_York']) {
    it(`keeps its promises every day (${tz ?? 'machine time zone'})`, () => {
      const result = simulate(tz, 0x2026 + (tz?.length ?? 0));
      expect(result.made).toBeGreaterThan(380);
      expect(result.maxKeptAuto).toBeLessThanOrEqual(7 + 4 + 12);
      // After 400 days the full scheme is in place: 7 days, then weeks, then months.
      const auto = result.finalKept.filter((e) => e.kind === 'auto');
      expect(auto.length).toBeGreaterThanOrEqual(7 + 2 + 9);
    });
  }

  it('keeps its promises with other policies', () => {
    const policies: RotationPolicy[] = [
      { daily: 1, weekly: 0, monthly: 0 },
      { daily: 0, weekly: 0, monthly: 0 },
      { daily: 0, weekly: 3, monthly: 0 },
      { daily: 3, weekly: 2, monthly: 24 },
      { daily: 14, weekly: 8, monthly: 6 },
    ];
    for (const [i, policy] of policies.entries()) simulate('Europe/Warsaw', 7 + i, policy, [2026, 9, 1]);
  });
});

// ---------------------------------------------------------------------------------------------
// Targeted cases
// ---------------------------------------------------------------------------------------------

const ONLY = (p: Partial<RotationPolicy>): RotationPolicy => ({ daily: 0, weekly: 0, monthly: 0, ...p });

describe('planRotation', () => {
  it('has the default policy 7 days, 4 weeks, 12 months', () => {
    expect(DEFAULT_ROTATION).toEqual({ daily: 7, weekly: 4, monthly: 12 });
    expect(Object.isFrozen(DEFAULT_ROTATION)).toBe(true);
  });

  it('plans nothing for no backups', () => {
    expect(planRotation([], new Date('2026-05-01T00:00:00Z'))).toEqual({ keep: [], remove: [] });
  });

  it('keeps the newest backup of each of the last days that have backups, skipping empty days', () => {
    const entries = [
      entry('mon-early', '2026-05-04T08:00:00Z'),
      entry('mon-late', '2026-05-04T18:00:00Z'),
      // Tuesday to Thursday: holiday.
      entry('fri', '2026-05-08T09:00:00Z'),
      entry('sat-1', '2026-05-09T09:00:00Z'),
      entry('sat-2', '2026-05-09T10:00:00Z'),
    ];
    const plan = planRotation(entries, new Date('2026-05-09T12:00:00Z'), ONLY({ daily: 3 }), 'UTC');
    expect(plan.keep).toEqual(['mon-late', 'fri', 'sat-2']);
    expect(plan.remove).toEqual(['mon-early', 'sat-1']);
  });

  it('keeps the newest of each month', () => {
    const entries = ['2026-01-10', '2026-01-31', '2026-02-01', '2026-02-27', '2026-04-15', '2026-04-16'].map((d) => entry(d, `${d}T12:00:00Z`));
    const plan = planRotation(entries, new Date('2026-04-17T00:00:00Z'), ONLY({ monthly: 2 }), 'UTC');
    expect(plan.keep).toEqual(['2026-02-27', '2026-04-16']);
  });

  it('counts ISO weeks across the new year (2026 has a week 53)', () => {
    const days = ['2026-12-26', '2026-12-27', '2026-12-28', '2026-12-31', '2027-01-01', '2027-01-03', '2027-01-04', '2027-01-05'];
    const entries = days.map((d) => entry(d, `${d}T12:00:00Z`));
    const plan = planRotation(entries, new Date('2027-01-06T00:00:00Z'), ONLY({ weekly: 3 }), 'UTC');
    // 2027-W01: 4–5 January; 2026-W53: 28 December – 3 January; 2026-W52: until Sunday 27 December.
    expect(plan.keep).toEqual(['2026-12-27', '2027-01-03', '2027-01-05']);
    const week = calendarOf('UTC');
    expect(week(new Date('2027-01-01T12:00:00Z')).week).toBe('2026-W53');
    expect(week(new Date('2027-01-04T12:00:00Z')).week).toBe('2027-W01');
    expect(week(new Date('2025-12-29T12:00:00Z')).week).toBe('2026-W01');
    expect(week(new Date('2021-01-03T12:00:00Z')).week).toBe('2020-W53');
  });

  it('agrees with an independent ISO week count on every day of 30 years', () => {
    const keys = calendarOf('UTC');
    for (let t = Date.UTC(2000, 0, 1, 12); t < Date.UTC(2030, 0, 1); t += DAY) {
      const d = new Date(t);
      expect(keys(d).week).toBe(isoWeekKey(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
    }
  });

  it('counts days in the given time zone, not in UTC', () => {
    // Athens is UTC+2 in March until the change: 21:30Z is 23:30 on the 28th, 22:30Z is 00:30 on the 29th.
    const entries = [
      entry('27th-noon', '2026-03-27T10:00:00Z'),
      entry('28th-noon', '2026-03-28T10:00:00Z'),
      entry('28th-23:30', '2026-03-28T21:30:00Z'),
      entry('29th-00:30', '2026-03-28T22:30:00Z'),
    ];
    const now = new Date('2026-03-28T23:00:00Z');
    expect(planRotation(entries, now, ONLY({ daily: 2 }), 'Europe/Athens').keep).toEqual(['28th-23:30', '29th-00:30']);
    // In UTC all but the first are on the 28th.
    expect(planRotation(entries, now, ONLY({ daily: 2 }), 'UTC').keep).toEqual(['27th-noon', '29th-00:30']);
  });

  it('counts weeks in the given time zone: Sunday 23:30 and Monday 00:30 in Warsaw are different weeks', () => {
    // Sunday 2026-01-11 23:30 CET = 22:30Z; Monday 00:30 CET = 23:30Z, still Sunday in UTC.
    const entries = [entry('sun', '2026-01-11T22:30:00Z'), entry('mon', '2026-01-11T23:30:00Z')];
    const now = new Date('2026-01-12T00:00:00Z');
    expect(planRotation(entries, now, ONLY({ weekly: 2 }), 'Europe/Warsaw').keep).toEqual(['sun', 'mon']);
    expect(planRotation(entries, now, ONLY({ weekly: 2 }), 'UTC').keep).toEqual(['mon']);
  });

  describe('around the DST changes', () => {
    // In 2026 Europe changes at 01:00Z on 29 March and 25 October: Warsaw 02:00→03:00 and
    // 03:00→02:00, Athens 03:00→04:00 and 04:00→03:00.
    for (const tz of ['Europe/Warsaw', 'Europe/Athens']) {
      for (const [label, change, hoursThatDay] of [
        ['March', [2026, 3, 29], 23],
        ['October', [2026, 10, 25], 25],
      ] as const) {
        it(`${tz}, ${label}: hourly backups, one kept per local day, the 23:xx one`, () => {
          const [y, m, d] = change;
          const from = zoned(tz, y, m, d - 3, 0, 30).getTime();
          const to = zoned(tz, y, m, d + 4, 0, 0).getTime();
          const entries: BackupEntry[] = [];
          for (let t = from; t < to; t += 60 * MINUTE) entries.push(entry(new Date(t).toISOString(), new Date(t)));

          // The test's own setup: the day of the change has 23 or 25 hours.
          const perDay = new Map<string, number>();
          for (const e of entries) {
            const key = periodKey(new Date(time(e)), tz, 'day');
            perDay.set(key, (perDay.get(key) ?? 0) + 1);
          }
          expect(perDay.size).toBe(7);
          expect(perDay.get(`${y}-${pad(m)}-${pad(d)}`)).toBe(hoursThatDay);

          const plan = planRotation(entries, new Date(to), ONLY({ daily: 7 }), tz);
          expect(plan.keep).toHaveLength(7);
          const keptDays = plan.keep.map((id) => {
            const l = localOf(new Date(id), tz);
            expect(l.h).toBe(23);
            expect(l.mi).toBe(30);
            return periodKey(new Date(id), tz, 'day');
          });
          expect(new Set(keptDays)).toEqual(new Set(perDay.keys()));

          // A daily run at 00:30 local, rotating as it goes, ends with the same backups.
          let alive: BackupEntry[] = [];
          const history: BackupEntry[] = [];
          for (const e of entries) {
            alive.push(e);
            history.push(e);
            alive = apply(alive, new Date(time(e) + MINUTE), ONLY({ daily: 7 }), tz);
            checkPromises(alive, history, ONLY({ daily: 7 }), tz, `${tz} ${e.id}`);
          }
          expect(alive.map((e) => e.id)).toEqual(plan.keep);
        });
      }
    }
  });

  it('removes unverified auto backups and keeps the newest verified one, even when newer ones failed', () => {
    const entries = [
      entry('old-ok', '2026-05-01T09:00:00Z'),
      entry('ok', '2026-05-02T09:00:00Z'),
      entry('bad-1', '2026-05-03T09:00:00Z', { verified: false }),
      entry('bad-2', '2026-05-04T09:00:00Z', { verified: false }),
    ];
    const plan = planRotation(entries, new Date('2026-05-04T10:00:00Z'), ONLY({}), 'UTC');
    expect(plan.keep).toEqual(['ok']);
    expect(plan.remove).toEqual(['old-ok', 'bad-1', 'bad-2']);
    // Days with only failed backups do not use up a daily slot.
    expect(planRotation(entries, new Date('2026-05-04T10:00:00Z'), ONLY({ daily: 2 }), 'UTC').keep).toEqual(['old-ok', 'ok']);
  });

  it('removes nothing while no backup at all is verified', () => {
    const entries = [
      entry('a', '2026-05-01T09:00:00Z', { verified: false }),
      entry('b', '2026-05-02T09:00:00Z', { verified: false }),
      entry('m', '2026-05-02T10:00:00Z', { verified: false, kind: 'manual' }),
    ];
    expect(planRotation(entries, new Date('2026-06-01T00:00:00Z'), ONLY({}), 'UTC')).toEqual({ keep: ['a', 'b', 'm'], remove: [] });
  });

  it('a verified manual backup counts as a verified backup: the failed auto ones go', () => {
    const entries = [
      entry('m', '2026-01-01T09:00:00Z', { kind: 'manual' }),
      entry('a', '2026-05-01T09:00:00Z', { verified: false }),
    ];
    expect(planRotation(entries, new Date('2026-06-01T00:00:00Z'), DEFAULT_ROTATION, 'UTC')).toEqual({ keep: ['m'], remove: ['a'] });
  });

  it('never removes manual, pre-restore or pre-migration backups, however old or unverified', () => {
    const entries = [
      entry('manual', '2019-01-01T09:00:00Z', { kind: 'manual', verified: false }),
      entry('restore', '2019-01-02T09:00:00Z', { kind: 'preRestore', verified: false }),
      entry('migration', '2019-01-03T09:00:00Z', { kind: 'preMigration' }),
      entry('auto-old', '2019-01-04T09:00:00Z'),
      entry('auto', '2026-05-01T09:00:00Z'),
    ];
    const plan = planRotation(entries, new Date('2026-06-01T00:00:00Z'), ONLY({}), 'UTC');
    expect(plan.keep).toEqual(['manual', 'restore', 'migration', 'auto']);
    expect(plan.remove).toEqual(['auto-old']);
  });

  it('manual backups do not fill the slots of auto ones', () => {
    const entries = [entry('auto', '2026-05-01T09:00:00Z'), entry('manual', '2026-05-02T09:00:00Z', { kind: 'manual' })];
    expect(planRotation(entries, new Date('2026-06-01T00:00:00Z'), ONLY({ daily: 1 }), 'UTC').keep).toEqual(['auto', 'manual']);
  });

  it('keeps backups dated in the future (a wrong clock) out of the rotation', () => {
    const entries = [
      entry('past-1', '2026-05-01T09:00:00Z'),
      entry('past-2', '2026-05-02T09:00:00Z'),
      entry('future', '2031-01-01T09:00:00Z'),
      entry('future-bad', '2031-01-02T09:00:00Z', { verified: false }),
      entry('garbled', 'not a date'),
    ];
    const plan = planRotation(entries, new Date('2026-05-03T00:00:00Z'), ONLY({ daily: 1 }), 'UTC');
    expect(plan.keep).toEqual(['past-2', 'future', 'future-bad', 'garbled']);
    expect(plan.remove).toEqual(['past-1']);
  });

  it('does not depend on the order of the input, and breaks ties of time by id', () => {
    const entries = [entry('x', '2026-05-01T09:00:00Z'), entry('y', '2026-05-01T09:00:00Z'), entry('w', '2026-05-01T08:00:00Z')];
    const now = new Date('2026-05-02T00:00:00Z');
    const a = planRotation(entries, now, ONLY({ daily: 1 }), 'UTC');
    const b = planRotation([...entries].reverse(), now, ONLY({ daily: 1 }), 'UTC');
    expect(a.keep).toEqual(['y']);
    expect(b.keep).toEqual(['y']);
  });

  it('rejects a policy that is not whole numbers ≥ 0, and an invalid now', () => {
    const now = new Date('2026-05-02T00:00:00Z');
    expect(() => planRotation([], now, { daily: -1, weekly: 4, monthly: 12 })).toThrow(RangeError);
    expect(() => planRotation([], now, { daily: 7, weekly: 1.5, monthly: 12 })).toThrow(RangeError);
    expect(() => planRotation([], now, { daily: 7, weekly: 4, monthly: Number.NaN })).toThrow(RangeError);
    expect(() => planRotation([], new Date('nope'))).toThrow(RangeError);
  });

  it('uses the machine time zone by default', () => {
    const at = new Date('2026-03-28T23:30:00Z');
    const keys = calendarOf()(at);
    expect(keys.day).toBe(periodKey(at, undefined, 'day'));
    expect(keys.week).toBe(periodKey(at, undefined, 'week'));
  });
});
