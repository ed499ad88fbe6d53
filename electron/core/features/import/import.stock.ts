/**
 * Import of in-kind aid received (issue 15): each row an item (name, size or variant, unit), the
 * quantity received, the day, the donor, its value and a note. The item is the centre's item of
 * that name and size (folded), or a new one added to the list; an archived item refuses the row.
 * Written through the aid feature's own write (aid.repo insertMovement, kind `received`), which
 * moves the item's stock column in the same transaction, so the stock list stays the sum of the
 * history.
 */
import { AID_UNITS, MAX_QUANTITY, type AidUnit } from '../../../../shared/domain/aid';
import type { ImportFieldOf } from '../../../../shared/domain/imports';
import { cellsOf, labelIndex, wordKey, type KindImporter, type KindRow, type Resolution } from './import.rows';
import { UNIT_LABELS } from './import.labels';
import { readAmount, readDate } from './read/cells';
import { insertMovement } from '../aid/aid.repo';
import { readSettings } from '../settings/settings.service';

type Field = ImportFieldOf<'stock'>;

export interface StockRow {
  item: string;
  size: string;
  unit: AidUnit | null;
  quantity: number;
  date: string;
  donor: string;
  valueMinor: number | null;
  note: string;
}
interface StockValue {
  row: StockRow;
  /** The item's id, or null: a new item (the same new item for rows of the same name and size). */
  itemId: number | null;
}

const UNIT_INDEX = labelIndex(AID_UNITS, UNIT_LABELS, {
  piece: ['шт', 'шт.', 'штук', 'штука', 'pcs', 'pc', 'szt', 'szt.', 'τεμ', 'τεμ.', 'τεμαχιο'],
  pair: ['пар', 'пара', 'pair', 'pairs', 'para', 'par', 'ζευγαρι'],
  kg: ['кг', 'kg', 'κιλα'],
  litre: ['л', 'л.', 'l', 'litr', 'λιτρα'],
  pack: ['уп', 'уп.', 'упак', 'op', 'op.', 'opak', 'συσκ'],
  m3: ['м3', 'м³', 'm3', 'm³', 'куб', 'кубометр'],
});

function prepare(header: string[], r: Parameters<KindImporter<StockRow, StockValue>['prepare']>[1], mapping: Parameters<KindImporter<StockRow, StockValue>['prepare']>[2], ctx: { today: string }): KindRow<StockRow> {
  const c = cellsOf<Field>('stock', header, r, mapping);
  const name = [c.get('item'), c.get('size')].filter((s) => s !== '').join(', ');
  if (c.shapeProblem) return c.reject(name, c.shapeProblem, null);
  if (c.get('item') === '') return c.reject(name, 'validation.required', c.col('item'));
  if (c.get('item').length > 120) return c.reject(name, 'validation.tooLong', c.col('item'));
  if (c.get('size').length > 40) return c.reject(name, 'validation.tooLong', c.col('size'));
  let unit: AidUnit | null = null;
  if (c.get('unit') !== '') {
    const u = UNIT_INDEX.get(wordKey(c.get('unit')));
    if (!u) return c.reject(name, 'validation.importUnit', c.col('unit'));
    unit = u as AidUnit;
  }
  const q = c.get('quantity').replace(/\s/g, '');
  if (q === '') return c.reject(name, 'validation.required', c.col('quantity'));
  if (!/^\d+([.,]0+)?$/.test(q)) return c.reject(name, 'validation.number', c.col('quantity'));
  const quantity = Number(q.replace(/[.,]0+$/, ''));
  if (quantity < 1 || quantity > MAX_QUANTITY) return c.reject(name, 'validation.range', c.col('quantity'));
  let date = ctx.today;
  if (c.get('date') !== '') {
    const d = readDate(c.get('date'));
    if (!d.ok) return c.reject(name, d.error, c.col('date'));
    if (d.value > ctx.today) return c.reject(name, 'validation.dateInFuture', c.col('date'));
    date = d.value;
  }
  let valueMinor: number | null = null;
  if (c.get('value') !== '') {
    const v = readAmount(c.get('value'), mapping.language, 'EUR');
    if (!v.ok) return c.reject(name, v.error, c.col('value'));
    valueMinor = v.value;
  }
  if (c.get('donor').length > 200) return c.reject(name, 'validation.tooLong', c.col('donor'));
  if (c.get('notes').length > 500) return c.reject(name, 'validation.tooLong', c.col('notes'));
  return c.ok(name, { item: c.get('item'), size: c.get('size'), unit, quantity, date, donor: c.get('donor'), valueMinor, note: c.get('notes') });
}

const itemKey = (name: string, size: string) => `${wordKey(name)}|${wordKey(size)}`;

export const stockImport: KindImporter<StockRow, StockValue> = {
  prepare,

  async resolve(ex, rows) {
    const items = await ex.selectFrom('aid_items').select(['id', 'name', 'size', 'unit', 'archived_at']).execute();
    const byKey = new Map(items.map((i) => [itemKey(i.name, i.size), i]));
    return rows.map((r): Resolution<StockValue> => {
      const d = r.data as StockRow;
      const item = byKey.get(itemKey(d.item, d.size));
      if (!item) return { outcome: 'create', value: { row: d, itemId: null } };
      if (item.archived_at !== null) return { outcome: 'rejected', reason: 'validation.unknownItem', column: r.columns.item ?? null };
      if (d.unit !== null && d.unit !== item.unit) return { outcome: 'rejected', reason: 'validation.importUnitOfItem', column: r.columns.unit ?? null };
      return { outcome: 'create', value: { row: d, itemId: item.id } };
    });
  },

  async write(trx, values, actor, at, onWritten) {
    const currency = values.some((v) => v.row.valueMinor !== null) ? ((await readSettings(trx))?.currency ?? null) : null;
    const added = new Map<string, number>();
    const ids: number[] = [];
    for (const v of values) {
      let itemId = v.itemId;
      if (itemId === null) {
        const key = itemKey(v.row.item, v.row.size);
        itemId = added.get(key) ?? null;
        if (itemId === null) {
          itemId = (
            await trx
              .insertInto('aid_items')
              .values({ name: v.row.item, size: v.row.size, unit: v.row.unit ?? 'piece', archived_at: null, created_at: at, created_by: actor.id })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
          added.set(key, itemId);
        }
      }
      ids.push(
        await insertMovement(trx, {
          item_id: itemId,
          kind: 'received',
          on_date: v.row.date,
          delta: v.row.quantity,
          corrects_id: null,
          from_whom: v.row.donor,
          value_minor: currency === null ? null : v.row.valueMinor,
          currency: v.row.valueMinor === null ? null : currency,
          resident_id: null,
          household_id: null,
          event_id: null,
          head_count: null,
          reason: null,
          note: v.row.note,
          created_at: at,
          created_by: actor.id,
        }),
      );
      if (ids.length % 100 === 0) onWritten?.(ids.length);
    }
    return ids;
  },
};
