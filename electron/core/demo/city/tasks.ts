/**
 * Volunteers at work: the tasks of the requests volunteers take on (planned by a coordinator,
 * done on the day, sometimes not done and planned again, sometimes two visits), the help plans of
 * the people under regular care (check-ins, weekly medicines) with the app host's weekly run that
 * makes their tasks ahead, their outcomes every afternoon, and the people under care who die.
 * Every change is a call (tasks.create, tasks.complete, tasks.notDone, tasks.cancel,
 * requests.setStatus, residents.update, plans.create, plans.end, residents.markLeft): the request's
 * status follows its tasks by the tasks feature's own rule.
 */
import { KIND_SKILL_DEFAULTS, type BuiltInSkillCode, type PartOfDay } from '../../../../shared/domain/volunteers';
import type { BuiltInKindCode } from '../../../../shared/domain/catalogue';
import type { TaskOutcomeInput } from '../../../../shared/domain/tasks';
import { generatePlanTasks } from '../../features/plans/plans.service';
import type { Rng } from '../demo';
import type { CityResident, CityVolunteer } from './people';
import { DAY_MS, dayStart, HOUR, isoDay, laterWorkMoment, MINUTE, weekdayOf, workMoment } from './time';
import type { CityWorld } from './world';

/** Minutes a job of each kind takes one volunteer. */
const TASK_MINUTES: Partial<Record<BuiltInKindCode, readonly [number, number]>> = {
  firewood: [90, 180],
  snowClearing: [45, 120],
  medicinePurchase: [40, 90],
  groceries: [40, 80],
  transportDoctor: [120, 240],
  householdRepairs: [45, 150],
  checkIn: [20, 60],
  waterCarrying: [30, 60],
};

function minutesFor(rng: Rng, code: BuiltInKindCode): number {
  const [min, max] = TASK_MINUTES[code] ?? [30, 90];
  return 5 * rng.int(Math.round(min / 5), Math.round(max / 5));
}

const NOT_DONE = ['Не відчинили двері, телефон не відповідає', 'Волонтер захворів, перенесли', 'Донька забрала до себе на вихідні', 'Відмовилася, каже — все є'];
const CANCEL = ['Допомогли родичі', 'Поїхала до дітей', 'Повторна заявка', ''];

/** The volunteers who help at a time, and a choice among them for a job. */
export class VolunteerPool {
  readonly #active = new Map<number, CityVolunteer>();

  join(v: CityVolunteer): void {
    this.#active.set(v.id, v);
  }

  leave(v: CityVolunteer): void {
    this.#active.delete(v.id);
  }

  get size(): number {
    return this.#active.size;
  }

  /** `count` volunteers for a kind: with its skill, regulars and the same settlement first, available that weekday. */
  pick(rng: Rng, code: BuiltInKindCode, settlement: string, weekday: number, count: number): number[] {
    const needs: readonly BuiltInSkillCode[] = KIND_SKILL_DEFAULTS[code];
    const all = [...this.#active.values()];
    const fit = all.filter((v) => (v.specialist === null ? needs.length === 0 || needs.some((s) => v.skills.has(s)) : code === 'checkIn' && v.specialist === 'socialWorker'));
    const pool = fit.length > 0 ? fit : all.filter((v) => v.specialist === null);
    const chosen: number[] = [];
    for (let i = 0; i < count; i++) {
      const left = pool.filter((v) => !chosen.includes(v.id));
      if (left.length === 0) break;
      const v = rng.weighted(left.map((x) => [x, (x.regular ? 5 : 1) * (x.settlement === settlement ? 4 : 0.5) * (x.weekdays === null || x.weekdays.has(weekday) ? 1 : 0.2)] as const));
      chosen.push(v.id);
    }
    return chosen;
  }
}

const gone = (r: CityResident, at: number) => r.leftAt !== null && r.leftAt <= at;

/**
 * The life of a request of a volunteer kind, from the moment it was logged: a coordinator plans a
 * task (the request becomes planned), someone marks it in progress when the volunteer sets off,
 * the task is done (the request done); or not done and planned again; or cancelled, and the
 * request with it; a few go elsewhere or are cancelled before any task.
 */
export function requestTaskFlow(w: CityWorld, rng: Rng, pool: VolunteerPool, r: CityResident, requestId: number, code: BuiltInKindCode, urgent: boolean, created: number): void {
  const { runner, timeline, staff, kindIds } = w;
  const kindId = kindIds.get(code);
  if (kindId === undefined) return;
  const flow = rng.weighted([
    ['done', 86],
    ['twoVisits', 5],
    ['notDoneThenDone', 4],
    ['cancelTask', 2.5],
    ['cancelled', 1.5],
    ['referred', 0.8],
    ['stale', 0.2],
  ] as const);
  if (flow === 'cancelled' || flow === 'referred') {
    const at = flow === 'cancelled' ? laterWorkMoment(rng, created, 0, 2) : created + rng.int(20, 240) * MINUTE;
    timeline.at(at, async () => {
      if (gone(r, at)) return;
      const note = flow === 'cancelled' ? rng.pick(CANCEL) : rng.pick(['Передали соціальному працівнику', 'Направили в УСЗН']);
      await runner.call('requests.setStatus', { id: requestId, status: flow, note }, staff.pick(rng, 'frontdesk', at));
    });
    return;
  }
  const planAt = urgent ? created + rng.int(10, 60) * MINUTE : rng.chance(0.6) ? created + rng.int(30, 300) * MINUTE : laterWorkMoment(rng, created, 1, 2);
  const plan = async (at: number, onDay: number, then: (taskId: number, volunteers: number[]) => void) => {
    if (gone(r, at)) return;
    const volunteerIds = rng.chance(0.9) ? pool.pick(rng, code, r.input.settlement ?? '', weekdayOf(onDay), (code === 'firewood' || code === 'snowClearing') && rng.chance(0.35) ? 2 : 1) : [];
    const task = await runner.call(
      'tasks.create',
      {
        requestId,
        scheduledOn: isoDay(onDay),
        partOfDay: rng.pick<PartOfDay | null>(['morning', 'afternoon', null]),
        startTime: null,
        estimatedMinutes: minutesFor(rng, code),
        note: '',
        volunteerIds,
      },
      staff.pick(rng, 'coordinator', at),
    );
    then(task.id, volunteerIds);
  };
  const doDay = (from: number) => (urgent ? from : from + rng.int(1, 4) * DAY_MS);
  const complete = (taskId: number, volunteers: number[], day: number, when?: number) => {
    const at = when ?? Math.max(w.clock.ms + HOUR, workMoment(rng, day));
    timeline.at(at, async () => {
      if (gone(r, at)) return;
      const who = volunteers.length > 0 ? volunteers : pool.pick(rng, code, r.input.settlement ?? '', weekdayOf(at), 1);
      const outcome: TaskOutcomeInput = {
        doneOn: isoDay(at),
        minutes: who.filter(() => rng.chance(0.95)).map((volunteerId) => ({ volunteerId, minutes: minutesFor(rng, code) })),
        note: rng.chance(0.2) ? rng.pick(['Зроблено', 'Виконано, претензій немає', 'Просить дзвонити ще']) : '',
      };
      const advancing = code === 'medicinePurchase' && who[0] !== undefined && rng.chance(0.2) ? who[0] : null;
      if (advancing !== null) outcome.advances = [{ volunteerId: advancing, amountMinor: rng.int(80, 900) * 100, note: 'Аптека, чек' }];
      const done = await runner.call('tasks.complete', { id: taskId, outcome }, staff.pick(rng, rng.chance(0.7) ? 'coordinator' : 'frontdesk', at));
      for (const a of done.advances ?? []) w.onAdvance({ id: a.id, at });
    });
  };
  timeline.at(planAt, () =>
    plan(planAt, doDay(planAt), (taskId, volunteers) => {
      const day = doDay(planAt);
      switch (flow) {
        case 'stale':
          return;
        case 'done': {
          const doneAt = Math.max(w.clock.ms + HOUR, workMoment(rng, day));
          const startAt = doneAt - rng.int(40, 180) * MINUTE;
          if (rng.chance(0.35) && startAt > w.clock.ms + 10 * MINUTE) {
            timeline.at(startAt, async () => {
              if (gone(r, startAt)) return;
              await runner.call('requests.setStatus', { id: requestId, status: 'inProgress', note: rng.chance(0.5) ? 'Волонтер виїхав' : '' }, staff.pick(rng, 'coordinator', startAt));
            });
          }
          complete(taskId, volunteers, day, doneAt);
          return;
        }
        case 'twoVisits': {
          const second = day + rng.int(2, 7) * DAY_MS;
          const at = w.clock.ms + 5 * MINUTE;
          timeline.at(at, () => plan(at, second, (secondId, secondVolunteers) => complete(secondId, secondVolunteers, second)));
          complete(taskId, volunteers, day);
          return;
        }
        case 'notDoneThenDone': {
          const at = Math.max(w.clock.ms + HOUR, workMoment(rng, day));
          timeline.at(at, async () => {
            if (gone(r, at)) return;
            await runner.call('tasks.notDone', { id: taskId, reason: rng.pick(NOT_DONE) }, staff.pick(rng, 'coordinator', at));
            const again = laterWorkMoment(rng, at, 0, 1);
            timeline.at(again, () => plan(again, dayStart(again) + rng.int(1, 3) * DAY_MS, (nextId, nextVolunteers) => complete(nextId, nextVolunteers, dayStart(again) + 3 * DAY_MS)));
          });
          return;
        }
        case 'cancelTask': {
          const at = laterWorkMoment(rng, planAt, 0, 2);
          timeline.at(at, async () => {
            if (gone(r, at)) return;
            const reason = rng.pick(CANCEL);
            const actor = staff.pick(rng, 'coordinator', at);
            await runner.call('tasks.cancel', { id: taskId, reason }, actor);
            await runner.call('requests.setStatus', { id: requestId, status: 'cancelled', note: reason }, actor);
          });
          return;
        }
      }
    }),
  );
}

/**
 * Regular care: people living alone are taken under care over the years (their record changed,
 * a check-in plan made, for some a weekly medicine plan), the app host makes the plans' tasks
 * four weeks ahead every week, the tasks of each day are done (or not) in the afternoon, and some
 * people under care die (their plans end).
 */
export class CareProgramme {
  readonly #under: CityResident[] = [];
  readonly #w: CityWorld;
  readonly #rng: Rng;
  readonly #pool: VolunteerPool;
  /** How many people are under care at the end (it grows from a third of it). */
  readonly #target: number;
  plans = 0;

  constructor(w: CityWorld, rng: Rng, pool: VolunteerPool, target: number) {
    this.#w = w;
    this.#rng = rng;
    this.#pool = pool;
    this.#target = target;
  }

  /** Monday morning: deaths of the week ahead, new people under care, then the week's plan tasks. */
  weekly(monday: number): void {
    const { timeline, runner, staff, start, end } = this.#w;
    const rng = this.#rng;
    const progress = (monday - start) / Math.max(1, end - start);
    const target = Math.round(this.#target * (0.35 + 0.65 * progress));
    // About 8 % a year die.
    for (const r of [...this.#under]) {
      if (!rng.chance(0.0016)) continue;
      const at = workMoment(rng, monday + rng.int(0, 6) * DAY_MS);
      if (at >= end) continue;
      r.leftAt = at;
      this.#under.splice(this.#under.indexOf(r), 1);
      timeline.at(at, async () => {
        await runner.call('residents.markLeft', { id: r.id, reason: 'deceased', on: isoDay(at) }, staff.pick(rng, 'coordinator', at));
      });
    }
    const candidates = this.#w.residents.slice(0, this.#w.registered).filter((r) => r.elderly && r.livesAlone && r.careSince === null && r.leftAt === null && r.id > 0);
    let missing = target - this.#under.length;
    while (missing > 0 && candidates.length > 0) {
      const r = candidates.splice(rng.int(0, candidates.length - 1), 1)[0];
      if (r === undefined) break;
      missing--;
      const at = workMoment(rng, monday + rng.int(0, 4) * DAY_MS);
      if (at >= end) continue;
      r.careSince = at;
      this.#under.push(r);
      timeline.at(at, () => this.#takeUnderCare(r, at));
    }
    const generateAt = monday + 3 * HOUR;
    timeline.at(generateAt, async () => {
      await runner.run((deps) => generatePlanTasks(deps));
    });
    for (let d = 0; d < 7; d++) {
      const day = monday + d * DAY_MS;
      timeline.at(day + 14 * HOUR, () => this.#outcomes(day));
    }
  }

  async #takeUnderCare(r: CityResident, at: number): Promise<void> {
    const { runner, staff, kindIds } = this.#w;
    const rng = this.#rng;
    if (r.leftAt !== null) return;
    const interval = rng.weighted([
      [7, 6],
      [14, 3],
      [3, 1],
    ] as const);
    r.input = { ...r.input, regularCare: true, checkinIntervalDays: interval };
    await runner.call('residents.update', { id: r.id, data: r.input }, staff.pick(rng, 'frontdesk', at));
    const coordinator = staff.pick(rng, 'coordinator', at);
    const startsOn = isoDay(at + DAY_MS);
    const checkIn = kindIds.get('checkIn');
    const medicines = kindIds.get('medicinePurchase');
    if (checkIn === undefined || medicines === undefined) return;
    const settlement = r.input.settlement ?? '';
    const [visitor] = this.#pool.pick(rng, 'checkIn', settlement, weekdayOf(at + DAY_MS), 1);
    await runner.call(
      'plans.create',
      {
        residentId: r.id,
        kindId: checkIn,
        rule: 'everyNDays',
        intervalDays: interval,
        partOfDay: rng.pick<PartOfDay>(['morning', 'afternoon']),
        estimatedMinutes: 30,
        volunteerId: visitor ?? null,
        startsOn,
        note: rng.chance(0.4) ? rng.pick(['Подзвонити напередодні', 'Виміряти тиск', 'Спитати про ліки та продукти']) : '',
      },
      coordinator,
    );
    this.plans++;
    if (rng.chance(0.25)) {
      const weekday = rng.pick([2, 4]);
      const [buyer] = this.#pool.pick(rng, 'medicinePurchase', settlement, weekday, 1);
      const plan = await runner.call(
        'plans.create',
        {
          residentId: r.id,
          kindId: medicines,
          rule: 'weekly',
          weekday,
          partOfDay: 'afternoon',
          estimatedMinutes: 60,
          volunteerId: buyer ?? null,
          startsOn,
          note: 'Ліки за списком, рецепти в серванті',
        },
        coordinator,
      );
      this.plans++;
      // Some are no longer needed after a few months.
      if (rng.chance(0.4)) {
        const endAt = workMoment(rng, at + rng.int(60, 540) * DAY_MS);
        this.#w.timeline.at(endAt, async () => {
          if (gone(r, endAt)) return;
          await runner.call('plans.end', { id: plan.id, reason: 'noLongerNeeded' }, staff.pick(rng, 'coordinator', endAt));
        });
      }
    }
  }

  /** The plan tasks of a day: nearly all done, some not; a few of the last weeks still open. */
  async #outcomes(day: number): Promise<void> {
    const { runner, staff, end, timeline } = this.#w;
    const rng = this.#rng;
    const trx = await runner.trx();
    const open = await trx
      .selectFrom('tasks')
      .innerJoin('service_kinds', 'service_kinds.id', 'tasks.kind_id')
      .select(['tasks.id', 'tasks.resident_id', 'service_kinds.code'])
      .where('tasks.plan_id', 'is not', null)
      .where('tasks.status', 'in', ['planned', 'assigned'])
      .where('tasks.scheduled_on', '=', isoDay(day))
      .orderBy('tasks.id')
      .execute();
    if (open.length === 0) return;
    const on = await trx.selectFrom('task_volunteers').select(['task_id', 'volunteer_id']).where('task_id', 'in', open.map((t) => t.id)).orderBy('task_id').orderBy('volunteer_id').execute();
    const recent = day >= end - 21 * DAY_MS;
    for (const t of open) {
      if (recent && rng.chance(0.03)) continue;
      const at = day + rng.int(14 * 60, 17 * 60) * MINUTE;
      const code = (t.code ?? 'checkIn') as BuiltInKindCode;
      const volunteers = on.filter((x) => x.task_id === t.id).map((x) => x.volunteer_id);
      timeline.at(at, async () => {
        const r = this.#w.residentById.get(t.resident_id);
        if (r !== undefined && gone(r, at)) return;
        if (rng.chance(0.05)) {
          await runner.call('tasks.notDone', { id: t.id, reason: rng.pick(NOT_DONE) }, staff.pick(rng, 'coordinator', at));
          return;
        }
        const who = volunteers.length > 0 ? volunteers : this.#pool.pick(rng, code, r?.input.settlement ?? '', weekdayOf(at), 1);
        await runner.call(
          'tasks.complete',
          { id: t.id, outcome: { doneOn: isoDay(at), minutes: who.map((volunteerId) => ({ volunteerId, minutes: minutesFor(rng, code) })), note: '' } },
          staff.pick(rng, rng.chance(0.6) ? 'coordinator' : 'frontdesk', at),
        );
      });
    }
  }
}
