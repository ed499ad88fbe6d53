import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PrivacySettings, Retention } from '../../../shared/domain/privacy';
import { useCall, useMutate } from '../../app/api';
import { ApiError } from '../../bridge';
import { column, DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import './privacy.css';

/** The screens of this feature, mounted by App.tsx under /admin/privacy. */
export function PrivacyRoutes() {
  return (
    <Routes>
      <Route index element={<PrivacyScreen />} />
    </Routes>
  );
}

const RETENTION_KEYS = ['inactiveResidentYears', 'closedRequestNotesYears', 'signInEventsMonths'] as const;

function PrivacyScreen() {
  const { t } = useTranslation(['privacy', 'common']);
  return (
    <div>
      <h1>{t('privacy:title')}</h1>
      <p className="field-hint">{t('privacy:intro')}</p>
      <SettingsCard />
      <ReviewCard />
    </div>
  );
}

function SettingsCard() {
  const { t } = useTranslation(['privacy', 'common']);
  const settings = useCall('privacy.settings', {});
  if (settings.isError) return <ErrorNotice error={settings.error} />;
  if (!settings.data) return <p className="loading">{t('common:loading')}</p>;
  return <SettingsForm initial={settings.data} />;
}

function SettingsForm(props: { initial: PrivacySettings }) {
  const { t } = useTranslation(['privacy', 'common']);
  const update = useMutate('privacy.updateSettings');
  const [notice, setNotice] = useState(props.initial.noticeVersion);
  const [values, setValues] = useState<Record<keyof Retention, string>>({
    inactiveResidentYears: String(props.initial.retention.inactiveResidentYears),
    closedRequestNotesYears: String(props.initial.retention.closedRequestNotesYears),
    signInEventsMonths: String(props.initial.retention.signInEventsMonths),
  });
  const fieldError = (path: string) => (update.error instanceof ApiError ? update.error.body.fields?.find((f) => f.path === path)?.message : undefined);
  const num = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({
      noticeVersion: notice,
      retention: {
        inactiveResidentYears: num(values.inactiveResidentYears),
        closedRequestNotesYears: num(values.closedRequestNotesYears),
        signInEventsMonths: num(values.signInEventsMonths),
      },
    });
  };

  return (
    <section className="card" aria-labelledby="retention-settings-title">
      <h2 id="retention-settings-title">{t('privacy:settings.title')}</h2>
      <form className="retention-settings" noValidate onSubmit={submit}>
        <Field label={t('privacy:settings.noticeVersion')} hint={t('privacy:settings.noticeHint')} error={fieldError('noticeVersion')}>
          {(p) => <input {...p} value={notice} onChange={(e) => setNotice(e.target.value)} autoComplete="off" />}
        </Field>
        {RETENTION_KEYS.map((k) => (
          <Field key={k} label={t(`privacy:settings.${k}`)} hint={t(`privacy:settings.${k}Hint`)} error={fieldError(`retention.${k}`)}>
            {(p) => <input {...p} inputMode="numeric" value={values[k]} onChange={(e) => setValues((v) => ({ ...v, [k]: e.target.value }))} />}
          </Field>
        ))}
        <p className="field-hint">{t('privacy:settings.auditKept')}</p>
        {update.error instanceof ApiError && update.error.body.code === 'validation' ? null : <ErrorNotice error={update.error} />}
        <div className="actions">
          <button type="submit" className="primary" disabled={update.isPending}>
            {t('common:save')}
          </button>
          {update.isSuccess ? <span role="status">{t('privacy:settings.saved')}</span> : null}
        </div>
      </form>
    </section>
  );
}

function ReviewCard() {
  const { t } = useTranslation(['privacy', 'common', 'catalogue']);
  const format = useFormat();
  const review = useCall('privacy.retentionReview', {});
  const anonymise = useMutate('privacy.anonymiseInactive');
  const clear = useMutate('privacy.clearRequestNotes');
  const purge = useMutate('privacy.purgeSignInEvents');
  const [people, setPeople] = useState<number[]>([]);
  const [requests, setRequests] = useState<number[]>([]);
  const [confirm, setConfirm] = useState<'people' | 'requests' | null>(null);
  if (review.isError) return <ErrorNotice error={review.error} />;
  if (!review.data) return <p className="loading">{t('common:loading')}</p>;
  const r = review.data;

  return (
    <section className="card" aria-labelledby="review-title">
      <h2 id="review-title">{t('privacy:review.title')}</h2>

      <h3>{t('privacy:review.residentsTitle', { date: format.date(r.inactiveBefore) })}</h3>
      {r.residents.length === 0 ? (
        <p className="field-hint">{t('privacy:review.noResidents')}</p>
      ) : (
        <>
          <SelectableTable
            rows={r.residents}
            idOf={(x) => x.id}
            labelOf={(x) => x.fullName}
            selected={people}
            onSelected={setPeople}
            caption={t('privacy:review.residentsTitle', { date: format.date(r.inactiveBefore) })}
            headers={[t('privacy:review.columns.name'), t('privacy:review.columns.settlement'), t('privacy:review.columns.lastActivity')]}
            cells={(x) => [<Link key="name" to={`/residents/${x.id}`}>{x.fullName}</Link>, x.settlement || t('common:none'), format.date(x.lastActivity)]}
          />
          <ConfirmDanger
            open={confirm === 'people'}
            count={people.length}
            warning={t('privacy:review.anonymiseWarning', { count: people.length })}
            confirmLabel={t('privacy:review.anonymiseConfirm', { count: people.length })}
            startLabel={t('privacy:review.anonymise', { count: people.length })}
            mutation={anonymise}
            onStart={() => setConfirm('people')}
            onCancel={() => setConfirm(null)}
            onConfirm={() => anonymise.mutate({ residentIds: people }, { onSuccess: () => { setPeople([]); setConfirm(null); } })}
          />
        </>
      )}

      <h3>{t('privacy:review.notesTitle', { date: format.date(r.notesBefore) })}</h3>
      {r.requestNotes.length === 0 ? (
        <p className="field-hint">{t('privacy:review.noNotes')}</p>
      ) : (
        <>
          <SelectableTable
            rows={r.requestNotes}
            idOf={(x) => x.requestId}
            labelOf={(x) => t('privacy:review.requestLabel', { id: x.requestId })}
            selected={requests}
            onSelected={setRequests}
            caption={t('privacy:review.notesTitle', { date: format.date(r.notesBefore) })}
            headers={[t('privacy:review.columns.request'), t('privacy:review.columns.name'), t('privacy:review.columns.closed')]}
            cells={(x) => [
              <Link key="request" to={`/requests/${x.requestId}`}>
                {t('privacy:review.requestLabel', { id: x.requestId })} · {x.kindCode ? t(`catalogue:kinds.${x.kindCode}`) : (x.kindName ?? '')}
              </Link>,
              x.residentName,
              format.date(x.closedOn),
            ]}
          />
          <ConfirmDanger
            open={confirm === 'requests'}
            count={requests.length}
            warning={t('privacy:review.clearWarning', { count: requests.length })}
            confirmLabel={t('privacy:review.clearConfirm', { count: requests.length })}
            startLabel={t('privacy:review.clear', { count: requests.length })}
            mutation={clear}
            onStart={() => setConfirm('requests')}
            onCancel={() => setConfirm(null)}
            onConfirm={() => clear.mutate({ requestIds: requests }, { onSuccess: () => { setRequests([]); setConfirm(null); } })}
          />
        </>
      )}
      <h3>{t('privacy:review.signInTitle', { date: format.date(r.signInEvents.before) })}</h3>
      <div className="actions">
        <span>{t('privacy:review.signInCount', { count: r.signInEvents.count })}</span>
        <button type="button" className="danger" disabled={r.signInEvents.count === 0 || purge.isPending} onClick={() => purge.mutate({})}>
          {t('privacy:review.signInPurge')}
        </button>
      </div>
      <ErrorNotice error={purge.error} />
      <p className="field-hint">{t('privacy:review.backupsNote')}</p>
    </section>
  );
}

/** A destructive action on the chosen rows: the button, then a warning with Confirm (focused) and Cancel. */
function ConfirmDanger(props: {
  open: boolean;
  count: number;
  warning: string;
  confirmLabel: string;
  startLabel: string;
  mutation: { isPending: boolean; error: unknown };
  onStart: () => void;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation('common');
  return (
    <>
      {props.open ? (
        <div className="notice notice-warning" role="alert">
          <p>{props.warning}</p>
          <div className="actions">
            <button type="button" className="danger" autoFocus disabled={props.mutation.isPending} onClick={props.onConfirm}>
              {props.confirmLabel}
            </button>
            <button type="button" onClick={props.onCancel}>
              {t('common:cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="danger" disabled={props.count === 0} onClick={props.onStart}>
          {props.startLabel}
        </button>
      )}
      <ErrorNotice error={props.mutation.error} />
    </>
  );
}

/** Rows to act on: a checkbox per row (labelled by `labelOf`) and one that selects them all. */
function SelectableTable<R>(props: {
  rows: R[];
  idOf: (row: R) => number;
  labelOf: (row: R) => string;
  selected: number[];
  onSelected: (ids: number[]) => void;
  headers: string[];
  cells: (row: R) => ReactNode[];
  caption: string;
}) {
  const { t } = useTranslation('privacy');
  const { rows, idOf, selected, onSelected } = props;
  return (
    <DataTable
      className="retention-table"
      data={rows}
      caption={props.caption}
      empty={t('common:none')}
      rowKey={(row) => String(idOf(row))}
      columns={[
        column<R>(
          'select',
          <input
            type="checkbox"
            aria-label={t('privacy:review.selectAll')}
            checked={selected.length === rows.length}
            onChange={(e) => onSelected(e.target.checked ? rows.map(idOf) : [])}
          />,
          (row) => {
            const id = idOf(row);
            return (
              <input
                type="checkbox"
                aria-label={props.labelOf(row)}
                checked={selected.includes(id)}
                onChange={(e) => onSelected(e.target.checked ? [...selected, id] : selected.filter((x) => x !== id))}
              />
            );
          },
        ),
        ...props.headers.map((h, i) => column<R>(`c${i}`, h, (row) => props.cells(row)[i])),
      ]}
    />
  );
}
