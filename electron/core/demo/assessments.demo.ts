/**
 * Needs assessments for the demo centre (issue 13): a few residents of displaced families, families
 * in difficulty and people with a disability were assessed some weeks after they registered (a
 * needs assessment or a social history), and one displaced family with children had the
 * assessment that decides a child's status as war-affected. Each of them gave a consent covering
 * health first (recorded here when they had none), as the assessments service requires. Written
 * through the assessments service, backdated, from the demo's own seed; a few follow-ups are due.
 */
import type { Rng } from './demo';
import type { DemoContext } from './demo-context';
import type { Situation } from '../../../shared/domain/residents';
import type { Severity } from '../../../shared/domain/assessments';
import { assessmentDataSchema } from '../../../shared/domain/assessments';
import type { Language } from '../../../shared/domain/settings';
import { assessmentsService } from '../features/assessments/assessments.service';
import { hasHealthConsent } from '../features/privacy/consent.repo';
import { readSettings } from '../features/settings/settings.service';
import { recordDemoHealthConsent } from './privacy.demo';

/** What the assessments need of a planned resident (demo.ts plans them). */
export interface AssessedPerson {
  id: number;
  registeredAt: number;
  situations: ReadonlySet<Situation>;
  household: string;
}

type Area = 'housing' | 'income' | 'health' | 'care' | 'documents' | 'children' | 'safety' | 'employment' | 'warAffected';
type Text = { conclusion: string; services: string };

const TEXTS: Record<Language, Record<'displaced' | 'difficulty' | 'disability' | 'child', Text>> = {
  en: {
    displaced: { conclusion: 'Displaced family renting one room; no stable income; documents partly lost.', services: 'Humanitarian aid; help restoring documents; advice on the housing allowance.' },
    difficulty: { conclusion: 'Single parent, irregular income, arrears on utilities; the children attend school.', services: 'Food parcels; advice on benefits; social accompaniment for three months.' },
    disability: { conclusion: 'Lives alone, moves with difficulty, needs help with shopping and medicines.', services: 'Home help by volunteers twice a week; medicines delivered.' },
    child: { conclusion: 'The child lived through shelling; grounds for the status of a child affected by the war.', services: 'Documents for the status; psychological support for the child.' },
  },
  ru: {
    displaced: { conclusion: 'Семья переселенцев, снимает одну комнату; стабильного дохода нет; часть документов утрачена.', services: 'Гуманитарная помощь; восстановление документов; консультация по жилищной субсидии.' },
    difficulty: { conclusion: 'Мать воспитывает детей одна, доход нерегулярный, долг за коммунальные услуги; дети ходят в школу.', services: 'Продуктовые наборы; консультация по пособиям; социальное сопровождение на три месяца.' },
    disability: { conclusion: 'Живёт одна, передвигается с трудом, нужна помощь с покупками и лекарствами.', services: 'Помощь волонтёров на дому два раза в неделю; доставка лекарств.' },
    child: { conclusion: 'Ребёнок пережил обстрелы; есть основания для статуса ребёнка, пострадавшего от войны.', services: 'Документы для статуса; психологическая поддержка ребёнка.' },
  },
  uk: {
    displaced: { conclusion: 'Сім’я внутрішньо переміщених осіб, винаймає одну кімнату; стабільного доходу немає; частину документів втрачено.', services: 'Гуманітарна допомога; відновлення документів; консультація щодо житлової субсидії.' },
    difficulty: { conclusion: 'Мати сама виховує дітей, дохід нерегулярний, борг за комунальні послуги; діти відвідують школу.', services: 'Продуктові набори; консультація щодо допомог; соціальний супровід на три місяці.' },
    disability: { conclusion: 'Живе сама, пересувається з труднощами, потребує допомоги з покупками та ліками.', services: 'Допомога волонтерів удома двічі на тиждень; доставка ліків.' },
    child: { conclusion: 'Дитина пережила обстріли; є підстави для статусу дитини, яка постраждала внаслідок воєнних дій.', services: 'Документи для статусу; психологічна підтримка дитини.' },
  },
  pl: {
    displaced: { conclusion: 'Rodzina uchodźców wynajmuje jeden pokój; brak stałego dochodu; część dokumentów utracona.', services: 'Pomoc humanitarna; odtworzenie dokumentów; porada w sprawie dodatku mieszkaniowego.' },
    difficulty: { conclusion: 'Samotna matka, nieregularny dochód, zaległości za media; dzieci chodzą do szkoły.', services: 'Paczki żywnościowe; porada w sprawie świadczeń; asystent rodziny na trzy miesiące.' },
    disability: { conclusion: 'Mieszka sama, porusza się z trudem, potrzebuje pomocy przy zakupach i lekach.', services: 'Pomoc wolontariuszy w domu dwa razy w tygodniu; dowóz leków.' },
    child: { conclusion: 'Dziecko przeżyło ostrzały; są podstawy do statusu dziecka poszkodowanego w wyniku wojny.', services: 'Dokumenty do statusu; wsparcie psychologiczne dla dziecka.' },
  },
  el: {
    displaced: { conclusion: 'Εκτοπισμένη οικογένεια σε ένα νοικιασμένο δωμάτιο· χωρίς σταθερό εισόδημα· μέρος των εγγράφων χάθηκε.', services: 'Ανθρωπιστική βοήθεια· έκδοση εγγράφων· ενημέρωση για το επίδομα στέγασης.' },
    difficulty: { conclusion: 'Μονογονεϊκή οικογένεια, ακανόνιστο εισόδημα, οφειλές σε λογαριασμούς· τα παιδιά πάνε σχολείο.', services: 'Τρόφιμα· ενημέρωση για επιδόματα· κοινωνική υποστήριξη για τρεις μήνες.' },
    disability: { conclusion: 'Μένει μόνη, κινείται με δυσκολία, χρειάζεται βοήθεια με τα ψώνια και τα φάρμακα.', services: 'Βοήθεια στο σπίτι από εθελοντές δύο φορές την εβδομάδα· παράδοση φαρμάκων.' },
    child: { conclusion: 'Το παιδί έζησε βομβαρδισμούς· υπάρχουν λόγοι για το καθεστώς παιδιού πληγέντος από τον πόλεμο.', services: 'Έγγραφα για το καθεστώς· ψυχολογική υποστήριξη του παιδιού.' },
  },
};

const NEEDS: Record<'displaced' | 'difficulty' | 'disability' | 'child', Array<[Area, Severity]>> = {
  displaced: [
    ['housing', 'urgent'],
    ['documents', 'high'],
    ['income', 'high'],
    ['warAffected', 'medium'],
  ],
  difficulty: [
    ['income', 'high'],
    ['children', 'medium'],
    ['employment', 'medium'],
  ],
  disability: [
    ['health', 'high'],
    ['care', 'high'],
  ],
  child: [
    ['warAffected', 'high'],
    ['children', 'high'],
    ['safety', 'medium'],
  ],
};

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Records the demo's assessments; returns how many. */
export async function demoAssessments(ctx: DemoContext, rng: Rng, planned: readonly AssessedPerson[]): Promise<number> {
  const db = ctx.deps.db;
  const service = assessmentsService(ctx.backdated);
  const language = (await readSettings(db))?.language ?? 'en';
  const options = new Map((await db.selectFrom('assessment_options').select(['id', 'code']).where('code', 'is not', null).execute()).map((o) => [`${o.code}`, o.id]));
  const option = (code: string) => options.get(code) ?? 0;
  const situationOf = (p: AssessedPerson) => (p.situations.has('displaced') ? 'displaced' : p.situations.has('familyInDifficulty') ? 'difficulty' : p.situations.has('disability') ? 'disability' : null);
  // Registered at least three weeks ago, so that the assessment came after.
  const candidates = planned.filter((p) => situationOf(p) !== null && p.registeredAt < ctx.now - 21 * DAY_MS);
  const chosen = rng.shuffle([...candidates]).slice(0, 6);
  const events: Array<{ at: number; run: () => Promise<void> }> = [];
  for (const p of chosen) {
    const what = situationOf(p) ?? 'difficulty';
    const at = Math.min(ctx.now - DAY_MS, p.registeredAt + rng.int(3, 20) * DAY_MS + rng.int(0, 300) * 60_000);
    const day = isoDay(at);
    const followUp = rng.chance(0.7) ? isoDay(at + rng.int(30, 90) * DAY_MS) : null;
    const needs = NEEDS[what].slice(0, rng.int(2, NEEDS[what].length)).map(([area, severity]) => ({ areaId: option(area), severity }));
    events.push({
      at,
      run: async () => {
        ctx.setTime(at, day);
        if (!(await hasHealthConsent(db, p.id))) await recordDemoHealthConsent(db, p.id, new Date(at - 5 * 60_000).toISOString(), ctx.actor.id);
        await service.record(
          {
            residentId: p.id,
            ...assessmentDataSchema.parse({
              kindId: option(rng.chance(0.3) ? 'socialHistory' : 'needsAssessment'),
              assessedOn: day,
              workerId: ctx.actor.id,
              needs,
              ...TEXTS[language][what],
              followUpOn: followUp,
            }),
          },
          ctx.actor,
        );
      },
    });
  }
  // A displaced family with a child: the assessment that decides the child's status as war-affected.
  const family = await db
    .selectFrom('household_members as head')
    .innerJoin('residents as r', 'r.id', 'head.resident_id')
    .innerJoin('household_members as child', (j) => j.onRef('child.household_id', '=', 'head.household_id').on('child.relation', '=', 'child').on('child.to_on', 'is', null))
    .select(['head.household_id', 'head.resident_id', 'head.from_on'])
    .where('head.relation', '=', 'head')
    .where('head.to_on', 'is', null)
    .where('r.displaced', '=', 1)
    .where('head.from_on', '<', isoDay(ctx.now - 14 * DAY_MS))
    .orderBy('head.household_id')
    .limit(1)
    .executeTakeFirst();
  if (family && family.resident_id !== null) {
    const headId = family.resident_id;
    const at = Math.min(ctx.now - DAY_MS, Date.parse(`${family.from_on}T10:00:00.000Z`) + rng.int(5, 12) * DAY_MS);
    events.push({
      at,
      run: async () => {
        ctx.setTime(at, isoDay(at));
        if (!(await hasHealthConsent(db, headId))) await recordDemoHealthConsent(db, headId, new Date(at - 5 * 60_000).toISOString(), ctx.actor.id);
        await service.record(
          {
            householdId: family.household_id,
            ...assessmentDataSchema.parse({
              kindId: option('warAffectedChild'),
              assessedOn: isoDay(at),
              workerId: ctx.actor.id,
              needs: NEEDS.child.map(([area, severity]) => ({ areaId: option(area), severity })),
              ...TEXTS[language].child,
              followUpOn: isoDay(at + 60 * DAY_MS),
            }),
          },
          ctx.actor,
        );
      },
    });
  }
  events.sort((a, b) => a.at - b.at);
  for (const e of events) await e.run();
  return events.length;
}
