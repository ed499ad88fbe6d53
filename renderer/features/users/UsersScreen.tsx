import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCall, useMutate } from '../../app/api';
import { LANGUAGE_NAMES } from '../../app/LanguageSwitcher';
import { useFormat } from '../../ui/format';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { wholeNumber } from '../../ui/formNumbers';
import { useCallForm } from '../../ui/useCallForm';
import { IDLE_LOCK_MAX_MINUTES, IDLE_LOCK_MIN_MINUTES, type UserSummary } from '../../../shared/domain/users';
import './users.css';

/** Admin: every user (active first), the idle-lock minutes and the sign-in log. */
export function UsersScreen() {
  const { t } = useTranslation(['users', 'common']);
  const format = useFormat();
  const navigate = useNavigate();
  const users = useCall('users.list', { includeInactive: true });
  const status = useCall('app.status', {});
  const events = useCall('users.signInEvents', { limit: 30 });

  const state = (u: UserSummary) => {
    if (!u.active) return t('users:state.inactive');
    if (u.lockedUntil) return t('users:state.lockedOut', { time: format.time(u.lockedUntil) });
    return t('users:state.active');
  };

  return (
    <>
      <div className="page-head">
        <h1>{t('users:title')}</h1>
        <Link to="/admin/users/new" className="button primary">
          {t('users:add')}
        </Link>
      </div>
      <ErrorNotice error={users.error} />
      <DataTable
        className="users-table"
        data={users.data ?? []}
        caption={t('users:title')}
        empty={t('common:none')}
        rowKey={(u) => String(u.id)}
        rowLabel={(u) => u.name}
        onOpen={(u) => void navigate(`/admin/users/${u.id}`)}
        columns={((col) => [
          col('name', t('users:fields.name'), (u) => <Link to={`/admin/users/${u.id}`}>{u.name}</Link>, { value: (u) => u.name }),
          col('role', t('users:fields.role'), (u) => t(`users:roles.${u.role}`), { value: (u) => t(`users:roles.${u.role}`) }),
          col('language', t('users:fields.language'), (u) => (u.language ? LANGUAGE_NAMES[u.language] : t('users:languageDefault'))),
          col('pin', t('users:fields.pin'), (u) => (u.hasPin ? t('users:pinSet') : t('users:pinNone'))),
          col('state', t('users:fields.state'), (u) => state(u), { value: (u) => state(u) }),
          col('lastSignIn', t('users:fields.lastSignIn'), (u) => (u.lastSignInAt ? format.dateTime(u.lastSignInAt) : t('users:never')), { value: (u) => u.lastSignInAt }),
        ])(columnsOf(users.data))}
        rowClass={(u) => (u.active ? undefined : 'inactive')}
      />
      {status.data ? <IdleLockSetting minutes={status.data.session.idleLockMinutes} /> : null}
      <section className="card" aria-labelledby="sign-in-log">
        <h2 id="sign-in-log">{t('users:log.title')}</h2>
        <DataTable
          data={events.data ?? []}
          caption={t('users:log.title')}
          empty={t('users:log.empty')}
          rowKey={(e) => String(e.id)}
          columns={((col) => [
            col('at', t('users:log.at'), (e) => format.dateTime(e.at), { value: (e) => e.at }),
            col('name', t('users:fields.name'), (e) => e.userName ?? t('users:log.unknownUser'), { value: (e) => e.userName }),
            col('event', t('users:log.event'), (e) => t(`users:log.kinds.${e.kind}`), { value: (e) => t(`users:log.kinds.${e.kind}`) }),
          ])(columnsOf(events.data))}
        />
      </section>
    </>
  );
}

function IdleLockSetting({ minutes }: { minutes: number }) {
  const { t } = useTranslation(['users', 'common']);
  const save = useMutate('users.setIdleLock');
  const [saved, setSaved] = useState<number | null>(null);
  const f = useCallForm({
    call: 'users.setIdleLock',
    defaultValues: { minutes: String(minutes) },
    // Minutes as typed: not a whole number goes as NaN, refused by users.setIdleLock's schema beside the field.
    toInput: (v: { minutes: string }) => ({ minutes: wholeNumber(v.minutes, Number.NaN) }),
    onSubmit: async (input) => {
      setSaved(null);
      setSaved(await save.mutateAsync(input));
    },
  });
  return (
    <KeyForm className="card" onSubmit={f.submit}>
      <h2>{t('users:idle.title')}</h2>
      <Field label={t('users:idle.label')} hint={`${t('users:idle.hint')} ${t('users:idle.range', { min: IDLE_LOCK_MIN_MINUTES, max: IDLE_LOCK_MAX_MINUTES })}`} error={f.error('minutes')} required>
        {(p) => <input {...p} className="idle-minutes" inputMode="numeric" autoComplete="off" {...f.form.register('minutes')} />}
      </Field>
      {f.notice}
      {saved !== null ? (
        <p role="status" className="notice notice-success">
          {t('users:idle.saved', { count: saved })}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending || f.saving}>
          {t('common:save')}
        </button>
      </div>
    </KeyForm>
  );
}
