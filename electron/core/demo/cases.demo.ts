/**
 * Cases (social accompaniment) for the demo centre (issue 13), through the core's cases service,
 * backdated, in the centre's language: a family in difficulty accompanied as a household under a
 * signed agreement (social contract), with its goals, actions (one done, one overdue, one ahead),
 * a home visit and a review; a resident accompanied on their own, opened recently; and a closed
 * case whose goals were met. Each subject gave written consent covering health the day their case
 * was opened (case content needs it).
 */
import type { Rng } from './demo';
import type { DemoContext } from './demo-context';
import { casesService } from '../features/cases/cases.service';
import { readSettings } from '../features/settings/settings.service';
import type { Language } from '../../../shared/domain/settings';

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface Texts {
  familyGoals: string[];
  actions: [string, string, string];
  familyAssistant: string;
  theResident: string;
  visit: string;
  agreement: string;
  review: string;
  personGoals: string[];
  personAction: string;
  closedGoals: string[];
  closedNote: string;
}

const TEXTS: Record<Language, Texts> = {
  en: {
    familyGoals: ['Children attend school regularly', 'Housing benefit applied for and received'],
    actions: ['Collect the income certificates', 'Apply for the housing benefit', 'Meet the school teacher'],
    familyAssistant: 'family assistant',
    theResident: 'the head of the family',
    visit: 'Home visit: the plan was agreed with both parents.',
    agreement: 'Social contract for six months.',
    review: 'Income certificates collected; the benefit application is late.',
    personGoals: ['Replace the lost identity documents'],
    personAction: 'Go with her to the registry office',
    closedGoals: ['Pension recalculated'],
    closedNote: 'The pension was recalculated; no further accompaniment needed.',
  },
  ru: {
    familyGoals: ['Дети регулярно посещают школу', 'Оформлена жилищная субсидия'],
    actions: ['Собрать справки о доходах', 'Подать заявление на субсидию', 'Встретиться с классным руководителем'],
    familyAssistant: 'семейный помощник',
    theResident: 'глава семьи',
    visit: 'Посещение на дому: план согласован с обоими родителями.',
    agreement: 'Договор о социальном сопровождении на полгода.',
    review: 'Справки собраны; заявление на субсидию задерживается.',
    personGoals: ['Восстановить утерянные документы'],
    personAction: 'Сопроводить в паспортный стол',
    closedGoals: ['Пересчитана пенсия'],
    closedNote: 'Пенсия пересчитана, дальнейшее сопровождение не нужно.',
  },
  uk: {
    familyGoals: ['Діти регулярно відвідують школу', 'Оформлено житлову субсидію'],
    actions: ['Зібрати довідки про доходи', 'Подати заяву на субсидію', 'Зустрітися з класним керівником'],
    familyAssistant: 'сімейний асистент',
    theResident: 'голова сім’ї',
    visit: 'Відвідування вдома: план погоджено з обома батьками.',
    agreement: 'Угода про соціальний супровід на пів року.',
    review: 'Довідки зібрано; заява на субсидію затримується.',
    personGoals: ['Відновити втрачені документи'],
    personAction: 'Супроводити до ЦНАПу',
    closedGoals: ['Перераховано пенсію'],
    closedNote: 'Пенсію перераховано, подальший супровід не потрібен.',
  },
  pl: {
    familyGoals: ['Dzieci regularnie chodzą do szkoły', 'Przyznany dodatek mieszkaniowy'],
    actions: ['Zebrać zaświadczenia o dochodach', 'Złożyć wniosek o dodatek mieszkaniowy', 'Spotkać się z wychowawcą'],
    familyAssistant: 'asystent rodziny',
    theResident: 'głowa rodziny',
    visit: 'Wizyta w domu: plan uzgodniony z obojgiem rodziców.',
    agreement: 'Kontrakt socjalny na pół roku.',
    review: 'Zaświadczenia zebrane; wniosek o dodatek opóźniony.',
    personGoals: ['Odzyskać utracone dokumenty'],
    personAction: 'Pójść razem do urzędu',
    closedGoals: ['Przeliczona emerytura'],
    closedNote: 'Emerytura przeliczona, dalsza praca socjalna niepotrzebna.',
  },
  el: {
    familyGoals: ['Τα παιδιά πηγαίνουν τακτικά στο σχολείο', 'Εγκρίθηκε το επίδομα στέγασης'],
    actions: ['Συγκέντρωση βεβαιώσεων εισοδήματος', 'Αίτηση για επίδομα στέγασης', 'Συνάντηση με τον δάσκαλο'],
    familyAssistant: 'οικογενειακός βοηθός',
    theResident: 'ο αρχηγός της οικογένειας',
    visit: 'Κατ’ οίκον επίσκεψη: το σχέδιο συμφωνήθηκε και με τους δύο γονείς.',
    agreement: 'Συμφωνία κοινωνικής συνοδείας για έξι μήνες.',
    review: 'Οι βεβαιώσεις συγκεντρώθηκαν· η αίτηση για το επίδομα καθυστερεί.',
    personGoals: ['Επανέκδοση χαμένων εγγράφων'],
    personAction: 'Συνοδεία στο ΚΕΠ',
    closedGoals: ['Επανυπολογισμός σύνταξης'],
    closedNote: 'Η σύνταξη επανυπολογίστηκε· δεν χρειάζεται άλλη συνοδεία.',
  },
};

/** Opens the demo's cases; returns how many were made (3, or fewer when the register is too small). */
export async function demoCases(ctx: DemoContext, rng: Rng): Promise<number> {
  const db = ctx.deps.db;
  const service = casesService(ctx.backdated);
  const language = (await readSettings(db))?.language ?? 'en';
  const text = TEXTS[language];
  const day = (daysAgo: number) => ctx.now - daysAgo * DAY_MS;
  const at = (daysAgo: number) => {
    const ms = day(daysAgo);
    ctx.setTime(ms, isoDay(ms));
    return isoDay(ms);
  };
  const consent = async (residentId: number, on: string) => {
    await db
      .insertInto('resident_consents')
      .values({
        resident_id: residentId,
        basis: 'consent',
        scope_basic: 1,
        scope_health: 1,
        scope_photos: 0,
        given_on: on,
        notice_version: '1.0',
        note: '',
        recorded_at: new Date(Date.parse(`${on}T10:00:00Z`)).toISOString(),
        recorded_by: ctx.actor.id,
        withdrawn_on: null,
        withdrawn_at: null,
        withdrawn_by: null,
      })
      .execute();
  };

  // Heads of households living there now who registered before the case (families in difficulty first).
  const heads = await db
    .selectFrom('household_members as m')
    .innerJoin('residents as r', 'r.id', 'm.resident_id')
    .innerJoin('households as h', 'h.id', 'm.household_id')
    .select(['m.household_id', 'r.id', 'r.family_in_difficulty', 'r.displaced', 'h.formed_on'])
    .where('m.relation', '=', 'head')
    .where('m.to_on', 'is', null)
    .where('r.left_on', 'is', null)
    .where('h.formed_on', '<=', isoDay(day(90)))
    .orderBy('m.household_id')
    .execute();
  const family = heads.filter((h) => h.family_in_difficulty === 1 || h.displaced === 1);
  const pick = <T>(list: T[]): T | undefined => (list.length === 0 ? undefined : list[rng.int(0, list.length - 1)]);
  const household = pick(family.length > 0 ? family : heads);
  const taken = new Set<number>(household ? [household.id] : []);
  const alone = await db
    .selectFrom('residents')
    .select(['id', 'created_at'])
    .where('left_on', 'is', null)
    .where('erased_at', 'is', null)
    .where('created_at', '<=', new Date(day(160)).toISOString())
    .orderBy('id')
    .execute();
  let made = 0;

  // 1. A family in difficulty, accompanied as a household under a social contract.
  if (household) {
    const opened = at(62);
    await consent(household.id, opened);
    let c = await service.open({ householdId: household.household_id, openedOn: opened, goals: text.familyGoals, nextReviewOn: isoDay(day(32)) }, ctx.actor);
    at(57);
    c = await service.recordAgreement({ id: c.id, signedOn: isoDay(day(57)), note: text.agreement }, ctx.actor);
    c = await service.addAction({ id: c.id, text: text.actions[0], dueOn: isoDay(day(40)), responsibleText: text.theResident }, ctx.actor);
    c = await service.addAction({ id: c.id, text: text.actions[1], dueOn: isoDay(day(10)), responsibleText: text.familyAssistant }, ctx.actor);
    c = await service.addAction({ id: c.id, text: text.actions[2], dueOn: isoDay(day(-14)), responsibleUserId: ctx.actor.id, responsibleText: '' }, ctx.actor);
    at(50);
    await service.logContact({ id: c.id, on: isoDay(day(50)), kind: 'visit', note: text.visit }, ctx.actor);
    at(38);
    const first = c.actions.find((a) => a.text === text.actions[0]);
    if (first) await service.completeAction({ id: c.id, actionId: first.id, doneOn: isoDay(day(38)) }, ctx.actor);
    at(32);
    await service.review({ id: c.id, on: isoDay(day(32)), note: text.review, nextReviewOn: isoDay(day(-12)) }, ctx.actor);
    made++;
  }

  // 2. A resident accompanied on their own, opened three weeks ago.
  const person = pick(alone.filter((r) => !taken.has(r.id)));
  if (person) {
    taken.add(person.id);
    const opened = at(21);
    await consent(person.id, opened);
    const c = await service.open({ residentId: person.id, openedOn: opened, goals: text.personGoals, nextReviewOn: isoDay(day(-9)) }, ctx.actor);
    await service.addAction({ id: c.id, text: text.personAction, dueOn: isoDay(day(-5)), responsibleUserId: ctx.actor.id, responsibleText: '' }, ctx.actor);
    made++;
  }

  // 3. A case closed with its goals met.
  const former = pick(alone.filter((r) => !taken.has(r.id)));
  if (former) {
    const opened = at(150);
    await consent(former.id, opened);
    let c = await service.open({ residentId: former.id, openedOn: opened, goals: text.closedGoals }, ctx.actor);
    c = await service.addAction({ id: c.id, text: text.personAction, dueOn: isoDay(day(120)), responsibleText: text.familyAssistant }, ctx.actor);
    at(118);
    const only = c.actions[0];
    if (only) await service.completeAction({ id: c.id, actionId: only.id, doneOn: isoDay(day(118)) }, ctx.actor);
    await service.logContact({ id: c.id, on: isoDay(day(118)), kind: 'call', note: '' }, ctx.actor);
    at(40);
    await service.close({ id: c.id, closedOn: isoDay(day(40)), outcome: 'goalsMet', note: text.closedNote, confirmOpenActions: false }, ctx.actor);
    made++;
  }
  return made;
}
