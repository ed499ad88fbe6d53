import type { Executor } from './schema';

/** Ids per query: far under SQLite's limit of bound variables, however many people are asked. */
const IDS_PER_QUERY = 500;

/** The phones of several people as typed, in their order: residents' or volunteers'. */
export async function phonesOf(ex: Executor, table: 'resident_phones' | 'volunteer_phones', ids: number[]): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  // An import's duplicate check asks for tens of thousands of candidates at city scale: in chunks.
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const part = ids.slice(i, i + IDS_PER_QUERY);
    const rows =
      table === 'resident_phones'
        ? await ex.selectFrom('resident_phones').select(['resident_id as owner', 'raw']).where('resident_id', 'in', part).orderBy('resident_id').orderBy('position').execute()
        : await ex.selectFrom('volunteer_phones').select(['volunteer_id as owner', 'raw']).where('volunteer_id', 'in', part).orderBy('volunteer_id').orderBy('position').execute();
    for (const r of rows) {
      const list = map.get(r.owner) ?? [];
      list.push(r.raw);
      map.set(r.owner, list);
    }
  }
  return map;
}
