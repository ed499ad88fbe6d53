import { useEffect, type ReactNode } from 'react';
import { NavLink, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../shared/api/contract';
import { LanguageSwitcher } from './LanguageSwitcher';
import { UserMenu } from '../features/users/UserMenu';
import { useFormat } from '../ui/format';
import { ADMIN_TABS, MONEY_TABS, SectionTabs } from '../ui/SectionTabs';
import { mayOpen, type GuardedScreen } from './access';
import { UnsavedGuardProvider } from '../ui/UnsavedGuard';

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
  // The navigation offers only the screens this role may use (access.ts: from the contract's roles).
  const may = (screen: GuardedScreen) => mayOpen(status.user.role, screen);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const key = e.key.toLowerCase();
      // e.code keeps shortcuts working on Cyrillic and Greek keyboard layouts.
      if (key === SHORTCUTS.newRequest || e.code === 'KeyN') {
        e.preventDefault();
        // On a resident's page the new request is for that resident.
        const resident = /^\/residents\/(\d+)$/.exec(window.location.hash.slice(1))?.[1];
        void navigate(resident ? `/requests/new?resident=${resident}` : '/requests/new');
      } else if (key === SHORTCUTS.search || e.code === 'KeyF') {
        e.preventDefault();
        void navigate('/');
      } else if (key === SHORTCUTS.newResident || e.code === 'KeyR') {
        e.preventDefault();
        // What was typed in a search box (the front desk's "Who came?") becomes the new resident's name.
        const active = document.activeElement;
        const typed = active instanceof HTMLInputElement && active.type === 'search' ? active.value.trim() : '';
        void navigate(typed ? `/residents/new?name=${encodeURIComponent(typed)}` : '/residents/new');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  return (
    <div className="shell">
      {/* The router owns the address's #: a plain #main link would open an unknown route (the front
          desk). The link moves the focus to the screen's own content instead. */}
      <a
        href="#main"
        className="skip-link"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('common:skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{status.settings?.centreName}</span>
          <span className="brand-date">{format.longDate(status.today)}</span>
        </div>
        <nav aria-label={t('common:nav.label')}>
          <NavLink to="/" end>
            {status.user.role === 'coordinator' || status.user.role === 'treasurer' ? t('dashboard:home') : t('common:nav.frontDesk')}
          </NavLink>
          {may('/residents') ? <NavLink to="/residents">{t('common:nav.residents')}</NavLink> : null}
          {may('/requests') ? <NavLink to="/requests">{t('common:nav.requests')}</NavLink> : null}
          {may('/events') ? <NavLink to="/events">{t('common:nav.events')}</NavLink> : null}
          {may('/shelter') ? <NavLink to="/shelter">{t('common:nav.shelter')}</NavLink> : null}
          {may('/volunteers') ? <NavLink to="/volunteers">{t('common:nav.volunteers')}</NavLink> : null}
          {may('/board') ? <NavLink to="/board">{t('common:nav.tasks')}</NavLink> : null}
          {may('/caseload') ? <NavLink to="/caseload">{t('common:nav.caseload')}</NavLink> : null}
          {may('/projects') ? <NavLink to="/projects">{t('common:nav.projects')}</NavLink> : null}
          {may('/aid') ? <NavLink to="/aid">{t('common:nav.aid')}</NavLink> : null}
          {status.user.role === 'frontdesk' ? <NavLink to="/till">{t('common:nav.till')}</NavLink> : null}
          {may('/cashbook') ? (
            <NavLink to="/cashbook" className={({ isActive }) => (isActive || inMoney ? 'active' : '')}>
              {t('common:nav.money')}
            </NavLink>
          ) : null}
          <NavLink to="/results">{t('common:nav.results')}</NavLink>
          <NavLink to="/catalogue">{t('common:nav.catalogue')}</NavLink>
          {may('/import') ? <NavLink to="/import">{t('common:nav.import')}</NavLink> : null}
          {may('/admin/users') ? (
            <NavLink to="/admin/users" className={({ isActive }) => (isActive || inAdmin ? 'active' : '')}>
              {t('common:nav.admin')}
            </NavLink>
          ) : null}
          <NavLink to="/settings">{t('common:nav.settings')}</NavLink>
        </nav>
        {/* On the right in two rows (the name and the language, then lock and sign out), so the links get the width. */}
        <UserMenu status={status} beside={<LanguageSwitcher />} />
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {inMoney ? <SectionTabs tabs={MONEY_TABS} role={status.user.role} label={t('common:nav.money')} /> : null}
        {inAdmin ? <SectionTabs tabs={ADMIN_TABS} role={status.user.role} label={t('common:nav.admin')} /> : null}
        <UnsavedGuardProvider>{children}</UnsavedGuardProvider>
      </main>
    </div>
  );
}
