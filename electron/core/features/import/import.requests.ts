/**
 * Import of a request history (issue 15): each row a resident's request — who (name and birth year,
 * found with the one duplicate matcher, import/duplicates.ts `findSameMany`: the resident the
 * matcher calls "same"), the kind of help (by its label in any of the five languages or the
 * centre's own name), the day, the status (a history: a row without one is done), urgency,
 * channel and text. A resident not found, or more than one found, rejects the row with the reason;
 * the same resident, kind and day as a request already registered (or an earlier row) is a
 * duplicate. Written with requests.repo insertRequest and insertHistory, as "new request" and a
 * status change write them; the request's day is the row's.
 */
import type { ImportFieldOf } from '../../../../shared/domain/imports';
import { CHANNELS, REQUEST_STATUSES, URGENCIES, type Channel, type RequestStatus, type Urgency } from '../../../../shared/domain/requests';
import { cellsOf, labelIndex, wordKey, type KindImporter, type KindRow, type Resolution } from './import.rows';
import { CHANNEL_LABELS, KIND_LABELS, STATUS_LABELS, URGENCY_LABELS } from './import.labels';
import { readBirthYear, readDate, splitFullName } from './read/cells';
import type { KnownOrder } from './read/names';
import { findSameMany } from './duplicates';
import { insertHistory, insertRequest } from '../requests/requests.repo';

type Field = ImportFieldOf<'requests'>;

export interface RequestRow {
  lastName: string;
  firstName: string;
  patronymic: string;
  birthYear: number | null;
  kind: string;
  date: string;
  status: RequestStatus;
  urgency: Urgency;
  channel: Channel;
  description: string;
}
interface RequestValue {
  row: RequestRow;
  residentId: number;
  kindId: number;
}

const STATUS_INDEX = labelIndex(REQUEST_STATUSES, STATUS_LABELS, {
  done: ['выполнено', 'выполнен', 'сделано', 'виконано', 'зроблено', 'done', 'completed', 'wykonane', 'zrobione', 'ολοκληρωθηκε', 'εγινε'],
  cancelled: ['отменено', 'отмена', 'скасовано', 'cancelled', 'canceled', 'anulowane', 'ακυρωθηκε'],
  inProgress: ['в работе', 'в роботі', 'in progress', 'w toku', 'σε εξελιξη'],
  new: ['новое', 'новий', 'нове', 'new', 'nowe', 'νεο'],
});
const URGENCY_INDEX = labelIndex(URGENCIES, URGENCY_LABELS, { urgent: ['срочно', 'терміново', 'urgent', 'pilne', 'επειγον'] });
const CHANNEL_INDEX = labelIndex(CHANNELS, CHANNEL_LABELS, { phone: ['телефон', 'phone', 'telefon', 'τηλεφωνο'], walkIn: ['лично', 'особисто', 'osobiście', 'osobiscie', 'in person', 'αυτοπροσωπως'] });
const KIND_INDEX_LABELS = KIND_LABELS;

function prepare(header: string[], r: Parameters<KindImporter<RequestRow, RequestValue>['prepare']>[1], mapping: Parameters<KindImporter<RequestRow, RequestValue>['prepare']>[2], ctx: { today: string; thisYear: number; nameOrder?: KnownOrder | null | undefined }): KindRow<RequestRow> {
  const c = cellsOf<Field>('requests', header, r, mapping);
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
  if (lastName === '' || firstName === '') return c.reject(name, 'validation.required', c.col('fullName') ?? c.col(lastName === '' ? 'lastName' : 'firstName'));
  let birthYear: number | null = null;
  for (const f of ['birthDate', 'birthYear'] as const) {
    if (c.get(f) === '') continue;
    const y = readBirthYear(c.get(f), ctx.thisYear);
    if (!y.ok) return c.reject(name, y.error, c.col(f));
    birthYear = y.value;
  }
  const date = readDate(c.get('date'));
  if (!date.ok) return c.reject(name, c.get('date') === '' ? 'validation.required' : date.error, c.col('date'));
  if (date.value > ctx.today) return c.reject(name, 'validation.dateInFuture', c.col('date'));
  if (c.get('kind') === '') return c.reject(name, 'validation.required', c.col('kind'));
  const pick = <T extends string>(field: Field, index: Map<string, string>, fallback: T): T | null => (c.get(field) === '' ? fallback : ((index.get(wordKey(c.get(field))) as T | undefined) ?? null));
  const status = pick<RequestStatus>('status', STATUS_INDEX, 'done');
  if (status === null) return c.reject(name, 'validation.importStatus', c.col('status'));
  const urgency = pick<Urgency>('urgency', URGENCY_INDEX, 'normal');
  if (urgency === null) return c.reject(name, 'validation.invalid', c.col('urgency'));
  const channel = pick<Channel>('channel', CHANNEL_INDEX, 'walkIn');
  if (channel === null) return c.reject(name, 'validation.invalid', c.col('channel'));
  if (c.get('text').length > 4000) return c.reject(name, 'validation.tooLong', c.col('text'));
  return c.ok(name, { lastName, firstName, patronymic, birthYear, kind: c.get('kind'), date: date.value, status, urgency, channel, description: c.get('text') });
}

export const requestsImport: KindImporter<RequestRow, RequestValue> = {
  prepare,

  async resolve(ex, rows) {
    const data = rows.map((r) => r.data as RequestRow);
    const same = await findSameMany(
      ex,
      data.map((d) => ({ lastName: d.lastName, firstName: d.firstName, patronymic: d.patronymic, birthYear: d.birthYear, phones: [] })),
    );
    const kinds = await ex.selectFrom('service_kinds').select(['id', 'code', 'name']).execute();
    const kindIndex = labelIndex(
      kinds.flatMap((k) => (k.code !== null ? [k.code] : [])),
      KIND_INDEX_LABELS,
    );
    const kindOf = (text: string) => {
      const code = kindIndex.get(wordKey(text));
      return kinds.find((k) => k.name !== null && wordKey(k.name) === wordKey(text)) ?? (code !== undefined ? kinds.find((k) => k.code === code) : undefined);
    };
    // Requests already registered for these residents (by the index requests_resident).
    const residentIds = [...new Set(same.flatMap((s) => (s.length === 1 ? [(s[0] as { id: number }).id] : [])))];
    const registered = new Map<string, number>();
    for (let i = 0; i < residentIds.length; i += 500) {
      const found = await ex.selectFrom('requests').select(['id', 'resident_id', 'kind_id', 'created_on']).where('resident_id', 'in', residentIds.slice(i, i + 500)).execute();
      for (const f of found) registered.set(`${f.resident_id}|${f.kind_id}|${f.created_on}`, f.id);
    }
    const seen = new Map<string, number>();
    return rows.map((r, i): Resolution<RequestValue> => {
      const d = data[i] as RequestRow;
      const who = same[i] ?? [];
      const nameColumn = r.columns.fullName ?? r.columns.lastName ?? null;
      if (who.length === 0) return { outcome: 'rejected', reason: 'validation.importResidentNotFound', column: nameColumn };
      if (who.length > 1) return { outcome: 'rejected', reason: 'validation.importResidentAmbiguous', column: nameColumn };
      const kind = kindOf(d.kind);
      if (!kind) return { outcome: 'rejected', reason: 'validation.importUnknownKind', column: r.columns.kind ?? null };
      const residentId = (who[0] as { id: number }).id;
      const key = `${residentId}|${kind.id}|${d.date}`;
      const known = registered.get(key);
      if (known !== undefined) return { outcome: 'duplicate', reason: 'validation.importSameRequest', matchId: known };
      const earlier = seen.get(key);
      if (earlier !== undefined) return { outcome: 'duplicate', reason: 'validation.importSameInFile', matchRow: earlier };
      seen.set(key, r.row);
      return { outcome: 'create', value: { row: d, residentId, kindId: kind.id } };
    });
  },

  async write(trx, values, actor, at, onWritten) {
    const ids: number[] = [];
    for (const v of values) {
      const id = await insertRequest(trx, { residentId: v.residentId, kindId: v.kindId, urgency: v.row.urgency, channel: v.row.channel, description: v.row.description }, actor.id, at, v.row.date);
      if (v.row.status !== 'new') {
        await trx.updateTable('requests').set({ status: v.row.status }).where('id', '=', id).execute();
        await insertHistory(trx, { requestId: id, from: 'new', to: v.row.status, note: '' }, actor.id, at);
      }
      ids.push(id);
      if (ids.length % 100 === 0) onWritten?.(ids.length);
    }
    return ids;
  },
};
