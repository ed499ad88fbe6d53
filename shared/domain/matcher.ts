/**
 * The one duplicate matcher (issue 15): is this the same person? Pure scoring, used by "new
 * resident" (residents.findDuplicates), the duplicates screen (residents.duplicatePairs) and the
 * import (through electron/core/features/residents/matcher.ts `matchCandidates`).
 *
 * Names are compared word by word after the one folding function (`fold`: case, accents, ё→е) and
 * a transliteration into a phonetic form common to Cyrillic, Latin and Greek (`phoneticForm`):
 * Щербина / Shcherbyna / Szczerbina all become "sirbina"; Олена / Olena → "olina", Elena → "ilina",
 * Ελένη → "ilini"; Παπαδόπουλος / Papadopoulos → "papadopulos". Its consonants alone are the
 * skeleton (`skeleton`: "srbn", "ln", "ppdpls"), the stored lookup key of a name.
 *
 * Score (0..1) = the name's similarity (surname 0.5, first name 0.4, patronymic 0.1; the words are
 * paired in any order, so "surname first" and "surname last" meet; a patronymic missing on one
 * side counts 0.8 of its weight, a different one on both sides takes 0.3 off; a surname or first
 * name that matches nothing takes 0.15 off), then
 *   + 0.10 the same birth year,  − 0.05 a year apart,  − 0.50 two or more years apart,
 *   + 0.15 the same phone number,  + 0.05 the same address (relatives share one, so it weighs little).
 * Verdicts (the thresholds, stated once here and in ARCHITECTURE.md "Residents"):
 *   score ≥ 0.85 → "same"   (the import treats the row as this person; the screens warn strongly)
 *   score ≥ 0.60 → "maybe"  (shown as a possible duplicate, a person decides)
 *   otherwise   → "different".
 * Measured on the labelled pairs of matcher.eval.ts (≥ 300 pairs in four scripts, hard negatives
 * included); the test holds precision ≥ 0.95 at recall ≥ 0.90 for "same".
 */
import { fold, foldedWords } from './text';
import { nationalNumber } from './phone';
import { z } from 'zod';
import { identity, out, pub } from '../api/fields';
import { residentSummarySchema } from './residents';

export const SAME_THRESHOLD = 0.85;
export const MAYBE_THRESHOLD = 0.6;

export type Verdict = 'same' | 'maybe' | 'different';

/** Why two records matched (or did not): shown next to each candidate, translated on screens. */
export const MATCH_REASONS = [
  'sameName', // the same name once folded (case, accents, ё/е)
  'transliterated', // the same name in another script or transliteration
  'typo', // a name differs by a small edit distance
  'wordOrder', // surname and first name in the other order
  'noPatronymic', // a patronymic on one side only
  'differentPatronymic',
  'sameBirthYear',
  'nearBirthYear', // one year apart
  'differentBirthYear',
  'samePhone',
  'sameAddress',
] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

export interface MatchPerson {
  lastName: string;
  firstName: string;
  patronymic?: string | undefined;
  birthYear?: number | null | undefined;
  phones?: readonly string[] | undefined;
  settlement?: string | undefined;
  street?: string | undefined;
  house?: string | undefined;
  flat?: string | undefined;
}

export interface PairScore {
  score: number;
  verdict: Verdict;
  reasons: MatchReason[];
}

// ---------------------------------------------------------------------------------------------
// Transliteration

const GREEK_DIGRAPHS: Array<[RegExp, string]> = [
  [/ου/g, 'u'],
  [/γκ/g, 'g'],
  [/γγ/g, 'g'],
  [/τσ/g, 'c'],
  [/τζ/g, 'z'],
  [/αυ/g, 'av'],
  [/ευ/g, 'ev'],
  [/αι/g, 'e'],
  [/[εοου]ι/g, 'i'],
];

/** Latin spellings of one sound, longest first (Polish, Ukrainian/Russian and Greek transliterations). */
const LATIN_DIGRAPHS: Array<[RegExp, string]> = [
  [/szcz/g, 's'],
  [/shch/g, 's'],
  [/sch/g, 's'],
  [/tsch/g, 'c'],
  [/sh|sz/g, 's'],
  [/zh|rz/g, 'z'],
  [/cz|ch|tch|ts|tz/g, 'c'],
  [/kh/g, 'h'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/ck/g, 'k'],
  [/ou/g, 'u'],
  [/[iy]?yu|iu/g, 'u'],
  [/[iy]?ya|ia/g, 'a'],
  [/yo|jo/g, 'o'],
  [/ye|je/g, 'e'],
  [/iy|yy|ij|yj|ii/g, 'i'],
  [/ju/g, 'u'],
  [/ja/g, 'a'],
];

/** One letter of any of the three scripts (folded) → its class letter ('' = silent). */
const LETTER: Record<string, string> = {
  // Latin
  a: 'a', b: 'b', c: 'c', d: 'd', e: 'i', f: 'v', g: 'g', h: 'g', i: 'i', j: '', k: 'k', l: 'l', m: 'm',
  n: 'n', o: 'o', p: 'p', q: 'k', r: 'r', s: 's', t: 't', u: 'u', v: 'v', w: 'v', x: 'ks', y: 'i', z: 'z',
  // Cyrillic (Russian and Ukrainian; ё is already е after fold)
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'i', є: 'i', ж: 'z', з: 'z', и: 'i', і: 'i', ї: 'i',
  й: '', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'v', х: 'g',
  ц: 'c', ч: 'c', ш: 's', щ: 's', ъ: '', ы: 'i', ь: '', э: 'i', ю: 'u', я: 'a',
  // Greek (accents already stripped, ς already σ)
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'i', ζ: 'z', η: 'i', θ: 't', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n',
  ξ: 'ks', ο: 'o', π: 'p', ρ: 'r', σ: 's', τ: 't', υ: 'i', φ: 'v', χ: 'g', ψ: 'ps', ω: 'o',
};

const VOWELS = /[aoui]/g;

/**
 * The phonetic form of one word, common to Cyrillic, Latin and Greek: a few class letters
 * (vowels a o u i; e, y, и, η… are i; f/v/w one; g/h/х/χ one; ц/ч/cz/ch one; ш/щ/sz/sh with s;
 * ж/ż/zh with z), doubled letters once.
 */
export function phoneticForm(word: string): string {
  const known = FORMS.get(word);
  if (known !== undefined) return known;
  const form = computeForm(word);
  // Names repeat (a city has a few thousand distinct words): remembered, within a bound.
  if (FORMS.size >= 50_000) FORMS.clear();
  FORMS.set(word, form);
  return form;
}

const FORMS = new Map<string, string>();

function computeForm(word: string): string {
  let w = fold(word);
  for (const [re, to] of GREEK_DIGRAPHS) w = w.replace(re, to);
  for (const [re, to] of LATIN_DIGRAPHS) w = w.replace(re, to);
  let out = '';
  for (const ch of w) {
    const mapped = LETTER[ch] ?? (/[\p{L}\p{N}]/u.test(ch) ? ch : '');
    for (const m of mapped) if (out[out.length - 1] !== m) out += m;
  }
  return out;
}

/** The consonants of the phonetic form (the whole form when it has none): "Щербина" → "srbn". */
export function skeleton(word: string): string {
  const form = phoneticForm(word);
  const consonants = form.replace(VOWELS, '');
  return consonants.length > 0 ? consonants : form;
}

/** Edit distance (small strings): insertions, deletions, substitutions and swaps of two neighbours. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prevPrev[j - 2] as number) + 1);
      cur[j] = d;
    }
    prevPrev = prev;
    prev = cur;
  }
  return prev[n] as number;
}

// ---------------------------------------------------------------------------------------------
// Lookup keys

/**
 * The lookup keys of a name: its surname's and first name's skeletons in sorted order (so the
 * word order does not matter; the patronymic is left out, it is often missing), and the same
 * with one consonant left out of either word (so a one-letter typo still meets: the "deletion
 * neighbourhood"). Stored per resident in resident_match_keys and asked with the same function.
 */
export function matchKeys(p: Pick<MatchPerson, 'lastName' | 'firstName'>): string[] {
  const last = foldedWords(p.lastName).map(skeleton).join('');
  const first = foldedWords(p.firstName).map(skeleton).join('');
  if (last === '' && first === '') return [];
  const pair = (a: string, b: string) => (a <= b ? `${a} ${b}` : `${b} ${a}`);
  const keys = new Set<string>([pair(last, first)]);
  const deletions = (s: string) => (s.length < 2 ? [] : Array.from(s, (_, i) => s.slice(0, i) + s.slice(i + 1)));
  for (const d of deletions(last)) keys.add(pair(d, first));
  for (const d of deletions(first)) keys.add(pair(last, d));
  return [...keys];
}

/**
 * The keys to look a typed or imported person up with: `matchKeys`, and every pair of the name's
 * words whichever field they were typed in (a surname in the patronymic's place, "Сергеевич
 * Иванов" in one field), so that a stored key is met whatever the order.
 */
export function queryKeys(p: Pick<MatchPerson, 'lastName' | 'firstName' | 'patronymic'>): string[] {
  const keys = new Set(matchKeys(p));
  const units = [...new Set([...foldedWords(`${p.lastName} ${p.firstName} ${p.patronymic ?? ''}`)].map(skeleton))];
  for (let i = 0; i < units.length; i++) {
    for (let j = i + 1; j < units.length; j++) {
      const a = units[i] as string;
      const b = units[j] as string;
      keys.add(a <= b ? `${a} ${b}` : `${b} ${a}`);
    }
  }
  return [...keys];
}

// ---------------------------------------------------------------------------------------------
// Scoring

type Role = 'last' | 'first' | 'patronymic';
interface Word {
  role: Role;
  folded: string;
  form: string;
  skel: string;
}

const FIELD_WORDS = new Map<string, Array<Omit<Word, 'role'>>>();

/** The words of one name field, analysed once per distinct text (bounded). */
function fieldWords(text: string): Array<Omit<Word, 'role'>> {
  let words = FIELD_WORDS.get(text);
  if (words === undefined) {
    words = foldedWords(text).map((w) => ({ folded: w, form: phoneticForm(w), skel: skeleton(w) }));
    if (FIELD_WORDS.size >= 50_000) FIELD_WORDS.clear();
    FIELD_WORDS.set(text, words);
  }
  return words;
}

function wordsOf(p: MatchPerson): Word[] {
  const out: Word[] = [];
  const add = (text: string | undefined, role: Role) => {
    for (const w of fieldWords(text ?? '')) out.push({ role, ...w });
  };
  add(p.lastName, 'last');
  add(p.firstName, 'first');
  add(p.patronymic, 'patronymic');
  return out;
}

type Kind = 'same' | 'translit' | 'typo' | 'none';

/** How alike two words are (0..1) and in what way. */
function wordSimilarity(a: Word, b: Word): { sim: number; kind: Kind } {
  if (a.folded === b.folded) return { sim: 1, kind: 'same' };
  if (a.form === b.form) return { sim: 0.97, kind: 'translit' };
  const len = Math.max(a.form.length, b.form.length);
  const distance = editDistance(a.form, b.form);
  let byForm = 1 - distance / len;
  // One slip of the pen in a short name (Юрий / Юий) when the first letter agrees (Анна / Инна do not).
  if (distance === 1 && len >= 3 && a.form[0] === b.form[0]) byForm = Math.max(byForm, 0.75);
  if (a.skel === b.skel && a.skel.length >= 2) {
    // The same consonants: a transliteration (Olena / Elena / Ελένη) or a vowel typo.
    return { sim: Math.max(0.9, byForm), kind: 'translit' };
  }
  const sim = byForm >= 0.7 ? byForm : 0;
  return { sim, kind: sim > 0 ? 'typo' : 'none' };
}

const WEIGHT: Record<Role, number> = { last: 0.5, first: 0.4, patronymic: 0.1 };

/** Pairs the words of two names (best pairs first, any order) and scores the name. */
function nameScore(a: Word[], b: Word[]): { score: number; reasons: Set<MatchReason> } {
  const reasons = new Set<MatchReason>();
  const pairs: Array<{ i: number; j: number; sim: number; kind: Kind }> = [];
  a.forEach((wa, i) =>
    b.forEach((wb, j) => {
      const s = wordSimilarity(wa, wb);
      // A patronymic pairs with a patronymic first: a small bonus breaks ties the right way.
      const bonus = (wa.role === 'patronymic') === (wb.role === 'patronymic') ? 0.001 : 0;
      if (s.sim > 0) pairs.push({ i, j, sim: s.sim + bonus, kind: s.kind });
    }),
  );
  pairs.sort((x, y) => y.sim - x.sim);
  const matchA = new Map<number, { j: number; sim: number; kind: Kind }>();
  const usedB = new Set<number>();
  for (const p of pairs) {
    if (matchA.has(p.i) || usedB.has(p.j)) continue;
    matchA.set(p.i, { j: p.j, sim: Math.min(1, p.sim), kind: p.kind });
    usedB.add(p.j);
  }
  const roleSim = (side: Word[], role: Role, match: (i: number) => number) => {
    const idx = side.map((w, i) => (w.role === role ? i : -1)).filter((i) => i >= 0);
    if (idx.length === 0) return null;
    return idx.reduce((s, i) => s + match(i), 0) / idx.length;
  };
  const simA = (i: number) => matchA.get(i)?.sim ?? 0;
  let score = 0;
  let unmatched = false;
  for (const role of ['last', 'first'] as const) {
    const sim = roleSim(a, role, simA) ?? 0;
    if (sim === 0) unmatched = true;
    score += WEIGHT[role] * sim;
  }
  // A surname or first name that matches nothing on the other side (a spouse, a relative at the
  // same address): the rest of the evidence must not make them a "maybe".
  if (unmatched) score -= 0.15;
  const aHasP = a.some((w) => w.role === 'patronymic');
  const bHasP = b.some((w) => w.role === 'patronymic');
  if (aHasP && bHasP) {
    const p = roleSim(a, 'patronymic', simA) ?? 0;
    score += WEIGHT.patronymic * p;
    if (p < 0.7) {
      score -= 0.3;
      reasons.add('differentPatronymic');
    }
  } else if (aHasP !== bHasP) {
    score += WEIGHT.patronymic * 0.8;
    reasons.add('noPatronymic');
  } else {
    score += WEIGHT.patronymic;
  }
  let allSame = true;
  for (const [i, m] of matchA) {
    const wa = a[i] as Word;
    const wb = b[m.j] as Word;
    if (m.kind !== 'same') allSame = false;
    if (m.kind === 'translit') reasons.add('transliterated');
    if (m.kind === 'typo') reasons.add('typo');
    if (wa.role !== 'patronymic' && wb.role !== 'patronymic' && wa.role !== wb.role && m.sim >= 0.7) reasons.add('wordOrder');
  }
  if (allSame && matchA.size > 0) reasons.add('sameName');
  return { score, reasons };
}

function addressKey(p: MatchPerson): string {
  const parts = [p.settlement, p.street, p.house].map((s) => foldedWords(s ?? '').join(' '));
  if (parts[1] === '' || parts[2] === '') return '';
  return [...parts, foldedWords(p.flat ?? '').join(' ')].join('|');
}

const clamp = (x: number) => Math.max(0, Math.min(1, x));

export function verdictOf(score: number): Verdict {
  return score >= SAME_THRESHOLD ? 'same' : score >= MAYBE_THRESHOLD ? 'maybe' : 'different';
}

/**
 * A person analysed once for scoring (words, phone numbers, address key): comparing one person
 * with many (an import's rows against the register) then does not fold the same text again.
 */
export interface PreparedPerson {
  words: Word[];
  birthYear: number | null;
  phones: string[];
  nationals: Set<string>;
  address: string;
}

export function preparePerson(p: MatchPerson): PreparedPerson {
  const phones = (p.phones ?? []).map(nationalNumber);
  return { words: wordsOf(p), birthYear: p.birthYear ?? null, phones, nationals: new Set(phones.filter((n) => n.length >= 5)), address: addressKey(p) };
}

/**
 * Two birth years two or more apart can never make "same": the name scores at most 1, the years
 * take 0.5 off, a phone and an address add at most 0.2 (0.70 < SAME_THRESHOLD). Lets a caller skip
 * the scoring of such pairs without changing any verdict.
 */
export function cannotBeSame(a: { birthYear?: number | null | undefined }, b: { birthYear?: number | null | undefined }): boolean {
  const ya = a.birthYear ?? null;
  const yb = b.birthYear ?? null;
  return ya !== null && yb !== null && Math.abs(ya - yb) >= 2;
}

/** How likely two records are the same person, why, and the verdict. Pure; symmetric in practice. */
export function scorePair(a: MatchPerson, b: MatchPerson): PairScore {
  return scorePrepared(preparePerson(a), preparePerson(b));
}

/** scorePair of two prepared persons (the same answer). */
export function scorePrepared(a: PreparedPerson, b: PreparedPerson): PairScore {
  const name = nameScore(a.words, b.words);
  const reasons = name.reasons;
  let score = name.score;
  const ya = a.birthYear;
  const yb = b.birthYear;
  if (ya !== null && yb !== null) {
    const d = Math.abs(ya - yb);
    if (d === 0) {
      score += 0.1;
      reasons.add('sameBirthYear');
    } else if (d === 1) {
      score -= 0.05;
      reasons.add('nearBirthYear');
    } else {
      score -= 0.5;
      reasons.add('differentBirthYear');
    }
  }
  if (b.phones.some((p) => a.nationals.has(p))) {
    score += 0.15;
    reasons.add('samePhone');
  }
  if (a.address !== '' && a.address === b.address) {
    score += 0.05;
    reasons.add('sameAddress');
  }
  const s = Math.round(clamp(score) * 1000) / 1000;
  return { score: s, verdict: verdictOf(s), reasons: MATCH_REASONS.filter((r) => reasons.has(r)) };
}

// ---------------------------------------------------------------------------------------------
// What the calls answer (residents.findDuplicates, residents.duplicatePairs, residents.merge)


export const VERDICTS = ['same', 'maybe', 'different'] as const;

/** How a candidate matched: the score (0..1), the verdict and why (reason codes, translated on screens). */
const matchShape = {
  score: pub(z.number().min(0).max(1)),
  verdict: pub(z.enum(VERDICTS)),
  // Reasons speak of names, birth years, phones and addresses: the person's identity.
  reasons: identity(z.array(z.enum(MATCH_REASONS))),
};

export const duplicateCandidateSchema = residentSummarySchema.extend(matchShape);
export type DuplicateCandidate = z.output<typeof duplicateCandidateSchema>;

export const duplicatePairSchema = out({ a: pub(residentSummarySchema), b: pub(residentSummarySchema), ...matchShape });
export const duplicatePairsPageSchema = out({
  pairs: pub(z.array(duplicatePairSchema)),
  /** Where the next page starts (the last resident id looked at); null at the end of the register. */
  nextCursor: pub(z.number().int().nullable()),
});
export type DuplicatePairsPage = z.output<typeof duplicatePairsPageSchema>;

/** The fields of a merge, each taken from the survivor's record or from the other's. */
export const MERGE_FIELDS = ['lastName', 'firstName', 'patronymic', 'birthYear', 'address', 'phones', 'notes', 'situations'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export const mergeFieldsSchema = z
  .object(Object.fromEntries(MERGE_FIELDS.map((f) => [f, z.enum(['survivor', 'other']).default('survivor')])) as Record<MergeField, z.ZodDefault<z.ZodEnum<{ survivor: 'survivor'; other: 'other' }>>>)
  .default(Object.fromEntries(MERGE_FIELDS.map((f) => [f, 'survivor'])) as Record<MergeField, 'survivor'>);

/** A record merged into this one, as its page shows it ("merged from …"). */
export const mergedFromSchema = out({
  mergedId: pub(z.number().int()),
  fullName: identity(z.string()),
  birthYear: identity(z.number().int().nullable()),
  mergedAt: pub(z.string()),
  mergedBy: pub(z.string()),
});
export type MergedFrom = z.output<typeof mergedFromSchema>;
