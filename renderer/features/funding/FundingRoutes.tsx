import type { ReactNode } from 'react';
import { Link, NavLink, Route, Routes, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/api';
import { GrantsScreen } from './GrantsScreen';
import { GrantScreen } from './GrantScreen';
import { BudgetScreen } from './BudgetScreen';
import { RentScreen } from './RentScreen';
import { InKindScreen } from './InKindScreen';
import './funding.css';

/**
 * The funding section's own row of tabs (grants, annual budget, rent, in-kind) and the overdue-rent
 * notice. Its h1 names the section and the open screen ("Grants, budget and rent — Rent"), so that
 * each screen has its own (issue 16: the funding screens shared one).
 */
function FundingHead({ screen, children }: { screen: string; children: ReactNode }) {
  const { t } = useTranslation(['funding']);
  const overdue = useCall('rent.overdueCount', {});
  const count = overdue.data?.count ?? 0;
  const { pathname } = useLocation();
  // The grants tab stays lit on a grant's own page.
  const onGrants = pathname === '/funding' || pathname === '/funding/' || pathname.startsWith('/funding/grants');
  return (
    <>
      <div className="page-head fd-head">
        <h1>
          {t('funding:title')} <span className="page-head-screen">— {screen}</span>
        </h1>
        <nav className="fd-nav" aria-label={t('funding:nav.label')}>
          <NavLink to="/funding" end className={onGrants ? 'active' : undefined} aria-current={onGrants ? 'page' : undefined}>
            {t('funding:nav.grants')}
          </NavLink>
          <NavLink to="/funding/budget">{t('funding:nav.budget')}</NavLink>
          <NavLink to="/funding/rent">
            {t('funding:nav.rent')}
            {count > 0 ? (
              <span className="badge fd-count" aria-label={t('funding:rent.overdueCount', { count })}>
                {count}
              </span>
            ) : null}
          </NavLink>
          <NavLink to="/funding/in-kind">{t('funding:nav.inKind')}</NavLink>
        </nav>
      </div>
      {count > 0 ? (
        <div className="notice notice-warning fd-overdue-notice" role="status">
          {t('funding:rent.overdueNotice', { count })} <Link to="/funding/rent">{t('funding:rent.openOverdue')}</Link>
        </div>
      ) : null}
      {children}
    </>
  );
}

/** A grant's page is named by the grant (the same grants.get as GrantScreen's: one request). */
function GrantPage() {
  const { t } = useTranslation(['funding']);
  const id = Number(useParams().id);
  const grant = useCall('grants.get', { id }, { enabled: Number.isInteger(id) && id > 0 });
  return (
    <FundingHead screen={grant.data?.title ?? t('funding:nav.grants')}>
      <GrantScreen />
    </FundingHead>
  );
}

/** The screens of this feature, mounted by App.tsx under /funding. */
export function FundingRoutes() {
  const { t } = useTranslation(['funding']);
  const page = (screen: string, node: ReactNode) => <FundingHead screen={screen}>{node}</FundingHead>;
  return (
    <Routes>
      <Route index element={page(t('funding:nav.grants'), <GrantsScreen />)} />
      <Route path="grants/:id" element={<GrantPage />} />
      <Route path="budget" element={page(t('funding:nav.budget'), <BudgetScreen />)} />
      <Route path="rent" element={page(t('funding:nav.rent'), <RentScreen />)} />
      <Route path="in-kind" element={page(t('funding:nav.inKind'), <InKindScreen />)} />
    </Routes>
  );
}
