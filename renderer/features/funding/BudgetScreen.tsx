import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetRow } from '../../../shared/domain/funding';
import { useCall, useMutate } from '../../app/api';
import { MoneyField } from '../../ui/MoneyField';
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

function BudgetTable(props: { title: string; rows: BudgetRow[]; year: number; currency: string; total: { plannedMinor: number; actualMinor: number; differenceMinor: number } }) {
  const { t } = useTranslation(['funding', 'common']);
  const fmt = useFormat();
  const text = useFundingText();
  const set = useMutate('budget.set');
  const [editing, setEditing] = useState<number | null>(null);
  const [value, setValue] = useState<number | null>(null);
  const money = (m: number) => fmt.money(m, props.currency);
  const save = async (categoryId: number) => {
    if (value === null) return;
    await set.mutateAsync({ year: props.year, categoryId, plannedMinor: value });
    setEditing(null);
  };
  return (
    <section className="card" aria-label={props.title}>
      <h2>{props.title}</h2>
      <table className="data-table fd-table">
        <thead>
          <tr>
            <th scope="col">{t('funding:budget.category')}</th>
            <th scope="col" className="num">
              {t('funding:budget.planned')}
            </th>
            <th scope="col" className="num">
              {t('funding:budget.actual')}
            </th>
            <th scope="col" className="num">
              {t('funding:budget.difference')}
            </th>
            <th scope="col">{t('funding:budget.percent')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.categoryId}>
              <th scope="row">{text.category(r)}</th>
              <td className="num">
                {editing === r.categoryId ? (
                  <form
                    className="fd-plan-form"
                    noValidate
                    onSubmit={(e) => {
                      e.preventDefault();
                      void save(r.categoryId);
                    }}
                    onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
                  >
                    <MoneyField label={t('funding:budget.plannedFor', { category: text.category(r) })} currency={props.currency} value={value} onChange={setValue} allowZero autoFocus />
                    <button type="submit" className="small primary">
                      {t('funding:save')}
                    </button>
                  </form>
                ) : (
                  <button
                    type="button"
                    className="link-button fd-plan"
                    aria-label={t('funding:budget.plannedAmountFor', { amount: money(r.plannedMinor), category: text.category(r) })}
                    onClick={() => {
                      setValue(r.plannedMinor);
                      setEditing(r.categoryId);
                    }}
                  >
                    {money(r.plannedMinor)}
                  </button>
                )}
              </td>
              <td className="num">{money(r.actualMinor)}</td>
              <td className={`num ${(r.direction === 'income' ? r.differenceMinor < 0 : r.differenceMinor > 0) ? 'fd-negative' : ''}`}>{money(r.differenceMinor)}</td>
              <td>{r.plannedMinor > 0 ? <PercentBar percent={r.percent} label={t('funding:budget.percentOf', { category: text.category(r) })} /> : null}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('funding:budget.total')}</th>
            <td className="num">{money(props.total.plannedMinor)}</td>
            <td className="num">{money(props.total.actualMinor)}</td>
            <td className="num">{money(props.total.differenceMinor)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
