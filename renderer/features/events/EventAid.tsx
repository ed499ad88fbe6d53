import { useRef, useState } from 'react';
import { BANDS, type Event } from '../../../shared/domain/events';
import { useCall, useMutate } from '../../app/api';
import { Field } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useFormat } from '../../ui/format';
import { useAidText, useSave } from '../aid/aidText';
import '../aid/aid.css';

/**
 * Items handed out at the event or outing (people counted, not named): the list after corrections
 * and a small form (item, quantity, head count, Enter saves). A short stock is shown as a warning;
 * the next Enter or "Give anyway" gives all the same, as on the distribution day.
 */
export function EventAid({ e, today }: { e: Event; today: string }) {
  const text = useAidText();
  const { t } = text;
  const format = useFormat();
  const list = useCall('aid.ofEvent', { eventId: e.id });
  const items = useCall('aid.items', {});
  const give = useMutate('aid.giveAtEvent');
  const save = useSave();
  const counted = BANDS.reduce((sum, b) => sum + e.headCounts[b], 0);
  const [itemId, setItemId] = useState('');
  const [quantity, setQuantity] = useState('');
  const [heads, setHeads] = useState(counted > 0 ? String(counted) : '');
  const [done, setDone] = useState(false);
  const itemRef = useRef<HTMLSelectElement>(null);
  const all = items.data?.items ?? [];
  const on = e.startsOn < today ? e.startsOn : today;

  const submit = async () => {
    setDone(false);
    const ok = await save.attempt(
      async () =>
        void (await give.mutateAsync({
          eventId: e.id,
          on,
          headCount: Number(heads),
          lines: itemId === '' ? [] : [{ itemId: Number(itemId), quantity: Number(quantity) }],
          confirmBelowZero: save.stockShort,
        })),
    );
    if (ok) {
      setDone(true);
      setItemId('');
      setQuantity('');
      window.setTimeout(() => itemRef.current?.focus(), 0);
    }
  };

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
      <KeyForm className="card" aria-label={t('aid:atEvent.title')} onSubmit={submit}>
        <div className="aid-line">
          <Field label={t('aid:day.item')} error={save.errors['lines.0.itemId'] ?? (save.errors.lines ? 'validation.required' : undefined)}>
            {(p) => (
              <select {...p} ref={itemRef} value={itemId} onChange={(ev) => setItemId(ev.target.value)}>
                <option value="">—</option>
                {all.map((it) => (
                  <option key={it.id} value={String(it.id)}>
                    {text.withStock(it)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('aid:day.quantity')} error={save.errors['lines.0.quantity']}>
            {(p) => <input {...p} inputMode="numeric" value={quantity} onChange={(ev) => setQuantity(ev.target.value)} />}
          </Field>
          <Field label={t('aid:atEvent.headCount')} error={save.errors.headCount}>
            {(p) => <input {...p} inputMode="numeric" value={heads} onChange={(ev) => setHeads(ev.target.value)} />}
          </Field>
        </div>
        {save.failure ? (
          <p className={`notice ${save.stockShort ? 'notice-warning' : 'notice-error'}`} role="alert">
            {save.failure}
          </p>
        ) : null}
        {done ? (
          <p className="notice notice-success" role="status">
            {t('aid:atEvent.done')}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={give.isPending}>
            {save.stockShort ? t('aid:day.confirm') : t('aid:atEvent.give')}
          </button>
        </div>
      </KeyForm>
    </section>
  );
}
