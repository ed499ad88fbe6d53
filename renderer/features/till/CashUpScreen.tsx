import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { cashUpResult, type CashUp } from '../../../shared/domain/till';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { MoneyField } from '../../ui/MoneyField';
import { Field, RequiredLegend } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { DateInput } from '../../ui/DateInput';
import { useFormat } from '../../ui/format';
import { useTillText } from './tillText';

/** The difference of a cash-up in words and colour: short (red), over (amber), exact (green). */
function Difference({ c }: { c: Pick<CashUp, 'differenceMinor' | 'currency'> }) {
  const { t } = useTranslation(['till']);
  const format = useFormat();
  const result = cashUpResult(c.differenceMinor);
  return (
    <span className={`till-diff till-diff-${result}`}>
      {t(`till:cashUp.results.${result}`, { amount: format.money(Math.abs(c.differenceMinor), c.currency) })}
    </span>
  );
}

/**
 * The daily cash-up: the day's sales by kind and payment, the cash the box should hold (the cash
 * account's balance at the end of the day), the cash counted, and the difference recorded.
 */
export function CashUpScreen() {
  const { t } = useTranslation(['till', 'common']);
  const format = useFormat();
  const text = useTillText();
  const status = useCall('app.status', {});
  const today = status.data?.today ?? '';
  const [dayChoice, setDay] = useState<string | null>(null);
  const day = dayChoice ?? today;
  const summary = useCall('till.day', { day }, { enabled: day !== '' });
  const earlier = useCall('till.cashUps', { limit: 30 });
  const [saved, setSaved] = useState<CashUp | null>(null);
  const d = summary.data;
  const currency = d?.cashAccount?.currency ?? d?.currency ?? 'EUR';

  return (
    <div className="till-cashup">
      <div className="till-day-pick field inline">
        <label id="till-cashup-day-label" htmlFor="till-cashup-day">
          {t('till:cashUp.day')}
        </label>
        <DateInput
          id="till-cashup-day"
          aria-labelledby="till-cashup-day-label"
          value={day}
          max={today}
          onChange={(v) => {
            if (v) {
              setDay(v);
              setSaved(null);
            }
          }}
        />
        <span className="muted">{day ? format.longDate(day) : ''}</span>
      </div>
      <ErrorNotice error={summary.error} />
      {d ? (
        <div className="till-grid">
          <section className="card" aria-labelledby="till-day-sales">
            <h2 id="till-day-sales">{t('till:cashUp.salesTitle')}</h2>
            <DataTable
              data={d.byKind}
              caption={t('till:cashUp.byKind')}
              empty={t('till:cashUp.noSales')}
              rowKey={(k) => String(k.kindId)}
              columns={((col) => [
                col('kind', t('till:cashUp.byKind'), (k) => text.kind(k), { value: (k) => text.kind(k), rowHeader: true }),
                col('count', t('till:cashUp.count'), (k) => format.number(k.count), { value: (k) => k.count, align: 'num' }),
                col('quantity', t('till:cashUp.quantity'), (k) => text.quantity(k.unit, k.quantity), { align: 'num' }),
                col('amount', t('till:cashUp.amount'), (k) => format.money(k.totalMinor, d.currency), { value: (k) => k.totalMinor, align: 'num' }),
              ])(columnsOf(d.byKind))}
              // The day's payments and reversals, then its total, under the kinds (tfoot).
              foot={
                <>
                {d.byPayment.map((p) => (
                  <tr key={p.payment}>
                    <th scope="row">{t(`till:cashUp.byPayment.${p.payment}`)}</th>
                    <td className="num">{format.number(p.count)}</td>
                    <td />
                    <td className="num nowrap">{format.money(p.totalMinor, d.currency)}</td>
                  </tr>
                ))}
                {d.reversals.count > 0 ? (
                  <tr>
                    <th scope="row">{t('till:cashUp.reversals')}</th>
                    <td className="num">{format.number(d.reversals.count)}</td>
                    <td />
                    <td className="num nowrap">{format.money(d.reversals.totalMinor, d.currency)}</td>
                  </tr>
                ) : null}
                <tr>
                  <th scope="row">{t('till:cashUp.dayTotal')}</th>
                  <td />
                  <td />
                  <td className="num nowrap">{format.money(d.totalMinor, d.currency)}</td>
                </tr>
                </>
              }
            />
            {d.reversals.count > 0 ? <p className="field-hint">{t('till:cashUp.nettedHint')}</p> : null}
          </section>

          <section className="card" aria-labelledby="till-count-title">
            <h2 id="till-count-title">{t('till:cashUp.countTitle')}</h2>
            {d.cashAccount === null ? (
              <p className="notice notice-warning" role="alert">
                {t('common:errors.noTillAccount')}
              </p>
            ) : (
              <>
                <dl className="till-figures">
                  <div>
                    <dt>{t('till:cashUp.tillCash')}</dt>
                    <dd>{format.money(d.tillCashMinor, currency)}</dd>
                  </div>
                  <div className="till-expected">
                    <dt>{t('till:cashUp.expected', { account: d.cashAccount.name })}</dt>
                    <dd data-testid="till-expected">{format.money(d.expectedCashMinor, currency)}</dd>
                  </div>
                </dl>
                <p className="field-hint">{t('till:cashUp.expectedHint')}</p>
                {/* A new, empty form after each cash-up recorded. */}
                <CashUpForm key={saved?.id ?? 0} day={day} currency={currency} expectedMinor={d.expectedCashMinor} onSaved={setSaved} />
                {saved ? (
                  <div className={`notice till-saved till-saved-${cashUpResult(saved.differenceMinor)}`} role="status">
                    {t('till:cashUp.saved', { counted: format.money(saved.countedMinor, saved.currency), expected: format.money(saved.expectedMinor, saved.currency) })}{' '}
                    <Difference c={saved} />
                  </div>
                ) : null}
              </>
            )}
          </section>
        </div>
      ) : null}

      <section aria-labelledby="till-earlier-title">
        <h2 id="till-earlier-title">{t('till:cashUp.earlier')}</h2>
        <ErrorNotice error={earlier.error} />
        <DataTable
          data={earlier.data ?? []}
          caption={t('till:cashUp.earlier')}
          empty={t('till:cashUp.noneYet')}
          rowKey={(c) => String(c.id)}
          columns={((col) => [
            col(
              'day',
              t('till:cashUp.day'),
              (c) => (
                <>
                  {format.date(c.day)}
                  <div className="muted small-text">{c.accountName}</div>
                </>
              ),
              { value: (c) => c.day, className: 'nowrap' },
            ),
            col('expected', t('till:cashUp.expectedShort'), (c) => format.money(c.expectedMinor, c.currency), { value: (c) => c.expectedMinor, align: 'num' }),
            col('counted', t('till:cashUp.countedShort'), (c) => format.money(c.countedMinor, c.currency), { value: (c) => c.countedMinor, align: 'num' }),
            col(
              'difference',
              t('till:cashUp.difference'),
              (c) => (
                <>
                  <Difference c={c} />
                  {c.note ? <div className="muted small-text">{c.note}</div> : null}
                </>
              ),
              { value: (c) => c.countedMinor - c.expectedMinor },
            ),
            col(
              'who',
              t('till:cashUp.who'),
              (c) => (
                <>
                  {c.createdBy}
                  <div className="muted small-text">{format.dateTime(c.createdAt)}</div>
                </>
              ),
              { value: (c) => c.createdBy },
            ),
          ])(columnsOf<CashUp>(earlier.data))}
        />
      </section>
    </div>
  );
}

interface CashUpValues {
  countedMinor: number | null;
  note: string;
}

/** The cash counted and a note, checked with till.cashUp's own schema (the count is required, 0 is a count). */
function CashUpForm(props: { day: string; currency: string; expectedMinor: number; onSaved: (c: CashUp) => void }) {
  const { t } = useTranslation(['till', 'common']);
  const record = useMutate('till.cashUp');
  const f = useCallForm({
    call: 'till.cashUp',
    defaultValues: { countedMinor: null, note: '' } as CashUpValues,
    toInput: (v: CashUpValues) => ({ day: props.day, countedMinor: v.countedMinor as number, note: v.note }),
    fieldOf: (path) => (path === 'countedMinor' || path === 'note' ? path : null),
    onSubmit: async (input) => {
      props.onSaved(await record.mutateAsync(input));
    },
  });
  const { control, register, clearErrors, watch } = f.form;
  const counted = watch('countedMinor');
  return (
    <KeyForm onSubmit={f.submit} aria-labelledby="till-count-title">
      <RequiredLegend />
      <Controller
        control={control}
        name="countedMinor"
        render={({ field }) => (
          <MoneyField
            label={t('till:cashUp.counted')}
            currency={props.currency}
            value={field.value}
            autoFocus
            allowZero
            required
            error={f.error('countedMinor')}
            className="till-counted"
            onChange={(minor) => {
              field.onChange(minor);
              clearErrors('countedMinor');
            }}
          />
        )}
      />
      {counted !== null ? (
        <p className="till-live-diff">
          <Difference c={{ differenceMinor: counted - props.expectedMinor, currency: props.currency }} />
        </p>
      ) : null}
      <Field label={t('till:cashUp.note')} error={f.error('note')}>
        {(p) => <input {...p} maxLength={500} {...register('note', { onChange: () => clearErrors('note') })} />}
      </Field>
      {f.notice}
      <div className="actions">
        <button type="submit" className="primary big" disabled={record.isPending || f.saving}>
          {t('till:cashUp.record')}
        </button>
      </div>
    </KeyForm>
  );
}
