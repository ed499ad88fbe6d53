/**
 * Import of a volunteers list (issue 15). A row is the volunteer's name (one column or three),
 * settlement, phones, languages, skills, specialist, "regular", the agreement's date and notes.
 * A duplicate is decided by the one matcher's scoring (shared/domain/matcher.ts `scorePair`: names
 * in any script and word order, typos, boosted by a shared phone): "same" with a registered
 * volunteer (not deleted) → skipped as a duplicate; the same name twice in the file → the later
 * row is a duplicate. Skills are named by the screens' labels in any of the five languages or by a
 * centre's own skill; a skill the centre does not have yet is added to its list as its own.
 * Written with volunteers.repo insertVolunteer (phones, search terms, skills) like "new volunteer".
 */
import { LANGUAGES, type Language } from '../../../../shared/domain/settings';
import { BUILT_IN_SKILLS, SPECIALISTS, volunteerInputSchema, type VolunteerData } from '../../../../shared/domain/volunteers';
import { matchKeys, queryKeys, scorePair, type MatchPerson } from '../../../../shared/domain/matcher';
import type { ImportFieldOf } from '../../../../shared/domain/imports';
import { nameKey } from '../../../../shared/domain/text';
import { cellsOf, labelIndex, wordKey, type KindImporter, type KindRow, type Resolution } from './import.rows';
import { SKILL_LABELS, SPECIALIST_LABELS } from './import.labels';
import { readDate, readPhones, readYesNo, splitFullName } from './read/cells';
import type { KnownOrder } from './read/names';
import { insertVolunteer } from '../volunteers/volunteers.repo';

type Field = ImportFieldOf<'volunteers'>;

export interface VolunteerRow {
  data: VolunteerData;
  /** The skills as written (resolved against the centre's list in `resolve`). */
  skills: string[];
}
interface VolunteerValue {
  data: VolunteerData;
  /** Skills the centre does not have yet: added as its own, by these names. */
  newSkills: string[];
}

const LANGUAGE_WORDS: Record<Language, string[]> = {
  en: ['английский', 'англ', 'англійська', 'english', 'eng', 'angielski', 'αγγλικα'],
  ru: ['русский', 'рус', 'російська', 'russian', 'rosyjski', 'ρωσικα'],
  uk: ['украинский', 'укр', 'українська', 'ukrainian', 'ukraiński', 'ukrainski', 'ουκρανικα'],
  pl: ['польский', 'польська', 'polish', 'polski', 'πολωνικα'],
  el: ['греческий', 'грецька', 'greek', 'grecki', 'ελληνικα'],
};
const LANGUAGE_INDEX = labelIndex(LANGUAGES, {}, LANGUAGE_WORDS);
const SPECIALIST_INDEX = labelIndex(SPECIALISTS, SPECIALIST_LABELS, {
  psychologist: ['психолог', 'psycholog', 'ψυχολογος'],
  lawyer: ['юрист', 'адвокат', 'prawnik', 'δικηγορος'],
  socialWorker: ['соцработник', 'социальный работник', 'соцпрацівник', 'pracownik socjalny', 'κοινωνικη λειτουργος'],
  doctor: ['врач', 'лікар', 'медик', 'lekarz', 'γιατρος'],
  teacher: ['учитель', 'педагог', 'вчитель', 'nauczyciel', 'δασκαλος', 'εκπαιδευτικος'],
});
const SKILL_INDEX = labelIndex(BUILT_IN_SKILLS, SKILL_LABELS, {
  hasCar: ['машина', 'авто', 'автомобиль', 'автомобіль', 'car', 'samochód', 'samochod', 'αυτοκινητο'],
  carriesFirewood: ['дрова', 'firewood', 'drewno', 'καυσοξυλα'],
  buysMedicines: ['лекарства', 'ліки', 'medicines', 'leki', 'φαρμακα'],
  smallRepairs: ['ремонт', 'repairs', 'naprawy', 'επισκευες'],
  computerHelp: ['компьютер', "комп'ютер", 'computer', 'komputer', 'υπολογιστης'],
});

const words = (cell: string) =>
  cell
    .split(/[,;/|\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

function prepare(header: string[], r: Parameters<KindImporter<VolunteerRow, VolunteerValue>['prepare']>[1], mapping: Parameters<KindImporter<VolunteerRow, VolunteerValue>['prepare']>[2], ctx: { today: string; nameOrder?: KnownOrder | null | undefined }): KindRow<VolunteerRow> {
  const c = cellsOf<Field>('volunteers', header, r, mapping);
  let lastName = c.get('lastName');
  let firstName = c.get('firstName');
  let patronymic = c.get('patronymic');
  let name = c.get('fullName') || [lastName, firstName, patronymic].filter((s) => s !== '').join(' ');
  if (c.shapeProblem) return c.reject(name, c.shapeProblem, null);
  if (c.get('fullName') !== '') {
    const split = splitFullName(c.get('fullName'), mapping.nameOrder, ctx.nameOrder ?? null);
    if (!split.ok) return c.reject(name, split.error, c.col('fullName'));
    lastName ||= split.value.lastName;
    firstName ||= split.value.firstName;
    patronymic ||= split.value.patronymic;
    name = [lastName, firstName, patronymic].filter((s) => s !== '').join(' ');
  }
  const input: Record<string, unknown> = { lastName, firstName, patronymic, settlement: c.get('settlement'), notes: c.get('notes') };
  if (c.get('phone') !== '') {
    const p = readPhones(c.get('phone'));
    if (!p.ok) return c.reject(name, p.error, c.col('phone'));
    input.phones = p.value;
  }
  const languages = new Set<Language>();
  for (const w of words(c.get('languages'))) {
    const code = LANGUAGE_INDEX.get(wordKey(w));
    if (!code) return c.reject(name, 'validation.importLanguage', c.col('languages'));
    languages.add(code as Language);
  }
  input.languages = [...languages];
  if (c.get('specialist') !== '') input.specialist = SPECIALIST_INDEX.get(wordKey(c.get('specialist'))) ?? 'other';
  if (c.get('isRegular') !== '') {
    const b = readYesNo(c.get('isRegular'));
    if (!b.ok) return c.reject(name, b.error, c.col('isRegular'));
    input.isRegular = b.value;
  }
  if (c.get('agreementSignedOn') !== '') {
    const d = readDate(c.get('agreementSignedOn'));
    if (!d.ok) return c.reject(name, d.error, c.col('agreementSignedOn'));
    if (d.value > ctx.today) return c.reject(name, 'validation.dateInFuture', c.col('agreementSignedOn'));
    input.agreementSignedOn = d.value;
  }
  const parsed = volunteerInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = String(issue?.path[0] ?? '');
    const field = (path === 'phones' ? 'phone' : path) as Field;
    const column = c.col(field) ?? (['lastName', 'firstName', 'patronymic'].includes(path) ? c.col('fullName') : null);
    return c.reject(name, issue?.message ?? 'validation.invalid', column);
  }
  return c.ok(name, { data: parsed.data, skills: words(c.get('skills')) });
}

const person = (d: Pick<VolunteerData, 'lastName' | 'firstName' | 'patronymic' | 'phones' | 'settlement'>): MatchPerson => ({
  lastName: d.lastName,
  firstName: d.firstName,
  patronymic: d.patronymic,
  phones: d.phones,
});

export const volunteersImport: KindImporter<VolunteerRow, VolunteerValue> = {
  prepare,

  async resolve(ex, rows) {
    // The centre's volunteers (hundreds, not thousands): their matcher keys in memory.
    const registered = await ex.selectFrom('volunteers').select(['id', 'last_name', 'first_name', 'patronymic']).where('deleted_at', 'is', null).execute();
    const phones = await ex.selectFrom('volunteer_phones').select(['volunteer_id', 'raw']).execute();
    const phonesOf = new Map<number, string[]>();
    for (const p of phones) phonesOf.set(p.volunteer_id, [...(phonesOf.get(p.volunteer_id) ?? []), p.raw]);
    const byKey = new Map<string, number[]>();
    const people = new Map<number, MatchPerson>();
    for (const v of registered) {
      people.set(v.id, { lastName: v.last_name, firstName: v.first_name, patronymic: v.patronymic, phones: phonesOf.get(v.id) ?? [] });
      for (const k of matchKeys({ lastName: v.last_name, firstName: v.first_name })) byKey.set(k, [...(byKey.get(k) ?? []), v.id]);
    }
    const skills = await ex.selectFrom('skills').select(['id', 'code', 'name', 'archived_at']).execute();
    const skillByKey = new Map<string, number>();
    for (const s of skills) {
      if (s.code !== null) skillByKey.set(`code:${s.code}`, s.id);
      if (s.name !== null) skillByKey.set(wordKey(s.name), s.id);
    }
    const seen = new Map<string, number>();
    return rows.map((r): Resolution<VolunteerValue> => {
      const d = (r.data as VolunteerRow).data;
      const key = nameKey(d.lastName, d.firstName, d.patronymic);
      const earlier = seen.get(key);
      if (earlier !== undefined) return { outcome: 'duplicate', reason: 'validation.importSameInFile', matchRow: earlier };
      seen.set(key, r.row);
      const candidates = new Set<number>();
      for (const k of queryKeys(d)) for (const id of byKey.get(k) ?? []) candidates.add(id);
      for (const id of [...candidates].sort((a, b) => a - b)) {
        if (scorePair(person(d), people.get(id) as MatchPerson).verdict === 'same') return { outcome: 'duplicate', reason: 'validation.importSameVolunteer', matchId: id };
      }
      const skillIds = new Set<number>();
      const newSkills: string[] = [];
      for (const w of (r.data as VolunteerRow).skills) {
        const code = SKILL_INDEX.get(wordKey(w));
        const id = (code !== undefined ? skillByKey.get(`code:${code}`) : undefined) ?? skillByKey.get(wordKey(w));
        if (id !== undefined) skillIds.add(id);
        else if (!newSkills.some((n) => wordKey(n) === wordKey(w))) newSkills.push(w);
      }
      if (newSkills.some((n) => n.length > 100)) return { outcome: 'rejected', reason: 'validation.tooLong', column: null };
      return { outcome: 'create', value: { data: { ...d, skillIds: [...skillIds] }, newSkills } };
    });
  },

  async write(trx, values, actor, at, onWritten) {
    const added = new Map<string, number>();
    const ids: number[] = [];
    for (const v of values) {
      const skillIds = [...v.data.skillIds];
      for (const name of v.newSkills) {
        let id = added.get(wordKey(name));
        if (id === undefined) {
          id = (await trx.insertInto('skills').values({ code: null, name, archived_at: null, created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
          added.set(wordKey(name), id);
        }
        skillIds.push(id);
      }
      ids.push(await insertVolunteer(trx, { ...v.data, skillIds }, actor.id, at));
      if (ids.length % 100 === 0) onWritten?.(ids.length);
    }
    return ids;
  },
};
