import { useEffect, type ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../shared/api/contract';
import { LanguageSwitcher } from './LanguageSwitcher';
import { useFormat } from '../ui/format';

/** Global shortcuts of the front desk. */
export const SHORTCUTS = { newRequest: 'n', search: 'f', newResident: 'r' } as const;

export function Layout({ status, children }: { status: AppStatus; children: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormat();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const key = e.key.toLowerCase();
      // e.code keeps shortcuts working on Cyrillic and Greek keyboard layouts.
      if (key === SHORTCUTS.newRequest || e.code === 'KeyN') {
        e.preventDefault();
        void navigate('/requests/new');
      } else if (key === SHORTCUTS.search || e.code === 'KeyF') {
        e.preventDefault();
        void navigate('/');
      } else if (key === SHORTCUTS.newResident || e.code === 'KeyR') {
        e.preventDefault();
        void navigate('/residents/new');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        {t('common:skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{status.settings?.centreName}</span>
          <span className="brand-date">{format.longDate(status.today)}</span>
        </div>
        <nav aria-label={t('common:nav.label')}>
          <NavLink to="/" end>
            {t('common:nav.frontDesk')}
          </NavLink>
          <NavLink to="/residents">{t('common:nav.residents')}</NavLink>
          <NavLink to="/requests">{t('common:nav.requests')}</NavLink>
          {status.user.role === 'coordinator' || status.user.role === 'admin' ? (
            <>
              <NavLink to="/volunteers">{t('common:nav.volunteers')}</NavLink>
              <NavLink to="/board">{t('common:nav.tasks')}</NavLink>
            </>
          ) : null}
          <NavLink to="/catalogue">{t('common:nav.catalogue')}</NavLink>
          {status.user.role === 'admin' ? <NavLink to="/backups">{t('common:nav.backups')}</NavLink> : null}
          <NavLink to="/settings">{t('common:nav.settings')}</NavLink>
        </nav>
        <LanguageSwitcher />
      </header>
      <main id="main" className="page">
        {children}
      </main>
    </div>
  );
}
