import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_KINDS, type AccountDto, type AccountKind } from '../../../shared/domain/cashbook';
import { CURRENCIES, type Currency } from '../../../shared/domain/settings';
import { useCall, useMutate } from '../../app/api';
import { Field, RequiredLegend } from '../../ui/Field';
import { useCallForm } from '../../ui/useCallForm';
import { useFormat } from '../../ui/format';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { MoneyField } from '../../ui/MoneyField';
import { useCentre } from './cashbookText';
import { KeyForm } from '../../ui/KeyForm';
import { DateInput } from '../../ui/DateInput';

interface AccountValues {
  name: string;
  kind: AccountKind;
  currency: Currency;
  opening: number | null;
  openingDate: string;
}

/** Accounts with their balances; open, edit and archive. */
export function AccountsScreen() {
  const { t } = useTranslation(['cashbook', 'common']);
  const centre = useCentre();
  const accounts = useCall('accounts.list', { includeArchived: true });
  const archive = useMutate('accounts.setArchived');
  const [editing, setEditing] = useState<AccountDto | 'new' | null>(null);

  if (!centre || !accounts.data) return <p className="loading">{t('common:loading')}</p>;

  return (
    <>
      <div className="actions cb-toolbar">
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {t('cashbook:accounts.add')}
        </button>
      </div>
      {editing !== null ? (
        <AccountForm
          // A new form each time one is opened (a new account, or another one to edit).
          key={editing === 'new' ? `new-${accounts.data.length}` : editing.id}
          account={editing === 'new' ? null : editing}
          currency={centre.currency}
          today={centre.today}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <ErrorNotice error={archive.error} />
      <AccountsTable accounts={accounts.data} onEdit={setEditing} onArchive={(a) => archive.mutate({ id: a.id, archived: !a.archived })} />
    </>
  );
}

/** Open or edit an account, checked with accounts.create's own schema (accounts.update takes the same data). */
function AccountForm(props: { account: AccountDto | null; currency: Currency; today: string; onDone: () => void }) {
  const { t } = useTranslation(['cashbook', 'common']);
  const create = useMutate('accounts.create');
  const update = useMutate('accounts.update');
  const a = props.account;
  const f = useCallForm({
    call: 'accounts.create',
    defaultValues: (a
      ? { name: a.name, kind: a.kind, currency: a.currency, opening: a.openingBalanceMinor, openingDate: a.openingDate }
      : { name: '', kind: 'cash', currency: props.currency, opening: null, openingDate: props.today }) as AccountValues,
    toInput: (v: AccountValues) => ({ name: v.name, kind: v.kind, currency: v.currency, openingBalanceMinor: v.opening ?? 0, openingDate: v.openingDate }),
    fieldOf: (path) => {
      const key = path.replace(/^data\./, '');
      if (key === 'openingBalanceMinor') return 'opening';
      return key === 'name' || key === 'kind' || key === 'currency' || key === 'openingDate' ? key : null;
    },
    onCancel: props.onDone,
    onSubmit: async (input) => {
      if (a === null) await create.mutateAsync(input);
      else await update.mutateAsync({ id: a.id, data: input });
      props.onDone();
    },
  });
  const { control, watch, setValue, clearErrors } = f.form;
  /** A message goes away as soon as its field is changed. */
  const register = (name: 'name' | 'kind' | 'currency') => f.form.register(name, { onChange: () => clearErrors(name) });
  const [currency, openingDate] = watch(['currency', 'openingDate']);
  const title = a === null ? t('cashbook:accounts.newTitle') : t('cashbook:accounts.editTitle');
  return (
    <section className="card cb-account-form" aria-label={title}>
      <h2>{title}</h2>
      <KeyForm onSubmit={f.submit} onCancel={f.cancel}>
        <RequiredLegend />
        <div className="form-grid-3">
          <Field label={t('cashbook:accounts.name')} error={f.error('name')} required>
            {(p) => <input {...p} autoFocus maxLength={100} {...register('name')} />}
          </Field>
          <Field label={t('cashbook:accounts.kind')} error={f.error('kind')}>
            {(p) => (
              <select {...p} {...register('kind')}>
                {ACCOUNT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`cashbook:kinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('cashbook:accounts.currency')} error={f.error('currency')}>
            {(p) => (
              <select {...p} {...register('currency')}>
                {CURRENCIES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Controller
            control={control}
            name="opening"
            render={({ field }) => (
              <MoneyField
                label={t('cashbook:accounts.opening')}
                currency={currency}
                value={field.value}
                error={f.error('opening')}
                hint={t('cashbook:accounts.openingHint')}
                allowZero
                allowNegative
                onChange={(minor) => {
                  field.onChange(minor);
                  clearErrors('opening');
                }}
              />
            )}
          />
          <Field label={t('cashbook:accounts.openingDate')} error={f.error('openingDate')} required>
            {(p) => (
              <DateInput
                {...p}
                value={openingDate}
                onChange={(v) => {
                  setValue('openingDate', v, { shouldDirty: true });
                  clearErrors('openingDate');
                }}
              />
            )}
          </Field>
        </div>
        {f.notice}
        <div className="actions cb-form-actions">
          <button type="submit" className="primary" disabled={create.isPending || update.isPending || f.saving}>
            {t('common:save')}
          </button>
          <button type="button" onClick={f.cancel}>
            {t('common:cancel')}
          </button>
          <span className="muted">{t('common:saveShortcut')}</span>
        </div>
      </KeyForm>
    </section>
  );
}

/** The accounts as a table; the row's buttons edit (the form above) and archive or restore. */
function AccountsTable({ accounts, onEdit, onArchive }: { accounts: AccountDto[]; onEdit: (a: AccountDto) => void; onArchive: (a: AccountDto) => void }) {
  const { t } = useTranslation(['cashbook', 'common']);
  const fmt = useFormat();
  return (
    <DataTable
      className="cb-accounts"
      data={accounts}
      caption={t('cashbook:nav.accounts')}
      empty={t('cashbook:balances.none')}
      rowKey={(a) => String(a.id)}
      rowClass={(a) => (a.archived ? 'archived' : undefined)}
      columns={((col) => [
        col(
          'name',
          t('cashbook:accounts.name'),
          (a) => (
            <>
              {a.name}
              {a.archived ? <span className="badge">{t('cashbook:accounts.archived')}</span> : null}
            </>
          ),
          { value: (a) => a.name },
        ),
        col('kind', t('cashbook:accounts.kind'), (a) => t(`cashbook:kinds.${a.kind}`), { value: (a) => t(`cashbook:kinds.${a.kind}`) }),
        col('currency', t('cashbook:accounts.currency'), (a) => a.currency, { value: (a) => a.currency }),
        col(
          'opening',
          t('cashbook:accounts.opening'),
          (a) => (
            <>
              {fmt.money(a.openingBalanceMinor, a.currency)}
              <div className="muted small-text">{t('cashbook:accounts.asOf', { date: fmt.date(a.openingDate) })}</div>
            </>
          ),
          { align: 'num' },
        ),
        col('balance', t('cashbook:accounts.balance'), (a) => fmt.money(a.balanceMinor, a.currency), { align: 'num', className: 'cb-strong' }),
        col('actions', <span className="visually-hidden">{t('cashbook:list.actions')}</span>, (a) => (
          <div className="row-actions">
            <button type="button" className="small" onClick={() => onEdit(a)} aria-label={t('cashbook:accounts.editOf', { name: a.name })}>
              {t('common:edit')}
            </button>
            <button
              type="button"
              className="small"
              onClick={() => onArchive(a)}
              aria-label={t(a.archived ? 'cashbook:accounts.restoreOf' : 'cashbook:accounts.archiveOf', { name: a.name })}
            >
              {a.archived ? t('cashbook:accounts.restore') : t('cashbook:accounts.archive')}
            </button>
          </div>
        )),
      ])(columnsOf(accounts))}
    />
  );
}
