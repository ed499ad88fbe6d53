/**
 * Six months of events for the demo centre (issue 12), in the demo's language, in the shape of
 * Sylva's report (master classes and consultation days with named people) and Cherkasy's and
 * Piraeus's outreach: a master class every other week with six to ten places, a consultation day
 * a month, an awareness event every two months, a meeting with partner organisations and a
 * street-work outing with head counts by band. Residents are registered beforehand (most come,
 * some do not) or at the door; open events get head counts of people not registered by name; a
 * volunteer leads the master classes with their hours. Two master classes next week have people
 * registered already. Everything through the events service, backdated, from the demo's own
 * random stream.
 */
import type { DemoContext } from './demo-context';
import { mulberry32 } from '../random';
import { addDays } from '../../../shared/domain/dates';
import type { Language } from '../../../shared/domain/settings';
import { eventInputSchema, type EventKind } from '../../../shared/domain/events';
import { readSettings } from '../features/settings/settings.service';
import { eventsService } from '../features/events/events.service';

const DAY_MS = 86_400_000;
const MONTHS = 6;

interface Words {
  masterClasses: string[];
  consultation: string;
  awareness: string[];
  partners: string;
  partnerMeeting: string;
  street: string;
  streetNote: string;
  address: string;
  lead: string;
  helper: string;
}

const WORDS: Record<Language, Words> = {
  ru: {
    masterClasses: ['Мастер-класс: валяние из шерсти', 'Мастер-класс: роспись пряников', 'Мастер-класс: вязание крючком', 'Мастер-класс: ёлочные игрушки из фетра', 'Мастер-класс: плетение из бумажной лозы'],
    consultation: 'День консультаций юриста и психолога',
    awareness: ['Информационная встреча: меры социальной поддержки', 'Информационная встреча: как не попасть к мошенникам'],
    partners: 'Дом культуры, Совет ветеранов',
    partnerMeeting: 'Встреча с партнёрскими организациями района',
    street: 'Выход: уличная работа у вокзала',
    streetNote: 'Вокзал и рынок: раздали листовки, поговорили с людьми без жилья',
    address: 'ул. Ленина, 12, зал центра',
    lead: 'ведущая',
    helper: 'помощник',
  },
  uk: {
    masterClasses: ['Майстер-клас: писанкарство', 'Майстер-клас: плетіння маскувальних сіток', 'Майстер-клас: ляльки-мотанки', "Майстер-клас: в'язання гачком", 'Майстер-клас: розпис пряників'],
    consultation: 'День консультацій юриста і психолога',
    awareness: ['Інформаційний захід: мінна безпека', 'Інформаційний захід: соціальні виплати для ВПО'],
    partners: 'Будинок культури, Червоний Хрест',
    partnerMeeting: 'Зустріч з партнерськими організаціями громади',
    street: 'Вулична робота біля вокзалу',
    streetNote: 'Вокзал і ринок: роздали інформаційні листівки, поговорили з людьми без житла',
    address: 'вул. Шевченка, 12, зала центру',
    lead: 'ведуча',
    helper: 'помічник',
  },
  pl: {
    masterClasses: ['Warsztaty: filcowanie', 'Warsztaty: zdobienie pierników', 'Warsztaty: szydełkowanie', 'Warsztaty: ozdoby świąteczne', 'Warsztaty: wikliniarstwo papierowe'],
    consultation: 'Dzień konsultacji prawnika i psychologa',
    awareness: ['Spotkanie informacyjne: świadczenia socjalne', 'Spotkanie informacyjne: jak nie dać się oszukać'],
    partners: 'Dom kultury, Klub seniora',
    partnerMeeting: 'Spotkanie z organizacjami partnerskimi gminy',
    street: 'Streetworking: okolice dworca',
    streetNote: 'Dworzec i targowisko: ulotki, rozmowy z osobami w kryzysie bezdomności',
    address: 'ul. Leśna 12, sala centrum',
    lead: 'prowadząca',
    helper: 'pomocnik',
  },
  el: {
    masterClasses: ['Εργαστήριο: κεραμική', 'Εργαστήριο: ζωγραφική σε ύφασμα', 'Εργαστήριο: πλέξιμο', 'Εργαστήριο: χριστουγεννιάτικα στολίδια', 'Εργαστήριο: μαγειρική'],
    consultation: 'Ημέρα συμβουλευτικής (νομική και ψυχολογική)',
    awareness: ['Ενημερωτική εκδήλωση: κοινωνικά επιδόματα', 'Ενημερωτική εκδήλωση: πρόληψη της απάτης'],
    partners: 'Δήμος, Ερυθρός Σταυρός',
    partnerMeeting: 'Συνάντηση με φορείς-εταίρους της περιοχής',
    street: 'Εργασία δρόμου (street work): σταθμός',
    streetNote: 'Σταθμός και λαϊκή αγορά: φυλλάδια, συζητήσεις με άστεγους',
    address: 'Οδός Αθηνάς 12, αίθουσα του κέντρου',
    lead: 'συντονίστρια',
    helper: 'βοηθός',
  },
  en: {
    masterClasses: ['Master class: felting', 'Master class: painting gingerbread', 'Master class: crochet', 'Master class: felt decorations', 'Master class: paper weaving'],
    consultation: 'Consultation day with a lawyer and a psychologist',
    awareness: ['Awareness event: social benefits', 'Awareness event: avoiding scams'],
    partners: 'House of culture, Veterans’ council',
    partnerMeeting: 'Meeting with the partner organisations of the district',
    street: 'Street-work outing: the station',
    streetNote: 'The station and the market: leaflets, talks with homeless people',
    address: '12 Main Street, the centre’s hall',
    lead: 'lead',
    helper: 'helper',
  },
};

/** The events with their attendance; returns how many events were created. */
export async function demoEvents(ctx: DemoContext): Promise<number> {
  const { deps, backdated, setTime, actor, today } = ctx;
  const settings = await readSettings(deps.db);
  const words = WORDS[settings?.language ?? 'en'] ?? WORDS.en;
  const next = mulberry32(ctx.seed);
  const rng = { int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), chance: (p: number) => next() < p };
  const service = eventsService(backdated);
  const at = (date: string, minute: number) => Date.parse(`${date}T00:00:00Z`) + minute * 60_000;
  const moment = (date: string) => setTime(Math.min(at(date, rng.int(9 * 60, 16 * 60)), ctx.now - DAY_MS / 24), date > today ? today : date);

  const residents = await deps.db
    .selectFrom('residents')
    .select(['id', 'created_at'])
    .where('left_on', 'is', null)
    .where('erased_at', 'is', null)
    .orderBy('id')
    .execute();
  const volunteer = await deps.db.selectFrom('volunteers').select('id').where('deleted_at', 'is', null).orderBy('id').executeTakeFirst();
  const settlement = (await deps.db.selectFrom('residents').select('settlement').orderBy('id').executeTakeFirst())?.settlement ?? '';
  const start = addDays(today, -30 * MONTHS);

  /** People registered by the day: up to n of them, at random. */
  const pick = (day: string, n: number): number[] => {
    const pool = residents.filter((r) => r.created_at.slice(0, 10) <= day).map((r) => r.id);
    const out: number[] = [];
    while (out.length < n && pool.length > 0) out.push(...pool.splice(rng.int(0, pool.length - 1), 1));
    return out;
  };

  const plan: Array<{ day: string; kind: EventKind; title: string; time: [string, string] | null; capacity: number | null }> = [];
  for (let w = 0, i = 0; addDays(start, 14 * w) < addDays(today, 8); w++) {
    const day = addDays(start, 14 * w + 3);
    plan.push({ day, kind: 'masterClass', title: words.masterClasses[i++ % words.masterClasses.length] ?? '', time: ['14:00', '16:00'], capacity: rng.int(6, 10) });
  }
  for (let m = 0; m < MONTHS; m++) plan.push({ day: addDays(start, 30 * m + 10), kind: 'consultationDay', title: words.consultation, time: ['10:00', '13:00'], capacity: null });
  for (let m = 0; m < MONTHS; m += 2) plan.push({ day: addDays(start, 30 * m + 20), kind: 'awarenessEvent', title: words.awareness[(m / 2) % words.awareness.length] ?? '', time: ['17:00', '18:30'], capacity: null });
  plan.push({ day: addDays(start, 75), kind: 'partnerMeeting', title: words.partnerMeeting, time: ['11:00', '12:30'], capacity: null });
  plan.push({ day: addDays(today, -12), kind: 'streetWork', title: words.street, time: ['19:00', '22:00'], capacity: null });
  plan.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));

  let created = 0;
  for (const p of plan) {
    moment(p.day < today ? addDays(p.day, -7) : today);
    const outreach = p.kind === 'streetWork';
    const e = await service.create(
      eventInputSchema.parse({
        title: p.title,
        kind: p.kind,
        startsOn: p.day,
        startsAt: p.time?.[0] ?? null,
        endsAt: p.time?.[1] ?? null,
        settlement,
        address: outreach ? '' : words.address,
        capacity: p.capacity,
        partners: p.kind === 'partnerMeeting' || p.kind === 'awarenessEvent' ? words.partners : '',
        outreachNote: outreach ? words.streetNote : '',
      }),
      actor,
    );
    created++;
    if (volunteer && (p.kind === 'masterClass' || outreach)) {
      await service.addOrganiser({ id: e.id, userId: null, volunteerId: volunteer.id, role: outreach ? words.helper : words.lead, hours: outreach ? 3 : 2.5 }, actor);
    }
    if (p.kind === 'partnerMeeting' || outreach) {
      if (outreach) {
        moment(p.day);
        await service.setHeadCounts({ id: e.id, counts: { women: rng.int(2, 5), men: rng.int(6, 12), girls: rng.int(0, 2), boys: rng.int(0, 2) } }, actor);
      }
      continue;
    }
    // Registered beforehand: most of the places; at the door: one or two more on the day.
    const beforehand = pick(p.day < today ? addDays(p.day, -7) : today, p.capacity !== null ? rng.int(3, p.capacity - 1) : rng.int(2, 5));
    const ids: number[] = [];
    for (const residentId of beforehand) {
      const ev = await service.register({ id: e.id, residentId, atDoor: false, confirmOverCapacity: false, note: '' }, actor);
      const a = ev.attendees.find((x) => x.residentId === residentId);
      if (a) ids.push(a.id);
    }
    if (p.day > today) continue;
    moment(p.day);
    for (const attendanceId of ids) await service.markAttendance({ id: e.id, attendanceId, status: rng.chance(0.8) ? 'attended' : 'noShow' }, actor);
    for (const residentId of pick(p.day, rng.int(0, 2))) {
      if (beforehand.includes(residentId)) continue;
      await service.register({ id: e.id, residentId, atDoor: true, confirmOverCapacity: true, note: '' }, actor);
    }
    if (p.kind !== 'masterClass') {
      await service.setHeadCounts({ id: e.id, counts: { women: rng.int(2, 9), men: rng.int(0, 4), girls: rng.int(0, 2), boys: rng.int(0, 2) } }, actor);
    }
  }
  return created;
}
