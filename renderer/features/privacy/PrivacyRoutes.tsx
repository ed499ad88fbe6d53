import { useState, type ReactNode } from 'react';
import { Link, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PrivacySettings, Retention } from '../../../shared/domain/privacy';
import { useCall, useMutate } from '../../app/api';
import { column, DataTable } from '../../ui/DataTable';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, RequiredLegend } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { wholeNumber } from '../../ui/formNumbers';
import { useCallForm } from '../../ui/useCallForm';
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

type SettingsValues = { noticeVersion: string } & Record<keyof Retention, string>;

function SettingsForm(props: { initial: PrivacySettings }) {
  const { t } = useTranslation(['privacy', 'common']);
  const update = useMutate('privacy.updateSettings');
  const [saved, setSaved] = useState(false);
  const f = useCallForm({
    call: 'privacy.updateSettings',
    defaultValues: {
      noticeVersion: props.initial.noticeVersion,
      inactiveResidentYears: String(props.initial.retention.inactiveResidentYears),
      closedRequestNotesYears: String(props.initial.retention.closedRequestNotesYears),
      signInEventsMonths: String(props.initial.retention.signInEventsMonths),
    } as SettingsValues,
    // Years and months as typed: not a whole number goes as NaN, which the schema refuses.
    toInput: (v: SettingsValues) => ({
      noticeVersion: v.noticeVersion,
      retention: Object.fromEntries(RETENTION_KEYS.map((k) => [k, wholeNumber(v[k], Number.NaN)])) as Retention,
    }),
    fieldOf: (path) => {
      const key = path.replace(/^retention\./, '');
      return key === 'noticeVersion' || (RETENTION_KEYS as readonly string[]).includes(key) ? (key as keyof SettingsValues) : null;
    },
    onSubmit: async (input) => {
      setSaved(false);
      await update.mutateAsync(input);
      setSaved(true);
    },
  });
  const { register } = f.form;

  return (
    <section className="card" aria-labelledby="retention-settings-title">
      <h2 id="retention-settings-title">{t('privacy:settings.title')}</h2>
      <KeyForm className="retention-settings" onSubmit={f.submit}>
        <RequiredLegend />
        <Field label={t('privacy:settings.noticeVersion')} hint={t('privacy:settings.noticeHint')} error={f.error('noticeVersion')} required>
          {(p) => <input {...p} {...register('noticeVersion')} autoComplete="off" />}
        </Field>
        {RETENTION_KEYS.map((k) => (
          <Field key={k} label={t(`privacy:settings.${k}`)} hint={t(`privacy:settings.${k}Hint`)} error={f.error(k)} required>
            {(p) => <input {...p} inputMode="numeric" {...register(k)} />}
          </Field>
        ))}
        <p className="field-hint">{t('privacy:settings.auditKept')}</p>
        {f.notice}
        <div className="actions">
          <button type="submit" className="primary" disabled={update.isPending || f.saving}>
            {t('common:save')}
          </button>
          {saved ? <span role="status">{t('privacy:settings.saved')}</span> : null}
        </div>
      </KeyForm>
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
          <ConfirmButton
            block
            danger
            label={t('privacy:review.anonymise', { count: people.length })}
            question={t('privacy:review.anonymiseWarning', { count: people.length })}
            confirmLabel={t('privacy:review.anonymiseConfirm', { count: people.length })}
            disabled={people.length === 0}
            busy={anonymise.isPending}
            onAsk={() => anonymise.reset()}
            onConfirm={() => anonymise.mutateAsync({ residentIds: people }).then(() => setPeople([]), () => undefined)}
          />
          <ErrorNotice error={anonymise.error} />
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
          <ConfirmButton
            block
            danger
            label={t('privacy:review.clear', { count: requests.length })}
            question={t('privacy:review.clearWarning', { count: requests.length })}
            confirmLabel={t('privacy:review.clearConfirm', { count: requests.length })}
            disabled={requests.length === 0}
            busy={clear.isPending}
            onAsk={() => clear.reset()}
            onConfirm={() => clear.mutateAsync({ requestIds: requests }).then(() => setRequests([]), () => undefined)}
          />
          <ErrorNotice error={clear.error} />
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
