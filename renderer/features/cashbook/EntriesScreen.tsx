import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryDto } from '../../../shared/domain/cashbook';
import { useCall, useCallPages, useMutate } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useFormat } from '../../ui/format';
import { useDebounced } from '../../ui/useDebounced';
import { EntryForm } from './EntryForm';
import { useCashbookText, useCentre } from './cashbookText';

const PAGE = 100;

/** The cash book: balances, a form to add, and the entries with filters (running balance for one account). */
export function EntriesScreen() {
  const { t } = useTranslation(['cashbook', 'common']);
  const fmt = useFormat();
  const text = useCashbookText();
  const centre = useCentre();
  const accounts = useCall('accounts.list', {});
  const allAccounts = useCall('accounts.list', { includeArchived: true });
  const categories = useCall('cashbook.categories', {});
  const allCategories = useCall('cashbook.categories', { includeArchived: true });
  const grants = useCall('cashbook.grantOptions', {});
  const ids = useId();
  const [accountId, setAccountId] = useState<number | undefined>(undefined);
  const [fromMonth, setFromMonth] = useState('');
  const [toMonth, setToMonth] = useState('');
  const [categoryId, setCategoryId] = useState<number | undefined>(undefined);
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 250);
  // Pages of 100 entries from the core, each after the last one shown.
  const list = useCallPages('cashbook.list', {
    ...(accountId !== undefined ? { accountId } : {}),
    ...(fromMonth ? { fromMonth } : {}),
    ...(toMonth ? { toMonth } : {}),
    ...(categoryId !== undefined ? { categoryId } : {}),
    text: q,
    limit: PAGE,
  });
  const first = list.data?.pages[0];
  const entries = list.data?.pages.flatMap((p) => p.entries) ?? [];
  const reverse = useMutate('cashbook.reverse');
  const [confirming, setConfirming] = useState<number | null>(null);
  const [reverseError, setReverseError] = useState<{ id: number; message: string } | null>(null);

  if (!centre || !accounts.data || !categories.data) return <p className="loading">{t('common:loading')}</p>;
  const oneAccount = accountId !== undefined;

  const doReverse = async (e: EntryDto) => {
    setReverseError(null);
    try {
      await reverse.mutateAsync({ id: e.id });
      setConfirming(null);
    } catch (err) {
      setReverseError({ id: e.id, message: text.error(err) });
      setConfirming(null);
    }
  };

  const what = (e: EntryDto) => {
    if (e.transferGroup !== null && e.categoryId === null) {
      const key = e.amountMinor < 0 ? 'cashbook:list.transferTo' : 'cashbook:list.transferFrom';
      return t(key, { account: e.otherAccountName ?? '' });
    }
    return text.category(e.categoryCode !== null || e.categoryName !== null ? { code: e.categoryCode, name: e.categoryName } : null);
  };

  return (
    <>
      <section aria-label={t('cashbook:balances.label')} className="cb-balances">
        {accounts.data.map((a) => (
          <div key={a.id} className="cb-balance" data-account={a.id}>
            <span className="cb-balance-name">{a.name}</span>
            <span className={`cb-balance-amount ${a.balanceMinor < 0 ? 'cb-negative' : ''}`} aria-label={t('cashbook:balances.of', { account: a.name })}>
              {fmt.money(a.balanceMinor, a.currency)}
            </span>
          </div>
        ))}
        {accounts.data.length === 0 ? <p className="muted">{t('cashbook:balances.none')}</p> : null}
      </section>

      {accounts.data.length > 0 ? (
        <EntryForm
          accounts={accounts.data}
          categories={categories.data}
          grants={grants.data ?? []}
          today={centre.today}
          defaultAccountId={accountId ?? accounts.data.find((a) => a.kind === 'cash' && a.currency === centre.currency)?.id ?? null}
        />
      ) : null}

      <h2>{t('cashbook:list.title')}</h2>
      <div className="filters" role="search" aria-label={t('cashbook:filters.label')}>
        <div className="cb-filter">
          <label htmlFor={`${ids}-account`}>{t('cashbook:filters.account')}</label>
          <select id={`${ids}-account`} value={accountId ?? ''} onChange={(e) => setAccountId(e.target.value === '' ? undefined : Number(e.target.value))}>
            <option value="">{t('cashbook:filters.allAccounts')}</option>
            {(allAccounts.data ?? accounts.data).map((a) => (
              <option key={a.id} value={a.id}>
                {a.archived ? t('cashbook:filters.archivedName', { name: a.name }) : a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="cb-filter">
          <label htmlFor={`${ids}-fromMonth`}>{t('cashbook:filters.fromMonth')}</label>
          <input id={`${ids}-fromMonth`} type="month" value={fromMonth} onChange={(e) => setFromMonth(e.target.value)} />
        </div>
        <div className="cb-filter">
          <label htmlFor={`${ids}-toMonth`}>{t('cashbook:filters.toMonth')}</label>
          <input id={`${ids}-toMonth`} type="month" value={toMonth} onChange={(e) => setToMonth(e.target.value)} />
        </div>
        <div className="cb-filter">
          <label htmlFor={`${ids}-category`}>{t('cashbook:filters.category')}</label>
          <select id={`${ids}-category`} value={categoryId ?? ''} onChange={(e) => setCategoryId(e.target.value === '' ? undefined : Number(e.target.value))}>
            <option value="">{t('cashbook:filters.allCategories')}</option>
            {(allCategories.data ?? categories.data).map((c) => (
              <option key={c.id} value={c.id}>
                {text.category(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="cb-filter cb-search">
          <label htmlFor={`${ids}-text`}>{t('cashbook:filters.text')}</label>
          <input id={`${ids}-text`} type="search" value={search} placeholder={t('cashbook:filters.textHint')} onChange={(e) => setSearch(e.target.value)} />
        </div>
      </div>
      <ErrorNotice error={list.error} />
      {first && oneAccount && first.accountBalanceMinor !== null ? (
        <p className="cb-list-balance">
          {t('cashbook:list.balanceNow', {
            amount: fmt.money(first.accountBalanceMinor, accounts.data.find((a) => a.id === accountId)?.currency ?? centre.currency),
          })}
        </p>
      ) : null}
      {first ? (
        <table className="data-table cb-entries">
          <caption className="visually-hidden">{t('cashbook:list.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cashbook:list.no')}</th>
              <th scope="col">{t('cashbook:list.date')}</th>
              {oneAccount ? null : <th scope="col">{t('cashbook:list.account')}</th>}
              <th scope="col">{t('cashbook:list.what')}</th>
              <th scope="col">{t('cashbook:list.details')}</th>
              <th scope="col" className="num">
                {t('cashbook:list.amount')}
              </th>
              {oneAccount ? (
                <th scope="col" className="num">
                  {t('cashbook:list.balance')}
                </th>
              ) : null}
              <th scope="col">
                <span className="visually-hidden">{t('cashbook:list.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 ? (
              <tr>
                <td colSpan={7} className="empty">
                  {t('cashbook:list.empty')}
                </td>
              </tr>
            ) : null}
            {entries.map((e) => (
              <tr key={e.id} id={`entry-${e.id}`} className={e.reversedByEntryId !== null ? 'cb-reversed' : e.source === 'reversal' ? 'cb-reversal' : undefined}>
                <td className="nowrap">{t('cashbook:list.number', { id: e.id })}</td>
                <td className="nowrap">{fmt.date(e.date)}</td>
                {oneAccount ? null : <td>{e.accountName}</td>}
                <td>
                  {what(e)}
                  {e.source !== 'manual' && e.source !== 'transfer' ? <span className="badge cb-source">{t(`cashbook:sources.${e.source}`)}</span> : null}
                  {e.grantTitle ? (
                    <div className="muted small-text">{e.budgetLineName ? t('cashbook:list.grantLine', { grant: e.grantTitle, line: e.budgetLineName }) : e.grantTitle}</div>
                  ) : null}
                </td>
                <td>
                  {e.counterparty ? <div>{e.counterparty}</div> : null}
                  {e.note ? <div className="muted clip">{e.note}</div> : null}
                  {e.documentNo ? <div className="muted small-text">{t('cashbook:list.document', { no: e.documentNo })}</div> : null}
                  {e.reversesEntryId !== null ? (
                    <div className="small-text">
                      <a href={`#entry-${e.reversesEntryId}`}>{t('cashbook:list.reversalOf', { id: e.reversesEntryId })}</a>
                    </div>
                  ) : null}
                  {e.reversedByEntryId !== null ? (
                    <div className="small-text">
                      <a href={`#entry-${e.reversedByEntryId}`}>{t('cashbook:list.reversedBy', { id: e.reversedByEntryId })}</a>
                    </div>
                  ) : null}
                </td>
                <td className={`num nowrap cb-amount-cell ${e.amountMinor < 0 ? 'cb-out' : 'cb-in'}`}>{fmt.money(e.amountMinor, e.currency)}</td>
                {oneAccount ? <td className="num nowrap">{e.balanceAfterMinor !== null ? fmt.money(e.balanceAfterMinor, e.currency) : ''}</td> : null}
                <td>
                  {e.source !== 'reversal' && e.reversedByEntryId === null && !['sale', 'rent', 'tranche'].includes(e.source) ? (
                    confirming === e.id ? (
                      <div className="row-actions">
                        <button type="button" className="small danger" autoFocus onClick={() => void doReverse(e)} disabled={reverse.isPending}>
                          {t('cashbook:reverse.confirm')}
                        </button>
                        <button type="button" className="small" onClick={() => setConfirming(null)}>
                          {t('common:cancel')}
                        </button>
                      </div>
                    ) : (
                      <button type="button" className="small" onClick={() => setConfirming(e.id)} aria-label={t('cashbook:reverse.label', { id: e.id })}>
                        {t('cashbook:reverse.button')}
                      </button>
                    )
                  ) : null}
                  {reverseError?.id === e.id ? (
                    <div role="alert" className="field-error">
                      {reverseError.message}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="loading">{t('common:loading')}</p>
      )}
      {list.hasNextPage ? (
        <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t('common:showMore')}
        </button>
      ) : null}
    </>
  );
}
