import { sql } from 'kysely';
import type { Executor } from '../../db/schema';
import type { ResidentRow } from './residents.table';
import { formatAddress, fullName, SITUATIONS, type Resident, type ResidentData, type ResidentSummary, type Situation } from '../../../../shared/domain/residents';
import { foldedWords, nameKey, fold, prefixUpperBound } from '../../../../shared/domain/text';
import { nationalNumber, phoneSearchKeys } from '../../../../shared/domain/phone';
import { parseQuery, rankedMatches } from '../../db/search-terms';
import { phonesOf } from '../../db/phones';
import { hasHealthConsent } from '../privacy/consent.repo';
import { briefsOf } from '../households/households.repo';
import type { HouseholdBrief } from '../../../../shared/domain/household-brief';
import { matchCandidates, matchPeople, writeMatchKeys } from './matcher';
import { scorePair } from '../../../../shared/domain/matcher';
import type { MatchReason, Verdict } from '../../../../shared/domain/matcher';

const SITUATION_COLUMNS: Record<Situation, 'lives_alone' | 'pensioner' | 'disability' | 'family_in_difficulty' | 'displaced'> = {
  livesAlone: 'lives_alone',
  pensioner: 'pensioner',
  disability: 'disability',
  familyInDifficulty: 'family_in_difficulty',
  displaced: 'displaced',
};

export const RANK = { lastName: 0, name: 1, address: 2, phone: 3 } as const;

/**
 * Street-type words that nearly every address has: as search terms they would make "у" or "ul"
 * match everyone, so they are left out of the index (the street's own name is what people type).
 */
const ADDRESS_STOP_WORDS = new Set(['ул', 'улица', 'пер', 'переулок', 'пр', 'просп', 'проспект', 'бульв', 'пл', 'д', 'кв', 'вул', 'вулиця', 'пров', 'ul', 'al', 'os', 'pl', 'οδος', 'οδ', 'λεωφ', 'λεωφορος']);

/** The columns of a resident row that come from the form, in database form. */
export function dataToColumns(data: ResidentData) {
  const situations = new Set(data.situations);
  return {
    last_name: data.lastName,
    first_name: data.firstName,
    patronymic: data.patronymic,
    sort_key: fold(fullName(data)),
    name_key: nameKey(data.lastName, data.firstName, data.patronymic),
    short_name_key: nameKey(data.lastName, data.firstName),
    birth_year: data.birthYear,
    settlement: data.settlement,
    street: data.street,
    house: data.house,
    flat: data.flat,
    lives_alone: situations.has('livesAlone') ? 1 : 0,
    pensioner: situations.has('pensioner') ? 1 : 0,
    disability: situations.has('disability') ? 1 : 0,
    family_in_difficulty: situations.has('familyInDifficulty') ? 1 : 0,
    displaced: situations.has('displaced') ? 1 : 0,
    household_size: data.householdSize,
    regular_care: data.regularCare ? 1 : 0,
    needs_snow_clearing: data.needsSnowClearing ? 1 : 0,
    checkin_interval_days: data.regularCare ? data.checkinIntervalDays : null,
    notes: data.notes,
  };
}

/** `healthConsent`: a consent covering health is in force; without it the health needs are never returned. */
export function rowToResident(row: ResidentRow, phones: string[], healthConsent = false): Resident {
  const situations = SITUATIONS.filter((s) => row[SITUATION_COLUMNS[s]] === 1);
  return {
    id: row.id,
    lastName: row.last_name,
    firstName: row.first_name,
    patronymic: row.patronymic,
    fullName: fullName({ lastName: row.last_name, firstName: row.first_name, patronymic: row.patronymic }),
    birthYear: row.birth_year,
    settlement: row.settlement,
    street: row.street,
    house: row.house,
    flat: row.flat,
    address: formatAddress(row),
    phones,
    situations,
    householdSize: row.household_size,
    regularCare: row.regular_care === 1,
    needsSnowClearing: row.needs_snow_clearing === 1,
    checkinIntervalDays: row.checkin_interval_days,
    notes: row.notes,
    healthNeeds: healthConsent ? row.health_needs : '',
    healthConsent,
    erasedAt: row.erased_at,
    leftOn: row.left_on,
    leftReason: row.left_reason === 'moved' || row.left_reason === 'deceased' ? row.left_reason : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

type SummaryRow = Pick<
  ResidentRow,
  'id' | 'last_name' | 'first_name' | 'patronymic' | 'birth_year' | 'settlement' | 'street' | 'house' | 'flat' | 'regular_care'
>;
const SUMMARY_COLUMNS = [
  'residents.id',
  'residents.last_name',
  'residents.first_name',
  'residents.patronymic',
  'residents.birth_year',
  'residents.settlement',
  'residents.street',
  'residents.house',
  'residents.flat',
  'residents.regular_care',
] as const;

function rowToSummary(row: SummaryRow, phones: string[], household: HouseholdBrief | null): ResidentSummary {
  return {
    id: row.id,
    fullName: fullName({ lastName: row.last_name, firstName: row.first_name, patronymic: row.patronymic }),
    birthYear: row.birth_year,
    address: formatAddress(row),
    settlement: row.settlement,
    phones,
    regularCare: row.regular_care === 1,
    household,
  };
}

/** The search terms of a resident: folded name and address words, and phone digit suffixes. */
export function searchTerms(data: ResidentData): Array<{ term: string; rank: number }> {
  const best = new Map<string, number>();
  const add = (term: string, rank: number) => {
    const prev = best.get(term);
    if (prev === undefined || rank < prev) best.set(term, rank);
  };
  for (const w of foldedWords(data.lastName)) add(w, RANK.lastName);
  for (const w of foldedWords(`${data.firstName} ${data.patronymic}`)) add(w, RANK.name);
  for (const w of foldedWords(`${data.settlement} ${data.street} ${data.house} ${data.flat}`)) {
    if (!ADDRESS_STOP_WORDS.has(w)) add(w, RANK.address);
  }
  for (const phone of data.phones) for (const key of phoneSearchKeys(phone)) add(key, RANK.phone);
  return [...best].map(([term, rank]) => ({ term, rank }));
}

export async function insertResident(ex: Executor, data: ResidentData, actorId: number, at: string): Promise<number> {
  const row = await ex
    .insertInto('residents')
    .values({ ...dataToColumns(data), health_needs: data.healthNeeds ?? '', created_at: at, created_by: actorId, updated_at: at, updated_by: actorId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replacePhonesAndTerms(ex, row.id, data);
  return row.id;
}

export async function updateResident(ex: Executor, id: number, data: ResidentData, actorId: number, at: string): Promise<boolean> {
  const result = await ex
    .updateTable('residents')
    .set({ ...dataToColumns(data), ...(data.healthNeeds !== undefined ? { health_needs: data.healthNeeds } : {}), updated_at: at, updated_by: actorId })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  await replacePhonesAndTerms(ex, id, data);
  return true;
}

async function replacePhonesAndTerms(ex: Executor, id: number, data: ResidentData): Promise<void> {
  await ex.deleteFrom('resident_phones').where('resident_id', '=', id).execute();
  await ex.deleteFrom('resident_search_terms').where('resident_id', '=', id).execute();
  if (data.phones.length > 0) {
    await ex
      .insertInto('resident_phones')
      .values(data.phones.map((raw, position) => ({ resident_id: id, position, raw, national: nationalNumber(raw) })))
      .execute();
  }
  await writeMatchKeys(ex, id, data);
  const terms = searchTerms(data);
  // SQLite limits bound parameters per statement; insert in chunks.
  for (let i = 0; i < terms.length; i += 200) {
    await ex
      .insertInto('resident_search_terms')
      .values(terms.slice(i, i + 200).map((t) => ({ resident_id: id, term: t.term, rank: t.rank })))
      .execute();
  }
}

export async function findResident(ex: Executor, id: number): Promise<Resident | undefined> {
  const row = await ex.selectFrom('residents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const phones = await phonesOf(ex, 'resident_phones', [id]);
  return rowToResident(row, phones.get(id) ?? [], await hasHealthConsent(ex, id));
}


async function summariesInOrder(ex: Executor, ids: number[]): Promise<ResidentSummary[]> {
  if (ids.length === 0) return [];
  const rows = await ex.selectFrom('residents').select(SUMMARY_COLUMNS).where('residents.id', 'in', ids).execute();
  const phones = await phonesOf(ex, 'resident_phones', ids);
  // Their households: one statement for the page (households.repo briefsOf).
  const households = await briefsOf(ex, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [rowToSummary(row, phones.get(id) ?? [], households.get(id) ?? null)] : [];
  });
}

/**
 * Ranked search (issue 15: the best matches first). Every typed word must be the start of some
 * word of the resident's name, address or phone digits. Order: an exact last-name match first,
 * then last names starting with the word, the closest (fewest letters more) first, then the other
 * name words (exact, then closest prefixes), address, phone; alphabetically only within one
 * closeness.
 */
export async function searchResidents(
  ex: Executor,
  q: string,
  opts: { settlement?: string | undefined; limit: number; offset?: number },
): Promise<ResidentSummary[]> {
  const offset = opts.offset ?? 0;
  const parsed = parseQuery(q);
  const { words, phoneLike } = parsed;
  const settlementKey = opts.settlement !== undefined && opts.settlement !== '' ? opts.settlement : undefined;
  if (words.length === 0) {
    // Erased people keep a placeholder row for the statistics; they are not listed.
    let query = ex.selectFrom('residents').select('id').where('erased_at', 'is', null).orderBy('sort_key').orderBy('id').limit(opts.limit).offset(offset);
    if (settlementKey !== undefined) query = query.where('settlement', '=', settlementKey);
    const ids = (await query.execute()).map((r) => r.id);
    return summariesInOrder(ex, ids);
  }
  if (!phoneLike && words.length === 1) {
    // Short prefixes match thousands of terms; a full page of last names read in order from the
    // sort_key index is the same first page, found without ranking every match.
    // (A later page: the rows up to its end, in the same order as the ranked query below.)
    const ids = await lastNamePrefix(ex, words[0] as string, settlementKey, offset + opts.limit);
    if (ids.length >= offset + opts.limit) return summariesInOrder(ex, ids.slice(offset));
  }
  const rows = await sql<{ id: number }>`
    select m.owner_id as id
    from (${rankedMatches('resident_search_terms', 'resident_id', q, parsed)}) m
    join residents r on r.id = m.owner_id
    ${settlementKey !== undefined ? sql`where r.settlement = ${settlementKey}` : sql``}
    order by m.score, r.sort_key, r.id
    limit ${opts.limit} offset ${offset}
  `.execute(ex);
  return summariesInOrder(
    ex,
    rows.rows.map((r) => r.id),
  );
}

/** More distinct surnames than this under one prefix: the ranked query below answers instead. */
const PREFIX_TERMS_CAP = 3000;

/**
 * Last names starting with `word`, the closest first: an exact surname, then the surnames with
 * the fewest letters more (петр → Петров before Петрова before Петренко), alphabetically (folded)
 * within one length, as the ranked query orders them. The distinct surnames under the prefix are
 * found by seeks in the terms index (one per term), then each length's residents are read in name
 * order from the sort_key index, at most `limit` per surname.
 */
async function lastNamePrefix(ex: Executor, word: string, settlement: string | undefined, limit: number): Promise<number[]> {
  const upper = prefixUpperBound(word);
  const terms = await sql<{ term: string }>`
    with recursive s(term) as (
      select (select min(term) from resident_search_terms where term >= ${word} and term < ${upper})
      union all
      select (select min(u.term) from resident_search_terms u where u.term > s.term and u.term < ${upper}) from s where s.term is not null
    )
    select term from s
    where term is not null and exists (select 1 from resident_search_terms x where x.term = s.term and x.rank = ${RANK.lastName})
    limit ${PREFIX_TERMS_CAP + 1}`.execute(ex);
  if (terms.rows.length > PREFIX_TERMS_CAP) return alphabeticalPrefix(ex, word, settlement, limit);
  const byLength = new Map<number, string[]>();
  for (const { term } of terms.rows) {
    const n = Array.from(term).length;
    byLength.set(n, [...(byLength.get(n) ?? []), term]);
  }
  const ids: number[] = [];
  const seen = new Set<number>();
  for (const length of [...byLength.keys()].sort((a, b) => a - b)) {
    // Each surname's people in name order from the sort_key index (the folded full name starts
    // with the surname, then a space or a hyphen), merged across the surnames of this length.
    const found: Array<{ id: number; sort_key: string }> = [];
    for (const term of byLength.get(length) as string[]) {
      let q = ex
        .selectFrom('residents')
        .select(['id', 'sort_key'])
        .where('sort_key', '>=', `${term} `)
        .where('sort_key', '<', `${term}.`)
        .orderBy('sort_key')
        .orderBy('id')
        .limit(limit);
      if (settlement !== undefined) q = q.where('settlement', '=', settlement);
      found.push(...(await q.execute()));
    }
    found.sort((a, b) => (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : a.id - b.id));
    for (const { id } of found) {
      if (seen.has(id)) continue;
      seen.add(id);
      ids.push(id);
    }
    if (ids.length >= limit) break;
  }
  return ids.slice(0, limit);
}

/**
 * The register's own order under a prefix so broad that its surnames are too many to rank by
 * closeness (more than PREFIX_TERMS_CAP): an exact surname first, then the sort_key index.
 */
async function alphabeticalPrefix(ex: Executor, word: string, settlement: string | undefined, limit: number): Promise<number[]> {
  const inSettlement = settlement !== undefined ? sql`and r.settlement = ${settlement}` : sql``;
  const rows = await sql<{ id: number }>`
    select id from (
      select r.id, 0 as score, r.sort_key
      from resident_search_terms t join residents r on r.id = t.resident_id
      where t.term = ${word} and t.rank = ${RANK.lastName} ${inSettlement}
      union all
      select * from (
        select r.id, 1 as score, r.sort_key from residents r
        where r.sort_key >= ${word} and r.sort_key < ${prefixUpperBound(word)} ${inSettlement}
        order by r.sort_key, r.id limit ${limit})
    ) group by id order by min(score), sort_key, id limit ${limit}`.execute(ex);
  return rows.rows.map((r) => r.id);
}

export async function findDuplicates(
  ex: Executor,
  input: { lastName: string; firstName: string; patronymic: string; birthYear: number | null; phones: string[]; excludeId?: number | undefined },
): Promise<Array<ResidentSummary & { score: number; verdict: Verdict; reasons: MatchReason[] }>> {
  // The one matcher (matcher.ts): names in any script and word order, typos, birth year, phone.
  const found = await matchCandidates(ex, input, { excludeId: input.excludeId, limit: 10 });
  const summaries = new Map((await summariesInOrder(ex, found.map((c) => c.residentId))).map((s) => [s.id, s]));
  return found.flatMap((c) => {
    const s = summaries.get(c.residentId);
    return s ? [{ ...s, score: c.score, verdict: c.verdict, reasons: c.reasons }] : [];
  });
}

/** Residents looked at per step of the duplicates list, and steps per page at most. */
const PAIR_CHUNK = 100;
const PAIR_STEPS = 10;
/** Look-alikes of one resident listed at most (the best), so that a page stays small. */
const PAIRS_PER_RESIDENT = 50;

/**
 * Pairs of residents who may be the same person, walking the register in id order after
 * `cursor`: each resident's match keys (index resident_match_keys_resident) against the others
 * with a higher id sharing a key (primary key of resident_match_keys) and a birth year at most one
 * apart (or unknown), scored by the matcher;
 * "same" and "maybe" kept (at most PAIRS_PER_RESIDENT a resident, the best). A page ends with
 * the resident at which about `limit` pairs are found, or after PAIR_STEPS steps of PAIR_CHUNK
 * residents (it may then be short, even empty, with a next cursor: the screen offers "more").
 * Within a page, the best pairs first.
 */
export async function duplicatePairs(ex: Executor, cursor: number, limit: number) {
  const pairs: Array<{ a: number; b: number; score: number; verdict: Verdict; reasons: MatchReason[] }> = [];
  let after = cursor;
  let nextCursor: number | null = null;
  walk: for (let step = 0; step < PAIR_STEPS; step++) {
    const ids = (
      await ex.selectFrom('residents').select('id').where('id', '>', after).where('erased_at', 'is', null).orderBy('id').limit(PAIR_CHUNK).execute()
    ).map((r) => r.id);
    if (ids.length === 0) {
      nextCursor = null;
      break;
    }
    // Birth years two or more apart make a pair "different" by name alone (matcher.ts): left out here.
    const found = await sql<{ a: number; b: number }>`
      select a.resident_id as a, b.resident_id as b
      from resident_match_keys a
      join resident_match_keys b on b.key = a.key and b.resident_id > a.resident_id
      join residents ra on ra.id = a.resident_id
      join residents rb on rb.id = b.resident_id
      where a.resident_id in (${sql.join(ids)})
        and (ra.birth_year is null or rb.birth_year is null or abs(ra.birth_year - rb.birth_year) <= 1)
      group by a.resident_id, b.resident_id
      order by a.resident_id, b.resident_id`.execute(ex);
    const byA = new Map<number, number[]>();
    for (const { a, b } of found.rows) byA.set(a, [...(byA.get(a) ?? []), b]);
    for (const a of ids) {
      const others = byA.get(a);
      if (others !== undefined) {
        const people = await matchPeople(ex, [a, ...others.slice(0, 400)]);
        const pa = people.get(a);
        const scored = [];
        for (const b of others) {
          const pb = people.get(b);
          if (!pa || !pb) continue;
          const r = scorePair(pa, pb);
          if (r.verdict !== 'different') scored.push({ a, b, ...r });
        }
        scored.sort((x, y) => y.score - x.score || x.b - y.b);
        pairs.push(...scored.slice(0, PAIRS_PER_RESIDENT));
      }
      after = a;
      if (pairs.length >= limit) {
        nextCursor = a;
        break walk;
      }
    }
    nextCursor = ids.length === PAIR_CHUNK ? after : null;
    if (nextCursor === null) break;
  }
  pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  const summaries = new Map((await summariesInOrder(ex, [...new Set(pairs.flatMap((p) => [p.a, p.b]))])).map((s) => [s.id, s]));
  return {
    pairs: pairs.flatMap((p) => {
      const a = summaries.get(p.a);
      const b = summaries.get(p.b);
      return a && b ? [{ a, b, score: p.score, verdict: p.verdict, reasons: p.reasons }] : [];
    }),
    nextCursor,
  };
}

/**
 * The settlements in use, in order: one seek per name in the settlement index (a recursive query
 * that jumps from a name to the next), not a pass over the whole register.
 */
export async function settlements(ex: Executor): Promise<string[]> {
  const rows = await sql<{ settlement: string }>`
    with recursive s(settlement) as (
      select min(settlement) from residents where settlement > ''
      union all
      select (select min(r.settlement) from residents r where r.settlement > s.settlement) from s where s.settlement is not null
    )
    select settlement from s where settlement is not null`.execute(ex);
  return rows.rows.map((r) => r.settlement);
}

export async function countResidents(ex: Executor): Promise<number> {
  const row = await ex.selectFrom('residents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
