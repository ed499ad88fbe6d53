import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetRow } from '../../../shared/domain/funding';
import { Controller } from 'react-hook-form';
import type { CallInput } from '../../../shared/api/contract';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { KeyForm } from '../../ui/KeyForm';
import { MoneyField } from '../../ui/MoneyField';
import { useCallForm } from '../../ui/useCallForm';
import { useFormat } from '../../ui/format';
import { PercentBar } from './PercentBar';
import { useCentre, useFundingText } from './fundingText';

/** The annual budget: a planned amount per category and year, plan vs actual, totals and differences. */
export function BudgetScreen() {
  const { t } = useTranslation(['funding', 'common']);
  const centre = useCentre();
  const thisYear = Number((centre?.today ?? '2026').slice(0, 4));
  const [year, setYear] = useState<number | null>(null);
  const shown = year ?? thisYear;
  const budget = useCall('budget.get', { year: shown }, { enabled: centre !== null });
  const fmt = useFormat();

  if (!centre || !budget.data) return <p className="loading">{t('common:loading')}</p>;
  const b = budget.data;
  const money = (m: number) => fmt.money(m, b.currency);

  return (
    <div className="fd-budget">
      <div className="actions fd-toolbar">
        <label htmlFor="fd-year">{t('funding:budget.year')}</label>
        <select id="fd-year" value={shown} onChange={(e) => setYear(Number(e.target.value))}>
          {[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <span className="muted">{t('funding:budget.hint')}</span>
      </div>
      <BudgetTable title={t('funding:budget.income')} rows={b.income} year={b.year} currency={b.currency} total={b.totals.income} />
      <BudgetTable title={t('funding:budget.expense')} rows={b.expense} year={b.year} currency={b.currency} total={b.totals.expense} />
      <section className="card fd-net" aria-label={t('funding:budget.net')}>
        <dl className="fd-figures">
          <div>
            <dt>{t('funding:budget.netPlanned')}</dt>
            <dd>{money(b.totals.net.plannedMinor)}</dd>
          </div>
          <div>
            <dt>{t('funding:budget.netActual')}</dt>
            <dd className={b.totals.net.actualMinor < 0 ? 'fd-negative' : undefined}>{money(b.totals.net.actualMinor)}</dd>
          </div>
          <div>
            <dt>{t('funding:budget.difference')}</dt>
            <dd>{money(b.totals.net.differenceMinor)}</dd>
          </div>
        </dl>
      </section>
    </div>
  );
}

/** A direction's categories (income or expense): the planned amount is typed in place, plan vs actual with the totals under them. */
function BudgetTable(props: { title: string; rows: BudgetRow[]; year: number; currency: string; total: { plannedMinor: number; actualMinor: number; differenceMinor: number } }) {
  const { t } = useTranslation(['funding', 'common']);
  const fmt = useFormat();
  const text = useFundingText();
  const [editing, setEditing] = useState<number | null>(null);
  const money = (m: number) => fmt.money(m, props.currency);
  // Income under plan and expenses over plan are the differences to look at.
  const short = (r: BudgetRow) => (r.direction === 'income' ? r.differenceMinor < 0 : r.differenceMinor > 0);
  return (
    <section className="card" aria-label={props.title}>
      <h2>{props.title}</h2>
      <DataTable
        className="fd-table"
        data={props.rows}
        caption={props.title}
        empty={t('common:none')}
        rowKey={(r) => String(r.categoryId)}
        columns={((col) => [
          col('category', t('funding:budget.category'), (r) => text.category(r), { value: (r) => text.category(r), rowHeader: true, footer: t('funding:budget.total') }),
          col(
            'planned',
            t('funding:budget.planned'),
            (r) =>
              editing === r.categoryId ? (
                <PlanForm year={props.year} row={r} currency={props.currency} onDone={() => setEditing(null)} />
              ) : (
                <button
                  type="button"
                  className="link-button fd-plan"
                  aria-label={t('funding:budget.plannedAmountFor', { amount: money(r.plannedMinor), category: text.category(r) })}
                  onClick={() => setEditing(r.categoryId)}
                >
                  {money(r.plannedMinor)}
                </button>
              ),
            { value: (r) => r.plannedMinor, align: 'num', footer: money(props.total.plannedMinor) },
          ),
          col('actual', t('funding:budget.actual'), (r) => money(r.actualMinor), { value: (r) => r.actualMinor, align: 'num', footer: money(props.total.actualMinor) }),
          col('difference', t('funding:budget.difference'), (r) => <span className={short(r) ? 'fd-negative' : undefined}>{money(r.differenceMinor)}</span>, {
            value: (r) => r.differenceMinor,
            align: 'num',
            footer: money(props.total.differenceMinor),
          }),
          col('percent', t('funding:budget.percent'), (r) => (r.plannedMinor > 0 ? <PercentBar percent={r.percent} label={t('funding:budget.percentOf', { category: text.category(r) })} /> : null), {
            value: (r) => (r.plannedMinor > 0 ? r.percent : null),
            footer: null,
          }),
        ])(columnsOf(props.rows))}
      />
    </section>
  );
}

/** A category's planned amount for the year, typed in its cell (budget.set's schema); Enter saves, Escape leaves it. */
function PlanForm(props: { year: number; row: BudgetRow; currency: string; onDone: () => void }) {
  const { t } = useTranslation(['funding', 'common']);
  const text = useFundingText();
  const set = useMutate('budget.set');
  const f = useCallForm({
    call: 'budget.set',
    defaultValues: { plannedMinor: props.row.plannedMinor } as { plannedMinor: number | null },
    // null (an empty field) goes to the schema as it is: its own message asks for an amount.
    toInput: (v) => ({ year: props.year, categoryId: props.row.categoryId, plannedMinor: v.plannedMinor }) as unknown as CallInput<'budget.set'>,
    onCancel: props.onDone,
    onSubmit: async (input) => {
      await set.mutateAsync(input);
      props.onDone();
    },
  });
  return (
    <KeyForm className="fd-plan-form" onSubmit={f.submit} onCancel={f.cancel}>
      <Controller
        control={f.form.control}
        name="plannedMinor"
        render={({ field }) => (
          <MoneyField
            label={t('funding:budget.plannedFor', { category: text.category(props.row) })}
            currency={props.currency}
            value={field.value}
            onChange={field.onChange}
            error={f.error('plannedMinor')}
            allowZero
            required
            autoFocus
          />
        )}
      />
      <button type="submit" className="small primary" disabled={f.saving}>
        {t('funding:save')}
      </button>
      {f.notice}
    </KeyForm>
  );
}
