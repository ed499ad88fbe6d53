import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../shared/api/contract';
import { isIsoDate } from '../../../shared/domain/dates';
import type { BudgetLineView, GrantView, TrancheView } from '../../../shared/domain/funding';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { Field } from '../../ui/Field';
import { useCallForm } from '../../ui/useCallForm';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { MoneyField } from '../../ui/MoneyField';
import { useFormat } from '../../ui/format';
import { PercentBar } from './PercentBar';
import { useCentre, useFundingText } from './fundingText';
import { FormFailure, KeyForm, SaveCancel, useFormErrors } from './FundingForm';
import { DateInput } from '../../ui/DateInput';

/** One grant: progress, warnings, plan vs actual per budget line, tranches, and its entries. */
export function GrantScreen() {
  const { t } = useTranslation(['funding', 'common']);
  const params = useParams();
  const id = Number(params.id);
  const grant = useCall('grants.get', { id }, { enabled: Number.isInteger(id) && id > 0 });
  const fmt = useFormat();
  const text = useFundingText();
  const centre = useCentre();
  const [expenseLine, setExpenseLine] = useState<number | null>(null);

  if (grant.error) {
    return (
      <div role="alert" className="notice notice-error">
        {text.error(grant.error)}
      </div>
    );
  }
  if (!grant.data || !centre) return <p className="loading">{t('common:loading')}</p>;
  const g = grant.data;
  const money = (m: number) => fmt.money(m, g.currency);
  const budget = g.amountMinor > 0 ? g.amountMinor : g.plannedMinor;

  return (
    <div className="fd-grant">
      <p>
        <Link to="/funding">{t('funding:grant.back')}</Link> · <Link to={`/results/grant?grant=${g.id}`}>{t('reports:grantReport.open')}</Link>
      </p>
      <section className="card" aria-labelledby="fd-grant-title">
        <h2 id="fd-grant-title" className="fd-grant-heading">
          {g.title}
          {g.ended ? <span className="badge fd-ended">{t('funding:grants.ended')}</span> : null}
        </h2>
        <p className="fd-grant-meta">
          <span>{g.funder}</span>
          <span>{t('funding:grants.periodValue', { from: fmt.date(g.startsOn), to: fmt.date(g.endsOn) })}</span>
          <strong>{money(g.amountMinor)}</strong>
        </p>
        {g.note ? <p className="muted">{g.note}</p> : null}
        <div className="fd-progress">
          <div>
            <span className="fd-progress-label">{t('funding:grant.elapsed')}</span>
            <PercentBar tone="time" percent={g.percentElapsed} label={t('funding:grant.elapsed')} />
          </div>
          <div>
            <span className="fd-progress-label">{t('funding:grant.spentPercent')}</span>
            <PercentBar percent={g.percentSpent} label={t('funding:grant.spentPercent')} />
          </div>
        </div>
        <dl className="fd-figures">
          <div>
            <dt>{t('funding:grant.spent')}</dt>
            <dd>{money(g.spentMinor)}</dd>
          </div>
          <div>
            <dt>{t('funding:grant.remaining')}</dt>
            <dd className={budget - g.spentMinor < 0 ? 'fd-negative' : undefined}>{money(budget - g.spentMinor)}</dd>
          </div>
          <div>
            <dt>{t('funding:grant.received')}</dt>
            <dd>{t('funding:grant.receivedOf', { received: money(g.receivedMinor), expected: money(g.expectedMinor) })}</dd>
          </div>
          {!g.ended ? (
            <div>
              <dt>{t('funding:grant.projectedUnspent')}</dt>
              <dd>{money(g.projectedUnspentMinor)}</dd>
            </div>
          ) : null}
        </dl>
        {g.warnings.length > 0 ? (
          <div className="notice notice-warning" role="status" aria-label={t('funding:grant.warnings')}>
            <strong>{t('funding:grant.warnings')}</strong>
            <ul>
              {g.warnings.map((w, i) => (
                <li key={i}>{text.warning(w, g.currency)}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <LinesCard grant={g} onExpense={setExpenseLine} />
      {expenseLine !== null ? <ExpenseForm grant={g} lineId={expenseLine} today={centre.today} onClose={() => setExpenseLine(null)} /> : null}
      <TranchesCard grant={g} today={centre.today} />
      <EntriesCard grant={g} />
      {g.entries.length === 0 && g.tranches.every((tr) => tr.receivedEntryId === null) ? <DeleteGrant grant={g} /> : null}
    </div>
  );
}

function LinesCard({ grant: g, onExpense }: { grant: GrantView; onExpense: (lineId: number) => void }) {
  const { t } = useTranslation(['funding', 'common']);
  const fmt = useFormat();
  const money = (m: number) => fmt.money(m, g.currency);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  return (
    <section className="card" aria-labelledby="fd-lines-title">
      <div className="fd-card-head">
        <h2 id="fd-lines-title">{t('funding:grant.planVsActual')}</h2>
        <button type="button" onClick={() => setEditing('new')}>
          {t('funding:grants.addLine')}
        </button>
      </div>
      <table className="data-table fd-table fd-lines-table">
        <thead>
          <tr>
            <th scope="col">{t('funding:grant.line')}</th>
            <th scope="col" className="num">
              {t('funding:grant.planned')}
            </th>
            <th scope="col" className="num">
              {t('funding:grant.actual')}
            </th>
            <th scope="col" className="num">
              {t('funding:grant.remaining')}
            </th>
            <th scope="col">{t('funding:grant.spentPercent')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('funding:grant.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {g.lines.length === 0 ? (
            <tr>
              <td colSpan={6} className="empty">
                {t('funding:grant.noLines')}
              </td>
            </tr>
          ) : null}
          {g.lines.map((l) =>
            editing === l.id ? (
              <tr key={l.id}>
                <td colSpan={6}>
                  <LineForm grant={g} line={l} onDone={() => setEditing(null)} />
                </td>
              </tr>
            ) : (
              <tr key={l.id} className={l.overspent ? 'fd-over' : undefined} aria-label={l.name}>
                <th scope="row">{l.name}</th>
                <td className="num">{money(l.plannedMinor)}</td>
                <td className="num">{money(l.actualMinor)}</td>
                <td className={`num ${l.remainingMinor < 0 ? 'fd-negative' : ''}`}>{money(l.remainingMinor)}</td>
                <td>
                  <PercentBar percent={l.percentSpent} label={t('funding:grant.lineSpent', { line: l.name })} />
                </td>
                <td className="fd-row-actions">
                  <button type="button" className="small" onClick={() => onExpense(l.id)}>
                    {t('funding:grant.recordExpense')}
                  </button>
                  <button type="button" className="small" onClick={() => setEditing(l.id)}>
                    {t('funding:grant.editLine')}
                  </button>
                </td>
              </tr>
            ),
          )}
          {editing === 'new' ? (
            <tr>
              <td colSpan={6}>
                <LineForm grant={g} line={null} onDone={() => setEditing(null)} />
              </td>
            </tr>
          ) : null}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('funding:grant.total')}</th>
            <td className="num">{money(g.plannedMinor)}</td>
            <td className="num">{money(g.spentMinor - g.unassignedMinor)}</td>
            <td className="num">{money(g.plannedMinor - (g.spentMinor - g.unassignedMinor))}</td>
            <td colSpan={2}>{g.unassignedMinor !== 0 ? t('funding:grant.unassigned', { amount: money(g.unassignedMinor) }) : null}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

/** A budget line (new or changed), checked with grants.addLine's schema; an unused line can be deleted. */
function LineForm({ grant: g, line, onDone }: { grant: GrantView; line: BudgetLineView | null; onDone: () => void }) {
  const { t } = useTranslation(['funding', 'common']);
  const add = useMutate('grants.addLine');
  const update = useMutate('grants.updateLine');
  const remove = useMutate('grants.removeLine');
  const f = useCallForm({
    call: 'grants.addLine',
    defaultValues: { name: line?.name ?? '', plannedMinor: line?.plannedMinor ?? null } as { name: string; plannedMinor: number | null },
    // null goes to the schema as it is: its own message names the field.
    toInput: (v) => ({ grantId: g.id, line: v }) as unknown as CallInput<'grants.addLine'>,
    fieldOf: (path) => (path === 'line.name' ? 'name' : path === 'line.plannedMinor' ? 'plannedMinor' : null),
    onCancel: onDone,
    onSubmit: async (input) => {
      if (line) await update.mutateAsync({ id: line.id, line: input.line });
      else await add.mutateAsync(input);
      onDone();
    },
  });
  // Deleting the line is not the form's call: its failure is one line of its own.
  const { failure, attempt } = useFormErrors();
  const removeLine = (id: number) =>
    attempt({}, async () => {
      f.allowLeave();
      await remove.mutateAsync({ id });
      onDone();
    });
  return (
    <KeyForm className="fd-inline-form" onSubmit={f.submit} onCancel={f.cancel}>
      <Field label={t('funding:grant.lineNameField')} error={f.error('name')} required>
        {(p) => <input {...p} {...f.form.register('name')} autoFocus />}
      </Field>
      <Controller
        control={f.form.control}
        name="plannedMinor"
        render={({ field }) => (
          <MoneyField label={t('funding:grant.planned')} currency={g.currency} value={field.value} onChange={field.onChange} allowZero required error={f.error('plannedMinor')} />
        )}
      />
      <SaveCancel onCancel={f.cancel ?? onDone}>
        {line && line.actualMinor === 0 ? (
          <button type="button" className="danger" onClick={() => void removeLine(line.id)}>
            {t('funding:grant.deleteLine')}
          </button>
        ) : null}
      </SaveCancel>
      {f.notice}
      <FormFailure failure={failure} />
    </KeyForm>
  );
}

/** A grant entered by mistake (nothing recorded on it yet): delete it after a confirmation. */
function DeleteGrant({ grant: g }: { grant: GrantView }) {
  const { t } = useTranslation(['funding', 'common']);
  const navigate = useNavigate();
  const remove = useMutate('grants.remove');
  const { failure, attempt } = useFormErrors();
  const confirm = () => attempt({}, async () => {
    await remove.mutateAsync({ id: g.id });
    void navigate('/funding');
  });
  return (
    <section className="card" aria-labelledby="fd-delete-title">
      <h2 id="fd-delete-title">{t('funding:grant.deleteGrant')}</h2>
      <p className="muted">{t('funding:grant.deleteGrantHint')}</p>
      <ConfirmButton
        danger
        block
        label={t('funding:grant.deleteGrant')}
        question={t('funding:grant.deleteGrantConfirm', { title: g.title })}
        confirmLabel={t('funding:grant.deleteGrant')}
        busy={remove.isPending}
        onConfirm={confirm}
      />
      <FormFailure failure={failure} />
    </section>
  );
}

/** An expense on a budget line, posted to the cash book (cashbook.post) from an account in the grant's currency. */
function ExpenseForm({ grant: g, lineId, today, onClose }: { grant: GrantView; lineId: number; today: string; onClose: () => void }) {
  const { t } = useTranslation(['funding', 'common']);
  const text = useFundingText();
  const accounts = useCall('accounts.list', { includeArchived: false });
  const categories = useCall('cashbook.categories', { includeArchived: false });
  const post = useMutate('cashbook.post');
  const usable = (accounts.data ?? []).filter((a) => a.currency === g.currency);
  const expenseCategories = (categories.data ?? []).filter((c) => c.direction === 'expense');
  const [line, setLine] = useState(lineId);
  const [date, setDate] = useState(today);
  const [accountId, setAccountId] = useState<number | null>(null);
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const [amount, setAmount] = useState<number | null>(null);
  const [counterparty, setCounterparty] = useState('');
  const [note, setNote] = useState('');
  const { errors, failure, attempt } = useFormErrors();
  const [ended, setEnded] = useState(false);
  const account = accountId ?? usable[0]?.id ?? null;
  const category = categoryId ?? expenseCategories.find((c) => c.code === 'otherExpense')?.id ?? expenseCategories[0]?.id ?? null;

  const submit = async () => {
    const next: Record<string, string> = {};
    if (!isIsoDate(date)) next.date = 'validation.date';
    if (account === null) next.accountId = 'validation.required';
    if (category === null) next.categoryId = 'validation.required';
    if (amount === null) next.amountMinor = 'validation.required';
    await attempt(next, async () => {
      const posted = await post.mutateAsync({
        type: 'expense',
        date,
        accountId: account ?? 0,
        amountMinor: amount ?? 0,
        categoryId: category ?? 0,
        counterparty,
        note,
        grantId: g.id,
        budgetLineId: line,
      });
      if (posted.warnings.includes('grantPeriodEnded') || posted.warnings.includes('grantNotStarted')) setEnded(true);
      else onClose();
      setAmount(null);
    });
  };
  const outside = isIsoDate(date) && (date > g.endsOn || date < g.startsOn);

  return (
    <KeyForm
      className="card fd-form"
      aria-labelledby="fd-expense-title"
      onSubmit={submit}
      onCancel={onClose}
    >
      <h2 id="fd-expense-title">{t('funding:expense.title')}</h2>
      <div className="fd-grid">
        <Field label={t('funding:grant.line')} error={errors.budgetLineId}>
          {(p) => (
            <select {...p} value={line} onChange={(e) => setLine(Number(e.target.value))}>
              {g.lines.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <MoneyField label={t('funding:expense.amount')} currency={g.currency} value={amount} onChange={setAmount} error={errors.amountMinor} autoFocus />
        <Field label={t('funding:expense.date')} error={errors.date}>
          {(p) => <DateInput {...p} value={date} onChange={setDate} />}
        </Field>
        <Field label={t('funding:expense.account')} error={errors.accountId} hint={usable.length === 0 ? t('funding:expense.noAccount', { currency: g.currency }) : undefined}>
          {(p) => (
            <select {...p} value={account ?? ''} onChange={(e) => setAccountId(Number(e.target.value))}>
              {usable.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('funding:expense.category')} error={errors.categoryId}>
          {(p) => (
            <select {...p} value={category ?? ''} onChange={(e) => setCategoryId(Number(e.target.value))}>
              {expenseCategories.map((c) => (
                <option key={c.id} value={c.id}>
                  {text.category(c)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('funding:expense.counterparty')} error={errors.counterparty}>
          {(p) => <input {...p} value={counterparty} onChange={(e) => setCounterparty(e.target.value)} />}
        </Field>
        <Field label={t('funding:expense.note')} className="fd-span-2">
          {(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
      </div>
      {outside ? <p className="fd-warning-text">{t('funding:expense.outsidePeriod')}</p> : null}
      {ended ? (
        <div className="notice notice-warning" role="status">
          {t('funding:expense.postedOutside')}
        </div>
      ) : null}
      <FormFailure failure={failure} />
      <div className="actions fd-form-actions">
        <button type="submit" className="primary" disabled={post.isPending}>
          {t('funding:expense.post')}
        </button>
        <button type="button" onClick={onClose}>
          {ended ? t('funding:close') : t('funding:cancel')}
        </button>
        <span className="muted">{t('funding:ctrlEnter')}</span>
      </div>
    </KeyForm>
  );
}

function TranchesCard({ grant: g, today }: { grant: GrantView; today: string }) {
  const { t } = useTranslation(['funding', 'common']);
  const fmt = useFormat();
  const text = useFundingText();
  const add = useMutate('grants.addTranche');
  const remove = useMutate('grants.removeTranche');
  const cancel = useMutate('grants.cancelReceipt');
  const [adding, setAdding] = useState(false);
  const [receiving, setReceiving] = useState<number | null>(null);
  const [expectedOn, setExpectedOn] = useState(today);
  const [amount, setAmount] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const { errors, failure, setFailure, attempt } = useFormErrors();
  const money = (m: number) => fmt.money(m, g.currency);

  const submit = async () => {
    const next: Record<string, string> = {};
    if (!isIsoDate(expectedOn)) next.expectedOn = 'validation.date';
    if (amount === null) next.amountMinor = 'validation.required';
    await attempt(next, async () => {
      await add.mutateAsync({ grantId: g.id, expectedOn, amountMinor: amount ?? 0, note });
      setAdding(false);
      setAmount(null);
      setNote('');
    });
  };
  const act = async (fn: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await fn();
    } catch (err) {
      setFailure(text.error(err));
    }
  };
  const status = (tr: TrancheView) =>
    tr.receivedOn !== null
      ? t('funding:tranches.receivedOn', { date: fmt.date(tr.receivedOn), account: tr.accountName ?? '' })
      : tr.overdue
        ? t('funding:tranches.overdue')
        : t('funding:tranches.expected');

  return (
    <section className="card" aria-labelledby="fd-tranches-title">
      <div className="fd-card-head">
        <h2 id="fd-tranches-title">{t('funding:tranches.title')}</h2>
        <button type="button" onClick={() => setAdding(true)}>
          {t('funding:tranches.add')}
        </button>
      </div>
      <DataTable
        className="fd-table"
        data={g.tranches}
        caption={t('funding:tranches.title')}
        empty={t('funding:tranches.empty')}
        rowKey={(tr) => String(tr.id)}
        rowClass={(tr) => (tr.overdue ? 'fd-over' : undefined)}
        columns={((col) => [
          col('expectedOn', t('funding:tranches.expectedOn'), (tr) => fmt.date(tr.expectedOn), { value: (tr) => tr.expectedOn }),
          col('amount', t('funding:tranches.amount'), (tr) => money(tr.amountMinor), { value: (tr) => tr.amountMinor, align: 'num' }),
          col('status', t('funding:tranches.status'), (tr) => status(tr)),
          col('note', t('funding:tranches.note'), (tr) => tr.note),
          col(
            'actions',
            <span className="visually-hidden">{t('funding:grant.actions')}</span>,
            (tr) =>
              tr.receivedEntryId === null ? (
                receiving === tr.id ? (
                  <ReceiveForm grant={g} tranche={tr} today={today} onDone={() => setReceiving(null)} />
                ) : (
                  <>
                    <button type="button" className="small primary" onClick={() => setReceiving(tr.id)}>
                      {t('funding:tranches.receive')}
                    </button>
                    <button type="button" className="small" onClick={() => void act(() => remove.mutateAsync({ id: tr.id }))}>
                      {t('funding:tranches.remove')}
                    </button>
                  </>
                )
              ) : (
                <button type="button" className="small" onClick={() => void act(() => cancel.mutateAsync({ id: tr.id }))}>
                  {t('funding:tranches.cancelReceipt')}
                </button>
              ),
            { className: 'fd-row-actions' },
          ),
        ])(columnsOf<TrancheView>(g.tranches))}
      />
      {adding ? (
        <KeyForm className="fd-inline-form" onSubmit={submit} onCancel={() => setAdding(false)}>
          <Field label={t('funding:tranches.expectedOn')} error={errors.expectedOn}>
            {(p) => <DateInput {...p} autoFocus value={expectedOn} onChange={setExpectedOn} />}
          </Field>
          <MoneyField label={t('funding:tranches.amount')} currency={g.currency} value={amount} onChange={setAmount} error={errors.amountMinor} />
          <Field label={t('funding:tranches.note')}>{(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
          <div className="actions">
            <button type="submit" className="primary">
              {t('funding:tranches.add')}
            </button>
            <button type="button" onClick={() => setAdding(false)}>
              {t('funding:cancel')}
            </button>
          </div>
        </KeyForm>
      ) : null}
      <FormFailure failure={failure} />
    </section>
  );
}

function ReceiveForm({ grant: g, tranche, today, onDone }: { grant: GrantView; tranche: TrancheView; today: string; onDone: () => void }) {
  const { t } = useTranslation(['funding', 'common']);
  const text = useFundingText();
  const accounts = useCall('accounts.list', { includeArchived: false });
  const receive = useMutate('grants.receiveTranche');
  const usable = (accounts.data ?? []).filter((a) => a.currency === g.currency);
  const [accountId, setAccountId] = useState<number | null>(null);
  const [date, setDate] = useState(today);
  const [failure, setFailure] = useState<string | null>(null);
  const account = accountId ?? usable.find((a) => a.kind === 'bank')?.id ?? usable[0]?.id ?? null;
  const submit = async () => {
    if (account === null || !isIsoDate(date)) return;
    try {
      await receive.mutateAsync({ id: tranche.id, accountId: account, date });
      onDone();
    } catch (err) {
      setFailure(text.error(err));
    }
  };
  return (
    <KeyForm className="fd-receive" onSubmit={submit} onCancel={onDone}>
      <Field label={t('funding:tranches.account')}>
        {(p) => (
          <select {...p} autoFocus value={account ?? ''} onChange={(e) => setAccountId(Number(e.target.value))}>
            {usable.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('funding:tranches.receivedDate')}>{(p) => <DateInput {...p} value={date} onChange={setDate} />}</Field>
      <button type="submit" className="small primary" disabled={account === null}>
        {t('funding:tranches.confirmReceive')}
      </button>
      <button type="button" className="small" onClick={onDone}>
        {t('funding:cancel')}
      </button>
      <FormFailure failure={failure} />
    </KeyForm>
  );
}

function EntriesCard({ grant: g }: { grant: GrantView }) {
  const { t } = useTranslation(['funding', 'common']);
  const fmt = useFormat();
  const text = useFundingText();
  return (
    <section className="card" aria-labelledby="fd-entries-title">
      <h2 id="fd-entries-title">{t('funding:grant.entries')}</h2>
      <DataTable
        className="fd-table"
        data={g.entries}
        caption={t('funding:grant.entries')}
        empty={t('funding:grant.noEntries')}
        rowKey={(e) => String(e.id)}
        rowClass={(e) => (e.reversesEntryId !== null ? 'fd-reversal' : undefined)}
        columns={((col) => [
          col(
            'date',
            t('funding:expense.date'),
            (e) => (
              <>
                {fmt.date(e.date)}
                {e.outsidePeriod ? <span className="badge fd-warn-badge">{t('funding:grant.outside')}</span> : null}
              </>
            ),
            { value: (e) => e.date },
          ),
          col('line', t('funding:grant.line'), (e) => e.lineName ?? '—', { value: (e) => e.lineName }),
          col(
            'category',
            t('funding:expense.category'),
            (e) => (
              <>
                {text.category({ code: e.categoryCode, name: e.categoryName })}
                {e.reversesEntryId !== null ? <span className="badge">{t('funding:grant.reversal')}</span> : null}
              </>
            ),
            { value: (e) => text.category({ code: e.categoryCode, name: e.categoryName }) },
          ),
          col('counterparty', t('funding:expense.counterparty'), (e) => e.counterparty || e.note),
          col('amount', t('funding:expense.amount'), (e) => <span className={e.amountMinor < 0 ? 'fd-negative' : 'fd-positive'}>{fmt.money(e.amountMinor, g.currency)}</span>, {
            value: (e) => e.amountMinor,
            align: 'num',
          }),
        ])(columnsOf(g.entries))}
      />
    </section>
  );
}
