/**
 * The city's casework (issue 13), in proportion to Cherkasy's year: about 1,000 needs assessments
 * a year for 50,000 residents (Cherkasy: 1,038), of which about one in seven leads to a case of
 * social accompaniment lasting 4 to 20 months (so that about 145 are open at any time, Cherkasy's
 * 145 families in complex accompaniment), and a two-year project with participants recruited under
 * social contracts (Zawiercie's 145 recruited, 96 completed, 13 internships, 12 computer courses)
 * followed by a second one that is under way. Only the last three years: the centre began its
 * casework in Hearth then, and a year's figures are what the reports and the bench need (the
 * generator's time budget is ten minutes). Every change is a call through the core (consent,
 * assessments.record, cases.open/addAction/recordAgreement/logContact/review/completeAction/close,
 * projects.create/addActivity/enrol/recordContract/recordAttendance/complete/dropOut). Its own
 * random stream.
 */
import type { Actor } from '../../context';
import type { Rng } from '../demo';
import type { CityResident } from './people';
import { DAY_MS, isoDay, workMoment } from './time';
import type { CityWorld } from './world';

/** Years of casework before the present. */
export const CASEWORK_YEARS = 3;
const ASSESSMENTS_PER_RESIDENT_YEAR = 1_000 / 50_000;
/** The share of assessments that lead to a case. */
const CASE_SHARE = 0.15;
/** Participants recruited per project per resident (Zawiercie: 145). */
const PARTICIPANTS_PER_RESIDENT = 145 / 50_000;

const CONCLUSIONS = [
  'Потребує допомоги з документами та соціальними виплатами; житлові умови задовільні.',
  'Сім’я переміщена, орендує житло; потрібні гуманітарна допомога і працевлаштування.',
  'Самотня людина похилого віку, потребує догляду вдома та ліків.',
  'Дитина потребує статусу постраждалої від воєнних дій; документи зібрано частково.',
];
const SERVICES = ['Консультація юриста, супровід до ЦНАП', 'Продуктові набори, направлення до центру зайнятості', 'Догляд вдома, доставка ліків волонтерами', 'Психологічна консультація, допомога з документами'];
const GOALS = ['Оформити житлову субсидію', 'Відновити документи', 'Знайти роботу', 'Влаштувати дитину до садочка', 'Забезпечити догляд вдома'];
const ACTIONS = ['Зібрати довідки про доходи', 'Подати заяву до ЦНАП', 'Записатися до центру зайнятості', 'Відвідати сімейного лікаря', 'Отримати продуктовий набір'];
const RESPONSIBLE = ['мешканець', 'сімейний асистент', 'родина'];
const CONTACT_KINDS = ['visit', 'call', 'meeting', 'referral', 'psychologicalConsultation', 'legalConsultation'] as const;
const OUTCOMES = [
  ['goalsMet', 45],
  ['partlyMet', 25],
  ['droppedOut', 10],
  ['moved', 10],
  ['referred', 10],
] as const;
const DROP_REASONS = ['Переїхала до іншого міста', 'Знайшла роботу раніше', 'Стан здоров’я', 'Не з’являвся на заняття'];

export class CityCasework {
  readonly #w: CityWorld;
  readonly #rng: Rng;
  /** Residents with a consent covering health (given at registration with a disability, or here). */
  readonly #consented = new Set<number>();
  /** Residents and households with a case open now (one at a time each). */
  readonly #openFor = new Set<string>();
  readonly #areaIds: Map<string, number>;
  readonly #kindIds: Map<string, number>;
  assessments = 0;
  cases = 0;
  participants = 0;

  constructor(w: CityWorld, rng: Rng, options: { areaIds: Map<string, number>; kindIds: Map<string, number> }) {
    this.#w = w;
    this.#rng = rng;
    this.#areaIds = options.areaIds;
    this.#kindIds = options.kindIds;
  }

  /** A resident registered with a disability has given their consent covering health. */
  consentGiven(residentId: number): void {
    this.#consented.add(residentId);
  }

  get since(): number {
    return this.#w.end - CASEWORK_YEARS * 365 * DAY_MS;
  }

  /** Here at `at` (registered, not gone). */
  #here(r: CityResident, at: number): boolean {
    return r.id > 0 && (r.leftAt === null || r.leftAt > at + 400 * DAY_MS);
  }

  async #consent(residentId: number, at: number, actor: Actor): Promise<void> {
    if (this.#consented.has(residentId)) return;
    await this.#w.runner.call('privacy.recordConsent', { residentId, basis: 'consent', scopes: ['basic', 'health'], givenOn: isoDay(at) }, actor);
    this.#consented.add(residentId);
  }

  /** The week's assessments (from Monday `day`), and the cases some of them lead to. */
  week(day: number): void {
    if (day < this.since) return;
    const rng = this.#rng;
    const w = this.#w;
    const perWeek = (w.counts.residents * ASSESSMENTS_PER_RESIDENT_YEAR * 7) / 365;
    const n = Math.floor(perWeek) + (rng.chance(perWeek % 1) ? 1 : 0);
    for (let i = 0; i < n; i++) {
      const at = workMoment(rng, day + rng.int(0, 4) * DAY_MS);
      if (at >= w.end) continue;
      w.timeline.at(at, () => this.#assess(at));
    }
  }

  async #assess(at: number): Promise<void> {
    const rng = this.#rng;
    const w = this.#w;
    const here = w.residents.slice(0, w.registered).filter((r) => this.#here(r, at));
    if (here.length === 0) return;
    const r = rng.pick(here);
    const worker = w.staff.pick(rng, 'coordinator', at);
    const head = r.home.members[0];
    // A family is assessed through its head (the head's consent covers the family's record).
    const ofHousehold = r.home.id > 0 && head === r && r.home.size > 1 && rng.chance(0.4);
    await this.#consent(r.id, at, worker);
    const family = r.home.kind === 'displaced' || r.home.kind === 'familyInDifficulty';
    const kind = ofHousehold && family && rng.chance(0.3) ? 'warAffectedChild' : rng.chance(0.15) ? 'socialHistory' : 'needsAssessment';
    const areas = [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.pick([...this.#areaIds.keys()])))];
    const severities = ['low', 'medium', 'high', 'urgent'] as const;
    const needs = areas.map((a) => ({ areaId: this.#areaIds.get(a) as number, severity: rng.weighted(severities.map((s, k) => [s, [2, 4, 3, 1][k] as number] as const)) }));
    const today = isoDay(at);
    const followUp = rng.chance(0.7) ? isoDay(at + rng.int(30, 90) * DAY_MS) : null;
    const a = await w.runner.call(
      'assessments.record',
      {
        ...(ofHousehold ? { householdId: r.home.id } : { residentId: r.id }),
        kindId: this.#kindIds.get(kind) as number,
        assessedOn: today,
        workerId: worker.id,
        needs,
        conclusion: rng.pick(CONCLUSIONS),
        services: rng.pick(SERVICES),
        followUpOn: followUp,
      },
      worker,
    );
    this.assessments++;
    const subject = ofHousehold ? `h${r.home.id}` : `r${r.id}`;
    if (!rng.chance(CASE_SHARE) || this.#openFor.has(subject)) return;
    const openAt = workMoment(rng, at + rng.int(1, 14) * DAY_MS);
    if (openAt >= w.end) return;
    this.#openFor.add(subject);
    w.timeline.at(openAt, () => this.#openCase(r, ofHousehold, subject, a.id, worker, openAt));
  }

  async #openCase(r: CityResident, ofHousehold: boolean, subject: string, assessmentId: number, worker: Actor, at: number): Promise<void> {
    const rng = this.#rng;
    const w = this.#w;
    const call = w.runner;
    if (!this.#here(r, at)) {
      this.#openFor.delete(subject);
      return;
    }
    const goals = [...new Set([rng.pick(GOALS), rng.pick(GOALS)])];
    const c = await call.call(
      'cases.open',
      { ...(ofHousehold ? { householdId: r.home.id } : { residentId: r.id }), openedOn: isoDay(at), assessmentId, goals, nextReviewOn: isoDay(at + 90 * DAY_MS) },
      worker,
    );
    this.cases++;
    const id = c.id;
    const closeAt = workMoment(rng, at + rng.int(120, 600) * DAY_MS);
    // Actions agreed at the start, done by their due day (or left open).
    for (let k = rng.int(1, 3); k > 0; k--) {
      const due = at + rng.int(14, 120) * DAY_MS;
      const mine = rng.chance(0.3);
      const withAction = await call.call('cases.addAction', { id, text: rng.pick(ACTIONS), dueOn: isoDay(due), ...(mine ? { responsibleUserId: worker.id } : { responsibleText: rng.pick(RESPONSIBLE) }) }, worker);
      // The new action has the highest id (the plan lists actions by due day).
      const actionId = Math.max(...withAction.actions.map((x) => x.id));
      const doneAt = workMoment(rng, due - rng.int(0, 10) * DAY_MS);
      if (rng.chance(0.8) && doneAt > at && doneAt < Math.min(closeAt, w.end)) w.timeline.at(doneAt, () => call.call('cases.completeAction', { id, actionId, doneOn: isoDay(doneAt) }, worker).then(() => undefined));
    }
    if (rng.chance(0.6)) {
      const signedAt = workMoment(rng, at + rng.int(0, 14) * DAY_MS);
      if (signedAt < w.end) w.timeline.at(signedAt, () => call.call('cases.recordAgreement', { id, signedOn: isoDay(signedAt), note: 'Соціальний контракт підписано' }, worker).then(() => undefined));
    }
    // Contacts every three to six weeks, reviews every three months, until it closes.
    for (let t = at + rng.int(21, 42) * DAY_MS; t < Math.min(closeAt, w.end); t += rng.int(21, 42) * DAY_MS) {
      const on = workMoment(rng, t);
      if (on >= Math.min(closeAt, w.end)) break;
      const kind = rng.pick(CONTACT_KINDS);
      w.timeline.at(on, () => call.call('cases.logContact', { id, on: isoDay(on), kind, note: '' }, worker).then(() => undefined));
    }
    for (let t = at + 90 * DAY_MS; t < Math.min(closeAt, w.end); t += 90 * DAY_MS) {
      const on = workMoment(rng, t);
      if (on >= Math.min(closeAt, w.end)) break;
      w.timeline.at(on, () => call.call('cases.review', { id, on: isoDay(on), note: 'Перегляд плану', nextReviewOn: isoDay(on + 90 * DAY_MS) }, worker).then(() => undefined));
    }
    if (closeAt < w.end) {
      const outcome = rng.weighted(OUTCOMES);
      w.timeline.at(closeAt, async () => {
        await call.call('cases.close', { id, closedOn: isoDay(closeAt), outcome, note: '', confirmOpenActions: true }, worker);
        this.#openFor.delete(subject);
      });
    }
  }

  /**
   * The projects: one of two years that ended a year ago (recruitment over its first eight months,
   * two thirds completing), and one that began a year ago and runs a year more.
   */
  projects(): void {
    const w = this.#w;
    const first = this.since + 30 * DAY_MS;
    w.timeline.at(workMoment(this.#rng, first), () => this.#project('Активна інтеграція', first, first + 2 * 365 * DAY_MS, 1));
    const second = w.end - 330 * DAY_MS;
    w.timeline.at(workMoment(this.#rng, second), () => this.#project('Активна інтеграція 2', second, second + 2 * 365 * DAY_MS, 0.5));
  }

  async #project(name: string, startsAt: number, endsAt: number, share: number): Promise<void> {
    const rng = this.#rng;
    const w = this.#w;
    const call = w.runner;
    const worker = w.staff.pick(rng, 'coordinator', startsAt);
    const target = Math.max(4, Math.round(w.counts.residents * PARTICIPANTS_PER_RESIDENT));
    const p = await call.call(
      'projects.create',
      { name, funder: 'Європейський соціальний фонд', startsOn: isoDay(startsAt), endsOn: isoDay(endsAt), targetRecruited: target, targetCompleted: Math.round((target * 96) / 145) },
      worker,
    );
    const kinds = [
      ['course', "Комп'ютерні курси"],
      ['internship', 'Стажування'],
      ['selfHelpGroup', 'Група самодопомоги'],
      ['counselling', 'Консультації психолога'],
    ] as const;
    let activities: Array<{ id: number; kind: string }> = [];
    for (const [kind, title] of kinds) activities = (await call.call('projects.addActivity', { id: p.id, activity: { kind, name: title } }, worker)).activities;
    const of = (kind: string) => activities.find((a) => a.kind === kind)?.id as number;
    const recruiting = startsAt + 240 * DAY_MS;
    const recruits = Math.round(target * share);
    const taken = new Set<number>();
    for (let i = 0; i < recruits; i++) {
      const at = workMoment(rng, startsAt + rng.int(1, 239) * DAY_MS);
      if (at >= Math.min(recruiting, w.end)) continue;
      w.timeline.at(at, async () => {
        const adults = w.residents.slice(0, w.registered).filter((r) => !r.elderly && !taken.has(r.id) && this.#here(r, at));
        if (adults.length === 0) return;
        const r = rng.pick(adults);
        taken.add(r.id);
        const withContract = rng.chance(0.9);
        const enrolled = await call.call('projects.enrol', { id: p.id, residentId: r.id, recruitedOn: isoDay(at), ...(withContract ? { contractOn: isoDay(at) } : {}) }, worker);
        this.participants++;
        const participantId = enrolled.participants.find((x) => x.residentId === r.id && x.status === 'active')?.id as number;
        // Sessions: counselling and the self-help group for most, a course (12 of 145) or an internship (13 of 145) for a few.
        const attended = [of('counselling'), ...(rng.chance(0.6) ? [of('selfHelpGroup')] : []), ...(rng.chance(12 / 145) ? [of('course')] : []), ...(rng.chance(13 / 145) ? [of('internship')] : [])];
        let last = at;
        for (const activityId of attended) {
          const on = workMoment(rng, at + rng.int(7, 120) * DAY_MS);
          if (on >= w.end) continue;
          last = Math.max(last, on);
          w.timeline.at(on, () => call.call('projects.recordAttendance', { id: p.id, participantId, activityId, on: isoDay(on), sessions: rng.int(1, 8), hours: null }, worker).then(() => undefined));
        }
        const endAt = workMoment(rng, Math.max(last + 14 * DAY_MS, at + rng.int(180, 420) * DAY_MS));
        if (endAt >= Math.min(endsAt, w.end)) return;
        // Two thirds complete (96 of 145), the others drop out.
        if (rng.chance(96 / 145)) w.timeline.at(endAt, () => call.call('projects.complete', { id: p.id, participantId, on: isoDay(endAt) }, worker).then(() => undefined));
        else w.timeline.at(endAt, () => call.call('projects.dropOut', { id: p.id, participantId, on: isoDay(endAt), reason: rng.pick(DROP_REASONS) }, worker).then(() => undefined));
      });
    }
  }
}
