import { mulberry32 } from '../random';
import type { DemoContext } from './demo-context';
import type { Db } from '../db/schema';
import { readSettings } from '../features/settings/settings.service';
import type { Language } from '../../../shared/domain/settings';

/**
 * Consent records for the demo: every resident under regular care gave written consent covering
 * health-related needs when they registered, and about half of them have needs written down (the
 * short, need-based kind of text the privacy notice asks for, never a diagnosis).
 */
const NEEDS: Record<Language, string[]> = {
  en: ['Insulin in the morning; needs help on the stairs', 'Walks with a stick; medicines from the pharmacy every Tuesday', 'Hard of hearing: knock loudly, do not phone', 'Cannot carry heavy bags'],
  ru: ['Инсулин утром; нужна помощь на лестнице', 'Ходит с палочкой; лекарства из аптеки по вторникам', 'Плохо слышит: стучать громко, не звонить', 'Не может носить тяжёлые сумки'],
  uk: ['Інсулін зранку; потрібна допомога на сходах', 'Ходить з ціпком; ліки з аптеки щовівторка', 'Погано чує: стукати голосно, не телефонувати', 'Не може носити важкі сумки'],
  pl: ['Insulina rano; potrzebuje pomocy na schodach', 'Chodzi o lasce; leki z apteki w każdy wtorek', 'Słabo słyszy: pukać głośno, nie dzwonić', 'Nie może nosić ciężkich toreb'],
  el: ['Ινσουλίνη το πρωί· θέλει βοήθεια στις σκάλες', 'Περπατά με μπαστούνι· φάρμακα από το φαρμακείο κάθε Τρίτη', 'Ακούει δύσκολα: χτυπήστε δυνατά, όχι τηλέφωνο', 'Δεν μπορεί να κουβαλήσει βαριές τσάντες'],
};

/**
 * A written consent covering health, given when the resident registered: residents with a
 * disability (health data, issue 13) get theirs as they are registered (demo.ts), those under
 * regular care in demoPrivacy.
 */
export async function recordDemoHealthConsent(db: Db, residentId: number, at: string, actorId: number): Promise<void> {
  await db
    .insertInto('resident_consents')
    .values({
      resident_id: residentId,
      basis: 'consent',
      scope_basic: 1,
      scope_health: 1,
      scope_photos: 0,
      given_on: at.slice(0, 10),
      notice_version: '1.0',
      note: '',
      recorded_at: at,
      recorded_by: actorId,
      withdrawn_on: null,
      withdrawn_at: null,
      withdrawn_by: null,
    })
    .execute();
}

export async function demoPrivacy(ctx: DemoContext): Promise<void> {
  const rng = mulberry32(ctx.seed);
  const db = ctx.deps.db;
  const language = (await readSettings(db))?.language ?? 'en';
  const residents = await db.selectFrom('residents').select(['id', 'created_at']).where('regular_care', '=', 1).orderBy('id').execute();
  const consented = new Set((await db.selectFrom('resident_consents').select('resident_id').execute()).map((c) => c.resident_id));
  for (const r of residents) {
    if (!consented.has(r.id)) await recordDemoHealthConsent(db, r.id, r.created_at, ctx.actor.id);
    if (rng() < 0.5) {
      const list = NEEDS[language];
      await db.updateTable('residents').set({ health_needs: list[Math.floor(rng() * list.length)] ?? '' }).where('id', '=', r.id).execute();
    }
  }
}
