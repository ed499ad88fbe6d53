/**
 * The city's group work and aid (issue 12), in proportion to Cherkasy's year: about 300 events a
 * year (awareness events most, master classes, consultation days, meetings with partners,
 * campaigns, distribution days) with people registered at the door and head counts of the others,
 * about 70 trips of the mobile team handing out food parcels to the people met, about 7,500
 * residents a year receiving humanitarian aid at the desk (Cherkasy: 7,519), deliveries that keep
 * the stock up, and a temporary shelter of 60 places taking in about 240 displaced people a year
 * (Cherkasy: 241). The same three last years as the casework (casework.ts says why). Every change is
 * a call (events.create/register/setHeadCounts, aid.addItem/receive/give/giveAtEvent,
 * shelter.addShelter/checkIn/checkOut). Its own random stream.
 */
import type { EventKind } from '../../../../shared/domain/events';
import type { Rng } from '../demo';
import { CASEWORK_YEARS } from './casework';
import type { CityResident } from './people';
import { DAY_MS, HOUR, isoDay, workMoment } from './time';
import type { CityWorld } from './world';

const PER_RESIDENT_YEAR = { events: 300 / 50_000, trips: 70 / 50_000, recipients: 7_500 / 50_000, sheltered: 240 / 50_000 };
const EVENT_KINDS: ReadonlyArray<readonly [EventKind, number]> = [
  ['awarenessEvent', 60],
  ['masterClass', 15],
  ['consultationDay', 10],
  ['partnerMeeting', 5],
  ['campaign', 5],
  ['distributionDay', 5],
];
const TITLES: Partial<Record<EventKind, readonly string[]>> = {
  awarenessEvent: ['Інформаційна зустріч: пільги та субсидії', 'Інформаційна зустріч: як отримати статус ВПО', 'Безпека вдома: мінна небезпека'],
  masterClass: ['Майстер-клас: писанкарство', 'Майстер-клас: плетіння маскувальних сіток', 'Майстер-клас: смартфон для старших'],
  consultationDay: ['День консультацій юриста', 'День консультацій психолога'],
  partnerMeeting: ['Зустріч з партнерськими організаціями міста'],
  campaign: ['Акція «Теплий дім»', 'Акція «Зібрати дітей до школи»'],
  distributionDay: ['День видачі гуманітарної допомоги'],
};
const ITEMS = [
  ['Продуктовий набір', '', 'parcel'],
  ['Гігієнічний набір', '', 'kit'],
  ['Вода питна 1,5 л', '', 'bottle'],
  ['Ковдра', '', 'piece'],
] as const;
const OUT_REASONS = [
  ['ownHousing', 4],
  ['relatives', 3],
  ['leftTown', 2],
  ['other', 1],
] as const;

export class CityOutreach {
  readonly #w: CityWorld;
  readonly #rng: Rng;
  readonly #items: number[] = [];
  #shelterId = 0;
  /** Residents in the shelter now. */
  readonly #inShelter = new Set<number>();
  events = 0;
  recipients = 0;
  sheltered = 0;

  constructor(w: CityWorld, rng: Rng) {
    this.#w = w;
    this.#rng = rng;
  }

  get since(): number {
    return this.#w.end - CASEWORK_YEARS * 365 * DAY_MS;
  }

  /** The items of the stock and the shelter, set up when the work begins. */
  start(): void {
    const w = this.#w;
    const at = workMoment(this.#rng, this.since);
    w.timeline.at(at, async () => {
      const by = w.staff.pick(this.#rng, 'coordinator', at);
      for (const [name, size, unit] of ITEMS) this.#items.push((await w.runner.call('aid.addItem', { name, size, unit }, by)).id);
      this.#shelterId = (await w.runner.call('shelter.addShelter', { name: 'Тимчасовий притулок для ВПО', address: 'вул. Смілянська, 57', places: 60 }, by)).id;
    });
  }

  #count(perYear: number): number {
    const perWeek = (this.#w.counts.residents * perYear * 7) / 365;
    return Math.floor(perWeek) + (this.#rng.chance(perWeek % 1) ? 1 : 0);
  }

  #here(at: number): CityResident[] {
    const w = this.#w;
    return w.residents.slice(0, w.registered).filter((r) => r.id > 0 && (r.leftAt === null || r.leftAt > at + 200 * DAY_MS));
  }

  /** The week from Monday `day`: the deliveries, the desk's aid, the events and trips, the shelter. */
  week(day: number): void {
    if (day < this.since + DAY_MS) return;
    const rng = this.#rng;
    const w = this.#w;
    const recipients = this.#count(PER_RESIDENT_YEAR.recipients);
    const events = this.#count(PER_RESIDENT_YEAR.events);
    const trips = this.#count(PER_RESIDENT_YEAR.trips);
    const sheltered = this.#count(PER_RESIDENT_YEAR.sheltered);
    // Monday morning's delivery: what the week will hand out, and a little more.
    const delivery = day + 8 * HOUR;
    if (delivery < w.end) {
      w.timeline.at(delivery, async () => {
        const by = w.staff.pick(rng, 'coordinator', delivery);
        const [parcels, kits, water] = this.#items;
        if (parcels === undefined || kits === undefined || water === undefined) return;
        const on = isoDay(delivery);
        await w.runner.call('aid.receive', { itemId: parcels, on, quantity: recipients + trips * 25 + 10, fromWhom: 'Продовольчий банк', valueMinor: (recipients + trips * 25 + 10) * 45_000 }, by);
        await w.runner.call('aid.receive', { itemId: kits, on, quantity: Math.ceil(recipients / 2) + 5, fromWhom: 'Червоний Хрест' }, by);
        await w.runner.call('aid.receive', { itemId: water, on, quantity: trips * 40 + 20, fromWhom: 'Благодійний фонд' }, by);
      });
    }
    for (let i = 0; i < recipients; i++) {
      const at = workMoment(rng, day + rng.int(0, 4) * DAY_MS);
      if (at <= delivery || at >= w.end) continue;
      w.timeline.at(at, async () => {
        const here = this.#here(at);
        const r = here.length > 0 ? rng.pick(here) : undefined;
        const [parcels, kits] = this.#items;
        if (r === undefined || parcels === undefined || kits === undefined) return;
        const lines = [{ itemId: parcels, quantity: 1 }, ...(rng.chance(0.5) ? [{ itemId: kits, quantity: 1 }] : [])];
        await w.runner.call('aid.give', { residentId: r.id, on: isoDay(at), lines, confirmBelowZero: true }, w.staff.pick(rng, 'frontdesk', at));
        this.recipients++;
      });
    }
    for (let i = 0; i < events + trips; i++) {
      const trip = i >= events;
      const at = day + rng.int(0, 4) * DAY_MS + (10 + rng.int(0, 6)) * HOUR;
      if (at <= delivery || at >= w.end) continue;
      w.timeline.at(at, () => this.#event(trip ? 'mobileTeamTrip' : rng.weighted(EVENT_KINDS), at));
    }
    for (let i = 0; i < sheltered; i++) {
      const at = workMoment(rng, day + rng.int(0, 6) * DAY_MS);
      if (at >= w.end) continue;
      w.timeline.at(at, () => this.#checkIn(at));
    }
  }

  async #event(kind: EventKind, at: number): Promise<void> {
    const rng = this.#rng;
    const w = this.#w;
    const by = w.staff.pick(rng, 'coordinator', at);
    const hour = new Date(at).getUTCHours();
    const title = kind === 'mobileTeamTrip' ? 'Виїзд мобільної бригади' : rng.pick(TITLES[kind] ?? ['Захід']);
    const settlement = kind === 'mobileTeamTrip' ? rng.pick(this.#here(at)).input.settlement ?? '' : '';
    const e = await w.runner.call(
      'events.create',
      { title, kind, startsOn: isoDay(at), startsAt: `${String(hour).padStart(2, '0')}:00`, endsAt: `${String(hour + 2).padStart(2, '0')}:00`, settlement, outreachNote: kind === 'mobileTeamTrip' ? 'Переміщені родини та самотні літні люди' : '' },
      by,
    );
    this.events++;
    const desk = w.staff.pick(rng, 'frontdesk', at);
    if (kind !== 'mobileTeamTrip') {
      const here = this.#here(at);
      const named = new Set(Array.from({ length: rng.int(2, 8) }, () => rng.pick(here).id));
      for (const residentId of named) await w.runner.call('events.register', { id: e.id, residentId, atDoor: true }, desk);
    }
    const counts = { women: rng.int(0, 12), men: rng.int(0, 6), girls: rng.int(0, 4), boys: rng.int(0, 4) };
    await w.runner.call('events.setHeadCounts', { id: e.id, counts }, desk);
    const met = counts.women + counts.men + counts.girls + counts.boys;
    const [parcels, , water] = this.#items;
    if (kind === 'mobileTeamTrip' && met > 0 && parcels !== undefined && water !== undefined) {
      await w.runner.call('aid.giveAtEvent', { eventId: e.id, on: isoDay(at), headCount: met, lines: [{ itemId: parcels, quantity: met }, { itemId: water, quantity: met }], confirmBelowZero: true }, by);
    }
  }

  async #checkIn(at: number): Promise<void> {
    const rng = this.#rng;
    const w = this.#w;
    if (this.#shelterId === 0) return;
    const displaced = this.#here(at).filter((r) => r.home.kind === 'displaced' && !this.#inShelter.has(r.id));
    if (displaced.length === 0) return;
    const r = rng.pick(displaced);
    const desk = w.staff.pick(rng, 'frontdesk', at);
    const stays = await w.runner.call('shelter.checkIn', { shelterId: this.#shelterId, residentId: r.id, on: isoDay(at), confirmOverPlaces: true }, desk);
    this.#inShelter.add(r.id);
    this.sheltered++;
    const out = workMoment(rng, at + rng.int(14, 120) * DAY_MS);
    const stayId = stays[0]?.id;
    if (out >= w.end || stayId === undefined) return;
    w.timeline.at(out, async () => {
      await w.runner.call('shelter.checkOut', { id: stayId, on: isoDay(out), reason: rng.weighted(OUT_REASONS) }, w.staff.pick(rng, 'frontdesk', out));
      this.#inShelter.delete(r.id);
    });
  }
}
