import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import type { AuditEntry, AuditField, AuditVerifyResult } from '../../../shared/domain/audit';
import { AUDIT_ACTIONS } from '../../../shared/domain/audit';
import type { ResidentSummary } from '../../../shared/domain/residents';
import type { CallOutput } from '../../../shared/api/contract';
import { useCall, useMutate, usePagedCall } from '../../app/api';
import { DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { DateInput, MonthInput } from '../../ui/DateInput';
import { ResidentPicker } from '../requests/ResidentPicker';
import './audit.css';

const PAGE = 100;
type AuditPage = CallOutput<'audit.search'>;
const auditRows = (page: AuditPage) => page.items;
const auditTotal = (page: AuditPage) => page.total;

/** First and last day of a YYYY-MM month. */
function monthRange(month: string): { from: string; to: string } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return null;
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

function FieldList({ fields }: { fields: AuditField[] | null }) {
  const { t } = useTranslation('audit');
  if (!fields || fields.length === 0) return null;
  const show = (v: AuditField['old']) => (v === null || v === undefined || v === '' ? '—' : String(v));
  return (
    <ul className="audit-fields">
      {fields.map((f) => (
        <li key={f.field}>
          <code>{f.field}</code>{' '}
          {f.changed ? <span className="muted">{t('fields.changed')}</span> : 'old' in f ? `${show(f.old)} → ${show(f.new)}` : show(f.new)}
        </li>
      ))}
    </ul>
  );
}

/**
 * The chain check's answer: the chain itself, then the newest backup's anchor (a log cut or
 * rewritten since that backup is found only there, the chain alone stays valid).
 */
function ChainReport({ result, when }: { result: AuditVerifyResult; when: Intl.DateTimeFormat }) {
  const { t } = useTranslation('audit');
  const { anchor, firstBroken } = result;
  const date = anchor ? when.format(new Date(anchor.backupAt)) : '';
  return (
    <>
      {result.ok ? (
        <p className="notice notice-success" role="status">
          {t('verify.ok', { count: result.count })}
        </p>
      ) : null}
      {firstBroken ? (
        <p className="notice notice-error" role="alert">
          {t('verify.broken', { id: firstBroken.id, count: result.count })}
        </p>
      ) : null}
      {anchor && !anchor.ok ? (
        <p className="notice notice-error" role="alert">
          {anchor.reason === 'changed' ? t('verify.anchorChanged', { id: anchor.count, date }) : t('verify.anchorShorter', { count: anchor.count, date })}
        </p>
      ) : null}
      {anchor === null ? <p className="muted">{t('verify.anchorNone')}</p> : null}
      {anchor?.ok ? <p className="muted">{t('verify.anchorOk', { id: anchor.count, date })}</p> : null}
    </>
  );
}

/** The admin's audit log: who did or opened what, when; search, pages and the chain check. */
export function AuditScreen() {
  const { t, i18n } = useTranslation(['audit', 'users', 'common']);
  const [resident, setResident] = useState<ResidentSummary | null>(null);
  const [userId, setUserId] = useState('');
  const [action, setAction] = useState('');
  const [call, setCall] = useState('');
  const [month, setMonth] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const facets = useCall('audit.facets', {});
  const range = month ? monthRange(month) : null;
  // Paged from the core as the log is scrolled; only the entries in view are drawn.
  const list = usePagedCall(
    'audit.search',
    {
      residentId: resident?.id,
      userId: userId ? Number(userId) : undefined,
      action: action || undefined,
      call: call || undefined,
      from: (range?.from ?? from) || undefined,
      to: (range?.to ?? to) || undefined,
    },
    { pageSize: PAGE, rows: auditRows, total: auditTotal },
  );
  const verify = useMutate('audit.verify');
  const when = new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const roleLabel = (role: string | null) => (role ? t(`users:roles.${role}`, { defaultValue: role }) : '');
  const entity = (e: AuditEntry) => {
    if (e.entityType === null) return '';
    const type = t(`audit:entities.${e.entityType}`, { defaultValue: e.entityType });
    return e.entityId !== null ? `${type} № ${e.entityId}` : type;
  };
  const total = list.total ?? 0;
  const columns: ColumnDef<AuditEntry, unknown>[] = [
    { id: 'when', header: t('audit:columns.when'), cell: ({ row: { original: e } }) => when.format(new Date(e.at)) },
    {
      id: 'who',
      header: t('audit:columns.who'),
      cell: ({ row: { original: e } }) => (
        <>
          {e.userName ?? '—'}
          {roleLabel(e.role) !== e.userName ? <div className="muted">{roleLabel(e.role)}</div> : null}
        </>
      ),
    },
    {
      id: 'action',
      header: t('audit:columns.action'),
      cell: ({ row: { original: e } }) => t(`audit:actions.${e.action === 'change' && e.call.endsWith('.create') ? 'create' : e.action}`, { defaultValue: e.action }),
    },
    {
      id: 'what',
      header: t('audit:columns.what'),
      cell: ({ row: { original: e } }) => (
        <>
          {entity(e)}
          {e.residentId !== null && e.entityType !== 'residents' ? (
            <div>
              <Link to={`/residents/${e.residentId}`}>{t('audit:residentLink', { id: e.residentId })}</Link>
            </div>
          ) : e.entityType === 'residents' && e.entityId !== null ? (
            <div>
              <Link to={`/residents/${e.entityId}`}>{t('audit:openResident')}</Link>
            </div>
          ) : null}
          <div className="muted">
            <code>{e.call}</code>
          </div>
        </>
      ),
    },
    { id: 'fields', header: t('audit:columns.fields'), cell: ({ row: { original: e } }) => <FieldList fields={e.fields} /> },
  ];

  return (
    <div className="audit-screen">
      <div className="page-head">
        <h1>{t('audit:title')}</h1>
        <button type="button" onClick={() => verify.mutate({})} disabled={verify.isPending}>
          {t('audit:verify.button')}
        </button>
      </div>
      {verify.data ? <ChainReport result={verify.data} when={when} /> : null}
      <ErrorNotice error={verify.error} />

      <div className="filters audit-filters" role="group" aria-label={t('audit:filters.label')}>
        <div className="audit-resident">
          {resident ? (
            <div className="audit-chip">
              <span>{t('audit:filters.resident')}</span>
              <div>
                <strong>{resident.fullName}</strong>
                <button
                  type="button"
                  onClick={() => {
                    setResident(null);
                  }}
                >
                  {t('audit:filters.clearResident')}
                </button>
              </div>
            </div>
          ) : (
            <ResidentPicker
              label={t('audit:filters.resident')}
              autoFocus
              onPick={(r) => {
                setResident(r);
              }}
            />
          )}
        </div>
        <div className="date-filter">
          <span id="audit-month-label">{t('audit:filters.month')}</span>
          <MonthInput aria-labelledby="audit-month-label" value={month} onChange={setMonth} />
        </div>
        <div className="date-filter">
          <span id="audit-from-label">{t('audit:filters.from')}</span>
          <DateInput aria-labelledby="audit-from-label" value={range?.from ?? from} disabled={range !== null} onChange={setFrom} />
        </div>
        <div className="date-filter">
          <span id="audit-to-label">{t('audit:filters.to')}</span>
          <DateInput aria-labelledby="audit-to-label" value={range?.to ?? to} disabled={range !== null} onChange={setTo} />
        </div>
      </div>
      <div className="filters audit-filters" role="group" aria-label={t('audit:filters.more')}>
        <label>
          <span>{t('audit:filters.user')}</span>
          <select
            value={userId}
            onChange={(e) => {
              setUserId(e.target.value);
            }}
          >
            <option value="">{t('audit:filters.anyUser')}</option>
            {(facets.data?.users ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {t('audit:filters.userOption', { name: u.name, role: roleLabel(u.role) })}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('audit:filters.action')}</span>
          <select
            value={action}
            onChange={(e) => {
              setAction(e.target.value);
            }}
          >
            <option value="">{t('audit:filters.anyAction')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`audit:actions.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('audit:filters.call')}</span>
          <select
            value={call}
            onChange={(e) => {
              setCall(e.target.value);
            }}
          >
            <option value="">{t('audit:filters.anyCall')}</option>
            {(facets.data?.calls ?? []).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      </div>

      <ErrorNotice error={list.query.error} />
      {list.first ? (
        <>
          <p className="muted" aria-live="polite">
            {/* The core counts up to 10,000 matches (or, for an action alone, the page it read); beyond, "more than". */}
            {total === 0
              ? t('audit:found.none')
              : list.first.totalCapped
                ? t('audit:found.rangeMore', { from: 1, to: list.items.length, count: total })
                : t('audit:found.range', { from: 1, to: list.items.length, count: total })}
          </p>
          {total > 0 ? (
            <DataTable
              className="audit-table"
              caption={t('audit:title')}
              data={list.items}
              total={list.first.totalCapped ? undefined : list.total}
              hasMore={list.hasMore}
              listKey={list.listKey}
              onNeedMore={list.loadMore}
              loadingMore={list.loadingMore}
              columns={columns}
              empty={t('audit:found.none')}
              rowKey={(e) => String(e.id)}
              rowClass={(e) => (e.outcome === 'denied' ? 'audit-denied' : undefined)}
              rowHeight={64}
            />
          ) : null}
        </>
      ) : null}
      <p className="muted audit-intro">{t('audit:intro')}</p>
    </div>
  );
}
