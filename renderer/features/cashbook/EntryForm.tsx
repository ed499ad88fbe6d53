import { useId, useMemo, useRef, useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AccountDto, CategoryDto, EntryWarning, GrantOption } from '../../../shared/domain/cashbook';
import { grantPeriodWarning } from '../../../shared/domain/cashbook';
import { isIsoDate } from '../../../shared/domain/dates';
import type { CallInput } from '../../../shared/api/contract';
import { useMutate } from '../../app/api';
import { Field, RequiredLegend } from '../../ui/Field';
import { DateInput } from '../../ui/DateInput';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { useFormat } from '../../ui/format';
import { MoneyField } from '../../ui/MoneyField';
import { useCashbookText } from './cashbookText';

type FormType = 'income' | 'expense' | 'transfer';

/** The entry form's values; `accountId` null is the list's account (or the centre's cash box). */
interface EntryValues {
  date: string;
  accountId: number | null;
  toAccountId: number | null;
  amountMinor: number | null;
  categoryId: number | null;
  counterparty: string;
  documentNo: string;
  note: string;
  grantId: number | null;
  budgetLineId: number | null;
}

/** Where a path of cashbook.post's or cashbook.transfer's input is shown. */
const entryFieldOf = (path: string): keyof EntryValues | null => {
  const top = path.split('.')[0] ?? '';
  if (top === 'fromAccountId') return 'accountId';
  return ['date', 'accountId', 'toAccountId', 'amountMinor', 'categoryId', 'counterparty', 'documentNo', 'note', 'grantId', 'budgetLineId'].includes(top)
    ? (top as keyof EntryValues)
    : null;
};

/**
 * A new entry: choose income, expense or transfer (focus goes to the amount), type a positive
 * amount, pick the category and the rest; Ctrl+Enter saves (the one <KeyForm> behaviour), checked
 * with the call's own schema (cashbook.post or cashbook.transfer). Date, account and category stay
 * for the next entry, so a pile of receipts goes in quickly.
 */
export function EntryForm(props: {
  accounts: AccountDto[];
  categories: CategoryDto[];
  grants: GrantOption[];
  today: string;
  defaultAccountId: number | null;
}) {
  const { t } = useTranslation(['cashbook', 'common']);
  const text = useCashbookText();
  const fmt = useFormat();
  const formId = useId();
  const post = useMutate('cashbook.post');
  const transfer = useMutate('cashbook.transfer');
  const [type, setType] = useState<FormType | null>(null);
  const [saved, setSaved] = useState<{ text: string; warnings: EntryWarning[] } | null>(null);
  const formRef = useRef<HTMLElement>(null);
  const focusAmount = () => setTimeout(() => formRef.current?.querySelector<HTMLInputElement>('.money-field input')?.focus(), 0);
  const focusFirstInvalid = () => setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);

  // The chosen account, else the list's account or the centre's cash box.
  const effectiveAccount = (chosen: number | null) =>
    props.accounts.some((a) => a.id === chosen) ? chosen : (props.defaultAccountId ?? props.accounts[0]?.id ?? null);

  const f = useCallForm({
    call: type === 'transfer' ? 'cashbook.transfer' : 'cashbook.post',
    defaultValues: {
      date: props.today,
      accountId: null,
      toAccountId: null,
      amountMinor: null,
      categoryId: null,
      counterparty: '',
      documentNo: '',
      note: '',
      grantId: null,
      budgetLineId: null,
    } as EntryValues,
    fieldOf: (path) => entryFieldOf(path),
    // null goes to the schema as it is: its own message ("required", "amount") names the field.
    toInput: (v: EntryValues) =>
      (type === 'transfer'
        ? {
            date: v.date,
            fromAccountId: effectiveAccount(v.accountId),
            toAccountId: v.toAccountId,
            amountMinor: v.amountMinor,
            documentNo: v.documentNo,
            note: v.note,
          }
        : {
            type,
            date: v.date,
            accountId: effectiveAccount(v.accountId),
            amountMinor: v.amountMinor,
            categoryId: v.categoryId,
            counterparty: v.counterparty,
            documentNo: v.documentNo,
            note: v.note,
            grantId: type === 'expense' ? v.grantId : null,
            budgetLineId: type === 'expense' ? v.budgetLineId : null,
          }) as unknown as CallInput<'cashbook.post'>,
    onInvalid: () => focusFirstInvalid(),
    onSubmit: async (input, values) => {
      setSaved(null);
      const minor = values.amountMinor ?? 0;
      let message: string;
      let warnings: EntryWarning[] = [];
      if (type === 'transfer') {
        const legs = await transfer.mutateAsync(input as unknown as CallInput<'cashbook.transfer'>);
        message = t('cashbook:form.savedTransfer', { amount: fmt.money(minor, currency), from: legs[0]?.accountName ?? '', to: legs[1]?.accountName ?? '' });
      } else {
        const out = await post.mutateAsync(input as CallInput<'cashbook.post'>);
        warnings = out.warnings;
        message = t(type === 'income' ? 'cashbook:form.savedIncome' : 'cashbook:form.savedExpense', {
          amount: fmt.money(minor, currency),
          category: text.category({ code: out.entry.categoryCode, name: out.entry.categoryName }),
          account: out.entry.accountName,
        });
      }
      setSaved({ text: message, warnings });
      focusAmount();
      return true;
    },
    // Date, account, category and grant stay for the next receipt; the rest is cleared.
    afterSave: (v) => ({ ...v, amountMinor: null, counterparty: '', documentNo: '', note: '' }),
  });
  const { register, control, watch, setValue, getValues, clearErrors } = f.form;
  const accountId = effectiveAccount(watch('accountId'));
  const date = watch('date');
  const grantId = watch('grantId');

  const account = props.accounts.find((a) => a.id === accountId) ?? null;
  const currency = account?.currency ?? 'RUB';
  const direction = type === 'transfer' ? null : type;
  const categories = useMemo(() => props.categories.filter((c) => c.direction === direction), [props.categories, direction]);
  const grants = props.grants.filter((g) => g.currency === currency);
  const grant = grants.find((g) => g.id === grantId) ?? null;
  const periodWarning = grant && isIsoDate(date) ? grantPeriodWarning(grant, date) : null;

  const choose = (next: FormType) => {
    setType(next);
    clearErrors();
    setSaved(null);
    const { categoryId, toAccountId } = getValues();
    if (next !== 'transfer') {
      const fits = props.categories.find((c) => c.id === categoryId)?.direction === next;
      if (!fits) setValue('categoryId', null);
    } else if (toAccountId === null || toAccountId === accountId) {
      setValue('toAccountId', props.accounts.find((a) => a.id !== accountId && a.currency === currency)?.id ?? null);
    }
    // The next keystroke is the amount.
    focusAmount();
  };

  const idSelect = (value: string) => (value === '' ? null : Number(value));
  const errorOf = (name: keyof EntryValues) => f.error(name);

  const accountLabel = (a: AccountDto) => t('cashbook:form.accountOption', { name: a.name, currency: a.currency });
  const typeLabel: Record<FormType, string> = {
    income: t('cashbook:types.income'),
    expense: t('cashbook:types.expense'),
    transfer: t('cashbook:types.transfer'),
  };

  return (
    <section ref={formRef} className="card cb-form" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>{t('cashbook:form.title')}</h2>
      <div className="cb-types" role="group" aria-label={t('cashbook:form.type')}>
        {(['expense', 'income', 'transfer'] as const).map((k) => (
          <button key={k} type="button" className={`cb-type cb-type-${k}`} aria-pressed={type === k} onClick={() => choose(k)}>
            {typeLabel[k]}
          </button>
        ))}
      </div>
      {type === null ? <p className="muted">{t('cashbook:form.chooseType')}</p> : null}
      {saved ? (
        <div className="notice notice-success" role="status">
          {saved.text}
          {saved.warnings.map((w) => (
            <div key={w} className="cb-warning">
              {t(`cashbook:warnings.${w}`)}
            </div>
          ))}
        </div>
      ) : null}
      {type !== null ? (
        <KeyForm onSubmit={f.submit}>
          <RequiredLegend />
          <div className="cb-form-grid">
            <Controller
              control={control}
              name="amountMinor"
              render={({ field }) => (
                <MoneyField
                  label={t('cashbook:form.amount', { currency })}
                  currency={currency}
                  value={field.value}
                  error={errorOf('amountMinor')}
                  hint={t('cashbook:form.amountHint')}
                  className="cb-amount"
                  required
                  onChange={(minor) => {
                    field.onChange(minor);
                    clearErrors('amountMinor');
                  }}
                />
              )}
            />
            <Controller
              control={control}
              name="date"
              render={({ field }) => (
                <Field label={t('cashbook:form.date')} error={errorOf('date')} required>
                  {(p) => <DateInput {...p} value={field.value} onChange={field.onChange} />}
                </Field>
              )}
            />
            <Field label={type === 'transfer' ? t('cashbook:form.fromAccount') : t('cashbook:form.account')} error={errorOf('accountId')} required>
              {(p) => (
                <select {...p} value={accountId ?? ''} onChange={(e) => setValue('accountId', Number(e.target.value), { shouldDirty: true })}>
                  {props.accounts.map((a) => (
                    <option key={a.id} value={a.id}>
                      {accountLabel(a)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {type === 'transfer' ? (
              <Field label={t('cashbook:form.toAccount')} error={errorOf('toAccountId')} required>
                {(p) => (
                  <select {...p} {...register('toAccountId', { setValueAs: idSelect })}>
                    <option value="">{t('cashbook:form.choose')}</option>
                    {props.accounts
                      .filter((a) => a.id !== accountId)
                      .map((a) => (
                        <option key={a.id} value={a.id}>
                          {accountLabel(a)}
                        </option>
                      ))}
                  </select>
                )}
              </Field>
            ) : (
              <Field label={t('cashbook:form.category')} error={errorOf('categoryId')} required>
                {(p) => (
                  <select {...p} {...register('categoryId', { setValueAs: idSelect })}>
                    <option value="">{t('cashbook:form.choose')}</option>
                    {categories.map((c) => (
                      <option key={c.id} value={c.id}>
                        {text.category(c)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            {type !== 'transfer' ? (
              <Field label={type === 'income' ? t('cashbook:form.payer') : t('cashbook:form.payee')} error={errorOf('counterparty')}>
                {(p) => <input {...p} {...register('counterparty')} maxLength={200} />}
              </Field>
            ) : null}
            <Field label={t('cashbook:form.documentNo')} error={errorOf('documentNo')}>
              {(p) => <input {...p} {...register('documentNo')} maxLength={100} />}
            </Field>
            <Field label={t('cashbook:form.note')} error={errorOf('note')} className="cb-span-2">
              {(p) => <input {...p} {...register('note')} maxLength={1000} />}
            </Field>
            {type === 'expense' && grants.length > 0 ? (
              <>
                <Field label={t('cashbook:form.grant')} error={errorOf('grantId')}>
                  {(p) => (
                    <select
                      {...p}
                      {...register('grantId', { setValueAs: idSelect, onChange: () => setValue('budgetLineId', null) })}
                    >
                      <option value="">{t('cashbook:form.noGrant')}</option>
                      {grants.map((g) => (
                        <option key={g.id} value={g.id}>
                          {t('cashbook:form.grantOption', { title: g.title, funder: g.funder })}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={t('cashbook:form.budgetLine')} error={errorOf('budgetLineId')}>
                  {(p) => (
                    <select {...p} {...register('budgetLineId', { setValueAs: idSelect })} disabled={grant === null}>
                      <option value="">{t('cashbook:form.noLine')}</option>
                      {(grant?.lines ?? []).map((l) => (
                        <option key={l.id} value={l.id}>
                          {l.name}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                {periodWarning && grant ? (
                  <div className="notice notice-warning cb-span-2" role="status">
                    {t(`cashbook:warnings.${periodWarning}Detail`, { start: fmt.date(grant.startsOn), end: fmt.date(grant.endsOn) })}
                  </div>
                ) : null}
              </>
            ) : null}
          </div>
          {f.notice}
          <div className="actions cb-form-actions">
            <button type="submit" className="primary big" disabled={post.isPending || transfer.isPending || f.saving}>
              {t('cashbook:form.save')}
            </button>
            <span className="muted">{t('common:saveShortcut')}</span>
          </div>
        </KeyForm>
      ) : null}
    </section>
  );
}
