/**
 * A small project for the demo centre (issue 13), in the shape of Zawiercie's activation project:
 * "Active integration", two years from the first month of the demo window, linked to the
 * centre's grant when there is one, with a vocational course, an internship and a self-help
 * group. Eight working-age residents are recruited over the months, most with a social contract
 * signed the same day or a few days later; they attend the activities; three complete, one drops
 * out, the others take part still. Everything through the projects service, backdated, from the
 * demo's own random stream.
 */
import type { DemoContext } from './demo-context';
import { mulberry32 } from '../random';
import { addDays } from '../../../shared/domain/dates';
import type { Language } from '../../../shared/domain/settings';
import { projectInputSchema, type ActivityKind } from '../../../shared/domain/projects';
import { readSettings } from '../features/settings/settings.service';
import { projectsService } from '../features/projects/projects.service';

const PARTICIPANTS = 8;
const DAY_MS = 86_400_000;

interface Words {
  name: string;
  funder: string;
  activities: Array<[ActivityKind, string]>;
  dropReason: string;
  note: string;
}

const WORDS: Record<Language, Words> = {
  ru: {
    name: 'Активная интеграция',
    funder: 'Фонд президентских грантов',
    activities: [
      ['course', 'Компьютерные курсы'],
      ['internship', 'Стажировка в администрации поселения'],
      ['selfHelpGroup', 'Группа самопомощи по четвергам'],
    ],
    dropReason: 'Уехал на заработки в Пермь',
    note: 'Ищет работу после долгого перерыва',
  },
  uk: {
    name: 'Активна інтеграція',
    funder: 'ЮНІСЕФ',
    activities: [
      ['course', "Комп'ютерні курси"],
      ['internship', 'Стажування в міській раді'],
      ['selfHelpGroup', 'Група самодопомоги щочетверга'],
    ],
    dropReason: 'Переїхав до іншого міста',
    note: 'Шукає роботу після тривалої перерви',
  },
  pl: {
    name: 'Aktywna integracja',
    funder: 'Europejski Fundusz Społeczny',
    activities: [
      ['course', 'Kurs komputerowy ECDL Base'],
      ['internship', 'Staż w urzędzie gminy'],
      ['selfHelpGroup', 'Grupa samopomocowa (czwartki)'],
    ],
    dropReason: 'Wyjechał do pracy za granicę',
    note: 'Szuka pracy po długiej przerwie',
  },
  el: {
    name: 'Ενεργός ένταξη',
    funder: 'Ευρωπαϊκό Κοινωνικό Ταμείο',
    activities: [
      ['course', 'Κατάρτιση στους υπολογιστές'],
      ['internship', 'Πρακτική άσκηση στον δήμο'],
      ['selfHelpGroup', 'Ομάδα αυτοβοήθειας (Πέμπτη)'],
    ],
    dropReason: 'Μετακόμισε σε άλλη πόλη για δουλειά',
    note: 'Αναζητά εργασία μετά από μεγάλο διάστημα',
  },
  en: {
    name: 'Active integration',
    funder: 'European Social Fund',
    activities: [
      ['course', 'Computer course'],
      ['internship', 'Internship at the council'],
      ['selfHelpGroup', 'Self-help group (Thursdays)'],
    ],
    dropReason: 'Moved away for work',
    note: 'Looking for work after a long break',
  },
};

/** The project with its participants; returns how many were recruited. */
export async function demoProjects(ctx: DemoContext): Promise<number> {
  const { deps, backdated, setTime, actor, today } = ctx;
  const settings = await readSettings(deps.db);
  const words = WORDS[settings?.language ?? 'en'] ?? WORDS.en;
  const next = mulberry32(ctx.seed);
  const rng = { int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), chance: (p: number) => next() < p };
  const service = projectsService(backdated);
  const at = (date: string, minute: number) => Date.parse(`${date}T00:00:00Z`) + minute * 60_000;
  const moment = (date: string) => setTime(Math.min(at(date, rng.int(9 * 60, 16 * 60)), ctx.now - DAY_MS / 24), date);

  const windowStart = addDays(today, -ctx.windowDays);
  const startsOn = `${windowStart.slice(0, 7)}-01`;
  const endsOn = addDays(`${String(Number(startsOn.slice(0, 4)) + 2)}${startsOn.slice(4)}`, -1);
  const grant = await deps.db.selectFrom('grants').select('id').orderBy('id').executeTakeFirst();

  // Working-age residents registered before the project's third month, still living here.
  const year = Number(today.slice(0, 4));
  const candidates = await deps.db
    .selectFrom('residents')
    .select(['id', 'created_at'])
    .where('left_on', 'is', null)
    .where('erased_at', 'is', null)
    .where('birth_year', '>=', year - 60)
    .where('birth_year', '<=', year - 20)
    .orderBy('id')
    .execute();
  if (candidates.length === 0) return 0;
  const chosen: typeof candidates = [];
  const pool = [...candidates];
  while (chosen.length < PARTICIPANTS && pool.length > 0) chosen.push(...pool.splice(rng.int(0, pool.length - 1), 1));

  moment(startsOn < windowStart ? windowStart : startsOn);
  let project = await service.create(
    projectInputSchema.parse({ name: words.name, funder: words.funder, startsOn, endsOn, grantId: grant?.id ?? null, targetRecruited: 20, targetCompleted: 14 }),
    actor,
  );
  for (const [kind, name] of words.activities) project = await service.addActivity({ id: project.id, activity: { kind, name } }, actor);
  const [course, internship, group] = project.activities;
  if (!course || !internship || !group) return 0;

  // Recruited over the first four months (never before they registered).
  const days = ctx.windowDays;
  const people = chosen
    .map((r) => {
      const registered = r.created_at.slice(0, 10);
      const planned = addDays(windowStart, rng.int(5, Math.min(120, days - 40)));
      return { residentId: r.id, recruitedOn: planned < registered ? registered : planned, participantId: undefined as number | undefined };
    })
    .filter((p) => p.recruitedOn < addDays(today, -30))
    .sort((a, b) => (a.recruitedOn < b.recruitedOn ? -1 : a.recruitedOn > b.recruitedOn ? 1 : a.residentId - b.residentId));

  let recruited = 0;
  for (const [i, p] of people.entries()) {
    moment(p.recruitedOn);
    // Most sign the social contract on the day; some a few days later; one not yet.
    const sameDay = rng.chance(0.6);
    project = await service.enrol(
      { id: project.id, residentId: p.residentId, recruitedOn: p.recruitedOn, ...(sameDay ? { contractOn: p.recruitedOn } : {}), note: i === 0 ? words.note : '' },
      actor,
    );
    recruited++;
    const participant = project.participants.find((x) => x.residentId === p.residentId && x.status === 'active');
    if (!participant) continue;
    if (!sameDay && i !== people.length - 1) {
      const signed = addDays(p.recruitedOn, rng.int(2, 9));
      moment(signed);
      project = await service.recordContract({ id: project.id, participantId: participant.id, on: signed }, actor);
    }
    p.participantId = participant.id;
  }

  // Attendance: the self-help group weekly for a few weeks, the course for half of them, the
  // internship for two.
  for (const [i, p] of people.entries()) {
    if (p.participantId === undefined) continue;
    const weeks = rng.int(2, 6);
    for (let w = 0; w < weeks; w++) {
      const day = addDays(p.recruitedOn, 7 * (w + 1));
      if (day >= today) break;
      moment(day);
      project = await service.recordAttendance({ id: project.id, participantId: p.participantId, activityId: group.id, on: day, sessions: 1, hours: 2 }, actor);
    }
    if (i % 2 === 0) {
      const day = addDays(p.recruitedOn, rng.int(10, 20));
      if (day < today) {
        moment(day);
        project = await service.recordAttendance({ id: project.id, participantId: p.participantId, activityId: course.id, on: day, sessions: 10, hours: 40 }, actor);
      }
    }
    if (i < 2) {
      const day = addDays(p.recruitedOn, rng.int(21, 28));
      if (day < today) {
        moment(day);
        project = await service.recordAttendance({ id: project.id, participantId: p.participantId, activityId: internship.id, on: day, sessions: 20, hours: 160 }, actor);
      }
    }
  }

  // The first three completed about ten weeks after recruitment; the fourth dropped out.
  for (const [i, p] of people.slice(0, 4).entries()) {
    if (p.participantId === undefined) continue;
    const day = addDays(p.recruitedOn, i === 3 ? rng.int(30, 45) : rng.int(70, 80));
    if (day >= today) continue;
    const last = await deps.db.selectFrom('project_attendance').select((eb) => eb.fn.max<string>('attended_on').as('d')).where('participant_id', '=', p.participantId).executeTakeFirst();
    const on = last?.d && last.d > day ? last.d : day;
    moment(on);
    if (i === 3) await service.dropOut({ id: project.id, participantId: p.participantId, on, reason: words.dropReason }, actor);
    else await service.complete({ id: project.id, participantId: p.participantId, on }, actor);
  }
  return recruited;
}
