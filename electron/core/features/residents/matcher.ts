/**
 * The one duplicate matcher's database side (issue 15): the candidates for a person, found through
 * the stored lookup keys (resident_match_keys, index on key) and the phone index, then scored by
 * the pure `scorePair` (shared/domain/matcher.ts, where the score, the reasons and the thresholds
 * for "same", "maybe" and "different" are stated). Used by residents.findDuplicates (new resident),
 * the duplicates screen (residents.duplicatePairs) and the import.
 */
import type { Executor } from '../../db/schema';
import { matchKeys, queryKeys, scorePair, type MatchPerson, type MatchReason, type Verdict } from '../../../../shared/domain/matcher';
import { nationalNumber } from '../../../../shared/domain/phone';
import { phonesOf } from '../../db/phones';

export { scorePair, matchKeys, SAME_THRESHOLD, MAYBE_THRESHOLD, type MatchPerson, type MatchReason, type Verdict } from '../../../../shared/domain/matcher';

export interface MatchCandidate {
  residentId: number;
  score: number;
  verdict: Verdict;
  reasons: MatchReason[];
}

export interface MatchOptions {
  /** Leave this resident out (the record being edited). */
  excludeId?: number | undefined;
  /** At most this many candidates, best first (default 10). */
  limit?: number | undefined;
  /** Also return candidates judged "different" (default: only "same" and "maybe"). */
  includeDifferent?: boolean | undefined;
}

/** How many rows one lookup may bring back to be scored: a very common name stays bounded. */
const LOOKUP_CAP = 400;

/** Replaces a resident's lookup keys (every write of a name goes through here). */
export async function writeMatchKeys(ex: Executor, residentId: number, name: Pick<MatchPerson, 'lastName' | 'firstName'>): Promise<void> {
  await ex.deleteFrom('resident_match_keys').where('resident_id', '=', residentId).execute();
  const keys = matchKeys(name);
  if (keys.length > 0) {
    await ex
      .insertInto('resident_match_keys')
      .values(keys.map((key) => ({ key, resident_id: residentId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** The people the matcher compares with: names, birth year, address and phones, by id. */
export async function matchPeople(ex: Executor, ids: number[]): Promise<Map<number, MatchPerson>> {
  const out = new Map<number, MatchPerson>();
  if (ids.length === 0) return out;
  const phones = await phonesOf(ex, 'resident_phones', ids);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await ex
      .selectFrom('residents')
      .select(['id', 'last_name', 'first_name', 'patronymic', 'birth_year', 'settlement', 'street', 'house', 'flat'])
      .where('id', 'in', ids.slice(i, i + 500))
      .where('erased_at', 'is', null)
      .execute();
    for (const r of rows) {
      out.set(r.id, {
        lastName: r.last_name,
        firstName: r.first_name,
        patronymic: r.patronymic,
        birthYear: r.birth_year,
        settlement: r.settlement,
        street: r.street,
        house: r.house,
        flat: r.flat,
        phones: phones.get(r.id) ?? [],
      });
    }
  }
  return out;
}

/** The ids sharing a lookup key or a phone number with the person (bounded). */
export async function candidateIds(ex: Executor, person: MatchPerson): Promise<number[]> {
  const ids = new Set<number>();
  const keys = queryKeys(person);
  if (keys.length > 0) {
    let q = ex
      .selectFrom('resident_match_keys as k')
      .innerJoin('residents as r', 'r.id', 'k.resident_id')
      .select('k.resident_id')
      .distinct()
      .where('k.key', 'in', keys)
      .limit(LOOKUP_CAP);
    // Two or more birth years apart, a name alone scores at most 0.55 ("different"): namesakes of
    // another generation are left out here, and a shared phone still finds them (below).
    const year = person.birthYear ?? null;
    if (year !== null) q = q.where((eb) => eb.or([eb('r.birth_year', 'is', null), eb('r.birth_year', '>=', year - 1).and('r.birth_year', '<=', year + 1)]));
    for (const r of await q.execute()) ids.add(r.resident_id);
  }
  const nationals = [...new Set((person.phones ?? []).map(nationalNumber).filter((n) => n.length >= 5))];
  if (nationals.length > 0) {
    const rows = await ex.selectFrom('resident_phones').select('resident_id').where('national', 'in', nationals).limit(50).execute();
    for (const r of rows) ids.add(r.resident_id);
  }
  return [...ids];
}

/**
 * The registered residents who may be this person, best first, each with its score, verdict and
 * the reasons: "same" and "maybe", and anyone with the same phone number whatever the verdict (a
 * desk wants to see who else gave that number). Erased people are never candidates.
 */
export async function matchCandidates(ex: Executor, person: MatchPerson, opts: MatchOptions = {}): Promise<MatchCandidate[]> {
  const ids = (await candidateIds(ex, person)).filter((id) => id !== opts.excludeId);
  const people = await matchPeople(ex, ids);
  const out: MatchCandidate[] = [];
  for (const [residentId, other] of people) {
    const r = scorePair(person, other);
    if (r.verdict === 'different' && opts.includeDifferent !== true && !r.reasons.includes('samePhone')) continue;
    out.push({ residentId, ...r });
  }
  out.sort((a, b) => b.score - a.score || a.residentId - b.residentId);
  return out.slice(0, opts.limit ?? 10);
}
