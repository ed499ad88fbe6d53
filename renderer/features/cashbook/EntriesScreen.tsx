import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import type { EntryDto } from '../../../shared/domain/cashbook';
import type { CallOutput } from '../../../shared/api/contract';
import { useCall, useMutate, usePagedCall } from '../../app/api';
import { DataTable, type DataTableHandle } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { useFormat } from '../../ui/format';
import { useDebounced } from '../../ui/useDebounced';
import { EntryForm } from './EntryForm';
import { useCashbookText, useCentre } from './cashbookText';
import { MonthInput } from '../../ui/DateInput';

const PAGE = 100;
type EntryPage = CallOutput<'cashbook.list'>;
const entryRows = (page: EntryPage) => page.entries;
const entryTotal = (page: EntryPage) => page.total;
const NUM = { amount: 'num nowrap', balance: 'num nowrap' };

/**
 * The cash book: balances, a form to add, and the entries with filters (running balance for one
 * account), paged from the core as the list is scrolled.
 */
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
  const list = usePagedCall(
    'cashbook.list',
    {
      ...(accountId !== undefined ? { accountId } : {}),
      ...(fromMonth ? { fromMonth } : {}),
      ...(toMonth ? { toMonth } : {}),
      ...(categoryId !== undefined ? { categoryId } : {}),
      text: q,
    },
    { pageSize: PAGE, rows: entryRows, total: entryTotal },
  );
  const reverse = useMutate('cashbook.reverse');
  const [reverseError, setReverseError] = useState<{ id: number; message: string } | null>(null);
  const [target, setTarget] = useState<number | null>(null);
  const tableRef = useRef<DataTableHandle>(null);
  const oneAccount = accountId !== undefined;
  const entries = list.items;

  /** "Reversal of № 12": to that entry's row when it is in the loaded pages. */
  const goTo = (id: number) => {
    const index = entries.findIndex((e) => e.id === id);
    if (index < 0) return;
    setTarget(id);
    tableRef.current?.focusRow(index);
  };

  const doReverse = async (e: EntryDto) => {
    setReverseError(null);
    try {
      await reverse.mutateAsync({ id: e.id });
    } catch (err) {
      setReverseError({ id: e.id, message: text.error(err) });
    }
  };

  const what = (e: EntryDto) => {
    if (e.transferGroup !== null && e.categoryId === null) {
      const key = e.amountMinor < 0 ? 'cashbook:list.transferTo' : 'cashbook:list.transferFrom';
      return t(key, { account: e.otherAccountName ?? '' });
    }
    return text.category(e.categoryCode !== null || e.categoryName !== null ? { code: e.categoryCode, name: e.categoryName } : null);
  };

  // An in-page link: the app's routes live in the address's #, so the row is found by hand.
  const entryLink = (id: number, key: 'cashbook:list.reversalOf' | 'cashbook:list.reversedBy') => (
    <div className="small-text">
      <a
        href={`#entry-${id}`}
        onClick={(ev) => {
          ev.preventDefault();
          goTo(id);
        }}
      >
        {t(key, { id })}
      </a>
    </div>
  );
  const columns: ColumnDef<EntryDto, unknown>[] = [
    { id: 'no', header: t('cashbook:list.no'), cell: ({ row: { original: e } }) => <span className="nowrap">{t('cashbook:list.number', { id: e.id })}</span> },
    { id: 'date', header: t('cashbook:list.date'), cell: ({ row: { original: e } }) => <span className="nowrap">{fmt.date(e.date)}</span> },
    ...(oneAccount ? [] : [{ id: 'account', header: t('cashbook:list.account'), cell: ({ row: { original: e } }) => e.accountName } satisfies ColumnDef<EntryDto, unknown>]),
    {
      id: 'what',
      header: t('cashbook:list.what'),
      cell: ({ row: { original: e } }) => (
        <>
          {what(e)}
          {e.source !== 'manual' && e.source !== 'transfer' ? <span className="badge cb-source">{t(`cashbook:sources.${e.source}`)}</span> : null}
          {e.grantTitle ? (
            <div className="muted small-text">{e.budgetLineName ? t('cashbook:list.grantLine', { grant: e.grantTitle, line: e.budgetLineName }) : e.grantTitle}</div>
          ) : null}
        </>
      ),
    },
    {
      id: 'details',
      header: t('cashbook:list.details'),
      cell: ({ row: { original: e } }) => (
        <>
          {e.counterparty ? <div>{e.counterparty}</div> : null}
          {e.note ? <div className="muted clip">{e.note}</div> : null}
          {e.documentNo ? <div className="muted small-text">{t('cashbook:list.document', { no: e.documentNo })}</div> : null}
          {e.reversesEntryId !== null ? entryLink(e.reversesEntryId, 'cashbook:list.reversalOf') : null}
          {e.reversedByEntryId !== null ? entryLink(e.reversedByEntryId, 'cashbook:list.reversedBy') : null}
        </>
      ),
    },
    {
      id: 'amount',
      header: t('cashbook:list.amount'),
      cell: ({ row: { original: e } }) => <span className={`cb-amount-cell ${e.amountMinor < 0 ? 'cb-out' : 'cb-in'}`}>{fmt.money(e.amountMinor, e.currency)}</span>,
    },
    ...(oneAccount
      ? [
          {
            id: 'balance',
            header: t('cashbook:list.balance'),
            cell: ({ row: { original: e } }) => (e.balanceAfterMinor !== null ? fmt.money(e.balanceAfterMinor, e.currency) : ''),
          } satisfies ColumnDef<EntryDto, unknown>,
        ]
      : []),
    {
      id: 'actions',
      header: () => <span className="visually-hidden">{t('cashbook:list.actions')}</span>,
      cell: ({ row: { original: e } }) => (
        <>
          {e.source !== 'reversal' && e.reversedByEntryId === null && !['sale', 'rent', 'tranche'].includes(e.source) ? (
            <ConfirmButton
              size="small"
              label={t('cashbook:reverse.button')}
              aria-label={t('cashbook:reverse.label', { id: e.id })}
              confirmLabel={t('cashbook:reverse.confirm')}
              busy={reverse.isPending}
              onConfirm={() => doReverse(e)}
            />
          ) : null}
          {reverseError?.id === e.id ? (
            <div role="alert" className="field-error">
              {reverseError.message}
            </div>
          ) : null}
        </>
      ),
    },
  ];

  if (!centre || !accounts.data || !categories.data) return <p className="loading">{t('common:loading')}</p>;

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
          <label id={`${ids}-fromMonth-label`} htmlFor={`${ids}-fromMonth`}>{t('cashbook:filters.fromMonth')}</label>
          <MonthInput id={`${ids}-fromMonth`} aria-labelledby={`${ids}-fromMonth-label`} value={fromMonth} onChange={setFromMonth} />
        </div>
        <div className="cb-filter">
          <label id={`${ids}-toMonth-label`} htmlFor={`${ids}-toMonth`}>{t('cashbook:filters.toMonth')}</label>
          <MonthInput id={`${ids}-toMonth`} aria-labelledby={`${ids}-toMonth-label`} value={toMonth} onChange={setToMonth} />
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
      <ErrorNotice error={list.query.error} />
      {list.first && oneAccount && list.first.accountBalanceMinor !== null ? (
        <p className="cb-list-balance">
          {t('cashbook:list.balanceNow', {
            amount: fmt.money(list.first.accountBalanceMinor, accounts.data.find((a) => a.id === accountId)?.currency ?? centre.currency),
          })}
        </p>
      ) : null}
      {list.first ? (
        <DataTable
          handle={tableRef}
          className="cb-entries"
          caption={t('cashbook:list.title')}
          data={entries}
          total={list.first.totalCapped ? undefined : list.total}
          hasMore={list.hasMore}
          listKey={list.listKey}
          onNeedMore={list.loadMore}
          loadingMore={list.loadingMore}
          columns={columns}
          columnClass={NUM}
          empty={t('cashbook:list.empty')}
          rowKey={(e) => String(e.id)}
          rowElementId={(e) => `entry-${e.id}`}
          rowClass={(e) =>
            [e.reversedByEntryId !== null ? 'cb-reversed' : e.source === 'reversal' ? 'cb-reversal' : '', e.id === target ? 'cb-target' : ''].filter(Boolean).join(' ') || undefined
          }
        />
      ) : (
        <p className="loading">{t('common:loading')}</p>
      )}
    </>
  );
}
