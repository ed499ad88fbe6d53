import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDto, CategoryDto, EntryWarning, GrantOption } from '../../../shared/domain/cashbook';
import { grantPeriodWarning } from '../../../shared/domain/cashbook';
import { isIsoDate } from '../../../shared/domain/dates';
import { useMutate } from '../../app/api';
import { ApiError } from '../../bridge';
import { Field } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import { MoneyField } from '../../ui/MoneyField';
import { MAX_ENTRY_MINOR } from '../../../shared/domain/cashbook';
import { useCashbookText } from './cashbookText';

type FormType = 'income' | 'expense' | 'transfer';
type Errors = Record<string, string>;

/**
 * A new entry: choose income, expense or transfer (focus goes to the amount), type a positive
 * amount, pick the category and the rest; Ctrl+Enter saves. Date, account and category stay for
 * the next entry, so a pile of receipts goes in quickly.
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
  const [date, setDate] = useState(props.today);
  const [chosenAccountId, setAccountId] = useState<number | null>(null);
  const [toAccountId, setToAccountId] = useState<number | null>(null);
  const [amount, setAmountState] = useState<number | null>(null);
  // MoneyField reports the amount as Ctrl+Enter goes down, before the form's own handler runs.
  const amountNow = useRef<number | null>(null);
  const setAmount = (minor: number | null) => {
    amountNow.current = minor;
    setAmountState(minor);
  };
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const [counterparty, setCounterparty] = useState('');
  const [documentNo, setDocumentNo] = useState('');
  const [note, setNote] = useState('');
  const [grantId, setGrantId] = useState<number | null>(null);
  const [lineId, setLineId] = useState<number | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState<{ text: string; warnings: EntryWarning[] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const focusAmount = () => setTimeout(() => formRef.current?.querySelector<HTMLInputElement>('.money-field input')?.focus(), 0);
  const formRef = useRef<HTMLFormElement>(null);

  // The chosen account, else the list's account or the centre's cash box.
  const accountId = props.accounts.some((a) => a.id === chosenAccountId) ? chosenAccountId : (props.defaultAccountId ?? props.accounts[0]?.id ?? null);

  const account = props.accounts.find((a) => a.id === accountId) ?? null;
  const currency = account?.currency ?? 'RUB';
  const direction = type === 'transfer' ? null : type;
  const categories = useMemo(() => props.categories.filter((c) => c.direction === direction), [props.categories, direction]);
  const grants = props.grants.filter((g) => g.currency === currency);
  const grant = grants.find((g) => g.id === grantId) ?? null;
  const periodWarning = grant && isIsoDate(date) ? grantPeriodWarning(grant, date) : null;

  const choose = (next: FormType) => {
    setType(next);
    setErrors({});
    setSaved(null);
    if (next !== 'transfer') {
      const fits = props.categories.find((c) => c.id === categoryId)?.direction === next;
      if (!fits) setCategoryId(null);
    } else if (toAccountId === null || toAccountId === accountId) {
      setToAccountId(props.accounts.find((a) => a.id !== accountId && a.currency === currency)?.id ?? null);
    }
    // The next keystroke is the amount.
    focusAmount();
  };

  const clear = (field: string) =>
    setErrors((es) => {
      if (!(field in es)) return es;
      const rest = { ...es };
      delete rest[field];
      return rest;
    });

  const focusFirstInvalid = () => setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (type === null) return;
    setFailure(null);
    const next: Errors = {};
    if (!isIsoDate(date)) next.date = 'validation.date';
    if (accountId === null) next.accountId = 'validation.unknownAccount';
    const minor = amountNow.current;
    if (minor === null) next.amountMinor = 'validation.required';
    else if (minor <= 0) next.amountMinor = 'validation.amountPositive';
    else if (minor > MAX_ENTRY_MINOR) next.amountMinor = 'validation.amountTooLarge';
    if (type === 'transfer') {
      if (toAccountId === null) next.toAccountId = 'validation.unknownAccount';
      else if (toAccountId === accountId) next.toAccountId = 'validation.sameAccount';
    } else if (categoryId === null) next.categoryId = 'validation.unknownCategory';
    setErrors(next);
    if (Object.keys(next).length > 0 || minor === null || accountId === null) {
      focusFirstInvalid();
      return;
    }
    try {
      let message: string;
      let warnings: EntryWarning[] = [];
      if (type === 'transfer') {
        const legs = await transfer.mutateAsync({ date, fromAccountId: accountId, toAccountId: toAccountId ?? 0, amountMinor: minor, documentNo, note });
        message = t('cashbook:form.savedTransfer', { amount: fmt.money(minor, currency), from: legs[0]?.accountName ?? '', to: legs[1]?.accountName ?? '' });
      } else {
        const out = await post.mutateAsync({
          type,
          date,
          accountId,
          amountMinor: minor,
          categoryId: categoryId ?? 0,
          counterparty,
          documentNo,
          note,
          grantId,
          budgetLineId: lineId,
        });
        warnings = out.warnings;
        message = t(type === 'income' ? 'cashbook:form.savedIncome' : 'cashbook:form.savedExpense', {
          amount: fmt.money(minor, currency),
          category: text.category({ code: out.entry.categoryCode, name: out.entry.categoryName }),
          account: out.entry.accountName,
        });
      }
      setSaved({ text: message, warnings });
      setAmount(null);
      setCounterparty('');
      setDocumentNo('');
      setNote('');
      focusAmount();
    } catch (err) {
      if (err instanceof ApiError && err.body.fields && err.body.fields.length > 0) {
        const fields: Errors = {};
        for (const f of err.body.fields) fields[f.path.split('.')[0] ?? f.path] = f.message;
        setErrors(fields);
        focusFirstInvalid();
      } else {
        setFailure(text.error(err));
      }
    }
  };

  const accountLabel = (a: AccountDto) => t('cashbook:form.accountOption', { name: a.name, currency: a.currency });
  const typeLabel: Record<FormType, string> = {
    income: t('cashbook:types.income'),
    expense: t('cashbook:types.expense'),
    transfer: t('cashbook:types.transfer'),
  };

  return (
    <section className="card cb-form" aria-labelledby={`${formId}-title`}>
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
      {failure ? (
        <div role="alert" className="notice notice-error">
          {failure}
        </div>
      ) : null}
      {type !== null ? (
        <form
          ref={formRef}
          noValidate
          onSubmit={(e) => void submit(e)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
          }}
        >
          <div className="cb-form-grid">
            <MoneyField
              label={t('cashbook:form.amount', { currency })}
              currency={currency}
              value={amount}
              error={errors.amountMinor}
              hint={t('cashbook:form.amountHint')}
              className="cb-amount"
              onChange={(minor) => {
                setAmount(minor);
                clear('amountMinor');
              }}
            />
            <Field label={t('cashbook:form.date')} error={errors.date}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={date}
                  onChange={(e) => {
                    setDate(e.target.value);
                    clear('date');
                  }}
                />
              )}
            </Field>
            <Field label={type === 'transfer' ? t('cashbook:form.fromAccount') : t('cashbook:form.account')} error={errors.accountId ?? errors.fromAccountId}>
              {(p) => (
                <select
                  {...p}
                  value={accountId ?? ''}
                  onChange={(e) => {
                    setAccountId(Number(e.target.value));
                    clear('accountId');
                  }}
                >
                  {props.accounts.map((a) => (
                    <option key={a.id} value={a.id}>
                      {accountLabel(a)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {type === 'transfer' ? (
              <Field label={t('cashbook:form.toAccount')} error={errors.toAccountId}>
                {(p) => (
                  <select
                    {...p}
                    value={toAccountId ?? ''}
                    onChange={(e) => {
                      setToAccountId(e.target.value === '' ? null : Number(e.target.value));
                      clear('toAccountId');
                    }}
                  >
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
              <Field label={t('cashbook:form.category')} error={errors.categoryId}>
                {(p) => (
                  <select
                    {...p}
                    value={categoryId ?? ''}
                    onChange={(e) => {
                      setCategoryId(e.target.value === '' ? null : Number(e.target.value));
                      clear('categoryId');
                    }}
                  >
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
              <Field label={type === 'income' ? t('cashbook:form.payer') : t('cashbook:form.payee')} error={errors.counterparty}>
                {(p) => <input {...p} value={counterparty} maxLength={200} onChange={(e) => setCounterparty(e.target.value)} />}
              </Field>
            ) : null}
            <Field label={t('cashbook:form.documentNo')} error={errors.documentNo}>
              {(p) => <input {...p} value={documentNo} maxLength={100} onChange={(e) => setDocumentNo(e.target.value)} />}
            </Field>
            <Field label={t('cashbook:form.note')} error={errors.note} className="cb-span-2">
              {(p) => <input {...p} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />}
            </Field>
            {type === 'expense' && grants.length > 0 ? (
              <>
                <Field label={t('cashbook:form.grant')} error={errors.grantId}>
                  {(p) => (
                    <select
                      {...p}
                      value={grantId ?? ''}
                      onChange={(e) => {
                        setGrantId(e.target.value === '' ? null : Number(e.target.value));
                        setLineId(null);
                        clear('grantId');
                      }}
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
                <Field label={t('cashbook:form.budgetLine')} error={errors.budgetLineId}>
                  {(p) => (
                    <select
                      {...p}
                      disabled={grant === null}
                      value={lineId ?? ''}
                      onChange={(e) => {
                        setLineId(e.target.value === '' ? null : Number(e.target.value));
                        clear('budgetLineId');
                      }}
                    >
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
          <div className="actions cb-form-actions">
            <button type="submit" className="primary big" disabled={post.isPending || transfer.isPending}>
              {t('cashbook:form.save')}
            </button>
            <span className="muted">{t('common:saveShortcut')}</span>
          </div>
        </form>
      ) : null}
    </section>
  );
}
