import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Stay, StayPage } from '../../../shared/domain/shelter';
import { addMonths, daysBetween, isIsoDate } from '../../../shared/domain/dates';
import { useCall, usePagedCall } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useFormat } from '../../ui/format';
import './shelter.css';
import { DateInput } from '../../ui/DateInput';

const NS = ['shelter', 'common'] as const;
const PAGE = 100;
const stayRows = (p: StayPage) => p.rows;
const stayTotal = (p: StayPage) => p.total;

/**
 * Past and present stays in the temporary shelter (shelter.history): who was checked in during a
 * period (the latest check-in first), when they left and why; filtered by period and shelter.
 */
export function ShelterHistoryScreen() {
  const { t } = useTranslation(NS);
  const status = useCall('app.status', {});
  if (!status.data) return null;
  const today = status.data.today;
  return (
    <div className="shelter-screen">
      <p>
        <Link to="/shelter">{t('shelter:history.back')}</Link>
      </p>
      <h1>{t('shelter:history.title')}</h1>
      <HistoryBody today={today} />
    </div>
  );
}

function HistoryBody({ today }: { today: string }) {
  const { t } = useTranslation(NS);
  const format = useFormat();
  const shelters = useCall('shelter.list', {});
  const [from, setFrom] = useState(`${addMonths(today.slice(0, 7), -11)}-01`);
  const [to, setTo] = useState(today);
  const [shelterId, setShelterId] = useState<number | undefined>(undefined);
  const valid = isIsoDate(from) && isIsoDate(to) && from <= to;
  const list = usePagedCall('shelter.history', { from, to, ...(shelterId !== undefined ? { shelterId } : {}) }, { pageSize: PAGE, rows: stayRows, total: stayTotal, enabled: valid });
  const capped = list.first?.totalCapped ?? false;
  const days = (s: Stay) => daysBetween(s.checkedInOn, s.checkedOutOn ?? today);

  return (
    <>
      <form className="shelter-row shelter-filters" aria-label={t('shelter:history.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label id="sh-from-label" htmlFor="sh-from">{t('shelter:history.from')}</label>
          <DateInput id="sh-from" aria-labelledby="sh-from-label" value={from} max={today} onChange={setFrom} />
        </div>
        <div className="field">
          <label id="sh-to-label" htmlFor="sh-to">{t('shelter:history.to')}</label>
          <DateInput id="sh-to" aria-labelledby="sh-to-label" value={to} onChange={setTo} />
        </div>
        {(shelters.data?.length ?? 0) > 1 ? (
          <div className="field">
            <label htmlFor="sh-shelter">{t('shelter:fields.shelter')}</label>
            <select id="sh-shelter" value={shelterId ?? ''} onChange={(e) => setShelterId(e.target.value === '' ? undefined : Number(e.target.value))}>
              <option value="">{t('shelter:history.allShelters')}</option>
              {(shelters.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </form>
      <p className="muted">{t('shelter:history.hint')}</p>
      {!valid ? <p role="alert">{t('common:validation.dateOrder')}</p> : null}
      {list.query.isError ? <ErrorNotice error={list.query.error} /> : null}
      {valid && list.total !== undefined ? (
        <p role="status">{capped ? t('shelter:history.countCapped', { count: list.total }) : t('shelter:history.count', { count: list.total })}</p>
      ) : null}
      {valid && list.first && list.items.length === 0 ? <p className="muted">{t('shelter:history.empty')}</p> : null}
      {list.items.length > 0 ? (
        <DataTable
          className="shelter-table"
          data={list.items}
          caption={t('shelter:history.title')}
          empty={t('shelter:history.empty')}
          rowKey={(s) => String(s.id)}
          // Pages come with the button below: the order is the core's until every page is in.
          noSort={list.hasMore}
          columns={((col) => [
            col(
              'name',
              t('shelter:fields.name'),
              (s) => (
                <>
                  {s.residentId !== null ? <Link to={`/residents/${s.residentId}`}>{s.fullName}</Link> : <span className="muted">{t('shelter:history.erased')}</span>}
                  {s.householdId !== null ? <div className="muted">{t('shelter:history.withHousehold', { id: s.householdId })}</div> : null}
                </>
              ),
              { value: (s) => s.fullName },
            ),
            col('birthYear', t('shelter:fields.birthYear'), (s) => s.birthYear ?? '', { value: (s) => s.birthYear, align: 'num' }),
            col(
              'shelter',
              t('shelter:fields.shelter'),
              (s) => (
                <>
                  {s.shelterName}
                  {s.bed ? <div className="muted">{s.bed}</div> : null}
                </>
              ),
              { value: (s) => s.shelterName },
            ),
            col('checkedIn', t('shelter:history.checkedIn'), (s) => format.date(s.checkedInOn), { value: (s) => s.checkedInOn, className: 'nowrap' }),
            col(
              'checkedOut',
              t('shelter:history.checkedOut'),
              (s) => (
                <>
                  {s.checkedOutOn !== null ? <span className="nowrap">{format.date(s.checkedOutOn)}</span> : <strong>{t('shelter:history.stillThere')}</strong>}
                  <div className="muted">{t('shelter:today.days', { count: days(s) })}</div>
                </>
              ),
              { value: (s) => s.checkedOutOn ?? '9999' },
            ),
            col('reason', t('shelter:fields.reason'), (s) => (
              <>
                {s.outReason !== null ? t(`shelter:outReason.${s.outReason}`) : ''}
                {s.outNote ? <div className="muted">{s.outNote}</div> : null}
              </>
            )),
          ])(columnsOf(list.items))}
        />
      ) : null}
      {list.hasMore ? (
        <button type="button" onClick={list.loadMore} disabled={list.loadingMore}>
          {t('shelter:history.more')}
        </button>
      ) : null}
    </>
  );
}
