import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/api/contract';
import { useSession } from './session';
import './users.css';

/**
 * In the header: who is signed in, Lock (Ctrl+L) and Sign out. `beside`: drawn right of the user's name (the top bar's language switcher), so the menu takes two rows.
 */
export function UserMenu({ status, beside }: { status: AppStatus; beside?: ReactNode }) {
  const { t } = useTranslation(['users']);
  const { lock, signOut } = useSession();
  return (
    <div className="user-menu" role="group" aria-label={t('users:menu.label')}>
      <Link to="/account" className="user-menu-who" title={`${t(`users:roles.${status.user.role}`)}. ${t('users:menu.account')}`}>
        {status.user.name}
      </Link>
      {beside ? <div className="user-menu-beside">{beside}</div> : null}
      <button type="button" onClick={lock} title={t('users:menu.lockHint')} aria-keyshortcuts="Control+L">
        {t('users:menu.lock')}
      </button>
      <button type="button" onClick={signOut}>
        {t('users:menu.signOut')}
      </button>
    </div>
  );
}
