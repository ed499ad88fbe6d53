/**
 * The ranked "starts with" search over a search-terms table (one row per folded word and per
 * phone-digit suffix of a person; see residents.repo.ts searchTerms). Used for residents and
 * volunteers alike: every typed word must be the start of one of the person's terms; the score
 * prefers lower ranks (last name before other words, address, phone), an exact term, then the
 * closest term (the fewest letters beyond what was typed: петр → Петров before Петренко).
 */
import { sql, type RawBuilder } from 'kysely';
import { foldedWords, prefixUpperBound } from '../../../shared/domain/text';
import { phoneQueryVariants } from '../../../shared/domain/phone';

type TermsTable = 'resident_search_terms' | 'volunteer_search_terms';
type OwnerColumn = 'resident_id' | 'volunteer_id';

export interface ParsedQuery {
  /** Folded words (or the digits of a phone-like query); empty when nothing was typed. */
  words: string[];
  phoneLike: boolean;
}

export function parseQuery(q: string): ParsedQuery {
  const phoneLike = /^[\d\s\-()+.]+$/.test(q.trim()) && q.replace(/\D/g, '').length >= 3;
  return { phoneLike, words: phoneLike ? [q.replace(/\D/g, '')] : foldedWords(q) };
}

/** What one typed word may match: folded word prefixes, or phone digit variants. */
export function wordPrefixes(word: string): string[] {
  if (/^\d+$/.test(word) && word.length >= 3) return [...new Set([word, ...phoneQueryVariants(word)])];
  return [word];
}

function termMatches(alias: 't' | 'u', prefixes: string[]) {
  return sql.join(
    prefixes.map((p) => sql`(${sql.ref(`${alias}.term`)} >= ${p} and ${sql.ref(`${alias}.term`)} < ${prefixUpperBound(p)})`),
    sql` or `,
  );
}

/**
 * `select <owner> as owner_id, score from …` for a non-empty parsed query; join it to the people
 * table and order by score, then name. Driven by the longest word, which has the fewest matches.
 */
export function rankedMatches(table: TermsTable, owner: OwnerColumn, query: string, parsed: ParsedQuery): RawBuilder<unknown> {
  const variants = parsed.phoneLike ? phoneQueryVariants(query) : [];
  const sorted = [...parsed.words].sort((a, b) => b.length - a.length);
  const driver = sorted[0] ?? '';
  const others = sorted.slice(1, 6);
  const driverPrefixes = parsed.phoneLike ? variants : wordPrefixes(driver);
  const exact = parsed.phoneLike ? (variants[variants.length - 1] ?? driver) : driver;
  return sql`
    select ${sql.ref(`t.${owner}`)} as owner_id, min((t.rank * 2 + case when t.term = ${exact} then 0 else 1 end) * 1000 + length(t.term)) as score
    from ${sql.table(table)} t
    where (${termMatches('t', driverPrefixes)})
    ${sql.join(
      others.map(
        (w) =>
          sql`and exists (select 1 from ${sql.table(table)} u where ${sql.ref(`u.${owner}`)} = ${sql.ref(`t.${owner}`)} and (${termMatches('u', wordPrefixes(w))}))`,
      ),
      sql` `,
    )}
    group by ${sql.ref(`t.${owner}`)}`;
}
