import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/api/errors';
import type { ResidentSummary } from '../../../shared/domain/residents';
import type { RequestSummary } from '../../../shared/domain/requests';
import { fixedClock } from '../clock';
import { BUILT_IN_ADMIN } from '../context';
import { startCore } from '../start';
import { fillDemoData } from './demo';
import { verifyChainSqlite } from '../features/audit/audit.chain';
import type { CareEntry, PlanList, SnowDayPreview, VolunteersActiveReport, VolunteerHoursReport } from '../../../shared/domain/plans';

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
    volunteers: all('select * from volunteers order by id'),
    volunteerSkills: all('select * from volunteer_skills order by volunteer_id, skill_id'),
    availability: all('select * from volunteer_availability order by volunteer_id, weekday, part'),
    plans: all('select * from help_plans order by id'),
    tasks: all('select * from tasks order by id'),
    taskVolunteers: all('select * from task_volunteers order by task_id, volunteer_id'),
    households: all('select * from households order by id'),
    householdMembers: all('select * from household_members order by id'),
    cases: all('select * from cases order by id'),
    caseActions: all('select * from case_actions order by id'),
    aidMovements: all('select * from aid_movements order by id'),
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

  it('has 50 volunteers, 20 of them regular and 5 specialists, with skills, availability and phones', () => {
    expect(scalar('select count(*) from volunteers')).toBe(50);
    expect(scalar('select count(*) from volunteers where is_regular = 1')).toBe(20);
    expect(scalar('select count(*) from volunteers where specialist is not null')).toBe(5);
    expect(scalar("select count(*) from volunteers where status = 'paused'")).toBe(2);
    expect(scalar("select count(distinct settlement) from volunteers")).toBe(5);
    expect(scalar("select count(*) from volunteers where last_name glob '*[а-яё]*'")).toBeGreaterThanOrEqual(45);
    expect(scalar("select count(distinct v.id) from volunteers v join volunteer_skills s on s.volunteer_id = v.id join skills k on k.id = s.skill_id where k.code = 'hasSnowTools'")).toBeGreaterThanOrEqual(10);
    expect(scalar('select count(distinct volunteer_id) from volunteer_availability')).toBeGreaterThanOrEqual(30);
    expect(scalar('select count(distinct volunteer_id) from volunteer_phones')).toBe(50);
    expect(scalar('select count(distinct volunteer_id) from volunteer_search_terms')).toBe(50);
  });

  it('puts 20 lonely elderly people in private houses on the snow-clearing list', () => {
    expect(scalar('select count(*) from residents where needs_snow_clearing = 1')).toBe(20);
    expect(scalar("select count(*) from residents where needs_snow_clearing = 1 and (lives_alone = 0 or pensioner = 0 or flat != '')")).toBe(0);
  });

  it('runs help plans: a check-in plan for everyone under regular care, weekly medicines, firewood in season', async () => {
    const plans = valueOf<PlanList>(await core.dispatch('plans.list', { includeEnded: true }, ctx)).items;
    const care = scalar('select count(*) from residents where regular_care = 1');
    expect(plans.filter((p) => p.kindCode === 'checkIn')).toHaveLength(care);
    expect(plans.filter((p) => p.kindCode === 'medicinePurchase' && p.rule === 'weekly').length).toBeGreaterThanOrEqual(3);
    expect(plans.filter((p) => p.kindCode === 'firewood' && p.seasonFromMonth === 10 && p.seasonToMonth === 3).length).toBeGreaterThanOrEqual(3);
    expect(plans.filter((p) => p.endedReason === 'noLongerNeeded')).toHaveLength(1);
    // One person under regular care died three weeks ago: their plans ended, the open tasks after that day were cancelled.
    const left = core.sqlite.prepare('select id, left_on, left_reason from residents where left_on is not null').all() as Array<{ id: number; left_on: string; left_reason: string }>;
    expect(left).toEqual([{ id: expect.any(Number), left_on: '2026-11-03', left_reason: 'deceased' }]);
    const theirs = plans.filter((p) => p.residentId === left[0]?.id);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((p) => p.endedReason === 'deceased' && !p.active)).toBe(true);
    expect(scalar("select count(*) from tasks where resident_id = ? and scheduled_on >= ? and status in ('planned', 'assigned')", left[0]?.id, '2026-11-03')).toBe(0);
    expect(scalar("select count(*) from tasks where resident_id = ? and status = 'done'", left[0]?.id)).toBeGreaterThan(0);
    // Generating again (as at start-up) and ensuring check-ins make nothing new.
    expect(valueOf<{ created: number }>(await core.dispatch('plans.generate', {}, ctx)).created).toBe(0);
    expect(valueOf<{ created: number }>(await core.dispatch('plans.ensureCheckIns', {}, ctx)).created).toBe(0);
  });

  it('has tasks with hours in each of the last six months, open ones ahead, none done in the future', async () => {
    for (const month of ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']) {
      expect(scalar("select count(*) from tasks where status = 'done' and substr(done_on, 1, 7) = ?", month), month).toBeGreaterThan(20);
    }
    expect(scalar("select count(*) from tasks where status = 'done' and (done_on is null or done_on > ?)", TODAY)).toBe(0);
    expect(scalar("select count(*) from tasks where status in ('planned', 'assigned') and scheduled_on >= ?", TODAY)).toBeGreaterThan(30);
    expect(scalar("select count(*) from tasks where status in ('planned', 'assigned') and scheduled_on < ?", TODAY)).toBeGreaterThan(0);
    expect(scalar("select count(*) from tasks where status = 'done' and not exists (select 1 from task_volunteers tv where tv.task_id = tasks.id)")).toBe(0);
    expect(scalar('select count(*) from tasks where request_id is not null')).toBeGreaterThan(100);
    expect(scalar('select count(*) from tasks where created_at > ? or updated_at > ?', new Date(NOW).toISOString(), new Date(NOW).toISOString())).toBe(0);
    // Requests follow their tasks: a done request's task is done, an open request's task is open.
    expect(scalar("select count(*) from tasks t join requests r on r.id = t.request_id where (r.status = 'done') != (t.status = 'done')")).toBe(0);
    const hours = valueOf<VolunteerHoursReport>(await core.dispatch('reports.volunteerHours', { from: '2026-06', to: '2026-11' }, ctx));
    expect(hours.totalMinutes).toBeGreaterThan(20_000);
    expect(hours.totalsByMonth.every((m) => m > 0)).toBe(true);
    const active = valueOf<VolunteersActiveReport>(await core.dispatch('reports.volunteersActive', { from: '2026-06', to: '2026-11' }, ctx));
    expect(active.registered).toEqual({ regular: 20, occasional: 28, specialists: 5, total: 48 });
    expect(active.active.regular).toBeGreaterThanOrEqual(15);
    expect(active.active.total).toBeGreaterThanOrEqual(30);
  });

  it('made the snow days of the last weeks once each, and proposes volunteers for the next', async () => {
    const batches = core.sqlite.prepare('select batch_key, count(*) as n from tasks where batch_key is not null group by batch_key order by batch_key').all();
    expect(batches).toEqual([
      { batch_key: 'snow:2026-11-06', n: 20 },
      { batch_key: 'snow:2026-11-13', n: 20 },
      { batch_key: 'snow:2026-11-20', n: 20 },
    ]);
    const preview = valueOf<SnowDayPreview>(await core.dispatch('snowDay.preview', { date: '2026-11-24' }, ctx));
    expect(preview.residents).toHaveLength(20);
    expect(preview.unassigned).toBe(0);
    expect(preview.residents.every((r) => r.state === 'new' && r.volunteerIds.length === 1)).toBe(true);
  });

  it('lists the people under regular care, some of them overdue', async () => {
    const care = valueOf<CareEntry[]>(await core.dispatch('care.list', {}, ctx));
    expect(care).toHaveLength(scalar('select count(*) from residents where regular_care = 1 and left_on is null'));
    expect(care.filter((c) => c.overdue).length).toBeGreaterThanOrEqual(1);
    expect(care.filter((c) => c.lastContactOn !== null).length).toBeGreaterThanOrEqual(care.length - 2);
    expect(care.every((c) => c.hasCheckInPlan)).toBe(true);
  });

  it('groups most residents into households of one to five with a head, some with unnamed children', async () => {
    const households = scalar('select count(*) from households');
    expect(households).toBeGreaterThanOrEqual(40);
    const inOne = scalar('select count(distinct resident_id) from household_members where resident_id is not null');
    expect(inOne / names.length).toBeGreaterThan(0.8);
    // Nobody lives in two households at once, and every open household has one head, a registered resident.
    expect(scalar('select count(*) from (select resident_id from household_members where to_on is null and resident_id is not null group by resident_id having count(*) > 1)')).toBe(0);
    expect(scalar("select count(*) from households h where closed_on is null and (select count(*) from household_members m where m.household_id = h.id and m.to_on is null and m.relation = 'head' and m.resident_id is not null) != 1")).toBe(0);
    const sizes = core.sqlite.prepare('select count(*) as n from household_members where to_on is null group by household_id').pluck().all() as number[];
    expect(Math.max(...sizes)).toBeLessThanOrEqual(5);
    for (const n of [1, 2, 3, 4]) expect(sizes.filter((s) => s === n).length, `households of ${n}`).toBeGreaterThan(0);
    expect(scalar("select count(*) from household_members where resident_id is null and relation = 'child' and birth_year is not null")).toBeGreaterThan(5);
    expect(scalar("select count(*) from household_members where relation = 'spouse' and resident_id is not null")).toBeGreaterThan(0);
    expect(scalar("select count(*) from household_members where birth_year > 2026 or from_on > ? or created_at > ?", TODAY, new Date(NOW).toISOString())).toBe(0);
    // Whoever died left their household that day.
    expect(scalar("select count(*) from household_members m join residents r on r.id = m.resident_id where r.left_reason = 'deceased' and m.to_on is null")).toBe(0);
    expect(scalar("select count(*) from household_members where end_reason = 'deceased'")).toBeGreaterThan(0);
    // A household shows through the app's own call, and the audit chain holds.
    const head = Number(core.sqlite.prepare("select resident_id from household_members where relation = 'head' and to_on is null order by id limit 1").pluck().get());
    const mine = valueOf<{ current: { members: Array<{ residentId: number | null }> } | null }>(await core.dispatch('households.ofResident', { residentId: head }, ctx));
    expect(mine.current?.members[0]?.residentId).toBe(head);
    expect(verifyChainSqlite(core.sqlite).ok).toBe(true);
  });

  it('accompanies a family under a signed agreement and a resident (two open cases), and has a closed case, all under consent', async () => {
    expect(core.sqlite.prepare('select status, count(*) as n from cases group by status order by status').all()).toEqual([
      { status: 'closed', n: 1 },
      { status: 'open', n: 2 },
    ]);
    const family = core.sqlite.prepare('select * from cases where household_id is not null').get() as { id: number; agreement_on: string | null; worker_id: number };
    expect(family.agreement_on).not.toBeNull();
    expect(scalar('select count(*) from case_actions where case_id = ?', family.id)).toBe(3);
    expect(scalar('select count(*) from case_contacts where case_id = ?', family.id)).toBe(1);
    expect(scalar('select count(*) from case_reviews where case_id = ?', family.id)).toBe(1);
    expect(scalar("select count(*) from cases where closed_on is not null and outcome = 'goalsMet'")).toBe(1);
    // Nothing happened in the future.
    expect(scalar('select count(*) from cases where opened_on > ? or closed_on > ?', TODAY, TODAY)).toBe(0);
    expect(scalar('select count(*) from case_contacts where contact_on > ?', TODAY)).toBe(0);
    // The worker's caseload shows both open cases, one action overdue.
    const load = valueOf<{ cases: unknown[]; overdueActions: unknown[] }>(await core.dispatch('cases.caseload', { workerId: family.worker_id }, ctx));
    expect(load.cases).toHaveLength(2);
    expect(load.overdueActions).toHaveLength(1);
  });

  it('runs a small project: a course, an internship and a self-help group, about eight participants, some completed, one dropped out', async () => {
    const id = Number(core.sqlite.prepare('select id from projects order by id limit 1').pluck().get());
    const p = valueOf<{ name: string; grantId: number | null; activities: Array<{ kind: string }>; figures: { recruited: number; completed: number; droppedOut: number; active: number; withContract: number } }>(
      await core.dispatch('projects.get', { id }, ctx),
    );
    expect(p.name).toBe('Активная интеграция');
    expect(p.grantId).not.toBeNull();
    expect(p.activities.map((a) => a.kind)).toEqual(['course', 'internship', 'selfHelpGroup']);
    expect(p.figures.recruited).toBeGreaterThanOrEqual(6);
    expect(p.figures.recruited).toBeLessThanOrEqual(8);
    expect(p.figures.completed).toBe(3);
    expect(p.figures.droppedOut).toBe(1);
    expect(p.figures.active).toBe(p.figures.recruited - 4);
    expect(p.figures.withContract).toBe(p.figures.recruited - 1);
    expect(scalar('select count(*) from project_attendance where attended_on > ? or created_at > ?', TODAY, new Date(NOW).toISOString())).toBe(0);
    expect(scalar('select count(*) from project_participants where recruited_on > ? or ended_on > ?', TODAY, TODAY)).toBe(0);
  });

  it('has six months of events: master classes with attendance, consultation days, a street-work outing with head counts', async () => {
    const kinds = Object.fromEntries(core.sqlite.prepare('select kind, count(*) n from events group by kind').all().map((r) => [(r as { kind: string }).kind, (r as { n: number }).n]));
    expect(kinds.masterClass).toBeGreaterThanOrEqual(12);
    expect(kinds.consultationDay).toBe(6);
    expect(kinds.awarenessEvent).toBe(3);
    expect(kinds.streetWork).toBe(1);
    expect(kinds.partnerMeeting).toBe(1);
    const street = Number(core.sqlite.prepare("select id from events where kind = 'streetWork'").pluck().get());
    const e = valueOf<{ title: string; figures: { counted: number }; organisers: Array<{ hours: number | null }> }>(await core.dispatch('events.get', { id: street }, ctx));
    expect(e.title).toBe('Выход: уличная работа у вокзала');
    expect(e.figures.counted).toBeGreaterThanOrEqual(8);
    expect(e.organisers[0]?.hours).toBe(3);
    expect(scalar("select count(*) from event_attendance where status = 'attended'")).toBeGreaterThan(30);
    expect(scalar("select count(*) from event_attendance where status = 'noShow'")).toBeGreaterThan(0);
    expect(scalar('select count(*) from event_attendance where at_door = 1')).toBeGreaterThan(0);
    // Nobody attended a future event, and nothing was written after now.
    expect(scalar("select count(*) from event_attendance a join events e on e.id = a.event_id where a.status <> 'registered' and e.starts_on > ?", TODAY)).toBe(0);
    expect(scalar("select count(*) from events where starts_on > ?", TODAY)).toBeGreaterThan(0);
    expect(scalar('select count(*) from event_attendance where created_at > ?', new Date(NOW).toISOString())).toBe(0);
  });

  it('receives and hands out in-kind aid over six months: shoes by size, parcels, kits, blankets, firewood; never below zero, none in the future', () => {
    expect(core.sqlite.prepare("select name || ' ' || size from aid_items where name = 'Детская обувь' order by id").pluck().all()).toEqual(['Детская обувь 28', 'Детская обувь 31', 'Детская обувь 34']);
    expect(scalar('select count(*) from aid_items')).toBe(7);
    expect(scalar('select count(*) from aid_items where stock < 0')).toBe(0);
    expect(scalar('select count(*) from aid_items i where stock <> (select sum(delta) from aid_movements m where m.item_id = i.id)')).toBe(0);
    expect(scalar("select count(distinct resident_id) from aid_movements where kind = 'given'")).toBeGreaterThanOrEqual(30);
    expect(scalar("select count(distinct substr(on_date, 1, 7)) from aid_movements where kind = 'given'")).toBeGreaterThanOrEqual(5);
    expect(scalar('select count(*) from aid_movements where on_date > ?', TODAY)).toBe(0);
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
      expect(counts).toMatchObject({ residents: 100, volunteers: 50 });
      expect(counts.plans).toBeGreaterThan(15);
      expect(counts.tasks).toBeGreaterThan(300);
      expect(dump(other).residents).not.toEqual(dump(core).residents);
    } finally {
      await other.close();
    }
  });
});
