import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../shared/api/contract';
import { isIsoDate } from '../../../shared/domain/dates';
import type { BudgetLineView, GrantView, TrancheView } from '../../../shared/domain/funding';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { Field, RequiredLegend, type FieldControlProps } from '../../ui/Field';
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

      <LinesCard grant={g} today={centre.today} />
      <TranchesCard grant={g} today={centre.today} />
      <EntriesCard grant={g} />
      {g.entries.length === 0 && g.tranches.every((tr) => tr.receivedEntryId === null) ? <DeleteGrant grant={g} /> : null}
    </div>
  );
}

/**
 * The focus back on the button that opened a row's form once the form closes (saved or left with
 * Escape): `closing(key)` before closing it, `ref={back(key)}` on the button.
 */
function useFocusBack() {
  const pending = useRef<string | null>(null);
  return {
    closing: (key: string) => {
      pending.current = key;
    },
    back: (key: string) => (el: HTMLButtonElement | null) => {
      if (el && pending.current === key) {
        pending.current = null;
        el.focus();
      }
    },
  };
}

/**
 * Plan vs actual per budget line. A line turns into its form in place (Edit), an expense on a line
 * opens under it, and a new line's form comes after the last line (the shared table's `editing`,
 * `detail` and `tail`).
 */
function LinesCard({ grant: g, today }: { grant: GrantView; today: string }) {
  const { t } = useTranslation(['funding', 'common']);
  const fmt = useFormat();
  const money = (m: number) => fmt.money(m, g.currency);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [expenseLine, setExpenseLine] = useState<number | null>(null);
  const { closing, back } = useFocusBack();
  const closeLine = (key: string) => () => {
    closing(key);
    setEditing(null);
  };
  const actual = g.spentMinor - g.unassignedMinor;
  return (
    <section className="card" aria-labelledby="fd-lines-title">
      <div className="fd-card-head">
        <h2 id="fd-lines-title">{t('funding:grant.planVsActual')}</h2>
        <button type="button" ref={back('add')} onClick={() => setEditing('new')}>
          {t('funding:grants.addLine')}
        </button>
      </div>
      <DataTable
        className="fd-table fd-lines-table"
        data={g.lines}
        caption={t('funding:grant.planVsActual')}
        empty={t('funding:grant.noLines')}
        rowKey={(l) => String(l.id)}
        rowLabel={(l) => l.name}
        rowClass={(l) => (l.overspent ? 'fd-over' : undefined)}
        editing={(l) => (editing === l.id ? <LineForm grant={g} line={l} onDone={closeLine(`edit-${l.id}`)} /> : null)}
        detail={(l) =>
          expenseLine === l.id ? (
            <ExpenseForm
              grant={g}
              lineId={l.id}
              today={today}
              onClose={() => {
                closing(`expense-${l.id}`);
                setExpenseLine(null);
              }}
            />
          ) : null
        }
        tail={editing === 'new' ? <LineForm grant={g} line={null} onDone={closeLine('add')} /> : null}
        foot={
          <tr>
            <th scope="row">{t('funding:grant.total')}</th>
            <td className="num">{money(g.plannedMinor)}</td>
            <td className="num">{money(actual)}</td>
            <td className="num">{money(g.plannedMinor - actual)}</td>
            <td colSpan={2}>{g.unassignedMinor !== 0 ? t('funding:grant.unassigned', { amount: money(g.unassignedMinor) }) : null}</td>
          </tr>
        }
        columns={((col) => [
          col('line', t('funding:grant.line'), (l) => l.name, { value: (l) => l.name, rowHeader: true }),
          col('planned', t('funding:grant.planned'), (l) => money(l.plannedMinor), { value: (l) => l.plannedMinor, align: 'num' }),
          col('actual', t('funding:grant.actual'), (l) => money(l.actualMinor), { value: (l) => l.actualMinor, align: 'num' }),
          col(
            'remaining',
            t('funding:grant.remaining'),
            (l) => <span className={l.remainingMinor < 0 ? 'fd-negative' : undefined}>{money(l.remainingMinor)}</span>,
            { value: (l) => l.remainingMinor, align: 'num' },
          ),
          col('spent', t('funding:grant.spentPercent'), (l) => <PercentBar percent={l.percentSpent} label={t('funding:grant.lineSpent', { line: l.name })} />, {
            value: (l) => l.percentSpent,
          }),
          col(
            'actions',
            <span className="visually-hidden">{t('funding:grant.actions')}</span>,
            (l) => (
              <>
                <button
                  type="button"
                  className="small"
                  ref={back(`expense-${l.id}`)}
                  aria-expanded={expenseLine === l.id}
                  onClick={() => setExpenseLine(expenseLine === l.id ? null : l.id)}
                >
                  {t('funding:grant.recordExpense')}
                </button>
                <button type="button" className="small" ref={back(`edit-${l.id}`)} onClick={() => setEditing(l.id)}>
                  {t('funding:grant.editLine')}
                </button>
              </>
            ),
            { className: 'fd-row-actions' },
          ),
        ])(columnsOf<BudgetLineView>(g.lines))}
      />
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

/** The expense form's values; an account or category left null is the first usable one. */
interface ExpenseValues {
  budgetLineId: number;
  amountMinor: number | null;
  date: string;
  accountId: number | null;
  categoryId: number | null;
  counterparty: string;
  note: string;
}

/**
 * An expense on a budget line, drawn under the line: posted to the cash book (cashbook.post, and
 * checked with its schema) from an account in the grant's currency.
 */
function ExpenseForm({ grant: g, lineId, today, onClose }: { grant: GrantView; lineId: number; today: string; onClose: () => void }) {
  const { t } = useTranslation(['funding', 'common']);
  const text = useFundingText();
  const accounts = useCall('accounts.list', { includeArchived: false });
  const categories = useCall('cashbook.categories', { includeArchived: false });
  const post = useMutate('cashbook.post');
  const usable = (accounts.data ?? []).filter((a) => a.currency === g.currency);
  const expenseCategories = (categories.data ?? []).filter((c) => c.direction === 'expense');
  const [ended, setEnded] = useState(false);
  const accountOf = (chosen: number | null) => chosen ?? usable[0]?.id ?? null;
  const categoryOf = (chosen: number | null) => chosen ?? expenseCategories.find((c) => c.code === 'otherExpense')?.id ?? expenseCategories[0]?.id ?? null;
  const f = useCallForm({
    call: 'cashbook.post',
    defaultValues: { budgetLineId: lineId, amountMinor: null, date: today, accountId: null, categoryId: null, counterparty: '', note: '' } as ExpenseValues,
    // null goes to the schema as it is: its own message ("enter an amount", "required") names the field.
    toInput: (v: ExpenseValues) =>
      ({
        type: 'expense',
        date: v.date,
        accountId: accountOf(v.accountId),
        amountMinor: v.amountMinor,
        categoryId: categoryOf(v.categoryId),
        counterparty: v.counterparty,
        documentNo: '',
        note: v.note,
        grantId: g.id,
        budgetLineId: v.budgetLineId,
      }) as unknown as CallInput<'cashbook.post'>,
    fieldOf: (path) => {
      const top = path.split('.')[0] ?? '';
      return ['budgetLineId', 'amountMinor', 'date', 'accountId', 'categoryId', 'counterparty', 'note'].includes(top) ? (top as keyof ExpenseValues) : null;
    },
    onCancel: onClose,
    onSubmit: async (input) => {
      const posted = await post.mutateAsync(input);
      if (posted.warnings.includes('grantPeriodEnded') || posted.warnings.includes('grantNotStarted')) {
        setEnded(true);
      } else onClose();
    },
    // Posted: the next expense starts from an empty amount.
    afterSave: (v) => ({ ...v, amountMinor: null }),
  });
  const { register, control } = f.form;
  const date = useWatch({ control, name: 'date' });
  const outside = isIsoDate(date) && (date > g.endsOn || date < g.startsOn);
  const idSelect = (name: 'budgetLineId' | 'accountId' | 'categoryId', effective: (v: number | null) => number | null, options: { id: number; label: string }[], p: FieldControlProps) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <select {...p} ref={field.ref} name={field.name} value={effective(field.value) ?? ''} onBlur={field.onBlur} onChange={(e) => field.onChange(Number(e.target.value))}>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );

  return (
    <KeyForm className="fd-form fd-row-form" aria-labelledby={`fd-expense-title-${lineId}`} onSubmit={f.submit} onCancel={f.cancel}>
      <h3 id={`fd-expense-title-${lineId}`}>{t('funding:expense.title')}</h3>
      <RequiredLegend />
      <div className="fd-grid">
        <Field label={t('funding:grant.line')} error={f.error('budgetLineId')} required>
          {(p) => idSelect('budgetLineId', (v) => v, g.lines.map((l) => ({ id: l.id, label: l.name })), p)}
        </Field>
        <Controller
          control={control}
          name="amountMinor"
          render={({ field }) => (
            <MoneyField label={t('funding:expense.amount')} currency={g.currency} value={field.value} onChange={field.onChange} error={f.error('amountMinor')} required autoFocus />
          )}
        />
        <Controller
          control={control}
          name="date"
          render={({ field }) => (
            <Field label={t('funding:expense.date')} error={f.error('date')} required>
              {(p) => <DateInput {...p} value={field.value} onChange={field.onChange} />}
            </Field>
          )}
        />
        <Field
          label={t('funding:expense.account')}
          error={f.error('accountId')}
          hint={usable.length === 0 ? t('funding:expense.noAccount', { currency: g.currency }) : undefined}
          required
        >
          {(p) => idSelect('accountId', accountOf, usable.map((a) => ({ id: a.id, label: a.name })), p)}
        </Field>
        <Field label={t('funding:expense.category')} error={f.error('categoryId')} required>
          {(p) => idSelect('categoryId', categoryOf, expenseCategories.map((c) => ({ id: c.id, label: text.category(c) })), p)}
        </Field>
        <Field label={t('funding:expense.counterparty')} error={f.error('counterparty')}>
          {(p) => <input {...p} {...register('counterparty')} />}
        </Field>
        <Field label={t('funding:expense.note')} error={f.error('note')} className="fd-span-2">
          {(p) => <input {...p} {...register('note')} />}
        </Field>
      </div>
      {outside ? <p className="fd-warning-text">{t('funding:expense.outsidePeriod')}</p> : null}
      {ended ? (
        <div className="notice notice-warning" role="status">
          {t('funding:expense.postedOutside')}
        </div>
      ) : null}
      {f.notice}
      <div className="actions fd-form-actions">
        <button type="submit" className="primary" disabled={f.saving}>
          {t('funding:expense.post')}
        </button>
        <button type="button" onClick={f.cancel ?? onClose}>
          {ended ? t('funding:close') : t('funding:cancel')}
        </button>
        <span className="muted">{t('funding:ctrlEnter')}</span>
      </div>
    </KeyForm>
  );
}

/** The tranches the funder pays: receiving one opens its form under it, a new one's form comes after the last. */
function TranchesCard({ grant: g, today }: { grant: GrantView; today: string }) {
  const { t } = useTranslation(['funding', 'common']);
  const fmt = useFormat();
  const text = useFundingText();
  const remove = useMutate('grants.removeTranche');
  const cancel = useMutate('grants.cancelReceipt');
  const [adding, setAdding] = useState(false);
  const [receiving, setReceiving] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { closing, back } = useFocusBack();
  const money = (m: number) => fmt.money(m, g.currency);

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
        <button type="button" ref={back('add')} onClick={() => setAdding(true)}>
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
        detail={(tr) =>
          receiving === tr.id && tr.receivedEntryId === null ? (
            <ReceiveForm
              grant={g}
              tranche={tr}
              today={today}
              onDone={(saved) => {
                // Received: the focus goes to its Cancel receipt (drawn once the grant is read again).
                closing(saved ? `cancel-${tr.id}` : `receive-${tr.id}`);
                setReceiving(null);
              }}
            />
          ) : null
        }
        tail={
          adding ? (
            <TrancheForm
              grant={g}
              today={today}
              onDone={() => {
                closing('add');
                setAdding(false);
              }}
            />
          ) : null
        }
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
                <>
                  <button
                    type="button"
                    className="small primary"
                    ref={back(`receive-${tr.id}`)}
                    aria-expanded={receiving === tr.id}
                    onClick={() => setReceiving(receiving === tr.id ? null : tr.id)}
                  >
                    {t('funding:tranches.receive')}
                  </button>
                  <button type="button" className="small" onClick={() => void act(() => remove.mutateAsync({ id: tr.id }))}>
                    {t('funding:tranches.remove')}
                  </button>
                </>
              ) : (
                <button type="button" className="small" ref={back(`cancel-${tr.id}`)} onClick={() => void act(() => cancel.mutateAsync({ id: tr.id }))}>
                  {t('funding:tranches.cancelReceipt')}
                </button>
              ),
            { className: 'fd-row-actions' },
          ),
        ])(columnsOf<TrancheView>(g.tranches))}
      />
      <FormFailure failure={failure} />
    </section>
  );
}

/** An expected tranche (its date and amount), checked with grants.addTranche's schema. */
function TrancheForm({ grant: g, today, onDone }: { grant: GrantView; today: string; onDone: () => void }) {
  const { t } = useTranslation(['funding', 'common']);
  const add = useMutate('grants.addTranche');
  const f = useCallForm({
    call: 'grants.addTranche',
    defaultValues: { expectedOn: today, amountMinor: null, note: '' } as { expectedOn: string; amountMinor: number | null; note: string },
    // null goes to the schema as it is: its own message names the field.
    toInput: (v) => ({ grantId: g.id, ...v }) as unknown as CallInput<'grants.addTranche'>,
    onCancel: onDone,
    onSubmit: async (input) => {
      await add.mutateAsync(input);
      onDone();
    },
  });
  const { control, register } = f.form;
  return (
    <KeyForm className="fd-inline-form" aria-label={t('funding:tranches.add')} onSubmit={f.submit} onCancel={f.cancel}>
      <Controller
        control={control}
        name="expectedOn"
        render={({ field }) => (
          <Field label={t('funding:tranches.expectedOn')} error={f.error('expectedOn')} required>
            {(p) => <DateInput {...p} autoFocus value={field.value} onChange={field.onChange} />}
          </Field>
        )}
      />
      <Controller
        control={control}
        name="amountMinor"
        render={({ field }) => (
          <MoneyField label={t('funding:tranches.amount')} currency={g.currency} value={field.value} onChange={field.onChange} error={f.error('amountMinor')} required />
        )}
      />
      <Field label={t('funding:tranches.note')} error={f.error('note')}>
        {(p) => <input {...p} {...register('note')} />}
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={f.saving}>
          {t('funding:tranches.add')}
        </button>
        <button type="button" onClick={f.cancel ?? onDone}>
          {t('funding:cancel')}
        </button>
      </div>
      {f.notice}
    </KeyForm>
  );
}

/** A tranche that arrived: the account it came to and the day (grants.receiveTranche's schema), under the tranche's row. */
function ReceiveForm({ grant: g, tranche, today, onDone }: { grant: GrantView; tranche: TrancheView; today: string; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation(['funding', 'common']);
  const fmt = useFormat();
  const accounts = useCall('accounts.list', { includeArchived: false });
  const receive = useMutate('grants.receiveTranche');
  const usable = (accounts.data ?? []).filter((a) => a.currency === g.currency);
  const accountOf = (chosen: number | null) => chosen ?? usable.find((a) => a.kind === 'bank')?.id ?? usable[0]?.id ?? null;
  const f = useCallForm({
    call: 'grants.receiveTranche',
    defaultValues: { accountId: null, date: today } as { accountId: number | null; date: string },
    toInput: (v) => ({ id: tranche.id, accountId: accountOf(v.accountId), date: v.date }) as unknown as CallInput<'grants.receiveTranche'>,
    onCancel: () => onDone(false),
    onSubmit: async (input) => {
      await receive.mutateAsync(input);
      onDone(true);
    },
  });
  const { control } = f.form;
  const account = accountOf(useWatch({ control, name: 'accountId' }));
  return (
    <KeyForm className="fd-receive" aria-label={`${t('funding:tranches.receive')}: ${fmt.money(tranche.amountMinor, g.currency)}`} onSubmit={f.submit} onCancel={f.cancel}>
      <Controller
        control={control}
        name="accountId"
        render={({ field }) => (
          <Field label={t('funding:tranches.account')} error={f.error('accountId')} required>
            {(p) => (
              <select {...p} ref={field.ref} name={field.name} autoFocus value={account ?? ''} onBlur={field.onBlur} onChange={(e) => field.onChange(Number(e.target.value))}>
                {usable.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      />
      <Controller
        control={control}
        name="date"
        render={({ field }) => (
          <Field label={t('funding:tranches.receivedDate')} error={f.error('date')} required>
            {(p) => <DateInput {...p} value={field.value} onChange={field.onChange} />}
          </Field>
        )}
      />
      <button type="submit" className="small primary" disabled={account === null || f.saving}>
        {t('funding:tranches.confirmReceive')}
      </button>
      <button type="button" className="small" onClick={f.cancel ?? (() => onDone(false))}>
        {t('funding:cancel')}
      </button>
      {f.notice}
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
