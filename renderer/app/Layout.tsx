import { useEffect, type ReactNode } from 'react';
import { NavLink, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../shared/api/contract';
import { LanguageSwitcher } from './LanguageSwitcher';
import { UserMenu } from '../features/users/UserMenu';
import { useFormat } from '../ui/format';
import { ADMIN_TABS, MONEY_TABS, SectionTabs } from '../ui/SectionTabs';

const inSection = (path: string, tabs: readonly { to: string }[]) => tabs.some((tab) => path === tab.to || path.startsWith(`${tab.to}/`));

/** Global shortcuts of the front desk. */
export const SHORTCUTS = { newRequest: 'n', search: 'f', newResident: 'r' } as const;

export function Layout({ status, children }: { status: AppStatus; children: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormat();
  const { pathname } = useLocation();
  const inMoney = inSection(pathname, MONEY_TABS);
  const inAdmin = inSection(pathname, ADMIN_TABS);

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
          {status.user.role !== 'treasurer' ? <NavLink to="/events">{t('common:nav.events')}</NavLink> : null}
          {status.user.role !== 'treasurer' ? <NavLink to="/shelter">{t('common:nav.shelter')}</NavLink> : null}
          {status.user.role === 'coordinator' || status.user.role === 'admin' ? (
            <>
              <NavLink to="/volunteers">{t('common:nav.volunteers')}</NavLink>
              <NavLink to="/board">{t('common:nav.tasks')}</NavLink>
              <NavLink to="/caseload">{t('common:nav.caseload')}</NavLink>
              <NavLink to="/projects">{t('common:nav.projects')}</NavLink>
            </>
          ) : null}
          <NavLink to="/aid">{t('common:nav.aid')}</NavLink>
          {status.user.role === 'frontdesk' ? <NavLink to="/till">{t('common:nav.till')}</NavLink> : null}
          {status.user.role === 'treasurer' || status.user.role === 'admin' ? (
            <NavLink to="/cashbook" className={({ isActive }) => (isActive || inMoney ? 'active' : '')}>
              {t('common:nav.money')}
            </NavLink>
          ) : null}
          <NavLink to="/results">{t('common:nav.results')}</NavLink>
          <NavLink to="/catalogue">{t('common:nav.catalogue')}</NavLink>
          {status.user.role === 'admin' ? (
            <NavLink to="/admin/users" className={({ isActive }) => (isActive || inAdmin ? 'active' : '')}>
              {t('common:nav.admin')}
            </NavLink>
          ) : null}
          <NavLink to="/settings">{t('common:nav.settings')}</NavLink>
        </nav>
        <LanguageSwitcher />
        <UserMenu status={status} />
      </header>
      <main id="main" className="page">
        {inMoney ? <SectionTabs tabs={MONEY_TABS} role={status.user.role} label={t('common:nav.money')} /> : null}
        {inAdmin ? <SectionTabs tabs={ADMIN_TABS} role={status.user.role} label={t('common:nav.admin')} /> : null}
        {children}
      </main>
    </div>
  );
}
