import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCall, useMutate } from '../../app/api';
import { LANGUAGE_NAMES } from '../../app/LanguageSwitcher';
import { useFormat } from '../../ui/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
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
      <table className="data-table users-table">
        <caption className="visually-hidden">{t('users:title')}</caption>
        <thead>
          <tr>
            <th>{t('users:fields.name')}</th>
            <th>{t('users:fields.role')}</th>
            <th>{t('users:fields.language')}</th>
            <th>{t('users:fields.pin')}</th>
            <th>{t('users:fields.state')}</th>
            <th>{t('users:fields.lastSignIn')}</th>
          </tr>
        </thead>
        <tbody>
          {(users.data ?? []).map((u) => (
            <tr key={u.id} onClick={() => void navigate(`/admin/users/${u.id}`)} className="clickable">
              <td className={u.active ? '' : 'inactive'}>
                <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
              </td>
              <td>{t(`users:roles.${u.role}`)}</td>
              <td>{u.language ? LANGUAGE_NAMES[u.language] : t('users:languageDefault')}</td>
              <td>{u.hasPin ? t('users:pinSet') : t('users:pinNone')}</td>
              <td>{state(u)}</td>
              <td>{u.lastSignInAt ? format.dateTime(u.lastSignInAt) : t('users:never')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {status.data ? <IdleLockSetting minutes={status.data.session.idleLockMinutes} /> : null}
      <section className="card" aria-labelledby="sign-in-log">
        <h2 id="sign-in-log">{t('users:log.title')}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('users:log.at')}</th>
              <th>{t('users:fields.name')}</th>
              <th>{t('users:log.event')}</th>
            </tr>
          </thead>
          <tbody>
            {(events.data ?? []).map((e) => (
              <tr key={e.id}>
                <td>{format.dateTime(e.at)}</td>
                <td>{e.userName ?? t('users:log.unknownUser')}</td>
                <td>{t(`users:log.kinds.${e.kind}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {events.data?.length === 0 ? <p className="field-hint">{t('users:log.empty')}</p> : null}
      </section>
    </>
  );
}

function IdleLockSetting({ minutes }: { minutes: number }) {
  const { t } = useTranslation(['users', 'common']);
  const save = useMutate('users.setIdleLock');
  const [value, setValue] = useState(String(minutes));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ minutes: Number(value) });
  };
  return (
    <form className="card" onSubmit={submit}>
      <h2>{t('users:idle.title')}</h2>
      <div className="field">
        <label htmlFor="idle-minutes">{t('users:idle.label')}</label>
        <input
          id="idle-minutes"
          type="number"
          min={IDLE_LOCK_MIN_MINUTES}
          max={IDLE_LOCK_MAX_MINUTES}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-describedby="idle-hint"
        />
        <div id="idle-hint" className="field-hint">
          {t('users:idle.hint')}
        </div>
      </div>
      <ErrorNotice error={save.error} />
      {save.isSuccess ? (
        <p role="status" className="notice notice-success">
          {t('users:idle.saved', { count: save.data })}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('common:save')}
        </button>
      </div>
    </form>
  );
}
