import { useEffect, useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ADJUST_REASONS, AID_UNITS, type AdjustReason, type AidUnit } from '../../../shared/domain/aid';
import { parseAmount } from '../../../shared/domain/amounts';
import type { ResidentSummary } from '../../../shared/domain/residents';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, RequiredLegend } from '../../ui/Field';
import { signedWholeNumber, wholeNumber } from '../../ui/formNumbers';
import { useCallForm } from '../../ui/useCallForm';
import { setterOf } from '../../ui/PanelForm';
import { KeyForm } from '../../ui/KeyForm';
import { useFormat } from '../../ui/format';
import { ResidentPicker } from '../requests/ResidentPicker';
import { useAidText, useBelowZero } from './aidText';
import '../board/print.css';
import './aid.css';
import { DateInput } from '../../ui/DateInput';

/**
 * /aid: the in-kind aid stock (items with what is on the shelf). Coordinators and admins add
 * items, record what was received and adjust the stock with a reason; the front desk goes on to
 * the distribution day; the treasurer reads the stock and (in an item's history) the values.
 */
export function AidStockScreen() {
  const text = useAidText();
  const { t } = text;
  const navigate = useNavigate();
  const items = useCall('aid.items', {});
  const status = useCall('app.status', {});
  const role = status.data?.user.role;
  const manage = role === 'coordinator' || role === 'admin';
  if (items.isError) return <ErrorNotice error={items.error} />;
  return (
    <section aria-labelledby="aid-title">
      <div className="page-head">
        <h1 id="aid-title">{t('aid:stock.title')}</h1>
        {role !== 'treasurer' ? (
          <Link to="/aid/day" className="button primary">
            {t('aid:stock.day')}
          </Link>
        ) : null}
      </div>
      {items.data && items.data.items.length === 0 ? <p className="muted">{t('aid:stock.empty')}</p> : null}
      {items.data && items.data.items.length > 0 ? (
        <DataTable
          className="aid-stock"
          data={items.data.items}
          caption={t('aid:stock.title')}
          empty={t('aid:stock.empty')}
          rowKey={(i) => String(i.id)}
          rowLabel={(i) => text.item(i)}
          {...(role !== 'frontdesk' ? { onOpen: (i: Item) => void navigate(`/aid/items/${i.id}`) } : {})}
          columns={((col) => [
            col('item', t('aid:stock.item'), (i) => i.name, { value: (i) => i.name }),
            col('size', t('aid:stock.size'), (i) => i.size, { value: (i) => i.size }),
            col('unit', t('aid:stock.unit'), (i) => t(`aid:unitName.${i.unit}`), { value: (i) => t(`aid:unitName.${i.unit}`) }),
            col('stock', t('aid:stock.stock'), (i) => <span className={i.stock < 0 ? 'negative' : undefined}>{text.qty(i.stock, i.unit)}</span>, { value: (i) => i.stock, align: 'num' }),
            ...(role !== 'frontdesk' ? [col('history', t('aid:stock.history'), (i) => <Link to={`/aid/items/${i.id}`}>{t('aid:stock.history')}</Link>)] : []),
          ])(columnsOf(items.data.items))}
        />
      ) : null}
      {manage && status.data ? (
        <div className="aid-forms">
          <ReceiveForm items={items.data?.items ?? []} today={status.data.today} currency={status.data.settings?.currency ?? 'EUR'} />
          <AdjustForm items={items.data?.items ?? []} />
          <AddItemForm />
        </div>
      ) : null}
    </section>
  );
}

type Item = { id: number; name: string; size: string; unit: AidUnit; stock: number };

function ItemSelect({ items, value, onChange, label, error, autoFocus, required }: { items: Item[]; value: string; onChange: (v: string) => void; label: string; error?: string | undefined; autoFocus?: boolean; required?: boolean }) {
  return (
    <Field label={label} error={error} required={required}>
      {(p) => (
        <select {...p} autoFocus={autoFocus} value={value} onChange={(e) => onChange(e.target.value)}>
          <ItemOptions items={items} />
        </select>
      )}
    </Field>
  );
}

/** The items to choose from, each with what is on the shelf, after "—" (none chosen yet). */
function ItemOptions({ items }: { items: Item[] }) {
  const text = useAidText();
  return (
    <>
      <option value="">—</option>
      {items.map((i) => (
        <option key={i.id} value={String(i.id)}>
          {text.withStock(i)}
        </option>
      ))}
    </>
  );
}

interface AddItemValues {
  name: string;
  size: string;
  unit: AidUnit;
}

/** A new item, checked with aid.addItem's own schema (a name is required); the unit stays for the next item. */
function AddItemForm() {
  const { t } = useAidText();
  const add = useMutate('aid.addItem');
  const [done, setDone] = useState(false);
  const f = useCallForm({
    call: 'aid.addItem',
    defaultValues: { name: '', size: '', unit: 'piece' } as AddItemValues,
    toInput: (v: AddItemValues) => ({ name: v.name, size: v.size, unit: v.unit }),
    onSubmit: async (input) => {
      setDone(false);
      await add.mutateAsync(input);
      setDone(true);
      // The next item of the same kind: its name is typed next.
      window.setTimeout(() => f.form.setFocus('name'), 0);
    },
    // Sizes of one thing come in a row ("Children's shoes" 28, 30, 31): the unit stays.
    afterSave: (v) => ({ ...v, name: '', size: '' }),
  });
  /** A message goes away as soon as its field is changed. */
  const register = (name: keyof AddItemValues) => f.form.register(name, { onChange: () => f.form.clearErrors(name) });
  return (
    <KeyForm className="card" aria-label={t('aid:add.title')} onSubmit={f.submit}>
      <h2>{t('aid:add.title')}</h2>
      <RequiredLegend />
      <Field label={t('aid:add.name')} error={f.error('name')} required>
        {(p) => <input {...p} autoComplete="off" {...register('name')} />}
      </Field>
      <Field label={t('aid:add.size')} error={f.error('size')}>
        {(p) => <input {...p} autoComplete="off" {...register('size')} />}
      </Field>
      <Field label={t('aid:add.unit')} error={f.error('unit')} required>
        {(p) => (
          <select {...p} {...register('unit')}>
            {AID_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`aid:unitName.${u}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {f.notice}
      {done ? <p className="notice notice-success" role="status">{t('aid:add.done')}</p> : null}
      <div className="actions">
        <button type="submit" disabled={add.isPending || f.saving}>
          {t('aid:add.submit')}
        </button>
      </div>
    </KeyForm>
  );
}

interface ReceiveValues {
  /** The item's id as chosen, '' for none yet. */
  itemId: string;
  /** As typed: read with the one number reader (not a whole number goes as NaN, refused by the schema). */
  quantity: string;
  fromWhom: string;
  /** As typed, in the centre's currency; '' for no value. */
  value: string;
  on: string;
}

/** Aid received, checked with aid.receive's own schema: an item and a quantity are required. */
function ReceiveForm({ items, today, currency }: { items: Item[]; today: string; currency: string }) {
  const text = useAidText();
  const { t } = text;
  const receive = useMutate('aid.receive');
  const [done, setDone] = useState(false);
  /** The one amount reader of the app (shared/domain/amounts.ts), in the UI language. */
  const amount = (typed: string) => parseAmount(typed, document.documentElement.lang || 'en', currency);
  const f = useCallForm({
    call: 'aid.receive',
    defaultValues: { itemId: '', quantity: '', fromWhom: '', value: '', on: today } as ReceiveValues,
    toInput: (v: ReceiveValues) => {
      const value = amount(v.value);
      return {
        itemId: v.itemId === '' ? Number.NaN : Number(v.itemId),
        quantity: wholeNumber(v.quantity, Number.NaN),
        fromWhom: v.fromWhom,
        valueMinor: v.value.trim() === '' ? null : value.ok ? value.minor : Number.NaN,
        on: v.on,
      };
    },
    fieldOf: (path) => (path === 'valueMinor' ? 'value' : path === 'itemId' || path === 'quantity' || path === 'fromWhom' || path === 'on' ? path : null),
    onSubmit: async (input) => {
      setDone(false);
      await receive.mutateAsync(input);
      setDone(true);
    },
    // The next receipt of the same item from the same donor: only the quantity and value are typed again.
    afterSave: (v) => ({ ...v, quantity: '', value: '' }),
  });
  const { watch, clearErrors } = f.form;
  const set = setterOf(f.form);
  /** A message goes away as soon as its field is changed. */
  const register = (name: 'quantity' | 'fromWhom' | 'value') => f.form.register(name, { onChange: () => clearErrors(name) });
  const [itemId, value, on] = watch(['itemId', 'value', 'on']);
  // Nothing chosen or typed: missing rather than wrong; an amount not read: the reader's own words.
  const itemError = f.missingOr('itemId');
  const quantityError = f.missingOr('quantity');
  const parsed = amount(value);
  const valueError = f.error('value') !== undefined && !parsed.ok && value.trim() !== '' ? parsed.error : f.error('value');
  return (
    <KeyForm className="card" aria-label={t('aid:receive.title')} onSubmit={f.submit}>
      <h2>{t('aid:receive.title')}</h2>
      <RequiredLegend />
      <ItemSelect
        items={items}
        value={itemId}
        onChange={set('itemId')}
        label={t('aid:receive.item')}
        error={itemError}
        required
      />
      <Field label={t('aid:receive.quantity')} error={quantityError} required>
        {(p) => <input {...p} inputMode="numeric" autoComplete="off" {...register('quantity')} />}
      </Field>
      <Field label={t('aid:receive.fromWhom')} error={f.error('fromWhom')}>
        {(p) => <input {...p} {...register('fromWhom')} />}
      </Field>
      <Field label={`${t('aid:receive.value')}, ${currency}`} error={valueError}>
        {(p) => <input {...p} inputMode="decimal" autoComplete="off" {...register('value')} />}
      </Field>
      <Field label={t('aid:receive.on')} error={f.error('on')} required>
        {(p) => (
          <DateInput
            {...p}
            max={today}
            value={on}
            onChange={set('on')}
          />
        )}
      </Field>
      {f.notice}
      {done ? <p className="notice notice-success" role="status">{t('aid:receive.done')}</p> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={receive.isPending || f.saving}>
          {t('aid:receive.submit')}
        </button>
      </div>
    </KeyForm>
  );
}

interface AdjustValues {
  /** The item's id as chosen, '' for none yet. */
  itemId: string;
  /** As typed, with its sign. */
  delta: string;
  reason: AdjustReason;
  note: string;
}

/**
 * A count or spoilage, checked with aid.adjust's own schema. Below zero the core asks first
 * (stockShort): the warning shows what is left and the button confirms. Item and reason stay for
 * the next adjustment (a shelf count goes item after item).
 */
function AdjustForm({ items }: { items: Item[] }) {
  const { t } = useAidText();
  const adjust = useMutate('aid.adjust');
  const below = useBelowZero('aid:adjust.belowZero');
  const [done, setDone] = useState(false);
  const f = useCallForm({
    call: 'aid.adjust',
    defaultValues: { itemId: '', delta: '', reason: 'counted', note: '' } as AdjustValues,
    toInput: (v: AdjustValues) => ({
      itemId: v.itemId === '' ? Number.NaN : Number(v.itemId),
      delta: signedWholeNumber(v.delta, Number.NaN),
      reason: v.reason,
      note: v.note,
      confirmBelowZero: below.asking,
    }),
    onSubmit: async (input) => {
      setDone(false);
      const saved = await below.attempt(input.confirmBelowZero === true, () => adjust.mutateAsync(input));
      setDone(saved);
      return saved;
    },
    afterSave: (v) => ({ ...v, delta: '', note: '' }),
  });
  const { watch, clearErrors } = f.form;
  const set = setterOf(f.form);
  /** A message (and the below-zero question) goes away as soon as a field is changed. */
  const changed = (name: keyof AdjustValues) => {
    clearErrors(name);
    below.clear();
  };
  const register = (name: 'delta' | 'reason' | 'note') => f.form.register(name, { onChange: () => changed(name) });
  const itemId = watch('itemId');
  const itemError = f.missingOr('itemId');
  const deltaError = f.missingOr('delta');
  return (
    <KeyForm className="card" aria-label={t('aid:adjust.title')} onSubmit={f.submit}>
      <h2>{t('aid:adjust.title')}</h2>
      <RequiredLegend />
      <ItemSelect
        items={items}
        value={itemId}
        onChange={(id) => {
          set('itemId')(id);
          below.clear();
        }}
        label={t('aid:adjust.item')}
        error={itemError}
        required
      />
      <Field label={t('aid:adjust.delta')} error={deltaError} required>
        {(p) => <input {...p} inputMode="numeric" autoComplete="off" {...register('delta')} />}
      </Field>
      <Field label={t('aid:adjust.reason')} error={f.error('reason')} required>
        {(p) => (
          <select {...p} {...register('reason')}>
            {ADJUST_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`aid:reason.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('aid:adjust.note')} error={f.error('note')}>
        {(p) => <input {...p} {...register('note')} />}
      </Field>
      {below.warning ? (
        <p className="notice notice-warning" role="alert">
          {below.warning}
        </p>
      ) : null}
      {f.notice}
      {done ? <p className="notice notice-success" role="status">{t('aid:adjust.done')}</p> : null}
      <div className="actions">
        <button type="submit" disabled={adjust.isPending || f.saving}>
          {below.asking ? t('aid:adjust.confirm') : t('aid:adjust.submit')}
        </button>
      </div>
    </KeyForm>
  );
}

/** /aid/items/:id: an item's history, newest first (what came in from whom, what went out to whom). */
export function AidItemScreen() {
  const text = useAidText();
  const { t } = text;
  const format = useFormat();
  const id = Number(useParams().id);
  const page = useCall('aid.movements', { itemId: id, limit: 200 });
  const status = useCall('app.status', {});
  const manage = status.data?.user.role === 'coordinator' || status.data?.user.role === 'admin';
  const [correcting, setCorrecting] = useState<{ id: number; on: string; quantity: number } | null>(null);
  if (page.isError) return <ErrorNotice error={page.error} />;
  if (!page.data) return null;
  const { item, rows } = page.data;
  return (
    <section aria-labelledby="aid-item-title">
      <p>
        <Link to="/aid">{t('aid:history.back')}</Link>
      </p>
      <h1 id="aid-item-title">{t('aid:history.title', { item: text.item(item) })}</h1>
      <p>
        {t('aid:stock.stock')}: <strong>{text.qty(item.stock, item.unit)}</strong>
      </p>
      <DataTable
        className="aid-stock"
        data={rows}
        caption={t('aid:history.title', { item: text.item(item) })}
        empty={t('common:none')}
        rowKey={(m) => String(m.id)}
        columns={((col) => [
          col('on', t('aid:history.on'), (m) => format.date(m.on), { value: (m) => m.on }),
          col('kind', t('aid:history.kind'), (m) => (m.kind === 'adjusted' && m.reason ? `${t('aid:kind.adjusted')}: ${t(`aid:reason.${m.reason}`)}` : t(`aid:kind.${m.kind}`))),
          col(
            'quantity',
            t('aid:history.quantity'),
            (m) => (
              <>
                {m.delta > 0 ? '+' : '−'}
                {format.number(Math.abs(m.delta))}
                {m.effective !== m.delta && m.kind !== 'correction' ? <div className="muted">{t('aid:history.corrected', { count: Math.abs(m.effective) })}</div> : null}
              </>
            ),
            { value: (m) => m.delta, align: 'num' },
          ),
          col('who', t('aid:history.who'), (m) => (
            <>
              {m.fromWhom ?? ''}
              {m.recipientName ?? ''}
              {m.residentId === null && m.householdId !== null ? t('aid:history.household') : ''}
              {m.headCount !== null ? t('aid:history.event', { count: m.headCount }) : ''}
            </>
          )),
          col('value', t('aid:history.value'), (m) => (m.valueMinor !== undefined && m.valueMinor !== null && m.currency ? format.money(m.valueMinor, m.currency) : ''), { align: 'num' }),
          col('note', t('aid:history.note'), (m) => m.note),
          ...(manage
            ? [
                col('correct', t('aid:history.correct'), (m) =>
                  m.kind !== 'correction' ? (
                    <button type="button" onClick={() => setCorrecting({ id: m.id, on: m.on, quantity: Math.abs(m.effective) })}>
                      {t('aid:history.correct')}
                    </button>
                  ) : null,
                ),
              ]
            : []),
        ])(columnsOf(rows))}
      />
      {correcting ? <CorrectForm key={correcting.id} movement={correcting} onDone={() => setCorrecting(null)} /> : null}
    </section>
  );
}

interface CorrectValues {
  /** The right quantity as typed. */
  quantity: string;
  note: string;
}

/**
 * A correction of one movement: the right quantity and why (a new movement refers to it; nothing
 * is edited), checked with aid.correct's own schema. Below zero the core asks first, as in a give.
 */
function CorrectForm({ movement, onDone }: { movement: { id: number; on: string; quantity: number }; onDone: () => void }) {
  const { t } = useAidText();
  const format = useFormat();
  const correct = useMutate('aid.correct');
  const below = useBelowZero('aid:history.correctBelowZero');
  const f = useCallForm({
    call: 'aid.correct',
    defaultValues: { quantity: String(movement.quantity), note: '' } as CorrectValues,
    toInput: (v: CorrectValues) => ({ movementId: movement.id, quantity: wholeNumber(v.quantity, Number.NaN), note: v.note, confirmBelowZero: below.asking }),
    onCancel: onDone,
    onSubmit: async (input) => {
      const saved = await below.attempt(input.confirmBelowZero === true, () => correct.mutateAsync(input));
      if (saved) onDone();
      return saved;
    },
  });
  const register = (name: keyof CorrectValues) =>
    f.form.register(name, {
      onChange: () => {
        f.form.clearErrors(name);
        below.clear();
      },
    });
  const quantityError = f.missingOr('quantity');
  return (
    <KeyForm className="card" aria-label={t('aid:history.correctTitle', { date: format.date(movement.on) })} onCancel={f.cancel} onSubmit={f.submit}>
      <h2>{t('aid:history.correctTitle', { date: format.date(movement.on) })}</h2>
      <RequiredLegend />
      <Field label={t('aid:history.correctQuantity')} error={quantityError} required>
        {(p) => <input {...p} autoFocus inputMode="numeric" autoComplete="off" {...register('quantity')} />}
      </Field>
      <Field label={t('aid:history.correctNote')} error={f.error('note')} required>
        {(p) => <input {...p} {...register('note')} />}
      </Field>
      {below.warning ? (
        <p className="notice notice-warning" role="alert">
          {below.warning}
        </p>
      ) : null}
      {f.notice}
      <div className="actions">
        <button type="submit" className="primary" disabled={correct.isPending || f.saving}>
          {below.asking ? t('aid:history.correctConfirm') : t('aid:history.correctSubmit')}
        </button>
        <button type="button" onClick={f.cancel}>
          {t('aid:day.cancel')}
        </button>
      </div>
    </KeyForm>
  );
}

/** One line of a distribution as typed: the item's id ('' for none chosen) and the quantity. */
type Line = { itemId: string; quantity: string };
const emptyLine = (): Line => ({ itemId: '', quantity: '1' });

interface GiveValues {
  /** To the resident's whole household instead (only when they live in one). */
  toHousehold: boolean;
  lines: Line[];
}

/** The lines that are sent: those with an item chosen (an empty extra line is left out), with their index on the form. */
const chosenLines = (v: GiveValues) => v.lines.map((l, i) => ({ ...l, index: i })).filter((l) => l.itemId !== '');

/**
 * Where a path of aid.give's input is shown: a line's message on that line (lines without an item
 * are not sent, so the input's line n is the n-th chosen line); no item at all on the first line's
 * item, an item twice on its second line.
 */
function giveFieldOf(path: string, v: GiveValues): `lines.${number}.itemId` | `lines.${number}.quantity` | null {
  const [top, n, key] = path.split('.');
  if (top !== 'lines') return null;
  const chosen = chosenLines(v);
  if (n === undefined) {
    if (chosen.length === 0) return 'lines.0.itemId';
    const again = chosen.find((l, i) => chosen.findIndex((o) => o.itemId === l.itemId) !== i);
    return again ? `lines.${again.index}.itemId` : null;
  }
  const line = chosen[Number(n)];
  if (line === undefined) return null;
  return key === 'quantity' ? `lines.${line.index}.quantity` : `lines.${line.index}.itemId`;
}

/**
 * The give form for the resident found: items and quantities (react-hook-form's field array),
 * checked with aid.give's own schema, each message on its line. More than is in stock: the core
 * says what is left, the button turns into "give anyway", and Enter again gives.
 */
function GiveForm({ resident, day, items, onGiven, onCancel }: { resident: ResidentSummary; day: string; items: Item[]; onGiven: (message: string) => void; onCancel: () => void }) {
  const text = useAidText();
  const { t } = text;
  const give = useMutate('aid.give');
  const below = useBelowZero();
  const f = useCallForm({
    call: 'aid.give',
    defaultValues: { toHousehold: false, lines: [emptyLine()] } as GiveValues,
    toInput: (v: GiveValues) => {
      const household = v.toHousehold ? resident.household : null;
      return {
        ...(household ? { residentId: null, householdId: household.id } : { residentId: resident.id, householdId: null }),
        on: day,
        lines: chosenLines(v).map((l) => ({ itemId: Number(l.itemId), quantity: wholeNumber(l.quantity, Number.NaN) })),
        note: '',
        confirmBelowZero: below.asking,
      };
    },
    fieldOf: giveFieldOf,
    onCancel,
    // A refused line: react-hook-form focuses its field (every field here is registered).
    onSubmit: async (input, values) => {
      const saved = await below.attempt(input.confirmBelowZero === true, () => give.mutateAsync(input));
      if (saved) {
        const household = values.toHousehold ? resident.household : null;
        onGiven(household ? t('aid:day.givenHousehold', { name: resident.fullName, count: household.size }) : t('aid:day.given', { name: resident.fullName }));
      }
      return saved;
    },
  });
  const { control, register, clearErrors, setFocus } = f.form;
  const lines = useFieldArray({ control, name: 'lines' });
  // The resident is found: the next keystroke chooses the first item.
  useEffect(() => setFocus('lines.0.itemId'), [setFocus]);
  /** A message (and the below-zero question) goes away as soon as its field is changed. */
  const field = (name: `lines.${number}.itemId` | `lines.${number}.quantity` | 'toHousehold') =>
    register(name, {
      onChange: () => {
        clearErrors(name);
        below.clear();
      },
    });
  const quantityError = (i: number) => f.missingOr(`lines.${i}.quantity`);
  return (
    <KeyForm className="card" aria-label={t('aid:day.title')} onSubmit={f.submit} onCancel={f.cancel}>
      <h2>{resident.fullName}</h2>
      {resident.household ? (
        // Just before the first item: Shift+Tab, Space gives to the whole household instead.
        <label className="checkbox aid-household">
          <input type="checkbox" {...field('toHousehold')} />
          <span>
            {t('aid:day.toHousehold', { count: resident.household.size })}
            <small className="field-hint">{t('aid:day.householdHint')}</small>
          </span>
        </label>
      ) : null}
      <RequiredLegend />
      <div className="aid-lines">
        {lines.fields.map((l, i) => (
          <div className="aid-line" key={l.id}>
            <Field label={t('aid:day.item')} error={f.error(`lines.${i}.itemId`)} required>
              {(p) => (
                <select {...p} {...field(`lines.${i}.itemId`)}>
                  <ItemOptions items={items} />
                </select>
              )}
            </Field>
            <Field label={t('aid:day.quantity')} error={quantityError(i)} required>
              {(p) => <input {...p} inputMode="numeric" autoComplete="off" {...field(`lines.${i}.quantity`)} />}
            </Field>
            {lines.fields.length > 1 ? (
              <button
                type="button"
                onClick={() => {
                  lines.remove(i);
                  below.clear();
                }}
              >
                {t('aid:day.removeLine')}
              </button>
            ) : (
              <span />
            )}
          </div>
        ))}
      </div>
      {below.warning ? (
        <p className="notice notice-warning" role="alert">
          {below.warning}
        </p>
      ) : null}
      {f.notice}
      <div className="actions">
        <button type="submit" className="primary" disabled={give.isPending || f.saving}>
          {below.asking ? t('aid:day.confirm') : t('aid:day.give')}
        </button>
        <button
          type="button"
          onClick={() => {
            lines.append(emptyLine(), { shouldFocus: false });
            below.clear();
            const index = lines.fields.length;
            window.setTimeout(() => setFocus(`lines.${index}.itemId`), 0);
          }}
        >
          {t('aid:day.addLine')}
        </button>
        <button type="button" onClick={f.cancel}>
          {t('aid:day.cancel')}
        </button>
      </div>
    </KeyForm>
  );
}

/**
 * /aid/day: the desk's distribution day. Find the resident (type, Enter), choose the items and
 * quantities, Enter: given; the picker is ready for the next person. Giving more than is in stock
 * shows what is left; Enter again gives.
 */
export function DistributionDayScreen() {
  const text = useAidText();
  const { t } = text;
  const status = useCall('app.status', {});
  const today = status.data?.today ?? '';
  const [on, setOn] = useState('');
  const day = on || today;
  const items = useCall('aid.items', {});
  const list = useCall('aid.distributionList', { on: day }, { enabled: day !== '' });
  const [resident, setResident] = useState<ResidentSummary | null>(null);
  const [given, setGiven] = useState<string | null>(null);
  const pickerRef = useRef<HTMLInputElement>(null);

  return (
    <section aria-labelledby="aid-day-title">
      <div className="page-head">
        <h1 id="aid-day-title">{t('aid:day.title')}</h1>
        <Link to={`/aid/day/print?on=${day}`} className="button">
          {t('aid:day.print')}
        </Link>
      </div>
      <p className="field-hint">{t('aid:day.hint')}</p>
      <Field label={t('aid:day.on')}>{(p) => <DateInput {...p} max={today} value={day} onChange={setOn} />}</Field>
      {given ? (
        <p className="notice notice-success" role="status">
          {given}
        </p>
      ) : null}
      {resident === null ? (
        <ResidentPicker
          ref={pickerRef}
          label={t('aid:day.resident')}
          autoFocus
          onPick={(r) => {
            setResident(r);
            setGiven(null);
          }}
        />
      ) : (
        <GiveForm
          key={resident.id}
          resident={resident}
          day={day}
          items={items.data?.items ?? []}
          onGiven={(message) => {
            setGiven(message);
            setResident(null);
            window.setTimeout(() => pickerRef.current?.focus(), 0);
          }}
          onCancel={() => setResident(null)}
        />
      )}
      <h2>{t('aid:day.list')}</h2>
      {list.data && list.data.people.length === 0 && list.data.events.length === 0 ? <p className="muted">{t('aid:day.none')}</p> : null}
      <ol className="aid-day-list">
        {(list.data?.people ?? []).map((p, i) => (
          <li key={i}>
            <strong>{p.name}</strong>
            {p.residentId === null && p.householdId !== null ? <span className="muted"> ({t('aid:resident.household')})</span> : null}: {p.lines.map((l) => `${text.item({ name: l.itemName, size: l.size })} — ${text.qty(l.quantity, l.unit)}`).join('; ')}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** /aid/day/print?on=…: the day's list to sign on A4 (name, items and quantities, an empty signature column). */
export function DistributionPrintScreen() {
  const text = useAidText();
  const { t } = text;
  const format = useFormat();
  const [params] = useSearchParams();
  const status = useCall('app.status', {});
  const on = params.get('on') ?? status.data?.today ?? '';
  const list = useCall('aid.distributionList', { on }, { enabled: on !== '' });
  if (list.isError) return <ErrorNotice error={list.error} />;
  if (!list.data) return null;
  const title = t('aid:print.title', { date: format.date(on) });
  const lineText = (ls: Array<{ itemName: string; size: string; unit: AidUnit; quantity: number }>) =>
    ls.map((l) => `${text.item({ name: l.itemName, size: l.size })} — ${text.qty(l.quantity, l.unit)}`).join('; ');
  return (
    <div className="print-doc">
      <div className="print-toolbar no-print">
        <h1>{title}</h1>
        <div className="actions">
          <button type="button" className="primary big" autoFocus onClick={() => window.print()}>
            {t('aid:day.print')}
          </button>
          <Link to="/aid/day" className="button">
            {t('aid:day.title')}
          </Link>
        </div>
      </div>
      <article className="sheet">
        <div className="sheet-head">
          <div>
            <p className="sheet-centre">{status.data?.settings?.centreName ?? ''}</p>
            <h2 className="sheet-title">{title}</h2>
          </div>
        </div>
        <table className="sheet-table aid-table">
          <colgroup>
            <col className="w-no" />
            <col className="w-name" />
            <col className="w-items" />
            <col className="w-signature" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('aid:print.number')}</th>
              <th scope="col">{t('aid:print.name')}</th>
              <th scope="col">{t('aid:print.items')}</th>
              <th scope="col">{t('aid:print.signature')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.people.map((p, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td className="strong">{p.name}</td>
                <td>{lineText(p.lines)}</td>
                <td className="box" />
              </tr>
            ))}
          </tbody>
        </table>
        {list.data.events.length > 0 ? (
          <>
            <h3>{t('aid:print.events')}</h3>
            <ul>
              {list.data.events.map((e, i) => (
                <li key={i}>
                  {t('aid:print.people', { count: e.headCount })}: {lineText(e.lines)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </article>
    </div>
  );
}
