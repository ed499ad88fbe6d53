import type { Executor } from './schema';

/** The phones of several people as typed, in their order: residents' or volunteers'. */
export async function phonesOf(ex: Executor, table: 'resident_phones' | 'volunteer_phones', ids: number[]): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  if (ids.length === 0) return map;
  const rows =
    table === 'resident_phones'
      ? await ex.selectFrom('resident_phones').select(['resident_id as owner', 'raw']).where('resident_id', 'in', ids).orderBy('resident_id').orderBy('position').execute()
      : await ex.selectFrom('volunteer_phones').select(['volunteer_id as owner', 'raw']).where('volunteer_id', 'in', ids).orderBy('volunteer_id').orderBy('position').execute();
  for (const r of rows) {
    const list = map.get(r.owner) ?? [];
    list.push(r.raw);
    map.set(r.owner, list);
  }
  return map;
}
