import { useRef, useState } from 'react';
import { BANDS, type Event } from '../../../shared/domain/events';
import { useCall, useMutate } from '../../app/api';
import { Field } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useFormat } from '../../ui/format';
import { useAidText } from '../aid/aidText';
import { ApiError } from '../../bridge';
import { wholeNumber } from '../../ui/formNumbers';
import { useCallForm } from '../../ui/useCallForm';
import '../aid/aid.css';

interface EventAidValues {
  /** The item's id as chosen, '' for none. */
  itemId: string;
  quantity: string;
  heads: string;
}

/**
 * Items handed out at the event or outing (people counted, not named): the list after corrections
 * and a small form (item, quantity, head count, Enter saves; checked with aid.giveAtEvent's own schema). A short stock is shown as a warning;
 * the next Enter or "Give anyway" gives all the same, as on the distribution day.
 */
export function EventAid({ e, today }: { e: Event; today: string }) {
  const text = useAidText();
  const { t } = text;
  const format = useFormat();
  const list = useCall('aid.ofEvent', { eventId: e.id });
  const items = useCall('aid.items', {});
  const give = useMutate('aid.giveAtEvent');
  const counted = BANDS.reduce((sum, b) => sum + e.headCounts[b], 0);
  const [done, setDone] = useState(false);
  /** The core said the stock is short: shown as a warning, and the next save gives all the same. */
  const [short, setShort] = useState<ApiError | null>(null);
  const itemRef = useRef<HTMLSelectElement | null>(null);
  const all = items.data?.items ?? [];
  const on = e.startsOn < today ? e.startsOn : today;
  const f = useCallForm({
    call: 'aid.giveAtEvent',
    defaultValues: { itemId: '', quantity: '', heads: counted > 0 ? String(counted) : '' } as EventAidValues,
    // Numbers as typed: not a whole number goes as NaN, refused by aid.giveAtEvent's schema.
    toInput: (v: EventAidValues) => ({
      eventId: e.id,
      on,
      headCount: wholeNumber(v.heads, Number.NaN),
      lines: v.itemId === '' ? [] : [{ itemId: Number(v.itemId), quantity: wholeNumber(v.quantity, Number.NaN) }],
      confirmBelowZero: short !== null,
    }),
    fieldOf: (path) => {
      if (path === 'lines' || path === 'lines.0.itemId') return 'itemId';
      if (path === 'lines.0.quantity') return 'quantity';
      return path === 'headCount' ? 'heads' : null;
    },
    onSubmit: async (input, values) => {
      setDone(false);
      setShort(null);
      try {
        await give.mutateAsync(input);
      } catch (err) {
        if (err instanceof ApiError && err.body.code === 'stockShort') {
          setShort(err);
          return false;
        }
        throw err;
      }
      setDone(true);
      // The next line: the item and quantity are chosen again, the head count stays.
      window.setTimeout(() => {
        f.form.reset({ ...values, itemId: '', quantity: '' });
        itemRef.current?.focus();
      }, 0);
      return true;
    },
  });
  const { clearErrors } = f.form;
  /** A message goes away as soon as its field is changed. */
  const register = (name: keyof EventAidValues) => f.form.register(name, { onChange: () => clearErrors(name) });
  const item = register('itemId');
  const quantityError = f.missingOr('quantity');

  const rows = list.data?.rows ?? [];
  return (
    <section className="event-section" aria-labelledby="event-aid">
      <h2 id="event-aid">{t('aid:atEvent.title')}</h2>
      {list.data && rows.length === 0 ? <p className="muted">{t('aid:atEvent.none')}</p> : null}
      {rows.length > 0 ? (
        <ul className="event-aid-list" data-testid="event-aid">
          {rows.map((r) => (
            <li key={r.movementId}>
              {format.date(r.on)}: {text.item({ name: r.itemName, size: r.size })} — {text.qty(r.quantity, r.unit)} ({t('aid:atEvent.people', { count: r.headCount })})
            </li>
          ))}
        </ul>
      ) : null}
      <KeyForm className="card" aria-label={t('aid:atEvent.title')} onSubmit={f.submit}>
        <div className="aid-line">
          <Field label={t('aid:day.item')} error={f.error('itemId')}>
            {(p) => (
              <select
                {...p}
                {...item}
                ref={(el) => {
                  item.ref(el);
                  itemRef.current = el;
                }}
              >
                <option value="">—</option>
                {all.map((it) => (
                  <option key={it.id} value={String(it.id)}>
                    {text.withStock(it)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('aid:day.quantity')} error={quantityError}>
            {(p) => <input {...p} inputMode="numeric" autoComplete="off" {...register('quantity')} />}
          </Field>
          <Field label={t('aid:atEvent.headCount')} error={f.error('heads')}>
            {(p) => <input {...p} inputMode="numeric" autoComplete="off" {...register('heads')} />}
          </Field>
        </div>
        {short ? (
          <p className="notice notice-warning" role="alert">
            {text.error(short)}
          </p>
        ) : null}
        {f.notice}
        {done ? (
          <p className="notice notice-success" role="status">
            {t('aid:atEvent.done')}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={give.isPending || f.saving}>
            {short ? t('aid:day.confirm') : t('aid:atEvent.give')}
          </button>
        </div>
      </KeyForm>
    </section>
  );
}
