/**
 * The Sylva seed as a test (issue 14): the centre's six months recorded through the contract
 * (sylva.dataset.ts: day by day, by its front desk and its curator) give, through
 * `reports.results` for 01.11.2023–01.05.2024, the figures of its report: 12 events, 50 volunteers
 * of whom 20 regular, 5 specialists, 22 people in master classes and consultations, 100
 * beneficiaries and 15 lonely elderly people under regular care. The noise around the period (a
 * cancelled request, requests and a volunteer's first task after it, a no-show, an event on
 * 02.05.2024, someone taken under care on 03.05.2024) counts nowhere.
 *
 * Every expected number is written here by hand from the dataset's tables (its header says how
 * they add up), never computed by the code under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, TEST_HASHING, type TestCore } from '../../testing/test-core';
import { recordSylva, SYLVA_PERIOD, SYLVA_REPORT_DAY, type SylvaRecords } from './sylva.dataset';

let t: TestCore;
let sylva: SylvaRecords;
/** The report as the curator (a coordinator) receives it: what the screen shows her. */
const results = (period: { from: string; to: string }) => t.value('reports.results', period, sylva.curator);
type Report = Awaited<ReturnType<typeof results>>;
let report: Report;

beforeAll(async () => {
  t = await createTestCore({ hashing: TEST_HASHING });
  const started = Date.now();
  sylva = await recordSylva(t);
  console.log(`Sylva recorded with ${sylva.calls} calls in ${Date.now() - started} ms`);
  report = await results(SYLVA_PERIOD);
});
afterAll(async () => {
  await t?.close();
});

/** Every resident id behind a figure (row), through reports.people, page by page. */
async function peopleBehind(input: { figure: 'peopleReached' | 'events' | 'underRegularCare' | 'servicesByKind'; code?: string; from?: string; to?: string }): Promise<Set<number>> {
  const ids = new Set<number>();
  let cursor: { sortKey: string; id: number } | undefined;
  do {
    const page = await t.value('reports.people', { from: SYLVA_PERIOD.from, to: SYLVA_PERIOD.to, ...input, limit: 40, ...(cursor ? { cursor } : {}) }, sylva.curator);
    for (const p of page.items) ids.add(p.residentId);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/** r<from>…r<to> of the dataset as resident ids. */
function residents(from: number, to: number): Set<number> {
  const ids = new Set<number>();
  for (let n = from; n <= to; n++) ids.add(sylva.residents.get(n)!);
  return ids;
}

const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);

describe('the Sylva seed: results in numbers for 01.11.2023–01.05.2024', () => {
  it('the report is made after the period, in the curator\'s Russian', () => {
    expect(t.clock.today()).toBe(SYLVA_REPORT_DAY);
    expect(report).toMatchObject({ from: '2023-11-01', to: '2024-05-01', months: ['2023-11', '2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05'] });
    expect(report.definitions.peopleReached).toMatch(/^Разные жители, у которых за период было обращение/);
  });

  it('12 events', () => {
    expect(report.events.held).toBe(12);
    expect(report.events.heldByMonth).toEqual([2, 2, 2, 2, 2, 2, 0]);
    const byKind = Object.fromEntries(report.events.rows.filter((r) => r.held > 0).map((r) => [r.code, r.held]));
    expect(byKind).toEqual({ masterClass: 6, consultationDay: 3, campaign: 1, partnerMeeting: 1, awarenessEvent: 1 });
  });

  it('50 volunteers, of whom 20 regular, and 5 specialists', async () => {
    expect(report.volunteers).toMatchObject({ involved: 50, regular: 20, occasional: 30 });
    expect(report.specialists.count).toBe(5);
    // Distinct per month, never added (175 ≠ 50): the 15 check-in volunteers every month; the
    // walk-ins' helpers, the snow days' 15, the specialists and leaders of the month's events;
    // 01.05.2024 only v8's check-in.
    expect(report.volunteers.involvedByMonth).toEqual([21, 37, 38, 36, 22, 20, 1]);
    // The coordinator's monthly report says the same for November to April (01.05.2024 adds nobody).
    const monthly = await t.value('reports.volunteersActive', { from: '2023-11', to: '2024-04' }, sylva.curator);
    expect(monthly.active).toEqual({ regular: 20, occasional: 30, specialists: 5, total: 50 });
  });

  it('22 people in master classes and consultations, each counted once', async () => {
    const masterClasses = await peopleBehind({ figure: 'events', code: 'masterClass' });
    const consultations = await peopleBehind({ figure: 'events', code: 'consultationDay' });
    expect(masterClasses.size).toBe(18);
    expect(consultations.size).toBe(10);
    const both = new Set([...masterClasses, ...consultations]);
    expect(both.size).toBe(22);
    expect(sorted(both)).toEqual(sorted(residents(12, 33)));
    // The kinds' own figures agree with their lists; their sum (28) is not the people.
    const row = (code: string) => report.events.rows.find((r) => r.code === code)!;
    expect(row('masterClass')).toMatchObject({ held: 6, attendances: 37, people: 18, headCounts: 0 });
    expect(row('consultationDay')).toMatchObject({ held: 3, attendances: 15, people: 10, headCounts: 0 });
    // The two home consultations (a lawyer's, a psychologist's) went to people of the 22.
    const consulted = new Set([...(await peopleBehind({ figure: 'servicesByKind', code: 'legalConsultation' })), ...(await peopleBehind({ figure: 'servicesByKind', code: 'psychConsultation' }))]);
    expect(consulted.size).toBe(2);
    for (const id of consulted) expect(both.has(id)).toBe(true);
  });

  it('100 beneficiaries: people reached, named, each once; head counts beside them, never added in', async () => {
    expect(report.peopleReached.named).toBe(100);
    expect(report.peopleReached.headCounts).toBe(34);
    expect(report.peopleReached.bySettlement).toEqual([
      { code: 'Сылва', count: 97 },
      { code: 'Сарга', count: 3 },
    ]);
    const reached = await peopleBehind({ figure: 'peopleReached' });
    expect(sorted(reached)).toEqual(sorted(residents(1, 100)));
    // r88, erased at her request after the period, is still one of them, without a name.
    const page = await t.value('reports.people', { figure: 'servicesByKind', code: 'copies', ...SYLVA_PERIOD }, sylva.curator);
    expect(page.total).toBe(9);
    expect(page.items.filter((p) => p.erased)).toEqual([{ residentId: sylva.erasedResidentId, name: '', settlement: '', erased: true }]);
    // Distinct: a person who came in two months is in both months and once in the period.
    expect(report.peopleReached.namedByMonth.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
    expect(report.distinct).toEqual(expect.arrayContaining(['peopleReached', 'volunteers', 'underRegularCare']));
  });

  it('15 lonely elderly people under regular care', async () => {
    expect(report.underRegularCare.count).toBe(15);
    expect(sorted(await peopleBehind({ figure: 'underRegularCare' }))).toEqual(sorted(residents(1, 15)));
  });

  it('the figures beside them: events, services, requests, tasks, hours, new residents, families', () => {
    expect(report.events).toMatchObject({ attendances: 63, people: 33, headCounts: 34 });
    const services = Object.fromEntries(report.servicesByKind.rows.map((r) => [r.code, [r.tasks, r.desk]]));
    // 17 kinds of service given (with the master classes, the seed's 18 directions).
    expect(services).toEqual({
      checkIn: [194, 0],
      snowClearing: [47, 0],
      printing: [0, 14],
      copies: [0, 9],
      onlineServices: [1, 8],
      formsHelp: [1, 6],
      firewood: [6, 0],
      medicinePurchase: [5, 0],
      documentPhotos: [0, 4],
      formTyping: [0, 4],
      householdRepairs: [4, 0],
      lamination: [0, 3],
      groceries: [3, 0],
      transportDoctor: [3, 0],
      waterCarrying: [2, 0],
      legalConsultation: [1, 0],
      psychConsultation: [1, 0],
    });
    expect(report.servicesByKind.total).toBe(316);
    expect(report.tasksDone.count).toBe(268);
    expect(report.requestsByStatus.total).toBe(74);
    expect(Object.fromEntries(report.requestsByStatus.rows.filter((r) => r.count > 0).map((r) => [r.code, r.count]))).toEqual({ done: 73, cancelled: 1 });
    // 193 check-ins × 40 min, 5 specialists' visits × 60, 6 firewood tasks × 2 × 120, 19 other
    // tasks × 60, 45 snow-day tasks × 90, and 43 hours of volunteers leading events.
    expect(report.volunteerHours).toMatchObject({ minutes: 17_230, unlogged: 0 });
    // r1–r100 and the no-show (registered on 03.04.2024); May's newcomers are not of the period.
    expect(report.newResidents.count).toBe(101);
    // 68 residents with a request: the twelve of the families in difficulty in eleven households
    // (a husband and wife came apart), 56 people in no household.
    expect(report.households).toMatchObject({ families: 67, households: 11, personsWithoutHousehold: 56 });
  });
});

describe('the half-year and its months', () => {
  it('additive figures are the sum of the months reported one by one; distinct ones are not', async () => {
    const months = [
      ['2023-11-01', '2023-11-30'],
      ['2023-12-01', '2023-12-31'],
      ['2024-01-01', '2024-01-31'],
      ['2024-02-01', '2024-02-29'],
      ['2024-03-01', '2024-03-31'],
      ['2024-04-01', '2024-04-30'],
      ['2024-05-01', '2024-05-01'],
    ] as const;
    const each: Report[] = [];
    for (const [from, to] of months) each.push(await results({ from, to }));
    const total = (f: (r: Report) => number) => each.reduce((a, r) => a + f(r), 0);
    expect(total((r) => r.events.held)).toBe(12);
    expect(total((r) => r.servicesByKind.total)).toBe(316);
    expect(total((r) => r.tasksDone.count)).toBe(268);
    expect(total((r) => r.requestsByStatus.total)).toBe(74);
    expect(total((r) => r.volunteerHours.minutes)).toBe(17_230);
    expect(total((r) => r.events.headCounts)).toBe(34);
    // Each month's own report says what the half-year's months say.
    expect(each.map((r) => r.peopleReached.named)).toEqual(report.peopleReached.namedByMonth);
    expect(each.map((r) => r.volunteers.involved)).toEqual([21, 37, 38, 36, 22, 20, 1]);
    expect(total((r) => r.peopleReached.named)).toBeGreaterThan(100);
    expect(each.map((r) => r.underRegularCare.count)).toEqual([15, 15, 15, 15, 15, 15, 15]);
  });
});

describe('the noise around the period counts nowhere', () => {
  it('a cancelled request is a request, not a service', async () => {
    const request = await t.value('requests.get', { id: sylva.noise.cancelledRequestId }, sylva.frontDesk);
    expect(request).toMatchObject({ status: 'cancelled', kindCode: 'formTyping', createdOn: '2024-01-10' });
    expect(report.servicesByKind.rows.find((r) => r.code === 'formTyping')).toMatchObject({ count: 4, desk: 4, people: 4 });
    expect(report.requestsByStatus.rows.find((r) => r.code === 'cancelled')!.count).toBe(1);
  });

  it('a no-show is neither reached nor among the 22', async () => {
    const id = sylva.noise.noShowResidentId;
    const events = await t.value('events.ofResident', { residentId: id }, sylva.frontDesk);
    expect(events.map((e) => [e.kind, e.startsOn, e.status])).toEqual([['masterClass', '2024-04-10', 'noShow']]);
    expect((await peopleBehind({ figure: 'peopleReached' })).has(id)).toBe(false);
    expect((await peopleBehind({ figure: 'events' })).has(id)).toBe(false);
  });

  it('what happened on 02–03.05.2024 counts when the period takes those days in, and only then', async () => {
    const wider = await t.value('reports.results', { from: SYLVA_PERIOD.from, to: SYLVA_REPORT_DAY }, sylva.curator);
    // The master class of 02.05.2024.
    expect(wider.events.held).toBe(13);
    // Its newcomer and the newcomer who walked in on 03.05.2024; the no-show still not.
    expect(wider.peopleReached.named).toBe(102);
    const reached = await peopleBehind({ figure: 'peopleReached', to: SYLVA_REPORT_DAY });
    expect(reached.has(sylva.noise.mayResidentId)).toBe(true);
    expect(reached.has(sylva.noise.afterPeriodResidentId)).toBe(true);
    expect(reached.has(sylva.noise.noShowResidentId)).toBe(false);
    // The volunteer who joined in April and first helped on 03.05.2024; never the one who was ill.
    expect(wider.volunteers).toMatchObject({ involved: 51, regular: 20, occasional: 31 });
    // The lonely elderly woman registered under care on 03.05.2024.
    expect(wider.underRegularCare.count).toBe(16);
    // Two more requests: r37's firewood (done on 03.05) and the newcomer's printing.
    expect(wider.requestsByStatus.total).toBe(76);
  });

  it('the volunteer whose only task was not done is not involved in any period', async () => {
    const page = await t.value('volunteers.get', { id: sylva.noise.illVolunteerId }, sylva.curator);
    expect(page.past.map((task) => [task.scheduledOn, task.status])).toEqual([]);
    const year = await t.value('reports.results', { from: '2023-10-01', to: SYLVA_REPORT_DAY }, sylva.curator);
    expect(year.volunteers.involved).toBe(51);
  });
});
