/**
 * What the residents of a city centre ask for, and how each kind of request goes: which kinds
 * whom (a firewood run only for a private house, a check-in only for someone living alone), in
 * which season, in the centre's own words (Ukrainian, as the Cherkasy report), and the steps of
 * the request's status by hand for desk services. Volunteer kinds go through tasks (tasks.ts): the
 * request's status follows them there.
 */
import type { BuiltInKindCode } from '../../../../shared/domain/catalogue';
import type { Channel, RequestStatus, Urgency } from '../../../../shared/domain/requests';
import type { Rng } from '../demo';
import type { CityResident } from './people';
import { laterWorkMoment, MINUTE } from './time';

export type Style = 'instant' | 'visit' | 'appointment' | 'task';

interface KindPlan {
  style: Style;
  weight: (month: number) => number;
  eligible: (r: CityResident) => boolean;
  channels: ReadonlyArray<readonly [Channel, number]>;
  texts: ReadonlyArray<(rng: Rng) => string>;
  urgentText?: string;
  referrals?: readonly string[];
}

const WINTER = (m: number) => m === 12 || m === 1 || m === 2;
const HEATING = (m: number) => m >= 10 || m <= 4;
const atHome = (r: CityResident) => r.elderly || r.situations.has('disability');
const house = (r: CityResident) => r.privateHouse && atHome(r);
const anyone = () => true;
const vulnerable = (r: CityResident) => r.situations.has('displaced') || r.situations.has('familyInDifficulty') || (r.elderly && r.livesAlone);

const VOLUNTEER: ReadonlyArray<readonly [Channel, number]> = [
  ['phone', 55],
  ['walkIn', 20],
  ['outreach', 15],
  ['referral', 10],
];
const DESK: ReadonlyArray<readonly [Channel, number]> = [
  ['walkIn', 85],
  ['referral', 9],
  ['phone', 6],
];
const DRUGS = ['еналаприл', 'амлодипін', 'бісопролол', 'лозартан', 'аторвастатин', 'метформін', 'кардіомагніл', 'омепразол', 'корвалол', 'інсулін'];
const DOCTORS = ['до кардіолога', 'до окуліста', 'до невролога', 'до терапевта', 'на рентген', 'на аналізи', 'на УЗД'];
const pages = (n: number) => `${n} ${n === 1 ? 'сторінка' : n < 5 ? 'сторінки' : 'сторінок'}`;

export const CITY_KINDS: Record<BuiltInKindCode, KindPlan> = {
  firewood: {
    style: 'task',
    weight: (m) => (HEATING(m) ? 6 : 1),
    eligible: house,
    channels: VOLUNTEER,
    texts: [(rng) => `Закінчилися дрова, потрібно ${rng.int(1, 3)} куб.`, () => 'Перенести дрова з-під навісу в дім', () => 'Нарубати дров, колоди у дворі'],
    urgentText: 'Немає чим топити, дрова закінчилися',
  },
  snowClearing: {
    style: 'task',
    weight: (m) => (WINTER(m) ? 8 : m === 11 || m === 3 ? 3 : 0),
    eligible: house,
    channels: VOLUNTEER,
    texts: [() => 'Почистити сніг від хвіртки до ґанку', () => 'Розчистити доріжку до криниці', () => 'Скинути сніг з даху сарая'],
    urgentText: 'Замело після хуртовини, не відкрити хвіртку',
  },
  medicinePurchase: {
    style: 'task',
    weight: () => 9,
    eligible: atHome,
    channels: VOLUNTEER,
    texts: [(rng) => `Купити ліки за рецептом: ${rng.pick(DRUGS)}`, (rng) => `Отримати пільговий рецепт і викупити ${rng.pick(DRUGS)}`, (rng) => `Купити ліки: ${rng.pick(DRUGS)}, ${rng.pick(DRUGS)}`],
    urgentText: 'Закінчився інсулін, потрібен сьогодні',
    referrals: ['Передали соціальному працівнику ЦНСП', 'Направили в аптеку з доставкою'],
  },
  groceries: {
    style: 'task',
    weight: () => 7,
    eligible: atHome,
    channels: VOLUNTEER,
    texts: [() => 'Купити продукти: хліб, молоко, крупа', () => 'Продукти на тиждень, список у неї', () => 'Купити продукти та корм для кішки'],
  },
  transportDoctor: {
    style: 'task',
    weight: () => 4,
    eligible: atHome,
    channels: VOLUNTEER,
    texts: [(rng) => `Відвезти до поліклініки ${rng.pick(DOCTORS)}, запис на ${rng.int(8, 14)}:${rng.pick(['00', '15', '30', '45'])}`, (rng) => `Супроводити ${rng.pick(DOCTORS)}`],
    referrals: ['Передали в соціальне таксі'],
  },
  householdRepairs: {
    style: 'task',
    weight: (m) => (m >= 5 && m <= 9 ? 4 : 2),
    eligible: atHome,
    channels: VOLUNTEER,
    texts: [() => 'Замінити лампочку в коридорі', () => 'Тече кран на кухні', () => 'Полагодити хвіртку', () => 'Заклеїти вікна на зиму'],
    urgentText: 'Іскрить розетка, замінити',
  },
  checkIn: {
    style: 'task',
    weight: () => 2,
    eligible: (r) => r.elderly && r.livesAlone,
    channels: [
      ['outreach', 70],
      ['phone', 30],
    ],
    texts: [() => 'Провідати, як самопочуття', () => 'Провідати після виписки з лікарні'],
    urgentText: 'Другий день не відповідає на дзвінки',
  },
  waterCarrying: {
    style: 'task',
    weight: (m) => (WINTER(m) ? 3 : 1.5),
    eligible: house,
    channels: VOLUNTEER,
    texts: [(rng) => `Наносити води з колонки, ${rng.int(4, 8)} відер`, () => 'Принести питної води, 2 бутлі по 5 л'],
  },
  printing: {
    style: 'instant',
    weight: () => 8,
    eligible: anyone,
    channels: DESK,
    texts: [(rng) => `Роздрукувати документи для пенсійного фонду, ${pages(rng.int(2, 12))}`, (rng) => `Роздрукувати довідку з Дії, ${pages(rng.int(1, 3))}`, () => 'Роздрукувати квитанції за комунальні'],
  },
  copies: {
    style: 'instant',
    weight: () => 7,
    eligible: anyone,
    channels: DESK,
    texts: [(rng) => `Копії паспорта та ІПН, ${rng.int(1, 3)} компл.`, (rng) => `Ксерокопії документів на субсидію, ${rng.int(6, 20)} арк.`, () => 'Копія пенсійного посвідчення'],
  },
  lamination: { style: 'instant', weight: () => 1, eligible: anyone, channels: DESK, texts: [() => 'Заламінувати пенсійне посвідчення', () => 'Заламінувати довідку ВПО'] },
  documentPhotos: { style: 'instant', weight: () => 2, eligible: anyone, channels: DESK, texts: [() => 'Фото на документи 3×4, 4 шт.', () => 'Фото на посвідчення'] },
  formTyping: { style: 'instant', weight: () => 2, eligible: anyone, channels: DESK, texts: [() => 'Набрати заяву до міськради', () => 'Набрати скаргу в ОСББ'] },
  formsHelp: {
    style: 'visit',
    weight: () => 7,
    eligible: anyone,
    channels: DESK,
    texts: [() => 'Допомогти заповнити заяву на субсидію', () => 'Заява на допомогу ВПО', () => 'Анкета до соцзахисту', () => 'Заява на пільги на комунальні'],
    referrals: ['Направили в ЦНАП', 'Направили в УСЗН'],
  },
  onlineServices: {
    style: 'visit',
    weight: () => 6,
    eligible: anyone,
    channels: DESK,
    texts: [() => 'Записати до лікаря через Helsi', () => 'Відновити пароль від Дії', () => 'Замовити довідку про пенсію онлайн', () => 'Передати показники лічильників'],
    referrals: ['Направили в ЦНАП'],
  },
  legalConsultation: {
    style: 'appointment',
    weight: () => 4,
    eligible: anyone,
    channels: DESK,
    texts: [() => 'Питання щодо спадщини', () => 'Консультація щодо перерахунку пенсії', () => 'Відновлення документів', () => 'Оформлення опіки над онуком'],
    referrals: ['Направили до центру безоплатної правничої допомоги'],
  },
  psychConsultation: {
    style: 'appointment',
    weight: () => 4,
    eligible: vulnerable,
    channels: DESK,
    texts: [() => 'Консультація психолога після переїзду', () => 'Тривога, не спить, просить поговорити з фахівцем', () => 'Консультація після втрати чоловіка'],
    referrals: ['Направили до мобільної психосоціальної бригади'],
  },
  humanitarianAid: {
    style: 'appointment',
    weight: (m) => (m >= 9 || m <= 2 ? 9 : 6),
    eligible: vulnerable,
    channels: [
      ['walkIn', 60],
      ['referral', 30],
      ['phone', 10],
    ],
    texts: [() => 'Продуктовий набір', () => 'Гігієнічний набір', () => 'Постільна білизна та ковдра', (rng) => `Зимовий одяг для дітей, розмір ${rng.pick(['116', '122', '128', '140'])}`],
  },
  masterClass: {
    style: 'appointment',
    weight: () => 2,
    eligible: (r) => r.elderly,
    channels: [
      ['walkIn', 70],
      ['phone', 30],
    ],
    texts: [() => 'Записати на заняття «Смартфон для пенсіонерів»', () => 'Записати на скандинавську ходьбу', () => "Майстер-клас з в'язання"],
  },
};

const KIND_CODES = Object.keys(CITY_KINDS) as BuiltInKindCode[];

/** A resident's traits that decide which kinds they may ask for (one cache entry per combination). */
function traitsKey(r: CityResident): number {
  return (
    (r.elderly ? 1 : 0) |
    (r.privateHouse ? 2 : 0) |
    (r.livesAlone ? 4 : 0) |
    (r.situations.has('disability') ? 8 : 0) |
    (r.situations.has('displaced') ? 16 : 0) |
    (r.situations.has('familyInDifficulty') ? 32 : 0)
  );
}

const optionsCache = new Map<number, ReadonlyArray<readonly [BuiltInKindCode, number]>>();

/** The kind a resident asks for in a month. */
export function chooseKind(rng: Rng, r: CityResident, month: number): BuiltInKindCode {
  const key = traitsKey(r) * 16 + month;
  let options = optionsCache.get(key);
  if (options === undefined) {
    options = KIND_CODES.flatMap((code) => {
      const plan = CITY_KINDS[code];
      const w = plan.weight(month);
      return w > 0 && plan.eligible(r) ? [[code, w] as const] : [];
    });
    optionsCache.set(key, options);
  }
  return rng.weighted(options);
}

export interface Described {
  description: string;
  urgency: Urgency;
  channel: Channel;
}

export function describe(rng: Rng, code: BuiltInKindCode): Described {
  const plan = CITY_KINDS[code];
  const urgent = plan.urgentText !== undefined && rng.chance(plan.style === 'task' ? 0.08 : 0.02);
  const urgency: Urgency = urgent ? 'urgent' : rng.weighted<Urgency>([['normal', 82], ['low', 18]]);
  return { description: urgent ? (plan.urgentText ?? '') : rng.pick(plan.texts)(rng), urgency, channel: rng.weighted(plan.channels) };
}

export interface Step {
  status: RequestStatus;
  at: number;
  note: string;
}

const GENERAL_REFERRALS = ['Направили в УСЗН', 'Передали соціальному працівнику', 'Передали в міськраду'];

/** The status steps of a desk request after it was logged at `created` (volunteer kinds: see tasks.ts). */
export function deskSteps(rng: Rng, code: BuiltInKindCode, created: number): Step[] {
  const plan = CITY_KINDS[code];
  const after = (min: number, max: number) => created + rng.int(min, max) * MINUTE;
  const referral = () => rng.pick(plan.referrals ?? GENERAL_REFERRALS);
  switch (plan.style) {
    case 'instant':
      if (rng.chance(0.03)) return [{ status: 'cancelled', at: after(10, 90), note: 'Пішла, не дочекавшись' }];
      return [{ status: 'done', at: after(3, 30), note: '' }];
    case 'visit': {
      const outcome = rng.weighted([
        ['now', 68],
        ['later', 22],
        ['referred', 5],
        ['cancelled', 5],
      ] as const);
      if (outcome === 'now') return [{ status: 'done', at: after(15, 50), note: '' }];
      if (outcome === 'referred') return [{ status: 'referred', at: after(10, 40), note: referral() }];
      const planned: Step = { status: 'planned', at: after(15, 40), note: rng.pick(['Потрібні документи, прийде ще раз', 'Не працював сайт, перенесли', '']) };
      if (outcome === 'cancelled') return [planned, { status: 'cancelled', at: laterWorkMoment(rng, created, 3, 12), note: 'Не прийшла' }];
      return [planned, { status: 'done', at: laterWorkMoment(rng, created, 1, 6), note: '' }];
    }
    case 'appointment':
    case 'task': {
      const outcome = rng.weighted([
        ['done', 84],
        ['referred', plan.referrals ? 10 : 2],
        ['cancelled', 6],
      ] as const);
      if (outcome === 'referred') return [{ status: 'referred', at: after(10, 60), note: referral() }];
      const planned: Step = { status: 'planned', at: after(5, 90), note: rng.chance(0.5) ? `Записали на ${rng.pick(['понеділок', 'вівторок', 'середу', 'четвер', "п'ятницю"])}` : '' };
      if (outcome === 'cancelled') return [planned, { status: 'cancelled', at: laterWorkMoment(rng, created, 1, 10), note: 'Не прийшов' }];
      return [planned, { status: 'done', at: laterWorkMoment(rng, created, 1, 10), note: '' }];
    }
  }
}
