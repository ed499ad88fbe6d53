import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_KINDS, type AccountDto, type AccountKind } from '../../../shared/domain/cashbook';
import { CURRENCIES, type Currency } from '../../../shared/domain/settings';
import { isIsoDate } from '../../../shared/domain/dates';
import { useCall, useMutate } from '../../app/api';
import { ApiError } from '../../bridge';
import { Field } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { MoneyField } from '../../ui/MoneyField';
import { useCashbookText, useCentre } from './cashbookText';
import { KeyForm } from '../../ui/KeyForm';
import { DateInput } from '../../ui/DateInput';

interface Draft {
  id: number | null;
  name: string;
  kind: AccountKind;
  currency: Currency;
  opening: number | null;
  openingDate: string;
}

/** Accounts with their balances; open, edit and archive. */
export function AccountsScreen() {
  const { t } = useTranslation(['cashbook', 'common']);
  const text = useCashbookText();
  const centre = useCentre();
  const accounts = useCall('accounts.list', { includeArchived: true });
  const create = useMutate('accounts.create');
  const update = useMutate('accounts.update');
  const archive = useMutate('accounts.setArchived');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  if (!centre || !accounts.data) return <p className="loading">{t('common:loading')}</p>;

  const open = (a: AccountDto | null) => {
    setErrors({});
    setFailure(null);
    setDraft(
      a
        ? { id: a.id, name: a.name, kind: a.kind, currency: a.currency, opening: a.openingBalanceMinor, openingDate: a.openingDate }
        : { id: null, name: '', kind: 'cash', currency: centre.currency, opening: null, openingDate: centre.today },
    );
    setTimeout(() => nameRef.current?.focus(), 0);
  };

  const submit = async () => {
    if (!draft) return;
    const next: Record<string, string> = {};
    if (draft.name.trim() === '') next.name = 'validation.required';
    if (!isIsoDate(draft.openingDate)) next.openingDate = 'validation.date';
    const opening = draft.opening ?? 0;
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const data = { name: draft.name, kind: draft.kind, currency: draft.currency, openingBalanceMinor: opening, openingDate: draft.openingDate };
    try {
      if (draft.id === null) await create.mutateAsync(data);
      else await update.mutateAsync({ id: draft.id, data });
      setDraft(null);
    } catch (err) {
      if (err instanceof ApiError && err.body.fields?.length) {
        const fields: Record<string, string> = {};
        for (const f of err.body.fields) fields[f.path.replace(/^data\./, '')] = f.message;
        setErrors(fields);
      } else setFailure(text.error(err));
    }
  };

  return (
    <>
      <div className="actions cb-toolbar">
        <button type="button" className="primary" onClick={() => open(null)}>
          {t('cashbook:accounts.add')}
        </button>
      </div>
      {draft ? (
        <section className="card cb-account-form" aria-label={draft.id === null ? t('cashbook:accounts.newTitle') : t('cashbook:accounts.editTitle')}>
          <h2>{draft.id === null ? t('cashbook:accounts.newTitle') : t('cashbook:accounts.editTitle')}</h2>
          <KeyForm onSubmit={submit}>
            <div className="form-grid-3">
              <Field label={t('cashbook:accounts.name')} error={errors.name}>
                {(p) => <input {...p} ref={nameRef} value={draft.name} maxLength={100} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}
              </Field>
              <Field label={t('cashbook:accounts.kind')}>
                {(p) => (
                  <select {...p} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as AccountKind })}>
                    {ACCOUNT_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`cashbook:kinds.${k}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('cashbook:accounts.currency')} error={errors.currency}>
                {(p) => (
                  <select {...p} value={draft.currency} onChange={(e) => setDraft({ ...draft, currency: e.target.value as Currency })}>
                    {CURRENCIES.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <MoneyField
                label={t('cashbook:accounts.opening')}
                currency={draft.currency}
                value={draft.opening}
                error={errors.openingBalanceMinor}
                hint={t('cashbook:accounts.openingHint')}
                allowZero
                allowNegative
                onChange={(minor) => setDraft((d) => (d ? { ...d, opening: minor } : d))}
              />
              <Field label={t('cashbook:accounts.openingDate')} error={errors.openingDate}>
                {(p) => <DateInput {...p} value={draft.openingDate} onChange={(v) => setDraft({ ...draft, openingDate: v })} />}
              </Field>
            </div>
            {failure ? (
              <div role="alert" className="notice notice-error">
                {failure}
              </div>
            ) : null}
            <div className="actions cb-form-actions">
              <button type="submit" className="primary" disabled={create.isPending || update.isPending}>
                {t('common:save')}
              </button>
              <button type="button" onClick={() => setDraft(null)}>
                {t('common:cancel')}
              </button>
              <span className="muted">{t('common:saveShortcut')}</span>
            </div>
          </KeyForm>
        </section>
      ) : null}
      <ErrorNotice error={archive.error} />
      <AccountsTable accounts={accounts.data} onEdit={open} onArchive={(a) => archive.mutate({ id: a.id, archived: !a.archived })} />
    </>
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
